import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { ensurePolicyStructure, validatePolicyDocument } from './policy-store.js';

export const ZCreatePolicyVersionInput = z.object({
  document: z.unknown(),
  comment: z.string().trim().max(2000).nullish(),
  activate: z.boolean().nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

export const ZActivatePolicyVersionInput = z.object({
  version: z.number().int().min(1),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

async function activate(tx: TenantTransaction, context: Context, version: number): Promise<void> {
  const target = await tx.policyVersion.findFirst({ where: { version }, select: { id: true, document: true } });
  if (!target) {
    throw new AppError('NOT_FOUND', `Policy version ${version} not found`, {
      fields: [{ path: 'input.version', message: 'no such policy version in your organization' }],
    });
  }
  const previous = await tx.policyVersion.findFirst({ where: { active: true }, select: { version: true } });
  if (previous?.version === version) return;
  await tx.policyVersion.updateMany({ where: { active: true }, data: { active: false } });
  await tx.policyVersion.update({ where: { id: target.id }, data: { active: true } });
  await ensurePolicyStructure(tx, context.viewer.tenantId, validatePolicyDocument(target.document));
  await recordTimelineEvent(tx, context, {
    caseId: null,
    type: 'POLICY_ACTIVATED',
    data: { version: { before: previous?.version ?? null, after: version } },
    policyVersion: version,
  });
}

/** Stores a new policy version (admins; X-3). The document is validated and every problem listed. */
export async function createPolicyVersion(
  context: Context,
  input: z.output<typeof ZCreatePolicyVersionInput>,
): Promise<{ versionId: string }> {
  const pack = validatePolicyDocument(input.document);
  return runIdempotent(context, 'createPolicyVersion', input, input.idempotencyKey, async (tx) => {
    const latest = await tx.policyVersion.findFirst({
      orderBy: { version: 'desc' },
      select: { version: true, document: true },
    });
    const currentOrg = latest ? (latest.document as { orgSlug?: string }).orgSlug : null;
    if (currentOrg && currentOrg !== pack.orgSlug) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The policy is for "${pack.orgSlug}", your organization's is "${currentOrg}"`,
        {
          rule: 'X-3',
          fields: [{ path: 'input.document.orgSlug', message: `expected "${currentOrg}"` }],
        },
      );
    }
    const version = (latest?.version ?? 0) + 1;
    const row = await tx.policyVersion.create({
      data: {
        tenantId: context.viewer.tenantId,
        version,
        document: { ...pack, version } as object,
        comment: input.comment ?? null,
        createdById: context.viewer.userId,
      },
      select: { id: true },
    });
    await recordTimelineEvent(tx, context, {
      caseId: null,
      type: 'POLICY_VERSION_CREATED',
      data: { version, comment: input.comment ?? null },
      policyVersion: version,
    });
    if (input.activate) await activate(tx, context, version);
    return { versionId: row.id };
  });
}

/** Makes a stored version the one decisions use; exactly one version is active. */
export async function activatePolicyVersion(
  context: Context,
  input: z.output<typeof ZActivatePolicyVersionInput>,
): Promise<{ versionId: string }> {
  return runIdempotent(context, 'activatePolicyVersion', input, input.idempotencyKey, async (tx) => {
    await activate(tx, context, input.version);
    const row = await tx.policyVersion.findFirstOrThrow({ where: { version: input.version }, select: { id: true } });
    return { versionId: row.id };
  });
}
