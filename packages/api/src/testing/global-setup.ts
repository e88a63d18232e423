import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../db/embedded-database.js';
import { migrateDatabase } from '../db/migrate.js';
import './provided-context.js';

/**
 * One database for the whole run: PostgreSQL from TEST_DATABASE_URL, or an in-memory PGlite
 * behind its socket server. Migrated once; every test file works in tenants of its own.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const embedded = external ? undefined : await startEmbeddedDatabase({ maxConnections: 200 });
  const databaseUrl = external ?? (embedded as { url: string }).url;
  await migrateDatabase(databaseUrl);
  project.provide('databaseUrl', databaseUrl);
  return async () => {
    await embedded?.stop();
  };
}
