/**
 * Write benchmark (PostgreSQL, started durable: `ESCALATE_PG_FSYNC=on scripts/with-postgres.sh`):
 * - createCase through the full server at 1 and at 64 connections, in alternating one-second
 *   slices; the backends' wait events are sampled during the 64-connection slices;
 * - `escalate import` (the CLI, batches through createCases) of BENCH_IMPORT_CASES lines into a
 *   fresh organization, against one multi-row INSERT of the same rows and their timeline rows;
 * - the statements one escalateCase sends (Prisma's query log, BEGIN added).
 *
 *   ESCALATE_PG_FSYNC=on scripts/with-postgres.sh tsx bench/write-bench.ts
 * Env: BENCH_SECONDS (slices per side, default 5), BENCH_IMPORT_CASES (10000)
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabaseClient } from '../packages/api/src/db/prisma-client.js';
import { createLogger } from '../packages/api/src/logger.js';
import { createServer } from '../packages/api/src/server.js';
import { HARNESS_PEPPER, startHarness } from './harness.js';
import { combineLoads, type LoadResult, runLoad } from './load.js';
import { benchDir, startChild } from './processes.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const IMPORT_CASES = Number(process.env.BENCH_IMPORT_CASES ?? 10_000);
const GOALS = { scaling: 3, importFloor: 5, statements: 12 };

const url = process.env.DATABASE_URL;
if (!url) {
  console.log('write benchmark skipped: needs PostgreSQL (run it with scripts/with-postgres.sh)');
  process.exit(0);
}

const harness = await startHarness({ poolSize: 4 });
const durability = await harness.db.$queryRaw<{ fsync: string; sync: string }[]>`
  SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync`;
const server = await startChild<{ port: number }>('api-server.ts', ['full'], {
  DATABASE_URL: url,
  BENCH_PEPPER: HARNESS_PEPPER,
  NODE_ENV: 'production',
  BENCH_RATE_LIMIT_STORE: 'postgres',
});
const endpoint = `http://127.0.0.1:${server.message.port}/graphql`;

// --- createCase at 1 and 64 connections ------------------------------------------------------
const scalingTenant = await harness.createTenant('tonal');
const headers = { authorization: `Bearer ${scalingTenant.keys.agent}` };
const CREATE =
  'mutation Create($input: CreateCaseInput!) { createCase(input: $input) { __typename ... on CreateCasePayload { case { id number } } ... on AppError { code message } } }';
let sent = 0;
const createBody = () => {
  sent += 1;
  return JSON.stringify({
    query: CREATE,
    variables: { input: { subject: `Scaling ${sent}`, customerRef: `member-${sent % 500}`, channel: 'CHAT' } },
  });
};
const waits = new Map<string, number>();
let sampling = false;
const sampler = createDatabaseClient({ url, maxConnections: 1 });
const sample = async () => {
  while (sampling) {
    const rows = await sampler.$queryRaw<{ wait: string | null }[]>`
      SELECT wait_event_type || ':' || wait_event AS wait FROM pg_stat_activity
      WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`;
    for (const row of rows) waits.set(row.wait ?? 'CPU', (waits.get(row.wait ?? 'CPU') ?? 0) + 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
await runLoad({ url: endpoint, headers, body: createBody, connections: 8, durationMs: 1_000 }); // warm-up
const slices: Record<'one' | 'many', LoadResult[]> = { one: [], many: [] };
for (let slice = 0; slice < SECONDS; slice += 1) {
  slices.one.push(await runLoad({ url: endpoint, headers, body: createBody, connections: 1, durationMs: 1_000 }));
  sampling = true;
  const sampled = sample();
  slices.many.push(await runLoad({ url: endpoint, headers, body: createBody, connections: 64, durationMs: 1_000 }));
  sampling = false;
  await sampled;
}
const one = combineLoads(slices.one);
const many = combineLoads(slices.many);
const scaling = many.rps / Math.max(1e-9, one.rps);
const numbers = await harness.db.$queryRaw<{ count: number; distinct: number; max: number }[]>`
  SELECT count(*)::int AS count, count(DISTINCT "number")::int AS distinct, max("number")::int AS max
  FROM "Case" WHERE "tenantId" = ${scalingTenant.tenantId}::uuid`;

// --- bulk import against the multi-row INSERT floor ----------------------------------------------
const lines = Array.from({ length: IMPORT_CASES }, (_, index) =>
  JSON.stringify({
    subject: `Imported ${index + 1}`,
    customerRef: `imp-${index + 1}`,
    description: `Line ${index + 1} of the import`,
    priority: index % 3 ? 'NORMAL' : 'HIGH',
  }),
);
const file = path.join(tmpdir(), `escalate-bench-import-${process.pid}.ndjson`);
await writeFile(file, `${lines.join('\n')}\n`);

async function floorMs(withTimeline: boolean): Promise<number> {
  const tenant = await harness.createTenant('care');
  const started = process.hrtime.bigint();
  const cases = `INSERT INTO "Case" ("id", "tenantId", "number", "subject", "customerRef", "description", "priority", "slaStartedAt", "updatedAt")
    SELECT gen_random_uuid(), '${tenant.tenantId}'::uuid, g, 'Imported ' || g, 'imp-' || g, 'Line ' || g || ' of the import',
      CASE WHEN g % 3 = 1 THEN 'HIGH' ELSE 'NORMAL' END, now(), now()
    FROM generate_series(1, ${IMPORT_CASES}) AS g`;
  await harness.db.$executeRawUnsafe(
    withTimeline
      ? `WITH c AS (${cases} RETURNING "id", "number", "subject", "customerRef", "status", "priority", "tier")
         INSERT INTO "TimelineEvent" ("id", "tenantId", "caseId", "type", "data")
         SELECT gen_random_uuid(), '${tenant.tenantId}'::uuid, c."id", 'CASE_CREATED',
           jsonb_build_object('number', c."number", 'subject', c."subject", 'customerRef', c."customerRef",
             'status', c."status", 'priority', c."priority", 'tier', c."tier", 'queue', NULL)
         FROM c`
      : cases,
  );
  return Number(process.hrtime.bigint() - started) / 1e6;
}
const floorCasesMs = await floorMs(false);
const floorWithTimelineMs = await floorMs(true);

const importTenant = await harness.createTenant('care');
const cliMain = path.resolve(benchDir, '../packages/sdk/src/cli/main.ts');
const importStarted = process.hrtime.bigint();
const importRun = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cliMain, 'import', file, '--batch-size', '500', '--concurrency', '4', '--no-progress'],
    {
      env: { ...process.env, ESCALATE_URL: endpoint, ESCALATE_API_KEY: importTenant.keys.agent ?? '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.on('exit', (code) => resolve({ code, stderr }));
});
const importSeconds = Number(process.hrtime.bigint() - importStarted) / 1e9;
const imported = await harness.db.case.count({ where: { tenantId: importTenant.tenantId } });
const importRatio = (importSeconds * 1000) / floorWithTimelineMs;

// --- statements of one escalateCase ------------------------------------------------------------
const counted: string[] = [];
let counting = false;
const countingDb = createDatabaseClient({
  url,
  maxConnections: 2,
  onQuery: (event) => {
    if (counting) counted.push(event.query);
  },
});
const yoga = createServer({ db: countingDb, apiKeyPepper: HARNESS_PEPPER, logger: createLogger('silent') });
const escalateTenant = await harness.createTenant('tonal');
const call = async (query: string, variables: Record<string, unknown>) => {
  const response = await yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${escalateTenant.keys.tier2}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any> };
};
const ESCALATE =
  'mutation Escalate($caseId: ID!, $input: EscalateCaseInput!) { escalateCase(caseId: $caseId, input: $input) { __typename ... on EscalateCasePayload { outcome case { id version } } ... on AppError { code message } } }';
const escalateInput = {
  expectedVersion: 1,
  text: 'Can I please speak to your supervisor?',
  note: {
    reason: 'Member asked for a supervisor after a failed delivery',
    stepsTaken: 'Rescheduled delivery twice',
    offersMade: 'Offered one month free',
    helpNeeded: 'Supervisor to call the member today',
  },
};
const targets: string[] = [];
for (let i = 0; i < 2; i += 1) {
  const created = await call(CREATE, { input: { subject: `Escalate ${i}`, customerRef: `esc-${i}` } });
  targets.push(created.data?.createCase.case.id);
}
await call(ESCALATE, { caseId: targets[0], input: escalateInput }); // warm: key lookup, compiled policy
counting = true;
const escalated = await call(ESCALATE, { caseId: targets[1], input: escalateInput });
counting = false;
const statements = counted.filter((query) => !/^(SET|SAVEPOINT|RELEASE)/i.test(query.trim()));
const begins = statements.filter((query) => /^BEGIN/i.test(query.trim())).length;
const ends = statements.filter((query) => /^(COMMIT|ROLLBACK)/i.test(query.trim())).length;
const statementCount = statements.length + Math.max(0, ends - begins);

// --- report ------------------------------------------------------------------------------------
const mark = (ok: boolean) => (ok ? 'ok' : 'NOT MET');
const waitSummary = [...waits.entries()]
  .sort((a, b) => b[1] - a[1])
  .map(([wait, count]) => `${wait} ${count}`)
  .join(', ');
const lockWaits = [...waits.entries()].filter(([wait]) => wait.startsWith('Lock:')).reduce((sum, [, n]) => sum + n, 0);
console.log(
  `\nWrite benchmark on PostgreSQL (fsync=${durability[0]?.fsync}, synchronous_commit=${durability[0]?.sync}); full server, rate limit in PostgreSQL`,
);
console.log(
  `createCase at 1 connection: ${one.rps.toFixed(0)} req/s, p50 ${one.p50Ms.toFixed(1)} ms, p99 ${one.p99Ms.toFixed(1)} ms (${one.failures} failures); at 64: ${many.rps.toFixed(0)} req/s, p50 ${many.p50Ms.toFixed(1)} ms, p99 ${many.p99Ms.toFixed(1)} ms (${many.failures} failures${many.firstFailure ? `: ${many.firstFailure.slice(0, 200)}` : ''})`,
);
console.log(
  `active backends sampled at 64 connections: ${waitSummary || 'none'} (row-lock waits: ${lockWaits}); numbers: ${numbers[0]?.count} cases, ${numbers[0]?.distinct} distinct, highest ${numbers[0]?.max}`,
);
console.log(
  `createCase scaling: 64 connections = ${scaling.toFixed(2)}× 1 connection (goal ≥ ${GOALS.scaling}×) ${mark(scaling >= GOALS.scaling)}`,
);
console.log(
  `multi-row INSERT floor of ${IMPORT_CASES} rows: ${floorCasesMs.toFixed(0)} ms cases only, ${floorWithTimelineMs.toFixed(0)} ms with their timeline rows`,
);
console.log(
  `bulk import: ${IMPORT_CASES} cases in ${importSeconds.toFixed(1)} s = ${importRatio.toFixed(1)}× the multi-row INSERT floor (goal ≤ ${GOALS.importFloor}×) ${mark(importRatio <= GOALS.importFloor)}; escalate import exit ${importRun.code}, ${imported} cases created, ${importRun.stderr.trim().split('\n')[0]}`,
);
console.log(
  `escalateCase statements: ${statementCount} (goal ≤ ${GOALS.statements}; ${escalated.data?.escalateCase?.__typename} ${escalated.data?.escalateCase?.outcome ?? ''}) ${mark(statementCount <= GOALS.statements)}`,
);

await server.stop();
await countingDb.$disconnect();
await sampler.$disconnect();
await harness.close();
