import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import { readConfig, type TConfig } from './config.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './db/embedded-database.js';
import { migrateDatabase, repositoryRoot } from './db/migrate.js';
import { createDatabaseClient, type PrismaClient, setPrisma } from './db/prisma-client.js';
import { createLogger } from './logger.js';
import { createApiMetrics } from './observability/metrics.js';
import { metricsAnswer } from './observability/metrics-endpoint.js';
import { type DemoKey, seedDatabase } from './seed/seed.js';
import { createServer, serverOptionsFromConfig } from './server.js';

/** Where the embedded database lives: ESCALATE_DATA_DIR, relative paths from the repository root. */
export function embeddedDataDir(config: TConfig): string {
  return path.resolve(repositoryRoot, config.ESCALATE_DATA_DIR);
}

export interface RunningApp {
  url: string;
  databaseUrl: string;
  demoKeys: DemoKey[];
  db: PrismaClient;
  http: Server;
  /** Prometheus metrics on a port of their own (ESCALATE_METRICS_PORT) */
  metricsUrl: string | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  config?: TConfig;
  logger?: Logger;
  /** hooks run after the API is serving (e.g. the delivery worker); each returns its stop function */
  background?: ((app: { db: PrismaClient; logger: Logger; config: TConfig }) => Promise<() => Promise<void>>)[];
}

/**
 * Starts Escalate: the database (PostgreSQL from DATABASE_URL, or embedded PGlite),
 * migrations, demo seed, the GraphQL server and background work.
 */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const config = options.config ?? readConfig();
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = embeddedDataDir(config);
    embedded = await startEmbeddedDatabase({ dataDir });
    databaseUrl = embedded.url;
    logger.info({ dataDir }, 'embedded PGlite database started');
  }
  await migrateDatabase(databaseUrl);
  const db = createDatabaseClient({
    url: databaseUrl,
    maxConnections: embedded ? 20 : 10,
    namedStatements: !embedded,
  });
  setPrisma(db);
  // demo organizations and their keys exist in development only (readConfig refuses ESCALATE_SEED in production)
  const demoKeys =
    config.ESCALATE_SEED && !config.production
      ? await seedDatabase(db, {
          demoKeySecret: config.ESCALATE_DEMO_KEY_SECRET,
          pepper: config.ESCALATE_API_KEY_PEPPER,
        })
      : [];
  const serverOptions = serverOptionsFromConfig(config);
  const metrics = serverOptions.metrics === false ? null : createApiMetrics(db);
  // GraphiQL opens with a working demo key in development, so its docs panel fills on first load
  const demoKey = demoKeys.find((demo) => demo.role === 'agent') ?? demoKeys[0];
  const yoga = createServer({
    db,
    ...serverOptions,
    ...(metrics && typeof serverOptions.metrics === 'object'
      ? { metrics: { ...serverOptions.metrics, instance: metrics } }
      : {}),
    ...(serverOptions.graphiql && demoKey ? { graphiql: { authorization: `Bearer ${demoKey.key}` } } : {}),
    logger,
  });
  const http = createHttpServer(yoga);
  await new Promise<void>((resolve) => http.listen(config.PORT, config.HOST, resolve));
  const { port } = http.address() as AddressInfo;
  let metricsHttp: Server | null = null;
  let metricsUrl: string | null = null;
  if (metrics && config.ESCALATE_METRICS_PORT !== undefined) {
    const scraped = metrics;
    metricsHttp = createHttpServer((request, response) => {
      if (request.url !== '/metrics') {
        response.writeHead(404).end('not found\n');
        return;
      }
      void metricsAnswer(scraped, config.ESCALATE_METRICS_TOKEN, request.headers.authorization ?? null).then(
        ({ status, headers, body }) => response.writeHead(status, headers).end(body),
      );
    });
    const server = metricsHttp;
    await new Promise<void>((resolve) => server.listen(config.ESCALATE_METRICS_PORT, config.HOST, resolve));
    metricsUrl = `http://${config.HOST}:${(server.address() as AddressInfo).port}/metrics`;
  }
  const stoppers: (() => Promise<void>)[] = [];
  for (const start of options.background ?? []) stoppers.push(await start({ db, logger, config }));

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${config.HOST}:${port}/graphql`,
    databaseUrl,
    demoKeys,
    db,
    http,
    metricsUrl,
    stop() {
      stopping ??= (async () => {
        // stop taking requests, let in-flight ones finish, then release the database
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeIdleConnections();
        });
        await new Promise<void>((resolve) => (metricsHttp ? metricsHttp.close(() => resolve()) : resolve()));
        for (const stop of stoppers.reverse()) await stop();
        await db.$disconnect();
        await embedded?.stop();
      })();
      return stopping;
    },
  };
}
