import { z } from 'zod';
import type { Context } from '../../context.js';
import type { Prisma } from '../../db/prisma-client.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { refuseRecordedSignals } from '../../kernel/recorded-signals.js';
import { changedFields, recordTimelineEvent } from '../../kernel/timeline.js';
import { activePolicy } from '../policy/index.js';
import { resolveCaseBrand } from './case-brand.js';
import { assertCaseVersion, requireCase, updateCaseGuarded } from './case-guards.js';
import { normalizeConcern } from './case-service.js';
import { CASE_PRIORITIES, CHANNELS } from './case-vocabulary.js';
import { missingNoteFields, recordHandoffNote, ZNoteFields } from './handoff-notes.js';

/** Installer or sales-rep contact shared with the customer on request (SOL-6). */
export const ZInstallerInfo = z.object({
  name: z.string().trim().min(1).max(200),
  company: z.string().trim().max(200).nullish(),
  phone: z.string().trim().max(50).nullish(),
  email: z.email().max(320).nullish(),
  licenseNumber: z.string().trim().max(100).nullish(),
});
export type TInstallerInfo = z.infer<typeof ZInstallerInfo>;

export const ZUpdateCaseInput = z.object({
  expectedVersion: z.number().int().min(1),
  subject: z.string().trim().min(1, 'is required').max(500).nullish(),
  description: z.string().max(20_000).nullish(),
  priority: z.enum(CASE_PRIORITIES).nullish(),
  channel: z.enum(CHANNELS).nullish(),
  concern: z.string().trim().min(1).max(200).nullish(),
  externalCrmNumber: z.string().trim().min(1).max(100).nullish(),
  brand: z.string().trim().min(1).max(40).nullish(),
  signals: z
    .record(z.string(), z.unknown())
    .superRefine((signals, ctx) => refuseRecordedSignals(signals, ctx))
    .nullish(),
  installer: ZInstallerInfo.nullish(),
  queue: z.string().trim().min(1).max(80).nullish(),
  note: ZNoteFields.nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

/** Note fields the policy wants before any queue change: those of its rules that order a QUEUE step (TON-4). */
function queueChangeNoteFields(
  rules: readonly { outcome: { stepOrder: readonly string[]; requiredNoteFields: readonly string[] } }[],
) {
  const fields = new Set<string>();
  for (const rule of rules) {
    if (rule.outcome.stepOrder.includes('QUEUE'))
      for (const field of rule.outcome.requiredNoteFields) fields.add(field);
  }
  return [...fields];
}

/** Updates case fields on the version the caller read; a queue change needs the policy's handoff note. */
export async function updateCase(
  context: Context,
  rawCaseId: string,
  input: z.output<typeof ZUpdateCaseInput>,
): Promise<{ caseId: string }> {
  const caseId = rawCaseId;
  return runIdempotent(context, 'updateCase', { caseId, ...input }, input.idempotencyKey, async (tx) => {
    const current = await requireCase(tx, caseId, {
      version: true,
      subject: true,
      description: true,
      priority: true,
      channel: true,
      concern: true,
      externalCrmNumber: true,
      brand: true,
      signals: true,
      queue: { select: { slug: true } },
    });
    assertCaseVersion(current, input.expectedVersion);
    const next: Record<string, unknown> = {
      subject: input.subject ?? undefined,
      description: input.description ?? undefined,
      priority: input.priority ?? undefined,
      channel: input.channel ?? undefined,
      concern: input.concern ? normalizeConcern(input.concern) : undefined,
      externalCrmNumber: input.externalCrmNumber ?? undefined,
      brand: (await resolveCaseBrand(tx, input.brand)) ?? undefined,
    };
    if (input.signals || input.installer) {
      const stored = (current.signals ?? {}) as Record<string, unknown>;
      next.signals = {
        ...stored,
        ...(input.signals ?? {}),
        ...(input.installer ? { installer: input.installer } : {}),
      };
    }
    const data: Prisma.CaseUncheckedUpdateManyInput = {};
    const changes: Record<string, { before: unknown; after: unknown }> = changedFields(
      { ...current, queue: undefined } as Record<string, unknown>,
      next,
    );
    for (const [field, change] of Object.entries(changes)) (data as Record<string, unknown>)[field] = change.after;

    let queueChange: { before: string | null; after: string } | null = null;
    if (input.queue && input.queue !== current.queue?.slug) {
      const queue = await tx.queue.findFirst({ where: { slug: input.queue }, select: { id: true, teamId: true } });
      if (!queue) {
        throw new AppError('VALIDATION_FAILED', `Unknown queue "${input.queue}"`, {
          fields: [{ path: 'input.queue', message: 'no queue with this slug in your organization' }],
        });
      }
      const policy = await activePolicy(tx);
      const required = queueChangeNoteFields(policy.compiled.pack.rules);
      const missing = await missingNoteFields(tx, caseId, required, input.note);
      if (missing.length > 0) {
        throw new AppError(
          'NOTE_REQUIRED',
          `A handoff note with ${missing.join(', ')} is required before the queue changes`,
          {
            rule: 'TON-4',
            fields: missing.map((field) => ({ path: `input.note.${field}`, message: 'required by the policy' })),
            details: { missingNoteFields: missing },
          },
        );
      }
      data.queueId = queue.id;
      data.teamId = queue.teamId;
      queueChange = { before: current.queue?.slug ?? null, after: input.queue };
    }
    if (Object.keys(data).length === 0 && !(input.note && Object.keys(input.note).length > 0)) return { caseId };
    if (Object.keys(data).length > 0) await updateCaseGuarded(tx, caseId, input.expectedVersion, data);
    if (input.note && Object.keys(input.note).length > 0) await recordHandoffNote(tx, context, caseId, input.note);
    if (queueChange)
      await recordTimelineEvent(tx, context, { caseId, type: 'QUEUE_CHANGED', data: { queue: queueChange } });
    if (Object.keys(changes).length > 0)
      await recordTimelineEvent(tx, context, { caseId, type: 'FIELDS_CHANGED', data: changes });
    return { caseId };
  });
}

export const ZAddCommentInput = z.object({
  body: z.string().trim().min(1, 'is required').max(20_000),
  kind: z.enum(['COMMENT', 'FINAL']).default('COMMENT'),
  /** CIN-4: a supervisor grants a callback exception, recorded in the final comments */
  callbackException: z.boolean().nullish(),
  expectedVersion: z.number().int().min(1).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

export const CALLBACK_EXCEPTION_PREFIX = 'Callback exception granted: ';
const CALLBACK_EXCEPTION_ROLES = new Set(['tier1_supervisor', 'admin']);

/** The final comment of a callback exception, prefixed once even when the supervisor typed the prefix. */
function callbackExceptionComment(body: string): string {
  const alreadyPrefixed = body.toLowerCase().startsWith(CALLBACK_EXCEPTION_PREFIX.trim().toLowerCase());
  return alreadyPrefixed ? body : `${CALLBACK_EXCEPTION_PREFIX}${body}`;
}

/** Adds a comment; a callback exception (CIN-4) is a FINAL comment by a Tier 1 supervisor and flags the case. */
export async function addComment(
  context: Context,
  rawCaseId: string,
  input: z.output<typeof ZAddCommentInput>,
): Promise<{ commentId: string }> {
  const caseId = rawCaseId;
  if (input.callbackException) {
    if (!CALLBACK_EXCEPTION_ROLES.has(context.viewer.role)) {
      throw AppError.forbidden('Only a Tier 1 supervisor may grant a callback exception', 'CIN-4');
    }
    const problems = [];
    if (input.kind !== 'FINAL')
      problems.push({ path: 'input.kind', message: 'a callback exception is recorded in a FINAL comment' });
    if (!input.expectedVersion) problems.push({ path: 'input.expectedVersion', message: 'required to flag the case' });
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'A callback exception needs a FINAL comment and the case version', {
        rule: 'CIN-4',
        fields: problems,
      });
    }
  }
  return runIdempotent(context, 'addComment', { caseId, ...input }, input.idempotencyKey, async (tx) => {
    const current = await requireCase(tx, caseId, { version: true, signals: true });
    const body = input.callbackException ? callbackExceptionComment(input.body) : input.body;
    if (input.callbackException && input.expectedVersion) {
      assertCaseVersion(current, input.expectedVersion);
      const stored = (current.signals ?? {}) as Record<string, unknown>;
      const flags = Array.isArray(stored.flags) ? (stored.flags as string[]) : [];
      await updateCaseGuarded(tx, caseId, input.expectedVersion, {
        signals: { ...stored, flags: [...new Set([...flags, 'CALLBACK_EXCEPTION_GRANTED'])] },
      });
    }
    const comment = await tx.caseComment.create({
      data: { tenantId: context.viewer.tenantId, caseId, authorId: context.viewer.userId, kind: input.kind, body },
      select: { id: true },
    });
    await recordTimelineEvent(tx, context, {
      caseId,
      type: input.callbackException ? 'CALLBACK_EXCEPTION_GRANTED' : 'COMMENT_ADDED',
      data: { commentId: comment.id, kind: input.kind, body, ...(input.callbackException ? { rule: 'CIN-4' } : {}) },
    });
    return { commentId: comment.id };
  });
}
