import type { Logger } from 'pino';
import type { TConfig } from './config.js';
import type { PrismaClient } from './db/prisma-client.js';
import { expireOverdueOffers, timeOutWarmTransfers } from './modules/assignments/index.js';
import {
  configureLiveEvents,
  DeliveryWorker,
  type DeliveryWorkerOptions,
  liveEvents,
} from './modules/delivery/index.js';

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

/** The live event feed for subscriptions: LISTEN/NOTIFY on PostgreSQL, polling on the embedded database. */
export async function startLiveEvents(app: {
  db: PrismaClient;
  logger: Logger;
  config: TConfig;
}): Promise<() => Promise<void>> {
  await configureLiveEvents({
    embedded: !app.config.DATABASE_URL,
    databaseUrl: app.config.DATABASE_URL ?? '',
    db: app.db,
    logger: app.logger,
  });
  return () => liveEvents().close();
}

/** A delivery worker inside the API process (the embedded database's default; `pnpm worker` runs one on its own). */
export async function startDeliveryWorker(app: { db: PrismaClient; logger: Logger }): Promise<() => Promise<void>> {
  const worker = new DeliveryWorker({
    db: app.db,
    logger: app.logger.child({ component: 'delivery-worker' }),
    maintenance: WORKER_MAINTENANCE,
    ...workerOptionsFromEnv(),
  });
  worker.start();
  return () => worker.stop();
}

/**
 * Where the delivery worker runs: ESCALATE_DELIVERY_WORKER, else inside the API process on the
 * embedded database and in processes of its own (`node dist/worker-main.js`) on PostgreSQL, so
 * its polling and deliveries do not take CPU from requests.
 */
export function deliveryWorkerInProcess(config: TConfig): boolean {
  return (config.ESCALATE_DELIVERY_WORKER ?? (config.DATABASE_URL ? 'separate' : 'in-process')) === 'in-process';
}

/**
 * Background work of `pnpm start` (pass it to `startApp({ background: [...] })`): the live
 * event feed for subscriptions and a delivery worker. More workers can run beside it with `pnpm worker`.
 */
export async function startNotificationDelivery(app: {
  db: PrismaClient;
  logger: Logger;
  config: TConfig;
}): Promise<() => Promise<void>> {
  const stopLive = await startLiveEvents(app);
  const stopWorker = await startDeliveryWorker(app);
  return async () => {
    await stopWorker();
    await stopLive();
  };
}
