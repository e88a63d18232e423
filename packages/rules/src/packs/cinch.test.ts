import { describe, expect, it } from 'vitest';
import { decide, flags } from '../testing/evaluation-kit.js';

const TIER2_CODES = [
  'EXECUTIVE_REQUEST',
  'REPEAT_ESCALATION',
  'LEGAL_THREAT',
  'MEDIA_THREAT',
  'REVIEW_THREAT',
  'PROPERTY_DAMAGE',
  'SOS_HIGH_RISK',
];

describe('cinch policy pack', () => {
  it.each([
    'SERVICE_DELAY',
    'PROVIDER_DELAY',
    'CLAIM_DISPUTE',
    'REPLACEMENT_DISPUTE',
    'COVERAGE_DENIAL',
    'UNAUTHORIZED_WORK',
  ])('CIN-1 %s → Tier 1 supervisor queue, no Tier 2 approval', (code) => {
    const decision = decide('cinch', { signals: flags(code) });
    expect(decision.explanation.winner).toBe('cin-1.tier1-situations');
    expect(decision.target).toEqual({
      tier: 'TIER1',
      team: 'tier1-supervisors',
      queue: 'tier1-supervisor-escalations',
    });
    expect(decision.approval.required).toBe(false);
  });

  it('CIN-1 supervisor request → direct or any available Tier 1 supervisor (least loaded)', () => {
    const decision = decide('cinch', { signals: flags('SUPERVISOR_REQUEST') });
    expect(decision.target.tier).toBe('TIER1');
    expect(decision.assignment).toEqual({ strategy: 'LEAST_LOADED', team: 'tier1-supervisors' });
  });

  it.each(TIER2_CODES)('CIN-2 %s → Tier 2, supervisor approval first', (code) => {
    const decision = decide('cinch', { signals: flags(code) });
    expect(decision.explanation.winner).toBe('cin-2.tier2-situations');
    expect(decision.target).toEqual({ tier: 'TIER2', team: 'tier2', queue: 'tier2-escalations' });
    expect(decision.approval).toEqual({
      required: true,
      approverRole: 'tier1_supervisor',
      reason: 'A supervisor must approve before Tier 2 is contacted',
    });
  });

  it('CIN-2 once the supervisor approved, no further approval is asked', () => {
    const decision = decide('cinch', {
      signals: { agentFlags: ['LEGAL_THREAT'], supervisorApproved: true, values: {} },
    });
    expect(decision.approval.required).toBe(false);
    expect(decision.approval.reason).toContain('already approved');
    expect(decision.target.tier).toBe('TIER2');
  });

  it('CIN-2 Tier 2 situation beats a Tier 1 situation in the same case (priority)', () => {
    const decision = decide('cinch', { signals: flags('SERVICE_DELAY', 'MEDIA_THREAT') });
    expect(decision.target.tier).toBe('TIER2');
    expect(decision.explanation.winnerReason).toContain('priority 600 > 300');
  });

  it('CIN-2 property damage with no provider response (agent flag) and SOS high risk → Critical', () => {
    const damage = decide('cinch', { signals: flags('PROPERTY_DAMAGE_NO_PROVIDER_RESPONSE') });
    expect(damage.triggers[0]).toMatchObject({ code: 'PROPERTY_DAMAGE', ruleId: 'cin-2.flag-property-damage' });
    expect(damage.target.tier).toBe('TIER2');
    const sos = decide('cinch', { signals: flags('SOS_HIGH_RISK') });
    expect(sos.setPriority).toBe('CRITICAL');
  });

  it('CIN-3 Tier 2 open on a weekday at 10:00 New York → route now, SLA in business minutes', () => {
    const decision = decide('cinch', { signals: flags('LEGAL_THREAT'), now: '2026-03-04T10:00:00-05:00' });
    expect(decision.availability).toMatchObject({ calendar: 'tier2', openNow: true, action: 'ROUTE_NOW' });
    expect(decision.sla).toMatchObject({ dueAt: '2026-03-04T14:00:00-05:00', businessMinutes: 240 });
  });

  it('CIN-3 Saturday 17:10 (after 16:30) → waits for Monday 08:00, SLA counts business time across the DST change', () => {
    const decision = decide('cinch', { signals: flags('LEGAL_THREAT'), now: '2026-03-07T17:10:00-05:00' });
    expect(decision.availability).toMatchObject({
      openNow: false,
      action: 'WAIT_FOR_OPENING',
      nextOpeningAt: '2026-03-09T08:00:00-04:00',
    });
    expect(decision.sla?.dueAt).toBe('2026-03-09T12:00:00-04:00');
    expect(decision.availability?.explanation).toContain('Saturday hours 08:00–16:30');
  });

  it('CIN-3 Saturday 16:00 is open; Friday 21:00 is closed; Sunday is closed', () => {
    const at = (now: string) => decide('cinch', { signals: flags('LEGAL_THREAT'), now }).availability?.openNow;
    expect(at('2026-03-07T16:00:00-05:00')).toBe(true);
    expect(at('2026-03-06T21:00:00-05:00')).toBe(false);
    expect(at('2026-03-08T12:00:00-04:00')).toBe(false);
    expect(at('2026-03-06T20:59:00-05:00')).toBe(true);
  });

  it('CIN-3 a time given in UTC is judged on New York wall-clock time', () => {
    // 01:30Z on Thursday = 20:30 Wednesday in New York (EST): open
    const decision = decide('cinch', { signals: flags('LEGAL_THREAT'), now: '2026-03-05T01:30:00Z' });
    expect(decision.availability?.openNow).toBe(true);
    expect(decision.sla?.dueAt).toBe('2026-03-05T11:30:00-05:00');
  });

  it('CIN-4 callback exception granted → callback queue and a required entry in the final comments', () => {
    const decision = decide('cinch', { signals: flags('LEGAL_THREAT', 'CALLBACK_EXCEPTION_GRANTED') });
    expect(decision.explanation.winner).toBe('cin-4.callback-exception');
    expect(decision.target.queue).toBe('callback-exceptions');
    expect(decision.approval.required).toBe(false);
    expect(decision.requiredSteps.map((step) => step.id)).toContain('record-callback-exception');
    expect(decision.requiredNoteFields).toContain('finalComments');
  });

  it('CIN-5 customer refuses to give information → suggested script as agent guidance, no routing', () => {
    const decision = decide('cinch', { signals: flags('CUSTOMER_REFUSES_INFO') });
    expect(decision.outcome).toBe('STAY');
    expect(decision.guidance).toHaveLength(2);
    expect(decision.guidance[0]?.text).toContain('before I contact a supervisor');
  });

  it('CIN-6 BBB / social media threat → task for an individual associate (round robin) besides Tier 2', () => {
    const decision = decide('cinch', { signals: flags('REVIEW_THREAT') });
    expect(decision.tasks).toEqual([
      {
        kind: 'BBB',
        title: 'BBB / social media escalation',
        team: 'bbb-social',
        assignment: { strategy: 'ROUND_ROBIN', team: 'bbb-social' },
        requiredFields: [],
        ruleId: 'cin-6.bbb-social-task',
      },
    ]);
    expect(decision.target.tier).toBe('TIER2');
  });

  it('CIN-7 Tier 2 sends a task to Tier 3 → T3 backlog, assigned randomly; not from Tier 1', () => {
    const fromTier2 = decide('cinch', { case: { tier: 'TIER2' }, signals: flags('TIER3_NEEDED') });
    expect(fromTier2.target).toEqual({ tier: 'TIER3', team: 'tier3', queue: 't3-backlog' });
    expect(fromTier2.assignment).toEqual({ strategy: 'RANDOM', team: 'tier3' });
    expect(fromTier2.tasks[0]?.kind).toBe('TIER3_BACKLOG');
    const fromTier1 = decide('cinch', { case: { tier: 'TIER1' }, signals: flags('TIER3_NEEDED') });
    expect(fromTier1.target.tier).toBeNull();
  });

  it('CIN-8 executive callback request (text) → directly assigned to the executive escalations owner, email sent', () => {
    const decision = decide('cinch', {
      customerText: 'I want a call back from your CEO about this claim',
      case: { customer: { preferredName: 'Dana', signInMethods: [] } },
    });
    expect(decision.explanation.winner).toBe('cin-8.executive-callback');
    expect(decision.assignment).toEqual({ strategy: 'DIRECT', skill: 'executive-escalations-owner' });
    expect(decision.target.queue).toBe('executive-escalations');
    const email = decision.notifications[0];
    expect(email).toMatchObject({ kind: 'EMAIL', to: 'executive-escalations-inbox' });
    expect(email?.message).toContain('CASE-000123');
    expect(email?.message).toContain('Dana');
    const text = 'I want a call back from your CEO about this claim';
    const evidence = decision.triggers[0]?.evidence;
    expect(evidence?.kind).toBe('text');
    if (evidence?.kind === 'text') expect(text.slice(evidence.start, evidence.end)).toBe(evidence.phrase);
  });

  it.each([
    'When will you call me back?',
    'I am going to call Channel 7 news about this',
    'I want to talk to the CEO.',
  ])('CIN-2 / CIN-8 "%s" is no executive callback: Tier 2 only after a supervisor approves', (customerText) => {
    const decision = decide('cinch', { customerText });
    expect(decision.triggers.map((trigger) => trigger.code)).not.toContain('cinch:EXECUTIVE_CALLBACK');
    if (decision.explanation.winner) {
      expect(decision.explanation.winner).toBe('cin-2.tier2-situations');
      expect(decision.approval).toMatchObject({ required: true, approverRole: 'tier1_supervisor' });
    }
  });

  it('CIN-8 executive callback flagged by the agent wins over the Tier 2 approval path', () => {
    const decision = decide('cinch', { signals: flags('EXECUTIVE_CALLBACK_REQUESTED', 'EXECUTIVE_REQUEST') });
    expect(decision.explanation.winner).toBe('cin-8.executive-callback');
    expect(decision.approval.required).toBe(false);
  });

  it.each(['REJECTED', 'EXPIRED', 'PROCURE_VENDOR'] as const)('CIN-9 job %s → dispatch task', (jobStatus) => {
    const decision = decide('cinch', { signals: { agentFlags: [], jobStatus, values: {} } });
    expect(decision.tasks.map((task) => task.kind)).toEqual(['DISPATCH']);
    expect(decision.triggers[0]).toMatchObject({
      code: 'cinch:DISPATCH_NEEDED',
      evidence: { kind: 'signal', name: 'jobStatus', value: jobStatus },
    });
  });

  it('CIN-9 a scheduled job creates no dispatch task', () => {
    const decision = decide('cinch', { signals: { agentFlags: [], jobStatus: 'SCHEDULED', values: {} } });
    expect(decision.tasks).toEqual([]);
    expect(decision.outcome).toBe('STAY');
  });

  it('CIN-10 purchasing escalation form → task for Purchasing with its required fields', () => {
    const decision = decide('cinch', { signals: flags('PURCHASING_INFO_NEEDED') });
    expect(decision.tasks[0]).toMatchObject({ kind: 'PURCHASING_REQUEST', team: 'purchasing' });
    expect(decision.tasks[0]?.requiredFields).toEqual([
      'serviceRequestNumber',
      'jobNumber',
      'orderNumber',
      'itemDescription',
      'informationNeeded',
    ]);
  });

  describe('from what the customer says (text detection)', () => {
    it('CIN-2 "if this isn\'t fixed by Friday I\'ll sue" → LEGAL_THREAT with offsets → Tier 2 after approval', () => {
      const text = "If this isn't fixed by Friday I'll sue";
      const decision = decide('cinch', { customerText: text });
      const legal = decision.triggers.find((trigger) => trigger.code === 'LEGAL_THREAT');
      expect(legal?.evidence.kind).toBe('text');
      if (legal?.evidence.kind === 'text')
        expect(text.slice(legal.evidence.start, legal.evidence.end)).toBe(legal.evidence.phrase);
      expect(decision.target.tier).toBe('TIER2');
      expect(decision.approval.required).toBe(true);
    });

    it('CIN-2 "I\'m not going to sue" fires nothing and the case stays', () => {
      const decision = decide('cinch', { customerText: "I'm not going to sue, I just want it fixed" });
      expect(decision.triggers).toEqual([]);
      expect(decision.outcome).toBe('STAY');
    });

    it('CIN-2 already spoke to a supervisor and wants someone higher → REPEAT_ESCALATION → Tier 2', () => {
      const decision = decide('cinch', {
        customerText: 'I already spoke to a supervisor and I want someone above them',
      });
      expect(decision.triggers.map((trigger) => trigger.code)).toContain('REPEAT_ESCALATION');
      expect(decision.target.tier).toBe('TIER2');
    });

    it('CIN-1 the tech never showed up → PROVIDER_DELAY → Tier 1 supervisor', () => {
      const decision = decide('cinch', { customerText: 'The tech never showed up for the appointment' });
      expect(decision.target.queue).toBe('tier1-supervisor-escalations');
    });
  });
});
