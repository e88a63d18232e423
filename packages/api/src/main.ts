import { embeddedDataDir, startApp } from './app.js';
import { deliveryWorkerInProcess, startDeliveryWorker, startLiveEvents } from './background.js';
import { readConfig, type TConfig } from './config.js';
import { createLogger } from './logger.js';

let config: TConfig;
try {
  config = readConfig();
} catch (error) {
  // one message naming every offending variable, no stack trace
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
const logger = createLogger(config.LOG_LEVEL);

// subscriptions' live events always run here; notification delivery runs here on the embedded
// database and in worker processes of its own on PostgreSQL (`pnpm worker`; claims never overlap)
const workerInProcess = deliveryWorkerInProcess(config);
const app = await startApp({
  config,
  logger,
  background: workerInProcess ? [startLiveEvents, startDeliveryWorker] : [startLiveEvents],
});

const byOrganization = new Map<string, string[]>();
for (const demo of app.demoKeys) {
  const lines = byOrganization.get(demo.organization) ?? [];
  lines.push(`    ${demo.role.padEnd(22)} ${demo.user.padEnd(36)} ${demo.key}`);
  byOrganization.set(demo.organization, lines);
}
const keyTable = [...byOrganization.entries()]
  .map(([organization, lines]) => `  ${organization}\n${lines.join('\n')}`)
  .join('\n');
process.stdout.write(
  `\nEscalate API: ${app.url}${config.ESCALATE_GRAPHIQL ? ' (GraphiQL in the browser)' : ''}\n` +
    (app.metricsUrl ? `Metrics: ${app.metricsUrl}\n` : '') +
    `Database: ${config.DATABASE_URL ? 'PostgreSQL from DATABASE_URL' : `embedded PGlite in ${embeddedDataDir(config)}`}\n` +
    `Notification delivery: ${workerInProcess ? 'in this process' : 'separate worker processes (pnpm worker)'}\n` +
    // demo keys exist only in development: a production start never seeds or prints them
    (keyTable && !config.production ? `\nDemo API keys (send as "Authorization: Bearer <key>"):\n${keyTable}\n` : '') +
    '\nPress Ctrl-C to stop.\n',
);

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    signals += 1;
    if (signals > 1) {
      logger.warn('second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
