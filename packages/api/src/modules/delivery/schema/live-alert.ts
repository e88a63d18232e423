import { builder } from '../../../edge/builder.js';
import { AppError } from '../../../errors/app-error.js';
import { type LiveEvent, liveEvents, replayThenLive } from '../live-events.js';

builder.subscriptionType({
  description: 'Live updates over Server-Sent Events (send Accept: text/event-stream)',
});

interface CaseUpdate {
  caseId: string;
  eventId: string;
  type: string;
}

const CaseUpdateRef = builder.objectRef<CaseUpdate>('CaseUpdate').implement({
  description: 'A committed change to a case',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'the timeline event type, e.g. STATUS_CHANGED' }),
    case: t.prismaField({
      type: 'Case',
      resolve: (query, update, _args, context) =>
        context.db.case.findUniqueOrThrow({ ...query, where: { id: update.caseId } }),
    }),
    event: t.prismaField({
      type: 'TimelineEvent',
      nullable: true,
      resolve: (query, update, _args, context) =>
        update.eventId ? context.db.timelineEvent.findUnique({ ...query, where: { id: update.eventId } }) : null,
    }),
  }),
});

const LiveAlertRef = builder.objectRef<{ messageId: string }>('LiveAlert').implement({
  description: 'TON-2, TON-6: an urgent case flagged to live support staff',
  fields: (t) => ({
    message: t.prismaField({
      type: 'OutboxMessage',
      resolve: (query, alert, _args, context) =>
        context.db.outboxMessage.findUniqueOrThrow({ ...query, where: { id: alert.messageId } }),
    }),
  }),
});

/** How many past values a subscription with `since` replays before it goes live. */
const REPLAY_LIMIT = 500;

builder.subscriptionField('caseUpdated', (t) =>
  t.field({
    type: CaseUpdateRef,
    description: 'Every committed change to one case, as it happens',
    args: {
      caseId: t.arg.id({ required: true }),
      since: t.arg({
        type: 'DateTime',
        description: `first replay the changes committed at or after this time (at most ${REPLAY_LIMIT}), then go on live: reconnect with the time of the last change you saw and miss nothing`,
      }),
    },
    subscribe: async (_root, args, context) => {
      const caseId = String(args.caseId);
      const found = caseId ? await context.db.case.findUnique({ where: { id: caseId }, select: { id: true } }) : null;
      if (!found || !caseId) throw AppError.notFound('Case');
      const tenantId = context.viewer.tenantId;
      const live = liveEvents().subscribe((event: LiveEvent) =>
        event.kind === 'CASE_UPDATED' && event.tenantId === tenantId && event.caseId === caseId
          ? { caseId, eventId: event.eventId, type: event.type }
          : null,
      );
      const since = args.since;
      if (!since) return live;
      return replayThenLive(
        live,
        async () => {
          const events = await context.db.timelineEvent.findMany({
            where: { tenantId, caseId, createdAt: { gte: since } },
            orderBy: { seq: 'asc' },
            take: REPLAY_LIMIT,
            select: { id: true, type: true },
          });
          return events.map((event) => ({ caseId, eventId: event.id, type: event.type }));
        },
        (update) => update.eventId,
      );
    },
    resolve: (update) => update,
  }),
);

builder.subscriptionField('liveAlert', (t) =>
  t.field({
    type: LiveAlertRef,
    description: 'Live alerts of your organization (urgent, health, safety and legal cases) the moment they are raised',
    args: {
      since: t.arg({
        type: 'DateTime',
        description: `first replay the alerts raised at or after this time (at most ${REPLAY_LIMIT}), then go on live: reconnect with the time of the last alert you saw and miss nothing`,
      }),
    },
    subscribe: (_root, args, context) => {
      const tenantId = context.viewer.tenantId;
      const live = liveEvents().subscribe((event: LiveEvent) =>
        event.kind === 'LIVE_ALERT' && event.tenantId === tenantId ? { messageId: event.messageId } : null,
      );
      const since = args.since;
      if (!since) return live;
      return replayThenLive(
        live,
        async () => {
          const alerts = await context.db.outboxMessage.findMany({
            where: { tenantId, channel: 'LIVE_ALERT', createdAt: { gte: since } },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            take: REPLAY_LIMIT,
            select: { id: true },
          });
          return alerts.map((alert) => ({ messageId: alert.id }));
        },
        (alert) => alert.messageId,
      );
    },
    resolve: (alert) => alert,
  }),
);
