/**
 * The shipped policy packs, validated at load: an invalid shipped pack fails on import with
 * every problem listed. Add a pack by writing `<slug>.ts` (see tonal.ts and cinch.ts as
 * models) and registering it below.
 */
import { parsePolicyPack, type TPolicyPack } from '../policy/parse-pack.js';
import { carePolicyPack } from './care.js';
import { cinchPolicyPack } from './cinch.js';
import { llPolicyPack } from './ll.js';
import { solarPolicyPack } from './solar.js';
import { tonalPolicyPack } from './tonal.js';

export const SHIPPED_POLICY_SLUGS = ['care', 'tonal', 'll', 'solar', 'cinch'] as const;
export type TShippedPolicySlug = (typeof SHIPPED_POLICY_SLUGS)[number];

/** Packs by organization slug. */
export const shippedPolicyPacks: Readonly<Record<TShippedPolicySlug, TPolicyPack>> = {
  care: parsePolicyPack(carePolicyPack),
  tonal: parsePolicyPack(tonalPolicyPack),
  ll: parsePolicyPack(llPolicyPack),
  solar: parsePolicyPack(solarPolicyPack),
  cinch: parsePolicyPack(cinchPolicyPack),
};

export class UnknownPolicyError extends Error {
  override name = 'UnknownPolicyError';
}

/** The shipped pack of an organization; an unknown slug is an error, never a default. */
export function getShippedPolicyPack(slug: string): TPolicyPack {
  const known = (SHIPPED_POLICY_SLUGS as readonly string[]).includes(slug);
  if (!known) {
    const available = [...SHIPPED_POLICY_SLUGS].sort().join(', ');
    throw new UnknownPolicyError(`unknown organization slug "${slug}" (shipped: ${available})`);
  }
  return shippedPolicyPacks[slug as TShippedPolicySlug];
}
