/**
 * CARE Tier 2 escalations walked through the general case API (createCase → routeCase →
 * escalateCase), the way a Tier 1 agent works the SOP without the review-specific mutation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, rowId } from './work-support.js';

let kit: TestKit;
let care: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  care = await kit.createTenant('care');
});

afterAll(async () => {
  await kit.close();
});

const CREATE_CASE = /* GraphQL */ `
  mutation ($input: CreateCaseInput!) {
    createCase(input: $input) { __typename ${APP_ERROR} ... on CreateCasePayload { case { id version } } }
  }
`;

const ROUTE_CASE = /* GraphQL */ `
  query ($caseId: ID!) {
    routeCase(caseId: $caseId) {
      __typename
      ${APP_ERROR}
      ... on RoutingDecision { outcome target { tier queue } requiredNoteFields }
    }
  }
`;

const ESCALATE_CASE = /* GraphQL */ `
  mutation ($caseId: ID!, $input: EscalateCaseInput!) {
    escalateCase(caseId: $caseId, input: $input) {
      __typename
      ${APP_ERROR}
      ... on EscalateCasePayload { case { status tier queue { slug } version } decision { outcome } }
    }
  }
`;

interface EscalateResult {
  escalateCase: {
    __typename: string;
    code?: string;
    rule?: string;
    fields?: { path: string; message: string }[];
    case?: { status: string; tier: string; queue: { slug: string } | null; version: number };
  };
}

let customerSeq = 0;
async function openReviewCase(subject: string, externalCrmNumber?: string): Promise<{ id: string; version: number }> {
  customerSeq += 1;
  const response = await care.as('agent')<{ createCase: { case: { id: string; version: number } } }>(CREATE_CASE, {
    input: {
      customerRef: `seeker-${Date.now()}-${customerSeq}`,
      subject,
      description:
        'Hi, I wrote a review for my nanny last month but I misspelled her name and got the dates wrong. Can you fix my review?',
      channel: 'EMAIL',
      ...(externalCrmNumber ? { externalCrmNumber } : {}),
    },
  });
  const created = response.data?.createCase.case;
  if (!created) throw new Error(JSON.stringify(response));
  return created;
}

async function snapshot(caseId: string) {
  const row = await kit.db.case.findUniqueOrThrow({ where: { id: rowId(caseId) } });
  const events = await kit.db.timelineEvent.count({ where: { caseId: rowId(caseId) } });
  const notes = await kit.db.handoffNote.count({ where: { caseId: rowId(caseId) } });
  return { status: row.status, tier: row.tier, queueId: row.queueId, version: row.version, events, notes };
}

describe('CARE-R1 CARE-R2 review escalations through escalateCase', () => {
  it('CARE-R1 a review case carrying its CRM number and "Edit Review" subject escalates to Tier 2 without retyping them in a note', async () => {
    const created = await openReviewCase('Edit Review - misspelled nanny name', '05001234');
    const response = await care.as('agent')<EscalateResult>(ESCALATE_CASE, {
      caseId: created.id,
      input: { expectedVersion: created.version },
    });
    expect(response.data?.escalateCase, JSON.stringify(response)).toMatchObject({
      __typename: 'EscalateCasePayload',
      case: { status: 'ESCALATED', tier: 'TIER2', queue: { slug: 'tier2-escalations' } },
    });
  });

  it('CARE-R2 without the CRM number: refused naming it, nothing changes', async () => {
    const created = await openReviewCase('Edit Review - misspelled nanny name');
    const before = await snapshot(created.id);
    const response = await care.as('agent')<EscalateResult>(ESCALATE_CASE, {
      caseId: created.id,
      input: { expectedVersion: created.version },
    });
    const error = response.data?.escalateCase;
    expect(error).toMatchObject({ __typename: 'AppError', code: 'NOTE_REQUIRED' });
    expect(error?.rule).toContain('CARE-R2');
    expect(error?.fields).toEqual([
      { path: 'input.note.crmCaseNumber', message: expect.stringContaining('externalCrmNumber') },
    ]);
    expect(await snapshot(created.id)).toEqual(before);
  });

  it('CARE-R2 without "Edit Review" or "Remove Review" in the subject: refused naming the subject, nothing changes', async () => {
    const created = await openReviewCase('Review help', '05001235');
    const before = await snapshot(created.id);
    const response = await care.as('agent')<EscalateResult>(ESCALATE_CASE, {
      caseId: created.id,
      input: { expectedVersion: created.version },
    });
    const error = response.data?.escalateCase;
    expect(error).toMatchObject({ __typename: 'AppError', code: 'NOTE_REQUIRED' });
    expect(error?.rule).toContain('CARE-R2');
    expect(error?.fields).toEqual([{ path: 'input.note.subject', message: expect.stringContaining('Edit Review') }]);
    expect(await snapshot(created.id)).toEqual(before);
  });

  it('CARE-R1 CARE-R2 the dry run of a review request says Tier 2 and names the CRM number and subject it needs', async () => {
    const created = await openReviewCase('Question about a review');
    const before = await snapshot(created.id);
    const response = await care.as('agent')<{
      routeCase: { target: { tier: string; queue: string }; requiredNoteFields: string[] };
    }>(ROUTE_CASE, { caseId: created.id });
    const decision = response.data?.routeCase;
    expect(decision?.target).toEqual({ tier: 'TIER2', queue: 'tier2-escalations' });
    expect(decision?.requiredNoteFields).toEqual(['crmCaseNumber', 'subject']);
    expect(await snapshot(created.id)).toEqual(before);
  });
});

describe('X-5 CARE-P roles', () => {
  const CREATE_PRIVACY_REQUEST = /* GraphQL */ `
    mutation ($input: CreatePrivacyRequestInput!) {
      createPrivacyRequest(input: $input) { __typename ${APP_ERROR} }
    }
  `;

  it('X-5 a Tier 2 agent adding a privacy request is told which role may: FORBIDDEN naming privacy, nothing written', async () => {
    const created = await openReviewCase('Delete my data');
    const response = await care.as('tier2')<{
      createPrivacyRequest: {
        __typename: string;
        code?: string;
        message?: string;
        details?: { allowedRoles: string[] };
      };
    }>(CREATE_PRIVACY_REQUEST, { input: { caseId: created.id, type: 'DELETE_DATA', status: 'REQUESTED' } });
    const error = response.data?.createPrivacyRequest;
    expect(error).toMatchObject({ __typename: 'AppError', code: 'FORBIDDEN' });
    expect(error?.details?.allowedRoles).toContain('privacy');
    expect(error?.details?.allowedRoles).not.toContain('tier2');
    expect(error?.message).toMatch(/^The role tier2 may not do this; createPrivacyRequest is for .*privacy/);
    expect(await kit.db.privacyRequest.count({ where: { caseId: rowId(created.id) } })).toBe(0);
  });
});
