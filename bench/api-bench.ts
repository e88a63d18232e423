/**
 * API benchmark: each operation through the full HTTP stack (Yoga + Pothos + auth + limits +
 * rate limit + logs + metrics) against a bare node:http handler doing the same database work,
 * in the same run and on the same database. Prints requests/s, p50/p99 and the ratio.
 *
 *   tsx bench/api-bench.ts                          embedded PGlite (its own process)
 *   scripts/with-postgres.sh tsx bench/api-bench.ts PostgreSQL
 * Env: BENCH_SECONDS (per operation, default 5), BENCH_CONNECTIONS (16), BENCH_MEMORY_SECONDS (0: off)
 *
 * The memory run builds the API and starts it the way production does (`start:prod` of
 * packages/api: compiled JavaScript with its V8 flags), then, for comparison, the same build with
 * Node's defaults and the development server (tsx), each under the same mixed load.
 */
import { nextTenantNumbers } from '../packages/api/src/kernel/counters.js';
import { HARNESS_PEPPER, type HarnessTenant, startHarness } from './harness.js';
import { combineLoads, type LoadResult, runLoad } from './load.js';
import { buildApi, type Child, cpuMs, productionCommand, rssMb, startApiProcess, startChild } from './processes.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const MEMORY_SECONDS = Number(process.env.BENCH_MEMORY_SECONDS ?? 0);
const ESCALATIONS = Number(process.env.BENCH_ESCALATIONS ?? 400);
const GOAL = 0.5;

const SUPERVISOR_ASK = 'Can I please speak to your supervisor?';
const NOTE = {
  reason: 'Member asked for a supervisor after a failed delivery',
  stepsTaken: 'Rescheduled delivery twice',
  offersMade: 'Offered one month free',
  helpNeeded: 'Supervisor to call the member today',
};

const DOCUMENTS = {
  case: 'query Case($id: ID!) { case(id: $id) { id number status priority subject customerRef version createdAt team { id name } queue { id slug } assignee { id name } } }',
  cases:
    'query Cases { cases(first: 50) { edges { node { id number status priority subject customerRef version createdAt team { id name } queue { id slug } assignee { id name } } } pageInfo { hasNextPage endCursor } } }',
  routeCase:
    'query Route($caseId: ID!) { routeCase(caseId: $caseId) { __typename ... on RoutingDecision { outcome policyVersion setStatus setPriority guidance requiredNoteFields } ... on AppError { code message } } }',
  createCase:
    'mutation Create($input: CreateCaseInput!) { createCase(input: $input) { __typename ... on CreateCasePayload { case { id number } } ... on AppError { code message } } }',
  escalateCase:
    'mutation Escalate($caseId: ID!, $input: EscalateCaseInput!) { escalateCase(caseId: $caseId, input: $input) { __typename ... on EscalateCasePayload { outcome case { id version } } ... on AppError { code message } } }',
} as const;
type Operation = keyof typeof DOCUMENTS;

