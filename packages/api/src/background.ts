import type { Logger } from 'pino';
import type { TConfig } from './config.js';
import type { PrismaClient } from './db/prisma-client.js';
import { expireOverdueOffers } from './modules/assignments/assignment-expiry.js';
import { timeOutWarmTransfers } from './modules/assignments/warm-transfer.js';
import { DeliveryWorker, type DeliveryWorkerOptions } from './modules/delivery/delivery-worker.js';
import { configureLiveEvents, liveEvents } from './modules/delivery/live-events.js';

/** Housekeeping every worker runs between batches. */
export const WORKER_MAINTENANCE: NonNullable<DeliveryWorkerOptions['maintenance']> = [
  expireOverdueOffers,
  timeOutWarmTransfers,
];

/** Worker tuning from the environment (SMTP_URL, SMTP_FROM, WORKER_*). */
export function workerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<DeliveryWorkerOptions> {
  const number = (name: string) => {
    const value = env[name];
    return value && /^\d+$/.test(value) ? Number(value) : undefined;
  };
  return {
    smtpUrl: env.SMTP_URL ?? null,
    emailFrom: env.SMTP_FROM,
    workerId: env.WORKER_ID,
    batchSize: number('WORKER_BATCH_SIZE'),
    pollIntervalMs: number('WORKER_POLL_MS'),
    leaseMs: number('WORKER_LEASE_MS'),
    webhookTimeoutMs: number('WEBHOOK_TIMEOUT_MS'),
    tenantIds: env.WORKER_TENANT_IDS
      ? env.WORKER_TENANT_IDS.split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : null,
  };
}

/**
 * Background work of `pnpm start` (pass it to `startApp({ background: [...] })`): the live
 * event feed for subscriptions (LISTEN/NOTIFY on PostgreSQL, polling on the embedded
 * database) and a delivery worker. More workers can run beside it with `pnpm worker`.
 */
export async function startNotificationDelivery(app: {
  db: PrismaClient;
  logger: Logger;
  config: TConfig;
}): Promise<() => Promise<void>> {
  const embedded = !app.config.DATABASE_URL;
  await configureLiveEvents({
    embedded,
    databaseUrl: app.config.DATABASE_URL ?? '',
    db: app.db,
    logger: app.logger,
  });
  if (!app.config.ESCALATE_DELIVERY_WORKER) {
    return async () => {
      await liveEvents().close();
    };
  }
  const worker = new DeliveryWorker({
    db: app.db,
    logger: app.logger.child({ component: 'delivery-worker' }),
    maintenance: WORKER_MAINTENANCE,
    ...workerOptionsFromEnv(),
  });
  worker.start();
  return async () => {
    await worker.stop();
    await liveEvents().close();
  };
}
