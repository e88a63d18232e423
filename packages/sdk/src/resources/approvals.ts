import {
  type ApprovalFieldsFragment,
  ApproveEscalationDocument,
  type ApproveEscalationInput,
  type ApproveEscalationMutation,
  RejectEscalationDocument,
  type RejectEscalationInput,
} from '../_generated/graphql.js';
import { mutate, payloadOf } from '../client/mutate.js';
import type { Success } from '../client/payload.js';
import type { RequestOptions, Transport } from '../client/transport.js';

export type Approval = ApprovalFieldsFragment;
export type ApprovalDecision = Success<ApproveEscalationMutation['approveEscalation']>;

/** Pending escalations that need an approver (e.g. a Tier 1 supervisor). */
export function approvalsResource(transport: Transport) {
  return {
    /** The case moves now, as the stored decision said. */
    approve(
      approvalId: string,
      input: ApproveEscalationInput = {},
      request?: RequestOptions,
    ): Promise<ApprovalDecision> {
      return payloadOf(
        mutate(transport, ApproveEscalationDocument, { approvalId, input }, request),
        'approveEscalation',
        'ApproveEscalation',
      );
    },

    /** The case returns to its previous status. */
    reject(approvalId: string, input: RejectEscalationInput, request?: RequestOptions): Promise<ApprovalDecision> {
      return payloadOf(
        mutate(transport, RejectEscalationDocument, { approvalId, input }, request),
        'rejectEscalation',
        'RejectEscalation',
      );
    },
  };
}
