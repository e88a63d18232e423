/**
 * The hand-written peer of the read benchmark: node:http + pg, one prepared statement per
 * read that builds the JSON answer in PostgreSQL (json_agg over the page, the relations as
 * LEFT JOINs on the composite (tenantId, id) keys). No authentication, limits or logs; the
 * tenant comes from its environment. Reports its port over IPC.
 *
 *   tsx bench/peer/bare-pg-server.ts   (DATABASE_URL and BENCH_TENANT_ID in the environment)
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

const url = process.env.DATABASE_URL;
const tenantId = process.env.BENCH_TENANT_ID;
if (!url || !tenantId) throw new Error('usage: DATABASE_URL=… BENCH_TENANT_ID=… tsx bench/peer/bare-pg-server.ts');
const pool = new pg.Pool({ connectionString: url, max: 10 });
pool.on('error', () => {}); // an idle connection closed by the server when the run ends

const NODE = `json_build_object(
  'id', c."id", 'number', c."number", 'status', c."status", 'priority', c."priority", 'subject', c."subject",
  'customerRef', c."customerRef", 'version', c."version", 'createdAt', c."createdAt",
  'team', CASE WHEN t."id" IS NULL THEN NULL ELSE json_build_object('id', t."id", 'name', t."name") END,
  'queue', CASE WHEN q."id" IS NULL THEN NULL ELSE json_build_object('id', q."id", 'slug', q."slug") END,
  'assignee', CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object('id', u."id", 'name', u."name") END)`;
const JOINS = `LEFT JOIN "Team" t ON t."tenantId" = c."tenantId" AND t."id" = c."teamId"
  LEFT JOIN "Queue" q ON q."tenantId" = c."tenantId" AND q."id" = c."queueId"
  LEFT JOIN "User" u ON u."tenantId" = c."tenantId" AND u."id" = c."assigneeId"`;

const LIST = {
  name: 'bench_cases_page',
  text: `SELECT json_build_object('nodes', coalesce(json_agg(page.node ORDER BY page."createdAt" DESC, page."id" DESC) FILTER (WHERE page.n <= 50), '[]'),
      'hasNextPage', count(*) > 50)::text AS "json"
    FROM (SELECT ${NODE} AS node, c."createdAt", c."id", row_number() OVER () AS n
      FROM "Case" c ${JOINS}
      WHERE c."tenantId" = $1 ORDER BY c."createdAt" DESC, c."id" DESC LIMIT 51) page`,
};
const ONE = {
  name: 'bench_case_by_id',
  text: `SELECT ${NODE}::text AS "json" FROM "Case" c ${JOINS} WHERE c."tenantId" = $1 AND c."id" = $2`,
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const server = createServer(async (request, response) => {
  try {
    const { operation, variables } = JSON.parse(await readBody(request)) as {
      operation: string;
      variables: Record<string, string>;
    };
    const result =
      operation === 'cases'
        ? await pool.query<{ json: string }>({ ...LIST, values: [tenantId] })
        : await pool.query<{ json: string }>({ ...ONE, values: [tenantId, variables.id] });
    const json = result.rows[0]?.json ?? 'null';
    response.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":{"${operation}":${json}}}`);
  } catch (error) {
    response.writeHead(500).end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
  }
});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
