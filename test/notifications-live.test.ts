import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../packages/api/src/logger.js';
import { DeliveryWorker } from '../packages/api/src/modules/delivery/delivery-worker.js';
import { configureLiveEvents, liveEvents } from '../packages/api/src/modules/delivery/live-events.js';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { ESCALATE_CASE, HIP_NOTE } from './cases-support.js';
import { APP_ERROR, createCase, rowId } from './work-support.js';

let kit: TestKit;
let tonal: TestTenant;
let otherTonal: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  // PostgreSQL: LISTEN/NOTIFY; the embedded database: polling (see live-events.ts)
  await configureLiveEvents({ embedded: !process.env.TEST_DATABASE_URL, databaseUrl: kit.databaseUrl, db: kit.db });
  [tonal, otherTonal] = await Promise.all([kit.createTenant('tonal'), kit.createTenant('tonal')]);
});

afterAll(async () => {
  await liveEvents().close();
  await kit.close();
});

interface Stream {
  events: Record<string, unknown>[];
  close(): Promise<void>;
}

/** A GraphQL subscription over Server-Sent Events, read as it arrives. */
async function subscribe(key: string, query: string, variables: Record<string, unknown> = {}): Promise<Stream> {
  const response = await kit.fetch(
    new Request('http://escalate.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    }),
  );
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: Record<string, unknown>[] = [];
  let buffer = '';
  let closed = false;
  const pump = (async () => {
    while (!closed) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('');
        if (data) events.push(JSON.parse(data) as Record<string, unknown>);
        end = buffer.indexOf('\n\n');
      }
    }
  })();
  return {
    events,
    async close() {
      closed = true;
      await reader.cancel().catch(() => undefined);
      await pump;
    },
  };
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const LIVE_ALERT = /* GraphQL */ `
  subscription { liveAlert { message { id channel recipient subject payload case { id } } } }
`;
const CASE_UPDATED = /* GraphQL */ `
  subscription Updated($caseId: ID!) { caseUpdated(caseId: $caseId) { type case { id status priority } } }
`;

type AlertEvent = { data?: { liveAlert: { message: { channel: string; recipient: string; case: { id: string } } } } };
type UpdateEvent = { data?: { caseUpdated: { type: string; case: { id: string; priority: string } } } };

