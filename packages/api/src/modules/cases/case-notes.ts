import { z } from 'zod';
import type { Context } from '../../context.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { requireCase } from './case-guards.js';
import { recordHandoffNote, ZNoteFields } from './handoff-notes.js';

export const ZAddHandoffNoteInput = z.object({
  fields: ZNoteFields.refine(
    (fields) => Object.values(fields).some((value) => value.trim() !== ''),
    'a handoff note needs at least one filled field',
  ),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

/**
 * Adds a structured handoff note (TON-4, LL-*). A note written before a queue change counts
 * for it; notes do not change the case itself, so they need no version.
 */
export async function addHandoffNote(
  context: Context,
  rawCaseId: string,
  input: z.output<typeof ZAddHandoffNoteInput>,
): Promise<{ noteId: string }> {
  const caseId = rawCaseId;
  const fields = Object.fromEntries(
    Object.entries(input.fields)
      .map(([key, value]) => [key, value.trim()] as const)
      .filter(([, value]) => value !== ''),
  );
  return runIdempotent(context, 'addHandoffNote', { caseId, ...input }, input.idempotencyKey, async (tx) => {
    await requireCase(tx, caseId, { id: true });
    return { noteId: await recordHandoffNote(tx, context, caseId, fields) };
  });
}
