import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireOverdueOffers } from '../packages/api/src/modules/assignments/assignment-expiry.js';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import {
  ASSIGN,
  type AssignResult,
  createCase,
  RESPOND,
  type RespondResult,
  rowId,
  timelineTypes,
} from './work-support.js';

let kit: TestKit;
let solar: TestTenant;
let cinch: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  [solar, cinch, other] = await Promise.all([
    kit.createTenant('solar'),
    kit.createTenant('cinch'),
    kit.createTenant('cinch'),
  ]);
});

afterAll(async () => {
  await kit.close();
});

async function caseRow(caseId: string) {
  return kit.db.case.findUniqueOrThrow({ where: { id: rowId(caseId) } });
}

describe('SOL-5 resolution specialist assignment', () => {
  it('SOL-5 a rejected assignment closes the case as CASE_VOIDED, atomically with the rejection', async () => {
    const caseId = await createCase(solar, 'Installer promised a different panel layout');
    const offered = await solar.as('agent')<AssignResult>(ASSIGN, {
      input: { caseId, strategy: 'DIRECT', assigneeId: solar.userIds.resolution_specialist, reason: 'SOL-5' },
    });
    expect(offered.data?.assign.__typename).toBe('AssignPayload');
    expect(offered.data?.assign.assignment?.assignee?.id).toBeTruthy();
    expect((await caseRow(caseId)).assigneeId).toBe(solar.userIds.resolution_specialist);

    const rejected = await solar.as('resolution_specialist')<RespondResult>(RESPOND, {
      input: { assignmentId: offered.data?.assign.assignment?.id, response: 'REJECT', reason: 'not a resolution case' },
    });
    expect(rejected.data?.respondToAssignment).toMatchObject({ caseClosed: true, assignment: { status: 'REJECTED' } });
    const closed = await caseRow(caseId);
    expect(closed).toMatchObject({ status: 'CLOSED', closeReason: 'CASE_VOIDED', assigneeId: null });
    expect(closed.closedAt).not.toBeNull();
    expect(await timelineTypes(kit, caseId)).toEqual([
      'CASE_CREATED',
      'ASSIGNMENT_OFFERED',
      'ASSIGNMENT_REJECTED',
      'CASE_CLOSED',
    ]);
  });

  it('SOL-5 a returned assignment (accepted first) also voids the case; a lead returning does not', async () => {
    const caseId = await createCase(solar, 'Voice on the welcome call does not match');
    const offered = await solar.as('agent')<AssignResult>(ASSIGN, {
      input: { caseId, strategy: 'LEAST_LOADED', team: 'resolution', role: 'resolution_specialist' },
    });
    const assignment = offered.data?.assign.assignment;
    expect(assignment?.strategy).toBe('LEAST_LOADED');
    const specialistKey = Object.entries(solar.userIds).find(
      ([, id]) => id === rowId(assignment?.assignee?.id ?? ''),
    )?.[0];
    expect(['resolution_specialist', 'resolution-specialist-2']).toContain(specialistKey);
    const accept = await solar.as(specialistKey as string)<RespondResult>(RESPOND, {
      input: { assignmentId: assignment?.id, response: 'ACCEPT' },
    });
    expect(accept.data?.respondToAssignment.assignment?.status).toBe('ACCEPTED');
    const returned = await solar.as(specialistKey as string)<RespondResult>(RESPOND, {
      input: { assignmentId: assignment?.id, response: 'RETURN' },
    });
    expect(returned.data?.respondToAssignment.caseClosed).toBe(true);
    expect(await caseRow(caseId)).toMatchObject({ status: 'CLOSED', closeReason: 'CASE_VOIDED' });

    const leadCase = await createCase(solar, 'Escalation for the lead');
    const toLead = await solar.as('agent')<AssignResult>(ASSIGN, {
      input: { caseId: leadCase, strategy: 'DIRECT', assigneeId: solar.userIds.lead },
    });
    const leadReturn = await solar.as('lead')<RespondResult>(RESPOND, {
      input: { assignmentId: toLead.data?.assign.assignment?.id, response: 'REJECT' },
    });
    expect(leadReturn.data?.respondToAssignment.caseClosed).toBe(false);
    expect((await caseRow(leadCase)).status).not.toBe('CLOSED');
  });
});