/** Makes a timeline entry on the case until its subscriber hears one: the feed is live from then on. */
async function warmUp(caseId: string, stream: Stream) {
  await waitFor(async () => {
    await tonal.as('agent')(
      /* GraphQL */ `mutation T($input: CreateTaskInput!) { createTask(input: $input) { __typename ${APP_ERROR} } }`,
      { input: { kind: 'FOLLOW_UP', title: 'call back', caseId } },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    return stream.events.length > 0;
  }, 'the live feed to start');
}

describe('TON-2 TON-6 live support staff', () => {
  it('TON-6 a health and safety escalation reaches live staff subscribers at once, with its case updates', async () => {
    const injured = await createCase(tonal, 'Injury during a workout');
    const alerts = await subscribe(tonal.keys.tier1_supervisor as string, LIVE_ALERT);
    const otherAlerts = await subscribe(otherTonal.keys.tier1_supervisor as string, LIVE_ALERT);
    const updates = await subscribe(tonal.keys.lead as string, CASE_UPDATED, { caseId: injured });
    try {
      await warmUp(injured, updates);
      const warmUpEvents = updates.events.length;
      const escalated = await tonal.as('agent')<{ escalateCase: { __typename: string } }>(ESCALATE_CASE, {
        caseId: injured,
        input: {
          expectedVersion: 1,
          text: 'The arm snapped back and hit my shoulder.',
          signals: { agentFlags: ['HEALTH_SAFETY'] },
          note: HIP_NOTE,
        },
      });
      expect(escalated.data?.escalateCase.__typename, JSON.stringify(escalated)).toBe('EscalateCasePayload');
      await waitFor(() => alerts.events.length >= 1, 'the live alert');
      const alert = (alerts.events[0] as AlertEvent).data?.liveAlert.message;
      expect(alert).toMatchObject({ channel: 'LIVE_ALERT', recipient: 'skill:support-staff', case: { id: injured } });
      // the escalation writes several timeline entries; each is its own event and they may
      // arrive in any order, so wait for the one with the new priority and at least one more
      const sinceWarmUp = () => updates.events.slice(warmUpEvents) as UpdateEvent[];
      await waitFor(
        () =>
          sinceWarmUp().some((event) => event.data?.caseUpdated.case.priority === 'CRITICAL') &&
          sinceWarmUp().length > 1,
        'the case updates with the new priority',
      );
      const types = sinceWarmUp().map((event) => event.data?.caseUpdated.type);
      expect(types.every((type) => typeof type === 'string')).toBe(true);
      // another organization hears nothing
      expect(otherAlerts.events).toEqual([]);
    } finally {
      await Promise.all([alerts.close(), otherAlerts.close(), updates.close()]);
    }
  });

  it('TON-2 an urgent case is handed to live staff; the worker also delivers the alert', async () => {
    const urgent = await createCase(tonal, 'Trainer down before a competition');
    const alerts = await subscribe(tonal.keys.tier2 as string, LIVE_ALERT);
    const updates = await subscribe(tonal.keys.tier2 as string, CASE_UPDATED, { caseId: urgent });
    try {
      await warmUp(urgent, updates);
      await tonal.as('agent')(ESCALATE_CASE, {
        caseId: urgent,
        input: {
          expectedVersion: 1,
          text: 'My trainer stopped working and I need this fixed today, it is urgent.',
          note: HIP_NOTE,
        },
      });
      await waitFor(() => alerts.events.length >= 1, 'the live alert');
      const alert = (alerts.events[0] as AlertEvent).data?.liveAlert.message;
      expect(alert).toMatchObject({ channel: 'LIVE_ALERT', case: { id: urgent } });
      const worker = new DeliveryWorker({ db: kit.db, logger: createLogger('silent'), tenantIds: [tonal.tenantId] });
      await worker.runOnce();
      const message = await kit.db.outboxMessage.findFirstOrThrow({
        where: { caseId: rowId(urgent), channel: 'LIVE_ALERT' },
      });
      expect(message.status).toBe('DELIVERED');
    } finally {
      await Promise.all([alerts.close(), updates.close()]);
    }
  });

  it('TON-6 staff who reconnect with `since` get what was raised while they were away, once each, then live', async () => {
    const since = new Date().toISOString();
    const missed = await createCase(tonal, 'Injury while nobody was watching');
    const escalateInjury = (caseId: string) =>
      tonal.as('agent')<{ escalateCase: { __typename: string } }>(ESCALATE_CASE, {
        caseId,
        input: {
          expectedVersion: 1,
          text: 'The handle came loose and cut my hand.',
          signals: { agentFlags: ['HEALTH_SAFETY'] },
          note: HIP_NOTE,
        },
      });
    expect((await escalateInjury(missed)).data?.escalateCase.__typename).toBe('EscalateCasePayload');
    const foreignSince = await subscribe(
      otherTonal.keys.tier1_supervisor as string,
      'subscription S($since: DateTime) { liveAlert(since: $since) { message { id } } }',
      { since },
    );
    const alerts = await subscribe(
      tonal.keys.tier1_supervisor as string,
      'subscription S($since: DateTime) { liveAlert(since: $since) { message { id case { id } } } }',
      { since },
    );
    const updates = await subscribe(
      tonal.keys.lead as string,
      'subscription U($caseId: ID!, $since: DateTime) { caseUpdated(caseId: $caseId, since: $since) { type event { id } } }',
      { caseId: missed, since },
    );
    try {
      await waitFor(() => alerts.events.length >= 1, 'the replayed alert');
      const caseOf = (event: Record<string, unknown>) =>
        (event as { data?: { liveAlert: { message: { case: { id: string } } } } }).data?.liveAlert.message.case.id;
      expect(caseOf(alerts.events[0] as Record<string, unknown>)).toBe(missed);
      // the replay holds every timeline entry of the case since then, in order, each once
      const timeline = await kit.db.timelineEvent.findMany({
        where: { caseId: rowId(missed) },
        orderBy: { seq: 'asc' },
        select: { type: true },
      });
      await waitFor(() => updates.events.length >= timeline.length, 'the replayed case updates');
      const replayed = updates.events.map(
        (event) => (event as { data?: { caseUpdated: { type: string } } }).data?.caseUpdated.type,
      );
      expect(replayed).toEqual(timeline.map((event) => event.type));

      // then it goes on live
      const live = await createCase(tonal, 'Injury after reconnecting');
      await escalateInjury(live);
      await waitFor(() => alerts.events.some((event) => caseOf(event) === live), 'the live alert');
      const cases = alerts.events.map(caseOf);
      expect(cases.filter((id) => id === missed)).toHaveLength(1);
      expect(cases.indexOf(missed)).toBeLessThan(cases.indexOf(live));
      // another organization's replay holds none of these
      expect(foreignSince.events).toEqual([]);
    } finally {
      await Promise.all([alerts.close(), updates.close(), foreignSince.close()]);
    }
  });

  it('a subscription to a case of another organization is refused', async () => {
    const foreign = await createCase(otherTonal, 'Not yours');
    const response = await kit.fetch(
      new Request('http://escalate.test/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: `Bearer ${tonal.keys.lead}`,
        },
        body: JSON.stringify({ query: CASE_UPDATED, variables: { caseId: foreign } }),
      }),
    );
    const text = await response.text();
    expect(text).toContain('NOT_FOUND');
  });
});
