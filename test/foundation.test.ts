import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';

const CREATE_CASE = /* GraphQL */ `
  mutation Create($input: CreateCaseInput!) {
    createCase(input: $input) {
      __typename
      ... on CreateCasePayload { created case { id number displayNumber status subject version timeline { edges { node { type data } } } } }
      ... on AppError { code message rule fields { path message } }
    }
  }
`;

let kit: TestKit;
let care: TestTenant;
let tonal: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  care = await kit.createTenant('care');
  tonal = await kit.createTenant('tonal');
});

afterAll(async () => {
  await kit.close();
});

async function caseCount(tenantId: string) {
  return kit.db.case.count({ where: { tenantId } });
}

describe('authentication', () => {
  it('refuses a request without an API key with 401 and a clear message', async () => {
    const response = await kit.execute(null)('{ viewer { role } }');
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.message).toMatch(/API key/);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed or unknown key with 401', async () => {
    expect((await kit.execute('not-a-key')('{ viewer { role } }')).status).toBe(401);
    const forged = `${care.keys.agent?.slice(0, -4)}AAAA`;
    expect((await kit.execute(forged)('{ viewer { role } }')).status).toBe(401);
  });

  it('resolves the viewer, role and organization from the key', async () => {
    const response = await care.as('tier2')<{ viewer: { role: string; organization: { slug: string } } }>(
      '{ viewer { role organization { slug } } }',
    );
    expect(response.data?.viewer).toEqual({ role: 'tier2', organization: { slug: care.slug } });
  });

  it('/healthz needs no key; /readyz checks the database', async () => {
    const health = await kit.fetch(new Request('http://escalate.test/healthz'));
    expect(health.status).toBe(200);
    const ready = await kit.fetch(new Request('http://escalate.test/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('createCase and cases', () => {
  it('X-1 creates a case with a sequential number and a CASE_CREATED timeline event', async () => {
    const response = await care.as('agent')<{ createCase: Record<string, any> }>(CREATE_CASE, {
      input: { subject: 'Cannot log in', customerRef: 'member-1', channel: 'EMAIL' },
    });
    const payload = response.data?.createCase;
    expect(payload?.__typename).toBe('CreateCasePayload');
    expect(payload?.created).toBe(true);
    expect(payload?.case.status).toBe('NEW');
    expect(payload?.case.displayNumber).toMatch(/^CASE-\d{6}$/);
    expect(payload?.case.version).toBe(1);
    expect(payload?.case.timeline.edges.map((edge: any) => edge.node.type)).toEqual(['CASE_CREATED']);
  });

  it('rejects invalid input with a typed error naming each field, and writes nothing', async () => {
    const before = await caseCount(care.tenantId);
    const response = await care.as('agent')<{ createCase: Record<string, any> }>(CREATE_CASE, {
      input: { subject: 'x'.repeat(501), customerRef: '  ', queue: 'no-such-queue' },
    });
    const error = response.data?.createCase;
    expect(error?.__typename).toBe('AppError');
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.fields.map((field: any) => field.path).sort()).toEqual(['input.customerRef', 'input.subject']);
    expect(await caseCount(care.tenantId)).toBe(before);
  });

  it('rejects an unknown queue by name, and writes nothing', async () => {
    const before = await caseCount(care.tenantId);
    const response = await care.as('agent')<{ createCase: Record<string, any> }>(CREATE_CASE, {
      input: { subject: 'Where is my refund', customerRef: 'member-2', queue: 'no-such-queue' },
    });
    expect(response.data?.createCase).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.queue' }] });
    expect(await caseCount(care.tenantId)).toBe(before);
  });

  it('rejects an invalid enum value before anything runs', async () => {
    const response = await care.as('agent')(CREATE_CASE, {
      input: { subject: 'x', customerRef: 'y', priority: 'SUPER_URGENT' },
    });
    expect(response.errors?.[0]?.message).toMatch(/SUPER_URGENT/);
  });

  it('pages through cases newest first with cursors and filters', async () => {
    const tenant = await kit.createTenant('cinch');
    for (let index = 0; index < 7; index++) {
      await tenant.as('agent')(CREATE_CASE, {
        input: { subject: `Case ${index}`, customerRef: `c-${index}`, priority: index % 2 ? 'HIGH' : 'NORMAL' },
      });
    }
    const LIST = `query($after: String, $filter: CaseFilter) { cases(first: 3, after: $after, filter: $filter) {
      edges { cursor node { subject } } pageInfo { hasNextPage endCursor } } }`;
    const subjects: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const response: any = await tenant.as('agent')(LIST, { after });
      subjects.push(...response.data.cases.edges.map((edge: any) => edge.node.subject));
      if (!response.data.cases.pageInfo.hasNextPage) break;
      after = response.data.cases.pageInfo.endCursor;
    }
    expect(subjects).toEqual(['Case 6', 'Case 5', 'Case 4', 'Case 3', 'Case 2', 'Case 1', 'Case 0']);
    const all: any = await tenant.as('agent')('{ cases(first: 10) { edges { cursor node { subject } } } }');
    const cursorOf = (subject: string) =>
      all.data.cases.edges.find((edge: any) => edge.node.subject === subject).cursor;
    const back: any = await tenant.as('agent')(
      'query($before: String) { cases(last: 2, before: $before) { edges { node { subject } } } }',
      { before: cursorOf('Case 3') },
    );
    expect(back.data.cases.edges.map((edge: any) => edge.node.subject)).toEqual(['Case 5', 'Case 4']);
    const next: any = await tenant.as('agent')(
      'query($after: String) { cases(first: 2, after: $after) { edges { node { subject } } } }',
      { after: cursorOf('Case 3') },
    );
    expect(next.data.cases.edges.map((edge: any) => edge.node.subject)).toEqual(['Case 2', 'Case 1']);
    const high: any = await tenant.as('agent')(LIST, { filter: { priority: ['HIGH'] } });
    expect(high.data.cases.edges.map((edge: any) => edge.node.subject)).toEqual(['Case 5', 'Case 3', 'Case 1']);
  });

  it('refuses page sizes above 100', async () => {
    const response = await care.as('agent')('{ cases(first: 101) { edges { node { id } } } }');
    expect(response.errors?.[0]?.message).toMatch(/100/);
  });

  it('loses nothing in a burst of 50 concurrent createCase calls', async () => {
    const tenant = await kit.createTenant('solar');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        tenant.as('agent')<{ createCase: any }>(CREATE_CASE, {
          input: { subject: `Burst ${index}`, customerRef: `burst-${index}` },
        }),
      ),
    );
    const failures = results.filter((result) => result.data?.createCase?.__typename !== 'CreateCasePayload');
    expect(failures).toEqual([]);
    const numbers = results.map((result) => result.data?.createCase.case.number);
    expect(new Set(numbers).size).toBe(50);
    expect(await caseCount(tenant.tenantId)).toBe(50);
    expect(await kit.db.timelineEvent.count({ where: { tenantId: tenant.tenantId, type: 'CASE_CREATED' } })).toBe(50);
  });
});

