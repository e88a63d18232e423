import { WORKER_MAINTENANCE, workerOptionsFromEnv } from './background.js';
import { createDatabaseClient } from './db/prisma-client.js';
import { createLogger } from './logger.js';
import { DeliveryWorker } from './modules/delivery/index.js';
import { DEFAULT_OUTBOUND_POLICY, parseAllowlist, registerOutboundPolicy } from './security/outbound-url.js';

/**
 * `pnpm worker`: a notification delivery worker process. Run as many as you like against the
 * same database (DATABASE_URL); they claim messages with SKIP LOCKED and never share one.
 */
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write(
    'DATABASE_URL is required (for the embedded database of `pnpm start`, use the URL it prints or let it run its own worker)\n',
  );
  process.exit(2);
}
const logger = createLogger();
const db = createDatabaseClient({ url: databaseUrl, maxConnections: Number(process.env.DATABASE_POOL_SIZE ?? 5) });
// webhooks go to public addresses only, plus the receivers the allowlist names (as in the API)
registerOutboundPolicy(db, {
  ...DEFAULT_OUTBOUND_POLICY,
  allow: parseAllowlist(process.env.ESCALATE_OUTBOUND_ALLOWLIST),
});
const worker = new DeliveryWorker({ db, logger, maintenance: WORKER_MAINTENANCE, ...workerOptionsFromEnv() });
worker.start();
process.stdout.write(`delivery worker ${worker.workerId} started\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'delivery worker stopping');
    worker
      .stop()
      .then(() => db.$disconnect())
      .then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, 'delivery worker stop failed');
          process.exit(1);
        },
      );
  });
}
