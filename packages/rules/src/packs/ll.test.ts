import { describe, expect, it } from 'vitest';
import { lintPolicyPack } from '../lint/lint-pack.js';
import { checkReply } from '../reply-checks/check-reply.js';
import type { TDecision } from '../types.js';
import { getShippedPolicyPack } from './index.js';
import { compileShippedPolicy, decide, matchedRuleIds, stepIds, triggerCodes } from './scenario-kit.js';

const ll = compileShippedPolicy('ll');
const TSM_LEAD = { strategy: 'DIRECT', skill: 'tsm-escalations-lead' };
const HB_MANAGER = { strategy: 'DIRECT', skill: 'hb-manager' };
const TSM_ESCALATIONS = { tier: null, team: 'tsm-escalations', queue: 'tsm-escalations' };
const HB_ESCALATIONS = { tier: null, team: 'hb-management', queue: 'hb-escalations' };

/** Wednesday 15:00 in Denver: TSM business hours. */
const WEEKDAY_AFTERNOON = '2026-03-04T15:00:00-07:00';
const WEEKDAY_NIGHT = '2026-03-04T22:30:00-07:00';
const SATURDAY_MORNING = '2026-03-07T10:00:00-07:00';

const LAWYER_CALL =
  'This is Mark Delaney, an attorney with Brooks & Hale, calling on behalf of my client about unauthorized charges.';

function directMessages(decision: TDecision): { toRole: string; message: string }[] {
  return decision.notifications.flatMap((notification) =>
    notification.kind === 'DIRECT_MESSAGE' ? [{ toRole: notification.toRole, message: notification.message }] : [],
  );
}

describe('ll policy pack', () => {
  it('validates and passes lint with no findings', () => {
    expect(lintPolicyPack(getShippedPolicyPack('ll'))).toEqual([]);
  });

  it('encodes every routing, note, approval, hours, notification and reply-check requirement of the organization', () => {
    const pack = getShippedPolicyPack('ll');
    const encoded = new Set([
      ...pack.rules.flatMap((rule) => rule.requirementIds),
      ...pack.replyChecks.flatMap((check) => check.requirementIds),
    ]);
    const expected = ['LL-1', 'LL-2', 'LL-3', 'LL-4', 'LL-5', 'LL-6', 'LL-7', 'LL-8', 'LL-9', 'LL-10', 'LL-11'];
    expect(expected.filter((id) => !encoded.has(id))).toEqual([]);
  });

  it('decides the same way twice for the same input and time (X-2)', () => {
    const scenario = {
      customerText: 'I will dispute this with my bank and leave a review on Google.',
      case: { brand: 'TSM' as const },
    };
    const first = decide(ll, scenario);
    expect(first.outcome).toBe('ESCALATE');
    expect(decide(compileShippedPolicy('ll'), scenario)).toEqual(first);
  });

  it('addresses roles and skills only, never people', () => {
    const text = JSON.stringify(getShippedPolicyPack('ll').rules.map((rule) => rule.outcome));
    expect(text).not.toMatch(/Elana|Lori|Stacy|Tracy/);
  });
});

describe('LL-1 triggers', () => {
  it('LL-1 a customer merely mentioning the bank without a threat fires nothing', () => {
    const decision = decide(ll, {
      case: { brand: 'TSM' },
      customerText: "I'm not going to call my bank, I just want this fixed.",
    });
    expect(decision.triggers).toEqual([]);
    expect(decision.outcome).toBe('STAY');
  });
});

