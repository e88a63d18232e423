/**
 * A database made by the previous main (every migration before `tenant_number_sequences`, with
 * its TenantCounter rows and numbered cases) is migrated with `prisma migrate deploy`; its rows
 * stay, and new case and privacy request numbers continue above the old ones.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Context } from '../packages/api/src/context.js';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../packages/api/src/db/embedded-database.js';
import { migrateDatabase, repositoryRoot } from '../packages/api/src/db/migrate.js';
import { createDatabaseClient, type PrismaClient } from '../packages/api/src/db/prisma-client.js';
import { tenantDatabase } from '../packages/api/src/db/tenant-scope.js';
import { nextTenantNumber } from '../packages/api/src/kernel/counters.js';
import { createLogger } from '../packages/api/src/logger.js';
import { createCase } from '../packages/api/src/modules/cases/case-service.js';
import '../packages/api/src/testing/provided-context.js';
import { type RunSql, withSqlConnection } from '../packages/api/src/testing/sql-connection.js';

const FIRST_NEW_MIGRATION = '20261203150000_tenant_number_sequences';
const migrationsDir = path.join(repositoryRoot, 'prisma/migrations');

let embedded: EmbeddedDatabase | undefined;
let databaseUrl: string;
let dropDatabase: (() => Promise<void>) | undefined;
let db: PrismaClient | undefined;

const tenants = {
  busy: randomUUID(),
  /** a case numbered above its counter (inserted by hand): numbers continue above the case */
  ahead: randomUUID(),
  empty: randomUUID(),
};
const users = { busy: randomUUID(), ahead: randomUUID(), empty: randomUUID() };

async function applyOldMigrations(run: RunSql): Promise<void> {
  const names = (await readdir(migrationsDir)).filter((name) => /^\d{14}_/.test(name)).sort();
  await run(`CREATE TABLE "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  for (const name of names.filter((candidate) => candidate < FIRST_NEW_MIGRATION)) {
    const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
    await run(sql);
    await run(
      `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count")
       VALUES ($1, $2, now(), $3, 1)`,
      [randomUUID(), createHash('sha256').update(sql).digest('hex'), name],
    );
  }
}

async function seedOldRows(run: RunSql): Promise<void> {
  for (const [key, id] of Object.entries(tenants)) {
    await run(`INSERT INTO "Tenant" ("id", "slug", "name", "timeZone") VALUES ($1, $2, $2, 'UTC')`, [
      id,
      `mig-${key}-${id.slice(0, 8)}`,
    ]);
    await run(`INSERT INTO "User" ("id", "tenantId", "email", "name", "role") VALUES ($1, $2, $3, 'Agent', 'agent')`, [
      users[key as keyof typeof users],
      id,
      `agent-${key}@example.test`,
    ]);
  }
  const insertCase = (tenantId: string, number: number) =>
    run(
      `INSERT INTO "Case" ("id", "tenantId", "number", "customerRef", "subject", "updatedAt")
       VALUES ($1, $2, $3, 'm-1', $4, now())`,
      [randomUUID(), tenantId, number, `old case ${number}`],
    );
  // the busy tenant: 41 numbers handed out (two cases left), 7 privacy request numbers
  await run(
    `INSERT INTO "TenantCounter" ("tenantId", "name", "value") VALUES ($1, 'case', 41), ($1, 'privacy-request', 7)`,
    [tenants.busy],
  );
  await insertCase(tenants.busy, 40);
  await insertCase(tenants.busy, 41);
  await run(`INSERT INTO "TenantCounter" ("tenantId", "name", "value") VALUES ($1, 'case', 5)`, [tenants.ahead]);
  await insertCase(tenants.ahead, 9);
}

beforeAll(async () => {
  const shared = inject('databaseUrl');
  // the embedded test database (PGlite) has one database per instance: start another one
  const pglite = shared.includes('sslmode=disable');
  if (!pglite) {
    // PostgreSQL: a database of its own on the same server
    const name = `escalate_migration_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await withSqlConnection(shared, (run) => run(`CREATE DATABASE "${name}"`));
    const url = new URL(shared);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () => withSqlConnection(shared, (run) => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  } else {
    embedded = await startEmbeddedDatabase({ maxConnections: 20 });
    databaseUrl = embedded.url;
  }
  await withSqlConnection(databaseUrl, async (run) => {
    await applyOldMigrations(run);
    await seedOldRows(run);
  });
  await migrateDatabase(databaseUrl);
  db = createDatabaseClient({ url: databaseUrl, maxConnections: 4 });
}, 180_000);

afterAll(async () => {
  await db?.$disconnect();
  await dropDatabase?.();
  await embedded?.stop();
});

function contextFor(tenant: keyof typeof tenants): Context {
  const client = db as PrismaClient;
  return {
    viewer: {
      tenantId: tenants[tenant],
      tenantSlug: tenant,
      tenantTimeZone: 'UTC',
      userId: users[tenant],
      role: 'agent',
      apiKeyId: randomUUID(),
    },
    db: tenantDatabase(client, tenants[tenant]),
    rootDb: client,
    requestId: 'migration-test',
    log: createLogger('silent'),
    idempotencyKeyHeader: null,
    now: new Date(),
  };
}

async function createdNumber(tenant: keyof typeof tenants): Promise<number> {
  const { caseId } = await createCase(contextFor(tenant), { subject: 'after the migration', customerRef: 'm-2' });
  const row = await (db as PrismaClient).case.findUniqueOrThrow({ where: { id: caseId }, select: { number: true } });
  return row.number;
}

describe('numbers across the migration to per-tenant sequences', () => {
  it('keeps the old rows and continues above the old counters and numbers', async () => {
    const client = db as PrismaClient;
    expect(await client.case.count({ where: { tenantId: tenants.busy } })).toBe(2);
    expect(await client.tenantCounter.count({ where: { tenantId: tenants.busy } })).toBe(2);
    expect(await createdNumber('busy')).toBe(42);
    expect(await createdNumber('busy')).toBe(43);
    expect(await createdNumber('ahead')).toBe(10);
    expect(await createdNumber('empty')).toBe(1);
    expect(await nextTenantNumber(client, tenants.busy, 'privacy-request')).toBe(8);
    expect(await nextTenantNumber(client, tenants.empty, 'privacy-request')).toBe(1);
  });

  it('a tenant created after the migration starts at 1; deleting it removes its sequences', async () => {
    const client = db as PrismaClient;
    const tenant = await client.tenant.create({
      data: { slug: `mig-new-${randomUUID().slice(0, 8)}`, name: 'New', timeZone: 'UTC' },
    });
    expect(await nextTenantNumber(client, tenant.id, 'case')).toBe(1);
    expect(await nextTenantNumber(client, tenant.id, 'case')).toBe(2);
    await client.tenant.delete({ where: { id: tenant.id } });
    const left = await client.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = 'escalate_numbers' AND c.relname LIKE ${`%${tenant.id}`}`;
    expect(left[0]?.n).toBe(0);
  });
});
