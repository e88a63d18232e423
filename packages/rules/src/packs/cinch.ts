/**
 * CINCH — home warranty escalation tiers (sops/cinch-customer-service-escalations.txt),
 * CIN-1..CIN-10.
 *
 * Tier 1 supervisors take the everyday situations (CIN-1). Tier 2 takes the serious ones, but
 * only after a supervisor approves (CIN-2), and only in Tier 2 hours (CIN-3): outside them the
 * case waits for the next opening and its SLA counts business minutes only.
 */
import type { TPolicyPackInput } from '../policy/parse-pack.js';

const SOP = 'sops/cinch-customer-service-escalations.txt';

const TIER1_TRIGGERS = [
  'SERVICE_DELAY',
  'PROVIDER_DELAY',
  'CLAIM_DISPUTE',
  'REPLACEMENT_DISPUTE',
  'COVERAGE_DENIAL',
  'UNAUTHORIZED_WORK',
] as const;
const TIER2_TRIGGERS = [
  'EXECUTIVE_REQUEST',
  'REPEAT_ESCALATION',
  'LEGAL_THREAT',
  'MEDIA_THREAT',
  'REVIEW_THREAT',
  'PROPERTY_DAMAGE',
  'SOS_HIGH_RISK',
] as const;

/** Assumed Tier 2 response target; the SOP names hours, not a response time. */
const TIER2_SLA_BUSINESS_MINUTES = 240;

