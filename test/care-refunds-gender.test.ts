import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';

/** The row id inside a Relay global id (for reading rows back from the database). */
const rowId = (globalId: string): string => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] ?? globalId;

const ERROR_FIELDS = 'code message rule fields { path message } details';
const UPSERT_CUSTOMER = /* GraphQL */ `
  mutation Upsert($input: UpsertCustomerInput!) {
    upsertCustomer(input: $input) { __typename ... on AppError { code message } }
  }
`;
const CREATE_CASE = /* GraphQL */ `
  mutation Create($input: CreateCaseInput!) {
    createCase(input: $input) { __typename ... on CreateCasePayload { case { id version } } }
  }
`;
const RECORD_REFUND = /* GraphQL */ `
  mutation Refund($input: RecordRefundInput!) {
    recordRefund(input: $input) {
      __typename
      ... on RecordRefundPayload {
        refund { reason amountCents offline }
        case { tier status queue { slug } triggers }
        routing { outcome triggers summary policyVersion }
      }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
const ESCALATE_CASE = /* GraphQL */ `
  mutation Escalate($caseId: ID!, $input: EscalateCaseInput!) {
    escalateCase(caseId: $caseId, input: $input) {
      __typename
      ... on EscalateCasePayload { outcome case { tier queue { slug } triggers version } }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
const RAISE_CONCERN = /* GraphQL */ `
  mutation Raise($input: RaiseGenderIdentityConcernInput!) {
    raiseGenderIdentityConcern(input: $input) {
      __typename
      ... on GenderIdentityConcernPayload { outcome triggers case { tier queue { slug } } }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
const ADD_TEAM = /* GraphQL */ `
  mutation AddTeam($input: AddTeamToCaseInput!) {
    addTeamToCase(input: $input) {
      __typename
      ... on AddTeamToCasePayload {
        added
        team { slug name }
        taskId
        case { additionalTeams { team { slug } } }
      }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;
const CHECK_REPLY = /* GraphQL */ `
  query Check($caseId: ID!, $text: String!) {
    checkReply(caseId: $caseId, text: $text) {
      __typename
      ... on ReplyCheck { ok addressAs findings { kind checkId phrase start end message requirementIds } }
      ... on AppError { ${ERROR_FIELDS} }
    }
  }
`;

let kit: TestKit;
let care: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  care = await kit.createTenant('care');
});

afterAll(async () => {
  await kit.close();
});

let sequence = 0;

async function memberCase(subject: string, member: { preferredName?: string; legalName?: string } = {}) {
  sequence += 1;
  const externalRef = `member-${sequence}-${Date.now()}`;
  await care.as('integration')(UPSERT_CUSTOMER, {
    input: { externalRef, email: `${externalRef}@members.example`, signInMethods: ['password'], ...member },
  });
  const created = await care.as('agent')<any>(CREATE_CASE, { input: { subject, customerRef: externalRef } });
  return { externalRef, caseId: rowId(created.data?.createCase.case.id as string) };
}

const refund = (input: Record<string, unknown>) => care.as('agent')<any>(RECORD_REFUND, { input });

describe('booking refunds', () => {
  it('CARE-B1 the third refund for the same booking refund reason routes the case to Tier 2 through the policy', async () => {
    const { externalRef, caseId } = await memberCase('Booking refund');
    const first = await refund({ customerRef: externalRef, caseId, reason: 'Provider no-show', amountCents: 4500 });
    expect(first.data?.recordRefund.routing.outcome).toBe('NOT_ESCALATED');
    // another reason does not add up with the first
    const other = await refund({ customerRef: externalRef, caseId, reason: 'Double charge', amountCents: 1200 });
    expect(other.data?.recordRefund.routing.outcome).toBe('NOT_ESCALATED');
    const second = await refund({ customerRef: externalRef, caseId, reason: 'provider  No-Show', amountCents: 3000 });
    expect(second.data?.recordRefund).toMatchObject({ routing: { outcome: 'NOT_ESCALATED' }, case: { tier: 'TIER1' } });

    const third = await refund({ customerRef: externalRef, caseId, reason: 'Provider no-show', amountCents: 2500 });
    const payload = third.data?.recordRefund;
    expect(payload.routing.outcome).toBe('ESCALATED');
    expect(payload.routing.triggers).toContain('REPEAT_REFUND');
    expect(payload.routing.policyVersion).toBe(1);
    expect(payload.case).toMatchObject({ tier: 'TIER2', queue: { slug: 'tier2-escalations' } });
    expect(payload.case.triggers).toContain('REPEAT_REFUND');

    const history = await care.as('tier2')<any>(
      `query($ref: String!) { customer(externalRef: $ref) { bookingRefundsByReason { reason count } refunds { reason } } }`,
      { ref: externalRef },
    );
    expect(history.data?.customer.bookingRefundsByReason).toEqual([
      { reason: 'Provider no-show', count: 3 },
      { reason: 'Double charge', count: 1 },
    ]);
    expect(history.data?.customer.refunds).toHaveLength(4);
    const events = await kit.db.timelineEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
    expect(events.filter((event) => event.type === 'REFUND_RECORDED')).toHaveLength(4);
    const escalated = events.find((event) => event.type === 'ESCALATED');
    expect(escalated?.decision).toBeTruthy();
  });

  it('CARE-B2 an offline refund whose cancellation fee is still owed routes to Tier 2; the fee needs an offline refund', async () => {
    const { externalRef, caseId } = await memberCase('Provider refunded me directly');
    const before = await kit.db.refund.count({ where: { tenantId: care.tenantId } });
    const invalid = await refund({
      customerRef: externalRef,
      caseId,
      reason: 'Cancellation',
      amountCents: 100,
      cancellationFeeOwed: true,
    });
    expect(invalid.data?.recordRefund).toMatchObject({ code: 'VALIDATION_FAILED', rule: 'CARE-B2' });
    expect(await kit.db.refund.count({ where: { tenantId: care.tenantId } })).toBe(before);

    const plainOffline = await refund({
      customerRef: externalRef,
      caseId,
      reason: 'Cancellation',
      amountCents: 9000,
      offline: true,
    });
    expect(plainOffline.data?.recordRefund.routing.outcome).toBe('NOT_ESCALATED');
    const feeOwed = await refund({
      customerRef: externalRef,
      caseId,
      reason: 'Cancellation fee',
      amountCents: 1500,
      offline: true,
      cancellationFeeOwed: true,
    });
    expect(feeOwed.data?.recordRefund).toMatchObject({
      refund: { offline: true },
      routing: { outcome: 'ESCALATED' },
      case: { tier: 'TIER2', queue: { slug: 'tier2-escalations' } },
    });
    expect(feeOwed.data?.recordRefund.routing.triggers).toContain('CANCELLATION_FEE_REFUND');
  });

  it('refunds need a known member and a role that handles cases', async () => {
    const unknown = await refund({ customerRef: 'nobody', reason: 'x', amountCents: 1 });
    expect(unknown.data?.recordRefund).toMatchObject({ code: 'NOT_FOUND', fields: [{ path: 'input.customerRef' }] });
    const forbidden = await care.as('privacy')<any>(RECORD_REFUND, {
      input: { customerRef: 'nobody', reason: 'x', amountCents: 1 },
    });
    expect(forbidden.data?.recordRefund.code).toBe('FORBIDDEN');
  });
});

describe('gender identity concerns', () => {
  const KEYWORD_MESSAGES = [
    'Your site keeps showing my deadname to families',
    'I am transgender and my profile shows the wrong gender',
    'I am non-binary and there is no option for me',
    'As a queer caregiver I was treated badly',
    'I felt this was gender discrimination by the family',
    "I don't identify as a woman, please fix my profile",
    'My job post mentions we are an LGBTQ+ family',
  ];

  it.each(KEYWORD_MESSAGES)('CARE-G1 a gender identity keyword routes to Tier 2: %s', async (text) => {
    const { caseId } = await memberCase('Profile question');
    const response = await care.as('agent')<any>(ESCALATE_CASE, { caseId, input: { expectedVersion: 1, text } });
    expect(response.data?.escalateCase).toMatchObject({
      __typename: 'EscalateCasePayload',
      case: { tier: 'TIER2', queue: { slug: 'tier2-escalations' } },
    });
    expect(response.data?.escalateCase.case.triggers).toContain('GENDER_IDENTITY');
  });

  it.each([
    'GENDER_OPTIONS',
    'SAFETY_BECAUSE_OF_GENDER_OR_NAME',
    'LEGAL_VS_DISPLAY_NAME',
    'NAME_OR_GENDER_UPDATE',
    'LGBTQ_CONTENT',
  ])('CARE-G1 a gender identity concern by category routes to Tier 2 without a keyword: %s', async (category) => {
    const { caseId } = await memberCase('Account question');
    const response = await care.as('agent')<any>(RAISE_CONCERN, {
      input: { caseId, category, expectedVersion: 1, text: 'Please help me with my account' },
    });
    expect(response.data?.raiseGenderIdentityConcern).toMatchObject({
      __typename: 'GenderIdentityConcernPayload',
      outcome: 'APPLIED',
      case: { tier: 'TIER2', queue: { slug: 'tier2-escalations' } },
    });
    expect(response.data?.raiseGenderIdentityConcern.triggers).toContain('GENDER_IDENTITY');
    const events = await kit.db.timelineEvent.findMany({ where: { caseId, type: 'ESCALATED' } });
    expect(events).toHaveLength(1);
  });

  it('CARE-G1 a stale case version or a wrong role changes nothing', async () => {
    const { caseId } = await memberCase('Account question');
    const stale = await care.as('agent')<any>(RAISE_CONCERN, {
      input: { caseId, category: 'NAME_OR_GENDER_UPDATE', expectedVersion: 7 },
    });
    expect(stale.data?.raiseGenderIdentityConcern.code).toBe('CONFLICT');
    const forbidden = await care.as('privacy')<any>(RAISE_CONCERN, {
      input: { caseId, category: 'NAME_OR_GENDER_UPDATE', expectedVersion: 1 },
    });
    expect(forbidden.data?.raiseGenderIdentityConcern.code).toBe('FORBIDDEN');
    expect(await kit.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ tier: 'TIER1', version: 1 });
  });

  it('CARE-G3 Tier 2 brings in Member Review and Safety: team on the case, a review task, the timeline; only on Tier 2 cases, only by Tier 2', async () => {
    const { caseId } = await memberCase('Safety concern');
    const tooEarly = await care.as('tier2')<any>(ADD_TEAM, { input: { caseId } });
    expect(tooEarly.data?.addTeamToCase).toMatchObject({ code: 'RULE_VIOLATION', rule: 'CARE-G3' });
    await care.as('agent')(ESCALATE_CASE, {
      caseId,
      input: { expectedVersion: 1, text: 'I do not feel safe because families see my deadname' },
    });
    const forbidden = await care.as('agent')<any>(ADD_TEAM, { input: { caseId } });
    expect(forbidden.data?.addTeamToCase.code).toBe('FORBIDDEN');
    expect(await kit.db.caseTeam.count({ where: { caseId } })).toBe(0);

    const added = await care.as('tier2')<any>(ADD_TEAM, {
      input: { caseId, reason: 'Member reports being deadnamed by a family' },
    });
    expect(added.data?.addTeamToCase).toMatchObject({
      added: true,
      team: { slug: 'member-review-safety', name: 'Member Review and Safety' },
      case: { additionalTeams: [{ team: { slug: 'member-review-safety' } }] },
    });
    const task = await kit.db.task.findUniqueOrThrow({
      where: { id: added.data?.addTeamToCase.taskId },
      include: { team: true },
    });
    expect(task).toMatchObject({
      kind: 'SAFETY_REVIEW',
      status: 'TODO',
      caseId,
      team: { slug: 'member-review-safety' },
    });
    const again = await care.as('tier2')<any>(ADD_TEAM, { input: { caseId } });
    expect(again.data?.addTeamToCase).toMatchObject({ added: false, taskId: null });
    expect(await kit.db.task.count({ where: { caseId, kind: 'SAFETY_REVIEW' } })).toBe(1);
    const events = await kit.db.timelineEvent.findMany({ where: { caseId, type: 'TEAM_ADDED' } });
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ team: { slug: 'member-review-safety' }, rule: 'CARE-G3' });
  });

  it('CARE-G2 a reply using the legal name of a member with a preferred name is flagged with offsets', async () => {
    const { caseId } = await memberCase('Name question', { preferredName: 'Sam', legalName: 'Samantha Jones' });
    const text = 'Hi Samantha, thanks for reaching out.';
    const flagged = await care.as('tier2')<any>(CHECK_REPLY, { caseId, text });
    const result = flagged.data?.checkReply;
    expect(result.ok).toBe(false);
    expect(result.addressAs).toBe('Sam');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ kind: 'LEGAL_NAME_USED', phrase: 'Samantha', start: 3, end: 11 });
    expect(result.findings[0].requirementIds).toContain('CARE-G2');
    expect(text.slice(result.findings[0].start, result.findings[0].end)).toBe('Samantha');

    const fine = await care.as('tier2')<any>(CHECK_REPLY, { caseId, text: 'Hi Sam, thanks for reaching out.' });
    expect(fine.data?.checkReply).toMatchObject({ ok: true, findings: [] });
    const unknown = await care.as('tier2')<any>(CHECK_REPLY, { caseId: '00000000-0000-4000-8000-000000000000', text });
    expect(unknown.data?.checkReply.code).toBe('NOT_FOUND');
  });
});
