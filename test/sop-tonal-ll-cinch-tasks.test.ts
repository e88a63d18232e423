import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import {
  createCase,
  escalateCase,
  escalateWithSupervisorApproval,
  type Json,
  rowId,
  snapshot,
} from './cases-support.js';

/** Cinch walk-through: who a case or task actually lands with, read back through the API. */

let kit: TestKit;
let cinch: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  cinch = await kit.createTenant('cinch');
});

afterAll(async () => {
  await kit.close();
});

const FINAL_NOTE = { finalComments: 'Reviewed the service request with the customer; supervisor advised.' };

const CASE_TASKS = /* GraphQL */ `
  query CaseTasks($id: ID!) {
    case(id: $id) {
      assignee { id }
      assignments { status assignee { id } }
      tasks { kind title status team { slug } assignee { id } }
    }
  }
`;

const ADD_COMMENT = /* GraphQL */ `
  mutation Comment($caseId: ID!, $input: AddCommentInput!) {
    addComment(caseId: $caseId, input: $input) {
      __typename
      ... on AddCommentPayload { comment { kind body } }
      ... on AppError { code message }
    }
  }
`;

const BOARD = /* GraphQL */ `
  query Board {
    taskBoard(filter: { kind: [BBB], mine: true }) { status count tasks { case { id } } }
  }
`;

async function newCase(subject: string) {
  return createCase(cinch, { subject, customerRef: `cust-${Math.random().toString(36).slice(2)}`, channel: 'PHONE' });
}

async function caseTasks(caseId: string): Promise<Json> {
  const response = await cinch.as('agent')<{ case: Json }>(CASE_TASKS, { id: caseId });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data?.case as Json;
}

