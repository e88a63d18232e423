import {
  type CompiledPolicy,
  compilePolicy,
  PolicyPackError,
  parsePolicyPack,
  shippedPolicyPacks,
  type TPolicyPack,
  type TShippedPolicySlug,
} from '@escalate/rules';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';

/** Anything that can run raw SQL: the root client, a tenant-scoped client or a transaction. */
interface RawExecutor {
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number>;
}

/** Reads policy versions: the tenant-scoped client or a transaction on it. */
export type PolicyReader = Pick<Context['db'], 'policyVersion'>;

export interface ActivePolicy {
  /** PolicyVersion row id */
  id: string;
  version: number;
  compiled: CompiledPolicy;
}

const COMPILED_CACHE_LIMIT = 500;
/** Compiled policies by PolicyVersion row id; rows are never edited, so the id is a safe key. */
const compiledByVersionId = new Map<string, CompiledPolicy>();

/**
 * Validates a policy document. Every problem is listed as a field of the typed error
 * (path under `prefix`, e.g. `input.document.rules.3.outcome.target.queue`).
 */
export function validatePolicyDocument(document: unknown, prefix = 'input.document'): TPolicyPack {
  try {
    return parsePolicyPack(document);
  } catch (error) {
    if (error instanceof PolicyPackError) {
      throw new AppError('VALIDATION_FAILED', `The policy has ${error.problems.length} problem(s)`, {
        rule: 'X-3',
        fields: error.problems.map((problem) => ({
          path: problem.path ? `${prefix}.${problem.path}` : prefix,
          message: problem.message,
        })),
      });
    }
    throw error;
  }
}

/** The stored version number is the one decisions report, whatever the document says. */
function compileStored(id: string, version: number, document: unknown): CompiledPolicy {
  const cached = compiledByVersionId.get(id);
  if (cached) return cached;
  const pack = parsePolicyPack(document);
  const compiled = compilePolicy({ ...pack, version });
  if (compiledByVersionId.size >= COMPILED_CACHE_LIMIT) compiledByVersionId.clear();
  compiledByVersionId.set(id, compiled);
  return compiled;
}

async function loadCompiled(db: PolicyReader, row: { id: string; version: number }): Promise<CompiledPolicy> {
  const cached = compiledByVersionId.get(row.id);
  if (cached) return cached;
  const full = await db.policyVersion.findUniqueOrThrow({ where: { id: row.id }, select: { document: true } });
  return compileStored(row.id, row.version, full.document);
}

/** The tenant's active policy, compiled once per version (X-3). */
export async function activePolicy(db: PolicyReader): Promise<ActivePolicy> {
  const row = await db.policyVersion.findFirst({ where: { active: true }, select: { id: true, version: true } });
  if (!row) {
    throw new AppError('RULE_VIOLATION', 'Your organization has no active policy version; an admin must activate one', {
      rule: 'X-3',
    });
  }
  return { id: row.id, version: row.version, compiled: await loadCompiled(db, row) };
}

/**
 * The active policy from a PolicyVersion row the caller already read (joined into a larger
 * query); null means the organization has none.
 */
export async function activePolicyOf(
  db: PolicyReader,
  row: { id: string; version: number } | null,
): Promise<ActivePolicy> {
  if (!row) {
    throw new AppError('RULE_VIOLATION', 'Your organization has no active policy version; an admin must activate one', {
      rule: 'X-3',
    });
  }
  return { id: row.id, version: row.version, compiled: await loadCompiled(db, row) };
}

/** A specific stored version of the tenant's policy. */
export async function policyByVersion(db: PolicyReader, version: number, path = 'version'): Promise<ActivePolicy> {
  const row = await db.policyVersion.findFirst({ where: { version }, select: { id: true, version: true } });
  if (!row) {
    throw new AppError('NOT_FOUND', `Policy version ${version} not found`, {
      fields: [{ path, message: 'no such policy version in your organization' }],
    });
  }
  return { id: row.id, version: row.version, compiled: await loadCompiled(db, row) };
}

/**
 * Makes sure the teams and queues a policy routes to exist (TON-3: each team owns its queues).
 * Existing rows are left as they are.
 */
export async function ensurePolicyStructure(db: RawExecutor, tenantId: string, pack: TPolicyPack): Promise<void> {
  for (const team of pack.teams) {
    await db.$executeRaw`
      INSERT INTO "Team" ("id", "tenantId", "slug", "name")
      VALUES (gen_random_uuid(), ${tenantId}::uuid, ${team.slug}, ${team.name})
      ON CONFLICT ("tenantId", "slug") DO NOTHING`;
    for (const queue of team.queues) {
      await db.$executeRaw`
        INSERT INTO "Queue" ("id", "tenantId", "slug", "name", "teamId")
        SELECT gen_random_uuid(), ${tenantId}::uuid, ${queue.slug}, ${queue.name}, t."id"
        FROM "Team" t WHERE t."tenantId" = ${tenantId}::uuid AND t."slug" = ${team.slug}
        ON CONFLICT ("tenantId", "slug") DO NOTHING`;
    }
  }
}

export function shippedPackFor(slug: string): TPolicyPack | null {
  return shippedPolicyPacks[slug as TShippedPolicySlug] ?? null;
}

/**
 * Seeds version 1 of a tenant's policy from the shipped pack when it has no policy yet.
 * Returns false when no pack ships for that organization.
 */
export async function seedShippedPolicy(
  db: RawExecutor & { policyVersion: { count(args: { where: { tenantId: string } }): PromiseLike<number> } },
  tenantId: string,
  packSlug: string,
): Promise<boolean> {
  const pack = shippedPackFor(packSlug);
  if (!pack) return false;
  if ((await db.policyVersion.count({ where: { tenantId } })) > 0) return true;
  await ensurePolicyStructure(db, tenantId, pack);
  const document = JSON.stringify(pack);
  await db.$executeRaw`
    INSERT INTO "PolicyVersion" ("id", "tenantId", "version", "document", "active", "comment")
    VALUES (gen_random_uuid(), ${tenantId}::uuid, 1, ${document}::jsonb, true, ${`shipped ${pack.policyId} policy pack`})
    ON CONFLICT DO NOTHING`;
  return true;
}
