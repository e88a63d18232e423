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
    expect(directMessages[0]?.payload).toMatchObject({
      note: { callSentiment: 'Upset at first, calmer by the end, open to a partial refund' },
    });
    const pending = await ll.as('elana')<{ pendingApprovals: Json }>(PENDING_APPROVALS);
    expect(
      pending.data?.pendingApprovals.edges.filter((edge: Json) => rowId(edge.node.case.id) === rowId(created.id)),
    ).toEqual([]);
  });

  it('LL-8 a bank calls about a customer charge: the lead gets a message with why, who and what was done; the case stays put', async () => {
    const created = await createCase(ll, {
      subject: 'Bank called about a charge',
      customerRef: customerRef('tsm'),
      channel: 'PHONE',
      brand: 'TSM',
    });
    const text = 'This is Wells Fargo fraud department calling about a charge from your company on a customer card.';
    const decision = await routeCase(ll, created.id, { text });
    expect(decision.triggerCodes).toEqual(['FINANCIAL_INSTITUTION_CONTACT']);
    expect(decision.notifications.map((notification: Json) => notification.recipient)).toEqual([
      'tsm-escalations-lead',
    ]);

    const noNote = await escalateCase(ll, created.id, { expectedVersion: 1, text });
    expect(noNote).toMatchObject({ __typename: 'AppError', code: 'NOTE_REQUIRED' });
    expect((await snapshot(kit, created.id)).outbox).toEqual([]);

    const note = {
      callReason: 'Fraud department checking a charge the cardholder does not recognise',
      customer: 'Dana Whitfield, order TSM-5521',
      actionsTaken: 'Confirmed the order and shipping address; gave the bank our billing contact',
    };
    const result = await escalateCase(ll, created.id, { expectedVersion: 1, text, note });
    expect(result.__typename, JSON.stringify(result)).toBe('EscalateCasePayload');
    expect(result.outcome).toBe('APPLIED');
    expect(result.case).toMatchObject({ status: 'NEW', version: 2, queue: null });
    const { outbox, types, row } = await snapshot(kit, created.id);
    expect(outbox.map((message) => [message.channel, message.recipient])).toEqual([
      ['DIRECT_MESSAGE', 'skill:tsm-escalations-lead'],
    ]);
    expect(outbox[0]?.payload).toMatchObject({ note });
    expect(row.triggers).toEqual(['FINANCIAL_INSTITUTION_CONTACT']);
    expect(types).toEqual(['CASE_CREATED', 'NOTE_ADDED', 'ESCALATED']);
  });

  it('LL-9 an adverse reaction treated at urgent care is posted to the adverse-events channel', async () => {
    const created = await createCase(ll, {
      subject: 'Reaction to gummies',
      customerRef: customerRef('hb'),
      channel: 'EMAIL',
      brand: 'HB',
    });
    const text = 'After taking the gummies my son broke out in hives and we had to take him to urgent care.';
    const result = await escalateCase(ll, created.id, { expectedVersion: 1, text });
    expect(result.__typename, JSON.stringify(result)).toBe('EscalateCasePayload');
    const { outbox } = await snapshot(kit, created.id);
    expect(outbox.map((message) => [message.channel, message.recipient])).toEqual([
      ['CHANNEL_POST', '#adverse-events'],
    ]);
    expect(JSON.stringify(outbox[0]?.payload)).toContain('urgent care');
  });

  it('LL-1 an agent escalates a chargeback threat before setting the brand: told to set TSM or HB, nothing changes', async () => {
    const created = await createCase(ll, {
      subject: 'Disputing the charge',
      customerRef: customerRef('ll'),
      channel: 'CHAT',
    });
    const text = 'I am calling my bank to dispute this charge today.';
    const refused = await escalateCase(ll, created.id, { expectedVersion: 1, text, note: { relevantDetails: 'x' } });
    expect(refused).toMatchObject({ __typename: 'AppError', code: 'RULE_VIOLATION' });
    expect(refused.message).toContain('Brand needed to route');
    expect(refused.details.guidance).toContain(
      'Set the case’s brand (TSM or HB) and route again: TSM and HB handle this escalation differently.',
    );
    const { row, types, outbox, notes } = await snapshot(kit, created.id);
    expect(row).toMatchObject({ version: 1, status: 'NEW', queueId: null });
    expect([types, outbox, notes]).toEqual([['CASE_CREATED'], [], 0]);
  });

  it('LL-11 the lead returns a refund attempt with suggestions: back in the TSM support queue with a TSM agent', async () => {
    const created = await createCase(ll, {
      subject: 'Wants program purchases refunded',
      customerRef: customerRef('tsm'),
      channel: 'PHONE',
      brand: 'TSM',
    });
    const text = 'I want all five of my program purchases refunded, none of them worked for me.';
    const escalated = await escalateCase(ll, created.id, {
      expectedVersion: 1,
      text,
      signals: { programPurchaseRefunds: 5 },
      note: { callSentiment: 'Calm, open to negotiation', investigationResults: 'Two programs never opened' },
    });
    expect(escalated.__typename, JSON.stringify(escalated)).toBe('EscalateCasePayload');
    expect(rowId(escalated.case.assignee.id)).toBe(ll.userIds.elana);

    const returned = await escalateCase(
      ll,
      created.id,
      {
        expectedVersion: escalated.case.version,
        signals: { agentFlags: ['RETURNED_BY_LEAD'] },
        note: { leadSuggestion: 'Offer a refund for the two unopened programs and a free month' },
      },
      'elana',
    );
    expect(returned.__typename, JSON.stringify(returned)).toBe('EscalateCasePayload');
    expect(returned.decision.summary).toContain('LL-11');
    expect(returned.case).toMatchObject({ status: 'OPEN', queue: { slug: 'tsm-support' } });
    expect(rowId(returned.case.assignee.id)).toBe(ll.userIds.agent);
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
