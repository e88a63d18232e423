import type { TPolicyPack } from '../policy/parse-pack.js';
import type { TLintFinding } from '../types.js';

export function lintPolicyPack(_pack: TPolicyPack): TLintFinding[] {
  return [];
}
