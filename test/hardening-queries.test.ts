/**
 * No N+1: the number of database queries an operation makes does not grow with the data it
 * returns (counted through Prisma's query log). Filtered case lists are served by indexes
 * (EXPLAIN with sequential scans disabled on a small table).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';

let kit: TestKit;
let tenant: TestTenant;
let queries: string[] = [];
let counting = false;

beforeAll(async () => {
  kit = await createTestKit({
    onQuery: (query) => {
      if (counting) queries.push(query);
    },
  });
  tenant = await kit.createTenant('care');
});

afterAll(async () => {
  await kit?.close();
});

/** Every statement sent, transaction control included. */
async function countStatements(run: () => Promise<unknown>): Promise<string[]> {
  queries = [];
  counting = true;
  try {
    await run();
  } finally {
    counting = false;
  }
  const sent = queries.filter((query) => !/^(SET|SAVEPOINT|RELEASE)/i.test(query.trim()));
  // the query log shows COMMIT/ROLLBACK but not the BEGIN the driver adapter sends: count it
  const begins = sent.filter((query) => /^BEGIN/i.test(query.trim())).length;
  const ends = sent.filter((query) => /^(COMMIT|ROLLBACK)/i.test(query.trim())).length;
  return [...Array.from({ length: Math.max(0, ends - begins) }, () => 'BEGIN'), ...sent];
}

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  queries = [];
  counting = true;
  try {
    await run();
  } finally {
    counting = false;
  }
  return queries.filter((query) => !/^(BEGIN|COMMIT|ROLLBACK|SET|SAVEPOINT|RELEASE)/i.test(query.trim())).length;
}

const CASE_FIELDS =
  'id number status subject team { id name } queue { id slug } assignee { id name } createdBy { id name }';

async function addCases(count: number, prefix: string, owner: TestTenant = tenant): Promise<string[]> {
  const tenant = owner;
  const [team, queue] = await Promise.all([
    kit.db.team.findFirstOrThrow({ where: { tenantId: tenant.tenantId } }),
    kit.db.queue.findFirstOrThrow({ where: { tenantId: tenant.tenantId } }),
  ]);
  const base = await kit.db.case.count({ where: { tenantId: tenant.tenantId } });
  const rows = Array.from({ length: count }, (_, i) => ({
    tenantId: tenant.tenantId,
    number: 10_000 + base + i,
    subject: `${prefix} ${i}`,
    customerRef: `member-${i}`,
    status: 'OPEN',
    teamId: team.id,
    queueId: queue.id,
    assigneeId: tenant.userIds.tier2 ?? null,
    createdById: tenant.userIds.agent ?? null,
  }));
  await kit.db.case.createMany({ data: rows });
  const created = await kit.db.case.findMany({
    where: { tenantId: tenant.tenantId, subject: { startsWith: prefix } },
    select: { id: true },
  });
  return created.map((row) => row.id);
}

async function addActivity(caseId: string, count: number, owner: TestTenant = tenant) {
  const tenant = owner;
  await kit.db.caseComment.createMany({
    data: Array.from({ length: count }, (_, i) => ({ tenantId: tenant.tenantId, caseId, body: `comment ${i}` })),
  });
  await kit.db.timelineEvent.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      tenantId: tenant.tenantId,
      caseId,
      type: 'COMMENT_ADDED',
      data: { n: i },
    })),
  });
}

