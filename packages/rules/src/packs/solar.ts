/**
 * SOLAR — resolution escalations (sops/solar-resolution-escalations.txt), SOL-1..SOL-9.
 *
 * Agents never offer escalation (SOL-1). When the customer asks and the concern qualifies for
 * additional review, a resolution escalation case is created with the SOL-4 fields and assigned
 * to a resolution specialist (SOL-5). A customer who waits gets the documentation-request email
 * (SOL-3); one who refuses is warm-transferred to the Resolution Lead skill, or to voicemail
 * (SOL-7). Facts the API supplies as agent flags or signal values:
 * - flags CUSTOMER_REQUESTED_ESCALATION, QUALIFIES_FOR_RESOLUTION_REVIEW, CUSTOMER_AGREES_TO_WAIT,
 *   CUSTOMER_REFUSES_TO_WAIT, RESOLUTION_ASSIGNMENT_REJECTED / _RETURNED,
 *   SUPPORTING_DOCUMENTS_RECEIVED, RECORDING_REQUESTED;
 * - `values.resolutionLeadAvailable` — someone is available under the Resolution Lead skill now;
 * - `values.recordingAgeDays` — age of the interaction recording asked for (SOL-9).
 */
import type { TPolicyPackInput } from '../policy/parse-pack.js';

const SOP = 'sops/solar-resolution-escalations.txt';
const UNPROMPTED_OFFER_CHECK = 'sol-1-unprompted-escalation-offer';
const RESOLUTION = { team: 'resolution', queue: 'resolution-escalations' } as const;
const ASKED_TO_ESCALATE = {
  type: 'any',
  of: [
    { type: 'trigger', code: 'SUPERVISOR_REQUEST' },
    { type: 'trigger', code: 'solar:ESCALATION_REQUEST' },
  ],
} as const;
const QUALIFIES = { type: 'trigger', code: 'solar:QUALIFIES_FOR_REVIEW' } as const;
const TRANSFER_NOTICE = {
  id: 'explain-transfer',
  label:
    'Explain that you will transfer the call and, if no one is available, they will be prompted to leave a voicemail',
};

/** SOL-4: what the resolution escalation case must carry (supporting documents are optional). */
export const RESOLUTION_ESCALATION_FIELDS = [
  'primaryReason',
  'detailedDescription',
  'installerPointOfView',
  'interactionId',
  'concernType',
  'redFlags',
  'otherConcerns',
  'voiceMatch',
  'certificateOfCompletionReviewed',
] as const;

/** SOL-9: recordings older than this many days are for resolution specialists only. */
export const RECORDING_AGE_LIMIT_DAYS = 90;

/** SOL-3: the email that asks the customer for supporting documentation. */
export const DOCUMENTATION_REQUEST_EMAIL = {
  id: 'documentation-request',
  subject: 'Supporting documentation for your escalated concern',
  body: [
    'Hi {customerName},',
    '',
    'Thank you for agreeing to wait while we review your concern ({caseRef}).',
    'To complete the review, please reply to this email with the supporting documentation you have:',
    '- your agreement and any documents the installer or sales representative gave you;',
    '- photos, messages or emails that show the issue;',
    '- anything else you would like the resolution team to consider.',
    '',
    'Our resolution team will review your case as soon as the documents arrive.',
  ].join('\n'),
} as const;

