import nodemailer, { type Transporter } from 'nodemailer';
import type { PrismaClient } from '../../db/prisma-client.js';
import type { DeliveryOutcome, OutboxRow } from './delivery-types.js';

export interface EmailSenderOptions {
  /** smtp://user:pass@host:port (or smtps://); without it emails fail and are retried */
  smtpUrl: string | null | undefined;
  from: string;
}

function textOf(payload: Record<string, unknown>): string {
  for (const key of ['text', 'body', 'message']) {
    const value = payload[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return JSON.stringify(payload, null, 2);
}

/**
 * Emails over SMTP. A recipient is an address, or `role:<role>`, `skill:<skill>` or
 * `team:<slug>` resolved to the addresses of the organization's users. The Message-ID is
 * derived from the stable delivery id, so a repeated attempt is recognizable as the same mail.
 */
export class EmailSender {
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: PrismaClient,
    private readonly options: EmailSenderOptions,
  ) {
    this.transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  }

  async resolveRecipients(message: OutboxRow): Promise<string[]> {
    const recipient = message.recipient.trim();
    const [kind, value] = recipient.includes(':') ? (recipient.split(':', 2) as [string, string]) : ['', recipient];
    const tenantId = message.tenantId;
    switch (kind) {
      case 'role':
        return (await this.db.user.findMany({ where: { tenantId, role: value }, select: { email: true } })).map(
          (user) => user.email,
        );
      case 'skill':
        return (
          await this.db.user.findMany({ where: { tenantId, skills: { has: value } }, select: { email: true } })
        ).map((user) => user.email);
      case 'team':
        return (
          await this.db.user.findMany({ where: { tenantId, team: { slug: value } }, select: { email: true } })
        ).map((user) => user.email);
      default:
        return recipient.includes('@') ? [recipient] : [];
    }
  }

  async send(message: OutboxRow): Promise<DeliveryOutcome> {
    if (!this.transport) return { ok: false, error: 'SMTP_URL is not configured: email cannot be sent' };
    const to = await this.resolveRecipients(message);
    if (to.length === 0) return { ok: false, error: `no email address for recipient "${message.recipient}"` };
    const payload = (message.payload ?? {}) as Record<string, unknown>;
    const html = typeof payload.html === 'string' ? payload.html : undefined;
    try {
      const info = await this.transport.sendMail({
        from: this.options.from,
        to,
        subject: message.subject ?? (typeof payload.subject === 'string' ? payload.subject : 'Escalate notification'),
        text: textOf(payload),
        html,
        messageId: `<${message.deliveryId}@escalate.delivery>`,
        headers: {
          'X-Escalate-Delivery-Id': message.deliveryId,
          ...(message.template ? { 'X-Escalate-Template': message.template } : {}),
        },
      });
      return { ok: true, detail: `accepted by SMTP: ${String(info.response ?? '')}`.slice(0, 500) };
    } catch (error) {
      return { ok: false, error: `SMTP: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  close(): void {
    this.transport?.close();
  }
}
