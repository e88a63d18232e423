import {
	type TDecision,
	type TEvaluationInput,
	ZEvaluationInput,
} from "../types.js";
import type { CompiledPolicy } from "./compile-policy.js";

export class EvaluationInputError extends Error {
	override name = "EvaluationInputError";
}
export function parseEvaluationInput(json: unknown): TEvaluationInput {
	return ZEvaluationInput.parse(json);
}
export function evaluate(
	_policy: CompiledPolicy,
	_input: TEvaluationInput,
): TDecision {
	throw new Error("not implemented yet");
}
