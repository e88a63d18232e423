import { ROLES, type Role } from '../auth/roles.js';

/**
 * Who may use what: the one permission table of the API, deny by default.
 *
 * - `root`: every Query, Mutation and Subscription field. A root field missing here is refused
 *   to everyone (and a test fails the build).
 * - `types`: every object type that can be fetched by id through `node`/`nodes`. An object of a
 *   type the caller may not see is answered as if it did not exist (null), wherever it is
 *   reached, unless a relation field below lets the caller see it there.
 * - `fields`: fields narrower than their type (personal data) or relations that show a
 *   restricted type in a place the caller may see it (a case's own notifications).
 *
 * Roles are the policy packs' actor roles. What a role may do to a particular record (the
 * assignee of a task, the approver a policy names) is decided by the module's service from what
 * the database recorded; this table only says who may ask at all.
 */

const EVERYONE: readonly Role[] = ROLES;
/** people: every role but the integration keys scripts use */
const STAFF: readonly Role[] = ROLES.filter((role) => role !== 'integration');
const ADMINS: readonly Role[] = ['admin'];
/** who watches live alerts and case updates on the floor */
const LIVE_SUBSCRIBERS: readonly Role[] = STAFF.filter((role) => role !== 'privacy');
const SUPERVISORS: readonly Role[] = ['tier1_supervisor', 'tier2', 'lead', 'admin'];
const CASE_HANDLERS: readonly Role[] = ['agent', 'tier1_supervisor', 'tier2', 'lead', 'admin'];
const CALL_HANDLERS: readonly Role[] = [...CASE_HANDLERS, 'resolution_specialist', 'integration'];
const PRIVACY_READERS: readonly Role[] = ['privacy', 'tier2', 'tier3', 'lead', 'admin'];
/** a privacy requester's name and email: who works the request, and admins (CARE-P*) */
const PRIVACY_REQUESTER_READERS: readonly Role[] = ['privacy', 'admin'];
/** a customer's contact details: the people who talk to customers (integration keys write them, never read them back) */
const CUSTOMER_CONTACT_READERS: readonly Role[] = STAFF;

export interface PermissionTable {
  root: Record<'Query' | 'Mutation' | 'Subscription', Record<string, readonly Role[]>>;
  types: Record<string, readonly Role[]>;
  fields: Record<string, readonly Role[]>;
}

