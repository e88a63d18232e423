import type { CompiledPolicy } from '@escalate/rules';
import { AppError } from '../../errors/app-error.js';
import { activePolicy, type PolicyReader } from '../policy/index.js';

/**
 * The brand a case is stored with. Organizations whose policy names brands (LL: TSM and HB)
 * get one of them, whatever its case ("tsm" → "TSM"); anything else is refused by name, since
 * a brand the policy doesn't know would silently route like no brand at all.
 */
export async function resolveCaseBrand(
  db: PolicyReader,
  brand: string | null | undefined,
  path = 'input.brand',
): Promise<string | null | undefined> {
  if (brand === null || brand === undefined) return brand;
  const { compiled } = await activePolicy(db);
  return brandOfPolicy(compiled, brand, path);
}

/** The same check against a policy already loaded (bulk creates load it once). */
export function brandOfPolicy(policy: CompiledPolicy, brand: string, path = 'input.brand'): string {
  const brands: readonly string[] = policy.pack.brands;
  if (brands.length === 0) return brand;
  const known = brands.find((candidate) => candidate.toLowerCase() === brand.toLowerCase());
  if (!known) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Unknown brand "${brand}": this organization's brands are ${brands.join(', ')}`,
      {
        fields: [{ path, message: `one of ${brands.join(', ')}` }],
      },
    );
  }
  return known;
}
