import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { offerAssignment } from '../assignments/index.js';
import {
  assertCaseVersion,
  type NoteFields,
  recordHandoffNote,
  requireCase,
  updateCaseGuarded,
} from '../cases/index.js';
import { enqueueNotification } from '../delivery/index.js';
import { activePolicy } from '../policy/index.js';
import { applyDecision } from './decision-apply.js';
import { buildEvaluationInput, caseReference } from './evaluation-input.js';
import { decide, loadCaseForEvaluation } from './routing.js';

const RESOLUTION_SPECIALIST_ROLE = 'resolution_specialist';

const text = (max: number) => z.string().trim().max(max).nullish();

export const ZResolutionEscalationInput = z.object({
  expectedVersion: z.number().int().min(1),
  primaryReason: text(200),
  detailedDescription: text(20_000),
  installerPointOfView: text(10_000),
  interactionId: text(200),
  keyPoints: z
    .object({
      concernType: text(200),
      redFlags: text(5_000),
      otherConcerns: text(5_000),
      voiceMatch: z.boolean().nullish(),
      certificateOfCompletionReviewed: z.boolean().nullish(),
    })
    .nullish(),
  /** SOL-3: the customer agrees to wait for the resolution team */
  customerAgreesToWait: z.boolean().nullish(),
  /** SOL-3: the customer declines to send documents; the escalation goes ahead without them */
  customerRefusesDocuments: z.boolean().nullish(),
  /** queue to use when the policy does not route resolution escalations itself */
  queue: z.string().trim().min(1).max(80).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});
type TResolutionInput = z.infer<typeof ZResolutionEscalationInput>;

/** SOL-4: everything a resolution escalation must carry; documents are optional. */
export function missingResolutionFields(input: TResolutionInput): string[] {
  const blank = (value: string | null | undefined) => !value || value.trim() === '';
  const missing: string[] = [];
  if (blank(input.primaryReason)) missing.push('primaryReason');
  if (blank(input.detailedDescription)) missing.push('detailedDescription');
  if (blank(input.installerPointOfView)) missing.push('installerPointOfView');
  if (blank(input.interactionId)) missing.push('interactionId');
  const points = input.keyPoints;
  if (blank(points?.concernType)) missing.push('keyPoints.concernType');
  if (blank(points?.redFlags)) missing.push('keyPoints.redFlags');
  if (blank(points?.otherConcerns)) missing.push('keyPoints.otherConcerns');
  if (points?.voiceMatch == null) missing.push('keyPoints.voiceMatch');
  if (points?.certificateOfCompletionReviewed == null) missing.push('keyPoints.certificateOfCompletionReviewed');
  return missing;
}

/** The facts a policy reads for a resolution escalation (solar pack: SOL-1, SOL-3, SOL-4). */
function resolutionFlags(input: TResolutionInput): string[] {
  const flags = ['CUSTOMER_REQUESTED_ESCALATION', 'QUALIFIES_FOR_RESOLUTION_REVIEW'];
  if (input.customerAgreesToWait && !input.customerRefusesDocuments) flags.push('CUSTOMER_AGREES_TO_WAIT');
  return flags;
}

function resolutionNote(input: TResolutionInput): NoteFields {
  const points = input.keyPoints;
  return {
    primaryReason: input.primaryReason ?? '',
    detailedDescription: input.detailedDescription ?? '',
    installerPointOfView: input.installerPointOfView ?? '',
    interactionId: input.interactionId ?? '',
    concernType: points?.concernType ?? '',
    redFlags: points?.redFlags ?? '',
    otherConcerns: points?.otherConcerns ?? '',
    voiceMatch: points?.voiceMatch ? 'yes' : 'no',
    certificateOfCompletionReviewed: points?.certificateOfCompletionReviewed ? 'yes' : 'no',
    documents: input.customerRefusesDocuments ? 'customer refused to send documents' : 'requested',
  };
}

/**
 * A resolution escalation (SOL-4) with all its required fields, routed by the policy (or to the
 * given queue). When the customer agrees to wait, a documentation-request email is queued (SOL-3).
 */