async function seedCases(
  harness: Awaited<ReturnType<typeof startHarness>>,
  tenant: HarnessTenant,
  count: number,
  prefix: string,
) {
  const queue = await harness.db.queue.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
  // numbers from the tenant's sequence, so cases created during the run do not collide with them
  const numbers = await nextTenantNumbers(harness.db, tenant.tenantId, 'case', count);
  await harness.db.case.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      tenantId: tenant.tenantId,
      number: numbers[i] as number,
      subject: `${prefix} ${SUPERVISOR_ASK}`,
      customerRef: `member-${i % 500}`,
      status: 'OPEN',
      queueId: queue.id,
      teamId: queue.teamId,
      assigneeId: tenant.userIds.tier2 ?? null,
      createdById: tenant.userIds.agent ?? null,
    })),
  });
  const rows = await harness.db.case.findMany({
    where: { tenantId: tenant.tenantId, subject: { startsWith: `${prefix} ` } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

function bodyFor(mode: 'full' | 'bare', operation: Operation, caseIds: string[]): (n: number) => string {
  return (n) => {
    const caseId = caseIds[(n - 1) % caseIds.length] as string;
    const variables: Record<string, unknown> =
      operation === 'case'
        ? { id: caseId }
        : operation === 'cases'
          ? {}
          : operation === 'routeCase'
            ? { caseId }
            : operation === 'createCase'
              ? { input: { subject: `Mixed load ${n}`, customerRef: `member-${n % 500}`, channel: 'CHAT' } }
              : { caseId, input: { expectedVersion: 1, text: SUPERVISOR_ASK, note: NOTE } };
    if (mode === 'full') return JSON.stringify({ query: DOCUMENTS[operation], variables });
    const bare = operation === 'escalateCase' ? { caseId, input: JSON.stringify(variables.input) } : variables;
    return JSON.stringify({ operation, variables: bare });
  };
}

interface Row {
  operation: string;
  bare: LoadResult;
  full: LoadResult;
}

function formatRow(row: Row): string {
  const ratio = row.bare.rps ? row.full.rps / row.bare.rps : 0;
  const note =
    row.full.failures || row.bare.failures ? `  failures full ${row.full.failures} bare ${row.bare.failures}` : '';
  return `${row.operation.padEnd(22)} ${row.bare.rps.toFixed(0).padStart(7)} ${row.bare.p50Ms.toFixed(1).padStart(6)} ${row.bare.p99Ms.toFixed(1).padStart(6)}   ${row.full.rps.toFixed(0).padStart(7)} ${row.full.p50Ms.toFixed(1).padStart(6)} ${row.full.p99Ms.toFixed(1).padStart(6)}   ${ratio.toFixed(2).padStart(5)}× ${ratio >= GOAL ? 'ok ' : 'LOW'}${note}`;
}

async function main() {
  let embedded: Child<{ url: string }> | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startChild<{ url: string }>('embedded-db.ts', [], {});
    databaseUrl = embedded.message.url;
  }
  const kind = embedded ? 'embedded PGlite (separate process, wire protocol)' : 'PostgreSQL';
  const harness = await startHarness({ databaseUrl, poolSize: 4 });
  const tenant = await harness.createTenant('tonal');
  const caseIds = await seedCases(harness, tenant, 1_000, 'Bench');
  const escalationTargets = {
    bare: await seedCases(harness, tenant, ESCALATIONS, 'EscBare'),
    full: await seedCases(harness, tenant, ESCALATIONS, 'EscFull'),
  };
  const env = {
    DATABASE_URL: databaseUrl,
    BENCH_PEPPER: HARNESS_PEPPER,
    BENCH_EMBEDDED: embedded ? '1' : '0',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
  };
  // the production default: buckets in PostgreSQL (shared by replicas); the embedded
  // database has exactly one API process, so it keeps them in memory
  const store = embedded ? 'memory' : 'postgres';
  const otherStore = embedded ? 'postgres' : 'memory';
  const servers = {
    bare: await startChild<{ port: number }>('api-server.ts', ['bare'], env),
    full: await startChild<{ port: number }>('api-server.ts', ['full'], { ...env, BENCH_RATE_LIMIT_STORE: store }),
    other: await startChild<{ port: number }>('api-server.ts', ['full'], {
      ...env,
      BENCH_RATE_LIMIT_STORE: otherStore,
    }),
  };
  const headers = { authorization: `Bearer ${tenant.keys.tier2}` };
  const urlOf = (mode: 'bare' | 'full' | 'other') => `http://127.0.0.1:${servers[mode].message.port}/graphql`;

  const rows: Row[] = [];
  const skipped: string[] = [];
  // bare and full take turns in one-second slices, so both see the same machine load
  const compare = async (operation: Operation, full: 'full' | 'other') => {
    const slices: Record<'bare' | 'full', LoadResult[]> = { bare: [], full: [] };
    const options = (mode: 'bare' | 'full' | 'other') => ({
      url: urlOf(mode),
      headers,
      body: bodyFor(mode === 'bare' ? 'bare' : 'full', operation, caseIds),
      connections: CONNECTIONS,
    });
    await runLoad({ ...options('bare'), durationMs: 500 }); // warm-up
    await runLoad({ ...options(full), durationMs: 500 });
    for (let slice = 0; slice < SECONDS; slice += 1) {
      slices.bare.push(await runLoad({ ...options('bare'), durationMs: 1_000 }));
      slices.full.push(await runLoad({ ...options(full), durationMs: 1_000 }));
    }
    return { operation: operation as string, bare: combineLoads(slices.bare), full: combineLoads(slices.full) };
  };
  for (const operation of ['case', 'cases', 'routeCase'] as const) {
    const row = await compare(operation, 'full');
    if (row.full.failures > row.full.requests / 2) skipped.push(`${operation}: ${row.full.firstFailure}`);
    else rows.push(row);
  }
  // what the other rate-limit store costs, on the cheapest operation
  rows.push({ ...(await compare('case', 'other')), operation: `case (limit: ${otherStore})` });
  // escalateCase writes: every request escalates a case of its own, once
  const escalation: Partial<Record<'bare' | 'full', LoadResult>> = {};
  for (const mode of ['bare', 'full'] as const) {
    escalation[mode] = await runLoad({
      url: urlOf(mode),
      headers,
      body: bodyFor(mode, 'escalateCase', escalationTargets[mode]),
      connections: Math.min(CONNECTIONS, 8),
      maxRequests: ESCALATIONS,
    });
  }
  if ((escalation.full?.failures ?? 0) > ESCALATIONS / 2 || (escalation.bare?.failures ?? 0) > ESCALATIONS / 2) {
    skipped.push(`escalateCase: ${escalation.full?.firstFailure ?? escalation.bare?.firstFailure}`);
  } else
    rows.push({ operation: 'escalateCase', bare: escalation.bare as LoadResult, full: escalation.full as LoadResult });

  console.log(
    `\nAPI benchmark on ${kind}; ${CONNECTIONS} connections, ${SECONDS} s per operation; rate limit buckets: ${store}`,
  );
  console.log(
    `${'operation'.padEnd(22)} ${'bare: req/s'.padStart(7)} ${'p50'.padStart(6)} ${'p99'.padStart(6)}   ${'full: req/s'.padStart(7)} ${'p50'.padStart(6)} ${'p99'.padStart(6)}   ratio (goal ≥ ${GOAL}×)`,
  );
  for (const row of rows) console.log(formatRow(row));
  for (const line of skipped) console.log(`skipped ${line.slice(0, 300)}`);

  const BUDGET_MB = 256;
  const measureMemory = async (server: Child<{ port: number }>, label: string) => {
    const pid = server.process.pid as number;
    const idle = rssMb(pid);
    const cpuBefore = cpuMs(pid);
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(pid));
    }, 250);
    // reads and writes: one request in four creates a case
    const mixed = ['case', 'cases', 'routeCase', 'createCase'] as const;
    const load = await runLoad({
      url: `http://127.0.0.1:${server.message.port}/graphql`,
      headers,
      body: (n) => bodyFor('full', mixed[n % mixed.length] as Operation, caseIds)(n),
      connections: CONNECTIONS,
      durationMs: MEMORY_SECONDS * 1_000,
    });
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(pid));
    // the kernel's high-water mark also catches what falls between samples, and start-up
    const highWater = rssMb(pid, 'peak');
    const cpuPerRequest = (cpuMs(pid) - cpuBefore) / Math.max(1, load.requests);
    const failures = load.failures ? `, ${load.failures} failed: ${load.firstFailure?.slice(0, 200)}` : '';
    console.log(
      `memory (${label}, mixed read/write load): RSS ${idle.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB under ${MEMORY_SECONDS} s mixed load, ${highWater.toFixed(0)} MB since start (${load.requests} requests, ${load.rps.toFixed(0)} req/s, server CPU ${cpuPerRequest.toFixed(1)} ms/request${failures}); budget ${BUDGET_MB} MB → ${(highWater / BUDGET_MB).toFixed(2)}× ${highWater <= BUDGET_MB ? 'ok' : 'OVER'}`,
    );
    return { highWater, cpuPerRequest };
  };
  if (MEMORY_SECONDS > 0) {
    // the full API (main.js: delivery worker included) configured as in production, with a
    // rate limit high enough not to refuse and one info log line per request (discarded)
    buildApi();
    const production = productionCommand();
    const apiEnv = {
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ESCALATE_API_KEY_PEPPER: HARNESS_PEPPER,
      ESCALATE_DEMO_KEY_SECRET: 'bench-demo-key-secret',
      ESCALATE_METRICS_TOKEN: 'bench-metrics-token-0123456789',
      ESCALATE_SEED: 'false',
      ESCALATE_GRAPHIQL: 'false',
      ESCALATE_INTROSPECTION: 'false',
      ESCALATE_RATE_LIMIT_STORE: store,
      ESCALATE_RATE_LIMIT_PER_SECOND: '1000000',
      ESCALATE_RATE_LIMIT_BURST: '1000000',
    };
    const runs: [string, () => Promise<Child<{ port: number }>>][] = [
      [`production: ${production.text}`, () => startApiProcess(production, apiEnv)],
      [
        `compiled, Node defaults: node ${production.script}`,
        () => startApiProcess({ flags: [], script: production.script }, apiEnv),
      ],
    ];
    const measured: { highWater: number; cpuPerRequest: number }[] = [];
    for (const [label, start] of runs) {
      const server = await start();
      measured.push(await measureMemory(server, label));
      await server.stop();
    }
    const defaults = measured[1];
    if (defaults) {
      console.log(
        `peak RSS with Node defaults: ${defaults.highWater.toFixed(0)} MB under the mixed read/write load (${defaults.cpuPerRequest.toFixed(1)} ms server CPU/request; goal ≤ ${BUDGET_MB}) ${defaults.highWater <= BUDGET_MB ? 'ok' : 'NOT MET'}`,
      );
    }
    // the development server (tsx) that served the throughput runs above
    await measureMemory(servers.full, 'development: tsx, Node defaults, after the runs above');
  }

  await servers.other.stop();
  await servers.full.stop();
  await servers.bare.stop();
  await harness.close();
  await embedded?.stop();
}

await main();
