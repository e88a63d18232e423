/**
 * The one-statement case reads (modules/cases/case-read-sql.ts) answer exactly what the general
 * Prisma path answers, for varied selections, pages and cursors; they send one statement
 * (authentication excluded), stay inside the caller's organization, and any selection they do
 * not cover falls back to the general path.
 *
 * The general path is reached with the same document plus `@include(if: true)` on one field:
 * it changes nothing in the answer, and a directive always takes the general path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';

let kit: TestKit;
let tenant: TestTenant;
let other: TestTenant;
let otherCaseId: string;
let caseIds: string[] = [];
let queries: string[] = [];
let counting = false;

const USER = 'id name email role skills availability outOfOffice capacity __typename';
const ALL_FIELDS = `id number displayNumber status priority tier channel subject description customerRef concern
  externalCrmNumber brand signals triggers policyVersion closeReason closeSecondaryReason version createdAt updatedAt
  closedAt __typename team { id slug name __typename } queue { id slug name } assignee { ${USER} } createdBy { ${USER} }`;
const SHAPES: Record<string, string> = {
  everything: ALL_FIELDS,
  bench:
    'id number status priority subject customerRef version createdAt team { id name } queue { id slug } assignee { id name }',
  scalars: 'id subject createdAt signals triggers',
  aliases: 'key: id n: number other: number when: createdAt assignee { id } team { name }',
  fragments:
    '...CaseBits ... on Case { queue { ...QueueBits } } ... on Node { id } team { ... on Team { slug } __typename }',
  relationsOnly: 'team { id } assignee { name } createdBy { email }',
};
const FRAGMENTS =
  'fragment CaseBits on Case { number status assignee { name } } fragment QueueBits on Queue { slug name }';

beforeAll(async () => {
  kit = await createTestKit({
    onQuery: (query) => {
      if (counting) queries.push(query);
    },
  });
  tenant = await kit.createTenant('care');
  other = await kit.createTenant('care');
  const teams = await kit.db.team.findMany({ where: { tenantId: tenant.tenantId } });
  const queues = await kit.db.queue.findMany({ where: { tenantId: tenant.tenantId } });
  const users = Object.values(tenant.userIds);
  const base = Date.UTC(2026, 5, 1, 12, 0, 0, 0);
  await kit.db.case.createMany({
    data: Array.from({ length: 37 }, (_, i) => ({
      tenantId: tenant.tenantId,
      number: 20_000 + i,
      subject: `Read path ${i} “quoted” \\ ${'é'.repeat(i % 3)}`,
      description: i % 2 ? `line one\nline two ${i}` : null,
      customerRef: `member-${i % 5}`,
      concern: i % 3 ? 'billing' : null,
      externalCrmNumber: i % 4 ? `CRM-${i}` : null,
      brand: i % 5 ? 'tonal' : null,
      channel: i % 2 ? 'EMAIL' : null,
      status: i % 6 ? 'OPEN' : 'CLOSED',
      priority: i % 7 ? 'NORMAL' : 'HIGH',
      tier: i % 3 ? 'TIER1' : 'TIER2',
      signals: i % 2 ? { refundAmount: 12.5 * i, nested: { flag: true, list: [1, 'two', null] } } : {},
      triggers: i % 3 ? ['SUPERVISOR_REQUEST', `T${i}`] : [],
      policyVersion: i % 2 ? 3 : null,
      closeReason: i % 6 ? null : 'RESOLVED',
      closedAt: i % 6 ? null : new Date(base + i * 1_000 + 123),
      teamId: i % 5 === 4 ? null : (teams[i % teams.length]?.id ?? null),
      queueId: i % 7 === 6 ? null : (queues[i % queues.length]?.id ?? null),
      assigneeId: i % 4 === 0 ? null : (users[i % users.length] ?? null),
      createdById: i % 9 === 0 ? null : (users[(i + 1) % users.length] ?? null),
      // pairs of cases share an instant, so ties are broken by id
      createdAt: new Date(base + Math.floor(i / 2) * 60_000 + (i % 3)),
    })),
  });
  caseIds = (
    await kit.db.case.findMany({
      where: { tenantId: tenant.tenantId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    })
  ).map((row) => row.id);
  const foreign = await kit.db.case.create({
    data: { tenantId: other.tenantId, number: 1, subject: 'other organization', customerRef: 'x' },
  });
  otherCaseId = foreign.id;
});

afterAll(async () => {
  await kit?.close();
});

async function counted<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  queries = [];
  counting = true;
  try {
    const result = await run();
    return {
      result,
      statements: queries.filter((query) => !/^(BEGIN|COMMIT|ROLLBACK|SET|SAVEPOINT|RELEASE)/i.test(query.trim())),
    };
  } finally {
    counting = false;
  }
}

/** the document through the one-statement path and through the general path (same answer expected) */
async function bothPaths(document: (directive: string) => string, variables: Record<string, unknown> = {}) {
  const ask = tenant.as('tier2');
  await ask(document(''), variables); // warm: API key lookup
  const fast = await counted(() => ask(document(''), variables));
  const general = await counted(() => ask(document(' @include(if: true)'), variables));
  return { fast, general };
}

const page =
  (shape: string, args: string, pageInfo = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }') =>
  (directive: string) =>
    `query Page${args.includes('$after') ? '($first: Int, $after: String)' : args.includes('$first') ? '($first: Int)' : ''} { cases${args ? `(${args})` : ''} { edges { cursor node { subject${directive} ${SHAPES[shape]} } } ${pageInfo} __typename } } ${shape === 'fragments' ? FRAGMENTS : ''}`;

