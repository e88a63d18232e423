import { describe, expect, it } from 'vitest';
import { decide, flags } from '../testing/evaluation-kit.js';
import { getShippedPolicyPack } from './index.js';

const HIP_FIELDS = ['reason', 'stepsTaken', 'offersMade', 'helpNeeded'];

describe('tonal policy pack', () => {
  it('TON-1 supervisor request → supervisor queue at once, live alert, no questions asked', () => {
    const decision = decide('tonal', { signals: flags('SUPERVISOR_REQUEST') });
    expect(decision.outcome).toBe('ESCALATE');
    expect(decision.explanation.winner).toBe('ton-1.supervisor-request');
    expect(decision.target).toEqual({ tier: null, team: 'support-staff', queue: 'supervisor-escalations' });
    expect(decision.approval.required).toBe(false);
    expect(decision.notifications).toContainEqual(
      expect.objectContaining({ kind: 'LIVE_ALERT', toRole: 'support-staff' }),
    );
    expect(decision.assignment).toEqual({ strategy: 'DIRECT', skill: 'support-staff' });
  });

  it('TON-2 time-sensitive case (text) → handed to support staff live, Urgent', () => {
    const decision = decide('tonal', {
      customerText: 'This is time sensitive, my session is tonight and the screen is dead',
    });
    expect(decision.triggers.map((trigger) => trigger.code)).toContain('tonal:TIME_SENSITIVE');
    expect(decision.target.queue).toBe('urgent-escalations');
    expect(decision.setPriority).toBe('URGENT');
    const alert = decision.notifications.find((notification) => notification.kind === 'LIVE_ALERT');
    expect(alert?.message).toContain('CASE-000123');
    expect(alert?.message).toContain('time sensitive');
  });

  it('TON-2 a plain need is not time-sensitive; a need for today is', () => {
    const plain = decide('tonal', { customerText: 'I need help with my account' });
    expect(plain.triggers.map((trigger) => trigger.code)).not.toContain('tonal:TIME_SENSITIVE');
    const today = decide('tonal', { customerText: 'I need this fixed today' });
    expect(today.triggers.map((trigger) => trigger.code)).toContain('tonal:TIME_SENSITIVE');
    const deadline = decide('tonal', {
      customerText: 'I have a competition Saturday and need the trainer working by tomorrow',
    });
    expect(deadline.triggers.map((trigger) => trigger.code)).toContain('tonal:TIME_SENSITIVE');
    const noDeadline = decide('tonal', { customerText: 'My delivery is tomorrow, can I change the time?' });
    expect(noDeadline.triggers.map((trigger) => trigger.code)).not.toContain('tonal:TIME_SENSITIVE');
  });

  it('TON-2 urgent flag set by the agent → live notification, not only a queue', () => {
    const decision = decide('tonal', { signals: flags('TIME_SENSITIVE') });
    expect(decision.notifications.map((notification) => notification.kind)).toEqual(['LIVE_ALERT']);
    expect(decision.target.queue).toBe('urgent-escalations');
  });

  it('TON-3 each team owns a queue and cases go to the queue of the team whose help is needed', () => {
    const pack = getShippedPolicyPack('tonal');
    for (const team of pack.teams) expect(team.queues.length).toBeGreaterThan(0);
    const rma = decide('tonal', { case: { rmaCount: 3 } });
    const owner = pack.teams.find((team) => team.queues.some((queue) => queue.slug === rma.target.queue));
    expect(owner?.slug).toBe(rma.target.team);
    expect(rma.target.team).toBe('returns');
  });

  it('TON-4 every escalation requires the HIP note fields before the queue change', () => {
    for (const flag of ['SUPERVISOR_REQUEST', 'HEALTH_SAFETY', 'LEGAL_THREAT', 'TIME_SENSITIVE']) {
      const decision = decide('tonal', { signals: flags(flag) });
      expect(decision.requiredNoteFields).toEqual(HIP_FIELDS);
      expect(decision.stepOrder.indexOf('NOTE')).toBeLessThan(decision.stepOrder.indexOf('QUEUE'));
    }
  });

  it('TON-5 escalation order is note → queue → status Open → priority', () => {
    const decision = decide('tonal', { signals: flags('SUPERVISOR_REQUEST') });
    expect(decision.stepOrder).toEqual(['NOTE', 'QUEUE', 'STATUS_OPEN', 'PRIORITY']);
    expect(decision.setStatus).toBe('OPEN');
    expect(['HIGH', 'URGENT', 'CRITICAL']).toContain(decision.setPriority);
  });

  it('TON-6 health or safety issue → live alert immediately, Critical, safety/legal queue', () => {
    const decision = decide('tonal', { signals: flags('HEALTH_SAFETY', 'SUPERVISOR_REQUEST') });
    expect(decision.explanation.winner).toBe('ton-6.health-safety-legal');
    expect(decision.setPriority).toBe('CRITICAL');
    expect(decision.target.queue).toBe('safety-legal-escalations');
    expect(decision.notifications.filter((notification) => notification.kind === 'LIVE_ALERT').length).toBe(2);
    expect(decision.explanation.winnerReason).toContain('priority 950 > 900');
  });

  it('TON-6 legal issue → flagged live to support staff', () => {
    const decision = decide('tonal', { signals: flags('LEGAL_THREAT') });
    expect(decision.notifications).toContainEqual(expect.objectContaining({ kind: 'LIVE_ALERT' }));
    expect(decision.setPriority).toBe('CRITICAL');
  });

  it('TON-7 member with 2 RMAs escalates; with 1 RMA nothing happens', () => {
    const two = decide('tonal', { case: { rmaCount: 2 } });
    expect(two.outcome).toBe('ESCALATE');
    expect(two.triggers).toEqual([
      { code: 'REPEAT_RMA', ruleId: 'ton-7.rma-count', evidence: { kind: 'signal', name: 'rmaCount', value: 2 } },
    ]);
    expect(two.target.queue).toBe('rma-escalations');
    const one = decide('tonal', { case: { rmaCount: 1 } });
    expect(one.outcome).toBe('STAY');
    expect(one.triggers).toEqual([]);
  });

  it('TON-8 priority follows context and sentiment: High by default, Urgent when the member is upset', () => {
    const calm = decide('tonal', { case: { rmaCount: 2 }, signals: { agentFlags: [], sentiment: 0.2, values: {} } });
    expect(calm.setPriority).toBe('HIGH');
    const upset = decide('tonal', { case: { rmaCount: 2 }, signals: { agentFlags: [], sentiment: -0.8, values: {} } });
    expect(upset.setPriority).toBe('URGENT');
    expect(upset.explanation.fieldSources.setPriority).toBe('ton-8.upset-member');
    const noSentiment = decide('tonal', { case: { rmaCount: 2 } });
    expect(
      noSentiment.explanation.rules.find((rule) => rule.ruleId === 'ton-8.upset-member')?.reasons.join(' '),
    ).toContain('fails closed');
  });

  it('stays when nothing applies', () => {
    const decision = decide('tonal', { customerText: 'How do I adjust the arms?' });
    expect(decision.outcome).toBe('STAY');
    expect(decision.explanation.summary).toContain('stay');
  });

  it('TON-1 "I want to speak to your manager now" (text) → supervisor queue', () => {
    const decision = decide('tonal', { customerText: 'I want to speak to your manager now' });
    expect(decision.triggers.map((trigger) => trigger.code)).toEqual(['SUPERVISOR_REQUEST']);
    expect(decision.target.queue).toBe('supervisor-escalations');
  });

  it('TON-6 a fire in the agent note (text) → live alert, Critical', () => {
    const decision = decide('tonal', { agentNote: 'mbr says the unit caught fire and there is smoke' });
    expect(decision.triggers.map((trigger) => trigger.code)).toContain('HEALTH_SAFETY');
    expect(
      decision.triggers.every((trigger) => trigger.evidence.kind === 'text' && trigger.evidence.field === 'agentNote'),
    ).toBe(true);
    expect(decision.setPriority).toBe('CRITICAL');
  });
});
