/** What other modules may use of the policy module: its public service functions and types. */
export {
  type ActivePolicy,
  activePolicy,
  activePolicyOf,
  type PolicyReader,
  policyByVersion,
  seedShippedPolicy,
  validatePolicyDocument,
} from './policy-store.js';
export {
  checkReviewComment,
  missingEscalationFields,
  REVIEW_COMMENT_TEMPLATE,
  REVIEW_SUBJECT_KEYWORDS,
  type ReviewAction,
  reviewActionInSubject,
} from './review-comment-template.js';
