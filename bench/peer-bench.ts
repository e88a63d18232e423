/**
 * Read benchmark against peers: Escalate's production build (API-key auth, tenant scoping,
 * limits, rate limit in PostgreSQL, request logs, metrics), PostGraphile 4 and a hand-written
 * node:http + pg handler, on the same PostgreSQL holding the same cases of one organization.
 * Servers take turns in one-second slices; every answer is checked to hold the same rows.
 *
 *   scripts/with-postgres.sh tsx bench/peer-bench.ts
 * Env: BENCH_SECONDS (slices per side and read, default 5), BENCH_PEER_CASES (20000),
 * BENCH_PEER_CONNECTIONS (comma list, default "1,16,64"; BENCH_QUICK=1: "16").
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { HARNESS_PEPPER, startHarness } from './harness.js';
import { combineLoads, type LoadResult, runLoad } from './load.js';
import { postgresCpu, postgresCpuSince, seedPeerCases } from './peer/peer-data.js';
import { buildApi, type Child, cpuMs, productionCommand, startApiProcess, startChild } from './processes.js';

const quick = process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 2 : 5));
const CASES = Number(process.env.BENCH_PEER_CASES ?? 20_000);
const CONNECTIONS = (process.env.BENCH_PEER_CONNECTIONS ?? (quick ? '16' : '1,16,64')).split(',').map(Number);

const ESCALATE = {
  cases:
    'query Cases { cases(first: 50) { edges { node { id number status priority subject customerRef version createdAt team { id name } queue { id slug } assignee { id name } } } pageInfo { hasNextPage endCursor } } }',
  case: 'query Case($id: ID!) { case(id: $id) { id number status priority subject customerRef version createdAt team { id name } queue { id slug } assignee { id name } } }',
};
const POSTGRAPHILE_NODE =
  'id number status priority subject customerRef version createdAt teamByTenantIdAndTeamId { id name } queueByTenantIdAndQueueId { id slug } userByTenantIdAndAssigneeId { id name }';
const POSTGRAPHILE = {
  cases: `query Cases($tenantId: UUID!) { allCases(first: 50, condition: { tenantId: $tenantId }, orderBy: [CREATED_AT_DESC, ID_DESC]) { edges { node { ${POSTGRAPHILE_NODE} } } pageInfo { hasNextPage endCursor } } }`,
  case: `query Case($id: UUID!) { caseById(id: $id) { ${POSTGRAPHILE_NODE} } }`,
};
type Read = 'cases' | 'case';
type Side = 'escalate' | 'postgraphile' | 'bare';
const SIDES: Side[] = ['escalate', 'postgraphile', 'bare'];

function globalIdToUuid(id: string): string {
  return Buffer.from(id, 'base64').toString('utf8').split(':')[1] ?? id;
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('run with scripts/with-postgres.sh (needs DATABASE_URL)');
  const loadBefore = loadavg();
  const harness = await startHarness({ databaseUrl, poolSize: 4 });
  const tenant = await harness.createTenant('tonal');
  const caseIds = await seedPeerCases(harness.db, tenant, CASES);
  await harness.db.$executeRawUnsafe('ANALYZE');

  buildApi();
  const production = productionCommand();
  const servers: Record<Side, Child<{ port: number }>> = {
    escalate: await startApiProcess(production, {
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ESCALATE_API_KEY_PEPPER: HARNESS_PEPPER,
      ESCALATE_SEED: 'false',
      ESCALATE_GRAPHIQL: 'false',
      ESCALATE_INTROSPECTION: 'false',
      ESCALATE_RATE_LIMIT_STORE: 'postgres',
      ESCALATE_RATE_LIMIT_PER_SECOND: '1000000',
      ESCALATE_RATE_LIMIT_BURST: '1000000',
    }),
    postgraphile: await startChild('peer/postgraphile-server.ts', [], { DATABASE_URL: databaseUrl }),
    bare: await startChild('peer/bare-pg-server.ts', [], {
      DATABASE_URL: databaseUrl,
      BENCH_TENANT_ID: tenant.tenantId,
    }),
  };
  const url = (side: Side) => `http://127.0.0.1:${servers[side].message.port}/graphql`;
  const headers = (side: Side): Record<string, string> =>
    side === 'escalate' ? { authorization: `Bearer ${tenant.keys.tier2}` } : {};
  const body =
    (side: Side, read: Read) =>
    (n: number): string => {
      const id = caseIds[(n * 7919) % caseIds.length] as string;
      if (side === 'bare') return JSON.stringify({ operation: read, variables: read === 'case' ? { id } : {} });
      const query = side === 'escalate' ? ESCALATE[read] : POSTGRAPHILE[read];
      const variables = read === 'case' ? { id } : side === 'postgraphile' ? { tenantId: tenant.tenantId } : {};
      return JSON.stringify({ query, variables });
    };

  await checkSameRows(url, headers, body, caseIds);

  const postmaster = await postmasterPid(databaseUrl);
  const rows: { read: Read; connections: number; results: Record<Side, LoadResult>; cpu: Record<Side, number> }[] = [];
  for (const read of ['cases', 'case'] as const) {
    for (const connections of CONNECTIONS) {
      const slices: Record<Side, LoadResult[]> = { escalate: [], postgraphile: [], bare: [] };
      const cpu: Record<Side, number> = { escalate: 0, postgraphile: 0, bare: 0 };
      const options = (side: Side) => ({ url: url(side), headers: headers(side), body: body(side, read), connections });
      for (const side of SIDES) await runLoad({ ...options(side), durationMs: 700 }); // warm-up
      for (let slice = 0; slice < SECONDS; slice += 1) {
        for (const side of SIDES) {
          const pid = servers[side].process.pid as number;
          const before = { server: cpuMs(pid), postgres: postgresCpu(postmaster) };
          const result = await runLoad({ ...options(side), durationMs: 1_000 });
          cpu[side] += cpuMs(pid) - before.server + postgresCpuSince(before.postgres, postgresCpu(postmaster));
          slices[side].push(result);
        }
      }
      const results = {
        escalate: combineLoads(slices.escalate),
        postgraphile: combineLoads(slices.postgraphile),
        bare: combineLoads(slices.bare),
      };
      rows.push({ read, connections, results, cpu });
    }
  }
  const loadAfter = loadavg();

  const label = (read: Read) =>
    read === 'cases' ? 'first 50 cases with team, queue, assignee' : 'one case by id, same';
  console.log(
    `\nRead benchmark on PostgreSQL, ${CASES} cases of one organization; ${SECONDS} one-second slices per side, servers taking turns`,
  );
  console.log(
    `machine: load average ${loadBefore.map((value) => value.toFixed(2)).join(' ')} before, ${loadAfter.map((value) => value.toFixed(2)).join(' ')} after`,
  );
  console.log(
    `${'read'.padEnd(42)} conns  ${'Escalate req/s'.padStart(14)}  ${'PostGraphile'.padStart(12)}  ${'bare pg'.padStart(8)}  ratio  cpu ms/request (server + PostgreSQL): Escalate / PostGraphile / bare`,
  );
  for (const row of rows) {
    const { escalate, postgraphile, bare } = row.results;
    const failures = SIDES.filter((side) => row.results[side].failures)
      .map((side) => `${side} ${row.results[side].failures} failed: ${row.results[side].firstFailure?.slice(0, 200)}`)
      .join('; ');
    const perRequest = (side: Side) => (row.cpu[side] / Math.max(1, row.results[side].requests)).toFixed(2);
    console.log(
      `${label(row.read).padEnd(42)} ${String(row.connections).padStart(5)}  ${escalate.rps.toFixed(0).padStart(14)}  ${postgraphile.rps.toFixed(0).padStart(12)}  ${bare.rps.toFixed(0).padStart(8)}  ${(escalate.rps / postgraphile.rps).toFixed(2)}×  ${perRequest('escalate')} / ${perRequest('postgraphile')} / ${perRequest('bare')}${failures ? `  ${failures}` : ''}`,
    );
  }
  const at16 = (read: Read) => rows.find((row) => row.read === read && row.connections === 16);
  const list = at16('cases');
  const one = at16('case');
  if (list) {
    console.log(
      `vs PostGraphile, 50-case list at 16 connections: ${(list.results.escalate.rps / list.results.postgraphile.rps).toFixed(2)}×`,
    );
  }
  if (one) {
    console.log(
      `vs PostGraphile, one case at 16 connections: ${(one.results.escalate.rps / one.results.postgraphile.rps).toFixed(2)}×`,
    );
  }
  if (list) {
    console.log(
      `cpu per request, 50-case list: ${(list.cpu.escalate / Math.max(1, list.results.escalate.requests)).toFixed(2)} ms`,
    );
  }

  for (const side of SIDES) await servers[side].stop();
  await harness.close();
}

/** Both GraphQL servers and the bare handler return the same cases and relations. */
async function checkSameRows(
  url: (side: Side) => string,
  headers: (side: Side) => Record<string, string>,
  body: (side: Side, read: Read) => (n: number) => string,
  caseIds: string[],
) {
  const ask = async (side: Side, read: Read) => {
    const response = await fetch(url(side), {
      method: 'POST',
      headers: { ...headers(side), 'content-type': 'application/json' },
      body: body(side, read)(1),
    });
    const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (!json.data || json.errors) throw new Error(`${side} ${read}: ${JSON.stringify(json).slice(0, 500)}`);
    return json.data;
  };
  type Node = Record<string, unknown> & { id: string };
  const summary = (node: Node | null, relation: (name: 'team' | 'queue' | 'assignee') => unknown) =>
    node &&
    JSON.stringify([node.id, node.number, node.subject, relation('team'), relation('queue'), relation('assignee')]);
  const relationId = (value: unknown, decode: boolean) => {
    const id = (value as { id?: string } | null)?.id ?? null;
    return id && decode ? globalIdToUuid(id) : id;
  };
  for (const read of ['cases', 'case'] as const) {
    const [escalate, postgraphile, bare] = (await Promise.all(SIDES.map((side) => ask(side, read)))) as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    const escalateNodes: Node[] =
      read === 'cases'
        ? (escalate.cases as { edges: { node: Node }[] }).edges.map((edge) => edge.node)
        : [escalate.case as Node];
    const postgraphileNodes: Node[] =
      read === 'cases'
        ? (postgraphile.allCases as { edges: { node: Node }[] }).edges.map((edge) => edge.node)
        : [postgraphile.caseById as Node];
    const bareNodes: Node[] = read === 'cases' ? (bare.cases as { nodes: Node[] }).nodes : [bare.case as Node];
    const a = escalateNodes.map((node) =>
      summary({ ...node, id: globalIdToUuid(node.id) }, (name) => relationId(node[name], true)),
    );
    const b = postgraphileNodes.map((node) =>
      summary(node, (name) =>
        relationId(
          node[
            name === 'team'
              ? 'teamByTenantIdAndTeamId'
              : name === 'queue'
                ? 'queueByTenantIdAndQueueId'
                : 'userByTenantIdAndAssigneeId'
          ],
          false,
        ),
      ),
    );
    const c = bareNodes.map((node) => summary(node, (name) => relationId(node[name], false)));
    if (JSON.stringify(a) !== JSON.stringify(b) || JSON.stringify(a) !== JSON.stringify(c) || a.length === 0) {
      throw new Error(`${read}: the servers disagree\n${a[0]}\n${b[0]}\n${c[0]}`);
    }
  }
  if (!caseIds.length) throw new Error('no cases seeded');
}

async function postmasterPid(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // read while the backend is alive: its parent is the postmaster
    const status = readFileSync(`/proc/${result.rows[0]?.pid}/status`, 'utf8');
    return Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } finally {
    await client.end();
  }
}

await main();