describe('query counts per operation (no N+1)', () => {
  it('X-10 cases(first: 50) with team, queue, assignee and creator: same query count for 5 and 50 cases', async () => {
    const list = `query List($first: Int!) { cases(first: $first) { edges { node { ${CASE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
    await addCases(5, 'few');
    await tenant.as('tier2')(list, { first: 5 }); // warm: API key lookup and caches
    const small = await countQueries(() => tenant.as('tier2')(list, { first: 5 }));
    await addCases(60, 'many');
    let returned = 0;
    const large = await countQueries(async () => {
      const response = await tenant.as('tier2')<{ cases: { edges: unknown[] } }>(list, { first: 50 });
      returned = response.data?.cases.edges.length ?? 0;
    });
    console.info(`queries: cases(first: 50) = ${large}, cases(first: 5) = ${small}`);
    expect(returned).toBe(50);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(6);
  });

  it('X-10 case(id) with relations, comments and timeline: query count independent of their size', async () => {
    const [quiet, busy] = await addCases(2, 'detail');
    await addActivity(busy as string, 40);
    const detail = `query Detail($id: ID!) { case(id: $id) { ${CASE_FIELDS}
      comments(first: 50) { edges { node { id body } } }
      timeline(first: 50) { edges { node { id type } } } } }`;
    await tenant.as('tier2')(detail, { id: quiet });
    const few = await countQueries(() => tenant.as('tier2')(detail, { id: quiet }));
    const many = await countQueries(() => tenant.as('tier2')(detail, { id: busy }));
    console.info(`queries: case(id) with relations, comments, timeline = ${many}`);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(8);
  });

  it('X-10 routeCase dry run: query count independent of the case history, and no writes', async () => {
    const [quiet, busy] = await addCases(2, 'route');
    await addActivity(busy as string, 40);
    const route = `query Route($caseId: ID!) { routeCase(caseId: $caseId) { __typename ... on RoutingDecision { policyVersion outcome } ... on AppError { code message } } }`;
    const before = await kit.db.timelineEvent.count({ where: { tenantId: tenant.tenantId } });
    const answer = await tenant.as('tier2')<{ routeCase: { __typename: string } }>(route, { caseId: quiet });
    expect(answer.data?.routeCase.__typename).toBe('RoutingDecision');
    await tenant.as('tier2')(route, { caseId: quiet });
    const few = await countQueries(() => tenant.as('tier2')(route, { caseId: quiet }));
    const many = await countQueries(() => tenant.as('tier2')(route, { caseId: busy }));
    console.info(`queries: routeCase dry run = ${many}`);
    expect(many).toBe(few);
    expect(await kit.db.timelineEvent.count({ where: { tenantId: tenant.tenantId } })).toBe(before);
    queries = [];
    await countQueries(() => tenant.as('tier2')(route, { caseId: busy }));
    expect(queries.filter((query) => /^\s*(INSERT|UPDATE|DELETE)/i.test(query))).toEqual([]);
  });

  it('X-10 escalateCase: query count independent of the case history', async () => {
    // the Tonal policy escalates a supervisor request with a handoff note (TON-4)
    const tonal = await kit.createTenant('tonal');
    const [warm, quiet, busy] = await addCases(3, 'escalate', tonal);
    await addActivity(busy as string, 40, tonal);
    const escalate = `mutation Escalate($caseId: ID!, $input: EscalateCaseInput!) { escalateCase(caseId: $caseId, input: $input) {
      __typename ... on EscalateCasePayload { case { id version } } ... on AppError { code message } } }`;
    const input = {
      expectedVersion: 1,
      text: 'Can I please speak to your supervisor?',
      note: {
        reason: 'Member asked for a supervisor after a failed delivery',
        stepsTaken: 'Rescheduled delivery twice',
        offersMade: 'Offered one month free',
        helpNeeded: 'Supervisor to call the member today',
      },
    };
    const outcomes: string[] = [];
    await tonal.as('tier2')(escalate, { caseId: warm, input });
    const few = await countQueries(async () => {
      const response = await tonal.as('tier2')<{ escalateCase: { __typename: string } }>(escalate, {
        caseId: quiet,
        input,
      });
      outcomes.push(response.data?.escalateCase.__typename ?? JSON.stringify(response));
    });
    const many = await countQueries(async () => {
      const response = await tonal.as('tier2')<{ escalateCase: { __typename: string } }>(escalate, {
        caseId: busy,
        input,
      });
      outcomes.push(response.data?.escalateCase.__typename ?? JSON.stringify(response));
    });
    console.info(`queries: escalateCase (${outcomes[1]}) = ${many}`);
    expect(outcomes[0]).toBe(outcomes[1]);
    expect(outcomes[1]).toBe('EscalateCasePayload');
    expect(many).toBe(few);
    // lean writes: the case and its relations are read once, events and messages go in together
    const [fourth] = await addCases(1, 'escalate-count', tonal);
    const statements = await countStatements(() => tonal.as('tier2')(escalate, { caseId: fourth, input }));
    console.info(`statements: escalateCase = ${statements.length}`);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(12);
  });

  it('createCase: at most 5 statements, 2 more with an idempotency key; the number from the sequence', async () => {
    const create = `mutation Create($input: CreateCaseInput!) { createCase(input: $input) {
      __typename ... on CreateCasePayload { created case { id number } } ... on AppError { code message } } }`;
    await tenant.as('agent')(create, { input: { subject: 'warm', customerRef: 'm-warm' } });
    const plain = await countStatements(async () => {
      const response = await tenant.as('agent')<{ createCase: { __typename: string } }>(create, {
        input: { subject: 'Counted', customerRef: 'm-count', description: 'no key' },
      });
      expect(response.data?.createCase.__typename).toBe('CreateCasePayload');
    });
    const keyed = await countStatements(async () => {
      const response = await tenant.as('agent')<{ createCase: { __typename: string } }>(create, {
        input: { subject: 'Counted', customerRef: 'm-count', idempotencyKey: `count-${tenant.tenantId}` },
      });
      expect(response.data?.createCase.__typename).toBe('CreateCasePayload');
    });
    console.info(`statements: createCase = ${plain.length}, with an idempotency key = ${keyed.length}`);
    expect(plain.length, plain.join('\n')).toBeLessThanOrEqual(5);
    expect(keyed.length, keyed.join('\n')).toBeLessThanOrEqual(plain.length + 2);
    expect(plain.some((statement) => /TenantCounter/.test(statement))).toBe(false);
  });

  it('createCases: statements do not grow with the number of items', async () => {
    const bulk = `mutation Bulk($input: [CreateCaseInput!]!) { createCases(input: $input) {
      __typename ... on CreateCasesPayload { createdCount results { __typename ... on CreateCasesItem { case { id number } } } } } }`;
    const items = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, i) => ({
        subject: `${prefix} ${i}`,
        customerRef: `bulk-${i}`,
        queue: i % 2 ? 'tier1' : null,
        idempotencyKey: `${prefix}-${tenant.tenantId}-${i}`,
      }));
    await tenant.as('agent')(bulk, { input: items(2, 'warm-bulk') });
    const few = await countStatements(() => tenant.as('agent')(bulk, { input: items(2, 'few-bulk') }));
    const many = await countStatements(() => tenant.as('agent')(bulk, { input: items(100, 'many-bulk') }));
    console.info(`statements: createCases(2) = ${few.length}, createCases(100) = ${many.length}`);
    expect(many.length, many.join('\n')).toBe(few.length);
  });
});

describe('filtered lists use indexes', () => {
  const FILTERS: Record<string, string> = {
    'newest first': `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`,
    status: `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid AND "status" IN ('OPEN', 'NEW') ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`,
    queue: `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid AND "queueId" = '00000000-0000-4000-8000-000000000000' ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`,
    assignee: `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid AND "assigneeId" = '00000000-0000-4000-8000-000000000000' ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`,
    trigger: `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid AND "triggers" @> ARRAY['legal_threat']::text[] LIMIT 51`,
    'customer and concern': `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid AND "customerRef" = 'member-1' AND "concern" = 'billing'`,
    'due before (breached)': `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid AND "slaDueAt" < now() LIMIT 51`,
    'search (subject, description, customer reference)': `SELECT "id" FROM "Case" WHERE "tenantId" = $1::uuid AND ("subject" ILIKE '%zebra crossing%' OR "description" ILIKE '%zebra crossing%' OR "customerRef" ILIKE '%zebra crossing%') ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`,
    'timeline of a case': `SELECT "id" FROM "TimelineEvent" WHERE "tenantId" = $1::uuid AND "caseId" = '00000000-0000-4000-8000-000000000000' ORDER BY "seq" LIMIT 51`,
  };

  it('X-10 every case list filter is an index scan when sequential scans are disabled', async () => {
    const plans: Record<string, string> = {};
    await kit.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      for (const [name, sql] of Object.entries(FILTERS)) {
        const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`, tenant.tenantId);
        plans[name] = rows.map((row) => row['QUERY PLAN']).join('\n');
      }
    });
    const withoutIndex = Object.entries(plans)
      .filter(([, plan]) => /Seq Scan/.test(plan) || !/Index/.test(plan))
      .map(([name, plan]) => `${name}:\n${plan}`);
    expect(withoutIndex).toEqual([]);
  });
});

