/**
 * TONAL — escalation routes (sops/tonal-escalation-routes.txt), TON-1..TON-8.
 *
 * Each team owns one queue (TON-3). Every escalation needs a HIP note with four fields before
 * the queue changes (TON-4) and follows note → queue → status Open → priority (TON-5).
 * Priority follows context and sentiment (TON-8): High by default, Urgent when the member is
 * upset or the case is time-sensitive, Critical for health, safety and legal issues.
 */
import type { TPolicyPackInput } from '../policy/parse-pack.js';

const SOP = 'sops/tonal-escalation-routes.txt';
const HIP_NOTE_FIELDS = ['reason', 'stepsTaken', 'offersMade', 'helpNeeded'];
const ESCALATION_STEPS = ['NOTE', 'QUEUE', 'STATUS_OPEN', 'PRIORITY'] as const;
const ESCALATION_TRIGGERS = [
  { type: 'trigger', code: 'SUPERVISOR_REQUEST' },
  { type: 'trigger', code: 'HEALTH_SAFETY' },
  { type: 'trigger', code: 'LEGAL_THREAT' },
  { type: 'trigger', code: 'REPEAT_RMA' },
  { type: 'trigger', code: 'tonal:TIME_SENSITIVE' },
];

export const tonalPolicyPack = {
  schemaVersion: 1,
  policyId: 'tonal',
  orgSlug: 'tonal',
  name: 'Tonal',
  version: 1,
  timeZone: 'America/Los_Angeles',
  teams: [
    {
      slug: 'support-staff',
      name: 'Support Staff (supervisors and managers)',
      queues: [{ slug: 'supervisor-escalations', name: 'Supervisor Escalations' }],
    },
    {
      slug: 'safety-legal',
      name: 'Health, Safety & Legal',
      queues: [{ slug: 'safety-legal-escalations', name: 'Health, Safety & Legal Escalations' }],
    },
    {
      slug: 'returns',
      name: 'Returns & RMA',
      queues: [{ slug: 'rma-escalations', name: 'RMA Escalations' }],
    },
    {
      slug: 'member-experience',
      name: 'Member Experience',
      queues: [{ slug: 'urgent-escalations', name: 'Urgent Escalations' }],
    },
  ],
  roles: [{ slug: 'support-staff', name: 'Support Staff on duty (Basecamp / Slack)', kind: 'skill' }],
  calendars: {},
  triggers: {
    canonical: ['SUPERVISOR_REQUEST', 'HEALTH_SAFETY', 'LEGAL_THREAT', 'REPEAT_RMA'],
    extensions: [
      {
        code: 'tonal:TIME_SENSITIVE',
        detectorId: 'tonal.time-sensitive',
        description: 'the member says the matter cannot wait (urgent, time-sensitive, today)',
        cues: [
          { id: 'urgent', patterns: ['urgent|urgently|asap', 'time sensitive', 'right away'] },
          {
            id: 'deadline',
            patterns: [
              '(need|needs) _{0,3} (today|tonight|immediately)',
              '(need|needs) _{0,4} by (today|tonight|tomorrow)',
            ],
          },
        ],
      },
    ],
  },
  signalTriggers: [
    {
      id: 'ton-7.rma-count',
      code: 'REPEAT_RMA',
      description: 'two or more RMAs on the member',
      source: { file: SOP, quote: 'If the Member has had 2+ RMAs, ESCALATE!' },
      when: { type: 'signal', name: 'rmaCount', op: 'gte', value: 2 },
      evidence: 'rmaCount',
    },
    {
      id: 'ton-6.flag-health-safety',
      code: 'HEALTH_SAFETY',
      description: 'the agent flagged a health or safety issue',
      source: {
        file: SOP,
        quote: 'Immediately flag any Health, Safety, Legal issues to your Support Staff live in BC.',
      },
      when: { type: 'flag', name: 'HEALTH_SAFETY' },
      evidence: 'flag:HEALTH_SAFETY',
    },
    {
      id: 'ton-2.flag-urgent',
      code: 'tonal:TIME_SENSITIVE',
      description: 'the agent flagged the case as time-sensitive or urgent',
      source: { file: SOP, quote: 'All time-sensitive and urgent cases should be handed over to Support Staff' },
      when: { type: 'flag', name: 'TIME_SENSITIVE' },
      evidence: 'flag:TIME_SENSITIVE',
    },
  ],
  messages: {
    'live-supervisor': '{caseRef}: member asks for a supervisor/manager — please take it now. {evidence}',
    'live-urgent': '{caseRef}: time-sensitive case handed over live — {evidence}',
    'live-safety-legal': '{caseRef}: {reason} — flagged live for immediate action. {evidence}',
  },
  replyChecks: [],
  rules: [
    {
      id: 'ton-1.supervisor-request',
      requirementIds: ['TON-1'],
      title: 'Supervisor/manager requested',
      description: 'A supervisor or manager request escalates at once, no questions asked.',
      source: {
        file: SOP,
        quote:
          'If a Customer or Member requests to speak with a supervisor/manager, we get them a supervisor/manager right away. No questions asked.',
      },
      priority: 900,
      when: { type: 'trigger', code: 'SUPERVISOR_REQUEST' },
      outcome: {
        target: { team: 'support-staff', queue: 'supervisor-escalations' },
        setStatus: 'OPEN',
        assignment: { strategy: 'DIRECT', skill: 'support-staff' },
        notifications: [{ kind: 'LIVE_ALERT', toRole: 'support-staff', template: 'live-supervisor' }],
        guidance: ['Get the member a supervisor/manager right away. No questions asked.'],
      },
    },
    {
      id: 'ton-6.health-safety-legal',
      requirementIds: ['TON-6', 'TON-8'],
      title: 'Health, safety or legal issue',
      description: 'Health, safety and legal issues go to the safety/legal queue, flagged live at once, Critical.',
      source: {
        file: SOP,
        quote: 'Immediately flag any Health, Safety, Legal issues to your Support Staff live in BC.',
      },
      priority: 950,
      when: {
        type: 'any',
        of: [
          { type: 'trigger', code: 'HEALTH_SAFETY' },
          { type: 'trigger', code: 'LEGAL_THREAT' },
        ],
      },
      outcome: {
        target: { team: 'safety-legal', queue: 'safety-legal-escalations' },
        setStatus: 'OPEN',
        setPriority: 'CRITICAL',
        notifications: [{ kind: 'LIVE_ALERT', toRole: 'support-staff', template: 'live-safety-legal' }],
      },
    },
    {
      id: 'ton-2.time-sensitive',
      requirementIds: ['TON-2', 'TON-8'],
      title: 'Time-sensitive or urgent case',
      description: 'Urgent cases are handed to Support Staff live, not only queued.',
      source: {
        file: SOP,
        quote:
          'All time-sensitive and urgent cases should be handed over to Support Staff, live in Basecamp or via a phone call.',
      },
      priority: 600,
      when: { type: 'trigger', code: 'tonal:TIME_SENSITIVE' },
      outcome: {
        target: { team: 'member-experience', queue: 'urgent-escalations' },
        setStatus: 'OPEN',
        setPriority: 'URGENT',
        notifications: [{ kind: 'LIVE_ALERT', toRole: 'support-staff', template: 'live-urgent' }],
      },
    },
    {
      id: 'ton-7.repeat-rma',
      requirementIds: ['TON-7', 'TON-3'],
      title: 'Member with 2+ RMAs',
      description: 'A member with two or more RMAs escalates to the returns team queue.',
      source: { file: SOP, quote: 'If the Member has had 2+ RMAs, ESCALATE!' },
      priority: 500,
      when: { type: 'trigger', code: 'REPEAT_RMA' },
      outcome: {
        target: { team: 'returns', queue: 'rma-escalations' },
        setStatus: 'OPEN',
      },
    },
    {
      id: 'ton-8.upset-member',
      requirementIds: ['TON-8'],
      title: 'Upset member',
      description: 'A clearly negative sentiment raises an escalation to Urgent.',
      source: {
        file: SOP,
        quote:
          'use your judgment and the context of the Customer/Member’s sentiment to identify the priority for each case',
      },
      priority: 800,
      when: {
        type: 'all',
        of: [
          { type: 'signal', name: 'sentiment', op: 'lte', value: -0.5 },
          { type: 'any', of: ESCALATION_TRIGGERS },
        ],
      },
      outcome: { setPriority: 'URGENT' },
    },
    {
      id: 'ton-4-5.escalation-steps',
      requirementIds: ['TON-4', 'TON-5', 'TON-8'],
      title: 'Escalation steps',
      description:
        'Every escalation: HIP note with reason, steps taken, offers made, help needed BEFORE the queue change; then queue, status Open, priority (High unless raised).',
      source: {
        file: SOP,
        quote:
          'Ensure that all necessary details are included; reason for escalation, steps taken, any offers/discounts made, and help needed from the next team.',
      },
      priority: 100,
      when: { type: 'any', of: ESCALATION_TRIGGERS },
      outcome: {
        setPriority: 'HIGH',
        requiredNoteFields: HIP_NOTE_FIELDS,
        stepOrder: [...ESCALATION_STEPS],
        guidance: ['Leave a HIP note (Quick Text: Escalations) before changing the queue.'],
      },
    },
  ],
} satisfies TPolicyPackInput;
