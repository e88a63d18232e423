import { z } from 'zod';

/**
 * The case comment every review change carries (CARE-R5), in the care policy's format:
 * "Review edited: <reason> — requested by <requester> on <YYYY-MM-DD>" (or "Review removed: …").
 * Case and spacing are free; the dash may be an em dash, en dash or hyphen(s).
 */
export const REVIEW_ACTIONS = ['EDIT', 'REMOVE'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const REVIEW_SUBJECT_KEYWORDS: Readonly<Record<ReviewAction, string>> = {
  EDIT: 'Edit Review',
  REMOVE: 'Remove Review',
};

const ACTION_WORDS: Readonly<Record<ReviewAction, string>> = { EDIT: 'edited', REMOVE: 'removed' };

export const REVIEW_COMMENT_TEMPLATE = z
  .strictObject({
    id: z.string().min(1),
    text: z.string().min(1),
    placeholders: z.array(z.string().min(1)),
    example: z.string().min(1),
  })
  .parse({
    id: 'care-review-change-comment',
    text: 'Review {action}: {reason} — requested by {requester} on {date}',
    placeholders: ['action', 'reason', 'requester', 'date'],
    example:
      'Review edited: removed the provider’s last name at the seeker’s request — requested by Jamie on 2026-03-06',
  });

const COMMENT_PATTERN =
  /^\s*review\s+(edited|removed)\s*:\s*(?<reason>.*?)\s+[—–-]{1,2}\s+requested\s+by\s+(?<requester>.*?)\s+on\s+(?<date>\d{4}-\d{2}-\d{2})\s*\.?\s*$/isu;

export type ReviewCommentCheck = { ok: true } | { ok: false; problems: string[] };

/** Checks a comment against the template for the action taken; lists every problem. */
export function checkReviewComment(comment: string, action: ReviewAction): ReviewCommentCheck {
  const match = COMMENT_PATTERN.exec(comment);
  if (!match?.groups) {
    return { ok: false, problems: [`the comment does not follow the template "${REVIEW_COMMENT_TEMPLATE.text}"`] };
  }
  const problems: string[] = [];
  const written = match[1]?.toLowerCase();
  if (written !== ACTION_WORDS[action]) {
    problems.push(`the comment says "${written}" but the review is being ${ACTION_WORDS[action]}`);
  }
  const reason = match.groups.reason?.trim() ?? '';
  const requester = match.groups.requester?.trim() ?? '';
  const date = match.groups.date ?? '';
  if (!reason || /^\{reason\}$/i.test(reason)) problems.push('{reason} is empty');
  if (!requester || /^\{requester\}$/i.test(requester)) problems.push('{requester} is empty');
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    problems.push(`{date} "${date}" is not a calendar date`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true };
}

/** What a review escalation lacks (CARE-R2): the CRM case number, a subject with the keyword. */
export function missingEscalationFields(fields: {
  externalCrmNumber: string | null | undefined;
  subject: string | null | undefined;
}): { path: string; message: string }[] {
  const missing: { path: string; message: string }[] = [];
  if (!fields.externalCrmNumber?.trim()) {
    missing.push({
      path: 'input.externalCrmNumber',
      message: 'the external (CRM) case number of the review is required',
    });
  }
  if (reviewActionInSubject(fields.subject) === null) {
    missing.push({
      path: 'input.subject',
      message: `the case subject must contain "${REVIEW_SUBJECT_KEYWORDS.EDIT}" or "${REVIEW_SUBJECT_KEYWORDS.REMOVE}"`,
    });
  }
  return missing;
}

/** The action a subject asks for, by its keyword; null when it has neither. */
export function reviewActionInSubject(subject: string | null | undefined): ReviewAction | null {
  const normalized = (subject ?? '').replace(/\s+/g, ' ').toLowerCase();
  for (const action of REVIEW_ACTIONS) {
    if (normalized.includes(REVIEW_SUBJECT_KEYWORDS[action].toLowerCase())) return action;
  }
  return null;
}
