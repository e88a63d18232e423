/**
 * Scale benchmark (PostgreSQL): 1M cases in one organization (batched INSERT … SELECT
 * generate_series), then `cases(first: 50, after)` through the full server at depth 10k and
 * near the end of the list; the deep page must cost ≤ 1.5× the shallow one. Also shows the
 * plans of filtered lists on the large table.
 *
 *   scripts/with-postgres.sh tsx bench/scale-bench.ts      (BENCH_SCALE_CASES, default 1000000)
 */
import { HARNESS_PEPPER, startHarness } from './harness.js';
import { runLoad } from './load.js';
import { startChild } from './processes.js';

const TOTAL = Number(process.env.BENCH_SCALE_CASES ?? 1_000_000);
const BATCH = 100_000;
const REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS ?? 200);
const GOAL = 1.5;

if (!process.env.DATABASE_URL) {
  console.log('scale benchmark skipped: needs PostgreSQL (run it with scripts/with-postgres.sh)');
  process.exit(0);
}

const harness = await startHarness({ poolSize: 4 });
const tenant = await harness.createTenant('care');
const queue = await harness.db.queue.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });

const seedStarted = Date.now();
for (let from = 1; from <= TOTAL; from += BATCH) {
  const to = Math.min(TOTAL, from + BATCH - 1);
  await harness.db.$executeRaw`
    INSERT INTO "Case" ("id", "tenantId", "number", "status", "priority", "queueId", "teamId", "customerRef", "subject",
      "triggers", "slaDueAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${tenant.tenantId}::uuid, g,
      (ARRAY['NEW', 'OPEN', 'ESCALATED', 'WAITING_ON_CUSTOMER', 'CLOSED'])[1 + g % 5],
      (ARRAY['LOW', 'NORMAL', 'HIGH', 'URGENT'])[1 + g % 4],
      ${queue.id}::uuid, ${queue.teamId}::uuid, 'member-' || (g % 50000), 'Scale case ' || g,
      CASE WHEN g % 97 = 0 THEN ARRAY['legal_threat'] ELSE ARRAY[]::text[] END,
      now() + ((g % 1000) || ' minutes')::interval,
      timestamptz '2026-01-01' + (g || ' seconds')::interval, now()
    FROM generate_series(${from}::int, ${to}::int) AS g`;
}
await harness.db.$executeRawUnsafe('ANALYZE "Case"');
const seedSeconds = (Date.now() - seedStarted) / 1000;

const server = await startChild<{ port: number }>('api-server.ts', ['full'], {
  DATABASE_URL: process.env.DATABASE_URL,
  BENCH_PEPPER: HARNESS_PEPPER,
  NODE_ENV: 'production',
  BENCH_RATE_LIMIT_STORE: 'postgres',
});
const url = `http://127.0.0.1:${server.message.port}/graphql`;
const headers = { authorization: `Bearer ${tenant.keys.tier2}` };
const PAGE =
  'query Page($after: String) { cases(first: 50, after: $after) { edges { node { id number status subject createdAt } } pageInfo { hasNextPage endCursor } } }';

// the cursor format is the server's own: take one from a first page and put another id in it
const first = (await (
  await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ query: PAGE }),
  })
).json()) as { data: { cases: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } } };
const sampleCursor = Buffer.from(first.data.cases.pageInfo.endCursor, 'base64').toString('utf8');
const lastNode = first.data.cases.edges.at(-1)?.node.id ?? '';
const lastRowId = Buffer.from(lastNode, 'base64').toString('utf8').split(':').pop() ?? lastNode;
const cursorFor = (id: string) => Buffer.from(sampleCursor.replace(lastRowId, id)).toString('base64');

async function idAt(offset: number): Promise<string> {
  const rows = await harness.db.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS id FROM "Case" WHERE "tenantId" = ${tenant.tenantId}::uuid
    ORDER BY "createdAt" DESC, "id" DESC OFFSET ${offset} LIMIT 1`;
  return rows[0]?.id as string;
}

async function pageLatency(offset: number) {
  const after = cursorFor(await idAt(offset));
  const body = JSON.stringify({ query: PAGE, variables: { after } });
  await runLoad({ url, headers, body: () => body, connections: 1, maxRequests: 20 });
  return runLoad({ url, headers, body: () => body, connections: 1, maxRequests: REQUESTS });
}

const shallowOffset = Math.min(10_000, TOTAL - 100);
const deepOffset = TOTAL - 100;
const shallow = await pageLatency(shallowOffset);
const deep = await pageLatency(deepOffset);

// case search (subject, description, customer reference; trigram indexes): a different,
// selective term per request, against the keyset page at 10k measured above
const SEARCH =
  'query Search($search: String!) { cases(first: 50, filter: { search: $search }) { edges { node { id number status subject createdAt } } pageInfo { hasNextPage endCursor } } }';
const searchBody = (n: number) =>
  JSON.stringify({
    query: SEARCH,
    variables: { search: `case ${100_000 + ((n * 7919) % Math.max(1, TOTAL - 100_000))}` },
  });
await runLoad({ url, headers, body: searchBody, connections: 1, maxRequests: 20 });
const search = await runLoad({ url, headers, body: (n) => searchBody(n + 20), connections: 1, maxRequests: REQUESTS });

const plans: Record<string, string> = {};
for (const [name, sql] of Object.entries({
  'status filter': `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid AND "status" IN ('OPEN') ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`,
  'trigger filter': `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid AND "triggers" @> ARRAY['legal_threat'] LIMIT 51`,
  search: `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid AND ("subject" ILIKE '%case 123456%' OR "description" ILIKE '%case 123456%' OR "customerRef" ILIKE '%case 123456%') ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`,
  'breached (due before now)': `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid AND "slaDueAt" < now() + interval '10 minutes' LIMIT 51`,
})) {
  const rows = await harness.db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ANALYZE ${sql}`, tenant.tenantId);
  plans[name] = rows.map((row) => row['QUERY PLAN']).join('\n    ');
}

const ratio = deep.p50Ms / shallow.p50Ms;
console.log(
  `\nScale benchmark on PostgreSQL: ${TOTAL.toLocaleString('en')} cases seeded in ${seedSeconds.toFixed(0)} s`,
);
console.log(
  `cases(first: 50, after) at ${shallowOffset.toLocaleString('en')}: p50 ${shallow.p50Ms.toFixed(1)} ms, p99 ${shallow.p99Ms.toFixed(1)} ms (${shallow.failures} failures)`,
);
console.log(
  `cases(first: 50, after) at ${deepOffset.toLocaleString('en')}: p50 ${deep.p50Ms.toFixed(1)} ms, p99 ${deep.p99Ms.toFixed(1)} ms (${deep.failures} failures)`,
);
console.log(`deep / 10k p50 ratio: ${ratio.toFixed(2)}× (goal ≤ ${GOAL}×) ${ratio <= GOAL ? 'ok' : 'HIGH'}`);
const searchRatio = search.p50Ms / shallow.p50Ms;
console.log(
  `search at ${TOTAL >= 1_000_000 ? `${TOTAL / 1_000_000}M` : TOTAL.toLocaleString('en')}: p50 ${search.p50Ms.toFixed(1)} ms = ${searchRatio.toFixed(2)}× a keyset page (p99 ${search.p99Ms.toFixed(1)} ms, ${search.failures} failures; goal ≤ 5×) ${searchRatio <= 5 ? 'ok' : 'NOT MET'}`,
);
for (const [name, plan] of Object.entries(plans)) console.log(`plan, ${name}:\n    ${plan}`);

await server.stop();
await harness.close();