describe('LL-2 / LL-3 chargeback threats', () => {
  it('LL-2 TSM chargeback threat → assigned to the escalations lead with a note and a DM naming the ticket and why', () => {
    const decision = decide(ll, {
      case: { brand: 'TSM' },
      customerText: "If you don't refund me today I'm calling my bank to dispute the charge.",
    });
    expect(triggerCodes(decision)).toEqual(['CHARGEBACK_THREAT']);
    expect(decision.target).toEqual(TSM_ESCALATIONS);
    expect(decision.assignment).toEqual(TSM_LEAD);
    expect(decision.requiredNoteFields).toEqual(['relevantDetails']);
    const [message] = directMessages(decision);
    expect(message?.toRole).toBe('tsm-escalations-lead');
    expect(message?.message).toContain('Ticket CASE-000123 (TSM): Chargeback threat (TSM)');
    expect(message?.message).toContain('"calling my bank"');
    expect(decision.explanation.winner).toBe('ll-2.chargeback-tsm');
    expect(matchedRuleIds(decision)).not.toContain('ll-3.chargeback-hb');
  });

  it('LL-3 HB chargeback threat → checklist: apologize, cancel, stop shipments, workflow, note', () => {
    const decision = decide(ll, {
      case: { brand: 'HB' },
      customerText: "I already disputed it with my bank, I'm done with you guys.",
    });
    expect(triggerCodes(decision)).toEqual(['CHARGEBACK_THREAT']);
    expect(decision.target).toEqual(HB_ESCALATIONS);
    expect(stepIds(decision)).toEqual([
      'apologize',
      'cancel-related-orders',
      'stop-pending-shipments',
      'chargeback-threats-workflow',
      'leave-note',
    ]);
    expect(decision.requiredSteps.every((step) => step.ruleId === 'll-3.chargeback-hb')).toBe(true);
    expect(directMessages(decision)).toEqual([]);
    expect(decision.explanation.winner).toBe('ll-3.chargeback-hb');
  });
});

describe('LL-4 review threats', () => {
  it('LL-4 TSM Trustpilot/BBB threat → consult the lead with a DM', () => {
    const decision = decide(ll, {
      case: { brand: 'TSM' },
      customerText: "I'm going to leave a one star review on Trustpilot and report you to the BBB.",
    });
    expect(triggerCodes(decision)).toEqual(['REVIEW_THREAT']);
    expect(decision.assignment).toEqual(TSM_LEAD);
    expect(directMessages(decision).map((dm) => dm.toRole)).toEqual(['tsm-escalations-lead']);
  });

  it('LL-4 HB review threat → HB escalation workflow, no DM', () => {
    const decision = decide(ll, {
      case: { brand: 'HB' },
      customerText: "I'm going to leave a one star review on Trustpilot and report you to the BBB.",
    });
    expect(decision.target).toEqual(HB_ESCALATIONS);
    expect(stepIds(decision)).toEqual(['hb-escalation-workflow']);
    expect(decision.notifications).toEqual([]);
  });
});

describe('LL-5 abusive individuals', () => {
  it('LL-5 TSM agent ended the call after cursing → assigned to the lead with a DM', () => {
    const decision = decide(ll, {
      case: { brand: 'TSM', channel: 'PHONE' },
      agentNote: 'Cx kept yelling and cursing at me, called me a stupid bitch, had to end the call.',
    });
    expect(triggerCodes(decision)).toEqual(['ABUSIVE_CUSTOMER']);
    expect(
      decision.triggers.every((trigger) => trigger.evidence.kind === 'text' && trigger.evidence.field === 'agentNote'),
    ).toBe(true);
    expect(decision.assignment).toEqual(TSM_LEAD);
    expect(directMessages(decision)[0]?.message).toContain('Abusive individual (TSM)');
  });

  it('LL-5 HB abusive caller (agent flag) → contact the HB manager', () => {
    const decision = decide(ll, { case: { brand: 'HB' }, signals: { agentFlags: ['CALL_ENDED_FOR_ABUSE'] } });
    expect(decision.triggers).toEqual([
      {
        code: 'ABUSIVE_CUSTOMER',
        ruleId: 'll-5.flag-call-ended-for-abuse',
        evidence: { kind: 'signal', name: 'flag:CALL_ENDED_FOR_ABUSE', value: true },
      },
    ]);
    expect(decision.target).toEqual(HB_ESCALATIONS);
    expect(decision.assignment).toEqual(HB_MANAGER);
    expect(directMessages(decision).map((dm) => dm.toRole)).toEqual(['hb-manager']);
  });
});

describe('LL-6 medical questions', () => {
  it('LL-6 asks for a physician → DM the lead and the medical reviewer with the ticket and the question', () => {
    const decision = decide(ll, {
      case: { brand: 'TSM' },
      customerText: "I'd like to speak with a physician about whether this is safe with my thyroid medication.",
    });
    expect(triggerCodes(decision)).toEqual(['MEDICAL_QUESTION']);
    expect(decision.target).toEqual({ tier: null, team: 'medical-review', queue: 'medical-review' });
    const messages = directMessages(decision);
    expect(messages.map((dm) => dm.toRole)).toEqual(['medical-reviewer', 'tsm-escalations-lead']);
    for (const dm of messages) {
      expect(dm.message).toContain('CASE-000123');
      expect(dm.message).toContain('speak with a physician');
    }
    expect(decision.requiredNoteFields).toEqual(['medicalQuestion']);
  });
});

