import type { PrismaClient } from '../../db/prisma-client.js';

/**
 * Expires offers nobody answered in time (all organizations; run by the worker). Each
 * expiry is its own small transaction with a status guard, so a concurrent accept wins or loses cleanly.
 */
export async function expireOverdueOffers(db: PrismaClient, now: Date): Promise<number> {
  const overdue = await db.assignment.findMany({
    where: { status: 'OFFERED', expiresAt: { lte: now } },
    select: { id: true, tenantId: true, caseId: true, taskId: true, assigneeId: true },
    take: 200,
  });
  let expired = 0;
  for (const assignment of overdue) {
    await db.$transaction(async (tx) => {
      const updated = await tx.assignment.updateMany({
        where: { id: assignment.id, status: 'OFFERED' },
        data: { status: 'EXPIRED', respondedAt: now },
      });
      if (updated.count === 0) return;
      expired += 1;
      if (assignment.caseId && assignment.assigneeId) {
        await tx.case.updateMany({
          where: { id: assignment.caseId, tenantId: assignment.tenantId, assigneeId: assignment.assigneeId },
          data: { assigneeId: null, version: { increment: 1 } },
        });
      }
      let caseId = assignment.caseId;
      if (assignment.taskId) {
        const task = await tx.task.findUnique({ where: { id: assignment.taskId }, select: { caseId: true } });
        caseId = task?.caseId ?? null;
        if (assignment.assigneeId) {
          await tx.task.updateMany({
            where: { id: assignment.taskId, tenantId: assignment.tenantId, assigneeId: assignment.assigneeId },
            data: { assigneeId: null, version: { increment: 1 } },
          });
        }
      }
      await tx.timelineEvent.create({
        data: {
          tenantId: assignment.tenantId,
          caseId,
          actorId: null,
          type: 'ASSIGNMENT_EXPIRED',
          data: {
            assignmentId: assignment.id,
            taskId: assignment.taskId,
            status: { before: 'OFFERED', after: 'EXPIRED' },
          },
        },
      });
    });
  }
  return expired;
}
