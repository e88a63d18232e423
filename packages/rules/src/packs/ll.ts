/**
 * LL — escalated cases for two brands, TSM and HB (sops/ll-escalated-cases.txt), LL-1..LL-11.
 *
 * TSM escalations go to the TSM escalations lead (skill `tsm-escalations-lead`) with a direct
 * message; HB escalations go to the HB manager (skill `hb-manager`) or HB's own workflows.
 * Medical questions reach the medical reviewer, MID/gateway questions and stale refunds the
 * payments owner, adverse reactions the #adverse-events channel. Rules name roles and skills,
 * never people.
 *
 * TSM business hours (LL-7 "during the day/week") are a configurable default of this pack:
 * Mon–Fri 08:00–17:00 America/Denver, no holidays listed.
 */
import type { z } from 'zod';
import type { ZOutcome } from '../policy/pack-schema.js';
import type { TPolicyPackInput } from '../policy/parse-pack.js';
import {
  FORBIDDEN_SUPERVISOR_LANGUAGE,
  LL_MESSAGES,
  LL_REPLY_CHECKS,
  LL_SIGNAL_TRIGGERS,
  LL_TRIGGERS,
} from './ll-triggers.js';

const SOP = 'sops/ll-escalated-cases.txt';
const LEAD = 'tsm-escalations-lead';
const HB_MANAGER = 'hb-manager';
const TSM_ESCALATIONS = { team: 'tsm-escalations', queue: 'tsm-escalations' } as const;
const HB_ESCALATIONS = { team: 'hb-management', queue: 'hb-escalations' } as const;
const RELEVANT_NOTE = 'relevantDetails';
/** TSM: the ticket goes to the escalations lead, with a note and a direct message saying why. */
const TSM_LEAD_REVIEW = {
  target: TSM_ESCALATIONS,
  setStatus: 'ESCALATED',
  assignment: { strategy: 'DIRECT', skill: LEAD },
  notifications: [{ kind: 'DIRECT_MESSAGE', toRole: LEAD, template: 'dm-lead-review' }],
  requiredNoteFields: [RELEVANT_NOTE],
} satisfies z.input<typeof ZOutcome>;
const LAWYER_NOTE = ['who', 'what', 'when', 'why'];
const TSM = { type: 'field', field: 'brand', in: ['TSM'] } as const;
const HB = { type: 'field', field: 'brand', in: ['HB'] } as const;
const TSM_HOURS = { type: 'withinHours', calendar: 'tsm-business-hours' } as const;
const WEEKDAY_HOURS = [{ open: '08:00', close: '17:00' }];
const CALLBACK_SCRIPT =
  'Let the caller know you are escalating their request to your supervisor, who will be back in contact with them ASAP.';

