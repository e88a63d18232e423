import type { TPolicyPack } from "../policy/parse-pack.js";

export type TShippedPolicySlug = "care" | "tonal" | "ll" | "solar" | "cinch";
export const shippedPolicyPacks: Partial<
	Record<TShippedPolicySlug, TPolicyPack>
> = {};
export function getShippedPolicyPack(slug: string): TPolicyPack {
	const pack = shippedPolicyPacks[slug as TShippedPolicySlug];
	if (!pack) throw new Error(`unknown organization slug "${slug}"`);
	return pack;
}
