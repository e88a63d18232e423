/**
 * CARE — marketplace Tier 2 escalations (sops/care-tier2-escalations.txt): CARE-R*, B*, P*, G*.
 *
 * Review edit/removal requests, repeat booking refunds, offline cancellation-fee refunds and
 * gender identity concerns go from Tier 1 to Tier 2; privacy requests (DSAR) go to the privacy
 * team. Facts the API derives for these rules arrive as named signal values:
 * - `values.reviewEscalationComplete` — the escalation carries the CRM case number and a subject
 *   with "Edit Review"/"Remove Review" (see `missingReviewEscalationFields`, CARE-R2);
 * - `values.socialSignInOnly` — the member signs in only with Google/Apple (`signsInOnlySocially`, CARE-P1);
 * - `values.privacyRequestStatus` — the status of the privacy request just created (CARE-P5).
 * Templates (review comment, DSAR emails) live in care-templates.ts.
 */
import type { TPolicyPackInput } from '../policy/parse-pack.js';
import { CARE_EMAIL_TEMPLATES, REVIEW_COMMENT_TEMPLATE, REVIEW_SUBJECT_KEYWORDS } from './care-templates.js';

const SOP = 'sops/care-tier2-escalations.txt';
const PREFERRED_NAME_CHECK = 'care-g2-legal-name-used';
const TIER2_ROUTE = { tier: 'TIER2', team: 'tier2', queue: 'tier2-escalations' } as const;
const REVIEW_TRIGGERS = [
  { type: 'trigger', code: 'REVIEW_EDIT_REQUEST' },
  { type: 'trigger', code: 'REVIEW_REMOVAL_REQUEST' },
];
const REVIEW_FIELDS = ['crmCaseNumber', 'subject'];
const NAME_GUIDANCE =
  'Use the member’s preferred name: check the name before responding and replace the merge field if needed.';
const REVIEW_COMMENT_GUIDANCE = `Case comment for every change, in the format "${REVIEW_COMMENT_TEMPLATE.text}".`;

