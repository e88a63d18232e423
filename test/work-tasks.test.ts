import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, createCase, rowId, timelineTypes } from './work-support.js';

let kit: TestKit;
let cinch: TestTenant;
let care: TestTenant;
let solar: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  [cinch, care, solar] = await Promise.all([
    kit.createTenant('cinch'),
    kit.createTenant('care'),
    kit.createTenant('solar'),
  ]);
});

afterAll(async () => {
  await kit.close();
});

const TASK_FIELDS = 'id kind title status version data team { slug } assignee { id } case { id }';

const CREATE_TASK = /* GraphQL */ `
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      __typename
      ... on TaskPayload { task { ${TASK_FIELDS} } assignment { id strategy status } assignmentExplanation }
      ${APP_ERROR}
    }
  }
`;

const UPDATE_STATUS = /* GraphQL */ `
  mutation Move($input: UpdateTaskStatusInput!) {
    updateTaskStatus(input: $input) { __typename ... on TaskPayload { task { id status version } } ${APP_ERROR} }
  }
`;

interface TaskResult {
  __typename: string;
  code?: string;
  rule?: string | null;
  fields?: { path: string; message: string }[];
  task?: {
    id: string;
    kind: string;
    status: string;
    version: number;
    data: Record<string, unknown>;
    team: { slug: string } | null;
    assignee: { id: string } | null;
  };
  assignment?: { id: string; strategy: string; status: string } | null;
}

describe('CIN-6 BBB and social media task board', () => {
  it('CIN-6 tasks assigned to individual associates, shown on a board by status', async () => {
    const created: string[] = [];
    for (const [kind, title] of [
      ['BBB', 'BBB complaint 4411'],
      ['SOCIAL_MEDIA', 'Angry tweet about the AC repair'],
      ['BBB', 'BBB complaint 4412'],
    ] as const) {
      const result = await cinch.as('tier2')<{ createTask: TaskResult }>(CREATE_TASK, {
        input: { kind, title, assigneeId: cinch.userIds['bbb-associate'], team: 'bbb-social' },
      });
      expect(result.data?.createTask.assignment?.strategy).toBe('DIRECT');
      expect(rowId(result.data?.createTask.task?.assignee?.id ?? '')).toBe(cinch.userIds['bbb-associate']);
      created.push(result.data?.createTask.task?.id as string);
    }
    const moved = await cinch.as('bbb-associate')<{ updateTaskStatus: TaskResult }>(UPDATE_STATUS, {
      input: { taskId: created[0], status: 'IN_PROGRESS', version: 2 },
    });
    expect(moved.data?.updateTaskStatus.task?.status).toBe('IN_PROGRESS');
    const stale = await cinch.as('bbb-associate')<{ updateTaskStatus: TaskResult }>(UPDATE_STATUS, {
      input: { taskId: created[0], status: 'DONE', version: 2 },
    });
    expect(stale.data?.updateTaskStatus.code).toBe('CONFLICT');
    await cinch.as('bbb-associate')(UPDATE_STATUS, { input: { taskId: created[1], status: 'DONE', version: 2 } });
    const reopenCancelled = await cinch.as('tier2')<{ updateTaskStatus: TaskResult }>(UPDATE_STATUS, {
      input: { taskId: created[2], status: 'CANCELLED', version: 2 },
    });
    expect(reopenCancelled.data?.updateTaskStatus.task?.status).toBe('CANCELLED');
    const invalid = await cinch.as('tier2')<{ updateTaskStatus: TaskResult }>(UPDATE_STATUS, {
      input: { taskId: created[2], status: 'TODO', version: 3 },
    });
    expect(invalid.data?.updateTaskStatus.code).toBe('INVALID_TRANSITION');

    const board = await cinch.as('bbb-associate')<{
      taskBoard: { status: string; count: number; tasks: { id: string; kind: string }[] }[];
    }>(
      /* GraphQL */ `
        query Board($filter: TaskFilter) { taskBoard(filter: $filter) { status count tasks { id kind } } }
      `,
      { filter: { kind: ['BBB', 'SOCIAL_MEDIA'], mine: true } },
    );
    const columns = Object.fromEntries((board.data?.taskBoard ?? []).map((column) => [column.status, column]));
    expect(Object.keys(columns)).toEqual(['TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED']);
    expect(columns.TODO?.count).toBe(0);
    expect(columns.IN_PROGRESS?.tasks.map((task) => task.id)).toEqual([created[0]]);
    expect(columns.DONE?.tasks.map((task) => task.id)).toEqual([created[1]]);
    expect(columns.CANCELLED?.count).toBe(1);
  });
});

