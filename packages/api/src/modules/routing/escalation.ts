import type { TDecision, TEvaluationInput } from '@escalate/rules';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import {
  assertCaseVersion,
  missingNoteFields,
  type NoteFields,
  noteRequiredError,
  recordHandoffNote,
  updateCaseGuarded,
  ZNoteFields,
} from '../cases/index.js';
import { enqueueNotification } from '../delivery/index.js';
import { activePolicyOf } from '../policy/index.js';
import { approverRecipient } from './approvers.js';
import { applyDecision } from './decision-apply.js';
import { loadEscalationSnapshot } from './escalation-snapshot.js';
import { buildEvaluationInput, caseReference, ZCallerSignals } from './evaluation-input.js';
import { decide } from './routing.js';

export const ZEscalateCaseInput = z.object({
  expectedVersion: z.number().int().min(1),
  text: z.string().max(20_000).nullish(),
  agentNote: z.string().max(20_000).nullish(),
  signals: ZCallerSignals.nullish(),
  note: ZNoteFields.nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

export type EscalationOutcome = 'APPLIED' | 'PENDING_APPROVAL';

export interface EscalationResult {
  caseId: string;
  outcome: EscalationOutcome;
  approvalId: string | null;
  policyVersion: number;
  input: TEvaluationInput;
  decision: TDecision;
}

async function requestApproval(
  tx: TenantTransaction,
  context: Context,
  args: {
    caseId: string;
    expectedVersion: number;
    previousStatus: string;
    decision: TDecision;
    policyVersion: number;
    evaluationInput: TEvaluationInput;
    note: NoteFields | null;
    /** the case number, as read with the case */
    number: number;
  },
): Promise<string> {
  const { decision } = args;
  const version = await updateCaseGuarded(tx, args.caseId, args.expectedVersion, {
    status: 'PENDING_APPROVAL',
    triggers: [...new Set(decision.triggers.map((trigger) => trigger.code))],
    policyVersion: args.policyVersion,
  });
  if (args.note && Object.keys(args.note).length > 0) await recordHandoffNote(tx, context, args.caseId, args.note);
  const approverRole = decision.approval.approverRole ?? 'tier1_supervisor';
  const approval = await tx.approval.create({
    data: {
      tenantId: context.viewer.tenantId,
      caseId: args.caseId,
      approverRole,
      decision: decision as object,
      input: {
        evaluationInput: args.evaluationInput,
        previousStatus: args.previousStatus,
        caseVersion: version,
      } as object,
      policyVersion: args.policyVersion,
      reason: decision.approval.reason,
      requestedById: context.viewer.userId,
    },
    select: { id: true },
  });
  await recordTimelineEvent(tx, context, {
    caseId: args.caseId,
    type: 'APPROVAL_REQUESTED',
    data: {
      status: { before: args.previousStatus, after: 'PENDING_APPROVAL' },
      approvalId: approval.id,
      approverRole,
      reason: decision.approval.reason,
      evaluationInput: args.evaluationInput,
    },
    decision,
    policyVersion: args.policyVersion,
  });
  const row = { number: args.number };
  await enqueueNotification(tx, context, {
    caseId: args.caseId,
    channel: 'DIRECT_MESSAGE',
    recipient: approverRecipient(approverRole),
    subject: `${caseReference(row.number)} needs your approval`,
    payload: {
      message: `${caseReference(row.number)} waits for approval: ${decision.approval.reason ?? ''} (${decision.explanation.summary})`,
      approvalId: approval.id,
      caseId: args.caseId,
      // the supervisor is advised of the issue before deciding (CIN-2)
      note: args.note && Object.keys(args.note).length > 0 ? args.note : null,
    },
  });
  return approval.id;
}

async function recordSelfApproval(
  tx: TenantTransaction,
  context: Context,
  caseId: string,
  decision: TDecision,
  policyVersion: number,
): Promise<string> {
  const approverRole = decision.approval.approverRole ?? context.viewer.role;
  const approval = await tx.approval.create({
    data: {
      tenantId: context.viewer.tenantId,
      caseId,
      approverRole,
      status: 'APPROVED',
      decision: decision as object,
      policyVersion,
      reason: decision.approval.reason,
      requestedById: context.viewer.userId,
      decidedById: context.viewer.userId,
      decidedAt: context.now,
    },
    select: { id: true },
  });
  await recordTimelineEvent(tx, context, {
    caseId,
    type: 'APPROVAL_GRANTED',
    data: { approvalId: approval.id, approverRole, selfApproved: true },
    policyVersion,
  });
  return approval.id;
}

/**
 * Escalates a case as the active policy decides, in one transaction: approvals first (CIN-2),
 * a handoff note before any queue change (TON-4), TON-5 order, outbox notifications,
 * timeline. Safe to retry with an idempotency key and safe under concurrency.
 */
export async function escalateCase(
  context: Context,
  rawCaseId: string,
  input: z.output<typeof ZEscalateCaseInput>,
): Promise<EscalationResult> {
  const caseId = rawCaseId;
  const note = input.note ?? null;
  return runIdempotent(context, 'escalateCase', { caseId, ...input }, input.idempotencyKey, async (tx) => {
    // the case, its relations, the active policy row, SOL-7 availability and the facts on record:
    // read once, passed along
    const current = await loadEscalationSnapshot(tx, context.viewer.tenantId, caseId);
    if (!current) throw AppError.notFound('Case');
    assertCaseVersion(current, input.expectedVersion);
    if (current.status === 'PENDING_APPROVAL') {
      throw new AppError('APPROVAL_REQUIRED', 'The case waits for a pending approval; approve or reject it first', {
        rule: 'CIN-2',
      });
    }
    const policy = await activePolicyOf(tx, current.policy);
    const evaluationInput = buildEvaluationInput(policy.compiled, current, input, context.viewer, context.now);
    const decision = decide(policy, evaluationInput);
    // a rule that only asks for a message or a task (LL-8 bank call, LL-9 adverse event) still
    // applies: the note, the notification and the decision are recorded, the case stays where it is
    const hasActions = decision.notifications.length > 0 || decision.tasks.length > 0;
    if (decision.outcome === 'STAY' && !hasActions) {
      throw new AppError('RULE_VIOLATION', `No escalation rule applies: ${decision.explanation.summary}`, {
        rule: 'X-2',
        details: {
          summary: decision.explanation.summary,
          guidance: decision.guidance.map((line) => line.text),
          policyVersion: policy.version,
        },
      });
    }
    const missing = await missingNoteFields(tx, caseId, decision.requiredNoteFields, note, current);
    if (missing.length > 0) throw noteRequiredError(missing, decision, policy.compiled);
    const base = { caseId, policyVersion: policy.version, input: evaluationInput, decision };
    const approverRole = decision.approval.approverRole;
    const selfApproved = decision.approval.required && approverRole === context.viewer.role;
    if (decision.approval.required && !selfApproved) {
      const approvalId = await requestApproval(tx, context, {
        caseId,
        expectedVersion: input.expectedVersion,
        previousStatus: current.status,
        decision,
        policyVersion: policy.version,
        evaluationInput,
        note,
        number: current.number,
      });
      return { ...base, outcome: 'PENDING_APPROVAL' as const, approvalId };
    }
    // the approver escalating it themselves is the approval (CIN-2), recorded as such
    const approvalId = selfApproved ? await recordSelfApproval(tx, context, caseId, decision, policy.version) : null;
    await applyDecision(tx, context, {
      approvalId,
      caseId,
      expectedVersion: input.expectedVersion,
      decision,
      policy: policy.compiled,
      policyVersion: policy.version,
      evaluationInput,
      note,
      before: {
        number: current.number,
        status: current.status,
        priority: current.priority,
        tier: current.tier,
        assigneeId: current.assigneeId,
        queue: current.queue,
        team: current.team,
        customer: { email: current.customerEmail },
      },
    });
    return { ...base, outcome: 'APPLIED' as const, approvalId };
  });
}
