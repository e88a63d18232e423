import { describe, expect, it } from 'vitest';
import { lintPolicyPack } from '../lint/lint-pack.js';
import { checkReply } from '../reply-checks/check-reply.js';
import {
  CARE_EMAIL_TEMPLATES,
  checkReviewComment,
  missingReviewEscalationFields,
  PRIVACY_EMAIL_BY_STATUS,
  privacyClosingComment,
  renderCareEmail,
  renderReviewComment,
  signsInOnlySocially,
  templateName,
} from './care-templates.js';
import { getShippedPolicyPack } from './index.js';
import { compileShippedPolicy, decide, matchedRuleIds, stepIds, triggerCodes } from './scenario-kit.js';

const care = compileShippedPolicy('care');
const TIER2 = { tier: 'TIER2', team: 'tier2', queue: 'tier2-escalations' };

describe('care policy pack', () => {
  it('validates and passes lint with no findings', () => {
    expect(lintPolicyPack(getShippedPolicyPack('care'))).toEqual([]);
  });

  it('encodes every routing, note, approval, hours, notification and reply-check requirement of the organization', () => {
    const pack = getShippedPolicyPack('care');
    const encoded = new Set([
      ...pack.rules.flatMap((rule) => rule.requirementIds),
      ...pack.replyChecks.flatMap((check) => check.requirementIds),
    ]);
    const expected = [
      'CARE-R1',
      'CARE-R2',
      'CARE-R4',
      'CARE-R5',
      'CARE-R6',
      'CARE-B1',
      'CARE-B2',
      'CARE-P1',
      'CARE-P2',
      'CARE-P3',
      'CARE-P5',
      'CARE-P6',
      'CARE-G1',
      'CARE-G2',
      'CARE-G3',
    ];
    expect(expected.filter((id) => !encoded.has(id))).toEqual([]);
  });

  it('decides the same way twice for the same input and time (X-2)', () => {
    const scenario = {
      customerText: "I'm non-binary and want my profile to stop showing my deadname. Also delete the review I left.",
    };
    const first = decide(care, scenario);
    expect(first.outcome).toBe('ESCALATE');
    expect(decide(compileShippedPolicy('care'), scenario)).toEqual(first);
  });
});

