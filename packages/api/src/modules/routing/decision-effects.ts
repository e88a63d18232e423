import type { CompiledPolicy, TDecision, TRenderedNotification } from '@escalate/rules';
import type { Context } from '../../context.js';
import type { Prisma } from '../../db/prisma-client.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { offerAssignment } from '../assignments/index.js';
import { enqueueNotifications, type OutboxChannel, type OutboxEntry } from '../delivery/index.js';
import { createTaskInTransaction, TASK_KINDS, type TaskKind } from '../tasks/index.js';
import type { ApplyDecisionArgs } from './decision-args.js';

function recipientFor(policy: CompiledPolicy, roleOrSkill: string): string {
  const declared = policy.pack.roles.find((role) => role.slug === roleOrSkill);
  return `${declared?.kind ?? 'role'}:${roleOrSkill}`;
}

/**
 * An email's subject is its template's subject line; a customer never reads the internal routing
 * summary (rule ids, trigger codes), staff do.
 */
function notificationSubject(notification: TRenderedNotification, reference: string, summary: string): string {
  if (notification.kind === 'EMAIL' && notification.subject) return notification.subject.slice(0, 500);
  if (notification.kind === 'EMAIL' && notification.to === 'customer') return `Your case ${reference}`;
  return `${reference}: ${summary}`.slice(0, 500);
}

function isForCustomer(notification: TRenderedNotification): boolean {
  return notification.kind === 'EMAIL' && notification.to === 'customer';
}

