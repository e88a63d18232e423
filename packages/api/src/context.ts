import type { Logger } from 'pino';
import type { Role } from './auth/roles.js';
import type { PrismaClient } from './db/prisma-client.js';
import type { TenantDatabase } from './db/tenant-scope.js';

/** Who is calling: resolved from the API key before any resolver runs. */
export interface Viewer {
  tenantId: string;
  tenantSlug: string;
  tenantTimeZone: string;
  userId: string;
  role: Role;
  apiKeyId: string;
}

export interface Context {
  viewer: Viewer;
  /** Prisma client scoped to the viewer's tenant: every query is filtered by construction. */
  db: TenantDatabase;
  /** Unscoped client, for the few places that must see across the tenant filter (auth, workers). */
  rootDb: PrismaClient;
  requestId: string;
  log: Logger;
  /** Idempotency-Key header, used when a mutation's input carries none. */
  idempotencyKeyHeader: string | null;
  /** the request's time, so one request sees one "now" */
  now: Date;
}
