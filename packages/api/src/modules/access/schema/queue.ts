import { builder } from '../../../edge/builder.js';

builder.prismaNode('Queue', {
  id: { field: 'id' },
  fields: (t) => ({
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    team: t.relation('team', { nullable: true }),
  }),
});