export const cinchPolicyPack = {
  schemaVersion: 1,
  policyId: 'cinch',
  orgSlug: 'cinch',
  name: 'Cinch Home Services',
  version: 1,
  timeZone: 'America/New_York',
  teams: [
    {
      slug: 'tier1-supervisors',
      name: 'CS Supervisors / Tier 1',
      queues: [
        { slug: 'tier1-supervisor-escalations', name: 'Tier 1 Supervisor Escalations' },
        { slug: 'callback-exceptions', name: 'Callback Exceptions' },
      ],
    },
    { slug: 'tier2', name: 'Tier 2 Escalations', queues: [{ slug: 'tier2-escalations', name: 'Tier 2 Escalations' }] },
    { slug: 'tier3', name: 'Tier 3', queues: [{ slug: 't3-backlog', name: 'T3 Backlog' }] },
    { slug: 'bbb-social', name: 'BBB & Social Media', queues: [] },
    {
      slug: 'executive-escalations',
      name: 'Executive Escalations',
      queues: [{ slug: 'executive-escalations', name: 'Executive Escalations' }],
    },
    { slug: 'dispatch', name: 'Dispatch Case Management', queues: [{ slug: 'dispatch', name: 'Dispatch' }] },
    { slug: 'purchasing', name: 'Purchasing', queues: [] },
  ],
  roles: [
    { slug: 'executive-escalations-owner', name: 'Executive Escalations owner', kind: 'skill' },
    { slug: 'executive-escalations-inbox', name: 'Executive Escalations email inbox', kind: 'role' },
  ],
  calendars: {
    tier2: {
      timeZone: 'America/New_York',
      weekly: {
        MON: [{ open: '08:00', close: '21:00' }],
        TUE: [{ open: '08:00', close: '21:00' }],
        WED: [{ open: '08:00', close: '21:00' }],
        THU: [{ open: '08:00', close: '21:00' }],
        FRI: [{ open: '08:00', close: '21:00' }],
        SAT: [{ open: '08:00', close: '16:30' }],
      },
      holidays: [],
    },
  },
  triggers: {
    canonical: ['SUPERVISOR_REQUEST', ...TIER1_TRIGGERS, ...TIER2_TRIGGERS],
    extensions: [
      {
        code: 'cinch:EXECUTIVE_CALLBACK',
        detectorId: 'cinch.executive-callback',
        description: 'the customer asks to be called back by an executive',
        cues: [
          {
            id: 'callback-from-executive',
            patterns: [
              '(call|calls|callback) _{0,4} from _{0,2} (ceo|president|executive|executives|exec)',
              '(ceo|president|executive|exec) _{0,3} (call|calls) me back',
              '(ceo|president|executive|exec) _{0,3} callback',
            ],
          },
        ],
      },
    ],
  },
  signalTriggers: [
    {
      id: 'cin-2.flag-sos-high-risk',
      code: 'SOS_HIGH_RISK',
      description: 'the agent flagged an SOS high-risk situation',
      source: { file: SOP, quote: '- SOS High Risk Escalations' },
      when: { type: 'flag', name: 'SOS_HIGH_RISK' },
      evidence: 'flag:SOS_HIGH_RISK',
    },
    {
      id: 'cin-2.flag-property-damage',
      code: 'PROPERTY_DAMAGE',
      description: 'the agent flagged property damage with no response from the service provider',
      source: {
        file: SOP,
        quote: 'Customer has experienced property damage and has had no response from our Service Provider.',
      },
      when: { type: 'flag', name: 'PROPERTY_DAMAGE_NO_PROVIDER_RESPONSE' },
      evidence: 'flag:PROPERTY_DAMAGE_NO_PROVIDER_RESPONSE',
    },
    {
      id: 'cin-8.flag-executive-callback',
      code: 'cinch:EXECUTIVE_CALLBACK',
      description: 'the agent recorded an executive callback request',
      source: {
        file: SOP,
        quote: 'An Executive Escalation is created when a customer requests a call back from a Cinch Executive.',
      },
      when: { type: 'flag', name: 'EXECUTIVE_CALLBACK_REQUESTED' },
      evidence: 'flag:EXECUTIVE_CALLBACK_REQUESTED',
    },
    {
      id: 'cin-9.job-needs-dispatch',
      code: 'cinch:DISPATCH_NEEDED',
      description: 'the job was Rejected, Expired or sent to Procure Vendor',
      source: { file: SOP, quote: 'These are jobs that are Rejected, Expired, or assigned to Procure Vendor.' },
      when: { type: 'field', field: 'jobStatus', in: ['REJECTED', 'EXPIRED', 'PROCURE_VENDOR'] },
      evidence: 'jobStatus',
    },
  ],
  messages: {
    'executive-escalation-email':
      'Executive escalation {caseRef}: {customerName} requests a call back from a Cinch executive. {evidence}',
  },
  replyChecks: [],
  rules: [
    {
      id: 'cin-1.tier1-situations',
      requirementIds: ['CIN-1'],
      title: 'Tier 1 supervisor situation',
      description:
        'Service or provider delays, claim/replacement disputes, coverage denials and unauthorized work go to a Tier 1 supervisor.',
      source: { file: SOP, quote: 'Escalated Situations Handled By CS Supervisors/Tier 1' },
      priority: 300,
      when: { type: 'any', of: TIER1_TRIGGERS.map((code) => ({ type: 'trigger', code })) },
      outcome: {
        target: { tier: 'TIER1', team: 'tier1-supervisors', queue: 'tier1-supervisor-escalations' },
        setStatus: 'ESCALATED',
        assignment: { strategy: 'LEAST_LOADED', team: 'tier1-supervisors' },
        requiredNoteFields: ['finalComments'],
      },
    },
    {
      id: 'cin-1.supervisor-request',
      requirementIds: ['CIN-1'],
      title: 'Supervisor requested',
      description: 'A customer who asks for a supervisor gets the direct or any available Tier 1 supervisor.',
      source: {
        file: SOP,
        quote: 'Always reach out to your direct supervisor or any available supervisor for Tier 1 assistance.',
      },
      priority: 310,
      when: { type: 'trigger', code: 'SUPERVISOR_REQUEST' },
      outcome: {
        target: { tier: 'TIER1', team: 'tier1-supervisors', queue: 'tier1-supervisor-escalations' },
        setStatus: 'ESCALATED',
        assignment: { strategy: 'LEAST_LOADED', team: 'tier1-supervisors' },
        requiredNoteFields: ['finalComments'],
      },
    },
    {
      id: 'cin-2.tier2-situations',
      requirementIds: ['CIN-2', 'CIN-3'],
      title: 'Tier 2 situation (supervisor approval first)',
      description:
        'Executive requests, repeat escalations, legal/media/review threats, unanswered property damage and SOS high risk go to Tier 2 after a supervisor approves, within Tier 2 hours.',
      source: {
        file: SOP,
        quote:
          'If any of the following situations occur, reach out to a Supervisor to advise of the issue and receive permission to contact Tier 2.',
      },
      priority: 600,
      when: { type: 'any', of: TIER2_TRIGGERS.map((code) => ({ type: 'trigger', code })) },
      outcome: {
        target: { tier: 'TIER2', team: 'tier2', queue: 'tier2-escalations' },
        setStatus: 'ESCALATED',
        approval: {
          approverRole: 'tier1_supervisor',
          reason: 'A supervisor must approve before Tier 2 is contacted',
          waivedWhen: { type: 'signal', name: 'supervisorApproved', op: 'eq', value: true },
        },
        assignment: { strategy: 'LEAST_LOADED', team: 'tier2' },
        availability: { calendar: 'tier2', whenClosed: 'WAIT_FOR_OPENING' },
        sla: { calendar: 'tier2', businessMinutes: TIER2_SLA_BUSINESS_MINUTES },
        requiredNoteFields: ['finalComments'],
      },
    },
    {
      id: 'cin-2.sos-high-risk-priority',
      requirementIds: ['CIN-2'],
      title: 'SOS high risk',
      description: 'SOS high-risk situations are Critical.',
      source: { file: SOP, quote: '- SOS High Risk Escalations' },
      priority: 650,
      when: { type: 'trigger', code: 'SOS_HIGH_RISK' },
      outcome: { setPriority: 'CRITICAL' },
    },
    {
      id: 'cin-4.callback-exception',
      requirementIds: ['CIN-4'],
      title: 'Callback exception granted',
      description: 'A supervisor granted a callback exception: queue the callback and record it in the final comments.',
      source: {
        file: SOP,
        quote: 'they may give you permission to enter a CallBack exception',
      },
      priority: 700,
      when: { type: 'flag', name: 'CALLBACK_EXCEPTION_GRANTED' },
      outcome: {
        target: { tier: 'TIER1', team: 'tier1-supervisors', queue: 'callback-exceptions' },
        setStatus: 'WAITING_ON_CUSTOMER',
        assignment: { strategy: 'LEAST_LOADED', team: 'tier1-supervisors' },
        requiredNoteFields: ['finalComments'],
        requiredSteps: [
          {
            id: 'record-callback-exception',
            label: 'Notate the callback exception in the final comments of the Service Request',
          },
        ],
      },
    },
    {
      id: 'cin-5.refusal-script',
      requirementIds: ['CIN-5'],
      title: 'Customer refuses to give information',
      description: 'Show the suggested script when the customer refuses to give information.',
      source: { file: SOP, quote: 'Suggested script if customer refuses to give info' },
      priority: 200,
      when: { type: 'flag', name: 'CUSTOMER_REFUSES_INFO' },
      outcome: {
        guidance: [
          '"[customer name] I understand your concern and would like to get some information and understand your situation before I contact a supervisor."',
          '"[customer name] IF you allow me the opportunity to access your service job, THEN I can review the status AND see if I can answer questions OR advise my supervisor of the situation."',
        ],
      },
    },
    {
      id: 'cin-6.bbb-social-task',
      requirementIds: ['CIN-6'],
      title: 'BBB / social media escalation task',
      description: 'BBB and social-media escalations become tasks assigned to individual associates.',
      source: {
        file: SOP,
        quote:
          'BBB and Social Media Escalations are created as manual tasks within Zoho and assigned to individual associates within each team.',
      },
      priority: 400,
      when: { type: 'trigger', code: 'REVIEW_THREAT' },
      outcome: {
        tasks: [
          {
            kind: 'BBB',
            title: 'BBB / social media escalation',
            team: 'bbb-social',
            assignment: { strategy: 'ROUND_ROBIN', team: 'bbb-social' },
          },
        ],
      },
    },
    {
      id: 'cin-7.tier3-backlog',
      requirementIds: ['CIN-7'],
      title: 'Tier 3 task from Tier 2',
      description: 'Tier 2 sends the case to the T3 backlog; tasks are assigned randomly to Tier 3 associates.',
      source: { file: SOP, quote: 'T3 tasks will be assigned randomly to T3 Associates using an automatic' },
      priority: 500,
      when: {
        type: 'all',
        of: [
          { type: 'field', field: 'tier', in: ['TIER2'] },
          { type: 'flag', name: 'TIER3_NEEDED' },
        ],
      },
      outcome: {
        target: { tier: 'TIER3', team: 'tier3', queue: 't3-backlog' },
        setStatus: 'ESCALATED',
        assignment: { strategy: 'RANDOM', team: 'tier3' },
        tasks: [
          {
            kind: 'TIER3_BACKLOG',
            title: 'Tier 3 task',
            team: 'tier3',
            assignment: { strategy: 'RANDOM', team: 'tier3' },
          },
        ],
      },
    },
    {
      id: 'cin-8.executive-callback',
      requirementIds: ['CIN-8'],
      title: 'Executive callback requested',
      description:
        'An executive callback request is a case assigned directly to the executive escalations owner, with an email to the inbox.',
      source: {
        file: SOP,
        quote: 'Direct Assignment is utilized to assign the Executive Escalation to',
      },
      priority: 800,
      when: { type: 'trigger', code: 'cinch:EXECUTIVE_CALLBACK' },
      outcome: {
        target: { team: 'executive-escalations', queue: 'executive-escalations' },
        setStatus: 'ESCALATED',
        assignment: { strategy: 'DIRECT', skill: 'executive-escalations-owner' },
        notifications: [
          {
            kind: 'EMAIL',
            template: 'executive-escalation-email',
            to: 'executive-escalations-inbox',
          },
        ],
        tasks: [
          {
            kind: 'EXECUTIVE_CALLBACK',
            title: 'Executive callback',
            team: 'executive-escalations',
            assignment: { strategy: 'DIRECT', skill: 'executive-escalations-owner' },
          },
        ],
      },
    },
    {
      id: 'cin-9.dispatch-task',
      requirementIds: ['CIN-9'],
      title: 'Job needs dispatch',
      description: 'A Rejected, Expired or Procure Vendor job creates a dispatch task for the Dispatch team.',
      source: {
        file: SOP,
        quote: 'Dispatch Case Management Tasks are automatically created in Zoho when a job is assigned to Dispatch.',
      },
      priority: 450,
      when: { type: 'trigger', code: 'cinch:DISPATCH_NEEDED' },
      outcome: {
        target: { team: 'dispatch', queue: 'dispatch' },
        assignment: { strategy: 'ROUND_ROBIN', team: 'dispatch' },
        tasks: [
          {
            kind: 'DISPATCH',
            title: 'Dispatch case management',
            team: 'dispatch',
            assignment: { strategy: 'ROUND_ROBIN', team: 'dispatch' },
          },
        ],
      },
    },
    {
      id: 'cin-10.purchasing-request',
      requirementIds: ['CIN-10'],
      title: 'Information needed from Purchasing',
      description: 'The purchasing escalation form asks Purchasing for what the job needs, with required fields.',
      source: {
        file: SOP,
        quote:
          'The Purchasing Escalations Form is used by the Escalations Department primarily when an order has been submitted and additional information is needed from the Purchasing Department',
      },
      priority: 250,
      when: { type: 'flag', name: 'PURCHASING_INFO_NEEDED' },
      outcome: {
        tasks: [
          {
            kind: 'PURCHASING_REQUEST',
            title: 'Purchasing escalation form',
            team: 'purchasing',
            requiredFields: [
              'serviceRequestNumber',
              'jobNumber',
              'orderNumber',
              'itemDescription',
              'informationNeeded',
            ],
          },
        ],
      },
    },
  ],
} satisfies TPolicyPackInput;
