import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../db/prisma-client.js';
import { type BackoffOptions, DEFAULT_BACKOFF, retryDelayMs } from './backoff.js';
import { buryAbandonedMessages, claimDueMessages, markDelivered, markFailed } from './claim.js';
import type { DeliveryOutcome, OutboxRow } from './delivery-types.js';
import { EmailSender } from './email-sender.js';
import { WebhookSender } from './webhook-sender.js';

export interface DeliveryWorkerOptions {
  db: PrismaClient;
  logger: Logger;
  workerId?: string;
  smtpUrl?: string | null;
  emailFrom?: string;
  batchSize?: number;
  pollIntervalMs?: number;
  /** how long a claim lasts before another worker may take the message over */
  leaseMs?: number;
  webhookTimeoutMs?: number;
  backoff?: BackoffOptions;
  clock?: () => Date;
  /** deliver only these organizations' messages (dedicated workers); all when absent */
  tenantIds?: string[] | null;
  /** periodic housekeeping run on every poll (expiring offers, timing out transfers) */
  maintenance?: ((db: PrismaClient, now: Date) => Promise<unknown>)[];
}

export interface BatchReport {
  claimed: number;
  delivered: number;
  retrying: number;
  dead: number;
}

/**
 * Delivers outbox messages at least once: claims a batch, sends each message on its
 * channel, then marks it delivered, schedules a retry with exponential backoff and jitter,
 * or moves it to the dead letters after `maxAttempts`. Several workers (processes) can run
 * side by side; a killed worker's claims come back when their lease expires.
 */
export class DeliveryWorker {
  readonly workerId: string;
  private readonly email: EmailSender;
  private readonly webhooks: WebhookSender;
  private readonly clock: () => Date;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.clock = options.clock ?? (() => new Date());
    this.email = new EmailSender(options.db, {
      smtpUrl: options.smtpUrl,
      from: options.emailFrom ?? 'Escalate <notifications@escalate.local>',
    });
    this.webhooks = new WebhookSender(options.db, {
      timeoutMs: options.webhookTimeoutMs ?? 10_000,
      logger: options.logger,
    });
  }

  /** Claims and delivers one batch; returns what happened. */
  async runOnce(): Promise<BatchReport> {
    const { db } = this.options;
    const now = this.clock();
    await buryAbandonedMessages(db, now);
    const ids = await claimDueMessages(db, {
      workerId: this.workerId,
      now,
      batchSize: this.options.batchSize ?? 20,
      leaseMs: this.options.leaseMs ?? 60_000,
      tenantIds: this.options.tenantIds,
    });
    const report: BatchReport = { claimed: ids.length, delivered: 0, retrying: 0, dead: 0 };
    if (ids.length === 0) return report;
    const messages = await db.outboxMessage.findMany({ where: { id: { in: ids }, lockedBy: this.workerId } });
    await Promise.all(
      messages.map(async (message) => {
        const outcome = await this.deliver(message).catch(
          (error): DeliveryOutcome => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
        const finishedAt = this.clock();
        if (outcome.ok) {
          if (await markDelivered(db, message.id, this.workerId, finishedAt)) report.delivered += 1;
          return;
        }
        const next = new Date(
          finishedAt.getTime() + retryDelayMs(message.attempts, this.options.backoff ?? DEFAULT_BACKOFF),
        );
        const result = await markFailed(db, message, this.workerId, outcome.error, next);
        if (result === 'DEAD') report.dead += 1;
        if (result === 'RETRY') report.retrying += 1;
        this.options.logger.warn(
          { messageId: message.id, channel: message.channel, attempt: message.attempts, result, error: outcome.error },
          'notification delivery failed',
        );
      }),
    );
    return report;
  }

  private deliver(message: OutboxRow): Promise<DeliveryOutcome> {
    const channel = message.channel as 'EMAIL' | 'DIRECT_MESSAGE' | 'CHANNEL_POST' | 'LIVE_ALERT' | 'WEBHOOK';
    switch (channel) {
      case 'EMAIL':
        return this.email.send(message);
      case 'DIRECT_MESSAGE':
      case 'CHANNEL_POST':
      case 'LIVE_ALERT':
      case 'WEBHOOK':
        return this.webhooks.send(message, this.clock());
      default: {
        const unknown: never = channel;
        return Promise.resolve({ ok: false, error: `unknown channel ${String(unknown)}` });
      }
    }
  }

  private async tick(): Promise<void> {
    try {
      for (const task of this.options.maintenance ?? []) await task(this.options.db, this.clock());
      // keep going while there is a backlog, then wait for the next poll
      for (;;) {
        const report = await this.runOnce();
        if (this.stopped || report.claimed < (this.options.batchSize ?? 20)) break;
      }
    } catch (error) {
      this.options.logger.error({ err: error }, 'delivery worker poll failed');
    }
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick();
      await this.running;
      this.running = null;
      if (!this.stopped) this.timer = setTimeout(loop, this.options.pollIntervalMs ?? 500);
    };
    void loop();
    this.options.logger.info({ workerId: this.workerId }, 'delivery worker started');
  }

  /** Stops polling and waits for the batch in flight to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.email.close();
  }
}
