import type { Role } from '../../auth/roles.js';
import { AppError } from '../../errors/app-error.js';
import { type LiveEvent, liveEvents } from '../../services/delivery/live-events.js';
import { builder } from '../builder.js';
import { parseIdOrNull } from '../global-id.js';

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

const LIVE_STAFF: readonly Role[] = [
  'agent',
  'tier1_supervisor',
  'tier2',
  'tier3',
  'lead',
  'admin',
  'resolution_specialist',
];

builder.subscriptionField('caseUpdated', (t) =>
  t.field({
    type: CaseUpdateRef,
    description: 'Every committed change to one case, as it happens',
    args: { caseId: t.arg.id({ required: true }) },
    authScopes: { role: LIVE_STAFF },
    subscribe: async (_root, args, context) => {
      const caseId = parseIdOrNull(String(args.caseId), 'Case');
      const found = caseId ? await context.db.case.findUnique({ where: { id: caseId }, select: { id: true } }) : null;
      if (!found || !caseId) throw AppError.notFound('Case');
      const tenantId = context.viewer.tenantId;
      return liveEvents().subscribe((event: LiveEvent) =>
        event.kind === 'CASE_UPDATED' && event.tenantId === tenantId && event.caseId === caseId
          ? { caseId, eventId: event.eventId, type: event.type }
          : null,
      );
    },
    resolve: (update) => update,
  }),
);

builder.subscriptionField('liveAlert', (t) =>
  t.field({
    type: LiveAlertRef,
    description: 'Live alerts of your organization (urgent, health, safety and legal cases) the moment they are raised',
    authScopes: { role: LIVE_STAFF },
    subscribe: (_root, _args, context) => {
      const tenantId = context.viewer.tenantId;
      return liveEvents().subscribe((event: LiveEvent) =>
        event.kind === 'LIVE_ALERT' && event.tenantId === tenantId ? { messageId: event.messageId } : null,
      );
    },
    resolve: (alert) => alert,
  }),
);
