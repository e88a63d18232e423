/**
 * A database, its migrations and seeded tenants outside the test runner, for benchmarks and
 * the long fuzz and fault runs. PostgreSQL from DATABASE_URL, else an in-memory PGlite.
 */
import { randomBytes } from 'node:crypto';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../packages/api/src/db/embedded-database.js';
import { migrateDatabase } from '../packages/api/src/db/migrate.js';
import { createDatabaseClient, type PrismaClient, setPrisma } from '../packages/api/src/db/prisma-client.js';
import { seedDatabase } from '../packages/api/src/db/seed.js';
import { type SeedOrganization, seedOrganizations } from '../packages/api/src/db/seed-data.js';

export const HARNESS_PEPPER = 'bench-pepper-value';

export interface HarnessTenant {
  slug: string;
  tenantId: string;
  /** API keys by seed user key (agent, tier2, admin, …) */
  keys: Record<string, string>;
  userIds: Record<string, string>;
}

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
  const db = createDatabaseClient({ url: databaseUrl, maxConnections: options.poolSize ?? 10 });
  setPrisma(db);
  return {
    databaseUrl,
    kind: external ? 'postgres' : 'pglite',
    db,
    async createTenant(template = 'care') {
      const base = seedOrganizations.find((organization) => organization.slug === template);
      if (!base) throw new Error(`no seed organization ${template}`);
      const slug = `${template}-${randomBytes(5).toString('hex')}`;
      const organization: SeedOrganization = { ...base, slug, name: `${base.name} (${slug})` };
      const demoKeys = await seedDatabase(db, {
        demoKeySecret: `bench-${slug}`,
        pepper: HARNESS_PEPPER,
        organizations: [organization],
      });
      const tenant = await db.tenant.findUniqueOrThrow({ where: { slug } });
      const users = await db.user.findMany({ where: { tenantId: tenant.id } });
      const keys: Record<string, string> = {};
      const userIds: Record<string, string> = {};
      for (const user of organization.users) {
        const email = `${user.key.replace(/_/g, '-')}@${slug}.example`;
        const demo = demoKeys.find((entry) => entry.user === email);
        const row = users.find((candidate) => candidate.email === email);
        if (demo) keys[user.key] = demo.key;
        if (row) userIds[user.key] = row.id;
      }
      return { slug, tenantId: tenant.id, keys, userIds };
    },
    async close() {
      await db.$disconnect();
      await embedded?.stop();
    },
  };
}
