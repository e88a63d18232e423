import { EvaluationInputError, evaluate, type TDecision, type TEvaluationInput } from '@escalate/rules';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { adviseWarmTransfer } from '../assignments/index.js';
import { type ActivePolicy, activePolicy, policyByVersion } from '../policy/index.js';
import {
  buildEvaluationInput,
  type CaseForEvaluation,
  caseEvaluationSelect,
  type RoutingRequest,
  ZCallerSignals,
} from './evaluation-input.js';

type CaseReader = Pick<Context['db'], 'case' | 'policyVersion' | 'user'>;

export const ZRouteCaseInput = z.object({
  text: z.string().max(20_000).nullish(),
  agentNote: z.string().max(20_000).nullish(),
  signals: ZCallerSignals.nullish(),
  /** replay at this instant; the request time by default */
  at: z.date().nullish(),
  /** evaluate with this stored policy version instead of the active one */
  policyVersion: z.number().int().min(1).nullish(),
});
export type TRouteCaseInput = z.infer<typeof ZRouteCaseInput>;

export interface RoutingResult {
  caseId: string;
  policyVersion: number;
  input: TEvaluationInput;
  decision: TDecision;
}

export async function loadCaseForEvaluation(db: CaseReader, caseId: string): Promise<CaseForEvaluation> {
  const row = await db.case.findUnique({ where: { id: caseId }, select: caseEvaluationSelect });
  if (!row) throw AppError.notFound('Case');
  // SOL-7: whether the customer who refuses to wait can be warm-transferred right now
  const transfer = await adviseWarmTransfer(db);
  return { ...row, resolutionLeadAvailable: transfer.action === 'WARM_TRANSFER' };
}

/** Evaluates a policy; an input the policy cannot take is a typed validation error. */
export function decide(policy: ActivePolicy, input: TEvaluationInput): TDecision {
  try {
    return evaluate(policy.compiled, input);
  } catch (error) {
    if (error instanceof EvaluationInputError) {
      throw new AppError('VALIDATION_FAILED', error.message, {
        rule: 'X-2',
        fields: error.issues.map((issue) => ({ path: `input.${issue.path}`, message: issue.message })),
      });
    }
    throw error;
  }
}

export async function evaluateCase(
  context: Context,
  db: CaseReader,
  caseId: string,
  request: RoutingRequest,
  options: { at: Date; policyVersion?: number | null },
): Promise<RoutingResult> {
  const row = await loadCaseForEvaluation(db, caseId);
  const policy = options.policyVersion
    ? await policyByVersion(db, options.policyVersion, 'input.policyVersion')
    : await activePolicy(db);
  const input = buildEvaluationInput(policy.compiled, row, request, context.viewer, options.at);
  return { caseId, policyVersion: policy.version, input, decision: decide(policy, input) };
}

/**
 * Dry run: the decision for the stored case plus the new text and signals. Reads only;
 * the same case, input, policy version and `at` give the same decision.
 */
export async function routeCase(
  context: Context,
  rawCaseId: string,
  input: z.output<typeof ZRouteCaseInput>,
): Promise<RoutingResult> {
  const caseId = rawCaseId;
  return evaluateCase(context, context.db, caseId, input, {
    at: input.at ?? context.now,
    policyVersion: input.policyVersion ?? null,
  });
}
