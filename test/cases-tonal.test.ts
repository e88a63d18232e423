import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import {
  createCase,
  escalateCase,
  HIP_NOTE,
  type Json,
  ROUTE_CASE,
  recordRmaCount,
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

const SUPERVISOR_ASK = 'This is the third time my delivery failed. Can I please speak to your supervisor?';

async function newCase(subject = 'Delivery failed again') {
  return createCase(tonal, { subject, customerRef: `member-${Math.random().toString(36).slice(2)}`, channel: 'CHAT' });
}

describe('routing Tonal cases', () => {
  it('TON-1 a supervisor request escalates at once to the support staff queue', async () => {
    const created = await newCase();
    const decision = await routeCase(tonal, created.id, { text: SUPERVISOR_ASK });
    expect(decision.__typename).toBe('RoutingDecision');
    expect(decision.outcome).toBe('ESCALATE');
    expect(decision.triggerCodes).toContain('SUPERVISOR_REQUEST');
    expect(decision.target).toEqual({ tier: null, team: 'support-staff', queue: 'supervisor-escalations' });
    expect(decision.approval.required).toBe(false);
    expect(decision.requiredNoteFields).toEqual(['reason', 'stepsTaken', 'offersMade', 'helpNeeded']);

    const result = await escalateCase(tonal, created.id, { expectedVersion: 1, text: SUPERVISOR_ASK, note: HIP_NOTE });
    expect(result.__typename, JSON.stringify(result)).toBe('EscalateCasePayload');
    expect(result.outcome).toBe('APPLIED');
    expect(result.case).toMatchObject({
      status: 'OPEN',
      priority: 'HIGH',
      version: 2,
      policyVersion: 1,
      queue: { slug: 'supervisor-escalations' },
      assignee: { id: expect.any(String) },
    });
    expect(result.case.triggers).toContain('SUPERVISOR_REQUEST');
    const assignee = await kit.db.user.findUniqueOrThrow({ where: { id: rowId(result.case.assignee.id) } });
    expect(assignee.skills).toContain('support-staff');
  });

  it('TON-2 an urgent case is handed to live support staff, not only queued', async () => {
    const created = await newCase('Need my trainer working');
    const text = 'My trainer stopped working and I need this fixed today, it is urgent.';
    const result = await escalateCase(tonal, created.id, { expectedVersion: 1, text, note: HIP_NOTE });
    expect(result.outcome).toBe('APPLIED');
    expect(result.case.queue.slug).toBe('urgent-escalations');
    expect(result.case.priority).toBe('URGENT');
    const { outbox } = await snapshot(kit, created.id);
    expect(outbox.map((message) => [message.channel, message.recipient])).toContainEqual([
      'LIVE_ALERT',
      'skill:support-staff',
    ]);
  });

  it('TON-3 the case goes to the queue owned by the team whose help is needed', async () => {
    const customerRef = `member-${Math.random().toString(36).slice(2)}`;
    await recordRmaCount(tonal, customerRef, 3);
    const created = await createCase(tonal, { subject: 'Third return', customerRef, channel: 'CHAT' });
    const result = await escalateCase(tonal, created.id, {
      expectedVersion: 1,
      note: HIP_NOTE,
    });
    const row = await kit.db.case.findUniqueOrThrow({
      where: { id: rowId(created.id) },
      include: { queue: { include: { team: true } }, team: true },
    });
    expect(result.case.queue.slug).toBe('rma-escalations');
    expect(row.queue?.team?.slug).toBe('returns');
    expect(row.team?.slug).toBe('returns');
  });

  it('TON-4 a queue change without a handoff note fails naming the missing fields, and nothing changes', async () => {
    const created = await newCase();
    const before = await snapshot(kit, created.id);
    const result = await escalateCase(tonal, created.id, {
      expectedVersion: 1,
      text: SUPERVISOR_ASK,
      note: { reason: 'asked for a supervisor', stepsTaken: '  ' },
    });
    expect(result.__typename).toBe('AppError');
    expect(result.code).toBe('NOTE_REQUIRED');
    expect(result.rule).toContain('TON-4');
    expect(result.fields.map((field: Json) => field.path)).toEqual([
      'input.note.stepsTaken',
      'input.note.offersMade',
      'input.note.helpNeeded',
    ]);
    expect(result.details.missingNoteFields).toEqual(['stepsTaken', 'offersMade', 'helpNeeded']);
    expect(await snapshot(kit, created.id)).toEqual(before);
  });

  it('TON-4 a note written before the queue change satisfies the policy', async () => {
    const created = await newCase();
    const noted = await tonal.as('agent')<{ addHandoffNote: Json }>(
      `mutation($caseId: ID!, $input: AddHandoffNoteInput!) {
        addHandoffNote(caseId: $caseId, input: $input) { __typename ... on AddHandoffNotePayload { note { id fields } } }
      }`,
      { caseId: created.id, input: { fields: HIP_NOTE } },
    );
    expect(noted.data?.addHandoffNote.__typename, JSON.stringify(noted)).toBe('AddHandoffNotePayload');
    const result = await escalateCase(tonal, created.id, { expectedVersion: 1, text: SUPERVISOR_ASK });
    expect(result.outcome).toBe('APPLIED');
    expect(result.case.queue.slug).toBe('supervisor-escalations');
  });

  it('TON-4 a manual queue change needs the handoff note too', async () => {
    const created = await newCase();
    const MOVE = `mutation($caseId: ID!, $input: UpdateCaseInput!) {
      updateCase(caseId: $caseId, input: $input) {
        __typename ... on CasePayload { case { version queue { slug } } } ... on AppError { code rule fields { path } }
      }
    }`;
    const before = await snapshot(kit, created.id);
    const refused = await tonal.as('agent')<{ updateCase: Json }>(MOVE, {
      caseId: created.id,
      input: { expectedVersion: 1, queue: 'billing' },
    });
    expect(refused.data?.updateCase).toMatchObject({ code: 'NOTE_REQUIRED', rule: 'TON-4' });
    expect(refused.data?.updateCase.fields).toHaveLength(4);
    expect(await snapshot(kit, created.id)).toEqual(before);
    const moved = await tonal.as('agent')<{ updateCase: Json }>(MOVE, {
      caseId: created.id,
      input: { expectedVersion: 1, queue: 'billing', note: HIP_NOTE },
    });
    expect(moved.data?.updateCase.case).toEqual({ version: 2, queue: { slug: 'billing' } });
    expect((await snapshot(kit, created.id)).types).toEqual(['CASE_CREATED', 'NOTE_ADDED', 'QUEUE_CHANGED']);
  });

  it('TON-5 note → queue → status Open → priority, recorded in that order', async () => {
    const created = await newCase();
    await escalateCase(tonal, created.id, { expectedVersion: 1, text: SUPERVISOR_ASK, note: HIP_NOTE });
    const { types, events } = await snapshot(kit, created.id);
    expect(types).toEqual([
      'CASE_CREATED',
      'NOTE_ADDED',
      'QUEUE_CHANGED',
      'STATUS_CHANGED',
      'PRIORITY_CHANGED',
      'ASSIGNED',
      'ESCALATED',
    ]);
    expect(events[3]?.data).toEqual({ status: { before: 'NEW', after: 'OPEN' } });
    expect(events[4]?.data).toEqual({ priority: { before: 'NORMAL', after: 'HIGH' } });
  });

  it('TON-6 health, safety and legal issues are flagged live at once and Critical', async () => {
    const injured = await newCase('Injury');
    const result = await escalateCase(tonal, injured.id, {
      expectedVersion: 1,
      text: 'The arm snapped back and hit my shoulder.',
      signals: { agentFlags: ['HEALTH_SAFETY'] },
      note: HIP_NOTE,
    });
    expect(result.case).toMatchObject({ priority: 'CRITICAL', queue: { slug: 'safety-legal-escalations' } });
    const legal = await newCase('Legal');
    const legalResult = await escalateCase(tonal, legal.id, {
      expectedVersion: 1,
      text: 'If you do not refund me by Friday I will sue Tonal.',
      note: HIP_NOTE,
    });
    expect(legalResult.case.triggers).toContain('LEGAL_THREAT');
    expect(legalResult.case.priority).toBe('CRITICAL');
    for (const caseId of [injured.id, legal.id]) {
      const { outbox } = await snapshot(kit, caseId);
      expect(outbox.filter((message) => message.channel === 'LIVE_ALERT')).toHaveLength(1);
    }
  });

  it('TON-7 a member with 2 or more RMAs on file escalates; one RMA does not; a count the caller claims is refused', async () => {
    const customerRef = `member-${Math.random().toString(36).slice(2)}`;
    await recordRmaCount(tonal, customerRef, 1);
    const created = await createCase(tonal, { subject: 'Return question', customerRef, channel: 'CHAT' });
    const one = await routeCase(tonal, created.id, { text: 'Where is my return label?' });
    expect(one.outcome).toBe('STAY');
    // the count is read from the customer's record, never from the caller
    const claimed = await tonal.as('agent')<{ routeCase: Json }>(ROUTE_CASE, {
      caseId: created.id,
      input: { text: 'Where is my return label?', signals: { rmaCount: 5 } },
    });
    expect(claimed.data?.routeCase).toMatchObject({ __typename: 'AppError', code: 'VALIDATION_FAILED' });
    expect(claimed.data?.routeCase.fields.map((field: Json) => field.path).join()).toContain('signals.rmaCount');
    await recordRmaCount(tonal, customerRef, 2);
    const two = await routeCase(tonal, created.id, { text: 'Where is my return label?' });
    expect(two.outcome).toBe('ESCALATE');
    expect(two.triggerCodes).toEqual(['REPEAT_RMA']);
    expect(two.target.queue).toBe('rma-escalations');
  });

  it('TON-8 priority follows context and sentiment', async () => {
    const created = await newCase();
    const calm = await routeCase(tonal, created.id, { text: SUPERVISOR_ASK, signals: { sentiment: 0.3 } });
    const upset = await routeCase(tonal, created.id, { text: SUPERVISOR_ASK, signals: { sentiment: -0.8 } });
    expect(calm.setPriority).toBe('HIGH');
    expect(upset.setPriority).toBe('URGENT');
  });
});
