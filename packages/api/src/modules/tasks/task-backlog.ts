import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { inTransaction } from '../../kernel/transaction.js';
import { chooseCandidate, judgeCandidate, openAssignmentCounts } from '../assignments/index.js';

const CHUNK = 100;

export const ZDistributeBacklogInput = z.object({
  team: z.string().trim().min(1).max(80).default('tier3'),
  kind: z.string().trim().min(1).max(30).default('TIER3_BACKLOG'),
  limit: z.number().int().min(1).max(5_000).default(1_000),
});

export interface DistributeBacklogResult {
  assigned: number;
  leftInBacklog: number;
  byAssignee: { userId: string; count: number }[];
}

/**
 * CIN-7: assigns the team's unassigned backlog tasks randomly among the members who are
 * eligible now. Works in chunks, each one transaction that locks its tasks (SKIP LOCKED, so
 * two runs never take the same task) and the team's members (so capacity holds against
 * concurrent assignments). Tasks nobody can take stay in the backlog.
 */
export async function distributeBacklog(
  context: Context,
  input: z.output<typeof ZDistributeBacklogInput>,
  random?: (n: number) => number,
): Promise<DistributeBacklogResult> {
  const tenantId = context.viewer.tenantId;
  const team = await context.db.team.findFirst({ where: { slug: input.team }, select: { id: true, slug: true } });
  if (!team) {
    throw new AppError('VALIDATION_FAILED', `Unknown team "${input.team}"`, {
      fields: [{ path: 'input.team', message: 'no team with this slug in your organization' }],
    });
  }
  const counts = new Map<string, number>();
  let assigned = 0;
  let remaining = input.limit;
  while (remaining > 0) {
    const chunk = await inTransaction(context, async (tx) => {
      const tasks = await tx.$queryRaw<{ id: string; caseId: string | null }[]>`
        SELECT "id"::text AS "id", "caseId"::text AS "caseId" FROM "Task"
        WHERE "tenantId" = ${tenantId}::uuid AND "kind" = ${input.kind} AND "assigneeId" IS NULL
          AND "status" IN ('TODO', 'BLOCKED') AND ("teamId" = ${team.id}::uuid OR "teamId" IS NULL)
        ORDER BY "createdAt", "id"
        LIMIT ${Math.min(CHUNK, remaining)}
        FOR UPDATE SKIP LOCKED`;
      if (tasks.length === 0) return { taken: 0, assigned: 0 };
      const members = await tx.user.findMany({
        where: { teamId: team.id, role: { notIn: ['integration', 'admin'] } },
        orderBy: { id: 'asc' },
      });
      const ids = members.map((member) => member.id);
      await tx.$queryRaw`SELECT "id" FROM "User" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`;
      const loads = await openAssignmentCounts(tx, tenantId, ids);
      const candidates = members.map((member) => ({
        id: member.id,
        name: member.name,
        role: member.role,
        availability: member.availability,
        outOfOffice: member.outOfOffice,
        capacity: member.capacity,
        openAssignments: loads.get(member.id) ?? 0,
        lastAssignedAt: member.lastAssignedAt,
      }));
      const assignments: { taskId: string; caseId: string | null; userId: string; explanation: object }[] = [];
      for (const task of tasks) {
        const verdicts = candidates.map((candidate) => judgeCandidate(candidate, { businessHours: null }));
        const eligible = candidates.filter((_, index) => verdicts[index]?.eligible);
        const { chosen, why } = chooseCandidate('RANDOM', eligible, random);
        if (!chosen) break;
        chosen.openAssignments += 1;
        assignments.push({
          taskId: task.id,
          caseId: task.caseId,
          userId: chosen.id,
          explanation: {
            strategy: 'RANDOM',
            pool: `team ${team.slug}`,
            businessHours: null,
            candidates: verdicts,
            eligible: eligible.map((candidate) => candidate.id),
            chosenUserId: chosen.id,
            why,
          },
        });
      }
      if (assignments.length === 0) return { taken: tasks.length, assigned: 0 };
      await tx.assignment.createMany({
        data: assignments.map((entry) => ({
          tenantId,
          taskId: entry.taskId,
          assigneeId: entry.userId,
          teamId: team.id,
          strategy: 'RANDOM',
          status: 'OFFERED',
          explanation: entry.explanation,
          reason: 'CIN-7 Tier 3 backlog: random assignment',
          createdById: context.viewer.userId,
          offeredAt: context.now,
        })),
      });
      const byUser = new Map<string, string[]>();
      for (const entry of assignments) byUser.set(entry.userId, [...(byUser.get(entry.userId) ?? []), entry.taskId]);
      for (const [userId, taskIds] of byUser) {
        await tx.task.updateMany({
          where: { id: { in: taskIds } },
          data: { assigneeId: userId, teamId: team.id, version: { increment: 1 } },
        });
        await tx.user.update({ where: { id: userId }, data: { lastAssignedAt: context.now } });
        counts.set(userId, (counts.get(userId) ?? 0) + taskIds.length);
      }
      const withCase = assignments.filter((entry) => entry.caseId);
      if (withCase.length > 0) {
        await tx.timelineEvent.createMany({
          data: withCase.map((entry) => ({
            tenantId,
            caseId: entry.caseId,
            actorId: context.viewer.userId,
            type: 'ASSIGNMENT_OFFERED',
            data: { taskId: entry.taskId, assignee: { id: entry.userId }, strategy: 'RANDOM' },
            decision: entry.explanation,
            requestId: context.requestId,
          })),
        });
      }
      return { taken: tasks.length, assigned: assignments.length };
    });
    assigned += chunk.assigned;
    remaining -= chunk.assigned;
    // stop when the backlog is empty or nobody can take more
    if (chunk.taken === 0 || chunk.assigned < chunk.taken) break;
  }
  const leftInBacklog = await context.db.task.count({
    where: { kind: input.kind, assigneeId: null, status: { in: ['TODO', 'BLOCKED'] } },
  });
  return {
    assigned,
    leftInBacklog,
    byAssignee: [...counts.entries()].map(([userId, count]) => ({ userId, count })),
  };
}