export const PERMISSIONS: PermissionTable = {
  root: {
    Query: {
      activePolicyVersion: EVERYONE,
      apiKeys: ADMINS,
      assignments: EVERYONE,
      case: EVERYONE,
      cases: EVERYONE,
      checkReply: STAFF,
      customer: EVERYONE,
      deadLetters: ADMINS,
      node: EVERYONE,
      nodes: EVERYONE,
      outboxMessages: ADMINS,
      pendingApprovals: STAFF,
      policyVersions: EVERYONE,
      privacyRequest: PRIVACY_READERS,
      privacyRequests: PRIVACY_READERS,
      replayPolicy: ['admin', 'lead'],
      review: EVERYONE,
      reviewCommentTemplate: EVERYONE,
      reviews: EVERYONE,
      routeCase: EVERYONE,
      taskBoard: EVERYONE,
      tasks: EVERYONE,
      viewer: EVERYONE,
      warmTransferTarget: CALL_HANDLERS,
      webhookEndpoints: ADMINS,
    },
    Mutation: {
      activatePolicyVersion: ADMINS,
      addAttachment: EVERYONE,
      addComment: EVERYONE,
      addHandoffNote: EVERYONE,
      addTeamToCase: ['tier2', 'lead'],
      approveEscalation: SUPERVISORS,
      assign: [...CASE_HANDLERS, 'integration'],
      changeCaseStatus: EVERYONE,
      closeCase: EVERYONE,
      closeCaseForPrivacyRequest: ['privacy', 'tier2', 'lead'],
      completeWarmTransfer: CALL_HANDLERS,
      createApiKey: ADMINS,
      createCase: EVERYONE,
      createCases: EVERYONE,
      createPolicyVersion: ADMINS,
      createPrivacyRequest: ['privacy'],
      createTask: EVERYONE.filter((role) => role !== 'privacy'),
      createWebhookEndpoint: ADMINS,
      deletePrivacyRequest: ['privacy'],
      deleteWebhookEndpoint: ADMINS,
      distributeBacklog: ['tier2', 'lead', 'admin', 'integration'],
      editReview: ['tier2'],
      escalateCase: EVERYONE,
      escalateForResolution: EVERYONE,
      escalateReviewRequest: CASE_HANDLERS,
      extendPrivacyRequest: ['privacy'],
      importReview: ['admin', 'integration'],
      raiseGenderIdentityConcern: CASE_HANDLERS,
      recordJobStatus: ['integration', 'admin'],
      recordRefund: [...CASE_HANDLERS, 'integration'],
      redriveNotifications: ADMINS,
      rejectEscalation: SUPERVISORS,
      removeReview: ['tier2'],
      requestRecording: STAFF.filter((role) => role !== 'privacy'),
      requestSafetyReview: ['tier2', 'lead', 'admin'],
      respondToAssignment: EVERYONE,
      revokeApiKey: ADMINS,
      rotateApiKey: ADMINS,
      shareInstallerInfo: EVERYONE,
      startWarmTransfer: CALL_HANDLERS,
      submitPurchasingRequest: ['tier1_supervisor', 'tier2', 'tier3', 'lead', 'admin'],
      updateCase: EVERYONE,
      updatePrivacyRequest: ['privacy'],
      updateTaskStatus: STAFF.filter((role) => role !== 'privacy'),
      updateWebhookEndpoint: ADMINS,
      upsertCustomer: ['admin', 'integration', 'tier2', 'privacy'],
    },
    Subscription: {
      caseUpdated: LIVE_SUBSCRIBERS,
      liveAlert: LIVE_SUBSCRIBERS,
    },
  },
  types: {
    ApiKey: ADMINS,
    Approval: EVERYONE,
    Assignment: EVERYONE,
    Attachment: EVERYONE,
    Case: EVERYONE,
    CaseComment: EVERYONE,
    Customer: EVERYONE,
    HandoffNote: EVERYONE,
    Organization: EVERYONE,
    OutboxMessage: ADMINS,
    PolicyVersion: EVERYONE,
    PrivacyRequest: PRIVACY_READERS,
    Queue: EVERYONE,
    Refund: EVERYONE,
    Review: EVERYONE,
    ServiceJob: EVERYONE,
    Task: EVERYONE,
    Team: EVERYONE,
    TimelineEvent: EVERYONE,
    TransferAttempt: EVERYONE,
    User: EVERYONE,
    WebhookEndpoint: ADMINS,
  },
  fields: {
    // a case's own notifications are part of working the case; the outbox by id is operations
    'Case.notifications': EVERYONE,
    'Case.privacyRequests': PRIVACY_READERS,
    // the alert a live subscriber receives (its privacy-mail content is redacted by role, see outbox-message.ts)
    'LiveAlert.message': LIVE_SUBSCRIBERS,
    // delivery errors name receivers' systems: operations only
    'OutboxMessage.lastError': ADMINS,
    'PrivacyRequest.requesterName': PRIVACY_REQUESTER_READERS,
    'PrivacyRequest.requesterEmail': PRIVACY_REQUESTER_READERS,
    'Customer.email': CUSTOMER_CONTACT_READERS,
    'Customer.legalName': CUSTOMER_CONTACT_READERS,
  },
};

/** Who may see a privacy requester's name and email, wherever they would appear. */
export const PRIVACY_REQUESTER_ROLES = PRIVACY_REQUESTER_READERS;

export function rolesFor(table: PermissionTable, root: keyof PermissionTable['root'], field: string) {
  return table.root[root][field] ?? [];
}
