/**
 * Full fault run on PostgreSQL: rounds of createCase load while all backends are terminated
 * for a few seconds; prints 503s, recovery time and the no-partial-write check.
 *
 *   scripts/with-postgres.sh tsx scripts/fault.ts      (FAULT_ROUNDS, default 3)
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HARNESS_PEPPER, startHarness } from '../bench/harness.js';
import { createDatabaseClient } from '../packages/api/src/db/prisma-client.js';
import { createLogger } from '../packages/api/src/logger.js';
import { createServer } from '../packages/api/src/server.js';
import { caseInvariantViolations, runFaultScenario, withApplicationName } from '../test/hardening-fault-kit.js';

if (!process.env.DATABASE_URL) {
  console.log('fault run needs PostgreSQL: scripts/with-postgres.sh tsx scripts/fault.ts');
  process.exit(2);
}
const rounds = Number(process.env.FAULT_ROUNDS ?? 3);
let crashed = false;
process.on('uncaughtException', (error) => {
  crashed = true;
  console.log(`uncaught exception: ${error.message}`);
});

const harness = await startHarness({ poolSize: 10 });
const tenant = await harness.createTenant('care');
const applicationName = 'escalate-fault-run';
const serverDb = createDatabaseClient({
  url: withApplicationName(harness.databaseUrl, applicationName),
  maxConnections: 10,
});
const yoga = createServer({ db: serverDb, apiKeyPepper: HARNESS_PEPPER, logger: createLogger('silent') });
const http = createHttpServer(yoga);
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;

let failed = false;
for (let round = 1; round <= rounds; round += 1) {
  const report = await runFaultScenario({
    url,
    key: tenant.keys.agent as string,
    databaseUrl: harness.databaseUrl,
    applicationName,
    concurrency: 16,
    warmupMs: 2_000,
    outageMs: 3_000,
    afterMs: 5_000,
  });
  const badRetryAfter = report.unavailable.filter(
    (refusal) => refusal.retryAfter !== '1' || refusal.code !== 'UNAVAILABLE',
  );
  const ok =
    !report.unexpected.length && !badRetryAfter.length && report.recoveryMs !== null && report.recoveryMs < 5_000;
  failed ||= !ok;
  console.log(
    `round ${round}: ${report.succeeded} created, ${report.unavailable.length} × 503 (Retry-After 1), ${report.terminatedBackends} backends terminated, recovered ${report.recoveryMs} ms after the outage, ${report.unexpected.length} unexpected ${ok ? 'ok' : 'FAIL'}`,
  );
  for (const line of report.unexpected.slice(0, 5)) console.log(`  unexpected: ${line}`);
}
const violations = await caseInvariantViolations(harness.db, tenant.tenantId);
console.log(
  violations.length
    ? `partial writes: ${violations.join('; ')}`
    : 'no partial writes: every case has its CASE_CREATED event and vice versa',
);
http.close();
http.closeAllConnections();
await serverDb.$disconnect();
await harness.close();
process.exit(failed || crashed || violations.length ? 1 : 0);