describe('CARE-R review escalations', () => {
  it('CARE-R1 "change my review" from a seeker → Tier 2 escalations, CRM number and subject required', () => {
    const decision = decide(care, {
      customerText:
        "Hi, I left a review for my nanny last week and I'd like to change my review, I gave her 2 stars by mistake.",
    });
    expect(triggerCodes(decision)).toEqual(['REVIEW_EDIT_REQUEST']);
    expect(decision.triggers[0]?.evidence).toMatchObject({
      kind: 'text',
      phrase: 'change my review',
      field: 'customerText',
    });
    expect(decision.outcome).toBe('ESCALATE');
    expect(decision.target).toEqual(TIER2);
    expect(decision.setStatus).toBe('ESCALATED');
    expect(decision.requiredNoteFields).toEqual(['crmCaseNumber', 'subject']);
    expect(stepIds(decision)).toEqual(['check-review-status', 'review-change-comment']);
    expect(decision.guidance.map((line) => line.text)).toContain('Subject must contain "Edit Review".');
    expect(decision.explanation.winner).toBe('care-r1.review-edit-request');
    expect(decision.explanation.winnerReason).toBe('care-r1.review-edit-request is the only routing rule');
  });

  it('CARE-R1 CARE-R6 "delete the review" → Tier 2 removal, permanent rejection explained', () => {
    const decision = decide(care, {
      customerText: 'Please delete the review I wrote about Maria, it was posted on the wrong profile.',
    });
    expect(triggerCodes(decision)).toEqual(['REVIEW_REMOVAL_REQUEST']);
    expect(decision.target).toEqual(TIER2);
    expect(decision.explanation.winner).toBe('care-r1.review-removal-request');
    expect(decision.guidance.map((line) => line.text)).toEqual(
      expect.arrayContaining([
        'Subject must contain "Remove Review".',
        'Removing rejects the review permanently; it cannot be undone.',
      ]),
    );
    expect(triggerCodes(decision)).not.toContain('PRIVACY_REQUEST');
  });

  it('CARE-R2 escalation without CRM number or subject keyword stays with Tier 1, refused with what is missing', () => {
    const decision = decide(care, {
      customerText: 'Can you remove my review of the sitter? I posted it on the wrong person.',
      signals: { values: { reviewEscalationComplete: false } },
    });
    expect(decision.target).toEqual({ tier: 'TIER1', team: 'tier1', queue: 'tier1' });
    expect(stepIds(decision)).toEqual(
      expect.arrayContaining(['add-crm-case-number', 'tag-review-subject', 'check-review-status']),
    );
    expect(decision.explanation.winner).toBe('care-r2.review-escalation-incomplete');
    expect(decision.explanation.winnerReason).toContain('wins on priority 820 > 800');
  });

  it('CARE-R2 the required fields: CRM case number and "Edit Review"/"Remove Review" in the subject', () => {
    expect(
      missingReviewEscalationFields({ crmCaseNumber: '05001234', subject: 'Seeker asks: edit  review' }, 'EDIT'),
    ).toEqual([]);
    expect(missingReviewEscalationFields({ crmCaseNumber: ' ', subject: 'Review question' }, 'REMOVE')).toEqual([
      { field: 'crmCaseNumber', message: 'the Salesforce (CRM) case number of the review is required' },
      { field: 'subject', message: 'the case subject must contain "Remove Review"' },
    ]);
    expect(missingReviewEscalationFields({ crmCaseNumber: '05001234', subject: 'Edit Review' }, 'REMOVE')).toHaveLength(
      1,
    );
  });

  it('CARE-R4 review request on a closed case → status back to New, still Tier 2', () => {
    const decision = decide(care, {
      case: { status: 'CLOSED', tier: 'TIER2' },
      customerText: 'I need to edit my review, the date of the booking is wrong.',
      actorRole: 'tier2',
    });
    expect(decision.setStatus).toBe('NEW');
    expect(decision.target).toEqual(TIER2);
    expect(stepIds(decision)[0]).toBe('reopen-case');
    expect(decision.explanation.winner).toBe('care-r4.reopen-closed-review-case');
    expect(decision.explanation.fieldSources.setStatus).toBe('care-r4.reopen-closed-review-case');
  });

  it('CARE-R5 the review comment template: rendered comments pass, others are refused with the problem', () => {
    const comment = renderReviewComment({
      action: 'EDIT',
      reason: 'corrected the booking date',
      requester: 'Jamie Rivera',
      date: '2026-03-04',
    });
    expect(comment).toBe('Review edited: corrected the booking date — requested by Jamie Rivera on 2026-03-04');
    expect(checkReviewComment(comment, 'EDIT')).toEqual({
      ok: true,
      values: { action: 'EDIT', reason: 'corrected the booking date', requester: 'Jamie Rivera', date: '2026-03-04' },
    });
    expect(checkReviewComment('review REMOVED:  wrong provider - requested by Sam on 2026-02-28', 'REMOVE').ok).toBe(
      true,
    );
    expect(checkReviewComment('fixed it', 'EDIT')).toMatchObject({ ok: false });
    expect(checkReviewComment(comment, 'REMOVE')).toEqual({
      ok: false,
      problems: ['the comment says "edited" but the review is being removed'],
    });
    expect(checkReviewComment('Review edited: typo — requested by Sam on 2026-02-30', 'EDIT')).toEqual({
      ok: false,
      problems: ['{date} "2026-02-30" is not a calendar date'],
    });
  });
});

describe('CARE-B booking refunds', () => {
  it('CARE-B1 third refund for the same booking refund reason → Tier 2 (structured signal)', () => {
    const decision = decide(care, {
      case: { refundsByReason: { PROVIDER_NO_SHOW: 3, LATE_CANCELLATION: 1 } },
    });
    expect(decision.triggers).toEqual([
      {
        code: 'REPEAT_REFUND',
        ruleId: 'care-b1.repeat-refund-count',
        evidence: { kind: 'signal', name: 'maxRefundsForOneReason', value: 3 },
      },
    ]);
    expect(decision.target).toEqual(TIER2);
    expect(decision.explanation.winner).toBe('care-b1.repeat-refund');
  });

  it('CARE-B1 two refunds for each of two reasons do not escalate', () => {
    const decision = decide(care, { case: { refundsByReason: { PROVIDER_NO_SHOW: 2, LATE_CANCELLATION: 2 } } });
    expect(decision.outcome).toBe('STAY');
    expect(decision.triggers).toEqual([]);
    expect(decision.explanation.summary).toBe('stay: no trigger fired and no rule applies');
  });

  it('CARE-B2 provider refunded offline, cancellation fee owed → Tier 2 with the fee refund step', () => {
    const decision = decide(care, { case: { cancellationFeeOwed: true } });
    expect(triggerCodes(decision)).toEqual(['CANCELLATION_FEE_REFUND']);
    expect(decision.target).toEqual(TIER2);
    expect(stepIds(decision)).toEqual(['refund-cancellation-fee']);
    expect(decision.explanation.winner).toBe('care-b2.cancellation-fee-refund');
  });
});