describe('assignment lifecycle and bad input', () => {
  it('accepting an offer twice is a typed error and changes nothing', async () => {
    const caseId = await createCase(cinch);
    const offered = await cinch.as('tier2')<AssignResult>(ASSIGN, {
      input: { caseId, strategy: 'DIRECT', assigneeId: cinch.userIds.tier3 },
    });
    const assignmentId = offered.data?.assign.assignment?.id;
    const first = await cinch.as('tier3')<RespondResult>(RESPOND, { input: { assignmentId, response: 'ACCEPT' } });
    expect(first.data?.respondToAssignment.assignment?.status).toBe('ACCEPTED');
    const before = await kit.db.assignment.findUniqueOrThrow({ where: { id: rowId(assignmentId as string) } });
    const eventsBefore = await timelineTypes(kit, caseId);
    const second = await cinch.as('tier3')<RespondResult>(RESPOND, { input: { assignmentId, response: 'ACCEPT' } });
    expect(second.data?.respondToAssignment).toMatchObject({ __typename: 'AppError', code: 'INVALID_TRANSITION' });
    expect(await kit.db.assignment.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
    expect(await timelineTypes(kit, caseId)).toEqual(eventsBefore);
  });

  it('only the assignee accepts; a wrong role cannot assign (typed FORBIDDEN)', async () => {
    const caseId = await createCase(cinch);
    const offered = await cinch.as('tier2')<AssignResult>(ASSIGN, {
      input: { caseId, strategy: 'DIRECT', assigneeId: cinch.userIds.tier3 },
    });
    const byOther = await cinch.as('tier3-b')<RespondResult>(RESPOND, {
      input: { assignmentId: offered.data?.assign.assignment?.id, response: 'ACCEPT' },
    });
    expect(byOther.data?.respondToAssignment.code).toBe('FORBIDDEN');
    const forbidden = await cinch.as('tier3')<AssignResult>(ASSIGN, {
      input: { caseId: await createCase(cinch), strategy: 'DIRECT', assigneeId: cinch.userIds.tier3 },
    });
    expect(forbidden.data?.assign).toMatchObject({ __typename: 'AppError', code: 'FORBIDDEN' });
  });

  it('assigning to a user of another organization, outside the team, or at capacity fails and writes nothing', async () => {
    const caseId = await createCase(cinch);
    const foreign = await cinch.as('tier2')<AssignResult>(ASSIGN, {
      input: { caseId, strategy: 'DIRECT', assigneeId: other.userIds.tier3 },
    });
    expect(foreign.data?.assign).toMatchObject({ code: 'NOT_FOUND', fields: [{ path: 'input.assigneeId' }] });

    const outsideTeam = await cinch.as('tier2')<AssignResult>(ASSIGN, {
      input: { caseId, strategy: 'DIRECT', assigneeId: cinch.userIds.dispatcher, team: 'tier3' },
    });
    expect(outsideTeam.data?.assign).toMatchObject({ code: 'RULE_VIOLATION', fields: [{ path: 'input.assigneeId' }] });

    await kit.db.user.update({ where: { id: cinch.userIds['bbb-associate'] }, data: { capacity: 1 } });
    const first = await cinch.as('tier2')<AssignResult>(ASSIGN, {
      input: { caseId: await createCase(cinch), strategy: 'DIRECT', assigneeId: cinch.userIds['bbb-associate'] },
    });
    expect(first.data?.assign.__typename).toBe('AssignPayload');
    const full = await cinch.as('tier2')<AssignResult>(ASSIGN, {
      input: { caseId, strategy: 'DIRECT', assigneeId: cinch.userIds['bbb-associate'] },
    });
    expect(full.data?.assign.code).toBe('CAPACITY_EXCEEDED');

    expect(await kit.db.assignment.count({ where: { caseId: rowId(caseId) } })).toBe(0);
    expect((await caseRow(caseId)).assigneeId).toBeNull();
    expect(await timelineTypes(kit, caseId)).toEqual(['CASE_CREATED']);
  });

  it('an offer nobody answers expires: EXPIRED, the case is free again, on the timeline', async () => {
    const caseId = await createCase(cinch);
    const offered = await cinch.as('tier2')<AssignResult>(ASSIGN, {
      input: { caseId, strategy: 'DIRECT', assigneeId: cinch.userIds.lead, expiresInMinutes: 15 },
    });
    const assignmentId = rowId(offered.data?.assign.assignment?.id as string);
    const row = await kit.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(await expireOverdueOffers(kit.db, new Date((row.expiresAt as Date).getTime() - 1000))).toBe(0);
    expect(
      await expireOverdueOffers(kit.db, new Date((row.expiresAt as Date).getTime() + 1000)),
    ).toBeGreaterThanOrEqual(1);
    expect((await kit.db.assignment.findUniqueOrThrow({ where: { id: assignmentId } })).status).toBe('EXPIRED');
    expect((await caseRow(caseId)).assigneeId).toBeNull();
    expect(await timelineTypes(kit, caseId)).toContain('ASSIGNMENT_EXPIRED');
    const late = await cinch.as('lead')<RespondResult>(RESPOND, {
      input: { assignmentId: offered.data?.assign.assignment?.id, response: 'ACCEPT' },
    });
    expect(late.data?.respondToAssignment.code).toBe('INVALID_TRANSITION');
  });
});

describe('strategies and eligibility', () => {
  it('round robin walks the team; least loaded explains who was excluded and why', async () => {
    const team = await createTestKit().then(async (own) => {
      const tenant = await own.createTenant('cinch');
      return { own, tenant };
    });
    const { own, tenant } = team;
    try {
      const chosen: string[] = [];
      for (let index = 0; index < 3; index++) {
        const result = await tenant.as('tier2')<AssignResult>(ASSIGN, {
          input: { caseId: await createCase(tenant), strategy: 'ROUND_ROBIN', team: 'tier3' },
        });
        chosen.push(result.data?.assign.assignment?.assignee?.id as string);
      }
      expect(new Set(chosen).size).toBe(3);

      await own.db.user.update({ where: { id: tenant.userIds['tier3-b'] }, data: { availability: 'AWAY' } });
      await own.db.user.update({ where: { id: tenant.userIds['tier3-c'] }, data: { outOfOffice: true } });
      const result = await tenant.as('tier2')<AssignResult>(ASSIGN, {
        input: { caseId: await createCase(tenant), strategy: 'LEAST_LOADED', team: 'tier3' },
      });
      const explanation = result.data?.assign.explanation;
      expect(rowId(result.data?.assign.assignment?.assignee?.id ?? '')).toBe(tenant.userIds.tier3);
      expect(explanation?.eligible).toEqual([tenant.userIds.tier3]);
      const reasons = Object.fromEntries(
        (explanation?.candidates ?? []).map((candidate) => [
          candidate.userId,
          candidate.excludedBecause.map((r) => r.code),
        ]),
      );
      expect(reasons[tenant.userIds['tier3-b'] as string]).toEqual(['NOT_ONLINE']);
      expect(reasons[tenant.userIds['tier3-c'] as string]).toEqual(['OUT_OF_OFFICE']);
      expect(explanation?.why).toMatch(/least loaded/);

      // nobody eligible: a typed error carrying the explanation, nothing written
      await own.db.user.update({ where: { id: tenant.userIds.tier3 }, data: { availability: 'OFFLINE' } });
      const caseId = await createCase(tenant);
      const nobody = await tenant.as('tier2')<AssignResult>(ASSIGN, {
        input: { caseId, strategy: 'RANDOM', team: 'tier3' },
      });
      expect(nobody.data?.assign.code).toBe('RULE_VIOLATION');
      expect(nobody.data?.assign.details?.explanation).toBeTruthy();
      expect(await own.db.assignment.count({ where: { caseId: rowId(caseId) } })).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('CIN-8 LL-2 direct assignment by routing skill reaches the executive owner and the TSM escalations lead', async () => {
    const ll = await kit.createTenant('ll');
    const executive = await cinch.as('tier2')<AssignResult>(ASSIGN, {
      input: {
        caseId: await createCase(cinch, 'CEO callback'),
        strategy: 'DIRECT',
        skill: 'executive-escalations-owner',
      },
    });
    expect(rowId(executive.data?.assign.assignment?.assignee?.id ?? '')).toBe(cinch.userIds['executive-owner']);
    expect(executive.data?.assign.explanation?.pool).toBe('skill executive-escalations-owner');
    const lead = await ll.as('agent')<AssignResult>(ASSIGN, {
      input: { caseId: await createCase(ll, 'Chargeback threat'), strategy: 'DIRECT', skill: 'tsm-escalations-lead' },
    });
    expect(rowId(lead.data?.assign.assignment?.assignee?.id ?? '')).toBe(ll.userIds.elana);
  });

  it('CIN-3 team business hours come from the policy calendar and are part of the explanation', async () => {
    const result = await cinch.as('tier2')<AssignResult>(ASSIGN, {
      input: { caseId: await createCase(cinch), strategy: 'DIRECT', role: 'tier2', team: 'tier2' },
    });
    const explanation =
      result.data?.assign.explanation ??
      (result.data?.assign.details?.explanation as AssignResult['assign']['explanation']);
    expect(explanation?.businessHours?.calendar).toBe('tier2');
    expect(explanation?.businessHours?.explanation).toMatch(/America\/New_York/);
    if (explanation?.businessHours?.open === false) {
      expect(result.data?.assign.code).toBe('RULE_VIOLATION');
      expect(
        explanation.candidates.every((c) => c.excludedBecause.some((r) => r.code === 'OUTSIDE_BUSINESS_HOURS')),
      ).toBe(true);
    } else {
      expect(result.data?.assign.__typename).toBe('AssignPayload');
    }
  });

  it('CIN-3 outside the team calendar nobody is eligible; inside it the pool is open', async () => {
    const tenant = await kit.createTenant('cinch');
    const active = await kit.db.policyVersion.findFirstOrThrow({ where: { tenantId: tenant.tenantId, active: true } });
    const document = active.document as { calendars?: Record<string, unknown> };
    const days = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
    const otherDay = days[(new Date().getUTCDay() + 3) % 7] as string;
    const setTier3Calendar = async (weekly: Record<string, { open: string; close: string }[]>) => {
      const calendars = { ...document.calendars, tier3: { timeZone: 'UTC', weekly, holidays: [] } };
      await kit.db.policyVersion.update({ where: { id: active.id }, data: { document: { ...document, calendars } } });
    };
    await setTier3Calendar({ [otherDay]: [{ open: '00:00', close: '24:00' }] });
    const caseId = await createCase(tenant);
    const closed = await tenant.as('tier2')<AssignResult>(ASSIGN, {
      input: { caseId, strategy: 'RANDOM', team: 'tier3' },
    });
    expect(closed.data?.assign.code).toBe('RULE_VIOLATION');
    const explanation = closed.data?.assign.details?.explanation as NonNullable<AssignResult['assign']['explanation']>;
    expect(explanation.businessHours).toMatchObject({ calendar: 'tier3', open: false });
    expect(explanation.candidates).toHaveLength(3);
    for (const candidate of explanation.candidates) {
      expect(candidate.excludedBecause.map((reason) => reason.code)).toEqual(['OUTSIDE_BUSINESS_HOURS']);
    }
    expect(await kit.db.assignment.count({ where: { caseId: rowId(caseId) } })).toBe(0);

    await setTier3Calendar(Object.fromEntries(days.map((day) => [day, [{ open: '00:00', close: '24:00' }]])));
    const open = await tenant.as('tier2')<AssignResult>(ASSIGN, {
      input: { caseId, strategy: 'RANDOM', team: 'tier3' },
    });
    expect(open.data?.assign.__typename).toBe('AssignPayload');
    expect(open.data?.assign.explanation?.businessHours).toMatchObject({ calendar: 'tier3', open: true });
  });

  it('50 concurrent assignments never exceed capacity and never double-assign', async () => {
    const own = await createTestKit();
    try {
      const tenant = await own.createTenant('cinch');
      const members = [tenant.userIds.tier3, tenant.userIds['tier3-b'], tenant.userIds['tier3-c']] as string[];
      await own.db.user.updateMany({ where: { id: { in: members } }, data: { capacity: 5 } });
      const cases: string[] = [];
      for (let index = 0; index < 50; index++) cases.push(await createCase(tenant, `case ${index}`));
      const results = await Promise.all(
        cases.map((caseId) =>
          tenant.as('tier2')<AssignResult>(ASSIGN, { input: { caseId, strategy: 'LEAST_LOADED', team: 'tier3' } }),
        ),
      );
      const outcomes = results.map((result) =>
        result.data?.assign.__typename === 'AssignPayload' ? 'ok' : result.data?.assign.code,
      );
      expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(15);
      expect(outcomes.filter((outcome) => outcome === 'CAPACITY_EXCEEDED')).toHaveLength(35);
      for (const member of members) {
        expect(await own.db.assignment.count({ where: { assigneeId: member, status: 'OFFERED' } })).toBe(5);
      }
      // the same case assigned 10 times at once: exactly one offer
      await own.db.user.updateMany({ where: { id: { in: members } }, data: { capacity: 50 } });
      const contested = await createCase(tenant);
      const racing = await Promise.all(
        Array.from({ length: 10 }, () =>
          tenant.as('tier2')<AssignResult>(ASSIGN, { input: { caseId: contested, strategy: 'RANDOM', team: 'tier3' } }),
        ),
      );
      expect(racing.filter((result) => result.data?.assign.__typename === 'AssignPayload')).toHaveLength(1);
      expect(racing.filter((result) => result.data?.assign.code === 'CONFLICT')).toHaveLength(9);
      expect(await own.db.assignment.count({ where: { caseId: rowId(contested) } })).toBe(1);
    } finally {
      await own.close();
    }
  });
});