describe('CINCH walk-through', () => {
  it('CIN-1 parts ordered by Cinch are late: the case is offered to a Tier 1 supervisor, not left with nobody', async () => {
    const created = await newCase('AC parts late');
    const text = 'The parts you ordered for my AC have been delayed for three weeks now.';
    const result = await escalateCase(cinch, created.id, { expectedVersion: 1, text, note: FINAL_NOTE });
    expect(result.case).toMatchObject({ status: 'ESCALATED', queue: { slug: 'tier1-supervisor-escalations' } });
    const view = await caseTasks(created.id);
    expect(view.assignments.map((offer: Json) => rowId(offer.assignee?.id ?? ''))).toEqual([
      cinch.userIds.tier1_supervisor,
    ]);
  });

  it('CIN-4 the supervisor grants a callback exception in the final comments; the agent then files it to the callback queue', async () => {
    const created = await newCase('Wants an evening callback');
    const granted = await cinch.as('tier1_supervisor')<{ addComment: Json }>(ADD_COMMENT, {
      caseId: created.id,
      input: {
        body: 'Callback exception granted: supervisor calls the customer back Thursday after 6pm',
        kind: 'FINAL',
        callbackException: true,
        expectedVersion: 1,
      },
    });
    expect(granted.data?.addComment.comment).toEqual({
      kind: 'FINAL',
      body: 'Callback exception granted: supervisor calls the customer back Thursday after 6pm',
    });
    const result = await escalateCase(cinch, created.id, {
      expectedVersion: 2,
      text: 'Customer can only take calls after 6pm.',
      note: FINAL_NOTE,
    });
    expect(result.case).toMatchObject({ status: 'WAITING_ON_CUSTOMER', queue: { slug: 'callback-exceptions' } });
    const view = await caseTasks(created.id);
    expect(view.assignments.map((offer: Json) => rowId(offer.assignee?.id ?? ''))).toEqual([
      cinch.userIds.tier1_supervisor,
    ]);
  });

  it('CIN-2 the agent asks for Tier 2 on a news-media threat: the supervisor’s approval request carries the final comments', async () => {
    const created = await newCase('Threatens to call the news');
    const text = 'If nobody fixes my furnace today I am calling Channel 7 news about Cinch.';
    const note = { finalComments: 'Furnace out since Monday; two missed appointments; customer wants Tier 2.' };
    const result = await escalateCase(cinch, created.id, { expectedVersion: 1, text, note });
    expect(result).toMatchObject({ outcome: 'PENDING_APPROVAL', approval: { approverRole: 'tier1_supervisor' } });
    const { outbox } = await snapshot(kit, created.id);
    expect(outbox.map((message) => [message.channel, message.recipient])).toEqual([
      ['DIRECT_MESSAGE', 'role:tier1_supervisor'],
    ]);
    expect(outbox[0]?.payload).toMatchObject({ note });
  });

  it('CIN-6 a BBB and Facebook threat, approved for Tier 2: a BBB task lands on a BBB associate’s board', async () => {
    const created = await newCase('Threatens BBB complaint');
    const text = 'I am filing a complaint with the BBB and posting on Facebook about how you treated me.';
    const result = await escalateWithSupervisorApproval(cinch, created.id, {
      expectedVersion: 1,
      text,
      note: FINAL_NOTE,
    });
    expect(result.__typename, JSON.stringify(result)).toBe('EscalateCasePayload');
    expect(result.case).toMatchObject({ tier: 'TIER2', queue: { slug: 'tier2-escalations' } });

    const view = await caseTasks(created.id);
    expect(view.tasks).toHaveLength(1);
    expect(view.tasks[0]).toMatchObject({ kind: 'BBB', status: 'TODO', team: { slug: 'bbb-social' } });
    expect(rowId(view.tasks[0].assignee.id)).toBe(cinch.userIds['bbb-associate']);
    const board = await cinch.as('bbb-associate')<{ taskBoard: Json[] }>(BOARD);
    const todo = board.data?.taskBoard.find((column) => column.status === 'TODO');
    expect(todo?.tasks.map((task: Json) => task.case.id)).toContain(created.id);

    // escalating the same case again does not pile up a second BBB task
    const again = await escalateWithSupervisorApproval(cinch, created.id, {
      expectedVersion: result.case.version,
      text,
      note: FINAL_NOTE,
    });
    expect(again.__typename, JSON.stringify(again)).toBe('EscalateCasePayload');
    expect((await caseTasks(created.id)).tasks).toHaveLength(1);
  });

  it('CIN-8 a customer asks for an executive to call back: a callback task for the executive escalations owner', async () => {
    const created = await newCase('Wants an executive callback');
    const text = 'Please have an executive call me back about this, I am done with the runaround.';
    const result = await escalateWithSupervisorApproval(cinch, created.id, {
      expectedVersion: 1,
      text,
      note: FINAL_NOTE,
    });
    expect(result.case.queue.slug).toBe('executive-escalations');
    expect(rowId(result.case.assignee.id)).toBe(cinch.userIds['executive-owner']);
    const view = await caseTasks(created.id);
    expect(view.tasks).toMatchObject([{ kind: 'EXECUTIVE_CALLBACK', team: { slug: 'executive-escalations' } }]);
    expect(rowId(view.tasks[0].assignee.id)).toBe(cinch.userIds['executive-owner']);
    const { outbox } = await snapshot(kit, created.id);
    expect(outbox.map((message) => message.channel)).toContain('EMAIL');
  });

  it('CIN-7 Tier 2 sends a case to Tier 3: a backlog task goes to a Tier 3 associate automatically', async () => {
    const created = await newCase('Needs Tier 3');
    const first = await escalateWithSupervisorApproval(cinch, created.id, {
      expectedVersion: 1,
      text: 'I want to speak to the CEO about this claim.',
      note: FINAL_NOTE,
    });
    expect(first.case.tier).toBe('TIER2');
    const toTier3 = await escalateCase(
      cinch,
      created.id,
      { expectedVersion: first.case.version, note: FINAL_NOTE, signals: { agentFlags: ['TIER3_NEEDED'] } },
      'tier2',
    );
    expect(toTier3.__typename, JSON.stringify(toTier3)).toBe('EscalateCasePayload');
    expect(toTier3.case).toMatchObject({ tier: 'TIER3', queue: { slug: 't3-backlog' } });
    const view = await caseTasks(created.id);
    const backlog = view.tasks.filter((task: Json) => task.kind === 'TIER3_BACKLOG');
    expect(backlog).toHaveLength(1);
    const tier3 = [cinch.userIds.tier3, cinch.userIds['tier3-b'], cinch.userIds['tier3-c']];
    expect(tier3).toContain(rowId(backlog[0].assignee.id));
  });
});
