import { expect } from 'vitest';
import type { TestKit, TestTenant } from '../packages/api/src/testing/test-kit.js';

/** GraphQL documents and small helpers shared by the cases end-to-end tests. */

export const APP_ERROR = '... on AppError { code message rule fields { path message } details }';

export const CREATE_CASE = /* GraphQL */ `
  mutation Create($input: CreateCaseInput!) {
    createCase(input: $input) {
      __typename
      ... on CreateCasePayload { created case { id version status } }
      ${APP_ERROR}
    }
  }
`;

export const DECISION_FIELDS = `
  policyVersion outcome triggerCodes summary requiredNoteFields stepOrder guidance evaluatedAt
  target { tier team queue } setStatus setPriority
  approval { required approverRole reason }
  notifications { kind recipient message ruleId }
  triggers { code ruleId evidence }
  sla explanation decision
`;

export const ROUTE_CASE = /* GraphQL */ `
  query Route($caseId: ID!, $input: RouteCaseInput) {
    routeCase(caseId: $caseId, input: $input) {
      __typename
      ... on RoutingDecision { ${DECISION_FIELDS} }
      ${APP_ERROR}
    }
  }
`;

export const ESCALATE_CASE = /* GraphQL */ `
  mutation Escalate($caseId: ID!, $input: EscalateCaseInput!) {
    escalateCase(caseId: $caseId, input: $input) {
      __typename
      ... on EscalateCasePayload {
        outcome
        decision { policyVersion summary triggerCodes requiredNoteFields }
        approval { id status approverRole }
        case { id status priority tier version policyVersion triggers queue { slug } assignee { id } }
      }
      ${APP_ERROR}
    }
  }
`;

export const HIP_NOTE = {
  reason: 'Member asked for a supervisor after a failed delivery',
  stepsTaken: 'Rescheduled delivery twice, checked carrier status',
  offersMade: 'Offered one month of membership free',
  helpNeeded: 'Supervisor to call the member today',
};

export type Json = Record<string, any>;

export async function createCase(
  tenant: TestTenant,
  input: Json,
  role = 'agent',
): Promise<{ id: string; version: number }> {
  const response = await tenant.as(role)<{ createCase: Json }>(CREATE_CASE, { input });
  const payload = response.data?.createCase;
  expect(payload?.__typename, JSON.stringify(response)).toBe('CreateCasePayload');
  return payload?.case as { id: string; version: number };
}

export async function routeCase(tenant: TestTenant, caseId: string, input: Json = {}, role = 'agent'): Promise<Json> {
  const response = await tenant.as(role)<{ routeCase: Json }>(ROUTE_CASE, { caseId, input });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data?.routeCase as Json;
}

export async function escalateCase(tenant: TestTenant, caseId: string, input: Json, role = 'agent'): Promise<Json> {
  const response = await tenant.as(role)<{ escalateCase: Json }>(ESCALATE_CASE, { caseId, input });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data?.escalateCase as Json;
}

/** Row id of a Relay global id (or the id itself when it is a bare UUID). */
export function rowId(id: string): string {
  if (/^[0-9a-f-]{36}$/i.test(id)) return id;
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

/** The case row and its timeline types, read straight from the database. */
export async function snapshot(kit: TestKit, globalId: string) {
  const caseId = rowId(globalId);
  const row = await kit.db.case.findUniqueOrThrow({ where: { id: caseId }, include: { queue: true } });
  const events = await kit.db.timelineEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
  const notes = await kit.db.handoffNote.count({ where: { caseId } });
  const outbox = await kit.db.outboxMessage.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
  const approvals = await kit.db.approval.count({ where: { caseId } });
  const { updatedAt: _updatedAt, ...stable } = row;
  return { row: stable, types: events.map((event) => event.type), events, notes, outbox, approvals };
}

const APPROVE_ESCALATION = /* GraphQL */ `
  mutation Approve($approvalId: ID!) {
    approveEscalation(approvalId: $approvalId) { __typename ${APP_ERROR} }
  }
`;

/**
 * CIN-2 the way the procedure runs it: the agent escalates, the policy asks for a supervisor's
 * approval, a tier-1 supervisor grants it on record, and the case moves. Returns the case as it
 * is after the approval (the escalation payload when none was needed).
 */
export async function escalateWithSupervisorApproval(tenant: TestTenant, caseId: string, input: Json): Promise<Json> {
  const first = await escalateCase(tenant, caseId, input);
  expect(first.__typename, JSON.stringify(first)).toBe('EscalateCasePayload');
  if (first.outcome !== 'PENDING_APPROVAL') return first;
  const approved = await tenant.as('tier1_supervisor')<{ approveEscalation: Json }>(APPROVE_ESCALATION, {
    approvalId: first.approval.id,
  });
  expect(approved.data?.approveEscalation.__typename, JSON.stringify(approved)).not.toBe('AppError');
  const after = await tenant.as('agent')<{ case: Json }>(
    `query ($id: ID!) { case(id: $id) { id status priority tier version policyVersion triggers queue { slug } assignee { id } } }`,
    { id: caseId },
  );
  return { ...first, outcome: 'APPLIED', case: after.data?.case };
}

/** The customer's returns on file (TON-7): recorded by an integration, never sent as a signal. */
export async function recordRmaCount(tenant: TestTenant, customerRef: string, rmaCount: number): Promise<void> {
  const response = await tenant.as('integration')<{ upsertCustomer: Json }>(
    `mutation ($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { __typename ${APP_ERROR} } }`,
    { input: { externalRef: customerRef, rmaCount } },
  );
  expect(response.data?.upsertCustomer.__typename, JSON.stringify(response)).not.toBe('AppError');
}
