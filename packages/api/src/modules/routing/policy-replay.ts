import { compilePolicy, parseEvaluationInput, type TDecision, type TEvaluationInput } from '@escalate/rules';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { type ActivePolicy, activePolicy, policyByVersion, validatePolicyDocument } from '../policy/index.js';
import { buildEvaluationInput, caseEvaluationSelect } from './evaluation-input.js';
import { decide } from './routing.js';

export const ZReplayPolicyInput = z
  .object({
    version: z.number().int().min(1).nullish(),
    document: z.unknown().optional(),
    baselineVersion: z.number().int().min(1).nullish(),
    since: z.date(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .superRefine((input, ctx) => {
    const hasDocument = input.document !== undefined && input.document !== null;
    if (Boolean(input.version) === hasDocument) {
      ctx.addIssue({
        code: 'custom',
        path: ['version'],
        message: 'give either a stored version or a candidate document',
      });
    }
  });

export interface ReplayedCase {
  caseId: string;
  baseline: { policyVersion: number; input: TEvaluationInput; decision: TDecision };
  candidate: { policyVersion: number; input: TEvaluationInput; decision: TDecision };
  differences: string[];
}

export interface ReplayResult {
  baselineVersion: number;
  candidateVersion: number;
  evaluated: number;
  changed: ReplayedCase[];
}

/** The parts of a decision that change what happens to a case. */
function decisionDifferences(a: TDecision, b: TDecision): string[] {
  const codes = (decision: TDecision) => [...new Set(decision.triggers.map((trigger) => trigger.code))].sort();
  const notifications = (decision: TDecision) =>
    decision.notifications.map((item) => `${item.kind}:${item.ruleId}`).sort();
  const parts: Record<string, (decision: TDecision) => unknown> = {
    outcome: (decision) => decision.outcome,
    triggers: codes,
    target: (decision) => decision.target,
    setStatus: (decision) => decision.setStatus,
    setPriority: (decision) => decision.setPriority,
    approval: (decision) => decision.approval.required,
    assignment: (decision) => decision.assignment,
    requiredNoteFields: (decision) => [...decision.requiredNoteFields].sort(),
    notifications,
    sla: (decision) => decision.sla?.dueAt ?? null,
  };
  return Object.entries(parts)
    .filter(([, pick]) => JSON.stringify(pick(a)) !== JSON.stringify(pick(b)))
    .map(([name]) => name);
}

/**
 * Replays recent cases against a candidate policy (a stored version or an unsaved document)
 * and returns those whose decision would change, both decisions side by side. Reads only.
 */
export async function replayPolicy(
  context: Context,
  input: z.output<typeof ZReplayPolicyInput>,
): Promise<ReplayResult> {
  const db = context.db;
  const baseline = input.baselineVersion
    ? await policyByVersion(db, input.baselineVersion, 'input.baselineVersion')
    : await activePolicy(db);
  let candidate: ActivePolicy;
  if (input.version) {
    candidate = await policyByVersion(db, input.version, 'input.version');
  } else {
    const pack = validatePolicyDocument(input.document);
    if (pack.orgSlug !== baseline.compiled.pack.orgSlug) {
      throw new AppError('VALIDATION_FAILED', `The candidate is for "${pack.orgSlug}"`, {
        fields: [{ path: 'input.document.orgSlug', message: `expected "${baseline.compiled.pack.orgSlug}"` }],
      });
    }
    const version = baseline.version + 1;
    candidate = { id: 'candidate', version, compiled: compilePolicy({ ...pack, version }) };
  }
  const cases = await db.case.findMany({
    where: { createdAt: { gte: input.since } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit,
    select: { ...caseEvaluationSelect, createdAt: true },
  });
  const routed = await db.timelineEvent.findMany({
    where: { caseId: { in: cases.map((row) => row.id) }, type: { in: ['ESCALATED', 'APPROVAL_REQUESTED'] } },
    orderBy: { seq: 'asc' },
    select: { caseId: true, data: true },
  });
  const lastInput = new Map<string, unknown>();
  for (const event of routed) {
    const data = event.data as { evaluationInput?: unknown };
    if (event.caseId && data.evaluationInput) lastInput.set(event.caseId, data.evaluationInput);
  }
  const changed: ReplayedCase[] = [];
  for (const row of cases) {
    // the input the case was routed with, if any; else the stored case as of its creation
    const stored = lastInput.get(row.id);
    const evaluationInput = stored
      ? parseEvaluationInput(stored)
      : buildEvaluationInput(baseline.compiled, row, {}, context.viewer, row.createdAt);
    const before = decide(baseline, evaluationInput);
    const after = decide(candidate, evaluationInput);
    const differences = decisionDifferences(before, after);
    if (differences.length > 0) {
      changed.push({
        caseId: row.id,
        baseline: { policyVersion: baseline.version, input: evaluationInput, decision: before },
        candidate: { policyVersion: candidate.version, input: evaluationInput, decision: after },
        differences,
      });
    }
  }
  return { baselineVersion: baseline.version, candidateVersion: candidate.version, evaluated: cases.length, changed };
}
