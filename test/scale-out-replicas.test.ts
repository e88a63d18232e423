/**
 * Scale-out by replicas, for real: two API processes (no delivery worker inside) and one
 * `pnpm worker` process on one PostgreSQL. A live alert raised through replica A reaches an SSE
 * subscriber of replica B; its outbox message is delivered exactly once; the per-key rate limit
 * is one bucket whichever replica a request reaches.
 *
 * PostgreSQL only: the embedded database serves exactly one API process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../packages/api/src/modules/delivery/testing-receivers.js';
import { createTestKit, TEST_PEPPER, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { ESCALATE_CASE, HIP_NOTE } from './cases-support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const postgres = Boolean(process.env.TEST_DATABASE_URL);
const BURST = 30;

let kit: TestKit;
let tenant: TestTenant;
let receiver: WebhookReceiver;
const children: ChildProcess[] = [];
const replicas: string[] = [];

function start(script: string, env: Record<string, string>, ready: RegExp): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: kit.databaseUrl, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? '');
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += String(chunk);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
}

const replicaEnv = {
  PORT: '0',
  ESCALATE_SEED: 'false',
  ESCALATE_API_KEY_PEPPER: TEST_PEPPER,
  ESCALATE_DELIVERY_WORKER: 'separate',
  ESCALATE_RATE_LIMIT_STORE: 'postgres',
  ESCALATE_RATE_LIMIT_PER_SECOND: '0.01',
  ESCALATE_RATE_LIMIT_BURST: String(BURST),
};

async function post(url: string, key: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A subscription over Server-Sent Events on a real port. */
async function subscribe(url: string, key: string, query: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const events: any[] = [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const pump = (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('');
        buffer = buffer.slice(end + 2);
        if (data) events.push(JSON.parse(data));
        end = buffer.indexOf('\n\n');
      }
    }
  })();
  return {
    events,
    async close() {
      controller.abort();
      await pump;
    },
  };
}

beforeAll(async () => {
  if (!postgres) return;
  // the receiver listens on loopback, which webhooks may reach only when allowlisted
  kit = await createTestKit({ outbound: { allow: ['127.0.0.1'] } });
  tenant = await kit.createTenant('tonal');
  receiver = await startWebhookReceiver();
  const endpoint = await tenant.as('admin')<{ createWebhookEndpoint: { __typename: string } }>(
    `mutation E($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { __typename } }`,
    { input: { url: `${receiver.url}/alerts`, channels: ['LIVE_ALERT'], secret: 'replicas-secret-0123456789abcdef' } },
  );
  expect(endpoint.data?.createWebhookEndpoint.__typename).toBe('CreateWebhookEndpointPayload');
  const api = /Escalate API: (http:\/\/\S+\/graphql)/;
  replicas.push(
    ...(await Promise.all([
      start('packages/api/src/main.ts', replicaEnv, api),
      start('packages/api/src/main.ts', replicaEnv, api),
    ])),
  );
  await start(
    'packages/api/src/worker-main.ts',
    {
      WORKER_TENANT_IDS: tenant.tenantId,
      WORKER_POLL_MS: '100',
      WORKER_ID: 'replicas-test-worker',
      ESCALATE_OUTBOUND_ALLOWLIST: '127.0.0.1',
    },
    /delivery worker (\S+) started/,
  );
}, 180_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  await receiver?.close();
  await kit?.close();
});

describe.skipIf(!postgres)('two API replicas and one delivery worker on one PostgreSQL', () => {
  it('TON-6 X-6 a live alert raised through replica A reaches a subscriber of replica B and is delivered once', async () => {
    const [replicaA, replicaB] = replicas as [string, string];
    expect(replicaA).not.toBe(replicaB);
    const alerts = await subscribe(
      replicaB,
      tenant.keys.tier1_supervisor as string,
      'subscription { liveAlert { message { id channel recipient case { id } } } }',
    );
    try {
      const created = await post(
        replicaA,
        tenant.keys.agent as string,
        'mutation C($input: CreateCaseInput!) { createCase(input: $input) { ... on CreateCasePayload { case { id } } } }',
        { input: { subject: 'Injury during a workout', customerRef: 'replica-1' } },
      );
      const caseId = created.body.data?.createCase.case.id as string;
      expect(caseId).toBeTruthy();
      const escalated = await post(replicaA, tenant.keys.agent as string, ESCALATE_CASE, {
        caseId,
        input: {
          expectedVersion: 1,
          text: 'The arm snapped back and hit my shoulder.',
          signals: { agentFlags: ['HEALTH_SAFETY'] },
          note: HIP_NOTE,
        },
      });
      expect(escalated.body.data?.escalateCase.__typename, JSON.stringify(escalated.body)).toBe('EscalateCasePayload');
      await waitFor(() => alerts.events.length >= 1, 'the live alert on replica B');
      expect(alerts.events[0]?.data?.liveAlert.message).toMatchObject({ channel: 'LIVE_ALERT', case: { id: caseId } });

      // the worker (and only the worker: the replicas run none) delivers it, once
      const message = await kit.db.outboxMessage.findFirstOrThrow({
        where: { tenantId: tenant.tenantId, channel: 'LIVE_ALERT' },
      });
      await waitFor(
        async () =>
          (await kit.db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).status === 'DELIVERED',
        'the delivery',
      );
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const deliveries = receiver.received.filter((delivery) => delivery.path === '/alerts');
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]?.body).toContain(message.deliveryId);
      const delivered = await kit.db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
      expect(delivered).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    } finally {
      await alerts.close();
    }
  });

  it('X-7 one rate-limit bucket per key across replicas: a burst of 30 allows 30 requests in all', async () => {
    const key = tenant.keys.tier3 as string;
    let allowed = 0;
    let refused = 0;
    for (let i = 0; i < BURST + 10; i += 1) {
      const { status } = await post(replicas[i % 2] as string, key, '{ __typename }');
      if (status === 200) allowed += 1;
      else if (status === 429) refused += 1;
    }
    expect({ allowed, refused }).toEqual({ allowed: BURST, refused: 10 });
  });
});
