import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ViewerDocument, type ViewerQuery } from '../_generated/graphql.js';
import { approvalsResource } from '../resources/approvals.js';
import { assignmentsResource } from '../resources/assignments.js';
import { caseWorkflow } from '../resources/case-workflow.js';
import { casesResource } from '../resources/cases.js';
import { customersResource } from '../resources/customers.js';
import { liveAlertsResource } from '../resources/live-alerts.js';
import { privacyRequestsResource } from '../resources/privacy-requests.js';
import { reviewsResource } from '../resources/reviews.js';
import { tasksResource } from '../resources/tasks.js';
import { type ClientOptions, resolveClientOptions } from './client-options.js';
import { type RequestOptions, type RetryListener, Transport, type Variables } from './transport.js';

export type Viewer = ViewerQuery['viewer'];

/**
 * A client for the Escalate API.
 *
 *   const escalate = createClient({ url: process.env.ESCALATE_URL, apiKey: process.env.ESCALATE_API_KEY });
 *   const { case: created } = await escalate.cases.create({ subject: 'Refund', customerRef: 'C-1' });
 *
 * Every failure is an `EscalateError` subclass. Mutations carry an idempotency key that is
 * reused across retries, so a retry never does the work twice.
 */
export function createClient(options: ClientOptions) {
  const resolved = resolveClientOptions(options);
  const transport = new Transport(resolved);
  return {
    url: resolved.url,

    /** Who the API key belongs to: user, role and organization. */
    async viewer(request?: RequestOptions): Promise<Viewer> {
      return (await transport.execute(ViewerDocument, {}, request)).viewer;
    },

    cases: { ...casesResource(transport), ...caseWorkflow(transport) },
    approvals: approvalsResource(transport),
    privacyRequests: privacyRequestsResource(transport),
    reviews: reviewsResource(transport),
    assignments: assignmentsResource(transport),
    tasks: tasksResource(transport),
    customers: customersResource(transport),
    liveAlerts: liveAlertsResource(resolved),

    /**
     * Any typed document (e.g. from your own codegen), with the same retries and error funnel.
     * Union results (`AppError | Payload`) are returned as they are.
     */
    request<TData, TVariables extends Variables>(
      document: TypedDocumentNode<TData, TVariables>,
      ...[variables, request]: TVariables extends Record<string, never>
        ? [variables?: TVariables, request?: RequestOptions]
        : [variables: TVariables, request?: RequestOptions]
    ): Promise<TData> {
      return transport.execute(document, (variables ?? {}) as TVariables, request);
    },

    /** Called before each retry (for logging or metrics); returns an unsubscribe function. */
    onRetry(listener: RetryListener): () => void {
      return transport.onRetry(listener);
    },
  };
}

export type EscalateClient = ReturnType<typeof createClient>;
