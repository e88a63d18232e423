import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, CREATE_CASE, createCase, type Json, rowId, snapshot } from './cases-support.js';

let kit: TestKit;
let solar: TestTenant;
let care: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  solar = await kit.createTenant('solar');
  care = await kit.createTenant('care');
});

afterAll(async () => {
  await kit.close();
});

const customer = () => `cust-${Math.random().toString(36).slice(2)}`;

const CHANGE_STATUS = /* GraphQL */ `
  mutation($caseId: ID!, $input: ChangeCaseStatusInput!) {
    changeCaseStatus(caseId: $caseId, input: $input) {
      __typename
      ... on CasePayload { case { status version closedAt closeReason } }
      ${APP_ERROR}
    }
  }
`;

const CLOSE_CASE = /* GraphQL */ `
  mutation($caseId: ID!, $input: CloseCaseInput!) {
    closeCase(caseId: $caseId, input: $input) {
      __typename
      ... on CasePayload { case { status version closeReason closeSecondaryReason closedAt comments { edges { node { kind body } } } } }
      ${APP_ERROR}
    }
  }
`;

const RESOLUTION = /* GraphQL */ `
  mutation($caseId: ID!, $input: ResolutionEscalationInput!) {
    escalateForResolution(caseId: $caseId, input: $input) {
      __typename
      ... on ResolutionEscalationPayload { documentationRequested case { status version queue { slug } handoffNotes { fields } } }
      ${APP_ERROR}
    }
  }
`;

const COMPLETE_RESOLUTION = {
  primaryReason: 'Misrepresented savings',
  detailedDescription: 'Customer says the sales rep promised a $0 bill; first bill was $180.',
  installerPointOfView: 'Rep says savings were estimated, not promised.',
  interactionId: 'REC-2026-11-0042',
  keyPoints: {
    concernType: 'Sales misrepresentation',
    redFlags: 'Signature date differs from visit date',
    otherConcerns: 'None',
    voiceMatch: true,
    certificateOfCompletionReviewed: true,
  },
};

