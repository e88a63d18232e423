/** createCase load during a database outage; used by the fault test and scripts/fault.ts. */
import { createDatabaseClient, type PrismaClient } from '../packages/api/src/db/prisma-client.js';
import { decodeId } from './hardening-schema-walk.js';

const CREATE_CASE = `mutation FaultCreate($input: CreateCaseInput!) {
  createCase(input: $input) { __typename ... on CreateCasePayload { case { id } } ... on AppError { code } } }`;

export interface FaultOptions {
  url: string;
  key: string;
  databaseUrl: string;
  /** only backends with this application_name are terminated (other work on the database is left alone) */
  applicationName: string;
  concurrency: number;
  /** load before the outage */
  warmupMs: number;
  /** how long backends are terminated, every 100 ms */
  outageMs: number;
  /** load after the outage */
  afterMs: number;
}

export interface FaultReport {
  succeeded: number;
  createdCaseIds: string[];
  unavailable: { retryAfter: string | null; code: string | null }[];
  /** answers that are neither a success, a typed AppError result, nor a 503 UNAVAILABLE */
  unexpected: string[];
  terminatedBackends: number;
  /** ms from the end of the outage to the first success */
  recoveryMs: number | null;
}

interface Answer {
  status: number;
  body: {
    data?: { createCase?: { __typename?: string; code?: string; case?: { id: string } } | null } | null;
    errors?: { extensions?: { code?: string } }[];
  };
  retryAfter: string | null;
}

async function createCase(url: string, key: string, n: number): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      query: CREATE_CASE,
      variables: { input: { subject: `Fault load ${n}`, customerRef: `fault-${n}` } },
    }),
  });
  const text = await response.text();
  let body: Answer['body'] = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ extensions: { code: `non-JSON body: ${text.slice(0, 80)}` } }] };
  }
  return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
}

/** The database URL with an application_name, so a fault run can aim at one server's connections. */
export function withApplicationName(databaseUrl: string, applicationName: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', applicationName);
  return url.toString();
}

export async function runFaultScenario(options: FaultOptions): Promise<FaultReport> {
  const report: FaultReport = {
    succeeded: 0,
    createdCaseIds: [],
    unavailable: [],
    unexpected: [],
    terminatedBackends: 0,
    recoveryMs: null,
  };
  const killer = createDatabaseClient({ url: options.databaseUrl, maxConnections: 1 });
  const start = Date.now();
  const outageStart = start + options.warmupMs;
  const outageEnd = outageStart + options.outageMs;
  const stopAt = outageEnd + options.afterMs;
  let counter = 0;

  const worker = async () => {
    while (Date.now() < stopAt) {
      counter += 1;
      let answer: Answer;
      try {
        answer = await createCase(options.url, options.key, counter);
      } catch (error) {
        report.unexpected.push(`transport: ${(error as Error).message}`);
        continue;
      }
      const result = answer.body.data?.createCase;
      if (answer.status === 200 && result?.__typename === 'CreateCasePayload' && result.case) {
        report.succeeded += 1;
        report.createdCaseIds.push(decodeId(result.case.id));
        const now = Date.now();
        if (now >= outageEnd && report.recoveryMs === null) report.recoveryMs = now - outageEnd;
      } else if (answer.status === 503) {
        const code = answer.body.errors?.find((error) => error.extensions?.code)?.extensions?.code ?? null;
        report.unavailable.push({ retryAfter: answer.retryAfter, code });
        await new Promise((resolve) => setTimeout(resolve, 50));
      } else if (answer.status === 200 && result?.__typename === 'AppError' && result.code === 'CONFLICT') {
        // a concurrent-update refusal is a typed, retryable answer too
      } else {
        report.unexpected.push(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      }
    }
  };

  const outage = async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageStart - Date.now())));
    while (Date.now() < outageEnd) {
      const rows = await killer.$queryRaw<{ terminated: bigint }[]>`
        SELECT count(pg_terminate_backend(pid)) AS terminated FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = ${options.applicationName}`;
      report.terminatedBackends += Number(rows[0]?.terminated ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  await Promise.all([outage(), ...Array.from({ length: options.concurrency }, worker)]);
  await killer.$disconnect();
  return report;
}

/** Every case has exactly one CASE_CREATED event, and every CASE_CREATED event has its case. */
export async function caseInvariantViolations(db: PrismaClient, tenantId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ problem: string; n: bigint }[]>`
    SELECT 'case without exactly one CASE_CREATED event' AS problem, count(*) AS n FROM "Case" c
      WHERE c."tenantId" = ${tenantId}::uuid
        AND (SELECT count(*) FROM "TimelineEvent" e WHERE e."tenantId" = c."tenantId" AND e."caseId" = c."id" AND e."type" = 'CASE_CREATED') <> 1
    UNION ALL
    SELECT 'CASE_CREATED event without its case', count(*) FROM "TimelineEvent" e
      WHERE e."tenantId" = ${tenantId}::uuid AND e."type" = 'CASE_CREATED'
        AND NOT EXISTS (SELECT 1 FROM "Case" c WHERE c."tenantId" = e."tenantId" AND c."id" = e."caseId")
    UNION ALL
    SELECT 'duplicate case number', count(*) FROM (
      SELECT "number" FROM "Case" WHERE "tenantId" = ${tenantId}::uuid GROUP BY "number" HAVING count(*) > 1) d`;
  return rows.filter((row) => Number(row.n) > 0).map((row) => `${row.problem}: ${row.n}`);
}
