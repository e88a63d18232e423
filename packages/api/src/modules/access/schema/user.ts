import { ROLES } from '../../../auth/roles.js';
import { builder } from '../../../edge/builder.js';

export const RoleEnum = builder.enumType('Role', { values: ROLES });
export const AvailabilityEnum = builder.enumType('Availability', { values: ['ONLINE', 'AWAY', 'OFFLINE'] as const });

builder.prismaNode('User', {
  id: { field: 'id' },
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    role: t.field({ type: RoleEnum, resolve: (user) => user.role as (typeof ROLES)[number] }),
    skills: t.exposeStringList('skills'),
    availability: t.field({
      type: AvailabilityEnum,
      resolve: (user) => user.availability as 'ONLINE' | 'AWAY' | 'OFFLINE',
    }),
    outOfOffice: t.exposeBoolean('outOfOffice'),
    capacity: t.exposeInt('capacity'),
    team: t.relation('team', { nullable: true }),
  }),
});