describe('case operations', () => {
  it('SOL-2 an open case for the same customer and concern is returned instead of a duplicate', async () => {
    const ref = customer();
    const first = await solar.as('agent')<{ createCase: Json }>(CREATE_CASE, {
      input: { subject: 'Billing higher than promised', customerRef: ref, concern: 'Billing  Dispute' },
    });
    const again = await solar.as('agent')<{ createCase: Json }>(CREATE_CASE, {
      input: { subject: 'Called again about the bill', customerRef: ref, concern: 'billing dispute' },
    });
    expect(again.data?.createCase).toMatchObject({ created: false, case: { id: first.data?.createCase.case.id } });
    const forced = await solar.as('agent')<{ createCase: Json }>(CREATE_CASE, {
      input: { subject: 'Separate billing case', customerRef: ref, concern: 'billing dispute', allowDuplicate: true },
    });
    expect(forced.data?.createCase.created).toBe(true);
    expect(await kit.db.case.count({ where: { tenantId: solar.tenantId, customerRef: ref } })).toBe(2);
  });

  it('SOL-4 a resolution escalation lists every missing required field, and nothing changes', async () => {
    const created = await createCase(solar, { subject: 'Wants escalation', customerRef: customer() });
    const before = await snapshot(kit, created.id);
    const response = await solar.as('agent')<{ escalateForResolution: Json }>(RESOLUTION, {
      caseId: created.id,
      input: {
        expectedVersion: 1,
        primaryReason: 'Misrepresented savings',
        keyPoints: { concernType: 'Sales', voiceMatch: false },
        queue: 'resolution-escalations',
      },
    });
    const error = response.data?.escalateForResolution;
    expect(error).toMatchObject({ __typename: 'AppError', code: 'VALIDATION_FAILED', rule: 'SOL-4' });
    expect(error?.fields.map((field: Json) => field.path)).toEqual([
      'input.detailedDescription',
      'input.installerPointOfView',
      'input.interactionId',
      'input.keyPoints.redFlags',
      'input.keyPoints.otherConcerns',
      'input.keyPoints.certificateOfCompletionReviewed',
    ]);
    expect(await snapshot(kit, created.id)).toEqual(before);
  });

  it('SOL-3 SOL-4 a complete resolution escalation moves the case and queues the documentation request when the customer waits', async () => {
    const created = await createCase(solar, { subject: 'Wants escalation', customerRef: customer() });
    const response = await solar.as('agent')<{ escalateForResolution: Json }>(RESOLUTION, {
      caseId: created.id,
      input: {
        expectedVersion: 1,
        ...COMPLETE_RESOLUTION,
        customerAgreesToWait: true,
        queue: 'resolution-escalations',
      },
    });
    const payload = response.data?.escalateForResolution;
    expect(payload?.__typename, JSON.stringify(response)).toBe('ResolutionEscalationPayload');
    expect(payload?.documentationRequested).toBe(true);
    // version 3: the escalation, then the SOL-5 Case Assignment offered to a resolution specialist
    expect(payload?.case).toMatchObject({ status: 'ESCALATED', version: 3, queue: { slug: 'resolution-escalations' } });
    expect(payload?.case.handoffNotes[0].fields).toMatchObject({
      interactionId: 'REC-2026-11-0042',
      voiceMatch: 'yes',
    });
    const { outbox, types } = await snapshot(kit, created.id);
    expect(outbox).toEqual([expect.objectContaining({ channel: 'EMAIL', template: 'documentation-request' })]);
    expect(types).toEqual([
      'CASE_CREATED',
      'NOTE_ADDED',
      'QUEUE_CHANGED',
      'STATUS_CHANGED',
      'ESCALATED',
      'DOCUMENTATION_REQUESTED',
      'ASSIGNMENT_OFFERED',
    ]);
  });

  it('SOL-3 SOL-4 the policy routes a qualifying resolution escalation to a resolution specialist and sends one documentation email', async () => {
    const created = await createCase(solar, { subject: 'Escalate my case', customerRef: customer() });
    const response = await solar.as('agent')<{ escalateForResolution: Json }>(RESOLUTION, {
      caseId: created.id,
      input: { expectedVersion: 1, ...COMPLETE_RESOLUTION, customerAgreesToWait: true },
    });
    expect(response.data?.escalateForResolution, JSON.stringify(response)).toMatchObject({
      documentationRequested: true,
      case: { status: 'ESCALATED', queue: { slug: 'resolution-escalations' } },
    });
    const { outbox, row, events } = await snapshot(kit, created.id);
    expect(outbox.filter((message) => message.template === 'documentation-request')).toHaveLength(1);
    const assignee = await kit.db.user.findUniqueOrThrow({ where: { id: row.assigneeId ?? '' } });
    expect(assignee.role).toBe('resolution_specialist');
    expect(events.find((event) => event.type === 'ESCALATED')?.policyVersion).toBe(1);
  });

  it('SOL-3 the escalation goes ahead without the email when the customer refuses documents', async () => {
    const created = await createCase(solar, { subject: 'No documents', customerRef: customer() });
    const response = await solar.as('agent')<{ escalateForResolution: Json }>(RESOLUTION, {
      caseId: created.id,
      input: {
        expectedVersion: 1,
        ...COMPLETE_RESOLUTION,
        customerAgreesToWait: true,
        customerRefusesDocuments: true,
        queue: 'resolution-escalations',
      },
    });
    expect(response.data?.escalateForResolution).toMatchObject({
      documentationRequested: false,
      case: { status: 'ESCALATED' },
    });
    expect((await snapshot(kit, created.id)).outbox).toEqual([]);
  });

  it('SOL-6 the installer information is given on request and the sharing is recorded', async () => {
    const created = await createCase(solar, { subject: 'Who installed my panels?', customerRef: customer() });
    const SHARE = `mutation($caseId: ID!) {
      shareInstallerInfo(caseId: $caseId, input: { sharedVia: "PHONE" }) {
        __typename ... on ShareInstallerInfoPayload { installer { name company phone } } ${APP_ERROR}
      }
    }`;
    const missing = await solar.as('agent')<{ shareInstallerInfo: Json }>(SHARE, { caseId: created.id });
    expect(missing.data?.shareInstallerInfo).toMatchObject({ code: 'RULE_VIOLATION', rule: 'SOL-6' });
    const updated = await solar.as('agent')<{ updateCase: Json }>(
      `mutation($caseId: ID!, $input: UpdateCaseInput!) { updateCase(caseId: $caseId, input: $input) { __typename ... on CasePayload { case { version installer { name } } } ${APP_ERROR} } }`,
      {
        caseId: created.id,
        input: {
          expectedVersion: 1,
          installer: { name: 'Sam Ortiz', company: 'Bright Roofs LLC', phone: '+1 555 0100' },
        },
      },
    );
    expect(updated.data?.updateCase.case).toEqual({ version: 2, installer: { name: 'Sam Ortiz' } });
    const shared = await solar.as('agent')<{ shareInstallerInfo: Json }>(SHARE, { caseId: created.id });
    expect(shared.data?.shareInstallerInfo.installer).toEqual({
      name: 'Sam Ortiz',
      company: 'Bright Roofs LLC',
      phone: '+1 555 0100',
    });
    const { events } = await snapshot(kit, created.id);
    expect(events.at(-1)).toMatchObject({ type: 'INSTALLER_INFO_SHARED', data: { sharedVia: 'PHONE', rule: 'SOL-6' } });
  });

  it('SOL-8 documents emailed later attach to the escalated case', async () => {
    const ref = customer();
    const older = await createCase(solar, { subject: 'Earlier question', customerRef: ref });
    const escalated = await createCase(solar, { subject: 'Escalated concern', customerRef: ref, concern: 'roof leak' });
    await solar.as('agent')(RESOLUTION, {
      caseId: escalated.id,
      input: { expectedVersion: 1, ...COMPLETE_RESOLUTION, queue: 'resolution-escalations' },
    });
    const newer = await createCase(solar, { subject: 'Newest question', customerRef: ref, concern: 'billing' });
    const ADD = `mutation($input: AddAttachmentInput!) {
      addAttachment(input: $input) {
        __typename ... on AddAttachmentPayload { attachment { fileName source sizeBytes } case { id attachments { fileName } } } ${APP_ERROR}
      }
    }`;
    const emailed = await solar.as('integration')<{ addAttachment: Json }>(ADD, {
      input: {
        customerRef: ref,
        fileName: 'contract.pdf',
        contentType: 'application/pdf',
        sizeBytes: 48213,
        source: 'EMAIL',
      },
    });
    expect(emailed.data?.addAttachment).toMatchObject({
      attachment: { fileName: 'contract.pdf', source: 'EMAIL', sizeBytes: 48213 },
      case: { id: escalated.id, attachments: [{ fileName: 'contract.pdf' }] },
    });
    expect((await snapshot(kit, escalated.id)).types.at(-1)).toBe('ATTACHMENT_ADDED');
    for (const other of [older, newer]) expect((await snapshot(kit, other.id)).types).toEqual(['CASE_CREATED']);

    const invalid = await solar.as('integration')<{ addAttachment: Json }>(ADD, {
      input: { fileName: '', contentType: 'pdf', sizeBytes: -1 },
    });
    expect(invalid.data?.addAttachment.code).toBe('VALIDATION_FAILED');
    expect(invalid.data?.addAttachment.fields.map((field: Json) => field.path)).toEqual(
      expect.arrayContaining(['input.fileName', 'input.contentType', 'input.sizeBytes', 'input.caseId']),
    );
  });

  it('CARE-R4 a closed case reopens to NEW, recorded on the timeline; other transitions are checked', async () => {
    const created = await createCase(care, { subject: 'Remove Review request', customerRef: customer() });
    const invalid = await care.as('tier2')<{ changeCaseStatus: Json }>(CHANGE_STATUS, {
      caseId: created.id,
      input: { expectedVersion: 1, status: 'CLOSED' },
    });
    expect(invalid.data?.changeCaseStatus).toMatchObject({ code: 'INVALID_TRANSITION' });

    const closed = await care.as('tier2')<{ closeCase: Json }>(CLOSE_CASE, {
      caseId: created.id,
      input: {
        expectedVersion: 1,
        reason: 'Account Management',
        secondaryReason: 'Data Deletion',
        finalComment: 'Created privacy request: PR-000001',
      },
    });
    expect(closed.data?.closeCase.case).toMatchObject({
      status: 'CLOSED',
      version: 2,
      closeReason: 'Account Management',
      closeSecondaryReason: 'Data Deletion',
      comments: { edges: [{ node: { kind: 'FINAL', body: 'Created privacy request: PR-000001' } }] },
    });
    const before = await snapshot(kit, created.id);
    const toOpen = await care.as('tier2')<{ changeCaseStatus: Json }>(CHANGE_STATUS, {
      caseId: created.id,
      input: { expectedVersion: 2, status: 'OPEN' },
    });
    expect(toOpen.data?.changeCaseStatus).toMatchObject({ code: 'INVALID_TRANSITION', details: { allowed: ['NEW'] } });
    expect(await snapshot(kit, created.id)).toEqual(before);

    const reopened = await care.as('tier2')<{ changeCaseStatus: Json }>(CHANGE_STATUS, {
      caseId: created.id,
      input: { expectedVersion: 2, status: 'NEW', reason: 'Member asked to edit the review again' },
    });
    expect(reopened.data?.changeCaseStatus.case).toEqual({
      status: 'NEW',
      version: 3,
      closedAt: null,
      closeReason: null,
    });
    const { events } = await snapshot(kit, created.id);
    expect(events.at(-1)).toMatchObject({
      type: 'CASE_REOPENED',
      data: { status: { before: 'CLOSED', after: 'NEW' }, rule: 'CARE-R4' },
      actorId: care.userIds.tier2,
    });
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: rowId(created.id) } });
    expect(row.closedAt).toBeNull();
  });
});