describe('one-statement case reads', () => {
  for (const shape of Object.keys(SHAPES)) {
    it(`X-10 cases(first: 50), ${shape}: same answer as the general path, in one statement`, async () => {
      const { fast, general } = await bothPaths(page(shape, 'first: $first'), { first: 50 });
      expect(fast.result.errors).toBeUndefined();
      expect(fast.result).toEqual(general.result);
      expect(fast.statements).toHaveLength(1);
      expect(fast.statements[0]).toContain('json_build_object');
      expect(general.statements.join('\n')).not.toContain('json_build_object');
    });

    it(`X-10 case(id), ${shape}: same answer as the general path, in one statement`, async () => {
      for (const id of [caseIds[0], caseIds[5], caseIds[12], caseIds[36]]) {
        const document = (directive: string) =>
          `query One($id: ID!) { case(id: $id) { subject${directive} ${SHAPES[shape]} } } ${shape === 'fragments' ? FRAGMENTS : ''}`;
        const { fast, general } = await bothPaths(document, { id });
        expect(fast.result.errors).toBeUndefined();
        expect((fast.result.data as { case: unknown }).case).not.toBeNull();
        expect(fast.result).toEqual(general.result);
        expect(fast.statements).toHaveLength(1);
      }
    });
  }

  it('X-10 pages with cursors, sizes and pageInfo variants match the general path', async () => {
    const first = await tenant.as('tier2')<{ cases: { edges: { cursor: string }[] } }>(
      'query { cases(first: 36) { edges { cursor } } }',
    );
    const cursors = first.data?.cases.edges.map((edge) => edge.cursor) ?? [];
    expect(cursors).toHaveLength(36);
    const cases: [Record<string, unknown>, string | undefined][] = [
      [{ first: 5 }, undefined],
      [{ first: 5 }, ''],
      [{ first: 5 }, 'pageInfo { endCursor }'],
      [{ first: 0 }, undefined],
      [{ first: 100 }, undefined],
      [{ first: 7, after: cursors[3] }, undefined],
      [{ first: 7, after: cursors[30] }, undefined],
      [{ first: 7, after: cursors[35] }, undefined],
      [{ first: 2, after: cursors[35] }, 'pageInfo { hasPreviousPage }'],
    ];
    for (const [variables, pageInfo] of cases) {
      const { fast, general } = await bothPaths(page('bench', 'first: $first, after: $after', pageInfo), variables);
      expect(fast.result.errors).toBeUndefined();
      expect(fast.result).toEqual(general.result);
      expect(fast.statements).toHaveLength(1);
    }
    // the default page size
    const { fast, general } = await bothPaths(page('bench', ''));
    expect(fast.result).toEqual(general.result);
    expect(((fast.result.data as { cases: { edges: unknown[] } }).cases.edges as unknown[]).length).toBe(20);
  });

  it('X-10 without pageInfo.hasNextPage the page loads no extra row', async () => {
    const { fast } = await bothPaths(page('scalars', 'first: $first', 'pageInfo { endCursor }'), { first: 5 });
    expect(fast.statements).toHaveLength(1);
    expect((fast.result.data as { cases: { edges: unknown[] } }).cases.edges).toHaveLength(5);
  });

  it('X-5 another organization’s case is not found, by id or as a cursor', async () => {
    const ask = tenant.as('tier2');
    const one = await counted(() =>
      ask('query One($id: ID!) { case(id: $id) { id subject team { id } } }', { id: otherCaseId }),
    );
    expect(one.result.data).toEqual({ case: null });
    expect(one.statements).toHaveLength(1);
    const cursor = Buffer.from(`GPC:S:${otherCaseId}`).toString('base64');
    const { fast, general } = await bothPaths(page('bench', 'first: $first, after: $after'), {
      first: 5,
      after: cursor,
    });
    expect(fast.result).toEqual(general.result);
    expect(fast.result.errors).toBeUndefined();
    expect((fast.result.data as { cases: { edges: unknown[] } }).cases.edges).toEqual([]);
    // and the other organization sees only its own case
    const theirs = await other.as('tier2')<{ cases: { edges: { node: { id: string } }[] } }>(
      'query { cases(first: 50) { edges { node { id subject } } } }',
    );
    expect(theirs.data?.cases.edges).toHaveLength(1);
  });

  it('X-10 selections outside the covered fields take the general path with the same answer', async () => {
    const ask = tenant.as('tier2');
    const withComments = await counted(() =>
      ask('query One($id: ID!) { case(id: $id) { id subject comments(first: 5) { edges { node { id } } } } }', {
        id: caseIds[0],
      }),
    );
    expect(withComments.result.errors).toBeUndefined();
    expect(withComments.statements.length).toBeGreaterThan(1);
    const filtered = await counted(() =>
      ask('query { cases(first: 10, filter: { status: [OPEN] }) { edges { node { id status } } } }'),
    );
    expect(filtered.result.errors).toBeUndefined();
    const statuses = (filtered.result.data as { cases: { edges: { node: { status: string } }[] } }).cases.edges.map(
      (edge) => edge.node.status,
    );
    expect(statuses.length).toBe(10);
    expect(new Set(statuses)).toEqual(new Set(['OPEN']));
  });
});