describe('CIN-7 Tier 3 backlog', () => {
  it('CIN-7 a Tier 3 backlog task is assigned automatically and randomly to a Tier 3 associate', async () => {
    const caseId = await createCase(cinch, 'Needs Tier 3', 'tier2');
    const result = await cinch.as('tier2')<{ createTask: TaskResult }>(CREATE_TASK, {
      input: { kind: 'TIER3_BACKLOG', title: 'Review the claim history', caseId },
    });
    const task = result.data?.createTask;
    expect(task?.assignment?.strategy).toBe('RANDOM');
    const tier3 = [cinch.userIds.tier3, cinch.userIds['tier3-b'], cinch.userIds['tier3-c']];
    expect(tier3).toContain(rowId(task?.task?.assignee?.id ?? ''));
    expect(task?.task?.team?.slug).toBe('tier3');
    expect(await timelineTypes(kit, caseId)).toEqual(['CASE_CREATED', 'TASK_CREATED', 'ASSIGNMENT_OFFERED']);
  });

  it('CIN-7 random assignment of 1,000 backlog tasks is uniform (chi-square, p = 0.001)', async () => {
    const own = await kit.createTenant('cinch');
    const members = [own.userIds.tier3, own.userIds['tier3-b'], own.userIds['tier3-c']] as string[];
    await kit.db.user.updateMany({ where: { id: { in: members } }, data: { capacity: 2_000 } });
    const tier2Id = own.userIds.tier2 as string;
    await kit.db.task.createMany({
      data: Array.from({ length: 1_000 }, (_, index) => ({
        tenantId: own.tenantId,
        kind: 'TIER3_BACKLOG',
        title: `T3 backlog item ${index}`,
        createdById: tier2Id,
      })),
    });
    const result = await own.as('tier2')<{
      distributeBacklog: {
        __typename: string;
        assigned: number;
        leftInBacklog: number;
        byAssignee: { count: number }[];
      };
    }>(
      /* GraphQL */ `
        mutation { distributeBacklog(input: { team: "tier3" }) {
          __typename ... on DistributeBacklogPayload { assigned leftInBacklog byAssignee { count user { id } } } ${APP_ERROR}
        } }
      `,
    );
    expect(result.data?.distributeBacklog).toMatchObject({ assigned: 1_000, leftInBacklog: 0 });
    const counts = await Promise.all(
      members.map((id) => kit.db.task.count({ where: { tenantId: own.tenantId, assigneeId: id } })),
    );
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1_000);
    const expected = 1_000 / 3;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    // 2 degrees of freedom: P(χ² > 13.82) = 0.001
    expect(chiSquare, `counts ${counts.join(', ')}`).toBeLessThan(13.82);
    expect(await kit.db.assignment.count({ where: { tenantId: own.tenantId, strategy: 'RANDOM' } })).toBe(1_000);
  }, 120_000);
});

const RECORD_JOB = /* GraphQL */ `
  mutation Job($input: RecordJobStatusInput!) {
    recordJobStatus(input: $input) {
      __typename
      ... on RecordJobStatusPayload { dispatchTaskCreated job { externalId status } dispatchTask { ${TASK_FIELDS} } }
      ${APP_ERROR}
    }
  }
`;

interface JobResult {
  recordJobStatus: {
    __typename: string;
    code?: string;
    dispatchTaskCreated?: boolean;
    job?: { externalId: string; status: string };
    dispatchTask?: TaskResult['task'] | null;
  };
}

