import type { PrismaClient } from '../db/prisma-client.js';
import { AppError } from '../errors/app-error.js';

/** Default maximum of active (not revoked) API keys per organization. */
export const DEFAULT_MAX_API_KEYS = 50;

const maxima = new WeakMap<PrismaClient, number>();

/** The server registers the maximum of its database client, like the key pepper. */
export function registerApiKeyQuota(db: PrismaClient, max: number): void {
  maxima.set(db, max);
}

/**
 * Refuses a new key when the organization already holds the maximum of active keys
 * (revoke one first). Counted inside the issuing transaction.
 */
export async function assertApiKeyQuota(rootDb: PrismaClient, activeKeys: () => Promise<number>): Promise<void> {
  const max = maxima.get(rootDb) ?? DEFAULT_MAX_API_KEYS;
  const active = await activeKeys();
  if (active < max) return;
  throw new AppError('CAPACITY_EXCEEDED', `Your organization already has ${active} active API keys, the maximum`, {
    rule: 'api-key-quota',
    fields: [{ path: 'input', message: `at most ${max} active API keys; revoke one first` }],
    details: { active, max },
  });
}
