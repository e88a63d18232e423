import { describe, expect, it } from 'vitest';
import { lintPolicyPack } from '../lint/lint-pack.js';
import { checkReply } from '../reply-checks/check-reply.js';
import { getShippedPolicyPack } from './index.js';
import { compileShippedPolicy, decide, matchedRuleIds, stepIds, triggerCodes } from './scenario-kit.js';
import { DOCUMENTATION_REQUEST_EMAIL, RESOLUTION_ESCALATION_FIELDS } from './solar.js';

const solar = compileShippedPolicy('solar');
const RESOLUTION = { tier: null, team: 'resolution', queue: 'resolution-escalations' };
const ASKS = 'Can you escalate my case? The installer told me the tax credit would cover half and it did not.';
const QUALIFIED = ['QUALIFIES_FOR_RESOLUTION_REVIEW'];

describe('solar policy pack', () => {
  it('validates and passes lint with no findings', () => {
    expect(lintPolicyPack(getShippedPolicyPack('solar'))).toEqual([]);
  });

  it('encodes every routing, note, approval, hours, notification and reply-check requirement of the organization', () => {
    const pack = getShippedPolicyPack('solar');
    const encoded = new Set([
      ...pack.rules.flatMap((rule) => rule.requirementIds),
      ...pack.replyChecks.flatMap((check) => check.requirementIds),
    ]);
    const expected = ['SOL-1', 'SOL-2', 'SOL-3', 'SOL-4', 'SOL-5', 'SOL-6', 'SOL-7', 'SOL-8', 'SOL-9'];
    expect(expected.filter((id) => !encoded.has(id))).toEqual([]);
  });

  it('decides the same way twice for the same input and time (X-2)', () => {
    const scenario = {
      customerText: 'Can you escalate my case? The installer lied about the tax credit.',
      signals: { agentFlags: ['QUALIFIES_FOR_RESOLUTION_REVIEW'] },
    };
    const first = decide(solar, scenario);
    expect(first.outcome).toBe('ESCALATE');
    expect(decide(compileShippedPolicy('solar'), scenario)).toEqual(first);
  });
});

describe('SOL-1 never offer escalation', () => {
  it('SOL-1 agent offers to escalate although the customer did not ask → finding with offsets', () => {
    const customerText = 'My panels stopped producing after the storm, can someone come out?';
    const decision = decide(solar, { customerText });
    expect(decision.triggers).toEqual([]);
    expect(decision.replyChecks).toEqual(['sol-1-unprompted-escalation-offer']);
    expect(decision.explanation.winner).toBe('sol-1.never-offer-escalation');
    const reply = "Sorry about that! Would you like me to escalate this to our resolution team? I'll book a tech too.";
    const findings = checkReply(solar, { text: reply, customerText, checkIds: decision.replyChecks });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'UNPROMPTED_ESCALATION_OFFER', requirementIds: ['SOL-1'] });
    expect(reply.slice(findings[0]?.start, findings[0]?.end)).toBe('Would you like me to escalate');
  });

  it('SOL-1 the same reply is fine when the customer asked for a supervisor', () => {
    const customerText = 'This is the third time I call. I want to speak to a supervisor.';
    const decision = decide(solar, { customerText });
    expect(triggerCodes(decision)).toEqual(['SUPERVISOR_REQUEST']);
    expect(decision.replyChecks).toEqual([]);
    expect(checkReply(solar, { text: 'Understood, I can escalate this for you right away.', customerText })).toEqual(
      [],
    );
    expect(checkReply(solar, { text: 'I can escalate this for you.', customerAskedForEscalation: true })).toEqual([]);
  });

  it('SOL-1 "can you escalate my case" is an ask: the decision drops the unprompted-offer check', () => {
    const decision = decide(solar, { customerText: ASKS });
    expect(decision.replyChecks).toEqual([]);
    const reply = 'Sure, I can escalate this for you.';
    expect(checkReply(solar, { text: reply, customerText: ASKS, checkIds: decision.replyChecks })).toEqual([]);
  });

  it('SOL-1 customer asks to escalate but the concern is not yet qualified → guidance, no case', () => {
    const decision = decide(solar, { customerText: ASKS });
    expect(triggerCodes(decision)).toEqual(['solar:ESCALATION_REQUEST']);
    expect(decision.outcome).toBe('STAY');
    expect(decision.guidance.map((line) => line.text)).toEqual([
      'Determine whether the concern qualifies for additional review.',
    ]);
  });
});

