import { builder } from '../../../edge/builder.js';

builder.prismaNode('Team', {
  id: { field: 'id' },
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    members: t.relation('members', { query: { orderBy: { name: 'asc' } } }),
    queues: t.relation('queues', { query: { orderBy: { slug: 'asc' } } }),
  }),
});
