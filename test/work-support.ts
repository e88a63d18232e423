import { expect } from 'vitest';
import type { TestKit, TestTenant } from '../packages/api/src/testing/test-kit.js';

/** GraphQL documents and helpers shared by the assignment, task and notification tests. */

export const APP_ERROR = '... on AppError { code message rule fields { path message } details }';

export async function createCase(tenant: TestTenant, subject = 'Customer needs help', role = 'agent'): Promise<string> {
  const response = await tenant.as(role)<{ createCase: { __typename: string; case?: { id: string } } }>(
    /* GraphQL */ `
      mutation Create($input: CreateCaseInput!) {
        createCase(input: $input) { __typename ... on CreateCasePayload { case { id } } ${APP_ERROR} }
      }
    `,
    { input: { subject, customerRef: `cust-${Math.random().toString(36).slice(2, 10)}` } },
  );
  const id = response.data?.createCase.case?.id;
  expect(id, JSON.stringify(response)).toBeTruthy();
  return id as string;
}

export const ASSIGN = /* GraphQL */ `
  mutation Assign($input: AssignInput!) {
    assign(input: $input) {
      __typename
      ... on AssignPayload { explanation assignment { id status strategy assignee { id name } case { id } task { id } } }
      ${APP_ERROR}
    }
  }
`;

export const RESPOND = /* GraphQL */ `
  mutation Respond($input: RespondToAssignmentInput!) {
    respondToAssignment(input: $input) {
      __typename
      ... on RespondToAssignmentPayload { caseClosed assignment { id status respondedAt } }
      ${APP_ERROR}
    }
  }
`;

export interface AssignResult {
  assign: {
    __typename: string;
    code?: string;
    message?: string;
    rule?: string | null;
    fields?: { path: string; message: string }[];
    details?: Record<string, unknown> | null;
    explanation?: {
      strategy: string;
      pool: string;
      eligible: string[];
      chosenUserId: string | null;
      why: string;
      businessHours: { calendar: string; open: boolean; explanation: string } | null;
      candidates: { userId: string; name: string; eligible: boolean; excludedBecause: { code: string }[] }[];
    };
    assignment?: { id: string; status: string; strategy: string; assignee: { id: string; name: string } | null };
  };
}

export interface RespondResult {
  respondToAssignment: {
    __typename: string;
    code?: string;
    message?: string;
    caseClosed?: boolean;
    assignment?: { id: string; status: string; respondedAt: string | null };
  };
}

/** A relay id to the bare row id. */
export function rowId(globalId: string): string {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  return decoded.includes(':') ? decoded.slice(decoded.indexOf(':') + 1) : globalId;
}

export async function timelineTypes(kit: TestKit, caseId: string): Promise<string[]> {
  const events = await kit.db.timelineEvent.findMany({ where: { caseId: rowId(caseId) }, orderBy: { seq: 'asc' } });
  return events.map((event) => event.type);
}
