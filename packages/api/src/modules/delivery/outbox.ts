import type { Context } from '../../context.js';
import type { TenantTransaction } from '../../kernel/transaction.js';

export const OUTBOX_CHANNELS = ['EMAIL', 'DIRECT_MESSAGE', 'CHANNEL_POST', 'LIVE_ALERT', 'WEBHOOK'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

export interface OutboxEntry {
  caseId?: string | null;
  channel: OutboxChannel;
  /** email template id (templates are data), e.g. `privacy-ccpa-request-link` */
  template?: string | null;
  /** email address, role (`role:lead`), skill (`skill:tsm-escalations-lead`) or channel (`#adverse-events`) */
  recipient: string;
  subject?: string | null;
  /** everything the delivery needs: rendered text, template variables, links */
  payload: Record<string, unknown>;
}

/**
 * Writes a notification to the outbox in the caller's transaction: it exists exactly
 * when the change that caused it was committed. The worker delivers it at least once.
 */
export async function enqueueNotification(
  tx: TenantTransaction,
  context: Context,
  entry: OutboxEntry,
): Promise<string> {
  const row = await tx.outboxMessage.create({
    data: {
      tenantId: context.viewer.tenantId,
      caseId: entry.caseId ?? null,
      channel: entry.channel,
      template: entry.template ?? null,
      recipient: entry.recipient,
      subject: entry.subject ?? null,
      payload: entry.payload as object,
      nextAttemptAt: context.now,
    },
    select: { id: true },
  });
  return row.id;
}

/** Several notifications in one statement (same guarantees as enqueueNotification). */
export async function enqueueNotifications(
  tx: TenantTransaction,
  context: Context,
  entries: readonly OutboxEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.outboxMessage.createMany({
    data: entries.map((entry) => ({
      tenantId: context.viewer.tenantId,
      caseId: entry.caseId ?? null,
      channel: entry.channel,
      template: entry.template ?? null,
      recipient: entry.recipient,
      subject: entry.subject ?? null,
      payload: entry.payload as object,
      nextAttemptAt: context.now,
    })),
  });
}
