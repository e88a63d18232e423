/**
 * Full fuzz run: 10,000 random calls to every mutation (FUZZ_RUNS, FUZZ_SEED to change),
 * through the real server on PostgreSQL (DATABASE_URL) or an in-memory PGlite.
 *
 *   tsx scripts/fuzz.ts
 *   scripts/with-postgres.sh tsx scripts/fuzz.ts
 */
import { HARNESS_PEPPER, startHarness } from '../bench/harness.js';
import { createLogger } from '../packages/api/src/logger.js';
import { createServer } from '../packages/api/src/server.js';
import { type FuzzTarget, runFuzz } from '../test/hardening-fuzz-kit.js';
import { loadSchema } from '../test/hardening-schema-walk.js';
import { tenantIds } from '../test/hardening-tenant-state.js';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const unhandled: string[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(String(reason)));

const harness = await startHarness();
const tenant = await harness.createTenant('care');
const yoga = createServer({ db: harness.db, apiKeyPepper: HARNESS_PEPPER, logger: createLogger('silent') });
const execute = async (role: string, query: string, variables: Record<string, unknown> = {}) => {
  const key = tenant.keys[role];
  const response = await yoga.fetch('http://escalate.fuzz/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
};
for (let i = 0; i < 5; i += 1) {
  await execute('agent', 'mutation($input: CreateCaseInput!) { createCase(input: $input) { __typename } }', {
    input: { subject: `Fuzz target ${i}`, customerRef: `member-${i}`, concern: 'billing' },
  });
}
const ids = await tenantIds(harness.db, tenant.tenantId);
const queues = await harness.db.queue.findMany({ where: { tenantId: tenant.tenantId }, select: { slug: true } });
const target: FuzzTarget = {
  schema: await loadSchema((query, variables) => execute('admin', query, variables)),
  execute: execute as FuzzTarget['execute'],
  db: harness.db,
  tenantId: tenant.tenantId,
  idsByModel: new Map(
    [...ids.entries()].filter(([model]) => model !== 'ApiKey').map(([model, list]) => [model, list.slice(0, 5)]),
  ),
  queueSlugs: queues.map((queue) => queue.slug),
};

const started = Date.now();
const result = await runFuzz(target, { numRuns: runs, seed });
const seconds = (Date.now() - started) / 1000;
console.log(`fuzz: ${result.runs} runs on ${harness.kind} in ${seconds.toFixed(0)} s (seed ${result.seed})`);
for (const [outcome, count] of [...result.outcomes.entries()].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${String(count).padStart(6)}  ${outcome}`);
}
const failures = [...result.failures, ...unhandled.map((reason) => `unhandled rejection: ${reason}`)];
for (const failure of failures) console.log(`FAIL ${failure}`);
await harness.close();
process.exit(failures.length ? 1 : 0);
