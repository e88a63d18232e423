import { addBusinessMinutes, getShippedPolicyPack } from '@escalate/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, createCase, escalateWithSupervisorApproval, type Json, routeCase, rowId } from './cases-support.js';

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
const TIER2_CALENDAR = getShippedPolicyPack('cinch').calendars.tier2;

async function newCase(subject = 'Warranty claim') {
  return createCase(cinch, { subject, customerRef: `cust-${Math.random().toString(36).slice(2)}`, channel: 'PHONE' });
}

const CASE_SLA = /* GraphQL */ `
  query($id: ID!) { case(id: $id) { status version sla { startedAt dueAt paused breached businessMinutes calendar explanation } } }
`;

describe('Cinch SLA clocks', () => {
  it('CIN-3 outside Tier 2 hours the case waits for the next opening and the SLA counts business time only', async () => {
    const created = await newCase('SOS');
    const saturdayEvening = '2026-11-28T22:00:00.000Z'; // Sat 17:00 in New York, after the 16:30 close
    const decision = await routeCase(cinch, created.id, {
      text: 'There is a gas smell in the basement',
      signals: { agentFlags: ['SOS_HIGH_RISK'] },
      at: saturdayEvening,
    });
    // no supervisor has approved on record yet (CIN-2); the opening and the SLA are the same either way
    expect(decision.approval.required).toBe(true);
    expect(decision.decision.availability).toMatchObject({ openNow: false, action: 'WAIT_FOR_OPENING' });
    expect(new Date(decision.decision.availability.nextOpeningAt).toISOString()).toBe('2026-11-30T13:00:00.000Z');
    expect(new Date(decision.sla.dueAt).toISOString()).toBe('2026-11-30T17:00:00.000Z'); // Mon 12:00 New York
    expect(decision.sla.explanation).toContain('240 business minutes');
  });

  it('CIN-3 the SLA clock pauses while waiting on the customer and resumes with the minutes left', async () => {
    const created = await newCase('Property damage');
    const result = await escalateWithSupervisorApproval(cinch, created.id, {
      expectedVersion: 1,
      text: 'Water is leaking through the ceiling.',
      signals: { agentFlags: ['PROPERTY_DAMAGE_NO_PROVIDER_RESPONSE'] },
      note: FINAL_NOTE,
    });
    expect(result.outcome).toBe('APPLIED');
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: rowId(created.id) } });
    if (!TIER2_CALENDAR || !row.slaStartedAt) throw new Error('expected a tier2 calendar and a started SLA');
    const expectedDue = addBusinessMinutes(TIER2_CALENDAR, row.slaStartedAt, 240).dueAt;
    expect(row.slaDueAt?.toISOString()).toBe(new Date(expectedDue).toISOString());

    const running = await cinch.as('agent')<{ case: Json }>(CASE_SLA, { id: created.id });
    expect(running.data?.case.sla).toMatchObject({
      paused: false,
      breached: false,
      businessMinutes: 240,
      calendar: 'tier2',
    });

    const CHANGE = `mutation($caseId: ID!, $input: ChangeCaseStatusInput!) {
      changeCaseStatus(caseId: $caseId, input: $input) { __typename ... on CasePayload { case { status version sla { paused dueAt explanation } } } ${APP_ERROR} }
    }`;
    const waiting = await cinch.as('agent')<{ changeCaseStatus: Json }>(CHANGE, {
      caseId: created.id,
      input: { expectedVersion: result.case.version, status: 'WAITING_ON_CUSTOMER' },
    });
    expect(waiting.data?.changeCaseStatus.case.sla).toMatchObject({ paused: true, dueAt: null });
    expect(waiting.data?.changeCaseStatus.case.sla.explanation).toContain('paused');
    const waitingCases = await cinch.as('agent')<{ cases: Json }>(
      '{ cases(filter: { breached: false, status: [WAITING_ON_CUSTOMER] }) { edges { node { id } } } }',
    );
    expect(waitingCases.data?.cases.edges.map((edge: Json) => edge.node.id)).toContain(created.id);

    const resumed = await cinch.as('agent')<{ changeCaseStatus: Json }>(CHANGE, {
      caseId: created.id,
      input: { expectedVersion: waiting.data?.changeCaseStatus.case.version, status: 'OPEN' },
    });
    const sla = resumed.data?.changeCaseStatus.case.sla;
    expect(sla.paused).toBe(false);
    expect(new Date(sla.dueAt).getTime()).toBeGreaterThanOrEqual(new Date(expectedDue).getTime());
    expect(sla.explanation).toContain('resumed');
  });

  it('CIN-3 breached cases are found by the breached and dueBefore filters', async () => {
    const created = await newCase('Old SOS');
    await escalateWithSupervisorApproval(cinch, created.id, {
      expectedVersion: 1,
      signals: { agentFlags: ['SOS_HIGH_RISK'] },
      note: FINAL_NOTE,
    });
    // the clock ran out: move the due time into the past as time would
    await kit.db.case.update({ where: { id: rowId(created.id) }, data: { slaDueAt: new Date(Date.now() - 60_000) } });
    const breached = await cinch.as('agent')<{ cases: Json }>(
      `{ cases(filter: { breached: true }) { edges { node { id sla { breached } } } } }`,
    );
    expect(breached.data?.cases.edges).toContainEqual({ node: { id: created.id, sla: { breached: true } } });
    const dueSoon = await cinch.as('agent')<{ cases: Json }>(
      '{ cases(filter: { dueBefore: "2100-01-01T00:00:00Z" }) { edges { node { id } } } }',
    );
    expect(dueSoon.data?.cases.edges.map((edge: Json) => edge.node.id)).toContain(created.id);
  });
});
