import { randomUUID } from 'node:crypto';
import type { CompiledPolicy, TDecision } from '@escalate/rules';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { recordTimelineEvent, type TimelineBatch } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { REVIEW_SUBJECT_KEYWORDS, reviewActionInSubject } from '../policy/index.js';

/** A handoff note: the policy's note fields (camelCase names) with their text. */
export const ZNoteFields = z
  .record(z.string().regex(/^[a-z][A-Za-z0-9]{0,59}$/, 'note field names are camelCase'), z.string().max(10_000))
  .refine((fields) => Object.keys(fields).length <= 40, 'at most 40 note fields');

/** A handoff note: the policy's note fields by name (TON-4, LL-*). */
export type NoteFields = Record<string, string>;

export async function recordHandoffNote(
  tx: TenantTransaction,
  context: Context,
  caseId: string,
  fields: NoteFields,
  extra: Record<string, unknown> = {},
  /** collect the NOTE_ADDED event here instead of inserting it now */
  timeline?: TimelineBatch,
): Promise<string> {
  const id = randomUUID();
  await tx.handoffNote.createMany({
    data: [{ id, tenantId: context.viewer.tenantId, caseId, authorId: context.viewer.userId, fields }],
  });
  const event = { caseId, type: 'NOTE_ADDED', data: { noteId: id, fields, ...extra } };
  if (timeline) timeline.add(event);
  else await recordTimelineEvent(tx, context, event);
  return id;
}

/**
 * Note fields the case records in its own columns (CARE-R2: the CRM case number; the subject
 * with "Edit Review"/"Remove Review"), so the agent does not type them twice. Each gives the
 * value, or null when the case does not have it yet, and says where to set it.
 */
const CASE_COLUMN_NOTE_FIELDS: Record<
  string,
  { value: (row: { externalCrmNumber: string | null; subject: string }) => string | null; hint: string }
> = {
  crmCaseNumber: {
    value: (row) => row.externalCrmNumber?.trim() || null,
    hint: 'the external (CRM) case number: set externalCrmNumber on the case, or give it in the note',
  },
  subject: {
    value: (row) => (reviewActionInSubject(row.subject) ? row.subject : null),
    hint: `the case subject must contain "${REVIEW_SUBJECT_KEYWORDS.EDIT}" or "${REVIEW_SUBJECT_KEYWORDS.REMOVE}" (updateCase)`,
  },
};

/** Fields a policy requires that neither this request, the case itself nor an earlier note has (TON-4). */
export async function missingNoteFields(
  tx: Pick<TenantTransaction, 'handoffNote' | 'case'>,
  caseId: string,
  required: readonly string[],
  note: NoteFields | null | undefined,
  /** the case's own columns, when the caller already read them */
  row?: { externalCrmNumber: string | null; subject: string },
): Promise<string[]> {
  const present = new Set(
    Object.entries(note ?? {})
      .filter(([, value]) => value.trim() !== '')
      .map(([key]) => key),
  );
  let missing = required.filter((field) => !present.has(field));
  if (missing.some((field) => field in CASE_COLUMN_NOTE_FIELDS)) {
    const columns =
      row ?? (await tx.case.findUnique({ where: { id: caseId }, select: { externalCrmNumber: true, subject: true } }));
    if (columns) missing = missing.filter((field) => CASE_COLUMN_NOTE_FIELDS[field]?.value(columns) == null);
  }
  if (missing.length === 0) return [];
  const earlier = await tx.handoffNote.findMany({ where: { caseId }, select: { fields: true } });
  for (const row of earlier) {
    const fields = (row.fields ?? {}) as Record<string, unknown>;
    missing = missing.filter(
      (field) => !(typeof fields[field] === 'string' && (fields[field] as string).trim() !== ''),
    );
  }
  return missing;
}

/** NOTE_REQUIRED naming the missing fields and the requirements of the matched rules that ask for them. */
export function noteRequiredError(
  missing: string[],
  decision: TDecision,
  policy: CompiledPolicy,
  path = 'input.note',
): AppError {
  const matched = new Set(decision.explanation.rules.filter((trace) => trace.matched).map((trace) => trace.ruleId));
  const asking = policy.pack.rules.filter(
    (rule) => matched.has(rule.id) && rule.outcome.requiredNoteFields.some((field) => missing.includes(field)),
  );
  const requirements = [...new Set(asking.flatMap((rule) => rule.requirementIds))];
  return new AppError(
    'NOTE_REQUIRED',
    `A handoff note with ${missing.join(', ')} is required before the queue changes`,
    {
      rule: requirements.join(', ') || 'TON-4',
      fields: missing.map((field) => ({
        path: `${path}.${field}`,
        message: CASE_COLUMN_NOTE_FIELDS[field]?.hint ?? 'required by the policy',
      })),
      details: { missingNoteFields: missing, ruleIds: asking.map((rule) => rule.id) },
    },
  );
}
