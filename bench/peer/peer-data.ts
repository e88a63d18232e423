/** Data and measurements shared by the peer read benchmark. */
import { readdirSync, readFileSync } from 'node:fs';
import type { PrismaClient } from '../../packages/api/src/db/prisma-client.js';
import type { HarnessTenant } from '../harness.js';

/**
 * Inserts `count` cases into the tenant, spread over its queues (and their teams) and users,
 * some without assignee, and returns their ids.
 */
export async function seedPeerCases(db: PrismaClient, tenant: HarnessTenant, count: number): Promise<string[]> {
  const queues = await db.queue.findMany({ where: { tenantId: tenant.tenantId }, orderBy: { slug: 'asc' } });
  const users = Object.values(tenant.userIds);
  const start = (await db.case.count({ where: { tenantId: tenant.tenantId } })) + 1;
  const batch = 5_000;
  for (let offset = 0; offset < count; offset += batch) {
    await db.case.createMany({
      data: Array.from({ length: Math.min(batch, count - offset) }, (_, j) => {
        const i = offset + j;
        const queue = queues[i % Math.max(1, queues.length)];
        return {
          tenantId: tenant.tenantId,
          number: start + i,
          subject: `Peer case ${i}: member asked for a supervisor`,
          customerRef: `member-${i % 700}`,
          status: i % 5 === 0 ? 'NEW' : 'OPEN',
          priority: i % 7 === 0 ? 'HIGH' : 'NORMAL',
          queueId: queue?.id ?? null,
          teamId: queue?.teamId ?? null,
          assigneeId: i % 4 === 0 ? null : (users[i % users.length] ?? null),
          createdById: users[(i + 1) % users.length] ?? null,
          createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        };
      }),
    });
  }
  const rows = await db.case.findMany({ where: { tenantId: tenant.tenantId }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** CPU time (ms) used so far by each process of a PostgreSQL server: the postmaster and its children (Linux). */
export function postgresCpu(postmaster: number): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    const pid = Number(entry);
    if (pid !== postmaster && Number(fields[1]) !== postmaster) continue;
    byPid.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return byPid;
}

/** CPU (ms) the server's processes used between two snapshots; a process that exited in between is not counted. */
export function postgresCpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
