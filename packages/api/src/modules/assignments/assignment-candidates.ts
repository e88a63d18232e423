import { getShippedPolicyPack, isOpen, ZBusinessCalendar } from '@escalate/rules';
import { AppError } from '../../errors/app-error.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import {
  type AssignmentCandidate,
  type AssignmentExplanation,
  type AssignmentStrategy,
  type BusinessHoursState,
  chooseCandidate,
  judgeCandidate,
} from './assignment-eligibility.js';

export interface AssignmentDirective {
  strategy: AssignmentStrategy;
  /** DIRECT to a person */
  assigneeId?: string | null;
  /** DIRECT to whoever holds a role or routing skill */
  role?: string | null;
  skill?: string | null;
  /** the team whose members form the pool (pool strategies), or must contain the person */
  team?: string | null;
}

export interface SelectionResult {
  chosen: AssignmentCandidate | null;
  teamId: string | null;
  explanation: AssignmentExplanation;
}

const OPEN_CASE_STATUSES_EXCLUDED = ['RESOLVED', 'CLOSED'];

/** The opening hours that apply to a team: a calendar of the same name in the active (or shipped) policy. */
async function teamBusinessHours(
  tx: TenantTransaction,
  tenantSlug: string,
  teamSlug: string,
  now: Date,
): Promise<BusinessHoursState | null> {
  const active = await tx.policyVersion.findFirst({ where: { active: true }, select: { document: true } });
  let rawCalendar: unknown;
  if (active) {
    rawCalendar = (active.document as { calendars?: Record<string, unknown> } | null)?.calendars?.[teamSlug];
  } else {
    try {
      rawCalendar = getShippedPolicyPack(tenantSlug).calendars[teamSlug];
    } catch {
      rawCalendar = undefined;
    }
  }
  if (!rawCalendar) return null;
  const calendar = ZBusinessCalendar.safeParse(rawCalendar);
  if (!calendar.success) return null;
  const state = isOpen(calendar.data, now);
  return { calendar: teamSlug, open: state.open, explanation: state.explanation };
}

/** Row locks on every user considered, in id order (no deadlocks): concurrent assignments to the same pool serialize. */
async function lockUsers(tx: TenantTransaction, tenantId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$queryRaw`
    SELECT "id" FROM "User" WHERE "tenantId" = ${tenantId}::uuid AND "id" = ANY(${ids}::uuid[])
    ORDER BY "id" FOR UPDATE`;
}

/** Open assignments (offered or accepted, on a case or task that is still open) per user, read after the locks. */
export async function openAssignmentCounts(
  tx: TenantTransaction,
  tenantId: string,
  ids: string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ assigneeId: string; open: bigint | number }[]>`
    SELECT a."assigneeId"::text AS "assigneeId", count(*) AS "open"
    FROM "Assignment" a
    LEFT JOIN "Case" c ON c."id" = a."caseId"
    LEFT JOIN "Task" t ON t."id" = a."taskId"
    WHERE a."tenantId" = ${tenantId}::uuid AND a."assigneeId" = ANY(${ids}::uuid[])
      AND a."status" IN ('OFFERED', 'ACCEPTED')
      AND (c."id" IS NULL OR c."status" <> ALL(${OPEN_CASE_STATUSES_EXCLUDED}::text[]))
      AND (t."id" IS NULL OR t."status" NOT IN ('DONE', 'CANCELLED'))
    GROUP BY a."assigneeId"`;
  return new Map(rows.map((row) => [row.assigneeId, Number(row.open)]));
}

function describePool(directive: AssignmentDirective, personName: string | null): string {
  if (directive.assigneeId) return `user ${personName ?? directive.assigneeId}`;
  const parts: string[] = [];
  if (directive.role) parts.push(`role ${directive.role}`);
  if (directive.skill) parts.push(`skill ${directive.skill}`);
  if (directive.team) parts.push(`team ${directive.team}`);
  return parts.join(', ');
}

/**
 * Loads the pool a directive names, locks its members, counts their open assignments and
 * picks one. Must run inside the transaction that writes the assignment.
 */