describe('LL-7 lawyer contact', () => {
  it('LL-7 lawyer call on a TSM weekday afternoon → ask the lead to take the call', () => {
    const decision = decide(ll, { case: { brand: 'TSM' }, customerText: LAWYER_CALL, now: WEEKDAY_AFTERNOON });
    expect(triggerCodes(decision)).toEqual(['LAWYER_CONTACT']);
    expect(decision.explanation.winner).toBe('ll-7.lawyer-tsm-business-hours');
    expect(decision.availability).toMatchObject({ calendar: 'tsm-business-hours', openNow: true, action: 'ROUTE_NOW' });
    expect(directMessages(decision)[0]?.message).toContain('are you available to take the call?');
    expect(decision.assignment).toEqual(TSM_LEAD);
    const afterHours = decision.explanation.rules.find((rule) => rule.ruleId === 'll-7.lawyer-tsm-after-hours');
    expect(afterHours?.matched).toBe(false);
  });

  it('LL-7 lawyer call overnight → supervisor callback, assigned to lead', () => {
    const decision = decide(ll, { case: { brand: 'TSM' }, customerText: LAWYER_CALL, now: WEEKDAY_NIGHT });
    expect(decision.explanation.winner).toBe('ll-7.lawyer-tsm-after-hours');
    expect(decision.target).toEqual(TSM_ESCALATIONS);
    expect(decision.assignment).toEqual(TSM_LEAD);
    expect(decision.availability).toMatchObject({
      openNow: false,
      action: 'CALLBACK',
      nextOpeningAt: '2026-03-05T08:00:00-07:00',
    });
    expect(decision.requiredNoteFields).toEqual(['who', 'what', 'when', 'why']);
    expect(decision.guidance.map((line) => line.text)[0]).toContain('your supervisor, who will be back in contact');
    expect(directMessages(decision)[0]?.message).toContain('caller told a supervisor will call back ASAP');
    expect(decision.explanation.summary).toContain('callback (2026-03-05T08:00:00-07:00)');
  });

  it('LL-7 lawyer call on a Saturday (TSM) → callback, next opening Monday 08:00', () => {
    const decision = decide(ll, { case: { brand: 'TSM' }, customerText: LAWYER_CALL, now: SATURDAY_MORNING });
    expect(decision.explanation.winner).toBe('ll-7.lawyer-tsm-after-hours');
    expect(decision.availability?.nextOpeningAt).toBe('2026-03-09T08:00:00-06:00');
  });

  it('LL-7 lawyer call for HB during the day → supervisor callback, assigned to the manager with a DM', () => {
    const decision = decide(ll, { case: { brand: 'HB' }, customerText: LAWYER_CALL, now: WEEKDAY_AFTERNOON });
    expect(decision.explanation.winner).toBe('ll-7.lawyer-hb');
    expect(decision.target).toEqual(HB_ESCALATIONS);
    expect(decision.assignment).toEqual(HB_MANAGER);
    expect(directMessages(decision).map((dm) => dm.toRole)).toEqual(['hb-manager']);
    expect(decision.availability).toBeNull();
  });
});

