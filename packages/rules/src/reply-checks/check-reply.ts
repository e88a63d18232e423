import type { CompiledPolicy } from "../engine/compile-policy.js";
import type { TReplyCheckInput, TReplyFinding } from "../types.js";

export function checkReply(
	_policy: CompiledPolicy,
	_reply: TReplyCheckInput,
): TReplyFinding[] {
	return [];
}