export async function selectAssignee(
  tx: TenantTransaction,
  tenant: { id: string; slug: string },
  directive: AssignmentDirective,
  now: Date,
  random?: (n: number) => number,
): Promise<SelectionResult> {
  let team: { id: string; slug: string } | null = null;
  if (directive.team) {
    team = await tx.team.findFirst({ where: { slug: directive.team }, select: { id: true, slug: true } });
    if (!team) {
      throw new AppError('VALIDATION_FAILED', `Unknown team "${directive.team}"`, {
        fields: [{ path: 'input.team', message: 'no team with this slug in your organization' }],
      });
    }
  }
  let poolIds: string[];
  let personName: string | null = null;
  if (directive.strategy === 'DIRECT' && directive.assigneeId) {
    const person = await tx.user.findUnique({
      where: { id: directive.assigneeId },
      select: { id: true, name: true, teamId: true },
    });
    if (!person) {
      throw new AppError('NOT_FOUND', 'No such user in your organization', {
        rule: 'X-5',
        fields: [{ path: 'input.assigneeId', message: 'no user with this id in your organization' }],
      });
    }
    if (team && person.teamId !== team.id) {
      throw new AppError('RULE_VIOLATION', `${person.name} is not a member of team ${team.slug}`, {
        fields: [{ path: 'input.assigneeId', message: `not a member of team ${team.slug}` }],
      });
    }
    personName = person.name;
    poolIds = [person.id];
  } else {
    if (directive.strategy === 'DIRECT' && !directive.role && !directive.skill) {
      throw new AppError('VALIDATION_FAILED', 'A direct assignment names a person, a role or a skill', {
        fields: [{ path: 'input.assigneeId', message: 'give assigneeId, role or skill' }],
      });
    }
    if (directive.strategy !== 'DIRECT' && !team) {
      throw new AppError('VALIDATION_FAILED', `${directive.strategy} assignment needs a team`, {
        fields: [{ path: 'input.team', message: 'required for this strategy' }],
      });
    }
    const members = await tx.user.findMany({
      where: {
        ...(team ? { teamId: team.id } : {}),
        ...(directive.skill ? { skills: { has: directive.skill } } : {}),
        role: directive.role ?? { notIn: ['integration', 'admin'] },
      },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    poolIds = members.map((member) => member.id);
  }
  await lockUsers(tx, tenant.id, poolIds);
  const users = await tx.user.findMany({ where: { id: { in: poolIds } }, orderBy: { id: 'asc' } });
  const loads = await openAssignmentCounts(tx, tenant.id, poolIds);
  const businessHours = team ? await teamBusinessHours(tx, tenant.slug, team.slug, now) : null;
  const candidates: AssignmentCandidate[] = users.map((user) => ({
    id: user.id,
    name: user.name,
    role: user.role,
    availability: user.availability,
    outOfOffice: user.outOfOffice,
    capacity: user.capacity,
    openAssignments: loads.get(user.id) ?? 0,
    lastAssignedAt: user.lastAssignedAt,
  }));
  const advisory = directive.strategy === 'DIRECT' && Boolean(directive.assigneeId);
  const verdicts = candidates.map((candidate) =>
    judgeCandidate(candidate, { businessHours, advisoryAvailability: advisory }),
  );
  const eligible = candidates.filter((_, index) => verdicts[index]?.eligible);
  const { chosen, why } = chooseCandidate(directive.strategy, eligible, random);
  return {
    chosen,
    teamId: team?.id ?? null,
    explanation: {
      strategy: directive.strategy,
      pool: describePool(directive, personName),
      businessHours,
      candidates: verdicts,
      eligible: eligible.map((candidate) => candidate.id),
      chosenUserId: chosen?.id ?? null,
      why,
    },
  };
}

/** The typed error for "nobody can take this", with the explanation attached. */
export function nobodyEligibleError(explanation: AssignmentExplanation): AppError {
  const verdicts = explanation.candidates;
  const allAtCapacity =
    verdicts.length > 0 && verdicts.every((verdict) => verdict.excludedBecause.some((r) => r.code === 'AT_CAPACITY'));
  if (verdicts.length === 0) {
    return new AppError('RULE_VIOLATION', `Nobody matches ${explanation.pool}`, { details: { explanation } });
  }
  if (allAtCapacity) {
    return new AppError('CAPACITY_EXCEEDED', `Everyone in ${explanation.pool} is at capacity`, {
      details: { explanation },
    });
  }
  const reasons = verdicts
    .map((verdict) => `${verdict.name}: ${verdict.excludedBecause.map((reason) => reason.message).join(', ')}`)
    .join('; ');
  return new AppError('RULE_VIOLATION', `Nobody in ${explanation.pool} is eligible now (${reasons})`, {
    details: { explanation },
  });
}
