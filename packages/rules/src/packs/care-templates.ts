/**
 * CARE data the API enforces next to the care policy pack (sops/care-tier2-escalations.txt):
 * the review-escalation requirements (CARE-R2), the review case-comment template (CARE-R5),
 * the DSAR email templates (CARE-P5), the privacy-request vocabulary (CARE-P2, P3) and the
 * closing comment (CARE-P6). Pure data and pure functions: no I/O.
 */
import type { TCustomerFacts } from '../types.js';

// ─── CARE-R2: what a review escalation from Tier 1 must carry ───────────────────────────────

export const REVIEW_ACTIONS = ['EDIT', 'REMOVE'] as const;
export type TReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Subject keyword per action: "Edit Review" or "Remove Review" in the case subject line. */
export const REVIEW_SUBJECT_KEYWORDS: Readonly<Record<TReviewAction, string>> = {
  EDIT: 'Edit Review',
  REMOVE: 'Remove Review',
};

export interface TReviewEscalationFields {
  /** the Salesforce (external CRM) case number of the review */
  crmCaseNumber?: string | null;
  subject?: string | null;
}

/**
 * What a review escalation is missing (CARE-R2): the CRM case number, or a subject that
 * contains "Edit Review" / "Remove Review" (any case, any spacing). Empty when complete.
 */
export function missingReviewEscalationFields(
  fields: TReviewEscalationFields,
  action: TReviewAction,
): { field: 'crmCaseNumber' | 'subject'; message: string }[] {
  const missing: { field: 'crmCaseNumber' | 'subject'; message: string }[] = [];
  if (!fields.crmCaseNumber?.trim()) {
    missing.push({ field: 'crmCaseNumber', message: 'the Salesforce (CRM) case number of the review is required' });
  }
  const keyword = REVIEW_SUBJECT_KEYWORDS[action];
  const subject = (fields.subject ?? '').replace(/\s+/g, ' ').toLowerCase();
  if (!subject.includes(keyword.toLowerCase())) {
    missing.push({ field: 'subject', message: `the case subject must contain "${keyword}"` });
  }
  return missing;
}

// ─── CARE-R5: the case comment every review change carries ──────────────────────────────────

/** Past-tense verb written into the comment for each action. */
export const REVIEW_COMMENT_ACTION_WORDS: Readonly<Record<TReviewAction, string>> = {
  EDIT: 'edited',
  REMOVE: 'removed',
};

export const REVIEW_COMMENT_TEMPLATE = {
  id: 'care-review-change-comment',
  text: 'Review {action}: {reason} — requested by {requester} on {date}',
  placeholders: ['action', 'reason', 'requester', 'date'],
  /** shown to the agent with the template */
  example: 'Review edited: removed the provider’s last name at the seeker’s request — requested by Jamie on 2026-03-06',
} as const;

export interface TReviewCommentValues {
  action: TReviewAction;
  reason: string;
  requester: string;
  /** the request date, YYYY-MM-DD */
  date: string;
}

export function renderReviewComment(values: TReviewCommentValues): string {
  return `Review ${REVIEW_COMMENT_ACTION_WORDS[values.action]}: ${values.reason.trim()} — requested by ${values.requester.trim()} on ${values.date}`;
}

const REVIEW_COMMENT_PATTERN =
  /^\s*review\s+(edited|removed)\s*:\s*(?<reason>.*?)\s+[—–-]{1,2}\s+requested\s+by\s+(?<requester>.*?)\s+on\s+(?<date>\d{4}-\d{2}-\d{2})\s*\.?\s*$/isu;

export type TReviewCommentCheck = { ok: true; values: TReviewCommentValues } | { ok: false; problems: string[] };

/**
 * Checks a case comment against the template for the action taken (CARE-R5). Case and
 * spacing are free; the dash may be an em dash, en dash or hyphen; every placeholder must be
 * filled and the date must be a real YYYY-MM-DD date.
 */
export function checkReviewComment(comment: string, action: TReviewAction): TReviewCommentCheck {
  const expected = `expected "${REVIEW_COMMENT_TEMPLATE.text}"`;
  const match = REVIEW_COMMENT_PATTERN.exec(comment);
  if (!match?.groups) return { ok: false, problems: [`the comment does not follow the template: ${expected}`] };
  const problems: string[] = [];
  const written = match[1]?.toLowerCase();
  const wanted = REVIEW_COMMENT_ACTION_WORDS[action];
  if (written !== wanted) problems.push(`the comment says "${written}" but the review is being ${wanted}`);
  const reason = match.groups.reason?.trim() ?? '';
  const requester = match.groups.requester?.trim() ?? '';
  const date = match.groups.date ?? '';
  if (reason.length === 0 || /^\{reason\}$/i.test(reason)) problems.push('{reason} is empty');
  if (requester.length === 0 || /^\{requester\}$/i.test(requester)) problems.push('{requester} is empty');
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    problems.push(`{date} "${date}" is not a calendar date`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values: { action, reason, requester, date } };
}

