import { builder } from '../../../edge/builder.js';
import { RoleEnum } from './user.js';

interface ViewerShape {
  userId: string;
  tenantId: string;
  role: string;
}

const ViewerRef = builder.objectRef<ViewerShape>('Viewer').implement({
  description: 'The caller, as identified by the API key',
  fields: (t) => ({
    role: t.field({ type: RoleEnum, resolve: (viewer) => viewer.role as never }),
    user: t.prismaField({
      type: 'User',
      resolve: (query, viewer, _args, context) =>
        context.db.user.findUniqueOrThrow({ ...query, where: { id: viewer.userId } }),
    }),
    organization: t.prismaField({
      type: 'Tenant',
      resolve: (query, viewer, _args, context) =>
        context.db.tenant.findUniqueOrThrow({ ...query, where: { id: viewer.tenantId } }),
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    resolve: (_root, _args, context) => context.viewer,
  }),
);
