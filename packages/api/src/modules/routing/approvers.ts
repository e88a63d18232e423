import { isRole } from '../../auth/roles.js';
import type { Context } from '../../context.js';

type UserReader = Pick<Context['db'], 'user'>;

/**
 * Who may decide an approval: a policy names its approver by role (`tier1_supervisor`) or by
 * skill (`tsm-escalations-lead`). The viewer answers to their role and to each of their skills.
 */
export async function approverIdentities(db: UserReader, context: Context): Promise<string[]> {
  const user = await db.user.findUnique({ where: { id: context.viewer.userId }, select: { skills: true } });
  return [context.viewer.role, ...(user?.skills ?? [])];
}

export async function mayDecideApproval(db: UserReader, context: Context, approverRole: string): Promise<boolean> {
  if (context.viewer.role === 'admin') return true;
  return (await approverIdentities(db, context)).includes(approverRole);
}

/** Outbox recipient for an approver: a role, else a skill. */
export function approverRecipient(approverRole: string): string {
  return isRole(approverRole) ? `role:${approverRole}` : `skill:${approverRole}`;
}
