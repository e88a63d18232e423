import { builder } from '../../../edge/builder.js';
import { PERMISSIONS } from '../../../edge/permissions.js';

/** Timeline data without the ids of privacy requests, for roles that may not open them. */
function withoutPrivacyReferences(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data) || !('privacyRequestId' in data)) return data;
  const { privacyRequestId: _hidden, ...rest } = data as Record<string, unknown>;
  return rest;
}

builder.prismaNode('TimelineEvent', {
  id: { field: 'id' },
  description: 'One entry of the append-only audit timeline (X-1)',
  fields: (t) => ({
    type: t.exposeString('type'),
    data: t.field({
      type: 'JSON',
      description:
        'what changed (before/after) or event data; privacy-request references only for the roles that may open them',
      resolve: (row, _args, context) =>
        PERMISSIONS.types.PrivacyRequest?.includes(context.viewer.role) ? row.data : withoutPrivacyReferences(row.data),
    }),
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
