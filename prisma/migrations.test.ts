import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE_EXTENSIONS } from '../packages/api/src/db/pglite-extensions.js';

// The committed migrations, applied by the real Prisma CLI (through prisma/schema-engine.mjs)
// to a fresh PGlite served over the Postgres wire protocol; the rules are then checked on that
// same database.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaCli = path.join(root, 'node_modules/.bin/prisma');
const run = promisify(execFile);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface CliResult {
  exitCode: number;
  output: string;
}

// Asynchronous on purpose: the database answers from this process's event loop.
async function prisma(databaseUrl: string, ...args: string[]): Promise<CliResult> {
  const { SHADOW_DATABASE_URL: _unused, ...inherited } = process.env;
  const env = { ...inherited, DATABASE_URL: databaseUrl };
  try {
    const { stdout, stderr } = await run(prismaCli, args, { cwd: root, env });
    return { exitCode: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const tenantId = '6f1c1a52-3c1e-4c55-9a53-000000000001';

describe('prisma migrations on PGlite', () => {
  let db: PGlite;
  let server: PGLiteSocketServer;
  let databaseUrl: string;
  let deploy: CliResult;
  let status: CliResult;

  beforeAll(async () => {
    const port = await freePort();
    db = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 8 });
    await server.start();
    databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
    deploy = await prisma(databaseUrl, 'migrate', 'deploy');
    status = await prisma(databaseUrl, 'migrate', 'status');
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('migrate deploy applies every migration, then status reports the database up to date', () => {
    expect(deploy.exitCode, deploy.output).toBe(0);
    expect(deploy.output).toContain('_init');
    expect(deploy.output).toContain('_data_rules');
    expect(status.exitCode, status.output).toBe(0);
    expect(status.output).toContain('Database schema is up to date');
  });

  it('X-1 the case timeline is insert-only: an UPDATE is refused', async () => {
    await db.query(
      `INSERT INTO "Tenant" (id, slug, name, "timeZone") VALUES ($1, 'migrations-test', 'Migrations test', 'UTC')`,
      [tenantId],
    );
    const inserted = await db.query<{ id: string }>(
      `INSERT INTO "TimelineEvent" (id, "tenantId", type) VALUES (gen_random_uuid(), $1, 'CASE_CREATED') RETURNING id`,
      [tenantId],
    );
    const eventId = inserted.rows[0]?.id;
    await expect(db.query(`UPDATE "TimelineEvent" SET type = 'EDITED' WHERE id = $1`, [eventId])).rejects.toThrow(
      /"TimelineEvent" is insert-only: UPDATE/,
    );
    const after = await db.query<{ type: string }>(`SELECT type FROM "TimelineEvent" WHERE id = $1`, [eventId]);
    expect(after.rows).toEqual([{ type: 'CASE_CREATED' }]);
  });

  it('a CHECK constraint rejects an unknown Case.status', async () => {
    const insertCase = (status: string) =>
      db.query(
        `INSERT INTO "Case" (id, "tenantId", number, status, "customerRef", subject, "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, 'C-1', 'Subject', now())`,
        [tenantId, status === 'OPEN' ? 1 : 2, status],
      );
    await expect(insertCase('SHELVED')).rejects.toThrow(/Case_status_check/);
    await expect(insertCase('OPEN')).resolves.toMatchObject({ affectedRows: 1 });
  });

  it('CARE-R6 a rejected review is final: update and delete are refused, other reviews still change', async () => {
    const insertReview = async (status: string) => {
      const inserted = await db.query<{ id: string }>(
        `INSERT INTO "Review" (id, "tenantId", "authorName", subject, body, status, "updatedAt")
         VALUES (gen_random_uuid(), $1, 'Author', 'Subject', 'Body', $2, now()) RETURNING id`,
        [tenantId, status],
      );
      return inserted.rows[0]?.id;
    };
    const rejected = await insertReview('REJECTED');
    const pending = await insertReview('PENDING');
    await expect(db.query(`UPDATE "Review" SET status = 'APPROVED' WHERE id = $1`, [rejected])).rejects.toThrow(
      /rejected and can no longer be changed: UPDATE/,
    );
    await expect(db.query(`DELETE FROM "Review" WHERE id = $1`, [rejected])).rejects.toThrow(/DELETE/);
    await expect(db.query(`UPDATE "Review" SET status = 'REJECTED' WHERE id = $1`, [pending])).resolves.toMatchObject({
      affectedRows: 1,
    });
  });

  it('X-3 at most one active policy version per tenant', async () => {
    const insertPolicy = (version: number, active: boolean) =>
      db.query(
        `INSERT INTO "PolicyVersion" (id, "tenantId", version, document, active) VALUES (gen_random_uuid(), $1, $2, '{}', $3)`,
        [tenantId, version, active],
      );
    await insertPolicy(1, true);
    await insertPolicy(2, false);
    await expect(insertPolicy(3, true)).rejects.toThrow(/PolicyVersion_tenantId_active_key/);
  });
});
