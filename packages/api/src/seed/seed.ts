import { getShippedPolicyPack } from '@escalate/rules';
import { deriveDemoApiKey } from '../auth/api-keys.js';
import type { PrismaClient } from '../db/prisma-client.js';
import { seedShippedPolicy } from '../modules/policy/index.js';
import { type SeedOrganization, seedOrganizations } from './seed-data.js';

export interface DemoKey {
  organization: string;
  user: string;
  role: string;
  key: string;
}

export interface SeedOptions {
  demoKeySecret: string;
  pepper: string;
  organizations?: SeedOrganization[];
}

/**
 * Teams and queues of an organization: those its demo users belong to, plus every team and
 * queue its policy pack routes to, so a decision's target always exists.
 */
export function organizationStructure(organization: SeedOrganization) {
  const pack = getShippedPolicyPack(organization.policyPack ?? organization.slug);
  const teams = new Map(organization.teams.map((team) => [team.slug, team]));
  const queues = new Map(organization.queues.map((queue) => [queue.slug, queue]));
  for (const team of pack.teams) {
    if (!teams.has(team.slug)) teams.set(team.slug, { slug: team.slug, name: team.name });
    for (const queue of team.queues) {
      if (!queues.has(queue.slug)) queues.set(queue.slug, { slug: queue.slug, name: queue.name, team: team.slug });
    }
  }
  return { teams: [...teams.values()], queues: [...queues.values()] };
}

/**
 * Creates the demo organizations, teams, queues, users and API keys if they are missing.
 * Safe to run on every start: existing rows are left as they are. Returns the demo keys.
 */
export async function seedDatabase(db: PrismaClient, options: SeedOptions): Promise<DemoKey[]> {
  const keys: DemoKey[] = [];
  for (const organization of options.organizations ?? seedOrganizations) {
    const tenant = await db.tenant.upsert({
      where: { slug: organization.slug },
      create: { slug: organization.slug, name: organization.name, timeZone: organization.timeZone },
      update: {},
    });
    const structure = organizationStructure(organization);
    const teamIds = new Map<string, string>();
    for (const team of structure.teams) {
      const row = await db.team.upsert({
        where: { tenantId_slug: { tenantId: tenant.id, slug: team.slug } },
        create: { tenantId: tenant.id, slug: team.slug, name: team.name },
        update: {},
      });
      teamIds.set(team.slug, row.id);
    }
    for (const queue of structure.queues) {
      await db.queue.upsert({
        where: { tenantId_slug: { tenantId: tenant.id, slug: queue.slug } },
        create: { tenantId: tenant.id, slug: queue.slug, name: queue.name, teamId: teamIds.get(queue.team) ?? null },
        update: {},
      });
    }
    // a tenant without a policy gets version 1 of its organization's shipped pack
    await seedShippedPolicy(db, tenant.id, organization.policyPack ?? organization.slug);
    for (const user of organization.users) {
      const email = `${user.key.replace(/_/g, '-')}@${organization.slug}.example`;
      const row = await db.user.upsert({
        where: { tenantId_email: { tenantId: tenant.id, email } },
        create: {
          tenantId: tenant.id,
          email,
          name: user.name,
          role: user.role,
          skills: user.skills ?? [],
          teamId: user.team ? (teamIds.get(user.team) ?? null) : null,
          capacity: user.capacity ?? 10,
        },
        update: {},
      });
      const demo = deriveDemoApiKey(options.demoKeySecret, `${organization.slug}:${user.key}`, options.pepper);
      await db.apiKey.upsert({
        where: { prefix: demo.prefix },
        create: {
          tenantId: tenant.id,
          userId: row.id,
          name: `demo key for ${email}`,
          prefix: demo.prefix,
          hash: demo.hash,
        },
        update: { hash: demo.hash },
      });
      keys.push({ organization: organization.slug, user: email, role: user.role, key: demo.key });
    }
  }
  return keys;
}