describe('SOL-4 / SOL-5 resolution escalation case', () => {
  it('SOL-4 SOL-5 customer asks, concern qualifies → resolution queue, specialist assignment, required fields', () => {
    const decision = decide(solar, { customerText: ASKS, signals: { agentFlags: QUALIFIED } });
    expect(triggerCodes(decision)).toEqual(['solar:ESCALATION_REQUEST', 'solar:QUALIFIES_FOR_REVIEW']);
    expect(decision.target).toEqual(RESOLUTION);
    expect(decision.setStatus).toBe('ESCALATED');
    expect(decision.assignment).toEqual({ strategy: 'DIRECT', role: 'resolution_specialist', offer: true });
    expect(decision.requiredNoteFields).toEqual([
      'primaryReason',
      'detailedDescription',
      'installerPointOfView',
      'interactionId',
      'concernType',
      'redFlags',
      'otherConcerns',
      'voiceMatch',
      'certificateOfCompletionReviewed',
    ]);
    expect(decision.requiredNoteFields).toEqual([...RESOLUTION_ESCALATION_FIELDS]);
    expect(decision.requiredNoteFields).not.toContain('documents');
    expect(stepIds(decision)).toEqual(['check-existing-case', 'create-case-assignment']);
    expect(decision.explanation.winner).toBe('sol-4-5.resolution-escalation');
    expect(decision.explanation.winnerReason).toBe('sol-4-5.resolution-escalation is the only routing rule');
  });

  it('SOL-5 assignment to a resolution specialist returned → case closed as Case Voided', () => {
    const decision = decide(solar, {
      case: { status: 'ESCALATED', queue: 'resolution-escalations' },
      signals: { agentFlags: ['RESOLUTION_ASSIGNMENT_RETURNED'] },
    });
    expect(decision.target).toEqual({ tier: null, team: 'customer-care', queue: 'customer-care' });
    expect(decision.setStatus).toBe('CLOSED');
    expect(stepIds(decision)).toEqual(['close-case-voided']);
  });
});

describe('SOL-3 documentation email without a known name', () => {
  it('SOL-3 greets "Hi there," when the homeowner has no name on file', () => {
    const decision = decide(solar, {
      customerText: 'I want this escalated, nobody is answering my emails about the panels.',
      signals: { agentFlags: [...QUALIFIED, 'CUSTOMER_AGREES_TO_WAIT'] },
    });
    const [email] = decision.notifications;
    expect(email?.message.startsWith('Hi there,\n')).toBe(true);
  });
});

describe('SOL-1 what counts as the customer asking', () => {
  const asks = (customerText: string) =>
    triggerCodes(decide(solar, { customerText })).includes('solar:ESCALATION_REQUEST');

  it('SOL-1 "can this be escalated?" is the customer asking; the installer promising to escalate is not', () => {
    expect(asks('Can this be escalated? Nobody has fixed my inverter in three weeks.')).toBe(true);
    expect(asks('Could my complaint be escalated please')).toBe(true);
    expect(asks('The installer said he would escalate it internally but nothing happened.')).toBe(false);
    expect(asks('My rep told me they were escalating it last month.')).toBe(false);
    expect(asks('Do you escalate cases like this usually?')).toBe(false);
  });
});

