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
  /** the case as the caller read it in this transaction; read here when absent */
  before?: CaseBeforeDecision;
}

/** What applying a decision needs to know about the case before it changes. */
export interface CaseBeforeDecision {
  number: number;
  status: string;
  priority: string;
  tier: string;
  assigneeId: string | null;
  queue: { slug: string } | null;
  team: { slug: string } | null;
  customer: { email: string | null } | null;
}
