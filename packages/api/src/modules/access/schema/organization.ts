import { builder } from '../../../edge/builder.js';

builder.prismaNode('Tenant', {
  name: 'Organization',
  id: { field: 'id' },
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    timeZone: t.exposeString('timeZone'),
    teams: t.relation('teams', { query: { orderBy: { slug: 'asc' } } }),
    queues: t.relation('queues', { query: { orderBy: { slug: 'asc' } } }),
  }),
});