describe('SOL-3 customer agrees to wait', () => {
  it('SOL-3 customer agrees to wait → documentation-request email queued, case still created', () => {
    const decision = decide(solar, {
      case: { customer: { preferredName: 'Dana' } },
      customerText: 'I want this escalated, nobody is answering my emails about the panels.',
      signals: { agentFlags: [...QUALIFIED, 'CUSTOMER_AGREES_TO_WAIT'] },
    });
    expect(decision.target).toEqual(RESOLUTION);
    expect(decision.notifications).toHaveLength(1);
    const [email] = decision.notifications;
    expect(email).toMatchObject({
      kind: 'EMAIL',
      template: 'documentation-request',
      to: 'customer',
      subject: 'Supporting documentation for your escalated concern (CASE-000123)',
    });
    expect(email?.message.startsWith('Hi Dana,\n')).toBe(true);
    expect(email?.message).toContain('(CASE-000123)');
    expect(DOCUMENTATION_REQUEST_EMAIL.subject).toBe('Supporting documentation for your escalated concern');
    expect(decision.guidance.map((line) => line.text)).toContain(
      'If the customer refuses to provide documentation, still create the case and assign it.',
    );
  });
});

describe('SOL-7 customer refuses to wait', () => {
  const refuses = { customerText: ASKS, signals: { agentFlags: [...QUALIFIED, 'CUSTOMER_REFUSES_TO_WAIT'] } };

  it('SOL-7 Resolution Lead available → warm transfer, wait 30 s, else voicemail', () => {
    const decision = decide(solar, {
      ...refuses,
      signals: { ...refuses.signals, values: { resolutionLeadAvailable: true } },
    });
    expect(decision.explanation.winner).toBe('sol-7.warm-transfer-to-lead');
    expect(decision.assignment).toEqual({ strategy: 'DIRECT', skill: 'resolution_lead' });
    expect(stepIds(decision).slice(0, 3)).toEqual([
      'explain-transfer',
      'warm-transfer-resolution-lead',
      'voicemail-if-no-answer',
    ]);
    expect(decision.requiredSteps[1]?.label).toContain('wait 30 seconds');
    expect(decision.notifications).toEqual([]);
  });

  it('SOL-7 nobody available under the skill → transfer to voicemail', () => {
    const decision = decide(solar, {
      ...refuses,
      signals: { ...refuses.signals, values: { resolutionLeadAvailable: false } },
    });
    expect(decision.explanation.winner).toBe('sol-7.transfer-to-voicemail');
    expect(stepIds(decision).slice(0, 2)).toEqual(['explain-transfer', 'transfer-to-voicemail']);
    expect(matchedRuleIds(decision)).not.toContain('sol-7.warm-transfer-to-lead');
  });
});

describe('SOL-8 documents emailed later', () => {
  it('SOL-8 back office receives the documents → attach them to the escalated case', () => {
    const decision = decide(solar, {
      signals: { agentFlags: ['SUPPORTING_DOCUMENTS_RECEIVED'] },
      case: { channel: 'EMAIL' },
    });
    expect(decision.target).toEqual({ tier: null, team: 'back-office', queue: 'back-office' });
    expect(stepIds(decision)).toEqual(['review-email-thread', 'attach-documents']);
  });
});

describe('SOL-9 recordings older than 90 days', () => {
  it('SOL-9 an agent asking for a 120-day-old recording needs a resolution specialist', () => {
    const decision = decide(solar, {
      signals: { agentFlags: ['RECORDING_REQUESTED'], values: { recordingAgeDays: 120 } },
    });
    expect(decision.approval).toEqual({
      required: true,
      approverRole: 'resolution_specialist',
      reason: 'Only resolution specialists may request recordings older than 90 days',
    });
  });

  it('SOL-9 a resolution specialist may request it; a 60-day-old recording is open to anyone', () => {
    const specialist = decide(solar, {
      actorRole: 'resolution_specialist',
      signals: { agentFlags: ['RECORDING_REQUESTED'], values: { recordingAgeDays: 120 } },
    });
    expect(specialist.approval.required).toBe(false);
    const trace = specialist.explanation.rules.find((rule) => rule.ruleId === 'sol-9.old-recording-request');
    expect(trace?.matched).toBe(false);
    const recent = decide(solar, {
      signals: { agentFlags: ['RECORDING_REQUESTED'], values: { recordingAgeDays: 60 } },
    });
    expect(recent.approval.required).toBe(false);
  });
});