describe('CIN-9 dispatch tasks from job statuses', () => {
  it('CIN-9 Rejected, Expired and Procure Vendor create one dispatch task per job and status', async () => {
    const caseId = await createCase(cinch, 'Water heater job');
    const scheduled = await cinch.as('integration')<JobResult>(RECORD_JOB, {
      input: { externalJobId: 'JOB-1001', status: 'SCHEDULED', caseId },
    });
    expect(scheduled.data?.recordJobStatus).toMatchObject({ dispatchTaskCreated: false, dispatchTask: null });
    const rejected = await cinch.as('integration')<JobResult>(RECORD_JOB, {
      input: { externalJobId: 'JOB-1001', status: 'REJECTED', note: 'provider declined' },
    });
    const task = rejected.data?.recordJobStatus.dispatchTask;
    expect(rejected.data?.recordJobStatus.dispatchTaskCreated).toBe(true);
    expect(task).toMatchObject({ kind: 'DISPATCH', status: 'TODO', case: { id: caseId }, team: { slug: 'dispatch' } });
    expect(task?.data).toMatchObject({ externalJobId: 'JOB-1001', jobStatus: 'REJECTED', rule: 'CIN-9' });
    expect(rowId(task?.assignee?.id ?? '')).toBe(cinch.userIds.dispatcher);

    const again = await cinch.as('integration')<JobResult>(RECORD_JOB, {
      input: { externalJobId: 'JOB-1001', status: 'REJECTED' },
    });
    expect(again.data?.recordJobStatus).toMatchObject({ dispatchTaskCreated: false, dispatchTask: { id: task?.id } });

    const racing = await Promise.all(
      Array.from({ length: 5 }, () =>
        cinch.as('integration')<JobResult>(RECORD_JOB, {
          input: { externalJobId: 'JOB-2002', status: 'PROCURE_VENDOR' },
        }),
      ),
    );
    expect(racing.filter((result) => result.data?.recordJobStatus.dispatchTaskCreated)).toHaveLength(1);
    const expired = await cinch.as('integration')<JobResult>(RECORD_JOB, {
      input: { externalJobId: 'JOB-1001', status: 'EXPIRED' },
    });
    expect(expired.data?.recordJobStatus.dispatchTaskCreated).toBe(true);
    expect(await kit.db.task.count({ where: { tenantId: cinch.tenantId, kind: 'DISPATCH' } })).toBe(3);
    expect(await timelineTypes(kit, caseId)).toContain('SERVICE_JOB_STATUS');

    const agent = await cinch.as('agent')<JobResult>(RECORD_JOB, {
      input: { externalJobId: 'JOB-3', status: 'REJECTED' },
    });
    expect(agent.data?.recordJobStatus.code).toBe('FORBIDDEN');
  });
});

const PURCHASING = /* GraphQL */ `
  mutation Purchasing($input: PurchasingRequestInput!) {
    submitPurchasingRequest(input: $input) { __typename ... on TaskPayload { task { ${TASK_FIELDS} } } ${APP_ERROR} }
  }
`;

describe('CIN-10 purchasing escalation form', () => {
  const valid = {
    serviceJobNumber: 'JOB-7788',
    orderNumber: 'PO-5521',
    itemDescription: 'Condenser fan motor, 1/4 HP',
    vendor: 'Acme Parts',
    informationNeeded: 'Ship date for the back-ordered motor',
    urgency: 'HIGH',
  };

  it('CIN-10 a form with blank required fields is refused naming every field; nothing is created', async () => {
    const before = await kit.db.task.count({ where: { tenantId: cinch.tenantId, kind: 'PURCHASING_REQUEST' } });
    const result = await cinch.as('tier2')<{ submitPurchasingRequest: TaskResult }>(PURCHASING, {
      input: { ...valid, orderNumber: '  ', informationNeeded: '' },
    });
    expect(result.data?.submitPurchasingRequest).toMatchObject({ __typename: 'AppError', code: 'VALIDATION_FAILED' });
    expect(result.data?.submitPurchasingRequest.fields?.map((field) => field.path).sort()).toEqual([
      'input.informationNeeded',
      'input.orderNumber',
    ]);
    expect(await kit.db.task.count({ where: { tenantId: cinch.tenantId, kind: 'PURCHASING_REQUEST' } })).toBe(before);
  });

  it('CIN-10 a complete form becomes a purchasing task with its fields and a message to Purchasing', async () => {
    const caseId = await createCase(cinch, 'AC down, part on back order');
    const result = await cinch.as('tier2')<{ submitPurchasingRequest: TaskResult }>(PURCHASING, {
      input: { ...valid, caseId },
    });
    const task = result.data?.submitPurchasingRequest.task;
    expect(task).toMatchObject({ kind: 'PURCHASING_REQUEST', team: { slug: 'purchasing' } });
    expect(task?.data).toMatchObject({ orderNumber: 'PO-5521', serviceJobNumber: 'JOB-7788', urgency: 'HIGH' });
    const outbox = await kit.db.outboxMessage.findMany({ where: { caseId: rowId(caseId) } });
    expect(outbox).toEqual([expect.objectContaining({ channel: 'DIRECT_MESSAGE', recipient: 'team:purchasing' })]);
  });
});

