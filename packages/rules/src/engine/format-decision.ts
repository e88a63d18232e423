/** Human-readable rendering of a decision and its explanation (CLI `--explain`, timelines). */
import type { TDecision } from '../types.js';

export function formatDecision(decision: TDecision): string {
  const { explanation } = decision;
  const lines: string[] = [];
  lines.push(`Policy ${explanation.policyId} v${explanation.policyVersion} at ${explanation.evaluatedAt}`);
  lines.push(`Decision: ${decision.outcome} — ${explanation.summary}`);
  lines.push('');
  lines.push('Triggers:');
  if (decision.triggers.length === 0) lines.push('  (none)');
  for (const trigger of decision.triggers) {
    const evidence =
      trigger.evidence.kind === 'text'
        ? `"${trigger.evidence.phrase}" in ${trigger.evidence.field} [${trigger.evidence.start}–${trigger.evidence.end}]`
        : `${trigger.evidence.name} = ${String(trigger.evidence.value)}`;
    lines.push(`  ${trigger.code} via ${trigger.ruleId}: ${evidence}`);
  }
  lines.push('');
  lines.push('Rules (in rank order: priority, specificity, id):');
  for (const rule of explanation.rules) {
    const mark = rule.matched ? '✔' : '✘';
    lines.push(
      `  ${mark} ${rule.ruleId} [${rule.requirementIds.join(', ')}] priority ${rule.priority}, specificity ${rule.specificity}`,
    );
    for (const reason of rule.reasons) lines.push(`      ${reason}`);
  }
  lines.push('');
  lines.push(`Winner: ${explanation.winner ?? '(none)'} — ${explanation.winnerReason}`);
  const target = [decision.target.tier, decision.target.team, decision.target.queue].filter(Boolean).join(' / ');
  if (target) lines.push(`Target: ${target}`);
  if (decision.setStatus) lines.push(`Status → ${decision.setStatus}`);
  if (decision.setPriority) lines.push(`Priority → ${decision.setPriority}`);
  if (decision.approval.required) {
    lines.push(`Approval first: ${decision.approval.approverRole} (${decision.approval.reason})`);
  } else if (decision.approval.reason) {
    lines.push(`Approval: ${decision.approval.reason}`);
  }
  if (decision.assignment) {
    const who = decision.assignment.skill ?? decision.assignment.role ?? decision.assignment.team ?? '';
    lines.push(`Assignment: ${decision.assignment.strategy} ${who}`);
  }
  if (decision.stepOrder.length > 0) lines.push(`Step order: ${decision.stepOrder.join(' → ')}`);
  if (decision.requiredNoteFields.length > 0) lines.push(`Note fields: ${decision.requiredNoteFields.join(', ')}`);
  for (const step of decision.requiredSteps) lines.push(`Step: ${step.label} (${step.ruleId})`);
  for (const notification of decision.notifications) {
    const to =
      notification.kind === 'EMAIL'
        ? notification.to
        : notification.kind === 'CHANNEL_POST'
          ? `#${notification.channel}`
          : notification.toRole;
    lines.push(`Notify ${notification.kind} → ${to}: ${notification.message}`);
  }
  for (const task of decision.tasks)
    lines.push(`Task ${task.kind}: ${task.title}${task.team ? ` (${task.team})` : ''}`);
  for (const item of decision.guidance) lines.push(`Guidance: ${item.text}`);
  if (decision.replyChecks.length > 0) lines.push(`Reply checks: ${decision.replyChecks.join(', ')}`);
  if (decision.availability) lines.push(`Availability: ${decision.availability.explanation}`);
  if (decision.sla) lines.push(`SLA: due ${decision.sla.dueAt} — ${decision.sla.explanation}`);
  return lines.join('\n');
}