export async function escalateForResolution(
  context: Context,
  rawCaseId: string,
  input: z.output<typeof ZResolutionEscalationInput>,
): Promise<{ caseId: string; documentationRequested: boolean; assignmentId: string | null }> {
  const caseId = rawCaseId;
  const missing = missingResolutionFields(input);
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', `A resolution escalation needs ${missing.join(', ')}`, {
      rule: 'SOL-4',
      fields: missing.map((field) => ({ path: `input.${field}`, message: 'is required for a resolution escalation' })),
      details: { missingFields: missing },
    });
  }
  const note = resolutionNote(input);
  return runIdempotent(context, 'escalateForResolution', { caseId, ...input }, input.idempotencyKey, async (tx) => {
    const current = await requireCase(tx, caseId, {
      version: true,
      status: true,
      number: true,
      customerRef: true,
      queue: { select: { slug: true } },
      customer: { select: { email: true, preferredName: true } },
    });
    assertCaseVersion(current, input.expectedVersion);
    const policy = await activePolicy(tx).catch(() => null);
    const row = await loadCaseForEvaluation(tx, caseId);
    const routing = policy
      ? (() => {
          const evaluationInput = buildEvaluationInput(
            policy.compiled,
            row,
            { text: input.detailedDescription, signals: { agentFlags: resolutionFlags(input) } },
            context.viewer,
            context.now,
          );
          return { evaluationInput, decision: decide(policy, evaluationInput) };
        })()
      : null;
    const usedPolicy = Boolean(
      policy && routing && routing.decision.outcome === 'ESCALATE' && routing.decision.target.queue && !input.queue,
    );
    let directAssigneeId: string | null = null;
    if (policy && routing && usedPolicy) {
      const applied = await applyDecision(tx, context, {
        caseId,
        expectedVersion: input.expectedVersion,
        decision: routing.decision,
        policy: policy.compiled,
        policyVersion: policy.version,
        evaluationInput: routing.evaluationInput,
        note,
      });
      directAssigneeId = routing.decision.assignment?.strategy === 'DIRECT' ? applied.assigneeId : null;
    } else {
      if (!input.queue) {
        throw new AppError('VALIDATION_FAILED', 'The policy does not route resolution escalations; name the queue', {
          rule: 'SOL-4',
          fields: [{ path: 'input.queue', message: 'required when the policy does not route the case' }],
        });
      }
      const queue = await tx.queue.findFirst({ where: { slug: input.queue }, select: { id: true, teamId: true } });
      if (!queue) {
        throw new AppError('VALIDATION_FAILED', `Unknown queue "${input.queue}"`, {
          fields: [{ path: 'input.queue', message: 'no queue with this slug in your organization' }],
        });
      }
      await updateCaseGuarded(tx, caseId, input.expectedVersion, {
        status: 'ESCALATED',
        queueId: queue.id,
        teamId: queue.teamId,
      });
      await recordHandoffNote(tx, context, caseId, note, { rule: 'SOL-4' });
      await recordTimelineEvent(tx, context, {
        caseId,
        type: 'QUEUE_CHANGED',
        data: { queue: { before: current.queue?.slug ?? null, after: input.queue } },
      });
      if (current.status !== 'ESCALATED') {
        await recordTimelineEvent(tx, context, {
          caseId,
          type: 'STATUS_CHANGED',
          data: { status: { before: current.status, after: 'ESCALATED' } },
        });
      }
      await recordTimelineEvent(tx, context, {
        caseId,
        type: 'ESCALATED',
        data: { kind: 'RESOLUTION', rule: 'SOL-4', queue: input.queue },
      });
    }
    const documentationRequested = Boolean(input.customerAgreesToWait) && !input.customerRefusesDocuments;
    const policySentIt =
      usedPolicy && routing?.decision.notifications.some((item) => item.kind === 'EMAIL' && item.to === 'customer');
    if (documentationRequested && !policySentIt) {
      const reference = caseReference(current.number);
      await enqueueNotification(tx, context, {
        caseId,
        channel: 'EMAIL',
        template: 'documentation-request',
        recipient: current.customer?.email ?? `customer:${current.customerRef}`,
        subject: `${reference}: documents for your escalation`,
        payload: {
          caseReference: reference,
          customerName: current.customer?.preferredName ?? null,
          message:
            'Please reply to this email with any documents that support your concern (contract, photos, recordings).',
          rule: 'SOL-3',
        },
      });
      await recordTimelineEvent(tx, context, { caseId, type: 'DOCUMENTATION_REQUESTED', data: { rule: 'SOL-3' } });
    }
    const assignmentId = await offerResolutionAssignment(tx, context, caseId, directAssigneeId);
    return { caseId, documentationRequested, assignmentId };
  });
}

/**
 * SOL-5: the Case Assignment to a resolution specialist, as an offer the specialist can accept,
 * reject or return (rejecting or returning voids the case). It goes to the specialist the policy
 * chose, or to one holding the role; an assignment already under way is kept.
 */
async function offerResolutionAssignment(
  tx: TenantTransaction,
  context: Context,
  caseId: string,
  policyAssigneeId: string | null,
): Promise<string | null> {
  const active = await tx.assignment.findFirst({
    where: { caseId, status: { in: ['OFFERED', 'ACCEPTED'] } },
    select: { id: true },
  });
  if (active) return active.id;
  const offer = await offerAssignment(tx, context, {
    target: { caseId },
    directive: policyAssigneeId
      ? { strategy: 'DIRECT', assigneeId: policyAssigneeId }
      : { strategy: 'DIRECT', role: RESOLUTION_SPECIALIST_ROLE },
    reason: 'SOL-5 resolution escalation: Case Assignment to a resolution specialist',
    allowUnassigned: true,
  });
  return offer.assignmentId;
}
