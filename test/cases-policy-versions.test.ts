import { getShippedPolicyPack } from '@escalate/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, createCase, escalateCase, HIP_NOTE, type Json, routeCase, rowId } from './cases-support.js';

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

const CREATE_POLICY = /* GraphQL */ `
  mutation($input: CreatePolicyVersionInput!) {
    createPolicyVersion(input: $input) {
      __typename
      ... on PolicyVersionPayload { policyVersion { version active } }
      ${APP_ERROR}
    }
  }
`;

const REPLAY = /* GraphQL */ `
  query($input: ReplayPolicyInput!) {
    replayPolicy(input: $input) {
      __typename
      ... on PolicyReplay {
        baselineVersion candidateVersion evaluated
        changed { case { id } differences baseline { setPriority policyVersion } candidate { setPriority policyVersion } }
      }
      ${APP_ERROR}
    }
  }
`;

describe('X-3 policy versions', () => {
  it('X-3 admins store validated versions; a decision records the version that made it; replay shows what would change', async () => {
    const tenant = await kit.createTenant('tonal');
    const routed = await newCase(tenant);
    await escalateCase(tenant, routed.id, { expectedVersion: 1, text: SUPERVISOR_ASK, note: HIP_NOTE });

    const pack = structuredClone(getShippedPolicyPack('tonal')) as Json;
    const steps = pack.rules.find((rule: Json) => rule.id === 'ton-4-5.escalation-steps');
    steps.outcome.setPriority = 'URGENT';

    const forbidden = await tenant.as('tier2')<{ createPolicyVersion: Json }>(CREATE_POLICY, {
      input: { document: pack },
    });
    expect(forbidden.data?.createPolicyVersion).toMatchObject({ __typename: 'AppError', code: 'FORBIDDEN' });

    const broken = structuredClone(pack);
    broken.rules[0].outcome.target.queue = 'no-such-queue';
    broken.rules[1].priority = -5;
    const invalid = await tenant.as('admin')<{ createPolicyVersion: Json }>(CREATE_POLICY, {
      input: { document: broken },
    });
    expect(invalid.data?.createPolicyVersion).toMatchObject({ __typename: 'AppError', code: 'VALIDATION_FAILED' });
    const paths = invalid.data?.createPolicyVersion.fields.map((field: Json) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining(['input.document.rules.0.outcome.target.queue', 'input.document.rules.1.priority']),
    );
    expect(await kit.db.policyVersion.count({ where: { tenantId: tenant.tenantId } })).toBe(1);

    const stored = await tenant.as('admin')<{ createPolicyVersion: Json }>(CREATE_POLICY, {
      input: { document: pack, comment: 'Escalations start Urgent' },
    });
    expect(stored.data?.createPolicyVersion.policyVersion).toEqual({ version: 2, active: false });

    const replay = await tenant.as('admin')<{ replayPolicy: Json }>(REPLAY, {
      input: { version: 2, since: '2020-01-01T00:00:00Z' },
    });
    const result = replay.data?.replayPolicy;
    expect(result, JSON.stringify(replay)).toMatchObject({ baselineVersion: 1, candidateVersion: 2, evaluated: 1 });
    expect(result?.changed).toEqual([
      {
        case: { id: routed.id },
        differences: ['setPriority'],
        baseline: { setPriority: 'HIGH', policyVersion: 1 },
        candidate: { setPriority: 'URGENT', policyVersion: 2 },
      },
    ]);
    const unsaved = await tenant.as('admin')<{ replayPolicy: Json }>(REPLAY, {
      input: { document: pack, since: '2020-01-01T00:00:00Z' },
    });
    expect(unsaved.data?.replayPolicy.changed).toHaveLength(1);

    const activated = await tenant.as('admin')<{ activatePolicyVersion: Json }>(
      `mutation { activatePolicyVersion(input: { version: 2 }) { __typename ... on PolicyVersionPayload { policyVersion { version active } } } }`,
    );
    expect(activated.data?.activatePolicyVersion.policyVersion).toEqual({ version: 2, active: true });
    const fresh = await newCase(tenant);
    const second = await escalateCase(tenant, fresh.id, { expectedVersion: 1, text: SUPERVISOR_ASK, note: HIP_NOTE });
    expect(second.case).toMatchObject({ policyVersion: 2, priority: 'URGENT' });
    const first = await kit.db.case.findUniqueOrThrow({ where: { id: rowId(routed.id) } });
    expect(first.policyVersion).toBe(1);
    // replays can still ask an older version, with the same answer as before
    const asV1 = await routeCase(tenant, fresh.id, {
      text: SUPERVISOR_ASK,
      policyVersion: 1,
      at: '2026-11-25T18:00:00Z',
    });
    const asActive = await routeCase(tenant, fresh.id, { text: SUPERVISOR_ASK, at: '2026-11-25T18:00:00Z' });
    expect([asV1.policyVersion, asV1.setPriority]).toEqual([1, 'HIGH']);
    expect([asActive.policyVersion, asActive.setPriority]).toEqual([2, 'URGENT']);
  });
});

describe('finding escalated cases', () => {
  it('X-3 cases are found by the trigger, queue, status, priority and assignee the routing gave them', async () => {
    const tenant = await kit.createTenant('tonal');
    const escalated = await createCase(tenant, { subject: 'Wants a manager now', customerRef: 'm-filter-1' });
    const other = await createCase(tenant, { subject: 'Password reset', customerRef: 'm-filter-2' });
    const applied = await escalateCase(tenant, escalated.id, {
      expectedVersion: 1,
      text: SUPERVISOR_ASK,
      note: HIP_NOTE,
    });
    const FIND = `query($filter: CaseFilter) { cases(filter: $filter, first: 10) { edges { node { id } } } }`;
    const ids = async (filter: Json) => {
      const response = await tenant.as('agent')<{ cases: Json }>(FIND, { filter });
      return response.data?.cases.edges.map((edge: Json) => edge.node.id);
    };
    const assigneeId = applied.case.assignee.id;
    expect(
      await ids({
        trigger: 'SUPERVISOR_REQUEST',
        queue: 'supervisor-escalations',
        status: ['OPEN'],
        priority: ['HIGH'],
      }),
    ).toEqual([escalated.id]);
    expect(await ids({ assigneeId })).toEqual([escalated.id]);
    expect(await ids({ search: 'manager' })).toEqual([escalated.id]);
    expect(await ids({ status: ['NEW'] })).toEqual([other.id]);
    expect(await ids({ trigger: 'LEGAL_THREAT' })).toEqual([]);
  });
});
