import {
  CreatePrivacyRequestDocument,
  type CreatePrivacyRequestInput,
  DeletePrivacyRequestDocument,
  type DeletePrivacyRequestInput,
  ExtendPrivacyRequestDocument,
  type ExtendPrivacyRequestInput,
  type PrivacyRequestFieldsFragment,
  UpdatePrivacyRequestDocument,
  type UpdatePrivacyRequestInput,
} from '../_generated/graphql.js';
import { mutate, payloadOf } from '../client/mutate.js';
import type { RequestOptions, Transport } from '../client/transport.js';

export type PrivacyRequest = PrivacyRequestFieldsFragment;

/** Privacy requests (DSARs) on a case; only privacy staff may create them. */
export function privacyRequestsResource(transport: Transport) {
  return {
    /** Adds a privacy request to a case and queues the confirmation email. */
    async create(input: CreatePrivacyRequestInput, request?: RequestOptions): Promise<PrivacyRequest> {
      const pending = mutate(transport, CreatePrivacyRequestDocument, { input }, request);
      return (await payloadOf(pending, 'createPrivacyRequest', 'CreatePrivacyRequest')).privacyRequest;
    },
    async update(input: UpdatePrivacyRequestInput, request?: RequestOptions): Promise<PrivacyRequest> {
      const pending = mutate(transport, UpdatePrivacyRequestDocument, { input }, request);
      return (await payloadOf(pending, 'updatePrivacyRequest', 'UpdatePrivacyRequest')).privacyRequest;
    },
    /** Extends the deadline once (CCPA +45 days, GDPR +2 months). */
    async extend(input: ExtendPrivacyRequestInput, request?: RequestOptions): Promise<PrivacyRequest> {
      const pending = mutate(transport, ExtendPrivacyRequestDocument, { input }, request);
      return (await payloadOf(pending, 'extendPrivacyRequest', 'ExtendPrivacyRequest')).privacyRequest;
    },
    /** Deletes with a reason; audited on the case timeline. */
    async delete(input: DeletePrivacyRequestInput, request?: RequestOptions): Promise<PrivacyRequest> {
      const pending = mutate(transport, DeletePrivacyRequestDocument, { input }, request);
      return (await payloadOf(pending, 'deletePrivacyRequest', 'DeletePrivacyRequest')).privacyRequest;
    },
  };
}
