import {
  AssignDocument,
  type AssignInput,
  type AssignMutation,
  type AssignmentFieldsFragment,
  type AssignmentFilter,
  ListAssignmentsDocument,
  RespondToAssignmentDocument,
  type RespondToAssignmentMutation,
} from '../_generated/graphql.js';
import { mutate, payloadOf } from '../client/mutate.js';
import { type ListOptions, type Page, PageIterator, toPage } from '../client/pagination.js';
import type { Success } from '../client/payload.js';
import type { RequestOptions, Transport } from '../client/transport.js';

export type Assignment = AssignmentFieldsFragment;
export type AssignResult = Success<AssignMutation['assign']>;
export type AssignmentResponseResult = Success<RespondToAssignmentMutation['respondToAssignment']>;

export interface RespondOptions extends RequestOptions {
  reason?: string;
}

/** Offers of a case or task to one person, and their answers. */
export function assignmentsResource(transport: Transport) {
  const respond = (assignmentId: string, response: 'ACCEPT' | 'REJECT' | 'RETURN', options: RespondOptions = {}) => {
    const { reason, ...request } = options;
    const input = { assignmentId, response, reason: reason ?? null };
    return payloadOf(
      mutate(transport, RespondToAssignmentDocument, { input }, request),
      'respondToAssignment',
      'RespondToAssignment',
    );
  };
  const listPage = async (
    options: { filter?: AssignmentFilter; first?: number; after?: string | null } = {},
    request?: RequestOptions,
  ): Promise<Page<Assignment>> => {
    const data = await transport.execute(
      ListAssignmentsDocument,
      { filter: options.filter ?? null, first: options.first ?? 20, after: options.after ?? null },
      request,
    );
    return toPage(data.assignments);
  };
  return {
    /** Offers a case or task to one person chosen by a strategy; the choice is explained. */
    create(input: AssignInput, request?: RequestOptions): Promise<AssignResult> {
      return payloadOf(mutate(transport, AssignDocument, { input }, request), 'assign', 'Assign');
    },
    accept(assignmentId: string, options?: RespondOptions): Promise<AssignmentResponseResult> {
      return respond(assignmentId, 'ACCEPT', options);
    },
    reject(assignmentId: string, options?: RespondOptions): Promise<AssignmentResponseResult> {
      return respond(assignmentId, 'REJECT', options);
    },
    /** Gives back an accepted assignment. */
    return(assignmentId: string, options?: RespondOptions): Promise<AssignmentResponseResult> {
      return respond(assignmentId, 'RETURN', options);
    },
    listPage,
    list(
      options: ListOptions & { filter?: AssignmentFilter } = {},
      request?: RequestOptions,
    ): PageIterator<Assignment> {
      const { filter, ...listOptions } = options;
      return new PageIterator(({ first, after }) => listPage({ filter, first, after }, request), listOptions);
    },
  };
}
