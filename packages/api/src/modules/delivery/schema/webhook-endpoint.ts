import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import type { OutboxChannel } from '../outbox.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  updateWebhookEndpoint,
  ZCreateInput,
  ZUpdateInput,
} from '../webhook-endpoints.js';
import { OutboxChannelEnum } from './outbox-message.js';

builder.prismaNode('WebhookEndpoint', {
  id: { field: 'id' },
  description:
    'Where direct messages, channel posts, live alerts and webhooks are delivered, signed with HMAC-SHA256 (escalate-signature over "<escalate-timestamp>.<body>")',
  fields: (t) => ({
    url: t.exposeString('url'),
    channels: t.field({ type: [OutboxChannelEnum], resolve: (row) => row.channels as OutboxChannel[] }),
    enabled: t.exposeBoolean('enabled'),
    disabledReason: t.exposeString('disabledReason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('webhookEndpoints', (t) =>
  t.prismaField({
    type: ['WebhookEndpoint'],
    resolve: (query, _root, _args, context) =>
      context.db.webhookEndpoint.findMany({ ...query, orderBy: { createdAt: 'asc' }, take: 100 }),
  }),
);

const CreateWebhookEndpointInput = builder.inputType('CreateWebhookEndpointInput', {
  fields: (t) => ({
    url: t.string({ required: true }),
    channels: t.field({ type: [OutboxChannelEnum], required: true }),
    secret: t.string({ description: 'signing secret (at least 16 characters); generated when omitted' }),
  }),
});

const CreateWebhookEndpointPayload = builder
  .objectRef<{ endpointId: string; secret: string }>('CreateWebhookEndpointPayload')
  .implement({
    fields: (t) => ({
      endpoint: t.prismaField({
        type: 'WebhookEndpoint',
        resolve: (query, payload, _args, context) =>
          context.db.webhookEndpoint.findUniqueOrThrow({ ...query, where: { id: payload.endpointId } }),
      }),
      secret: t.exposeString('secret', { description: 'shown once: store it to verify signatures' }),
    }),
  });

builder.mutationField('createWebhookEndpoint', (t) =>
  t.field({
    type: CreateWebhookEndpointPayload,
    errors: {},
    args: { input: t.arg({ type: CreateWebhookEndpointInput, required: true }) },
    resolve: (_root, args, context) => createWebhookEndpoint(context, parseInput(ZCreateInput, args.input)),
  }),
);

const UpdateWebhookEndpointInput = builder.inputType('UpdateWebhookEndpointInput', {
  fields: (t) => ({
    endpointId: t.id({ required: true }),
    url: t.string(),
    channels: t.field({ type: [OutboxChannelEnum] }),
    enabled: t.boolean({ description: 'true re-enables an endpoint that was disabled (e.g. after 410 Gone)' }),
  }),
});

const WebhookEndpointPayload = builder.objectRef<{ endpointId: string }>('WebhookEndpointPayload').implement({
  fields: (t) => ({
    endpointId: t.exposeID('endpointId'),
    endpoint: t.prismaField({
      type: 'WebhookEndpoint',
      nullable: true,
      resolve: (query, payload, _args, context) =>
        context.db.webhookEndpoint.findUnique({ ...query, where: { id: payload.endpointId } }),
    }),
  }),
});

builder.mutationField('updateWebhookEndpoint', (t) =>
  t.field({
    type: WebhookEndpointPayload,
    errors: {},
    args: { input: t.arg({ type: UpdateWebhookEndpointInput, required: true }) },
    resolve: (_root, args, context) => updateWebhookEndpoint(context, parseInput(ZUpdateInput, args.input)),
  }),
);

builder.mutationField('deleteWebhookEndpoint', (t) =>
  t.field({
    type: WebhookEndpointPayload,
    errors: {},
    args: { endpointId: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => deleteWebhookEndpoint(context, String(args.endpointId)),
  }),
);
