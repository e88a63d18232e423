import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeOutWarmTransfers } from '../packages/api/src/modules/assignments/warm-transfer.js';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, createCase, rowId, timelineTypes } from './work-support.js';

let kit: TestKit;
let solar: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  solar = await kit.createTenant('solar');
});

afterAll(async () => {
  await kit.close();
});

const TARGET = /* GraphQL */ `
  query Target($caseId: ID!) {
    warmTransferTarget(caseId: $caseId) {
      __typename
      ... on WarmTransferAdvice { action waitSeconds explanation target { id name } considered { available why user { id } } }
      ${APP_ERROR}
    }
  }
`;

const START = /* GraphQL */ `
  mutation Start($input: StartWarmTransferInput!) {
    startWarmTransfer(input: $input) {
      __typename
      ... on TransferAttemptPayload { transferAttempt { id outcome startedAt deadlineAt resolvedAt targetUser { id } } }
      ${APP_ERROR}
    }
  }
`;

const COMPLETE = /* GraphQL */ `
  mutation Complete($input: CompleteWarmTransferInput!) {
    completeWarmTransfer(input: $input) {
      __typename
      ... on TransferAttemptPayload { transferAttempt { id outcome resolvedAt } }
      ${APP_ERROR}
    }
  }
`;

interface Advice {
  warmTransferTarget: { action: string; waitSeconds: number; target: { id: string } | null; explanation: string };
}
interface Attempt {
  __typename: string;
  code?: string;
  transferAttempt?: {
    id: string;
    outcome: string;
    deadlineAt: string;
    resolvedAt: string | null;
    targetUser: { id: string } | null;
  };
}

describe('SOL-7 warm transfer to the Resolution Lead skill', () => {
  it('SOL-7 answers now: warm transfer (30 s) when a Resolution Lead is available, voicemail when not', async () => {
    const caseId = await createCase(solar, 'Customer refuses to wait for a follow-up');
    const available = await solar.as('agent')<Advice>(TARGET, { caseId });
    expect(available.data?.warmTransferTarget).toMatchObject({ action: 'WARM_TRANSFER', waitSeconds: 30 });
    expect(rowId(available.data?.warmTransferTarget.target?.id ?? '')).toBe(solar.userIds['resolution-lead']);

    await kit.db.user.update({ where: { id: solar.userIds['resolution-lead'] }, data: { availability: 'AWAY' } });
    try {
      const away = await solar.as('agent')<Advice>(TARGET, { caseId });
      expect(away.data?.warmTransferTarget).toMatchObject({ action: 'VOICEMAIL', target: null, waitSeconds: 0 });
      expect(away.data?.warmTransferTarget.explanation).toMatch(/voicemail/);

      const start = await solar.as('agent')<{ startWarmTransfer: Attempt }>(START, { input: { caseId } });
      expect(start.data?.startWarmTransfer.transferAttempt).toMatchObject({ outcome: 'VOICEMAIL', targetUser: null });
    } finally {
      await kit.db.user.update({ where: { id: solar.userIds['resolution-lead'] }, data: { availability: 'ONLINE' } });
    }
  });

  it('SOL-7 answered within 30 s → ANSWERED; answered after the deadline → voicemail, recorded', async () => {
    const caseId = await createCase(solar, 'Warm transfer please');
    const startedAt = new Date('2026-11-25T15:00:00.000Z');
    const start = await solar.as('agent')<{ startWarmTransfer: Attempt }>(START, {
      input: { caseId, at: startedAt.toISOString() },
    });
    const attempt = start.data?.startWarmTransfer.transferAttempt;
    expect(attempt).toMatchObject({ outcome: 'PENDING', deadlineAt: '2026-11-25T15:00:30.000Z' });
    const answered = await solar.as('resolution-lead')<{ completeWarmTransfer: Attempt }>(COMPLETE, {
      input: { transferAttemptId: attempt?.id, answered: true, at: '2026-11-25T15:00:12.000Z' },
    });
    expect(answered.data?.completeWarmTransfer.transferAttempt?.outcome).toBe('ANSWERED');
    const twice = await solar.as('resolution-lead')<{ completeWarmTransfer: Attempt }>(COMPLETE, {
      input: { transferAttemptId: attempt?.id, answered: false },
    });
    expect(twice.data?.completeWarmTransfer.code).toBe('INVALID_TRANSITION');

    const late = await solar.as('agent')<{ startWarmTransfer: Attempt }>(START, {
      input: { caseId, at: startedAt.toISOString() },
    });
    const tooLate = await solar.as('resolution-lead')<{ completeWarmTransfer: Attempt }>(COMPLETE, {
      input: {
        transferAttemptId: late.data?.startWarmTransfer.transferAttempt?.id,
        answered: true,
        at: '2026-11-25T15:00:31.000Z',
      },
    });
    expect(tooLate.data?.completeWarmTransfer.transferAttempt?.outcome).toBe('VOICEMAIL');
    expect(await timelineTypes(kit, caseId)).toEqual([
      'CASE_CREATED',
      'WARM_TRANSFER_STARTED',
      'WARM_TRANSFER_ANSWERED',
      'WARM_TRANSFER_STARTED',
      'TRANSFERRED_TO_VOICEMAIL',
    ]);
  });

  it('SOL-7 a transfer nobody completes falls back to voicemail at its deadline', async () => {
    const caseId = await createCase(solar, 'Nobody picks up');
    const startedAt = new Date('2026-11-25T16:00:00.000Z');
    const start = await solar.as('agent')<{ startWarmTransfer: Attempt }>(START, {
      input: { caseId, at: startedAt.toISOString() },
    });
    const id = rowId(start.data?.startWarmTransfer.transferAttempt?.id ?? '');
    await timeOutWarmTransfers(kit.db, new Date(startedAt.getTime() + 29_000));
    expect((await kit.db.transferAttempt.findUniqueOrThrow({ where: { id } })).outcome).toBe('PENDING');
    await timeOutWarmTransfers(kit.db, new Date(startedAt.getTime() + 31_000));
    const row = await kit.db.transferAttempt.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ outcome: 'VOICEMAIL', resolvedAt: new Date(startedAt.getTime() + 30_000) });
    const events = await kit.db.timelineEvent.findMany({ where: { caseId: rowId(caseId) }, orderBy: { seq: 'asc' } });
    expect(events.at(-1)).toMatchObject({ type: 'TRANSFERRED_TO_VOICEMAIL', actorId: null });
    expect(events.at(-1)?.data).toMatchObject({ why: 'not answered within 30 s', rule: 'SOL-7' });
  });
});
