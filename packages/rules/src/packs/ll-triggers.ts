/**
 * LL trigger data, direct-message templates and reply checks (sops/ll-escalated-cases.txt):
 * the MID/gateway extension code, the structured-signal triggers (refund threshold, stale
 * refund, agent flags) and the LL-10 forbidden phrase. Used by ll.ts.
 */
import type { TPolicyPackInput } from '../policy/parse-pack.js';

const SOP = 'sops/ll-escalated-cases.txt';
export const FORBIDDEN_SUPERVISOR_LANGUAGE = 'll-10-supervisor-escalation-language';

/** "I've worked this to the best of my abilities and escalated your request to a supervisor", with small variations. */
const SUPERVISOR_LANGUAGE_VARIANTS = ["I've", 'I have', 'Ive'].flatMap((opening) =>
  ['abilities', 'ability'].map(
    (ability) => `${opening} worked this to the best of my ${ability} and escalated your request to a supervisor`,
  ),
);

export const LL_TRIGGERS = {
  canonical: [
    'CHARGEBACK_THREAT',
    'ABUSIVE_CUSTOMER',
    'MEDICAL_QUESTION',
    'LAWYER_CONTACT',
    'FINANCIAL_INSTITUTION_CONTACT',
    'ADVERSE_REACTION',
    'REFUND_THRESHOLD',
    'REVIEW_THREAT',
    'STALE_REFUND',
  ],
  extensions: [
    {
      code: 'll:GATEWAY_QUESTION',
      detectorId: 'll.gateway-question',
      description: 'a MID question, a payment gateway or processor calling, or a decline that says to call a number',
      cues: [
        {
          id: 'merchant-id',
          patterns: [
            '(merchant id|merchant ids|merchant number|merchant account number)',
            '(your|ur|our|the) mid (number|#|num|no)?',
            'mid (number|#|question|questions|lookup|inquiry)',
          ],
        },
        {
          id: 'gateway-calls',
          patterns: [
            '(gateway|payment gateway|processor|payment processor|merchant services|stripe|braintree|authorize net|nmi) (rep|representative|agent|team|department)? (called|calling|phoned|emailed|asking|asked|is on the line|on the line)',
            '(calling|writing) (from|with|on behalf of) (the|our|your)? (gateway|payment gateway|processor|payment processor|merchant services|stripe|braintree|authorize net|nmi)',
          ],
        },
        {
          id: 'decline-says-call',
          patterns: ['(decline|declined|declines) _{0,4} (says|said|message|reads|shows) _{0,3} call'],
        },
      ],
    },
  ],
} satisfies TPolicyPackInput['triggers'];

export const LL_SIGNAL_TRIGGERS = [
  {
    id: 'll-1.refund-threshold-billings',
    code: 'REFUND_THRESHOLD',
    description: 'the member wants more than 3 months of subscription billings refunded',
    source: {
      file: SOP,
      quote: 'TSM members who want more than 3 months of subscription billings or 4+ program purchase refunds',
    },
    when: { type: 'signal', name: 'monthlyBillingsRefunded', op: 'gt', value: 3 },
    evidence: 'monthlyBillingsRefunded',
  },
  {
    id: 'll-1.refund-threshold-programs',
    code: 'REFUND_THRESHOLD',
    description: 'the member wants 4 or more program purchases refunded',
    source: {
      file: SOP,
      quote: 'TSM members who want more than 3 months of subscription billings or 4+ program purchase refunds',
    },
    when: { type: 'signal', name: 'programPurchaseRefunds', op: 'gte', value: 4 },
    evidence: 'programPurchaseRefunds',
  },
  {
    id: 'll-8.stale-refund',
    code: 'STALE_REFUND',
    description: 'the refund was processed more than 14 days ago and the customer has not received it',
    source: {
      file: SOP,
      quote: 'if someone is looking for their refund and it’s been longer than 14 days since it was processed',
    },
    when: {
      type: 'all',
      of: [
        { type: 'signal', name: 'daysSinceLastRefund', op: 'gt', value: 14 },
        { type: 'signal', name: 'lastRefundReceived', op: 'eq', value: false },
      ],
    },
    evidence: 'daysSinceLastRefund',
  },
  {
    id: 'll-8.flag-gateway-question',
    code: 'll:GATEWAY_QUESTION',
    description: 'the agent recorded a MID or gateway question',
    source: { file: SOP, quote: "If it's a MID question or something related to our gateways in general" },
    when: { type: 'flag', name: 'GATEWAY_QUESTION' },
    evidence: 'flag:GATEWAY_QUESTION',
  },
  {
    id: 'll-5.flag-call-ended-for-abuse',
    code: 'ABUSIVE_CUSTOMER',
    description: 'the agent ended the call because the abuse would not stop',
    source: {
      file: SOP,
      quote: "Did they get nasty and you had to end the call because they wouldn't quit it?",
    },
    when: { type: 'flag', name: 'CALL_ENDED_FOR_ABUSE' },
    evidence: 'flag:CALL_ENDED_FOR_ABUSE',
  },
] satisfies TPolicyPackInput['signalTriggers'];

export const LL_MESSAGES = {
  'dm-lead-review': 'Ticket {caseRef} ({brand}): {reason} — assigned to you for review; see the note. {evidence}',
  'dm-lead-take-lawyer-call':
    'Ticket {caseRef} (TSM): a lawyer is on the line — are you available to take the call? {evidence}',
  'dm-lawyer-callback':
    'Ticket {caseRef} ({brand}): lawyer contact; caller told a supervisor will call back ASAP. Assigned to you with a note (who/what/when/why). {evidence}',
  'dm-hb-manager': 'Ticket {caseRef} (HB): {reason} — please take a look; see the note. {evidence}',
  'dm-medical-question': 'Ticket {caseRef} ({brand}): medical question or objection for physician review — {evidence}',
  'dm-bank-call':
    'Ticket {caseRef}: a bank called about {customerName}; why they called and what was done are in the note. {evidence}',
  'dm-payments-owner':
    'Ticket {caseRef}: {reason} — caller contact details and the nature of the request are in the note. {evidence}',
  'dm-refund-attempt':
    'Ticket {caseRef} (TSM): Escalated Refund Attempt — {evidence}. Call sentiment, what was done and investigation results are in the note.',
  'adverse-event-post': 'Adverse event on ticket {caseRef} ({brand}): {evidence}. Adverse Event form to follow.',
} satisfies TPolicyPackInput['messages'];

export const LL_REPLY_CHECKS = [
  {
    id: FORBIDDEN_SUPERVISOR_LANGUAGE,
    requirementIds: ['LL-10'],
    kind: 'FORBIDDEN_PHRASE',
    phrases: SUPERVISOR_LANGUAGE_VARIANTS,
  },
] satisfies TPolicyPackInput['replyChecks'];