describe('case search', () => {
  it('finds the text in the subject, the description or the customer reference, whatever its case', async () => {
    const owner = await kit.createTenant('care');
    const bulk = `mutation Bulk($input: [CreateCaseInput!]!) { createCases(input: $input) { __typename } }`;
    await owner.as('agent')(bulk, {
      input: [
        { subject: 'Parcel left at the Zebra Crossing', customerRef: 'm-1' },
        { subject: 'Refund', description: 'the courier stopped at the zebra crossing twice', customerRef: 'm-2' },
        { subject: 'Login', customerRef: 'ZEBRA-CROSSING-7' },
        { subject: 'Unrelated', description: 'zebra, then a crossing', customerRef: 'm-4' },
      ],
    });
    const list = `query Search($search: String!) { cases(first: 10, filter: { search: $search }) { edges { node { subject } } } }`;
    const found = async (search: string) => {
      const response = await owner.as('agent')<{ cases: { edges: { node: { subject: string } }[] } }>(list, { search });
      return (response.data?.cases.edges ?? []).map((edge) => edge.node.subject).sort();
    };
    expect(await found('zebra crossing')).toEqual(['Parcel left at the Zebra Crossing', 'Refund']);
    expect(await found('zebra-CROSSING')).toEqual(['Login']);
    expect(await found('ZEBRA')).toHaveLength(4);
    expect(await found('100%')).toEqual([]);
  });

  it('each searched column has a trigram index that serves ILIKE (PostgreSQL and PGlite)', async () => {
    const plans: Record<string, string> = {};
    await kit.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      for (const column of ['subject', 'description', 'customerRef']) {
        const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN SELECT "id" FROM "Case" WHERE "${column}" ILIKE '%zebra crossing%'`,
        );
        plans[column] = rows.map((row) => row['QUERY PLAN']).join('\n');
      }
    });
    expect(plans.subject).toContain('Case_subject_trgm_idx');
    expect(plans.description).toContain('Case_description_trgm_idx');
    expect(plans.customerRef).toContain('Case_customerRef_trgm_idx');
  });
});
