import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { inTransaction } from '../../kernel/transaction.js';

export const ZRedriveInput = z
  .object({
    messageIds: z.array(z.string().min(1)).max(500).nullish(),
    all: z.boolean().nullish(),
  })
  .refine((input) => Boolean(input.all) !== Boolean(input.messageIds?.length), {
    message: 'give messageIds or all: true',
    path: ['messageIds'],
  });

/**
 * Sends dead messages again: back to PENDING with a fresh set of attempts, keeping the
 * delivery id (receivers still recognize them) and the last error until the next attempt.
 * Each re-drive is on the timeline of its case.
 */
export async function redriveDeadMessages(
  context: Context,
  input: z.output<typeof ZRedriveInput>,
): Promise<{ messageIds: string[] }> {
  const ids = input.messageIds;
  return inTransaction(context, async (tx) => {
    const dead = await tx.outboxMessage.findMany({
      where: { status: 'DEAD', ...(ids ? { id: { in: ids } } : {}) },
      select: { id: true, caseId: true, channel: true, attempts: true, deliveryId: true },
      take: 500,
    });
    if (ids) {
      const missing = ids.filter((id) => !dead.some((message) => message.id === id));
      if (missing.length > 0) {
        throw new AppError('INVALID_TRANSITION', 'Only dead messages can be re-driven', {
          fields: missing.map((id) => ({ path: `input.messageIds.${ids.indexOf(id)}`, message: 'not a dead message' })),
        });
      }
    }
    if (dead.length === 0) return { messageIds: [] };
    await tx.outboxMessage.updateMany({
      where: { id: { in: dead.map((message) => message.id) }, status: 'DEAD' },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: context.now, lockedBy: null, lockedUntil: null },
    });
    await tx.timelineEvent.createMany({
      data: dead
        .filter((message) => message.caseId)
        .map((message) => ({
          tenantId: context.viewer.tenantId,
          caseId: message.caseId,
          actorId: context.viewer.userId,
          type: 'NOTIFICATION_REDRIVEN',
          data: {
            messageId: message.id,
            channel: message.channel,
            deliveryId: message.deliveryId,
            previousAttempts: message.attempts,
          },
          requestId: context.requestId,
        })),
    });
    return { messageIds: dead.map((message) => message.id) };
  });
}
