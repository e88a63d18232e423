import type { Viewer } from '../context.js';
import type { PrismaClient } from '../db/prisma-client.js';
import { apiKeyMatches, parseApiKey } from './api-keys.js';
import { isRole } from './roles.js';

const CACHE_TTL_MS = 5_000;

interface CachedViewer {
  viewer: Viewer | null;
  expiresAt: number;
}

function bearerKey(authorization: string | null): string | undefined {
  if (!authorization) return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
}

/**
 * Resolves a bearer key to the viewer. Results are cached for a few seconds per key so a
 * burst of requests does not look the key up each time; revocation takes effect within that.
 */
export class Authenticator {
  private readonly cache = new Map<string, CachedViewer>();

  constructor(
    private readonly db: PrismaClient,
    private readonly pepper: string,
  ) {}

  /** The viewer of a key looked up in the last few seconds, without touching the database. */
  cached(authorization: string | null): Viewer | null {
    const key = bearerKey(authorization);
    const cached = key ? this.cache.get(key) : undefined;
    return cached && cached.expiresAt > Date.now() ? cached.viewer : null;
  }

  async authenticate(authorization: string | null): Promise<Viewer | null> {
    const key = bearerKey(authorization);
    if (!key) return null;
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) return cached.viewer;
    const viewer = await this.lookup(key);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { viewer, expiresAt: now + CACHE_TTL_MS });
    return viewer;
  }

  private async lookup(key: string): Promise<Viewer | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const record = await this.db.apiKey.findUnique({
      where: { prefix: parsed.prefix },
      include: { user: true, tenant: true },
    });
    if (!record || record.revokedAt || !apiKeyMatches(key, record.hash, this.pepper)) return null;
    if (!isRole(record.user.role)) return null;
    return {
      tenantId: record.tenantId,
      tenantSlug: record.tenant.slug,
      tenantTimeZone: record.tenant.timeZone,
      userId: record.userId,
      role: record.user.role,
      apiKeyId: record.id,
    };
  }
}
