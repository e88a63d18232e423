import { expect } from 'vitest';
import type { TestTenant } from '../packages/api/src/testing/test-kit.js';

/** GraphQL documents and helpers shared by the Care privacy-request tests. */
/** The row id inside a Relay global id (for reading rows back from the database). */
export const rowId = (globalId: string): string =>
  Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] ?? globalId;

export const UPSERT_CUSTOMER = /* GraphQL */ `
  mutation Upsert($input: UpsertCustomerInput!) {
    upsertCustomer(input: $input) {
      __typename
      ... on UpsertCustomerPayload { created customer { id externalRef preferredName signInMethods } }
      ... on AppError { code message rule }
    }
  }
`;
export const CREATE_CASE = /* GraphQL */ `
  mutation Create($input: CreateCaseInput!) {
    createCase(input: $input) { __typename ... on CreateCasePayload { case { id version } } }
  }
`;
export const PR_FIELDS = `id number name type status jurisdiction requesterName requesterEmail receivedAt receiptDueAt
  receiptConfirmedAt dueAt extendedAt extensionReason denialReason deletedAt overdue case { id }`;
export const ERROR_FIELDS = 'code message rule fields { path message } details';
export const CREATE_PR = /* GraphQL */ `
  mutation CreatePr($input: CreatePrivacyRequestInput!) {
    createPrivacyRequest(input: $input) {
      __typename
      ... on PrivacyRequestPayload { privacyRequest { ${PR_FIELDS} } }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
export const UPDATE_PR = /* GraphQL */ `
  mutation UpdatePr($input: UpdatePrivacyRequestInput!) {
    updatePrivacyRequest(input: $input) {
      __typename
      ... on PrivacyRequestPayload { privacyRequest { ${PR_FIELDS} } }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
export const DELETE_PR = /* GraphQL */ `
  mutation DeletePr($input: DeletePrivacyRequestInput!) {
    deletePrivacyRequest(input: $input) {
      __typename
      ... on PrivacyRequestPayload { privacyRequest { ${PR_FIELDS} } }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
export const EXTEND_PR = /* GraphQL */ `
  mutation ExtendPr($input: ExtendPrivacyRequestInput!) {
    extendPrivacyRequest(input: $input) {
      __typename
      ... on PrivacyRequestPayload { privacyRequest { ${PR_FIELDS} } }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
export const CLOSE_CASE = /* GraphQL */ `
  mutation Close($input: CloseCaseForPrivacyRequestInput!) {
    closeCaseForPrivacyRequest(input: $input) {
      __typename
      ... on CloseCaseForPrivacyRequestPayload {
        case { id status closeReason closeSecondaryReason closedAt version }
        privacyRequest { name }
      }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
export const CASE_PRIVACY = /* GraphQL */ `
  query CasePrivacy($id: ID!) {
    case(id: $id) {
      status
      privacyRequests { name type receivedAt status }
      timeline(first: 100) { edges { node { type data actor { name } } } }
    }
  }
`;

let memberCounter = 0;

/** A member (with the given sign-in methods and names) and a Tier 1 case about them. */
export async function memberWithCase(
  tenant: TestTenant,
  member: { signInMethods?: string[]; preferredName?: string | null; legalName?: string } = {},
) {
  memberCounter += 1;
  const externalRef = `member-${memberCounter}-${Date.now()}`;
  const upsert = await tenant.as('integration')<any>(UPSERT_CUSTOMER, {
    input: {
      externalRef,
      email: `${externalRef}@members.example`,
      legalName: member.legalName ?? 'Jonathan Example',
      ...(member.preferredName === null ? {} : { preferredName: member.preferredName ?? 'Jo' }),
      signInMethods: member.signInMethods ?? ['password'],
    },
  });
  expect(upsert.data?.upsertCustomer.__typename).toBe('UpsertCustomerPayload');
  const created = await tenant.as('agent')<any>(CREATE_CASE, {
    input: { subject: 'Please delete my data', customerRef: externalRef, channel: 'EMAIL' },
  });
  const caseId = rowId(created.data?.createCase.case.id as string);
  expect(caseId).toBeTruthy();
  return { externalRef, caseId, email: `${externalRef}@members.example` };
}