describe('CARE-G3 Member Review and Safety', () => {
  const SAFETY = /* GraphQL */ `
    mutation Safety($input: SafetyReviewInput!) {
      requestSafetyReview(input: $input) {
        __typename
        ... on SafetyReviewPayload { created task { ${TASK_FIELDS} } assignment { id status } }
        ${APP_ERROR}
      }
    }
  `;

  it('CARE-G3 Tier 2 brings the safety team onto the case with a review task and a message; once', async () => {
    const caseId = await createCase(care, 'Member feels unsafe after a provider used their dead name');
    const result = await care.as('tier2')<{ requestSafetyReview: TaskResult & { created: boolean } }>(SAFETY, {
      input: { caseId, reason: 'provider deadnamed the member during a visit' },
    });
    const payload = result.data?.requestSafetyReview;
    expect(payload?.created).toBe(true);
    expect(payload?.task).toMatchObject({ kind: 'SAFETY_REVIEW', team: { slug: 'member-review-safety' } });
    expect(rowId(payload?.task?.assignee?.id ?? '')).toBe(care.userIds.safety);
    const caseTeams = await kit.db.caseTeam.findMany({ where: { caseId: rowId(caseId) }, include: { team: true } });
    expect(caseTeams.map((row) => row.team.slug)).toEqual(['member-review-safety']);
    expect(await timelineTypes(kit, caseId)).toEqual([
      'CASE_CREATED',
      'CASE_TEAM_ADDED',
      'TASK_CREATED',
      'ASSIGNMENT_OFFERED',
    ]);
    const outbox = await kit.db.outboxMessage.findMany({ where: { caseId: rowId(caseId) } });
    expect(outbox.map((message) => message.recipient)).toEqual(['team:member-review-safety']);

    const again = await care.as('tier2')<{ requestSafetyReview: TaskResult & { created: boolean } }>(SAFETY, {
      input: { caseId, reason: 'asking again' },
    });
    expect(again.data?.requestSafetyReview).toMatchObject({ created: false, task: { id: payload?.task?.id } });
    expect(await kit.db.task.count({ where: { caseId: rowId(caseId) } })).toBe(1);

    const agent = await care.as('agent')<{ requestSafetyReview: TaskResult }>(SAFETY, {
      input: { caseId, reason: 'x' },
    });
    expect(agent.data?.requestSafetyReview.code).toBe('FORBIDDEN');
  });
});

describe('SOL-9 recording requests', () => {
  const REQUEST = /* GraphQL */ `
    mutation Recording($input: RecordingRequestInput!) {
      requestRecording(input: $input) { __typename ... on TaskPayload { task { ${TASK_FIELDS} } } ${APP_ERROR} }
    }
  `;
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

  it('SOL-9 only a resolution specialist may request a recording older than 90 days; the request is a task', async () => {
    const caseId = await createCase(solar, 'Compliance review of the sales call');
    const agent = await solar.as('agent')<{ requestRecording: TaskResult }>(REQUEST, {
      input: { caseId, interactionId: 'CX-881', recordedAt: daysAgo(120), reason: 'compliance' },
    });
    expect(agent.data?.requestRecording).toMatchObject({ code: 'FORBIDDEN', rule: 'SOL-9' });
    expect(await kit.db.task.count({ where: { caseId: rowId(caseId) } })).toBe(0);

    const specialist = await solar.as('resolution_specialist')<{ requestRecording: TaskResult }>(REQUEST, {
      input: { caseId, interactionId: 'CX-881', recordedAt: daysAgo(120), reason: 'compliance' },
    });
    const task = specialist.data?.requestRecording.task;
    expect(task).toMatchObject({ kind: 'RECORDING_REQUEST', status: 'TODO' });
    expect(task?.data).toMatchObject({ interactionId: 'CX-881', ageDays: 120 });
    expect(rowId(task?.assignee?.id ?? '')).toBe(solar.userIds.resolution_specialist);

    const recent = await solar.as('agent')<{ requestRecording: TaskResult }>(REQUEST, {
      input: { caseId, interactionId: 'CX-990', recordedAt: daysAgo(30), reason: 'quality check' },
    });
    expect(recent.data?.requestRecording.__typename).toBe('TaskPayload');
  });
});
