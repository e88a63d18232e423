import { getShippedPolicyPack } from '@escalate/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import {
  APP_ERROR,
  createCase,
  ESCALATE_CASE,
  escalateCase,
  HIP_NOTE,
  type Json,
  routeCase,
  rowId,
  snapshot,
} from './cases-support.js';

let kit: TestKit;
let tonal: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  tonal = await kit.createTenant('tonal');
});

afterAll(async () => {
  await kit.close();
});

const SUPERVISOR_ASK = 'Can I please speak to your supervisor?';

async function newCase(tenant = tonal) {
  return createCase(tenant, { subject: 'Supervisor request', customerRef: `m-${Math.random().toString(36).slice(2)}` });
}

const TIMELINE = /* GraphQL */ `
  query($id: ID!, $first: Int, $after: String) {
    case(id: $id) {
      timeline(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { type data decision policyVersion createdAt actor { role } } }
      }
    }
  }
`;

const UPDATE_CASE = /* GraphQL */ `
  mutation($caseId: ID!, $input: UpdateCaseInput!) {
    updateCase(caseId: $caseId, input: $input) {
      __typename
      ... on CasePayload { case { subject priority version } }
      ${APP_ERROR}
    }
  }
`;

describe('X-1 timeline', () => {
  it('X-1 every change is a timeline event with who, when, before/after, and the full routing explanation', async () => {
    const created = await newCase();
    await escalateCase(tonal, created.id, { expectedVersion: 1, text: SUPERVISOR_ASK, note: HIP_NOTE });
    const update = await tonal.as('tier2')<{ updateCase: Json }>(UPDATE_CASE, {
      caseId: created.id,
      input: { expectedVersion: 2, subject: 'Supervisor request (member called twice)' },
    });
    expect(update.data?.updateCase.case.version).toBe(3);

    const firstPage = await tonal.as('agent')<{ case: Json }>(TIMELINE, { id: created.id, first: 3 });
    const page1 = firstPage.data?.case.timeline;
    expect(page1.edges.map((edge: Json) => edge.node.type)).toEqual(['CASE_CREATED', 'NOTE_ADDED', 'QUEUE_CHANGED']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const rest = await tonal.as('agent')<{ case: Json }>(TIMELINE, {
      id: created.id,
      first: 20,
      after: page1.pageInfo.endCursor,
    });
    expect(rest.errors, JSON.stringify(rest.errors)).toBeUndefined();
    const nodes = rest.data?.case.timeline.edges.map((edge: Json) => edge.node);
    expect(nodes.map((node: Json) => node.type)).toEqual([
      'STATUS_CHANGED',
      'PRIORITY_CHANGED',
      'ASSIGNED',
      'ESCALATED',
      'FIELDS_CHANGED',
    ]);
    const escalated = nodes[3];
    expect(escalated.actor).toEqual({ role: 'agent' });
    expect(escalated.policyVersion).toBe(1);
    expect(escalated.decision.explanation.winner).toBe('ton-1.supervisor-request');
    expect(escalated.decision.explanation.rules.length).toBe(getShippedPolicyPack('tonal').rules.length);
    expect(escalated.data.evaluationInput.customerText).toBe(SUPERVISOR_ASK);
    expect(nodes[4]).toMatchObject({
      actor: { role: 'tier2' },
      data: { subject: { before: 'Supervisor request', after: 'Supervisor request (member called twice)' } },
    });
  });
});

describe('X-2 dry run', () => {
  it('X-2 routeCase changes nothing and the same input, version and time give the same decision', async () => {
    const created = await newCase();
    const before = await snapshot(kit, created.id);
    const keysBefore = await kit.db.idempotencyKey.count({ where: { tenantId: tonal.tenantId } });
    const input = { text: SUPERVISOR_ASK, signals: { sentiment: -0.9 }, at: '2026-11-25T18:00:00.000Z' };
    const first = await routeCase(tonal, created.id, input);
    const second = await routeCase(tonal, created.id, input, 'tier2');
    expect(first.decision).toEqual(second.decision);
    expect(first.evaluatedAt).toBe('2026-11-25T18:00:00.000Z');
    expect(first.summary).toContain('TON-1');
    expect(first.notifications).toEqual([
      expect.objectContaining({ kind: 'LIVE_ALERT', recipient: 'support-staff', ruleId: 'ton-1.supervisor-request' }),
    ]);
    expect(await snapshot(kit, created.id)).toEqual(before);
    expect(await kit.db.idempotencyKey.count({ where: { tenantId: tonal.tenantId } })).toBe(keysBefore);
  });

  it('X-2 a malformed case id or input is a typed error', async () => {
    const bad = await tonal.as('agent')<{ routeCase: Json }>(
      `query { routeCase(caseId: "nope", input: { signals: { sentiment: 3 } }) { __typename ${APP_ERROR} } }`,
    );
    expect(bad.data?.routeCase).toMatchObject({ __typename: 'AppError', code: 'VALIDATION_FAILED' });
  });
});

describe('direct assignment by skill', () => {
  it('LL-2 a TSM chargeback threat is assigned to the escalations lead, with a note and a direct message', async () => {
    const ll = await kit.createTenant('ll');
    const created = await createCase(ll, { subject: 'Refund or chargeback', customerRef: 'tsm-77', brand: 'TSM' });
    const text = 'If you do not refund me I will dispute the charge with my bank.';
    const refused = await escalateCase(ll, created.id, { expectedVersion: 1, text });
    expect(refused).toMatchObject({ code: 'NOTE_REQUIRED', rule: expect.stringContaining('LL-2') });
    const result = await escalateCase(ll, created.id, {
      expectedVersion: 1,
      text,
      note: { relevantDetails: 'Member was charged twice for March; asked for a refund of both.' },
    });
    expect(result.outcome).toBe('APPLIED');
    expect(rowId(result.case.assignee.id)).toBe(ll.userIds.elana);
    const { outbox, types } = await snapshot(kit, created.id);
    expect(types).toContain('ASSIGNED');
    expect(outbox.map((message) => [message.channel, message.recipient])).toEqual([
      ['DIRECT_MESSAGE', 'skill:tsm-escalations-lead'],
    ]);
  });
});

describe('X-5 organizations', () => {
  it('X-5 a case of another organization cannot be routed or escalated, and stays untouched', async () => {
    const other = await kit.createTenant('tonal');
    const foreign = await newCase(other);
    const before = await snapshot(kit, foreign.id);
    const routed = await tonal.as('agent')<{ routeCase: Json }>(
      `query($caseId: ID!) { routeCase(caseId: $caseId) { __typename ${APP_ERROR} } }`,
      { caseId: foreign.id },
    );
    expect(routed.data?.routeCase).toMatchObject({ __typename: 'AppError', code: 'NOT_FOUND' });
    const escalated = await escalateCase(tonal, foreign.id, {
      expectedVersion: 1,
      text: SUPERVISOR_ASK,
      note: HIP_NOTE,
    });
    expect(escalated).toMatchObject({ __typename: 'AppError', code: 'NOT_FOUND' });
    expect(await snapshot(kit, foreign.id)).toEqual(before);
  });
});

describe('X-4 retries and races', () => {
  it('X-4 50 concurrent escalations on the same version: one succeeds, the rest CONFLICT, one escalation event', async () => {
    const created = await newCase();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        tonal.as('agent')<{ escalateCase: Json }>(ESCALATE_CASE, {
          caseId: created.id,
          input: { expectedVersion: 1, text: SUPERVISOR_ASK, note: HIP_NOTE },
        }),
      ),
    );
    const results = responses.map((response) => response.data?.escalateCase);
    expect(results.filter((result) => result?.__typename === 'EscalateCasePayload')).toHaveLength(1);
    const conflicts = results.filter((result) => result?.__typename === 'AppError');
    expect(conflicts).toHaveLength(49);
    for (const conflict of conflicts) {
      expect(conflict?.code).toBe('CONFLICT');
      expect(conflict?.details.currentVersion).toBe(2);
    }
    const { types, notes, outbox } = await snapshot(kit, created.id);
    expect(types.filter((type) => type === 'ESCALATED')).toHaveLength(1);
    expect(notes).toBe(1);
    expect(outbox).toHaveLength(1);
  });

  it('X-4 the same idempotency key 20 times in parallel has one effect and returns the first result', async () => {
    const created = await newCase();
    const input = { expectedVersion: 1, text: SUPERVISOR_ASK, note: HIP_NOTE, idempotencyKey: `esc-${created.id}` };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        tonal.as('agent')<{ escalateCase: Json }>(ESCALATE_CASE, { caseId: created.id, input }),
      ),
    );
    const results = responses.map((response) => response.data?.escalateCase);
    expect(results.map((result) => result?.outcome)).toEqual(Array.from({ length: 20 }, () => 'APPLIED'));
    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    const retried = await tonal.as('agent')<{ escalateCase: Json }>(ESCALATE_CASE, { caseId: created.id, input });
    expect(retried.data?.escalateCase).toMatchObject({ outcome: 'APPLIED', case: { version: 2 } });
    const { types, notes, outbox } = await snapshot(kit, created.id);
    expect(types.filter((type) => type === 'ESCALATED')).toHaveLength(1);
    expect(notes).toBe(1);
    expect(outbox).toHaveLength(1);

    const reused = await tonal.as('agent')<{ escalateCase: Json }>(ESCALATE_CASE, {
      caseId: created.id,
      input: { ...input, text: 'something else' },
    });
    expect(reused.data?.escalateCase).toMatchObject({ __typename: 'AppError', code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('X-4 an update based on a stale version is a CONFLICT and changes nothing', async () => {
    const created = await newCase();
    const first = await tonal.as('agent')<{ updateCase: Json }>(UPDATE_CASE, {
      caseId: created.id,
      input: { expectedVersion: 1, priority: 'HIGH' },
    });
    expect(first.data?.updateCase.case).toMatchObject({ priority: 'HIGH', version: 2 });
    const before = await snapshot(kit, created.id);
    const stale = await tonal.as('agent')<{ updateCase: Json }>(UPDATE_CASE, {
      caseId: created.id,
      input: { expectedVersion: 1, priority: 'LOW' },
    });
    expect(stale.data?.updateCase).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect(await snapshot(kit, created.id)).toEqual(before);
  });
});
