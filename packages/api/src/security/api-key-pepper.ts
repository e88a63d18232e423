import type { PrismaClient } from '../db/prisma-client.js';

const peppers = new WeakMap<PrismaClient, string>();

/** The server registers the pepper of its database client, so key-issuing resolvers hash like the authenticator. */
export function registerApiKeyPepper(db: PrismaClient, pepper: string): void {
  peppers.set(db, pepper);
}

export function apiKeyPepperFor(db: PrismaClient): string {
  const pepper = peppers.get(db);
  if (!pepper) throw new Error('no API key pepper registered for this database client');
  return pepper;
}
