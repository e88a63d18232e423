import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import {
  APP_ERROR,
  createCase,
  escalateCase,
  HIP_NOTE,
  type Json,
  routeCase,
  rowId,
  snapshot,
} from './cases-support.js';

/** SOP walk-throughs through the API, the way a support-operations person reads the procedure. */

let kit: TestKit;
let tonal: TestTenant;
let ll: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  [tonal, ll] = await Promise.all([kit.createTenant('tonal'), kit.createTenant('ll')]);
});

afterAll(async () => {
  await kit.close();
});

const PENDING_APPROVALS = /* GraphQL */ `
  query { pendingApprovals { edges { node { id case { id } } } } }
`;

const CHECK_REPLY = /* GraphQL */ `
  query Check($caseId: ID!, $text: String!) {
    checkReply(caseId: $caseId, text: $text) {
      __typename
      ... on ReplyCheck { ok findings { kind requirementIds phrase } }
      ${APP_ERROR}
    }
  }
`;

function customerRef(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2)}`;
}

describe('TONAL walk-through', () => {
  it('TON-2 a member who needs the trainer working by tomorrow is handed to live support staff', async () => {
    const created = await createCase(tonal, {
      subject: 'Trainer will not power on',
      customerRef: customerRef('member'),
      channel: 'CHAT',
    });
    const text = 'I have a competition on Saturday and need the trainer working by tomorrow, please help';
    const decision = await routeCase(tonal, created.id, { text });
    expect(decision.triggerCodes).toContain('tonal:TIME_SENSITIVE');
    expect(decision.target.queue).toBe('urgent-escalations');

    const result = await escalateCase(tonal, created.id, { expectedVersion: 1, text, note: HIP_NOTE });
    expect(result.__typename, JSON.stringify(result)).toBe('EscalateCasePayload');
    expect(result.case).toMatchObject({ status: 'OPEN', priority: 'URGENT', queue: { slug: 'urgent-escalations' } });
    const { outbox, types } = await snapshot(kit, created.id);
    expect(outbox.map((message) => [message.channel, message.recipient])).toContainEqual([
      'LIVE_ALERT',
      'skill:support-staff',
    ]);
    expect(types.indexOf('NOTE_ADDED')).toBeLessThan(types.indexOf('QUEUE_CHANGED'));
  });
});

describe('LL walk-through', () => {
  it('LL-10 a TSM member asking for five months back: answering the Escalated Refund Attempt assigns the lead at once', async () => {
    const created = await createCase(ll, {
      subject: 'Wants subscription refunded',
      customerRef: customerRef('tsm'),
      channel: 'PHONE',
      brand: 'TSM',
    });
    const text = 'I want a refund for the last five months of my subscription, I never used it.';
    const refused = await escalateCase(ll, created.id, { expectedVersion: 1, text });
    expect(refused).toMatchObject({ __typename: 'AppError', code: 'NOTE_REQUIRED' });
    expect(refused.fields.map((field: Json) => field.path)).toEqual([
      'input.note.callSentiment',
      'input.note.investigationResults',
    ]);

    const result = await escalateCase(ll, created.id, {
      expectedVersion: 1,
      text,
      note: {
        callSentiment: 'Upset at first, calmer by the end, open to a partial refund',
        investigationResults: 'No logins since March; all five billing emails were opened',
      },
    });
    expect(result.__typename, JSON.stringify(result)).toBe('EscalateCasePayload');
    expect(result.outcome).toBe('APPLIED');
    expect(result.approval).toBeNull();
    expect(result.case).toMatchObject({ status: 'ESCALATED', queue: { slug: 'tsm-escalations' } });
    expect(rowId(result.case.assignee?.id)).toBe(ll.userIds.elana);

    const { outbox, approvals } = await snapshot(kit, created.id);
    expect(approvals).toBe(0);
    const directMessages = outbox.filter((message) => message.channel === 'DIRECT_MESSAGE');
    expect(directMessages.map((message) => message.recipient)).toEqual(['skill:tsm-escalations-lead']);
    const pending = await ll.as('elana')<{ pendingApprovals: Json }>(PENDING_APPROVALS);
    expect(
      pending.data?.pendingApprovals.edges.filter((edge: Json) => rowId(edge.node.case.id) === rowId(created.id)),
    ).toEqual([]);
  });

  it('LL-10 the reply to the customer may not say it was worked to the best of my abilities and escalated', async () => {
    const created = await createCase(ll, {
      subject: 'Program refunds',
      customerRef: customerRef('tsm'),
      channel: 'EMAIL',
      brand: 'TSM',
    });
    const flagged = await ll.as('agent')<{ checkReply: Json }>(CHECK_REPLY, {
      caseId: created.id,
      text: "I've worked this to the best of my abilities and escalated your request to a supervisor.",
    });
    expect(flagged.data?.checkReply).toMatchObject({ ok: false });
    expect(flagged.data?.checkReply.findings[0]).toMatchObject({ kind: 'FORBIDDEN_PHRASE', requirementIds: ['LL-10'] });
    const fine = await ll.as('agent')<{ checkReply: Json }>(CHECK_REPLY, {
      caseId: created.id,
      text: 'I have shared your request with our refunds lead, who will follow up by Friday.',
    });
    expect(fine.data?.checkReply).toMatchObject({ ok: true, findings: [] });
  });
});
