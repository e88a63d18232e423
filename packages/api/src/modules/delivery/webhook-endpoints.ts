import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { inTransaction } from '../../kernel/transaction.js';
import { assertOutboundUrl } from '../../security/outbound-url.js';
import { OUTBOX_CHANNELS } from './outbox.js';

const WEBHOOK_CHANNELS = OUTBOX_CHANNELS.filter((channel) => channel !== 'EMAIL');

const ZUrl = z
  .string()
  .trim()
  .max(2000)
  .url('must be an absolute URL')
  .refine((url) => /^https?:\/\//i.test(url), { message: 'must be http or https' });

const ZChannels = z
  .array(z.enum(WEBHOOK_CHANNELS as [string, ...string[]]))
  .min(1, 'at least one channel')
  .max(10)
  .transform((channels) => [...new Set(channels)]);

export const ZCreateInput = z.object({
  url: ZUrl,
  channels: ZChannels,
  secret: z.string().min(16, 'at least 16 characters').max(200).nullish(),
});

/** Registers an endpoint; the signing secret is returned once (generated when not given). */
export async function createWebhookEndpoint(
  context: Context,
  input: z.output<typeof ZCreateInput>,
): Promise<{ endpointId: string; secret: string }> {
  await assertOutboundUrl(context.rootDb, input.url, 'input.url');
  const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
  const row = await context.db.webhookEndpoint.create({
    data: { tenantId: context.viewer.tenantId, url: input.url, channels: input.channels, secret },
    select: { id: true },
  });
  return { endpointId: row.id, secret };
}

export const ZUpdateInput = z.object({
  endpointId: z.string().min(1),
  url: ZUrl.nullish(),
  channels: ZChannels.nullish(),
  enabled: z.boolean().nullish(),
});

/** Changes an endpoint; enabling it again clears the reason it was disabled. */
export async function updateWebhookEndpoint(
  context: Context,
  input: z.output<typeof ZUpdateInput>,
): Promise<{ endpointId: string }> {
  const id = input.endpointId;
  if (input.url) await assertOutboundUrl(context.rootDb, input.url, 'input.url');
  return inTransaction(context, async (tx) => {
    const updated = await tx.webhookEndpoint.updateMany({
      where: { id },
      data: {
        url: input.url ?? undefined,
        channels: input.channels ?? undefined,
        enabled: input.enabled ?? undefined,
        disabledReason: input.enabled === true ? null : undefined,
      },
    });
    if (updated.count === 0) {
      throw new AppError('NOT_FOUND', 'Webhook endpoint not found', {
        fields: [{ path: 'input.endpointId', message: 'no such endpoint' }],
      });
    }
    return { endpointId: id };
  });
}

export async function deleteWebhookEndpoint(context: Context, rawId: string): Promise<{ endpointId: string }> {
  const id = rawId;
  const deleted = await context.db.webhookEndpoint.deleteMany({ where: { id } });
  if (deleted.count === 0) {
    throw new AppError('NOT_FOUND', 'Webhook endpoint not found', {
      fields: [{ path: 'input.endpointId', message: 'no such endpoint' }],
    });
  }
  return { endpointId: id };
}