describe('CARE-P privacy requests', () => {
  it('CARE-P2 "delete all the personal data you hold" → privacy team queue, create the privacy request', () => {
    const decision = decide(care, { customerText: 'Please delete all the personal data you hold about me.' });
    expect(triggerCodes(decision)).toEqual(['PRIVACY_REQUEST']);
    expect(decision.target).toEqual({ tier: 'TIER2', team: 'privacy', queue: 'privacy-requests' });
    expect(stepIds(decision)).toEqual(['check-social-sign-in', 'create-privacy-request']);
    expect(matchedRuleIds(decision)).not.toContain('care-p1.password-before-privacy-request');
  });

  it('CARE-P1 member who signs in only with Google → password-setup step before the privacy request', () => {
    const customer = { preferredName: 'Alex', signInMethods: ['google'] };
    expect(signsInOnlySocially(customer)).toBe(true);
    expect(signsInOnlySocially({ signInMethods: ['apple', 'password'] })).toBe(false);
    const decision = decide(care, {
      case: { customer },
      customerText: 'Can I get a copy of my personal information?',
      signals: { values: { socialSignInOnly: signsInOnlySocially(customer) } },
    });
    expect(decision.target.queue).toBe('privacy-requests');
    expect(stepIds(decision)).toEqual([
      'check-social-sign-in',
      'create-privacy-request',
      'set-password-before-privacy-request',
    ]);
    expect(decision.requiredSteps[2]?.ruleId).toBe('care-p1.password-before-privacy-request');
  });

  it('CARE-P5 CARE-P6 request created as Requested → "Privacy CCPA – Request Link" email to the preferred name, then close', () => {
    const decision = decide(care, {
      case: { customer: { preferredName: 'Alex', legalName: 'Alexandra Stone' } },
      signals: { values: { privacyRequestStatus: 'REQUESTED' } },
      actorRole: 'privacy',
    });
    expect(decision.notifications).toEqual([
      {
        kind: 'EMAIL',
        template: 'privacy-ccpa-request-link',
        to: 'customer',
        subject: 'Privacy CCPA – Request Link',
        message: 'Privacy CCPA – Request Link → Alex (CASE-000123): self-service link to complete the privacy request',
        ruleId: 'care-p5.request-link-email',
      },
    ]);
    expect(stepIds(decision)).toEqual(['close-privacy-case']);
    expect(privacyClosingComment('PR-000123')).toBe('Created privacy request: PR-000123');
  });

  it('CARE-P5 verification failed → "Privacy CCPA – User Verification" email', () => {
    const decision = decide(care, {
      signals: { values: { privacyRequestStatus: 'COMPLETED_FAILED_VERIFICATION' } },
      actorRole: 'privacy',
    });
    expect(decision.notifications.map((n) => (n.kind === 'EMAIL' ? n.template : n.kind))).toEqual([
      'privacy-ccpa-user-verification',
    ]);
    expect(PRIVACY_EMAIL_BY_STATUS.COMPLETED_FAILED_VERIFICATION).toBe('privacy-ccpa-user-verification');
  });

  it('CARE-P5 the email templates carry subject, body, preferred name and self-service link', () => {
    const link = CARE_EMAIL_TEMPLATES['privacy-ccpa-request-link'];
    expect(link.subject).toBe('Privacy CCPA – Request Link');
    expect(link.placeholders).toEqual(['preferredName', 'requestNumber', 'requestType', 'selfServiceLink']);
    const rendered = renderCareEmail('privacy-ccpa-request-link', {
      preferredName: templateName({ preferredName: 'Alex', legalName: 'Alexandra Stone' }) ?? '',
      requestNumber: 'PR-000123',
      requestType: 'Delete Data',
      selfServiceLink: 'https://privacy.care.example/requests/PR-000123',
    });
    expect(rendered.body).toContain('Hi Alex,');
    expect(rendered.body).toContain('https://privacy.care.example/requests/PR-000123');
    expect(rendered.body).not.toMatch(/\{[a-zA-Z]+\}/);
    expect(CARE_EMAIL_TEMPLATES['privacy-ccpa-user-verification'].subject).toBe('Privacy CCPA – User Verification');
    expect(() =>
      renderCareEmail('privacy-ccpa-user-verification', {
        preferredName: 'Alex',
        requestNumber: 'PR-000124',
        requestType: 'Access Data',
        selfServiceLink: '',
      }),
    ).toThrow('no value for {selfServiceLink}');
  });

  it('CARE-P2 cancelling while keeping the account is not a privacy request', () => {
    const decision = decide(care, { customerText: 'I want to cancel my subscription but keep my account' });
    expect(decision.outcome).toBe('STAY');
  });
});