// ─── CARE-G2: the name a template addresses the member by ───────────────────────────────────

/** The name field of every template: the preferred name when one is set, else the legal name. */
export function templateName(customer: Pick<TCustomerFacts, 'preferredName' | 'legalName'>): string | null {
  return customer.preferredName?.trim() || customer.legalName?.trim() || null;
}

// ─── CARE-P1 … P6: privacy requests (DSAR) ──────────────────────────────────────────────────

export const PRIVACY_REQUEST_TYPES = ['DATA_CATEGORIES', 'ACCESS_DATA', 'DELETE_DATA'] as const;
export const PRIVACY_REQUEST_STATUSES = ['REQUESTED', 'COMPLETED_FAILED_VERIFICATION'] as const;
export type TPrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

/** Sign-in methods that cannot complete the self-service webform without a password (CARE-P1). */
export const SOCIAL_SIGN_IN_METHODS = ['google', 'apple'] as const;

/** True when the member signs in only with Google and/or Apple (no password yet). */
export function signsInOnlySocially(customer: Pick<TCustomerFacts, 'signInMethods'>): boolean {
  const methods = customer.signInMethods.map((method) => method.toLowerCase());
  const social: readonly string[] = SOCIAL_SIGN_IN_METHODS;
  return methods.length > 0 && methods.every((method) => social.includes(method));
}

export interface TEmailTemplate {
  id: string;
  subject: string;
  body: string;
  placeholders: readonly string[];
}

const PRIVACY_EMAIL_PLACEHOLDERS = ['preferredName', 'requestNumber', 'requestType', 'selfServiceLink'] as const;

/** The automatic DSAR emails (CARE-P5); `{preferredName}` resolves through `templateName`. */
export const CARE_EMAIL_TEMPLATES = {
  'privacy-ccpa-request-link': {
    id: 'privacy-ccpa-request-link',
    subject: 'Privacy CCPA – Request Link',
    body: [
      'Hi {preferredName},',
      '',
      'Thank you for contacting us about your personal information. Your privacy request {requestNumber} ({requestType}) is ready.',
      'Please complete it on our secure self-service form, signing in with your account email and password:',
      '{selfServiceLink}',
      '',
      'The Care Privacy Team',
    ].join('\n'),
    placeholders: PRIVACY_EMAIL_PLACEHOLDERS,
  },
  'privacy-ccpa-user-verification': {
    id: 'privacy-ccpa-user-verification',
    subject: 'Privacy CCPA – User Verification',
    body: [
      'Hi {preferredName},',
      '',
      'We received your privacy request {requestNumber} ({requestType}) but could not find an account matching your contact details.',
      'You can submit your request on our secure self-service form, where we will verify your identity:',
      '{selfServiceLink}',
      '',
      'The Care Privacy Team',
    ].join('\n'),
    placeholders: PRIVACY_EMAIL_PLACEHOLDERS,
  },
} as const satisfies Record<string, TEmailTemplate>;
export type TCareEmailTemplateId = keyof typeof CARE_EMAIL_TEMPLATES;

/** Which email a new privacy request queues, by its status (CARE-P5). */
export const PRIVACY_EMAIL_BY_STATUS: Readonly<Record<TPrivacyRequestStatus, TCareEmailTemplateId>> = {
  REQUESTED: 'privacy-ccpa-request-link',
  COMPLETED_FAILED_VERIFICATION: 'privacy-ccpa-user-verification',
};

/** Renders an email; a placeholder without a value is an error, never a hole in the email. */
export function renderCareEmail(
  id: TCareEmailTemplateId,
  values: Readonly<Record<(typeof PRIVACY_EMAIL_PLACEHOLDERS)[number], string>>,
): { subject: string; body: string } {
  const template = CARE_EMAIL_TEMPLATES[id];
  const fill = (text: string) =>
    text.replace(/\{([a-zA-Z]+)\}/g, (_whole, name: string) => {
      const value = (values as Readonly<Record<string, string>>)[name];
      if (value === undefined || value.trim() === '') {
        throw new Error(`email template ${id}: no value for {${name}}`);
      }
      return value;
    });
  return { subject: fill(template.subject), body: fill(template.body) };
}

/** Closing the case after the privacy request is created (CARE-P6). */
export const PRIVACY_CASE_CLOSING = {
  commentTemplate: 'Created privacy request: {requestNumber}',
  caseReason: 'Account Management',
  secondaryCaseReason: 'Data Deletion',
} as const;

export function privacyClosingComment(requestNumber: string): string {
  return PRIVACY_CASE_CLOSING.commentTemplate.replace('{requestNumber}', requestNumber);
}
