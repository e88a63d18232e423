/**
 * Fault test: createCase load over real HTTP while every database backend is
 * terminated repeatedly. The process survives, callers get a typed retryable 503 during the
 * outage, service is back within 5 s, and every case is fully written or not at all.
 *
 * Needs PostgreSQL: PGlite is one in-process session and has no backends to terminate.
 * Full run: `pnpm fault` (scripts/fault.ts, longer load and more kills).
 */
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClient, type PrismaClient } from '../packages/api/src/db/prisma-client.js';
import { createLogger } from '../packages/api/src/logger.js';
import { createServer } from '../packages/api/src/server.js';
import { createTestKit, TEST_PEPPER, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { caseInvariantViolations, runFaultScenario, withApplicationName } from './hardening-fault-kit.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)('database outage under load (PostgreSQL only: set TEST_DATABASE_URL)', () => {
  let kit: TestKit;
  let tenant: TestTenant;
  // a server of its own, whose connections carry a name: only they are terminated, so test
  // files running beside this one on the same database are not disturbed
  const applicationName = `escalate-fault-${randomBytes(4).toString('hex')}`;
  let db: PrismaClient;
  let http: Server;
  let url: string;

  beforeAll(async () => {
    kit = await createTestKit();
    tenant = await kit.createTenant('care');
    db = createDatabaseClient({ url: withApplicationName(kit.databaseUrl, applicationName), maxConnections: 5 });
    http = createHttpServer(createServer({ db, apiKeyPepper: TEST_PEPPER, logger: createLogger('silent') }));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    http?.closeAllConnections();
    await new Promise((resolve) => http?.close(resolve));
    await db?.$disconnect();
    await kit?.close();
  });

  it('X-9 survives pg_terminate_backend during createCase load: 503 + Retry-After, recovery < 5 s, no partial writes', async () => {
    const report = await runFaultScenario({
      url,
      key: tenant.keys.agent as string,
      databaseUrl: kit.databaseUrl,
      applicationName,
      concurrency: 6,
      warmupMs: 700,
      outageMs: 1_000,
      afterMs: 2_500,
    });
    console.info(
      `fault: ${report.succeeded} created, ${report.unavailable.length} × 503, ${report.terminatedBackends} backends terminated, recovered in ${report.recoveryMs} ms`,
    );
    expect(report.unexpected).toEqual([]);
    expect(report.succeeded).toBeGreaterThan(10);
    expect(report.terminatedBackends).toBeGreaterThan(0);
    for (const refusal of report.unavailable) {
      expect(refusal.retryAfter).toBe('1');
      expect(refusal.code).toBe('UNAVAILABLE');
    }
    expect(report.recoveryMs).not.toBeNull();
    expect(report.recoveryMs as number).toBeLessThan(5_000);
    expect(await caseInvariantViolations(kit.db, tenant.tenantId)).toEqual([]);
    // every case a caller was told about exists
    const reported = await kit.db.case.count({ where: { id: { in: report.createdCaseIds } } });
    expect(reported).toBe(report.createdCaseIds.length);
  });
});
