import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, createCase, escalateCase, type Json, routeCase, rowId, snapshot } from './cases-support.js';

let kit: TestKit;
let cinch: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  cinch = await kit.createTenant('cinch');
});

afterAll(async () => {
  await kit.close();
});

const FINAL_NOTE = { finalComments: 'Customer called about the job; reviewed the service request with them.' };

async function newCase(subject = 'Warranty claim') {
  return createCase(cinch, { subject, customerRef: `cust-${Math.random().toString(36).slice(2)}`, channel: 'PHONE' });
}

const APPROVE = /* GraphQL */ `
  mutation Approve($approvalId: ID!, $input: ApproveEscalationInput) {
    approveEscalation(approvalId: $approvalId, input: $input) {
      __typename
      ... on ApprovalDecisionPayload {
        approval { status decidedBy { role } }
        case { status tier version queue { slug } sla { dueAt breached explanation } }
      }
      ${APP_ERROR}
    }
  }
`;

const REJECT = /* GraphQL */ `
  mutation Reject($approvalId: ID!, $input: RejectEscalationInput!) {
    rejectEscalation(approvalId: $approvalId, input: $input) {
      __typename
      ... on ApprovalDecisionPayload { approval { status reason } case { status version queue { slug } } }
      ${APP_ERROR}
    }
  }
`;

const ADD_COMMENT = /* GraphQL */ `
  mutation($caseId: ID!, $input: AddCommentInput!) {
    addComment(caseId: $caseId, input: $input) {
      __typename
      ... on AddCommentPayload { comment { kind body author { role } } }
      ${APP_ERROR}
    }
  }
`;

const TIER2_ASK = 'There is a gas smell in the kitchen and the technician is not answering.';

