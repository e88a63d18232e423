import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../db/prisma-client.js';
import { seedDatabase } from './seed.js';
import { type SeedOrganization, seedOrganizations } from './seed-data.js';

export interface ThrowawayTenant {
  slug: string;
  tenantId: string;
  /** API keys by seed user key (agent, tier2, admin, …) */
  keys: Record<string, string>;
  /** user ids by seed user key */
  userIds: Record<string, string>;
}

/**
 * Seeds a fresh copy of one of the five organizations under a random slug, so tests and
 * benchmarks each get a tenant of their own, and returns its API keys and user ids by role key.
 */
export async function seedThrowawayTenant(
  db: PrismaClient,
  options: {
    template: string;
    pepper: string;
    /** prefix of the secret the demo keys are derived from, e.g. "test" */
    secretPrefix: string;
    /** words before the slug in the organization's name, e.g. "test " */
    namePrefix?: string;
  },
): Promise<ThrowawayTenant> {
  const base = seedOrganizations.find((organization) => organization.slug === options.template);
  if (!base) throw new Error(`no seed organization ${options.template}`);
  const slug = `${options.template}-${randomBytes(5).toString('hex')}`;
  const organization: SeedOrganization = { ...base, slug, name: `${base.name} (${options.namePrefix ?? ''}${slug})` };
  const demoKeys = await seedDatabase(db, {
    demoKeySecret: `${options.secretPrefix}-${slug}`,
    pepper: options.pepper,
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
}
