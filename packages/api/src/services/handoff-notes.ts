import type { CompiledPolicy, TDecision } from '@escalate/rules';
import type { Context } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { recordTimelineEvent } from './timeline.js';
import type { TenantTransaction } from './transaction.js';

/** A handoff note: the policy's note fields by name (TON-4, LL-*). */
export type NoteFields = Record<string, string>;

export async function recordHandoffNote(
  tx: TenantTransaction,
  context: Context,
  caseId: string,
  fields: NoteFields,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const note = await tx.handoffNote.create({
    data: { tenantId: context.viewer.tenantId, caseId, authorId: context.viewer.userId, fields },
    select: { id: true },
  });
  await recordTimelineEvent(tx, context, {
    caseId,
    type: 'NOTE_ADDED',
    data: { noteId: note.id, fields, ...extra },
  });
  return note.id;
}

/** Fields a policy requires that neither this request nor an earlier note on the case has (TON-4). */
export async function missingNoteFields(
  tx: Pick<TenantTransaction, 'handoffNote'>,
  caseId: string,
  required: readonly string[],
  note: NoteFields | null | undefined,
): Promise<string[]> {
  const present = new Set(
    Object.entries(note ?? {})
      .filter(([, value]) => value.trim() !== '')
      .map(([key]) => key),
  );
  let missing = required.filter((field) => !present.has(field));
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
      fields: missing.map((field) => ({ path: `${path}.${field}`, message: 'required by the policy' })),
      details: { missingNoteFields: missing, ruleIds: asking.map((rule) => rule.id) },
    },
  );
}