describe('Cinch tiers', () => {
  it('CIN-1 Tier 1 situations go to a Tier 1 supervisor', async () => {
    const created = await newCase('Tech no-show');
    const text = 'The technician missed the appointment again and nobody called me.';
    const decision = await routeCase(cinch, created.id, { text });
    expect(decision.triggerCodes).toContain('PROVIDER_DELAY');
    expect(decision.target).toEqual({
      tier: 'TIER1',
      team: 'tier1-supervisors',
      queue: 'tier1-supervisor-escalations',
    });
    expect(decision.approval.required).toBe(false);
    const result = await escalateCase(cinch, created.id, { expectedVersion: 1, text, note: FINAL_NOTE });
    expect(result.case).toMatchObject({
      status: 'ESCALATED',
      tier: 'TIER1',
      queue: { slug: 'tier1-supervisor-escalations' },
    });
  });

  it('CIN-2 a Tier 2 situation waits for a supervisor’s approval, and nothing else moves until then', async () => {
    const created = await newCase('SOS high risk');
    const result = await escalateCase(cinch, created.id, {
      expectedVersion: 1,
      text: TIER2_ASK,
      signals: { agentFlags: ['SOS_HIGH_RISK'] },
      note: FINAL_NOTE,
    });
    expect(result.outcome, JSON.stringify(result)).toBe('PENDING_APPROVAL');
    expect(result.approval).toMatchObject({ status: 'PENDING', approverRole: 'tier1_supervisor' });
    expect(result.case).toMatchObject({ status: 'PENDING_APPROVAL', tier: 'TIER1', queue: null, version: 2 });
    const pending = await snapshot(kit, created.id);
    expect(pending.types).toEqual(['CASE_CREATED', 'NOTE_ADDED', 'APPROVAL_REQUESTED']);
    expect(pending.outbox.map((message) => [message.channel, message.recipient])).toEqual([
      ['DIRECT_MESSAGE', 'role:tier1_supervisor'],
    ]);

    // an agent cannot approve; nothing changes
    const refused = await cinch.as('agent')<{ approveEscalation: Json }>(APPROVE, { approvalId: result.approval.id });
    expect(refused.data?.approveEscalation).toMatchObject({ __typename: 'AppError', code: 'FORBIDDEN' });
    expect(await snapshot(kit, created.id)).toEqual(pending);

    // a Tier 2 user may decide approvals in general, but this one asks for a Tier 1 supervisor
    const wrongRole = await cinch.as('tier2')<{ approveEscalation: Json }>(APPROVE, { approvalId: result.approval.id });
    expect(wrongRole.data?.approveEscalation).toMatchObject({
      __typename: 'AppError',
      code: 'FORBIDDEN',
      rule: 'CIN-2',
    });
    expect(await snapshot(kit, created.id)).toEqual(pending);
    const queue = await cinch.as('tier1_supervisor')<{ pendingApprovals: Json }>(
      '{ pendingApprovals { edges { node { id case { id } } } } }',
    );
    expect(queue.data?.pendingApprovals.edges.map((edge: Json) => edge.node.id)).toContain(result.approval.id);

    // the case cannot be escalated again while it waits
    const again = await escalateCase(cinch, created.id, {
      expectedVersion: 2,
      text: TIER2_ASK,
      signals: { agentFlags: ['SOS_HIGH_RISK'] },
    });
    expect(again).toMatchObject({ __typename: 'AppError', code: 'APPROVAL_REQUIRED', rule: 'CIN-2' });

    const approved = await cinch.as('tier1_supervisor')<{ approveEscalation: Json }>(APPROVE, {
      approvalId: result.approval.id,
      input: { comment: 'Approved: executive request' },
    });
    const payload = approved.data?.approveEscalation;
    expect(payload?.__typename, JSON.stringify(approved)).toBe('ApprovalDecisionPayload');
    expect(payload?.approval).toEqual({ status: 'APPROVED', decidedBy: { role: 'tier1_supervisor' } });
    expect(payload?.case).toMatchObject({ status: 'ESCALATED', tier: 'TIER2', queue: { slug: 'tier2-escalations' } });
    const after = await snapshot(kit, created.id);
    expect(after.types.slice(3)).toEqual([
      'APPROVAL_GRANTED',
      'QUEUE_CHANGED',
      'STATUS_CHANGED',
      'PRIORITY_CHANGED',
      'ASSIGNMENT_OFFERED',
      'ESCALATED',
    ]);
    expect(after.row.priority).toBe('CRITICAL');
    // Tier 2 takes it: the least-loaded member of the Tier 2 team gets the offer
    const offer = await kit.db.assignment.findFirstOrThrow({
      where: { caseId: rowId(created.id) },
      include: { assignee: { include: { team: true } } },
    });
    expect(offer).toMatchObject({ status: 'OFFERED', strategy: 'LEAST_LOADED', assignee: { team: { slug: 'tier2' } } });

    // deciding twice is refused
    const twice = await cinch.as('tier1_supervisor')<{ approveEscalation: Json }>(APPROVE, {
      approvalId: result.approval.id,
    });
    expect(twice.data?.approveEscalation).toMatchObject({ __typename: 'AppError', code: 'INVALID_TRANSITION' });
  });

  it('CIN-2 a Tier 1 supervisor escalating it themselves approves it on the spot', async () => {
    const created = await newCase('Supervisor escalates');
    const result = await escalateCase(
      cinch,
      created.id,
      { expectedVersion: 1, signals: { agentFlags: ['SOS_HIGH_RISK'] }, note: FINAL_NOTE },
      'tier1_supervisor',
    );
    expect(result).toMatchObject({
      outcome: 'APPLIED',
      approval: { status: 'APPROVED', approverRole: 'tier1_supervisor' },
      case: { status: 'ESCALATED', tier: 'TIER2' },
    });
    const { types } = await snapshot(kit, created.id);
    expect(types.slice(0, 3)).toEqual(['CASE_CREATED', 'APPROVAL_GRANTED', 'NOTE_ADDED']);
  });

  it('CIN-2 a rejected escalation returns the case to where it was', async () => {
    const created = await newCase('Threatens the news');
    const result = await escalateCase(cinch, created.id, {
      expectedVersion: 1,
      text: 'Water came through the ceiling and the contractor never answered.',
      signals: { agentFlags: ['PROPERTY_DAMAGE_NO_PROVIDER_RESPONSE'] },
      note: FINAL_NOTE,
    });
    expect(result.outcome).toBe('PENDING_APPROVAL');
    const rejected = await cinch.as('tier1_supervisor')<{ rejectEscalation: Json }>(REJECT, {
      approvalId: result.approval.id,
      input: { comment: 'Handle at Tier 1 first' },
    });
    expect(rejected.data?.rejectEscalation).toMatchObject({
      approval: { status: 'REJECTED', reason: 'Handle at Tier 1 first' },
      case: { status: 'NEW', version: 3, queue: null },
    });
    const { types } = await snapshot(kit, created.id);
    expect(types).toEqual(['CASE_CREATED', 'NOTE_ADDED', 'APPROVAL_REQUESTED', 'APPROVAL_REJECTED']);
  });

  it('CIN-4 only a Tier 1 supervisor grants a callback exception, recorded in the final comments', async () => {
    const created = await newCase('Callback');
    const before = await snapshot(kit, created.id);
    const refused = await cinch.as('agent')<{ addComment: Json }>(ADD_COMMENT, {
      caseId: created.id,
      input: {
        body: 'Customer cannot take calls before 6pm',
        kind: 'FINAL',
        callbackException: true,
        expectedVersion: 1,
      },
    });
    expect(refused.data?.addComment).toMatchObject({ __typename: 'AppError', code: 'FORBIDDEN', rule: 'CIN-4' });
    expect(await snapshot(kit, created.id)).toEqual(before);

    const granted = await cinch.as('tier1_supervisor')<{ addComment: Json }>(ADD_COMMENT, {
      caseId: created.id,
      input: {
        body: 'Customer cannot take calls before 6pm',
        kind: 'FINAL',
        callbackException: true,
        expectedVersion: 1,
      },
    });
    expect(granted.data?.addComment.comment).toEqual({
      kind: 'FINAL',
      body: 'Callback exception granted: Customer cannot take calls before 6pm',
      author: { role: 'tier1_supervisor' },
    });
    const after = await snapshot(kit, created.id);
    expect(after.types).toEqual(['CASE_CREATED', 'CALLBACK_EXCEPTION_GRANTED']);
    expect((after.row.signals as Json).flags).toEqual(['CALLBACK_EXCEPTION_GRANTED']);
    const decision = await routeCase(cinch, created.id, { text: 'The customer prefers evenings.' });
    expect(decision.target.queue).toBe('callback-exceptions');
    expect(decision.decision.requiredSteps.map((step: Json) => step.id)).toContain('record-callback-exception');
  });

  it('CIN-5 the refusal script is suggested when the customer refuses to give information', async () => {
    const created = await newCase('Refuses info');
    const decision = await routeCase(cinch, created.id, {
      text: 'I am not giving you my address.',
      signals: { agentFlags: ['CUSTOMER_REFUSES_INFO'] },
    });
    expect(decision.guidance.join(' ')).toContain('I understand your concern');
    expect(decision.outcome).toBe('STAY');
  });

  it('CIN-8 an executive callback request is assigned directly to the executive escalations owner', async () => {
    const created = await newCase('Executive callback');
    const text = 'I want a call back from an executive today.';
    const result = await escalateCase(cinch, created.id, { expectedVersion: 1, text, note: FINAL_NOTE });
    expect(result.outcome, JSON.stringify(result)).toBe('APPLIED');
    expect(result.case.queue.slug).toBe('executive-escalations');
    expect(rowId(result.case.assignee.id)).toBe(cinch.userIds['executive-owner']);
    const { types, outbox } = await snapshot(kit, created.id);
    expect(types).toContain('ASSIGNED');
    expect(outbox).toEqual([
      expect.objectContaining({
        channel: 'EMAIL',
        template: 'executive-escalation-email',
        recipient: 'role:executive-escalations-inbox',
      }),
    ]);
  });
});
