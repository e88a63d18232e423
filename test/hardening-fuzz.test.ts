/**
 * Short property-based fuzz run over every mutation (full run: `pnpm fuzz`, 10,000 runs).
 * FUZZ_RUNS and FUZZ_SEED override the run count and seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { type FuzzTarget, runFuzz } from './hardening-fuzz-kit.js';
import { loadSchema } from './hardening-schema-walk.js';
import { tenantIds } from './hardening-tenant-state.js';

let kit: TestKit;
let tenant: TestTenant;
let target: FuzzTarget;

beforeAll(async () => {
  kit = await createTestKit();
  tenant = await kit.createTenant('care');
  for (let i = 0; i < 3; i += 1) {
    await tenant.as('agent')('mutation($input: CreateCaseInput!) { createCase(input: $input) { __typename } }', {
      input: { subject: `Fuzz target ${i}`, customerRef: `member-${i}`, concern: 'billing' },
    });
  }
  const ids = await tenantIds(kit.db, tenant.tenantId);
  const queues = await kit.db.queue.findMany({ where: { tenantId: tenant.tenantId }, select: { slug: true } });
  target = {
    schema: await loadSchema(tenant.as('admin')),
    execute: (role, query, variables) => tenant.as(role)(query, variables) as never,
    db: kit.db,
    tenantId: tenant.tenantId,
    // the users' own API keys stay out of reach of rotate/revoke, so every role keeps working
    idsByModel: new Map(
      [...ids.entries()].filter(([model]) => model !== 'ApiKey').map(([model, list]) => [model, list.slice(0, 5)]),
    ),
    queueSlugs: queues.map((queue) => queue.slug),
  };
});

afterAll(async () => {
  await kit?.close();
});

describe('fuzzing every mutation', () => {
  it('X-11 random valid and invalid inputs: no 5xx, no unexpected error, versions +1 with timeline, unique numbers', async () => {
    const numRuns = Number(process.env.FUZZ_RUNS ?? 150);
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
    const result = await runFuzz(target, { numRuns, seed });
    const outcomes = [...result.outcomes.entries()].sort((a, b) => b[1] - a[1]);
    console.info(`fuzz: ${result.runs} runs, seed ${result.seed}; outcomes ${JSON.stringify(outcomes)}`);
    // the run must reach the resolvers, not only the input coercion
    expect(outcomes.some(([outcome]) => outcome === 'payload' || outcome.startsWith('AppError'))).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.runs).toBe(numRuns);
  });
});