export const carePolicyPack = {
  schemaVersion: 1,
  policyId: 'care',
  orgSlug: 'care',
  name: 'Care',
  version: 1,
  timeZone: 'America/New_York',
  teams: [
    { slug: 'tier1', name: 'Tier 1', queues: [{ slug: 'tier1', name: 'Tier 1' }] },
    { slug: 'tier2', name: 'Tier 2 Escalations', queues: [{ slug: 'tier2-escalations', name: 'Tier 2 Escalations' }] },
    { slug: 'privacy', name: 'Privacy', queues: [{ slug: 'privacy-requests', name: 'Privacy Requests' }] },
    // brought in on a Tier 2 case (CARE-G3), never routed to: its seeded queue stays out of the pack
    { slug: 'member-review-safety', name: 'Member Review and Safety', queues: [] },
  ],
  roles: [],
  calendars: {},
  triggers: {
    canonical: [
      'REVIEW_EDIT_REQUEST',
      'REVIEW_REMOVAL_REQUEST',
      'REPEAT_REFUND',
      'CANCELLATION_FEE_REFUND',
      'PRIVACY_REQUEST',
      'GENDER_IDENTITY',
    ],
    extensions: [],
  },
  signalTriggers: [
    {
      id: 'care-b1.repeat-refund-count',
      code: 'REPEAT_REFUND',
      description: 'the member was refunded 3 times for the same booking refund reason',
      source: { file: SOP, quote: "Member Refunded 3X's for same Booking Refund reason" },
      when: { type: 'signal', name: 'maxRefundsForOneReason', op: 'gte', value: 3 },
      evidence: 'maxRefundsForOneReason',
    },
    {
      id: 'care-b2.cancellation-fee-owed',
      code: 'CANCELLATION_FEE_REFUND',
      description: 'the provider refunded the seeker offline and the cancellation fee still needs refunding',
      source: { file: SOP, quote: 'Provider refunded Seeker offline, but Cancellation Fee needs refunded' },
      when: { type: 'signal', name: 'cancellationFeeOwed', op: 'eq', value: true },
      evidence: 'cancellationFeeOwed',
    },
    {
      id: 'care-g1.flag-gender-identity',
      code: 'GENDER_IDENTITY',
      description: 'the agent recorded a gender identity or name concern (category chosen on the case)',
      source: { file: SOP, quote: 'Cases related to gender concerns are handled by Tier 2 agents.' },
      when: { type: 'flag', name: 'GENDER_IDENTITY_CONCERN' },
      evidence: 'flag:GENDER_IDENTITY_CONCERN',
    },
  ],
  messages: {
    'privacy-ccpa-request-link': `${CARE_EMAIL_TEMPLATES['privacy-ccpa-request-link'].subject} → {customerName} ({caseRef}): self-service link to complete the privacy request`,
    'privacy-ccpa-user-verification': `${CARE_EMAIL_TEMPLATES['privacy-ccpa-user-verification'].subject} → {customerName} ({caseRef}): contact could not be verified; self-service link to verify and submit`,
  },
  messageSubjects: {
    'privacy-ccpa-request-link': CARE_EMAIL_TEMPLATES['privacy-ccpa-request-link'].subject,
    'privacy-ccpa-user-verification': CARE_EMAIL_TEMPLATES['privacy-ccpa-user-verification'].subject,
  },
  replyChecks: [{ id: PREFERRED_NAME_CHECK, requirementIds: ['CARE-G2'], kind: 'LEGAL_NAME_USED' }],
  rules: [
    {
      id: 'care-r2.review-escalation-incomplete',
      requirementIds: ['CARE-R2'],
      title: 'Review escalation missing CRM number or subject',
      description:
        'A review escalation without the Salesforce case number or "Edit Review"/"Remove Review" in the subject stays with Tier 1 until it is complete.',
      source: {
        file: SOP,
        quote:
          'Tier 1 should be including the Salesforce case number if this is a review on the new platform. Additionally, Tier 1 agents should also be including either Edit Review or Remove Review in the subject line of the case.',
      },
      priority: 820,
      when: {
        type: 'all',
        of: [
          { type: 'any', of: REVIEW_TRIGGERS },
          { type: 'signal', name: 'values.reviewEscalationComplete', op: 'eq', value: false },
        ],
      },
      outcome: {
        target: { tier: 'TIER1', team: 'tier1', queue: 'tier1' },
        setStatus: 'OPEN',
        requiredNoteFields: REVIEW_FIELDS,
        requiredSteps: [
          { id: 'add-crm-case-number', label: 'Add the Salesforce (CRM) case number of the review' },
          {
            id: 'tag-review-subject',
            label: `Put "${REVIEW_SUBJECT_KEYWORDS.EDIT}" or "${REVIEW_SUBJECT_KEYWORDS.REMOVE}" in the case subject`,
          },
        ],
        replyChecks: [PREFERRED_NAME_CHECK],
        guidance: ['The escalation is refused until the CRM case number and the subject keyword are on the case.'],
      },
    },
    {
      id: 'care-r4.reopen-closed-review-case',
      requirementIds: ['CARE-R4', 'CARE-R1'],
      title: 'Review request on a closed case',
      description: 'Tier 2 works a review request on a closed case by setting it back to New.',
      source: {
        file: SOP,
        quote:
          'The review must be in an approved or edited status. Begin by setting the status of the case back to New from Closed.',
      },
      priority: 810,
      when: {
        type: 'all',
        of: [
          { type: 'any', of: REVIEW_TRIGGERS },
          { type: 'field', field: 'status', in: ['CLOSED'] },
        ],
      },
      outcome: {
        target: TIER2_ROUTE,
        setStatus: 'NEW',
        requiredNoteFields: REVIEW_FIELDS,
        requiredSteps: [{ id: 'reopen-case', label: 'Set the case status back to New from Closed' }],
        replyChecks: [PREFERRED_NAME_CHECK],
        guidance: ['Only reviews in an approved or edited status can be edited or removed.', REVIEW_COMMENT_GUIDANCE],
      },
    },
    {
      id: 'care-r1.review-edit-request',
      requirementIds: ['CARE-R1', 'CARE-R2', 'CARE-R5'],
      title: 'Review edit request',
      description: 'A seeker’s request to edit a review is escalated from Tier 1 to Tier 2.',
      source: {
        file: SOP,
        quote:
          'In the new reviews platform, if a Seeker reaches out to Tier 1 requesting a removal or edit to a review, these requests are escalated to Tier 2.',
      },
      priority: 800,
      when: { type: 'trigger', code: 'REVIEW_EDIT_REQUEST' },
      outcome: {
        target: TIER2_ROUTE,
        setStatus: 'ESCALATED',
        requiredNoteFields: REVIEW_FIELDS,
        requiredSteps: [
          { id: 'check-review-status', label: 'Find the review in Salesforce and check it is Approved or Edited' },
          { id: 'review-change-comment', label: 'Add the case comment in the review comment template' },
        ],
        replyChecks: [PREFERRED_NAME_CHECK],
        guidance: [`Subject must contain "${REVIEW_SUBJECT_KEYWORDS.EDIT}".`, REVIEW_COMMENT_GUIDANCE],
      },
    },
    {
      id: 'care-r1.review-removal-request',
      requirementIds: ['CARE-R1', 'CARE-R2', 'CARE-R5', 'CARE-R6'],
      title: 'Review removal request',
      description: 'A seeker’s request to remove a review is escalated to Tier 2; removal rejects it permanently.',
      source: {
        file: SOP,
        quote:
          'If the Seeker has requested the review be removed, click on the Reject button. This is a permanent action and cannot be undone.',
      },
      priority: 800,
      when: { type: 'trigger', code: 'REVIEW_REMOVAL_REQUEST' },
      outcome: {
        target: TIER2_ROUTE,
        setStatus: 'ESCALATED',
        requiredNoteFields: REVIEW_FIELDS,
        requiredSteps: [
          { id: 'check-review-status', label: 'Find the review in Salesforce and check it is Approved or Edited' },
          { id: 'review-change-comment', label: 'Add the case comment in the review comment template' },
        ],
        replyChecks: [PREFERRED_NAME_CHECK],
        guidance: [
          `Subject must contain "${REVIEW_SUBJECT_KEYWORDS.REMOVE}".`,
          'Removing rejects the review permanently; it cannot be undone.',
          REVIEW_COMMENT_GUIDANCE,
        ],
      },
    },
    {
      id: 'care-g1.gender-identity',
      requirementIds: ['CARE-G1', 'CARE-G2'],
      title: 'Gender identity concern',
      description: 'Gender identity and name concerns (keywords or categories) are handled by Tier 2.',
      source: { file: SOP, quote: 'Cases related to gender concerns are handled by Tier 2 agents.' },
      priority: 750,
      when: { type: 'trigger', code: 'GENDER_IDENTITY' },
      outcome: {
        target: TIER2_ROUTE,
        setStatus: 'ESCALATED',
        replyChecks: [PREFERRED_NAME_CHECK],
        guidance: [
          NAME_GUIDANCE,
          'Use non-gendered terms; bring in Member Review and Safety as needed (flag MEMBER_REVIEW_SAFETY_NEEDED).',
        ],
      },
    },
    {
      id: 'care-p.privacy-request',
      requirementIds: ['CARE-P2', 'CARE-P3'],
      title: 'Privacy request (DSAR)',
      description:
        'Access, deletion and data-categories requests go to the privacy team to create the privacy request.',
      source: {
        file: SOP,
        quote:
          'When a customer contacts us, creating the “Privacy Request Object ”in Salesforce is of the utmost importance!',
      },
      priority: 700,
      when: { type: 'trigger', code: 'PRIVACY_REQUEST' },
      outcome: {
        target: { tier: 'TIER2', team: 'privacy', queue: 'privacy-requests' },
        setStatus: 'ESCALATED',
        requiredSteps: [
          { id: 'check-social-sign-in', label: 'Check whether Google or Apple social log in is enabled' },
          {
            id: 'create-privacy-request',
            label:
              'Create the privacy request: type Data Categories, Access Data or Delete Data; status Requested or Completed – Failed – Verification Failure',
          },
        ],
        replyChecks: [PREFERRED_NAME_CHECK],
        guidance: [
          'Requested: identity verified. Completed – Failed – Verification Failure: contact cannot be verified.',
        ],
      },
    },
    {
      id: 'care-p1.password-before-privacy-request',
      requirementIds: ['CARE-P1'],
      title: 'Social sign-in only: set a password first',
      description:
        'A member who signs in only with Google or Apple needs a password before the privacy request is added.',
      source: {
        file: SOP,
        quote:
          'If it is, the customer will need assistance with setting a password/password reset BEFORE adding the privacy request to the case.',
      },
      priority: 690,
      when: {
        type: 'all',
        of: [
          { type: 'trigger', code: 'PRIVACY_REQUEST' },
          { type: 'signal', name: 'values.socialSignInOnly', op: 'eq', value: true },
        ],
      },
      outcome: {
        requiredSteps: [
          {
            id: 'set-password-before-privacy-request',
            label: 'Help the member set a password (password reset) before adding the privacy request',
          },
        ],
        guidance: [
          'The self-service webform needs an email and password; add the privacy request once the password is set.',
        ],
      },
    },
    {
      id: 'care-p5.request-link-email',
      requirementIds: ['CARE-P5', 'CARE-P6'],
      title: 'Privacy request created (verified)',
      description: 'A privacy request in status Requested queues the "Privacy CCPA – Request Link" email.',
      source: {
        file: SOP,
        quote: 'It will include the self-serve link to complete a privacy request. Subject: Privacy CCPA –Request Link',
      },
      priority: 600,
      when: { type: 'signal', name: 'values.privacyRequestStatus', op: 'eq', value: 'REQUESTED' },
      outcome: {
        notifications: [{ kind: 'EMAIL', template: 'privacy-ccpa-request-link', to: 'customer' }],
        requiredSteps: [
          {
            id: 'close-privacy-case',
            label: 'Close the case: comment "Created privacy request: PR-…", reason Account Management / Data Deletion',
          },
        ],
      },
    },
    {
      id: 'care-p5.user-verification-email',
      requirementIds: ['CARE-P5', 'CARE-P6'],
      title: 'Privacy request created (verification failed)',
      description: 'A privacy request whose contact could not be verified queues "Privacy CCPA – User Verification".',
      source: {
        file: SOP,
        quote:
          'The customer will receive this automatic email that includes the self-serve link to complete a privacy request. Subject: Privacy CCPA – User Verification',
      },
      priority: 600,
      when: {
        type: 'signal',
        name: 'values.privacyRequestStatus',
        op: 'eq',
        value: 'COMPLETED_FAILED_VERIFICATION',
      },
      outcome: {
        notifications: [{ kind: 'EMAIL', template: 'privacy-ccpa-user-verification', to: 'customer' }],
        requiredSteps: [
          {
            id: 'close-privacy-case',
            label: 'Close the case: comment "Created privacy request: PR-…", reason Account Management / Data Deletion',
          },
        ],
      },
    },
    {
      id: 'care-b1.repeat-refund',
      requirementIds: ['CARE-B1'],
      title: 'Refunded 3 times for the same reason',
      description: 'A member refunded 3 times for the same booking refund reason escalates to Tier 2.',
      source: { file: SOP, quote: "Member Refunded 3X's for same Booking Refund reason" },
      priority: 520,
      when: { type: 'trigger', code: 'REPEAT_REFUND' },
      outcome: { target: TIER2_ROUTE, setStatus: 'ESCALATED', replyChecks: [PREFERRED_NAME_CHECK] },
    },
    {
      id: 'care-b2.cancellation-fee-refund',
      requirementIds: ['CARE-B2'],
      title: 'Offline refund, cancellation fee owed',
      description: 'The provider refunded the seeker offline but the cancellation fee must be refunded: Tier 2.',
      source: { file: SOP, quote: 'Provider refunded Seeker offline, but Cancellation Fee needs refunded' },
      priority: 510,
      when: { type: 'trigger', code: 'CANCELLATION_FEE_REFUND' },
      outcome: {
        target: TIER2_ROUTE,
        setStatus: 'ESCALATED',
        requiredSteps: [{ id: 'refund-cancellation-fee', label: 'Refund the cancellation fee to the seeker' }],
        replyChecks: [PREFERRED_NAME_CHECK],
      },
    },
    {
      id: 'care-g3.member-review-safety',
      requirementIds: ['CARE-G3'],
      title: 'Bring in Member Review and Safety',
      description: 'Tier 2 brings the Member Review and Safety team in on the case as needed.',
      source: {
        file: SOP,
        quote: 'Tier 2 will work with Member Review and Safety as needed to resolve the customers concerns.',
      },
      priority: 400,
      when: {
        type: 'all',
        of: [
          { type: 'field', field: 'tier', in: ['TIER2'] },
          { type: 'flag', name: 'MEMBER_REVIEW_SAFETY_NEEDED' },
        ],
      },
      outcome: {
        tasks: [
          {
            kind: 'SAFETY_REVIEW',
            title: 'Member Review and Safety review',
            team: 'member-review-safety',
            assignment: { strategy: 'LEAST_LOADED', team: 'member-review-safety' },
          },
        ],
        replyChecks: [PREFERRED_NAME_CHECK],
        guidance: ['Respond with the approved templates once resolved, with the member’s correct name.'],
      },
    },
  ],
} satisfies TPolicyPackInput;
