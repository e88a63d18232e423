import type { TPolicyPack } from "../policy/parse-pack.js";
import type { CompiledDetector } from "./detection-contract.js";

export interface CompilePolicyOptions {
	detector?: CompiledDetector;
}
export interface CompiledPolicy {
	readonly pack: TPolicyPack;
}
export function compilePolicy(
	pack: TPolicyPack,
	_options: CompilePolicyOptions = {},
): CompiledPolicy {
	return { pack };
}
