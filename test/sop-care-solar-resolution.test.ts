/**
 * SOLAR resolution escalations walked through the API the way a contact-center agent works the
 * SOP: the customer asks, the agent checks the reply, escalates with the SOL-4 fields, the
 * customer gets the documentation email, the specialist receives a Case Assignment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, RESPOND, type RespondResult, rowId } from './work-support.js';

let kit: TestKit;
let solar: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  solar = await kit.createTenant('solar');
});

afterAll(async () => {
  await kit.close();
});

type Json = Record<string, unknown>;

const CREATE_CASE = /* GraphQL */ `
  mutation ($input: CreateCaseInput!) {
    createCase(input: $input) { __typename ${APP_ERROR} ... on CreateCasePayload { created case { id version } } }
  }
`;

const CHECK_REPLY = /* GraphQL */ `
  query ($caseId: ID!, $text: String!) {
    checkReply(caseId: $caseId, text: $text) { __typename ${APP_ERROR} ... on ReplyCheck { findings { kind phrase } } }
  }
`;

const ESCALATE_FOR_RESOLUTION = /* GraphQL */ `
  mutation ($caseId: ID!, $input: ResolutionEscalationInput!) {
    escalateForResolution(caseId: $caseId, input: $input) {
      __typename
      ${APP_ERROR}
      ... on ResolutionEscalationPayload {
        documentationRequested
        assignment { id status assignee { id role } }
        case { id version status assignee { id } notifications { channel template subject recipient } }
      }
    }
  }
`;

let customerSeq = 0;
async function openCase(description: string): Promise<{ id: string; version: number }> {
  customerSeq += 1;
  const response = await solar.as('agent')<{ createCase: Json }>(CREATE_CASE, {
    input: {
      customerRef: `homeowner-${Date.now()}-${customerSeq}`,
      subject: 'Solar system concern',
      description,
      channel: 'PHONE',
    },
  });
  const payload = response.data?.createCase as { case: { id: string; version: number } };
  return payload.case;
}

const SOL4_FIELDS = {
  primaryReason: 'System underperforming',
  detailedDescription: 'Production at 30% of the estimate since the March install; installer ignored four calls.',
  installerPointOfView: 'Installer blames shading from a new tree; no site visit yet',
  interactionId: 'CXONE-88231',
  keyPoints: {
    concernType: 'Production guarantee',
    redFlags: 'Sales rep promised a 100% offset',
    otherConcerns: 'Loan payments started before permission to operate',
    voiceMatch: true,
    certificateOfCompletionReviewed: true,
  },
};

async function findingKinds(caseId: string, text: string): Promise<string[]> {
  const response = await solar.as('agent')<{ checkReply: { findings: { kind: string }[] } }>(CHECK_REPLY, {
    caseId,
    text,
  });
  return response.data?.checkReply.findings.map((finding) => finding.kind) ?? [];
}

describe('SOL-1 never offer escalation unless the customer asks', () => {
  const offer = "I'm sorry about that. Would you like me to escalate this to our resolution team?";

  it('SOL-1 a homeowner who asks "I want this escalated" (solar:ESCALATION_REQUEST) may be offered it', async () => {
    const asked = await openCase(
      "My panels were installed in March and barely produce anything. The installer keeps ghosting me. I want this escalated, it's been months.",
    );
    expect(await findingKinds(asked.id, offer)).toEqual([]);
  });

  it('SOL-1 a homeowner who only describes the problem: the offer is flagged', async () => {
    const notAsked = await openCase('My first bill from the loan company is higher than what the sales rep quoted me.');
    expect(await findingKinds(notAsked.id, offer)).toEqual(['UNPROMPTED_ESCALATION_OFFER']);
  });

  it('SOL-1 once the case was escalated on the customer request, offers are no longer flagged', async () => {
    const created = await openCase('Nobody has come out to look at the inverter error for three weeks.');
    expect(await findingKinds(created.id, offer)).toEqual(['UNPROMPTED_ESCALATION_OFFER']);
    const escalated = await solar.as('agent')<{ escalateForResolution: Json }>(ESCALATE_FOR_RESOLUTION, {
      caseId: created.id,
      input: { expectedVersion: created.version, ...SOL4_FIELDS },
    });
    expect(escalated.data?.escalateForResolution.__typename).toBe('ResolutionEscalationPayload');
    expect(await findingKinds(created.id, 'Thanks for waiting, I can escalate this further if needed.')).toEqual([]);
  });
});