describe('LL-8 banks, gateways and stale refunds', () => {
  it('LL-8 a bank calls about a customer → DM the lead (why, which customer, what was done)', () => {
    const decision = decide(ll, {
      case: { brand: 'TSM', customer: { preferredName: 'Pat Jones' } },
      customerText: "This is Chase fraud department calling about a transaction on a cardholder's account.",
    });
    expect(triggerCodes(decision)).toEqual(['FINANCIAL_INSTITUTION_CONTACT']);
    expect(directMessages(decision)).toEqual([
      {
        toRole: 'tsm-escalations-lead',
        message: expect.stringContaining('a bank called about Pat Jones'),
      },
    ]);
    expect(decision.requiredNoteFields).toEqual(['callReason', 'customer', 'actionsTaken']);
    expect(decision.outcome).toBe('STAY');
  });

  it('LL-8 a gateway asks for our MID → payments owner with the caller contact, not the lead', () => {
    const decision = decide(ll, {
      case: { brand: 'HB' },
      customerText: 'Hi, this is Stripe calling, we need to verify your MID number.',
    });
    expect(triggerCodes(decision)).toEqual(['FINANCIAL_INSTITUTION_CONTACT', 'll:GATEWAY_QUESTION']);
    expect(decision.target).toEqual({ tier: null, team: 'payments', queue: 'payments' });
    expect(decision.assignment).toEqual({ strategy: 'DIRECT', skill: 'payments-owner' });
    expect(directMessages(decision).map((dm) => dm.toRole)).toEqual(['payments-owner']);
    expect(decision.requiredNoteFields).toEqual(['callerName', 'callerContact', 'request']);
    expect(matchedRuleIds(decision)).not.toContain('ll-8.bank-call');
  });

  it('LL-8 refund processed 20 days ago and not received → payments owner (structured signal)', () => {
    const decision = decide(ll, {
      case: { brand: 'TSM', lastRefundProcessedAt: '2026-02-12T10:00:00-07:00', lastRefundReceived: false },
    });
    expect(decision.triggers).toEqual([
      {
        code: 'STALE_REFUND',
        ruleId: 'll-8.stale-refund',
        evidence: { kind: 'signal', name: 'daysSinceLastRefund', value: 20 },
      },
    ]);
    expect(decision.explanation.winner).toBe('ll-8.payments-owner');
  });

  it('LL-8 refund processed 10 days ago is not stale yet', () => {
    const decision = decide(ll, {
      case: { brand: 'TSM', lastRefundProcessedAt: '2026-02-22T10:00:00-07:00', lastRefundReceived: false },
    });
    expect(decision.triggers).toEqual([]);
  });
});

describe('LL-9 adverse reactions', () => {
  it('LL-9 hives and an ER visit after taking the product → post to #adverse-events with the form step', () => {
    const decision = decide(ll, {
      case: { brand: 'HB' },
      customerText: 'After taking the drops my daughter broke out in hives and we had to go to the ER.',
    });
    expect(triggerCodes(decision)).toEqual(['ADVERSE_REACTION']);
    expect(decision.notifications).toEqual([
      {
        kind: 'CHANNEL_POST',
        channel: '#adverse-events',
        message: expect.stringContaining('Adverse event on ticket CASE-000123 (HB)'),
        ruleId: 'll-9.adverse-reaction',
      },
    ]);
    expect(stepIds(decision)).toEqual(['adverse-event-form']);
  });
});

