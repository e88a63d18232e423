import type { PrismaClient } from '../_generated/prisma/client.js';

/**
 * Tenant isolation by construction: every query through a scoped client gets the
 * caller's tenantId added to its filter and to the data it writes, whatever the resolver
 * remembers to do. Relations are composite (tenantId, id) foreign keys, so nested reads
 * and writes cannot cross tenants either.
 */
const FILTERED = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
]);
const CREATES = new Set(['create', 'createMany', 'createManyAndReturn']);

type Args = Record<string, unknown>;

function withTenantData(data: unknown, tenantId: string): unknown {
  if (Array.isArray(data)) return data.map((row) => ({ ...(row as Args), tenantId }));
  return { ...(data as Args), tenantId };
}

function scopeArgs(model: string, operation: string, args: Args | undefined, tenantId: string): Args {
  const scoped: Args = { ...(args ?? {}) };
  if (model === 'Tenant') {
    // the caller's own organization only: an id asked for stays in the filter, so another
    // organization's id finds nothing rather than the caller's
    if (FILTERED.has(operation)) {
      const where = (scoped.where as Args | undefined) ?? {};
      scoped.where = 'id' in where ? { ...where, AND: [{ id: tenantId }] } : { ...where, id: tenantId };
    }
    return scoped;
  }
  if (FILTERED.has(operation)) scoped.where = { ...((scoped.where as Args) ?? {}), tenantId };
  if (CREATES.has(operation)) scoped.data = withTenantData(scoped.data, tenantId);
  if (operation === 'upsert') {
    scoped.where = { ...((scoped.where as Args) ?? {}), tenantId };
    scoped.create = withTenantData(scoped.create, tenantId);
  }
  return scoped;
}

export function scopeToTenant(client: PrismaClient, tenantId: string) {
  return client.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          return query(scopeArgs(model, operation, args as Args | undefined, tenantId) as typeof args);
        },
      },
    },
  });
}

export type TenantDatabase = ReturnType<typeof scopeToTenant>;

const cache = new WeakMap<PrismaClient, Map<string, TenantDatabase>>();

/** Scoped clients are cached per base client and tenant (extensions are not free to build). */
export function tenantDatabase(client: PrismaClient, tenantId: string): TenantDatabase {
  let byTenant = cache.get(client);
  if (!byTenant) {
    byTenant = new Map();
    cache.set(client, byTenant);
  }
  let scoped = byTenant.get(tenantId);
  if (!scoped) {
    scoped = scopeToTenant(client, tenantId);
    byTenant.set(tenantId, scoped);
  }
  return scoped;
}