describe('SOL-3 SOL-5 resolution escalation', () => {
  it('SOL-3 the documentation email the homeowner receives has a customer subject, not the routing summary', async () => {
    const created = await openCase('I need this escalated. The system has not worked since the install.');
    const response = await solar.as('agent')<{ escalateForResolution: Json }>(ESCALATE_FOR_RESOLUTION, {
      caseId: created.id,
      input: { expectedVersion: created.version, ...SOL4_FIELDS, customerAgreesToWait: true },
    });
    const payload = response.data?.escalateForResolution as {
      documentationRequested: boolean;
      case: { notifications: { channel: string; template: string; subject: string }[] };
    };
    expect(payload.documentationRequested).toBe(true);
    const emails = payload.case.notifications.filter((message) => message.template === 'documentation-request');
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email?.subject).toMatch(/^Supporting documentation for your escalated concern \(CASE-\d{6}\)$/);
    expect(email?.subject).not.toMatch(/SOL-|solar:/);
  });

  it('SOL-5 the escalation creates the Case Assignment; the specialist rejecting it voids the case', async () => {
    const created = await openCase('Please escalate my case, the roof is leaking where the panels were mounted.');
    const response = await solar.as('agent')<{ escalateForResolution: Json }>(ESCALATE_FOR_RESOLUTION, {
      caseId: created.id,
      input: { expectedVersion: created.version, ...SOL4_FIELDS, customerRefusesDocuments: true },
    });
    const payload = response.data?.escalateForResolution as {
      assignment: { id: string; status: string; assignee: { id: string; role: string } } | null;
      case: { status: string; assignee: { id: string } | null };
    };
    expect(payload.case.status).toBe('ESCALATED');
    expect(payload.assignment).toMatchObject({ status: 'OFFERED', assignee: { role: 'resolution_specialist' } });
    expect(payload.case.assignee?.id).toBe(payload.assignment?.assignee.id);

    const specialistKey = Object.entries(solar.userIds).find(
      ([, id]) => id === rowId(payload.assignment?.assignee.id ?? ''),
    )?.[0];
    expect(specialistKey).toBeDefined();
    const rejected = await solar.as(specialistKey ?? 'resolution_specialist')<RespondResult>(RESPOND, {
      input: {
        assignmentId: payload.assignment?.id,
        response: 'REJECT',
        reason: 'Service issue, not a resolution case',
      },
    });
    expect(rejected.data?.respondToAssignment).toMatchObject({ caseClosed: true, assignment: { status: 'REJECTED' } });
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: rowId(created.id) } });
    expect(row).toMatchObject({ status: 'CLOSED', closeReason: 'CASE_VOIDED' });
  });
});

describe('SOL-7 customer refuses to wait', () => {
  const ROUTE_CASE = /* GraphQL */ `
    query ($caseId: ID!, $input: RouteCaseInput) {
      routeCase(caseId: $caseId, input: $input) {
        __typename
        ${APP_ERROR}
        ... on RoutingDecision { outcome explanation requiredSteps { id } assignment }
      }
    }
  `;
  const refusesToWait = { signals: { agentFlags: ['QUALIFIES_FOR_RESOLUTION_REVIEW', 'CUSTOMER_REFUSES_TO_WAIT'] } };

  async function winner(caseId: string): Promise<{ winner: string; steps: string[] }> {
    const response = await solar.as('agent')<{
      routeCase: { explanation: { winner: string }; requiredSteps: { id: string }[] };
    }>(ROUTE_CASE, { caseId, input: refusesToWait });
    const decision = response.data?.routeCase;
    return { winner: decision?.explanation.winner ?? '', steps: decision?.requiredSteps.map((step) => step.id) ?? [] };
  }

  it('SOL-7 the dry run knows whether a Resolution Lead is free now: warm transfer, else voicemail', async () => {
    const created = await openCase("I want this escalated right now. I'm not waiting days for a callback.");
    const leadId = solar.userIds['resolution-lead'] ?? '';
    expect(leadId).not.toBe('');

    const online = await winner(created.id);
    expect(online.winner).toBe('sol-7.warm-transfer-to-lead');
    expect(online.steps).toEqual(expect.arrayContaining(['warm-transfer-resolution-lead', 'voicemail-if-no-answer']));

    await kit.db.user.update({ where: { id: leadId }, data: { availability: 'AWAY' } });
    try {
      const away = await winner(created.id);
      expect(away.winner).toBe('sol-7.transfer-to-voicemail');
      expect(away.steps).toContain('transfer-to-voicemail');
    } finally {
      await kit.db.user.update({ where: { id: leadId }, data: { availability: 'ONLINE' } });
    }
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: rowId(created.id) } });
    expect(row).toMatchObject({ version: created.version, status: 'NEW' });
  });
});

