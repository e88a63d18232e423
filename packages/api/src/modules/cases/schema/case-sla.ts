import { builder } from '../../../edge/builder.js';
import { type SlaView, slaView } from '../sla.js';

const CaseSlaRef = builder.objectRef<SlaView>('CaseSla').implement({
  description: 'The case’s SLA clock in business time (CIN-3), paused while waiting on the customer',
  fields: (t) => ({
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    dueAt: t.expose('dueAt', { type: 'DateTime', nullable: true, description: 'null while paused or without an SLA' }),
    paused: t.exposeBoolean('paused'),
    pausedAt: t.expose('pausedAt', { type: 'DateTime', nullable: true }),
    businessMinutes: t.exposeInt('businessMinutes', { nullable: true }),
    remainingBusinessMinutes: t.exposeInt('remainingBusinessMinutes', { nullable: true }),
    calendar: t.exposeString('calendar', { nullable: true }),
    breached: t.exposeBoolean('breached'),
    explanation: t.exposeString('explanation', { description: 'how dueAt was computed, pauses included' }),
  }),
});

builder.prismaObjectField('Case', 'sla', (t) =>
  t.field({
    type: CaseSlaRef,
    select: {
      slaStartedAt: true,
      slaDueAt: true,
      slaPausedAt: true,
      slaBusinessMinutes: true,
      slaExplanation: true,
      closedAt: true,
    },
    resolve: (row, _args, context) => slaView(row, context.now),
  }),
);
