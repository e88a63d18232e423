import {
  type CustomerFieldsFragment,
  GetCustomerDocument,
  UpsertCustomerDocument,
  type UpsertCustomerInput,
} from '../_generated/graphql.js';
import { mutate, payloadOf } from '../client/mutate.js';
import type { RequestOptions, Transport } from '../client/transport.js';

export type Customer = CustomerFieldsFragment;

export function customersResource(transport: Transport) {
  return {
    /** A customer by id or by your reference; null when there is none. */
    async find(by: { id: string } | { externalRef: string }, request?: RequestOptions): Promise<Customer | null> {
      const variables = 'id' in by ? { id: by.id, externalRef: null } : { id: null, externalRef: by.externalRef };
      return (await transport.execute(GetCustomerDocument, variables, request)).customer;
    },
    /** Creates or updates a customer by your reference. */
    upsert(input: UpsertCustomerInput, request?: RequestOptions): Promise<{ created: boolean; customer: Customer }> {
      return payloadOf(
        mutate(transport, UpsertCustomerDocument, { input }, request),
        'upsertCustomer',
        'UpsertCustomer',
      );
    },
  };
}