describe('SOL-5 through the general escalateCase', () => {
  const ESCALATE_CASE = /* GraphQL */ `
    mutation ($caseId: ID!, $input: EscalateCaseInput!) {
      escalateCase(caseId: $caseId, input: $input) {
        __typename
        ${APP_ERROR}
        ... on EscalateCasePayload { case { status assignee { id } assignments { id status assignee { id role } } } }
      }
    }
  `;
  const ACCEPT_THEN = /* GraphQL */ `
    mutation ($input: RespondToAssignmentInput!) {
      respondToAssignment(input: $input) { __typename ${APP_ERROR} ... on RespondToAssignmentPayload { caseClosed } }
    }
  `;

  it('SOL-5 the policy offers the Case Assignment; the specialist accepts, later returns it, and the case closes as CASE_VOIDED', async () => {
    const created = await openCase('I want my case escalated, the sales rep lied about the tax credit.');
    const note = {
      primaryReason: SOL4_FIELDS.primaryReason,
      detailedDescription: SOL4_FIELDS.detailedDescription,
      installerPointOfView: SOL4_FIELDS.installerPointOfView,
      interactionId: SOL4_FIELDS.interactionId,
      concernType: 'Sales misrepresentation',
      redFlags: 'Tax credit promised as a rebate',
      otherConcerns: 'none',
      voiceMatch: 'yes',
      certificateOfCompletionReviewed: 'yes',
    };
    const response = await solar.as('agent')<{
      escalateCase: {
        __typename: string;
        case: {
          status: string;
          assignee: { id: string } | null;
          assignments: { id: string; status: string; assignee: { id: string; role: string } }[];
        };
      };
    }>(ESCALATE_CASE, {
      caseId: created.id,
      input: {
        expectedVersion: created.version,
        note,
        signals: { agentFlags: ['QUALIFIES_FOR_RESOLUTION_REVIEW'] },
      },
    });
    const escalated = response.data?.escalateCase;
    expect(escalated?.__typename, JSON.stringify(response)).toBe('EscalateCasePayload');
    expect(escalated?.case.assignments).toHaveLength(1);
    const [offer] = escalated?.case.assignments ?? [];
    expect(offer).toMatchObject({ status: 'OFFERED', assignee: { role: 'resolution_specialist' } });
    expect(escalated?.case.assignee?.id).toBe(offer?.assignee.id);

    const specialistKey = Object.entries(solar.userIds).find(([, id]) => id === rowId(offer?.assignee.id ?? ''))?.[0];
    const specialist = solar.as(specialistKey ?? 'resolution_specialist');
    const accepted = await specialist<{ respondToAssignment: { caseClosed: boolean } }>(ACCEPT_THEN, {
      input: { assignmentId: offer?.id, response: 'ACCEPT' },
    });
    expect(accepted.data?.respondToAssignment.caseClosed).toBe(false);
    const returned = await specialist<{ respondToAssignment: { caseClosed: boolean } }>(ACCEPT_THEN, {
      input: { assignmentId: offer?.id, response: 'RETURN', reason: 'Needs a service visit, not a resolution' },
    });
    expect(returned.data?.respondToAssignment.caseClosed).toBe(true);
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: rowId(created.id) } });
    expect(row).toMatchObject({ status: 'CLOSED', closeReason: 'CASE_VOIDED' });
  });
});
