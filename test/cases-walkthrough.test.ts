import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import type { Json } from './cases-support.js';

/** The README walk-through, document for document: route a Tonal supervisor request, escalate it, read the timeline. */

export const WALKTHROUGH_CREATE = /* GraphQL */ `
  mutation CreateCase($input: CreateCaseInput!) {
    createCase(input: $input) {
      ... on CreateCasePayload { created case { id displayNumber status version } }
      ... on AppError { code message fields { path message } }
    }
  }
`;

export const WALKTHROUGH_ROUTE = /* GraphQL */ `
  query RouteCase($caseId: ID!, $input: RouteCaseInput) {
    routeCase(caseId: $caseId, input: $input) {
      ... on RoutingDecision {
        policyVersion
        outcome
        summary
        triggers { code ruleId evidence }
        target { team queue }
        setStatus
        setPriority
        requiredNoteFields
        stepOrder
        notifications { kind recipient message }
        guidance
      }
      ... on AppError { code message }
    }
  }
`;

export const WALKTHROUGH_ESCALATE = /* GraphQL */ `
  mutation EscalateCase($caseId: ID!, $input: EscalateCaseInput!) {
    escalateCase(caseId: $caseId, input: $input) {
      ... on EscalateCasePayload {
        outcome
        case { status priority version policyVersion triggers queue { slug } assignee { name } }
      }
      ... on AppError { code message rule fields { path message } }
    }
  }
`;

export const WALKTHROUGH_TIMELINE = /* GraphQL */ `
  query Timeline($id: ID!) {
    case(id: $id) {
      displayNumber
      timeline(first: 20) {
        edges { node { type data policyVersion createdAt actor { name role } } }
      }
    }
  }
`;

const TEXT = 'The delivery was missed again. I want to talk to a supervisor.';

let kit: TestKit;
let tonal: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  tonal = await kit.createTenant('tonal');
});

afterAll(async () => {
  await kit.close();
});

describe('README walk-through', () => {
  it('TON-1 TON-4 TON-5 X-1 X-2 route a supervisor request (dry run), escalate it with its handoff note, read the timeline', async () => {
    const agent = tonal.as('agent');
    const created = await agent<{ createCase: Json }>(WALKTHROUGH_CREATE, {
      input: { subject: 'Delivery missed twice', customerRef: 'member-1042', channel: 'CHAT' },
    });
    const caseId = created.data?.createCase.case.id;
    expect(created.data?.createCase).toMatchObject({ created: true, case: { status: 'NEW', version: 1 } });

    const routed = await agent<{ routeCase: Json }>(WALKTHROUGH_ROUTE, { caseId, input: { text: TEXT } });
    expect(routed.data?.routeCase).toMatchObject({
      policyVersion: 1,
      outcome: 'ESCALATE',
      target: { team: 'support-staff', queue: 'supervisor-escalations' },
      setStatus: 'OPEN',
      setPriority: 'HIGH',
      requiredNoteFields: ['reason', 'stepsTaken', 'offersMade', 'helpNeeded'],
      stepOrder: ['NOTE', 'QUEUE', 'STATUS_OPEN', 'PRIORITY'],
    });
    expect(routed.data?.routeCase.triggers.map((trigger: Json) => trigger.code)).toEqual(['SUPERVISOR_REQUEST']);

    const withoutNote = await agent<{ escalateCase: Json }>(WALKTHROUGH_ESCALATE, {
      caseId,
      input: { expectedVersion: 1, text: TEXT },
    });
    expect(withoutNote.data?.escalateCase).toMatchObject({ code: 'NOTE_REQUIRED', rule: 'TON-4, TON-5, TON-8' });

    const escalated = await agent<{ escalateCase: Json }>(WALKTHROUGH_ESCALATE, {
      caseId,
      input: {
        expectedVersion: 1,
        text: TEXT,
        note: {
          reason: 'Member asked for a supervisor after a second missed delivery',
          stepsTaken: 'Checked the carrier; rebooked delivery for Friday',
          offersMade: 'One month of membership credit',
          helpNeeded: 'Supervisor to call the member today',
        },
        idempotencyKey: 'walkthrough-escalate-1',
      },
    });
    expect(escalated.data?.escalateCase).toMatchObject({
      outcome: 'APPLIED',
      case: {
        status: 'OPEN',
        priority: 'HIGH',
        version: 2,
        policyVersion: 1,
        triggers: ['SUPERVISOR_REQUEST'],
        queue: { slug: 'supervisor-escalations' },
        assignee: { name: 'Demo Support Staff on Duty' },
      },
    });

    const timeline = await agent<{ case: Json }>(WALKTHROUGH_TIMELINE, { id: caseId });
    expect(timeline.data?.case.timeline.edges.map((edge: Json) => edge.node.type)).toEqual([
      'CASE_CREATED',
      'NOTE_ADDED',
      'QUEUE_CHANGED',
      'STATUS_CHANGED',
      'PRIORITY_CHANGED',
      'ASSIGNED',
      'ESCALATED',
    ]);
  });
});
