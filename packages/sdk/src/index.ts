/**
 * @escalate/sdk: typed client for the Escalate API.
 * Policy evaluation offline lives in the `@escalate/sdk/rules` entry.
 */

export * from './_generated/graphql.js';
export type { ClientOptions } from './client/client-options.js';
export { createClient, type EscalateClient, type Viewer } from './client/create-client.js';
export { type ListOptions, type Page, type PageInfo, PageIterator } from './client/pagination.js';
export { type RetryPolicy, retryDelayMs } from './client/retry.js';
export type { RequestOptions, RetryListener } from './client/transport.js';
export { errorForCode, parseRetryAfter } from './errors/error-funnel.js';
export * from './errors/escalate-error.js';
export { asResult, type Result } from './errors/result.js';
export type { Approval, ApprovalDecision } from './resources/approvals.js';
export type { Assignment, AssignmentResponseResult, AssignResult, RespondOptions } from './resources/assignments.js';
export type { CaseComment, EscalateCaseResult, HandoffNote, RoutingDecision } from './resources/case-workflow.js';
export type {
  Case,
  CasesResource,
  CreateCaseResult,
  ListCasesOptions,
  ListCasesPageOptions,
} from './resources/cases.js';
export type { Customer } from './resources/customers.js';
export type { LiveAlert } from './resources/live-alerts.js';
export type { PrivacyRequest } from './resources/privacy-requests.js';
export type { Review, ReviewEscalation, ReviewWithHistory } from './resources/reviews.js';
export type { CreateTaskResult, Task } from './resources/tasks.js';
export { SDK_VERSION } from './version.js';