export const solarPolicyPack = {
  schemaVersion: 1,
  policyId: 'solar',
  orgSlug: 'solar',
  name: 'Solar',
  version: 1,
  timeZone: 'America/Denver',
  teams: [
    { slug: 'customer-care', name: 'Customer Care', queues: [{ slug: 'customer-care', name: 'Customer Care' }] },
    {
      slug: 'back-office',
      name: 'Back Office Support',
      queues: [{ slug: 'back-office', name: 'Back Office Documents' }],
    },
    {
      slug: 'resolution',
      name: 'Resolution',
      queues: [{ slug: 'resolution-escalations', name: 'Resolution Escalations' }],
    },
  ],
  roles: [{ slug: 'resolution_lead', name: 'Resolution Lead (transfer skill)', kind: 'skill' }],
  calendars: {},
  triggers: {
    canonical: ['SUPERVISOR_REQUEST'],
    extensions: [
      {
        code: 'solar:ESCALATION_REQUEST',
        detectorId: 'solar.escalation-request',
        description: 'the customer asks for their concern to be escalated',
        guards: [
          {
            scope: 'sentence',
            anyOf: [
              '(if|unless|when|once) _{0,10} (will|would|gonna|going to|might) (want|need|ask|have to)',
              // someone else's promise to escalate is not the customer asking
              '(he|she|they|installer|rep|tech|technician|salesman|salesperson) (said|says|told|promised) _{0,6} (escalate|escalated|escalating)',
            ],
          },
        ],
        cues: [
          {
            id: 'escalate-my-case',
            patterns: [
              '(escalate|elevate) (this|it|my case|my complaint|my concern|my issue|the case|the complaint|the issue|this case)',
              '(want|need|like|get|have) (this|it|my case|my complaint|my concern|the case) (escalated|elevated)',
              '(escalation|escalate) (please|pls|now|asap|today)',
              '(can|could|will|would) (this|it|my case|my complaint|my concern|my issue|the case|the complaint|the issue) be (escalated|elevated)',
            ],
          },
        ],
      },
    ],
  },
  signalTriggers: [
    {
      id: 'sol-1.flag-customer-requested-escalation',
      code: 'solar:ESCALATION_REQUEST',
      description: 'the agent recorded that the customer asked for the situation to be escalated',
      source: { file: SOP, quote: 'We never OFFER to escalate unless they ask for a situation to be escalated.' },
      when: { type: 'flag', name: 'CUSTOMER_REQUESTED_ESCALATION' },
      evidence: 'flag:CUSTOMER_REQUESTED_ESCALATION',
    },
    {
      id: 'sol-4.flag-qualifies-for-review',
      code: 'solar:QUALIFIES_FOR_REVIEW',
      description: 'the agent determined that the concern qualifies for additional review',
      source: { file: SOP, quote: 'Click Here to determine if it qualifies for additional review or not' },
      when: { type: 'flag', name: 'QUALIFIES_FOR_RESOLUTION_REVIEW' },
      evidence: 'flag:QUALIFIES_FOR_RESOLUTION_REVIEW',
    },
  ],
  messages: { [DOCUMENTATION_REQUEST_EMAIL.id]: DOCUMENTATION_REQUEST_EMAIL.body },
  messageSubjects: { [DOCUMENTATION_REQUEST_EMAIL.id]: `${DOCUMENTATION_REQUEST_EMAIL.subject} ({caseRef})` },
  replyChecks: [
    {
      id: UNPROMPTED_OFFER_CHECK,
      requirementIds: ['SOL-1'],
      kind: 'UNPROMPTED_ESCALATION_OFFER',
      phrases: [
        'would you like me to escalate',
        'want me to escalate',
        'should I escalate',
        'I can escalate',
        'I could escalate',
        'I can get this escalated',
        'I can have this escalated',
        "I'll escalate",
        'I will escalate',
        'let me escalate',
        'I can transfer you to a supervisor',
        'would you like to speak to a supervisor',
        'would you like to speak with a supervisor',
        'I can have a supervisor call you',
      ],
      customerAskCodes: ['SUPERVISOR_REQUEST', 'solar:ESCALATION_REQUEST'],
    },
  ],
  rules: [
    {
      id: 'sol-9.old-recording-request',
      requirementIds: ['SOL-9'],
      title: 'Recording older than 90 days',
      description: 'Only resolution specialists may request an interaction recording older than 90 days.',
      source: {
        file: SOP,
        quote:
          'If a Resolution Agent is working on a Special Case or Escalation where an interaction recording older than 90 days is required',
      },
      priority: 900,
      when: {
        type: 'all',
        of: [
          { type: 'flag', name: 'RECORDING_REQUESTED' },
          { type: 'signal', name: 'values.recordingAgeDays', op: 'gt', value: RECORDING_AGE_LIMIT_DAYS },
          { type: 'not', condition: { type: 'field', field: 'actorRole', in: ['resolution_specialist'] } },
        ],
      },
      outcome: {
        approval: {
          approverRole: 'resolution_specialist',
          reason: `Only resolution specialists may request recordings older than ${RECORDING_AGE_LIMIT_DAYS} days`,
        },
        guidance: ['Ask a resolution specialist to request the recording.'],
      },
    },
    {
      id: 'sol-5.assignment-returned',
      requirementIds: ['SOL-5'],
      title: 'Resolution assignment rejected or returned',
      description: 'The case owner closes the case with Closed Reason "Case Voided".',
      source: {
        file: SOP,
        quote:
          'If a Case Assignment to a Resolution Specialist is rejected or returned, the case owner should close the case, making sure to also change the Closed Reason to "Case Voided"',
      },
      priority: 800,
      when: {
        type: 'any',
        of: [
          { type: 'flag', name: 'RESOLUTION_ASSIGNMENT_REJECTED' },
          { type: 'flag', name: 'RESOLUTION_ASSIGNMENT_RETURNED' },
        ],
      },
      outcome: {
        target: { team: 'customer-care', queue: 'customer-care' },
        setStatus: 'CLOSED',
        requiredSteps: [
          { id: 'close-case-voided', label: 'Close the case with Closed Reason "Case Voided" (CASE_VOIDED)' },
        ],
      },
    },
    {
      id: 'sol-7.warm-transfer-to-lead',
      requirementIds: ['SOL-7'],
      title: 'Refuses to wait: warm transfer to the Resolution Lead',
      description: 'Someone is available under the Resolution Lead skill: warm transfer and wait 30 seconds.',
      source: {
        file: SOP,
        quote: 'Agent will Warm Transfer to the “Resolution Lead” Skill and wait for 30 seconds to respond.',
      },
      priority: 700,
      when: {
        type: 'all',
        of: [
          ASKED_TO_ESCALATE,
          QUALIFIES,
          { type: 'flag', name: 'CUSTOMER_REFUSES_TO_WAIT' },
          { type: 'signal', name: 'values.resolutionLeadAvailable', op: 'eq', value: true },
        ],
      },
      outcome: {
        target: RESOLUTION,
        setStatus: 'ESCALATED',
        assignment: { strategy: 'DIRECT', skill: 'resolution_lead' },
        requiredSteps: [
          TRANSFER_NOTICE,
          {
            id: 'warm-transfer-resolution-lead',
            label: 'Warm transfer to the "Resolution Lead" skill and wait 30 seconds',
          },
          { id: 'voicemail-if-no-answer', label: 'No answer within 30 seconds: complete the transfer to voicemail' },
        ],
      },
    },
    {
      id: 'sol-7.transfer-to-voicemail',
      requirementIds: ['SOL-7'],
      title: 'Refuses to wait: no Resolution Lead available',
      description: 'Nobody is available under the Resolution Lead skill: complete the transfer to voicemail.',
      source: {
        file: SOP,
        quote:
          'Explain to the customer that you will transfer the call and if in case no one is available they will be prompted to leave a voicemail',
      },
      priority: 690,
      when: {
        type: 'all',
        of: [
          ASKED_TO_ESCALATE,
          QUALIFIES,
          { type: 'flag', name: 'CUSTOMER_REFUSES_TO_WAIT' },
          { type: 'signal', name: 'values.resolutionLeadAvailable', op: 'eq', value: false },
        ],
      },
      outcome: {
        target: RESOLUTION,
        setStatus: 'ESCALATED',
        assignment: { strategy: 'DIRECT', skill: 'resolution_lead' },
        requiredSteps: [TRANSFER_NOTICE, { id: 'transfer-to-voicemail', label: 'Complete the transfer to voicemail' }],
      },
    },
    {
      id: 'sol-4-5.resolution-escalation',
      requirementIds: ['SOL-4', 'SOL-5', 'SOL-2', 'SOL-6'],
      title: 'Resolution escalation',
      description:
        'The customer asked and the concern qualifies: create the resolution case with the required fields and assign it to a resolution specialist.',
      source: {
        file: SOP,
        quote:
          'Include the installer/sales rep POV. CXone recording or interaction ID. Key Points of the interaction: What type of escalated concern it is.',
      },
      priority: 600,
      when: { type: 'all', of: [ASKED_TO_ESCALATE, QUALIFIES] },
      outcome: {
        target: RESOLUTION,
        setStatus: 'ESCALATED',
        assignment: { strategy: 'DIRECT', role: 'resolution_specialist', offer: true },
        requiredSteps: [
          {
            id: 'check-existing-case',
            label: 'Look for an existing case for this customer and concern before creating one',
          },
          { id: 'create-case-assignment', label: 'Create the Case Assignment to a Resolution Specialist' },
        ],
        requiredNoteFields: [...RESOLUTION_ESCALATION_FIELDS],
        guidance: [
          'Supporting documentation from the homeowner is optional: attach it if provided.',
          'If the customer asks, provide the installer’s information.',
        ],
      },
    },
    {
      id: 'sol-3.documentation-request',
      requirementIds: ['SOL-3'],
      title: 'Customer agrees to wait: request documentation',
      description: 'Email the customer the documentation request; the case is created even if they send nothing.',
      source: {
        file: SOP,
        quote:
          'This Email will explain the specific documentation needed and request that the customer respond with the required filed',
      },
      priority: 500,
      when: { type: 'all', of: [ASKED_TO_ESCALATE, QUALIFIES, { type: 'flag', name: 'CUSTOMER_AGREES_TO_WAIT' }] },
      outcome: {
        notifications: [{ kind: 'EMAIL', template: DOCUMENTATION_REQUEST_EMAIL.id, to: 'customer' }],
        guidance: ['If the customer refuses to provide documentation, still create the case and assign it.'],
      },
    },
    {
      id: 'sol-8.supporting-documents',
      requirementIds: ['SOL-8'],
      title: 'Supporting documents emailed',
      description: 'Back office reviews the email thread and attaches the documents to the escalated case.',
      source: {
        file: SOP,
        quote:
          'If you are a Back Office Support Agent handling an email from a customer providing supporting documentation for an escalated case',
      },
      priority: 400,
      when: { type: 'flag', name: 'SUPPORTING_DOCUMENTS_RECEIVED' },
      outcome: {
        target: { team: 'back-office', queue: 'back-office' },
        requiredSteps: [
          { id: 'review-email-thread', label: 'Review the email thread with the agent’s documentation request' },
          { id: 'attach-documents', label: 'Attach the documents to the escalated case' },
        ],
      },
    },
    {
      id: 'sol-1.check-qualification',
      requirementIds: ['SOL-1'],
      title: 'Customer asked to escalate',
      description: 'Before escalating, determine whether the concern qualifies for additional review.',
      source: { file: SOP, quote: 'Click Here to determine if it qualifies for additional review or not' },
      priority: 150,
      when: { type: 'all', of: [ASKED_TO_ESCALATE, { type: 'not', condition: QUALIFIES }] },
      outcome: { guidance: ['Determine whether the concern qualifies for additional review.'] },
    },
    {
      id: 'sol-1.never-offer-escalation',
      requirementIds: ['SOL-1'],
      title: 'No escalation asked for',
      description: 'The customer did not ask to escalate: replies must not offer it.',
      source: { file: SOP, quote: 'We never OFFER to escalate unless they ask for a situation to be escalated.' },
      priority: 100,
      when: { type: 'not', condition: ASKED_TO_ESCALATE },
      outcome: {
        replyChecks: [UNPROMPTED_OFFER_CHECK],
        guidance: ['We never offer to escalate unless the customer asks.'],
      },
    },
  ],
} satisfies TPolicyPackInput;