describe('LL-10 / LL-11 refunds above the TSM threshold', () => {
  it('LL-10 TSM member wants 5 monthly billings back → Escalated Refund Attempt, lead assigned, sentiment + investigation note', () => {
    const decision = decide(ll, { case: { brand: 'TSM', monthlyBillingsRefunded: 5 } });
    expect(decision.triggers).toEqual([
      {
        code: 'REFUND_THRESHOLD',
        ruleId: 'll-1.refund-threshold-billings',
        evidence: { kind: 'signal', name: 'monthlyBillingsRefunded', value: 5 },
      },
    ]);
    expect(decision.target).toEqual(TSM_ESCALATIONS);
    expect(decision.assignment).toEqual(TSM_LEAD);
    expect(stepIds(decision)).toEqual(['escalated-refund-attempt']);
    expect(decision.requiredNoteFields).toEqual(['callSentiment', 'investigationResults']);
    expect(decision.replyChecks).toEqual(['ll-10-supervisor-escalation-language']);
    expect(directMessages(decision)[0]?.message).toContain('Escalated Refund Attempt');
  });

  it('LL-10 four program purchase refunds count; three billings do not', () => {
    expect(triggerCodes(decide(ll, { case: { brand: 'TSM', programPurchaseRefunds: 4 } }))).toEqual([
      'REFUND_THRESHOLD',
    ]);
    expect(
      decide(ll, { case: { brand: 'TSM', monthlyBillingsRefunded: 3, programPurchaseRefunds: 3 } }).triggers,
    ).toEqual([]);
  });

  it('LL-10 the threshold is TSM only: HB refund asks are not escalated to the lead', () => {
    const decision = decide(ll, { case: { brand: 'HB', monthlyBillingsRefunded: 6 } });
    expect(triggerCodes(decision)).toEqual(['REFUND_THRESHOLD']);
    expect(decision.outcome).toBe('STAY');
    expect(decision.explanation.summary).toBe('stay: triggers REFUND_THRESHOLD fired but no rule applies');
  });

  it('LL-10 reply check flags the supervisor-escalation phrase with small variations, with offsets', () => {
    const reply =
      'Hi Sam, I’ve worked  this to the best of my abilities and ESCALATED your request to a supervisor. Talk soon.';
    const findings = checkReply(ll, { text: reply, checkIds: ['ll-10-supervisor-escalation-language'] });
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ kind: 'FORBIDDEN_PHRASE', requirementIds: ['LL-10'] });
    expect(reply.slice(finding?.start, finding?.end)).toBe(
      'I’ve worked  this to the best of my abilities and ESCALATED your request to a supervisor',
    );
    expect(
      checkReply(ll, {
        text: 'I have worked this to the best of my ability and escalated your request to a supervisor.',
      }),
    ).toHaveLength(1);
    expect(checkReply(ll, { text: 'I have shared your request with our refunds lead, who will follow up.' })).toEqual(
      [],
    );
  });

  it('LL-10 LL-11 answering the Escalated Refund Attempt assigns the lead at once, no approval gate first', () => {
    const decision = decide(ll, { case: { brand: 'TSM', programPurchaseRefunds: 5 } });
    expect(decision.approval.required).toBe(false);
    expect(decision.assignment).toMatchObject({ strategy: 'DIRECT', skill: 'tsm-escalations-lead' });
    expect(decision.guidance.map((line) => line.text)).toContain(
      'The lead decides: approve additional refunds, suggest ways to turn the customer around, or take the ticket over.',
    );
  });

  it('LL-1 a chargeback threat on a case without a brand asks for the brand instead of staying silent', () => {
    const decision = decide(ll, { customerText: 'I am calling my bank to dispute this charge today.' });
    expect(decision.outcome).toBe('STAY');
    expect(decision.explanation.summary).toContain('Brand needed to route');
    expect(decision.guidance.map((line) => line.text)).toContain(
      'Set the case’s brand (TSM or HB) and route again: TSM and HB handle this escalation differently.',
    );
    const tsm = decide(ll, {
      case: { brand: 'TSM' },
      customerText: 'I am calling my bank to dispute this charge today.',
    });
    expect(tsm.guidance.map((line) => line.text)).not.toContain(
      'Set the case’s brand (TSM or HB) and route again: TSM and HB handle this escalation differently.',
    );
  });

  it('LL-11 the lead returns the ticket with a suggested path → back to TSM support', () => {
    const decision = decide(ll, {
      case: { brand: 'TSM', programPurchaseRefunds: 5, flags: ['RETURNED_BY_LEAD'] },
    });
    expect(decision.target).toEqual({ tier: null, team: 'tsm-support', queue: 'tsm-support' });
    expect(decision.assignment).toEqual({ strategy: 'LEAST_LOADED', team: 'tsm-support' });
    expect(decision.approval.required).toBe(false);
    expect(decision.explanation.winner).toBe('ll-11.returned-to-tsm-support');
    expect(decision.explanation.winnerReason).toBe(
      'll-11.returned-to-tsm-support wins on priority 990 > 780 (ll-10.refund-threshold-tsm)',
    );
  });

  it('LL-11 the HB manager returns the ticket → back to HB support', () => {
    const decision = decide(ll, { case: { brand: 'HB', flags: ['RETURNED_BY_LEAD'] } });
    expect(decision.target).toEqual({ tier: null, team: 'hb-support', queue: 'hb-support' });
  });
});

describe('LL explanation', () => {
  it('LL-5 LL-2 abusive and chargeback together: abusive wins on priority, both DMs go to the lead', () => {
    const decision = decide(ll, {
      case: { brand: 'TSM' },
      customerText: "You people are f***ing useless idiots. I'm calling my bank to dispute the charge.",
    });
    expect(triggerCodes(decision)).toEqual(['ABUSIVE_CUSTOMER', 'CHARGEBACK_THREAT']);
    expect(decision.explanation.winner).toBe('ll-5.abusive-tsm');
    expect(decision.explanation.winnerReason).toBe('ll-5.abusive-tsm wins on priority 850 > 800 (ll-2.chargeback-tsm)');
    expect(directMessages(decision)).toHaveLength(2);
    expect(decision.explanation.rules).toHaveLength(getShippedPolicyPack('ll').rules.length);
    expect(decision.explanation).toMatchObject({ policyId: 'll', policyVersion: 1 });
  });
});
