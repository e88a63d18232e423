import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_HEADERS } from '../packages/api/src/modules/delivery/signature.js';
import {
  type ReceivedMail,
  startMailReceiver,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../packages/api/src/modules/delivery/testing-receivers.js';
import { createTestKit, type TestKit } from '../packages/api/src/testing/test-kit.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEBHOOKS = 30;
const EMAILS = 10;

let kit: TestKit;
let receiver: WebhookReceiver;
let mail: { url: string; mails: ReceivedMail[]; close(): Promise<void> };
const children: ChildProcess[] = [];

beforeAll(async () => {
  // the receivers listen on loopback, which webhooks may reach only when allowlisted
  kit = await createTestKit({ outbound: { allow: ['127.0.0.1'] } });
  receiver = await startWebhookReceiver();
  mail = await startMailReceiver();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await receiver.close();
  await mail.close();
  await kit.close();
});

/** `pnpm worker` as its own process (node + tsx, no wrapper, so SIGKILL hits the worker itself). */
function startWorker(workerId: string, tenantId: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/api/src/worker-main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: kit.databaseUrl,
      SMTP_URL: mail.url,
      WORKER_ID: workerId,
      WORKER_TENANT_IDS: tenantId,
      WORKER_BATCH_SIZE: '8',
      WORKER_POLL_MS: '100',
      WORKER_LEASE_MS: '3000',
      ESCALATE_OUTBOUND_ALLOWLIST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('X-6 delivery survives a killed worker', () => {
  it('X-6 kill -9 mid-batch, start others: every notification delivered, duplicates only with the same delivery id', async () => {
    const tenant = await kit.createTenant('cinch');
    await kit.db.webhookEndpoint.create({
      data: {
        tenantId: tenant.tenantId,
        url: `${receiver.url}/crash`,
        secret: 'crash-test-secret-0123456789',
        channels: ['DIRECT_MESSAGE', 'CHANNEL_POST'],
      },
    });
    // the receiver is slow, so a batch is still in flight when the worker dies
    receiver.respond('crash', 200, 400);
    await kit.db.outboxMessage.createMany({
      data: [
        ...Array.from({ length: WEBHOOKS }, (_, index) => ({
          tenantId: tenant.tenantId,
          channel: index % 2 ? 'DIRECT_MESSAGE' : 'CHANNEL_POST',
          recipient: index % 2 ? 'skill:executive-escalations-owner' : '#escalations',
          payload: { text: `notification ${index}` },
        })),
        ...Array.from({ length: EMAILS }, (_, index) => ({
          tenantId: tenant.tenantId,
          channel: 'EMAIL',
          recipient: `ops-${index}@example.test`,
          subject: `email ${index}`,
          payload: { text: `email ${index}` },
        })),
      ],
    });
    const messages = await kit.db.outboxMessage.findMany({ where: { tenantId: tenant.tenantId } });
    const deliveryIds = new Set(messages.map((message) => message.deliveryId));

    const first = startWorker('worker-killed', tenant.tenantId);
    const received = () => receiver.received.filter((delivery) => delivery.path === '/crash');
    await waitFor(() => received().length >= 1, 60_000, 'the first worker to start delivering');
    first.kill('SIGKILL');
    await new Promise<void>((resolve) =>
      first.exitCode !== null || first.signalCode !== null ? resolve() : first.once('exit', () => resolve()),
    );
    expect(first.signalCode).toBe('SIGKILL');
    const orphaned = await kit.db.outboxMessage.count({
      where: { tenantId: tenant.tenantId, status: 'PROCESSING', lockedBy: 'worker-killed' },
    });
    expect(orphaned).toBeGreaterThan(0);

    // two workers side by side take over: expired leases come back, SKIP LOCKED keeps them apart
    startWorker('worker-b', tenant.tenantId);
    startWorker('worker-c', tenant.tenantId);
    await waitFor(
      async () =>
        (await kit.db.outboxMessage.count({ where: { tenantId: tenant.tenantId, status: 'DELIVERED' } })) ===
        messages.length,
      90_000,
      'every message to be delivered',
    );

    const webhookIds = received().map((delivery) => String(delivery.headers[WEBHOOK_HEADERS.deliveryId]));
    const mailIds = mail.mails.map((entry) => /x-escalate-delivery-id: ([0-9a-f-]{36})/i.exec(entry.raw)?.[1] ?? '');
    const seen = [...webhookIds, ...mailIds];
    // nothing lost: every message arrived at least once
    for (const id of deliveryIds) expect(seen).toContain(id);
    // nothing invented: every arrival is one of the messages (a duplicate repeats a delivery id)
    for (const id of seen) expect(deliveryIds.has(id)).toBe(true);
    expect(new Set(seen).size).toBe(messages.length);
    // only messages the killed worker held are delivered twice
    const rows = await kit.db.outboxMessage.findMany({ where: { tenantId: tenant.tenantId } });
    const counts = new Map<string, number>();
    for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const row of rows) {
      if ((counts.get(row.deliveryId) ?? 0) > 1) expect(row.attempts).toBeGreaterThan(1);
    }
    expect(rows.filter((row) => row.attempts > 1).length).toBe(orphaned);
  }, 180_000);
});
