import { getShippedPolicyPack } from '@escalate/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, createCase, escalateCase, type Json, rowId, snapshot } from './cases-support.js';

const CREATE_POLICY = /* GraphQL */ `
  mutation($input: CreatePolicyVersionInput!) {
    createPolicyVersion(input: $input) { __typename ... on PolicyVersionPayload { policyVersion { version active } } ${APP_ERROR} }
  }
`;
const PENDING_APPROVALS = /* GraphQL */ `
  query { pendingApprovals { edges { node { id approverRole case { id } } } } }
`;
const APPROVE = /* GraphQL */ `
  mutation Approve($approvalId: ID!) {
    approveEscalation(approvalId: $approvalId) {
      __typename
      ... on ApprovalDecisionPayload { approval { status } case { status queue { slug } } }
      ${APP_ERROR}
    }
  }
`;

let kit: TestKit;
let ll: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  ll = await kit.createTenant('ll');
  // a version of the LL policy where the TSM refund attempt waits for the lead's approval,
  // the approver named by skill rather than by role
  const pack = structuredClone(getShippedPolicyPack('ll')) as Json;
  const rule = pack.rules.find((candidate: Json) => candidate.id === 'll-10.refund-threshold-tsm');
  rule.outcome.approval = {
    approverRole: 'tsm-escalations-lead',
    reason: 'the lead approves refunds above the threshold',
  };
  const created = await ll.as('admin')<{ createPolicyVersion: Json }>(CREATE_POLICY, {
    input: { document: pack, activate: true, comment: 'lead approves refund attempts' },
  });
  expect(created.data?.createPolicyVersion).toMatchObject({ policyVersion: { active: true } });
});

afterAll(async () => {
  await kit.close();
});

describe('approvals named by skill', () => {
  it('LL-11 the TSM escalations lead (a skill) sees, and decides, an approval that names the skill', async () => {
    const refundCase = await createCase(ll, {
      subject: 'Wants subscription refunded',
      customerRef: `tsm-${Math.random().toString(36).slice(2)}`,
      channel: 'PHONE',
      brand: 'TSM',
    });
    const result = await escalateCase(ll, refundCase.id, {
      expectedVersion: 1,
      text: 'I want a refund for the last five months of my subscription, I never used it.',
      note: { callSentiment: 'calm, open to options', investigationResults: 'no logins since March' },
    });
    expect(result.outcome, JSON.stringify(result)).toBe('PENDING_APPROVAL');
    const { outbox } = await snapshot(kit, refundCase.id);
    expect(
      outbox.filter((message) => message.channel === 'DIRECT_MESSAGE').map((message) => message.recipient),
    ).toContain('skill:tsm-escalations-lead');

    const forAgent = await ll.as('tier2')<{ pendingApprovals: Json }>(PENDING_APPROVALS);
    expect(forAgent.data?.pendingApprovals.edges).toEqual([]);
    const forLead = await ll.as('elana')<{ pendingApprovals: Json }>(PENDING_APPROVALS);
    const pending = forLead.data?.pendingApprovals.edges.map((edge: Json) => edge.node);
    expect(pending.map((node: Json) => rowId(node.case.id))).toEqual([rowId(refundCase.id)]);

    const refused = await ll.as('tier2')<{ approveEscalation: Json }>(APPROVE, { approvalId: pending[0].id });
    expect(refused.data?.approveEscalation).toMatchObject({ __typename: 'AppError', code: 'FORBIDDEN' });
    const approved = await ll.as('elana')<{ approveEscalation: Json }>(APPROVE, { approvalId: pending[0].id });
    expect(approved.data?.approveEscalation).toMatchObject({
      approval: { status: 'APPROVED' },
      case: { status: 'ESCALATED', queue: { slug: 'tsm-escalations' } },
    });
  });
});