describe('CARE-G gender identity', () => {
  it('CARE-G1 "my profile still shows my deadname" → Tier 2 with the preferred-name reply check', () => {
    const decision = decide(care, {
      customerText: "My profile still shows my deadname and I'm not comfortable with that.",
    });
    expect(triggerCodes(decision)).toEqual(['GENDER_IDENTITY']);
    expect(decision.triggers[0]?.evidence).toMatchObject({ phrase: 'deadname' });
    expect(decision.target).toEqual(TIER2);
    expect(decision.replyChecks).toEqual(['care-g2-legal-name-used']);
    expect(decision.explanation.winner).toBe('care-g1.gender-identity');
    expect(decision.explanation.summary).toContain('because GENDER_IDENTITY');
  });

  it('CARE-G1 category chosen by the agent (name or gender update) → Tier 2 from the flag', () => {
    const decision = decide(care, { signals: { agentFlags: ['GENDER_IDENTITY_CONCERN'] } });
    expect(decision.triggers).toEqual([
      {
        code: 'GENDER_IDENTITY',
        ruleId: 'care-g1.flag-gender-identity',
        evidence: { kind: 'signal', name: 'flag:GENDER_IDENTITY_CONCERN', value: true },
      },
    ]);
    expect(decision.target).toEqual(TIER2);
  });

  it('CARE-G1 a name change after marriage is not a gender identity concern', () => {
    const decision = decide(care, { customerText: 'I got married, please update my last name on my profile.' });
    expect(triggerCodes(decision)).not.toContain('GENDER_IDENTITY');
  });

  it('CARE-G2 reply using the legal name when a preferred name is set is flagged with offsets', () => {
    const customer = { preferredName: 'Alex', legalName: 'Alexandra Stone' };
    const reply = 'Hi Alexandra, thanks for reaching out. We updated your profile.';
    const findings = checkReply(care, { text: reply, customer, checkIds: ['care-g2-legal-name-used'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'LEGAL_NAME_USED', requirementIds: ['CARE-G2'], phrase: 'Alexandra' });
    expect(reply.slice(findings[0]?.start, findings[0]?.end)).toBe('Alexandra');
    expect(checkReply(care, { text: 'Hi Alex, thanks for reaching out.', customer })).toEqual([]);
    expect(templateName(customer)).toBe('Alex');
    expect(templateName({ legalName: 'Alexandra Stone' })).toBe('Alexandra Stone');
  });

  it('CARE-G3 Tier 2 brings in Member Review and Safety: a safety review task for that team', () => {
    const decision = decide(care, {
      case: { tier: 'TIER2' },
      actorRole: 'tier2',
      customerText: "I'm non-binary and someone keeps messaging me about it, I don't feel safe.",
      signals: { agentFlags: ['MEMBER_REVIEW_SAFETY_NEEDED'] },
    });
    expect(decision.tasks).toEqual([
      {
        kind: 'SAFETY_REVIEW',
        title: 'Member Review and Safety review',
        team: 'member-review-safety',
        assignment: { strategy: 'LEAST_LOADED', team: 'member-review-safety' },
        requiredFields: [],
        ruleId: 'care-g3.member-review-safety',
      },
    ]);
    expect(decision.target).toEqual(TIER2);
    expect(matchedRuleIds(decision)).toEqual(['care-g1.gender-identity', 'care-g3.member-review-safety']);
  });

  it('CARE-G3 the flag on a Tier 1 case does not bring the team in', () => {
    const decision = decide(care, { signals: { agentFlags: ['MEMBER_REVIEW_SAFETY_NEEDED'] } });
    expect(decision.tasks).toEqual([]);
    const trace = decision.explanation.rules.find((rule) => rule.ruleId === 'care-g3.member-review-safety');
    expect(trace?.matched).toBe(false);
  });
});
