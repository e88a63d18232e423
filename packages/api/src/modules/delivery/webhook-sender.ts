import type { Logger } from 'pino';
import type { PrismaClient } from '../../db/prisma-client.js';
import { describeOutboundError, postOutbound } from '../../security/outbound-http.js';
import { outboundPolicyFor } from '../../security/outbound-url.js';
import type { DeliveryOutcome, OutboxRow } from './delivery-types.js';
import { signWebhook, WEBHOOK_HEADERS } from './signature.js';

export interface WebhookSenderOptions {
  timeoutMs: number;
  logger: Logger;
}

type EndpointResult = { kind: 'delivered' } | { kind: 'gone'; status: number } | { kind: 'failed'; error: string };

/**
 * Direct messages, channel posts, live alerts and plain webhooks go to the organization's
 * webhook endpoints for that channel, signed with each endpoint's secret. Every endpoint must
 * accept (2xx) for the message to count as delivered; a retry goes to all of them again with
 * the same delivery id, so receivers drop what they already have. An endpoint that answers
 * 410 Gone is disabled, with a note on the timeline.
 */
export class WebhookSender {
  constructor(
    private readonly db: PrismaClient,
    private readonly options: WebhookSenderOptions,
  ) {}

  async send(message: OutboxRow, now: Date): Promise<DeliveryOutcome> {
    const endpoints = await this.db.webhookEndpoint.findMany({
      where: { tenantId: message.tenantId, enabled: true, channels: { has: message.channel } },
      orderBy: { createdAt: 'asc' },
    });
    if (endpoints.length === 0) {
      // live alerts already reached the live subscribers; a webhook copy is optional for them
      if (message.channel === 'LIVE_ALERT') return { ok: true, detail: 'live subscribers only (no webhook endpoint)' };
      return { ok: false, error: `no enabled webhook endpoint for channel ${message.channel}` };
    }
    const tenant = await this.db.tenant.findUnique({ where: { id: message.tenantId }, select: { slug: true } });
    const body = JSON.stringify({
      deliveryId: message.deliveryId,
      messageId: message.id,
      organization: tenant?.slug ?? null,
      channel: message.channel,
      caseId: message.caseId,
      recipient: message.recipient,
      template: message.template,
      subject: message.subject,
      payload: message.payload,
      createdAt: message.createdAt.toISOString(),
      attempt: message.attempts,
    });
    const results = await Promise.all(endpoints.map((endpoint) => this.post(endpoint, message, body, now)));
    const failures: string[] = [];
    let delivered = 0;
    for (const [index, result] of results.entries()) {
      const endpoint = endpoints[index];
      if (!endpoint) continue;
      switch (result.kind) {
        case 'delivered':
          delivered += 1;
          break;
        case 'gone':
          await this.disableEndpoint(endpoint, message, result.status);
          break;
        case 'failed':
          failures.push(`${endpoint.url}: ${result.error}`);
          break;
      }
    }
    if (failures.length > 0) return { ok: false, error: failures.join('; ') };
    if (delivered === 0 && message.channel !== 'LIVE_ALERT') {
      return { ok: false, error: `every endpoint for channel ${message.channel} answered 410 Gone and was disabled` };
    }
    return { ok: true, detail: `delivered to ${delivered} endpoint(s)` };
  }

  private async post(
    endpoint: { url: string; secret: string },
    message: OutboxRow,
    body: string,
    now: Date,
  ): Promise<EndpointResult> {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    try {
      const response = await postOutbound({
        url: endpoint.url,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Escalate-Webhooks/1',
          [WEBHOOK_HEADERS.signature]: signWebhook(endpoint.secret, timestamp, body),
          [WEBHOOK_HEADERS.timestamp]: timestamp,
          [WEBHOOK_HEADERS.deliveryId]: message.deliveryId,
          [WEBHOOK_HEADERS.channel]: message.channel,
        },
        body,
        timeoutMs: this.options.timeoutMs,
        policy: outboundPolicyFor(this.db),
      });
      if (response.status >= 200 && response.status < 300) return { kind: 'delivered' };
      if (response.status === 410) return { kind: 'gone', status: 410 };
      return { kind: 'failed', error: `HTTP ${response.status}` };
    } catch (error) {
      return { kind: 'failed', error: describeOutboundError(error, this.options.timeoutMs) };
    }
  }

  private async disableEndpoint(
    endpoint: { id: string; tenantId: string; url: string },
    message: OutboxRow,
    status: number,
  ): Promise<void> {
    const reason = `the endpoint answered ${status} Gone to delivery ${message.deliveryId}`;
    await this.db.$transaction([
      this.db.webhookEndpoint.updateMany({
        where: { id: endpoint.id, tenantId: endpoint.tenantId, enabled: true },
        data: { enabled: false, disabledReason: reason },
      }),
      this.db.timelineEvent.create({
        data: {
          tenantId: endpoint.tenantId,
          caseId: message.caseId,
          actorId: null,
          type: 'WEBHOOK_ENDPOINT_DISABLED',
          data: { endpointId: endpoint.id, url: endpoint.url, status, deliveryId: message.deliveryId, reason },
        },
      }),
    ]);
    this.options.logger.warn({ endpointId: endpoint.id, url: endpoint.url }, 'webhook endpoint disabled (410 Gone)');
  }
}