export const llPolicyPack = {
  schemaVersion: 1,
  policyId: 'll',
  orgSlug: 'll',
  name: 'LL (TSM and HB)',
  version: 1,
  timeZone: 'America/Denver',
  brands: ['TSM', 'HB'],
  teams: [
    { slug: 'tsm-support', name: 'TSM Support', queues: [{ slug: 'tsm-support', name: 'TSM Support' }] },
    { slug: 'hb-support', name: 'HB Support', queues: [{ slug: 'hb-support', name: 'HB Support' }] },
    {
      slug: 'tsm-escalations',
      name: 'TSM Escalations',
      queues: [{ slug: 'tsm-escalations', name: 'TSM Escalations' }],
    },
    { slug: 'hb-management', name: 'HB Management', queues: [{ slug: 'hb-escalations', name: 'HB Escalations' }] },
    { slug: 'payments', name: 'Payments', queues: [{ slug: 'payments', name: 'Payments' }] },
    { slug: 'medical-review', name: 'Medical Review', queues: [{ slug: 'medical-review', name: 'Medical Review' }] },
  ],
  roles: [
    { slug: LEAD, name: 'TSM escalations lead', kind: 'skill' },
    { slug: 'medical-reviewer', name: 'Medical reviewer', kind: 'skill' },
    { slug: 'payments-owner', name: 'Payments and gateways owner', kind: 'skill' },
    { slug: HB_MANAGER, name: 'HB manager', kind: 'skill' },
  ],
  calendars: {
    'tsm-business-hours': {
      timeZone: 'America/Denver',
      weekly: { MON: WEEKDAY_HOURS, TUE: WEEKDAY_HOURS, WED: WEEKDAY_HOURS, THU: WEEKDAY_HOURS, FRI: WEEKDAY_HOURS },
      holidays: [],
    },
  },
  triggers: LL_TRIGGERS,
  signalTriggers: LL_SIGNAL_TRIGGERS,
  messages: LL_MESSAGES,
  replyChecks: LL_REPLY_CHECKS,
  rules: [
    {
      id: 'll-11.returned-to-tsm-support',
      requirementIds: ['LL-11'],
      title: 'Lead returned the ticket with a suggested path',
      description: 'The lead suggested ways to turn the customer around and returned the ticket to TSM support.',
      source: {
        file: SOP,
        quote:
          'This could be an approval for additional refunds, suggestions of ways you could turn this customer around, or she will take the ticket over and help them from there.',
      },
      priority: 990,
      when: { type: 'all', of: [{ type: 'flag', name: 'RETURNED_BY_LEAD' }, TSM] },
      outcome: {
        target: { team: 'tsm-support', queue: 'tsm-support' },
        setStatus: 'OPEN',
        // the ticket goes back to a TSM agent instead of staying with the lead
        assignment: { strategy: 'LEAST_LOADED', team: 'tsm-support' },
        guidance: ['Follow the lead’s suggestions on the ticket before escalating again.'],
      },
    },
    {
      id: 'll-11.returned-to-hb-support',
      requirementIds: ['LL-11'],
      title: 'Manager returned the ticket with a suggested path',
      description: 'The HB manager returned the ticket to HB support with a suggested path.',
      source: {
        file: SOP,
        quote:
          'This could be an approval for additional refunds, suggestions of ways you could turn this customer around, or she will take the ticket over and help them from there.',
      },
      priority: 985,
      when: { type: 'all', of: [{ type: 'flag', name: 'RETURNED_BY_LEAD' }, HB] },
      outcome: {
        target: { team: 'hb-support', queue: 'hb-support' },
        setStatus: 'OPEN',
        assignment: { strategy: 'LEAST_LOADED', team: 'hb-support' },
        guidance: ['Follow the manager’s suggestions on the ticket before escalating again.'],
      },
    },
    {
      id: 'll-7.lawyer-tsm-business-hours',
      requirementIds: ['LL-7', 'LL-1'],
      title: 'Lawyer on the line (TSM, business hours)',
      description: 'During TSM business hours, message the lead to see if they can take the lawyer’s call.',
      source: {
        file: SOP,
        quote: 'During the day/week - If TSM msg Elana to see if she is available to take the call.',
      },
      priority: 900,
      when: { type: 'all', of: [{ type: 'trigger', code: 'LAWYER_CONTACT' }, TSM, TSM_HOURS] },
      outcome: {
        target: TSM_ESCALATIONS,
        setStatus: 'ESCALATED',
        setPriority: 'HIGH',
        assignment: { strategy: 'DIRECT', skill: LEAD },
        availability: { calendar: 'tsm-business-hours', whenClosed: 'CALLBACK' },
        notifications: [{ kind: 'DIRECT_MESSAGE', toRole: LEAD, template: 'dm-lead-take-lawyer-call' }],
        requiredNoteFields: LAWYER_NOTE,
        guidance: ['Ask the lead to take the call; if the lead is not available, promise a supervisor callback.'],
      },
    },
    {
      id: 'll-7.lawyer-tsm-after-hours',
      requirementIds: ['LL-7', 'LL-1'],
      title: 'Lawyer contact (TSM, overnight or weekend)',
      description:
        'Outside TSM business hours: tell the caller a supervisor will call back, assign to the lead with a detailed note and a message.',
      source: {
        file: SOP,
        quote:
          "If HB or overnight/weekends - Let them know that you are escalating their request to your supervisor who will be back in contact with them ASAP! Assign this to Elana or MGR with a detailed note and message her in Slack with the who/what/when/why's of the situation.",
      },
      priority: 890,
      when: {
        type: 'all',
        of: [{ type: 'trigger', code: 'LAWYER_CONTACT' }, TSM, { type: 'not', condition: TSM_HOURS }],
      },
      outcome: {
        target: TSM_ESCALATIONS,
        setStatus: 'ESCALATED',
        setPriority: 'HIGH',
        assignment: { strategy: 'DIRECT', skill: LEAD },
        availability: { calendar: 'tsm-business-hours', whenClosed: 'CALLBACK' },
        notifications: [{ kind: 'DIRECT_MESSAGE', toRole: LEAD, template: 'dm-lawyer-callback' }],
        requiredNoteFields: LAWYER_NOTE,
        guidance: [CALLBACK_SCRIPT],
      },
    },
    {
      id: 'll-7.lawyer-hb',
      requirementIds: ['LL-7', 'LL-1'],
      title: 'Lawyer contact (HB)',
      description:
        'HB: tell the caller a supervisor will call back, assign to the manager with a detailed note and a message.',
      source: {
        file: SOP,
        quote:
          "If HB or overnight/weekends - Let them know that you are escalating their request to your supervisor who will be back in contact with them ASAP! Assign this to Elana or MGR with a detailed note and message her in Slack with the who/what/when/why's of the situation.",
      },
      priority: 880,
      when: { type: 'all', of: [{ type: 'trigger', code: 'LAWYER_CONTACT' }, HB] },
      outcome: {
        target: HB_ESCALATIONS,
        setStatus: 'ESCALATED',
        setPriority: 'HIGH',
        assignment: { strategy: 'DIRECT', skill: HB_MANAGER },
        notifications: [{ kind: 'DIRECT_MESSAGE', toRole: HB_MANAGER, template: 'dm-lawyer-callback' }],
        requiredNoteFields: LAWYER_NOTE,
        guidance: [CALLBACK_SCRIPT],
      },
    },
    {
      id: 'll-5.abusive-tsm',
      requirementIds: ['LL-5', 'LL-1'],
      title: 'Abusive individual (TSM)',
      description: 'TSM: assign to the lead for review, with a note and a direct message.',
      source: {
        file: SOP,
        quote:
          'If TSM, assign to Elana for review. The ticket should include a note of everything you feel is relevant. Also, send Elana a message in Slack saying you did so and why',
      },
      priority: 850,
      when: { type: 'all', of: [{ type: 'trigger', code: 'ABUSIVE_CUSTOMER' }, TSM] },
      outcome: TSM_LEAD_REVIEW,
    },
    {
      id: 'll-5.abusive-hb',
      requirementIds: ['LL-5', 'LL-1'],
      title: 'Abusive individual (HB)',
      description: 'HB: contact the manager.',
      source: { file: SOP, quote: 'Abusive individuals - If HB contact your manager.' },
      priority: 845,
      when: { type: 'all', of: [{ type: 'trigger', code: 'ABUSIVE_CUSTOMER' }, HB] },
      outcome: {
        target: HB_ESCALATIONS,
        setStatus: 'ESCALATED',
        assignment: { strategy: 'DIRECT', skill: HB_MANAGER },
        notifications: [{ kind: 'DIRECT_MESSAGE', toRole: HB_MANAGER, template: 'dm-hb-manager' }],
        requiredNoteFields: [RELEVANT_NOTE],
      },
    },
    {
      id: 'll-2.chargeback-tsm',
      requirementIds: ['LL-2', 'LL-1'],
      title: 'Chargeback threat (TSM)',
      description:
        'TSM: the lead reviews chargeback threats; note on the ticket and a direct message naming the ticket and why.',
      source: {
        file: SOP,
        quote:
          'TSM Chargeback threats - consult with Elana for review. The ticket should include a note of everything you feel is relevant. Also, send Elana a message in Slack saying you did so and why',
      },
      priority: 800,
      when: { type: 'all', of: [{ type: 'trigger', code: 'CHARGEBACK_THREAT' }, TSM] },
      outcome: TSM_LEAD_REVIEW,
    },
    {
      id: 'll-3.chargeback-hb',
      requirementIds: ['LL-3', 'LL-1'],
      title: 'Chargeback threat (HB)',
      description:
        'HB: apologize, cancel related orders and subscriptions, stop pending shipments, run the Chargeback Threats workflow, leave a note.',
      source: {
        file: SOP,
        quote:
          'Health Brand ChargeBack threats - Issue an apology for the customer complaint - cancel any orders or subscriptions related to the complaint and stop any shipments that are pending. Use the Chargeback Threats workflow.',
      },
      priority: 795,
      when: { type: 'all', of: [{ type: 'trigger', code: 'CHARGEBACK_THREAT' }, HB] },
      outcome: {
        target: HB_ESCALATIONS,
        setStatus: 'ESCALATED',
        requiredSteps: [
          { id: 'apologize', label: 'Issue an apology for the customer complaint' },
          { id: 'cancel-related-orders', label: 'Cancel any orders or subscriptions related to the complaint' },
          { id: 'stop-pending-shipments', label: 'Stop any shipments that are pending' },
          { id: 'chargeback-threats-workflow', label: 'Run the Chargeback Threats workflow' },
          { id: 'leave-note', label: 'Leave a note of everything relevant on the ticket' },
        ],
        requiredNoteFields: [RELEVANT_NOTE],
      },
    },
    {
      id: 'll-10.refund-threshold-tsm',
      requirementIds: ['LL-10', 'LL-11', 'LL-1'],
      title: 'Escalated Refund Attempt (TSM)',
      description:
        'A TSM refund ask above the threshold is an Escalated Refund Attempt: assigned to the lead, who decides; note with call sentiment and investigation results.',
      source: {
        file: SOP,
        quote: 'you will answer the “Escalated Refund Attempt” as Y, which will assign that ticket to Elana.',
      },
      priority: 780,
      when: { type: 'all', of: [{ type: 'trigger', code: 'REFUND_THRESHOLD' }, TSM] },
      outcome: {
        target: TSM_ESCALATIONS,
        setStatus: 'ESCALATED',
        // answering Y assigns the ticket to the lead at once; the lead's review comes after (LL-11)
        assignment: { strategy: 'DIRECT', skill: LEAD },
        notifications: [{ kind: 'DIRECT_MESSAGE', toRole: LEAD, template: 'dm-refund-attempt' }],
        requiredSteps: [{ id: 'escalated-refund-attempt', label: 'Answer "Escalated Refund Attempt" as Y' }],
        requiredNoteFields: ['callSentiment', 'investigationResults'],
        replyChecks: [FORBIDDEN_SUPERVISOR_LANGUAGE],
        guidance: [
          'Note how the call went (calm, upset, open to negotiation) and your investigation results (site activity, email details).',
          'Do not tell the customer you have "worked this to the best of your abilities and escalated to a supervisor".',
          'The lead decides: approve additional refunds, suggest ways to turn the customer around, or take the ticket over.',
        ],
      },
    },
    {
      id: 'll-4.review-threat-tsm',
      requirementIds: ['LL-4', 'LL-1'],
      title: 'Bad review or BBB threat (TSM)',
      description: 'TSM: consult the lead, with a note and a direct message saying why.',
      source: {
        file: SOP,
        quote: '(If TSM consult with Elana) also send Elana a message in Slack saying you did so and why',
      },
      priority: 760,
      when: { type: 'all', of: [{ type: 'trigger', code: 'REVIEW_THREAT' }, TSM] },
      outcome: TSM_LEAD_REVIEW,
    },
    {
      id: 'll-4.review-threat-hb',
      requirementIds: ['LL-4', 'LL-1'],
      title: 'Bad review or BBB threat (HB)',
      description: 'HB: run the escalation workflow, with a note.',
      source: { file: SOP, quote: 'Threats of bad reviews or BBB - if HB run the escalation workflow.' },
      priority: 755,
      when: { type: 'all', of: [{ type: 'trigger', code: 'REVIEW_THREAT' }, HB] },
      outcome: {
        target: HB_ESCALATIONS,
        setStatus: 'ESCALATED',
        requiredSteps: [{ id: 'hb-escalation-workflow', label: 'Run the HB escalation workflow' }],
        requiredNoteFields: [RELEVANT_NOTE],
      },
    },
    {
      id: 'll-6.medical-question',
      requirementIds: ['LL-6', 'LL-1'],
      title: 'Medical question for a physician',
      description: 'Message the lead and the medical reviewer with the ticket number and the question.',
      source: {
        file: SOP,
        quote: 'Send Elana and Lori a message with the ticket number and what their question or concern is regarding.',
      },
      priority: 700,
      when: { type: 'trigger', code: 'MEDICAL_QUESTION' },
      outcome: {
        target: { team: 'medical-review', queue: 'medical-review' },
        setStatus: 'ESCALATED',
        assignment: { strategy: 'DIRECT', skill: 'medical-reviewer' },
        notifications: [
          { kind: 'DIRECT_MESSAGE', toRole: LEAD, template: 'dm-medical-question' },
          { kind: 'DIRECT_MESSAGE', toRole: 'medical-reviewer', template: 'dm-medical-question' },
        ],
        requiredNoteFields: ['medicalQuestion'],
      },
    },
    {
      id: 'll-8.payments-owner',
      requirementIds: ['LL-8', 'LL-1'],
      title: 'MID/gateway question or refund older than 14 days',
      description: 'Message the payments owner with who called, their contact details and the request.',
      source: {
        file: SOP,
        quote:
          "If it's a MID question or something related to our gateways in general, send Stacy a message in Slack. Include who called and any contact information from them you gathered and the nature of their request.",
      },
      priority: 650,
      when: {
        type: 'any',
        of: [
          { type: 'trigger', code: 'll:GATEWAY_QUESTION' },
          { type: 'trigger', code: 'STALE_REFUND' },
        ],
      },
      outcome: {
        target: { team: 'payments', queue: 'payments' },
        setStatus: 'ESCALATED',
        assignment: { strategy: 'DIRECT', skill: 'payments-owner' },
        notifications: [{ kind: 'DIRECT_MESSAGE', toRole: 'payments-owner', template: 'dm-payments-owner' }],
        requiredNoteFields: ['callerName', 'callerContact', 'request'],
      },
    },
    {
      id: 'll-8.bank-call',
      requirementIds: ['LL-8', 'LL-1'],
      title: 'A bank called',
      description:
        'A bank called (with or without the customer): message the lead why, for which customer, and what was done.',
      source: {
        file: SOP,
        quote:
          'If it was a bank calling in (with or without the customer on the line) send Elana a message in Slack. Include why they called and for which customer, and what you did to help.',
      },
      priority: 640,
      when: {
        type: 'all',
        of: [
          { type: 'trigger', code: 'FINANCIAL_INSTITUTION_CONTACT' },
          { type: 'not', condition: { type: 'trigger', code: 'll:GATEWAY_QUESTION' } },
        ],
      },
      outcome: {
        notifications: [{ kind: 'DIRECT_MESSAGE', toRole: LEAD, template: 'dm-bank-call' }],
        requiredNoteFields: ['callReason', 'customer', 'actionsTaken'],
      },
    },
    {
      id: 'll-1.brand-needed',
      requirementIds: ['LL-1'],
      title: 'Brand needed to route',
      description:
        'Chargeback, abuse, review, lawyer and refund escalations follow the brand’s own path: the case needs its brand (TSM or HB) first.',
      source: {
        file: SOP,
        quote: 'Abusive individuals - If HB contact your manager. If TSM, assign to Elana for review.',
      },
      priority: 50,
      when: {
        type: 'all',
        of: [
          {
            type: 'any',
            of: ['CHARGEBACK_THREAT', 'ABUSIVE_CUSTOMER', 'REVIEW_THREAT', 'LAWYER_CONTACT', 'REFUND_THRESHOLD'].map(
              (code) => ({ type: 'trigger', code }) as const,
            ),
          },
          { type: 'not', condition: { type: 'field', field: 'brand', in: ['TSM', 'HB'] } },
        ],
      },
      outcome: {
        guidance: ['Set the case’s brand (TSM or HB) and route again: TSM and HB handle this escalation differently.'],
      },
    },
    {
      id: 'll-9.adverse-reaction',
      requirementIds: ['LL-9', 'LL-1'],
      title: 'Adverse reaction with medical treatment',
      description: 'Post the adverse reaction to the adverse-events channel and complete the Adverse Event form.',
      source: {
        file: SOP,
        quote:
          "If it's an Adverse Reaction where a customer sought medical attention that needs to be escalated, add to Adverse Events slack channel.",
      },
      priority: 600,
      when: { type: 'trigger', code: 'ADVERSE_REACTION' },
      outcome: {
        notifications: [{ kind: 'CHANNEL_POST', channel: '#adverse-events', template: 'adverse-event-post' }],
        requiredSteps: [
          {
            id: 'adverse-event-form',
            label: 'Complete the Adverse Event form; it says whether the entry needs escalating',
          },
        ],
      },
    },
  ],
} satisfies TPolicyPackInput;
