import type { CompiledPolicy, TDecision, TEvaluationInput } from '@escalate/rules';
import type { NoteFields } from '../cases/index.js';

/** What applying one routing decision to a case needs. */
export interface ApplyDecisionArgs {
  caseId: string;
  expectedVersion: number;
  decision: TDecision;
  policy: CompiledPolicy;
  policyVersion: number;
  evaluationInput: TEvaluationInput;
  /** handoff note sent with this request (already validated against the policy) */
  note: NoteFields | null;
  /** set when an approval releases the decision (CIN-2) */
  approvalId?: string | null;
}
