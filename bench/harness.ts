/**
 * A database, its migrations and seeded tenants outside the test runner, for benchmarks and
 * the long fuzz and fault runs. PostgreSQL from DATABASE_URL, else an in-memory PGlite.
 */
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../packages/api/src/db/embedded-database.js';
import { migrateDatabase } from '../packages/api/src/db/migrate.js';
import { createDatabaseClient, type PrismaClient, setPrisma } from '../packages/api/src/db/prisma-client.js';
import { seedThrowawayTenant, type ThrowawayTenant } from '../packages/api/src/seed/seed-throwaway-tenant.js';

export const HARNESS_PEPPER = 'bench-pepper-value';

export type HarnessTenant = ThrowawayTenant;

export interface Harness {
  databaseUrl: string;
  kind: 'postgres' | 'pglite';
  db: PrismaClient;
  createTenant(template?: string): Promise<HarnessTenant>;
  close(): Promise<void>;
}

export async function startHarness(options: { databaseUrl?: string; poolSize?: number } = {}): Promise<Harness> {
  const external = options.databaseUrl ?? process.env.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  if (!external) embedded = await startEmbeddedDatabase({ maxConnections: 200 });
  const databaseUrl = external ?? (embedded as EmbeddedDatabase).url;
  await migrateDatabase(databaseUrl);
  const db = createDatabaseClient({
    url: databaseUrl,
    maxConnections: options.poolSize ?? 10,
    namedStatements: Boolean(external),
  });
  setPrisma(db);
  return {
    databaseUrl,
    kind: external ? 'postgres' : 'pglite',
    db,
    createTenant: (template = 'care') =>
      seedThrowawayTenant(db, { template, secretPrefix: 'bench', pepper: HARNESS_PEPPER }),
    async close() {
      await db.$disconnect();
      await embedded?.stop();
    },
  };
}
