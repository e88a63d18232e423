/** What other modules may use of the assignments module: its public service functions and types. */
export { type AssignmentDirective, openAssignmentCounts } from './assignment-candidates.js';
export {
  ASSIGNMENT_STRATEGIES,
  type AssignmentExplanation,
  chooseCandidate,
  judgeCandidate,
} from './assignment-eligibility.js';
export { expireOverdueOffers } from './assignment-expiry.js';
export { offerAssignment } from './assignment-service.js';
export { adviseWarmTransfer, RESOLUTION_LEAD_SKILL, timeOutWarmTransfers } from './warm-transfer.js';