/** The note sent with this escalation, or else the case's latest handoff note. */
async function handoffNoteFor(tx: TenantTransaction, args: ApplyDecisionArgs): Promise<Record<string, string> | null> {
  if (args.note && Object.keys(args.note).length > 0) return args.note;
  const latest = await tx.handoffNote.findFirst({
    where: { caseId: args.caseId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { fields: true },
  });
  return (latest?.fields as Record<string, string> | undefined) ?? null;
}

export async function enqueueDecisionNotifications(
  tx: TenantTransaction,
  context: Context,
  args: ApplyDecisionArgs,
  customerEmail: string | null,
  reference: string,
): Promise<void> {
  const entries: OutboxEntry[] = [];
  // read once, and only when a staff notification carries it
  let staffNote: Promise<Record<string, string> | null> | null = null;
  for (const notification of args.decision.notifications) {
    let channel: OutboxChannel;
    let recipient: string;
    let template: string | null = null;
    switch (notification.kind) {
      case 'EMAIL':
        channel = 'EMAIL';
        template = notification.template;
        recipient = notification.to.includes('@')
          ? notification.to
          : notification.to === 'customer'
            ? (customerEmail ?? `customer:${args.evaluationInput.case.id ?? args.caseId}`)
            : recipientFor(args.policy, notification.to);
        break;
      case 'DIRECT_MESSAGE':
        channel = 'DIRECT_MESSAGE';
        recipient = recipientFor(args.policy, notification.toRole);
        break;
      case 'LIVE_ALERT':
        channel = 'LIVE_ALERT';
        recipient = recipientFor(args.policy, notification.toRole);
        break;
      case 'CHANNEL_POST':
        channel = 'CHANNEL_POST';
        recipient = notification.channel.startsWith('#') ? notification.channel : `#${notification.channel}`;
        break;
    }
    if (!isForCustomer(notification)) staffNote ??= handoffNoteFor(tx, args);
    entries.push({
      caseId: args.caseId,
      channel,
      template,
      recipient,
      subject: notificationSubject(notification, reference, args.decision.explanation.summary),
      payload: {
        message: notification.message,
        ruleId: notification.ruleId,
        caseId: args.caseId,
        caseReference: reference,
        policyVersion: args.policyVersion,
        // staff read the handoff note in the message itself (LL-2 "saying you did so and why", LL-8)
        ...(isForCustomer(notification) ? {} : { note: await staffNote }),
      },
    });
  }
  await enqueueNotifications(tx, context, entries);
}

/** A direct assignment (LL-2 lead, CIN-8 executive owner): an available user with the skill or role. */
export async function findDirectAssignee(tx: TenantTransaction, decision: TDecision): Promise<{ id: string } | null> {
  const directive = decision.assignment;
  if (directive?.strategy !== 'DIRECT') return null;
  const who: Prisma.UserWhereInput = directive.skill ? { skills: { has: directive.skill } } : { role: directive.role };
  const order: Prisma.UserOrderByWithRelationInput[] = [{ createdAt: 'asc' }, { id: 'asc' }];
  return (
    (await tx.user.findFirst({ where: { ...who, outOfOffice: false, availability: 'ONLINE' }, orderBy: order })) ??
    (await tx.user.findFirst({ where: { ...who, outOfOffice: false }, orderBy: order }))
  );
}

/**
 * A DIRECT assignment the policy wants offered (SOL-5 Case Assignment to a resolution
 * specialist): the person the policy chose gets an offer they can accept, reject or return.
 * A case that already has an active assignment keeps it.
 */
export async function offerDirectAssignment(
  tx: TenantTransaction,
  context: Context,
  caseId: string,
  decision: TDecision,
  assignee: { id: string } | null,
): Promise<{ assignmentId: string | null } | null> {
  if (decision.assignment?.strategy !== 'DIRECT' || !decision.assignment.offer || !assignee) return null;
  const active = await tx.assignment.count({ where: { caseId, status: { in: ['OFFERED', 'ACCEPTED'] } } });
  if (active > 0) return null;
  const offer = await offerAssignment(tx, context, {
    target: { caseId },
    directive: { strategy: 'DIRECT', assigneeId: assignee.id },
    reason: decision.explanation.summary,
    allowUnassigned: true,
  });
  return { assignmentId: offer.assignmentId };
}

/**
 * Pool strategies (least loaded, round robin, random) go to the assignment engine as an offer;
 * nobody eligible leaves the case unassigned in its queue. A case that already has an active
 * assignment keeps it.
 */
export async function offerPoolAssignment(
  tx: TenantTransaction,
  context: Context,
  caseId: string,
  decision: TDecision,
): Promise<{ assignmentId: string | null } | null> {
  const directive = decision.assignment;
  if (!directive || directive.strategy === 'DIRECT') return null;
  const active = await tx.assignment.count({ where: { caseId, status: { in: ['OFFERED', 'ACCEPTED'] } } });
  if (active > 0) return null;
  const offer = await offerAssignment(tx, context, {
    target: { caseId },
    directive: {
      strategy: directive.strategy,
      team: directive.team ?? null,
      role: directive.role ?? null,
      skill: directive.skill ?? null,
    },
    reason: decision.explanation.summary,
    allowUnassigned: true,
  });
  return { assignmentId: offer.assignmentId };
}

/** Kinds filled in through their own form mutation (CIN-10 purchasing form, recordings, safety reviews). */
const FORM_TASK_KINDS: readonly TaskKind[] = ['PURCHASING_REQUEST', 'RECORDING_REQUEST', 'SAFETY_REVIEW'];

function isTaskKind(kind: string): kind is TaskKind {
  return (TASK_KINDS as readonly string[]).includes(kind);
}

/**
 * Creates the tasks a decision asks for (CIN-6 BBB/social task, CIN-7 T3 backlog task, CIN-8
 * executive callback), each offered by its directive. A case that already has an open task of
 * that kind keeps it; form tasks are left to their own mutation.
 */
export async function createDecisionTasks(
  tx: TenantTransaction,
  context: Context,
  caseId: string,
  decision: TDecision,
): Promise<string[]> {
  const created: string[] = [];
  for (const task of decision.tasks) {
    if (!isTaskKind(task.kind) || FORM_TASK_KINDS.includes(task.kind)) continue;
    const open = await tx.task.count({
      where: { caseId, kind: task.kind, status: { notIn: ['DONE', 'CANCELLED'] } },
    });
    if (open > 0) continue;
    const directive = task.assignment;
    const result = await createTaskInTransaction(tx, context, {
      kind: task.kind,
      title: task.title,
      caseId,
      team: task.team ?? null,
      data: { ruleId: task.ruleId },
      assignment: directive
        ? {
            strategy: directive.strategy,
            team: directive.team ?? null,
            role: directive.role ?? null,
            skill: directive.skill ?? null,
          }
        : null,
      allowUnassigned: true,
    });
    created.push(result.taskId);
  }
  return created;
}
