import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `esk_<prefix>_<secret>`. The prefix is stored in clear to find the key;
 * only a peppered SHA-256 of the whole key is stored (keys are high-entropy, so a slow hash
 * adds nothing). A key is shown once, when it is created.
 */
const KEY_PATTERN = /^esk_([a-z0-9]{12})_([A-Za-z0-9_-]{32,64})$/;

export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

export function hashApiKey(key: string, pepper: string): string {
  return createHash('sha256').update(pepper).update(':').update(key).digest('hex');
}

function toKey(prefix: string, secret: string, pepper: string): GeneratedApiKey {
  const key = `esk_${prefix}_${secret}`;
  return { key, prefix, hash: hashApiKey(key, pepper) };
}

export function generateApiKey(pepper: string): GeneratedApiKey {
  const prefix = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12);
  return toKey(prefix, randomBytes(32).toString('base64url'), pepper);
}

/** Demo keys are derived from a secret so they stay the same across restarts of a dev database. */
export function deriveDemoApiKey(demoSecret: string, label: string, pepper: string): GeneratedApiKey {
  const digest = createHmac('sha256', demoSecret).update(label).digest();
  const prefix = createHmac('sha256', demoSecret).update(`prefix:${label}`).digest('hex').slice(0, 12);
  return toKey(prefix, digest.toString('base64url').slice(0, 40), pepper);
}

/** Splits a presented key; null when it is not shaped like one of ours. */
export function parseApiKey(key: string): { prefix: string } | null {
  const match = KEY_PATTERN.exec(key);
  return match?.[1] ? { prefix: match[1] } : null;
}

export function apiKeyMatches(key: string, storedHash: string, pepper: string): boolean {
  const presented = Buffer.from(hashApiKey(key, pepper), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
