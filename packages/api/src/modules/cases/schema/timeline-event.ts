import { builder } from '../../../edge/builder.js';

builder.prismaNode('TimelineEvent', {
  id: { field: 'id' },
  description: 'One entry of the append-only audit timeline (X-1)',
  fields: (t) => ({
    type: t.exposeString('type'),
    data: t.expose('data', { type: 'JSON', description: 'what changed (before/after) or event data' }),
    decision: t.expose('decision', { type: 'JSON', nullable: true, description: 'routing decision with explanation' }),
    policyVersion: t.exposeInt('policyVersion', { nullable: true }),
    requestId: t.exposeString('requestId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    actor: t.relation('actor', { nullable: true }),
  }),
});

builder.prismaObjectField('Case', 'timeline', (t) =>
  t.relatedConnection('timelineEvents', {
    // cursors name the event id (seq is a BigInt, which cursors cannot carry); order is by seq
    cursor: 'id',
    defaultSize: 50,
    maxSize: 100,
    query: { orderBy: { seq: 'asc' } },
    description: 'Every change to the case, oldest first',
  }),
);
