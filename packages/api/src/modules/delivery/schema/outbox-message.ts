import { z } from 'zod';
import type { Role } from '../../../auth/roles.js';
import { builder } from '../../../edge/builder.js';
import { PRIVACY_REQUESTER_ROLES } from '../../../edge/permissions.js';
import { parseInput } from '../../../errors/zod-error.js';
import { redriveDeadMessages, ZRedriveInput } from '../dead-letters.js';
import { OUTBOX_CHANNELS, type OutboxChannel } from '../outbox.js';

const OUTBOX_STATUSES = ['PENDING', 'PROCESSING', 'DELIVERED', 'DEAD'] as const;
const OutboxStatusEnum = builder.enumType('OutboxStatus', { values: OUTBOX_STATUSES });
export const OutboxChannelEnum = builder.enumType('OutboxChannel', { values: OUTBOX_CHANNELS });

/** Mails to a privacy requester carry their name and address: only privacy roles read them. */
function hidesRequester(template: string | null, role: Role): boolean {
  return Boolean(template?.startsWith('privacy-')) && !PRIVACY_REQUESTER_ROLES.includes(role);
}

builder.prismaNode('OutboxMessage', {
  id: { field: 'id' },
  description: 'A notification written with the change that caused it (X-6) and delivered by the worker',
  fields: (t) => ({
    channel: t.field({ type: OutboxChannelEnum, resolve: (row) => row.channel as OutboxChannel }),
    template: t.exposeString('template', { nullable: true }),
    recipient: t.string({
      description: "who it goes to; a privacy requester's address only for the roles that work privacy requests",
      resolve: (row, _args, context) =>
        hidesRequester(row.template, context.viewer.role) ? 'privacy requester (hidden)' : row.recipient,
    }),
    subject: t.exposeString('subject', { nullable: true }),
    payload: t.field({
      type: 'JSON',
      description: "what was sent; a privacy mail's content only for the roles that work privacy requests",
      resolve: (row, _args, context) => (hidesRequester(row.template, context.viewer.role) ? {} : row.payload),
    }),
    status: t.field({ type: OutboxStatusEnum, resolve: (row) => row.status as (typeof OUTBOX_STATUSES)[number] }),
    attempts: t.exposeInt('attempts'),
    maxAttempts: t.exposeInt('maxAttempts'),
    nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime' }),
    lastError: t.exposeString('lastError', { nullable: true }),
    deliveryId: t.exposeString('deliveryId', { description: 'stable across attempts: receivers drop repeats' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    case: t.relation('case', { nullable: true }),
  }),
});

builder.prismaObjectField('Case', 'notifications', (t) =>
  t.relation('outboxMessages', {
    query: { orderBy: { createdAt: 'asc' }, take: 100 },
    description: 'Notifications this case caused, with their delivery state',
  }),
);

const OutboxFilterInput = builder.inputType('OutboxFilter', {
  fields: (t) => ({
    status: t.field({ type: [OutboxStatusEnum] }),
    channel: t.field({ type: [OutboxChannelEnum] }),
  }),
});

const ZOutboxFilter = z
  .object({
    status: z.array(z.enum(OUTBOX_STATUSES)).max(4).nullish(),
    channel: z.array(z.enum(OUTBOX_CHANNELS)).max(5).nullish(),
  })
  .nullish();

builder.queryField('outboxMessages', (t) =>
  t.prismaConnection({
    type: 'OutboxMessage',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 100,
    args: { filter: t.arg({ type: OutboxFilterInput }) },
    description: 'Notifications of your organization, newest first (status DEAD: the dead letters)',
    resolve: (query, _root, args, context) => {
      const filter = parseInput(ZOutboxFilter, args.filter, 'filter');
      return context.db.outboxMessage.findMany({
        ...query,
        where: {
          ...(filter?.status?.length ? { status: { in: filter.status } } : {}),
          ...(filter?.channel?.length ? { channel: { in: filter.channel } } : {}),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
);

builder.queryField('deadLetters', (t) =>
  t.prismaConnection({
    type: 'OutboxMessage',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 100,
    description: 'Notifications that failed every attempt; re-drive them with redriveNotifications',
    resolve: (query, _root, _args, context) => {
      return context.db.outboxMessage.findMany({
        ...query,
        where: { status: 'DEAD' },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
);

const RedriveNotificationsInput = builder.inputType('RedriveNotificationsInput', {
  fields: (t) => ({
    messageIds: t.idList({ description: 'dead messages to send again' }),
    all: t.boolean({ description: 'every dead message of your organization (up to 500)' }),
  }),
});

const RedrivePayload = builder.objectRef<{ messageIds: string[] }>('RedriveNotificationsPayload').implement({
  fields: (t) => ({
    messages: t.prismaField({
      type: ['OutboxMessage'],
      resolve: (query, payload, _args, context) =>
        context.db.outboxMessage.findMany({ ...query, where: { id: { in: payload.messageIds } } }),
    }),
    count: t.int({ resolve: (payload) => payload.messageIds.length }),
  }),
});

builder.mutationField('redriveNotifications', (t) =>
  t.field({
    type: RedrivePayload,
    errors: {},
    description: 'Send dead notifications again with a fresh set of attempts (same delivery ids)',
    args: { input: t.arg({ type: RedriveNotificationsInput, required: true }) },
    resolve: (_root, args, context) => redriveDeadMessages(context, parseInput(ZRedriveInput, args.input)),
  }),
);