describe('X-5 tenant isolation', () => {
  it('a key of one organization never sees a case of another', async () => {
    const created: any = await care.as('agent')(CREATE_CASE, { input: { subject: 'Private', customerRef: 'm-9' } });
    const caseId = created.data.createCase.case.id;
    const byTonal: any = await tonal.as('admin')('query($id: ID!) { case(id: $id) { id } node(id: $id) { id } }', {
      id: caseId,
    });
    expect(byTonal.data).toEqual({ case: null, node: null });
    const list: any = await tonal.as('admin')('{ cases(first: 100) { edges { node { id } } } }');
    expect(list.data.cases.edges.map((edge: any) => edge.node.id)).not.toContain(caseId);
    const byCare: any = await care.as('agent')('query($id: ID!) { case(id: $id) { id } }', { id: caseId });
    expect(byCare.data.case.id).toBe(caseId);
  });

  it('a malformed id finds nothing instead of failing', async () => {
    const response: any = await care.as('agent')('{ case(id: "not-an-id") { id } }');
    expect(response.data.case).toBeNull();
  });
});

describe('X-1 the timeline is insert-only in the database', () => {
  it('refuses UPDATE and DELETE of timeline events even from raw SQL', async () => {
    const created: any = await care.as('agent')(CREATE_CASE, { input: { subject: 'Audit', customerRef: 'm-10' } });
    expect(created.data.createCase.created).toBe(true);
    await expect(
      kit.db.$executeRaw`UPDATE "TimelineEvent" SET "type" = 'TAMPERED' WHERE "tenantId" = ${care.tenantId}::uuid`,
    ).rejects.toThrow();
    await expect(
      kit.db.$executeRaw`DELETE FROM "TimelineEvent" WHERE "tenantId" = ${care.tenantId}::uuid`,
    ).rejects.toThrow();
    expect(await kit.db.timelineEvent.count({ where: { tenantId: care.tenantId, type: 'TAMPERED' } })).toBe(0);
  });
});

describe('over a real port', () => {
  it('serves GraphQL over HTTP with the same behaviour', async () => {
    const server = await kit.listen();
    try {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${care.keys.agent}` },
        body: JSON.stringify({ query: '{ viewer { role } }' }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { viewer: { role: 'agent' } } });
      const anonymous = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ viewer { role } }' }),
      });
      expect(anonymous.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe('seed', () => {
  it('gives every organization each team and queue its policy pack routes to', async () => {
    const { getShippedPolicyPack } = await import('@escalate/rules');
    for (const template of ['care', 'tonal', 'll', 'solar', 'cinch']) {
      const tenant = await kit.createTenant(template);
      const pack = getShippedPolicyPack(template);
      const teams = await kit.db.team.findMany({ where: { tenantId: tenant.tenantId }, include: { queues: true } });
      for (const team of pack.teams) {
        const row = teams.find((candidate) => candidate.slug === team.slug);
        expect(row, `${template} team ${team.slug}`).toBeDefined();
        expect(row?.queues.map((queue) => queue.slug).sort()).toEqual(
          expect.arrayContaining(team.queues.map((queue) => queue.slug)),
        );
      }
    }
  });
});

describe('node(id)', () => {
  it('answers a malformed or bare id with a validation error, not a server error', async () => {
    for (const id of ['0b7f4c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e', 'not-an-id']) {
      const response: any = await care.as('agent')('query($id: ID!) { node(id: $id) { id } }', { id });
      expect(response.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      expect(response.errors?.[0]?.message).toMatch(/not a valid global id/);
    }
  });
});
