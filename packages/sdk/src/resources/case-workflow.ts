import {
  AddCommentDocument,
  type AddCommentInput,
  type AddCommentMutation,
  AddHandoffNoteDocument,
  type AddHandoffNoteInput,
  type AddHandoffNoteMutation,
  ChangeCaseStatusDocument,
  type ChangeCaseStatusInput,
  CloseCaseDocument,
  type CloseCaseInput,
  EscalateCaseDocument,
  type EscalateCaseInput,
  type EscalateCaseMutation,
  RouteCaseDocument,
  type RouteCaseInput,
  type RoutingDecisionFieldsFragment,
  UpdateCaseDocument,
  type UpdateCaseInput,
} from '../_generated/graphql.js';
import { mutate, payloadOf } from '../client/mutate.js';
import type { Success } from '../client/payload.js';
import type { RequestOptions, Transport } from '../client/transport.js';
import type { Case } from './cases.js';

export type RoutingDecision = RoutingDecisionFieldsFragment;
export type EscalateCaseResult = Success<EscalateCaseMutation['escalateCase']>;
export type CaseComment = Success<AddCommentMutation['addComment']>['comment'];
export type HandoffNote = Success<AddHandoffNoteMutation['addHandoffNote']>['note'];

/** Routing and the changes of a case's life, added to `client.cases`. */
export function caseWorkflow(transport: Transport) {
  return {
    /**
     * The routing decision for a case without changing anything (dry run, X-2): where it
     * would go, why, which notes and approvals it needs. `at` and `policyVersion` replay a
     * past decision exactly.
     */
    route(caseId: string, input: RouteCaseInput = {}, request?: RequestOptions): Promise<RoutingDecision> {
      return payloadOf(transport.execute(RouteCaseDocument, { caseId, input }, request), 'routeCase', 'RouteCase');
    },

    /**
     * Applies the policy decision: approval first when required, handoff note before the
     * queue, then queue, status and priority. `outcome` is APPLIED or PENDING_APPROVAL.
     */
    escalate(caseId: string, input: EscalateCaseInput, request?: RequestOptions): Promise<EscalateCaseResult> {
      return payloadOf(
        mutate(transport, EscalateCaseDocument, { caseId, input }, request),
        'escalateCase',
        'EscalateCase',
      );
    },

    /** Changes fields; a stale `expectedVersion` is a `ConflictError`, never a lost update. */
    async update(caseId: string, input: UpdateCaseInput, request?: RequestOptions): Promise<Case> {
      const payload = await payloadOf(
        mutate(transport, UpdateCaseDocument, { caseId, input }, request),
        'updateCase',
        'UpdateCase',
      );
      return payload.case;
    },

    /** Moves a case along the allowed status transitions. */
    async changeStatus(caseId: string, input: ChangeCaseStatusInput, request?: RequestOptions): Promise<Case> {
      const payload = await payloadOf(
        mutate(transport, ChangeCaseStatusDocument, { caseId, input }, request),
        'changeCaseStatus',
        'ChangeCaseStatus',
      );
      return payload.case;
    },

    /** Closes a case with a reason and a secondary reason. */
    async close(caseId: string, input: CloseCaseInput, request?: RequestOptions): Promise<Case> {
      const payload = await payloadOf(
        mutate(transport, CloseCaseDocument, { caseId, input }, request),
        'closeCase',
        'CloseCase',
      );
      return payload.case;
    },

    async addComment(caseId: string, input: AddCommentInput, request?: RequestOptions): Promise<CaseComment> {
      const payload = await payloadOf(
        mutate(transport, AddCommentDocument, { caseId, input }, request),
        'addComment',
        'AddComment',
      );
      return payload.comment;
    },

    /** A handoff note; the policy's required note fields by name. */
    async addHandoffNote(caseId: string, input: AddHandoffNoteInput, request?: RequestOptions): Promise<HandoffNote> {
      const payload = await payloadOf(
        mutate(transport, AddHandoffNoteDocument, { caseId, input }, request),
        'addHandoffNote',
        'AddHandoffNote',
      );
      return payload.note;
    },
  };
}
