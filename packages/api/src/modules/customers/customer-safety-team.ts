import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';

/** CARE-G3: the team Tier 2 brings in on gender identity and safety concerns. */
export const MEMBER_REVIEW_SAFETY_TEAM = 'member-review-safety';
export const SAFETY_REVIEW_TASK_KIND = 'SAFETY_REVIEW';

export const ZAddTeamToCaseInput = z.object({
  caseId: z.string().min(1),
  /** team slug; Member Review and Safety by default */
  team: z.string().trim().min(1).max(80).nullish(),
  /** also open a review task for that team (default true for Member Review and Safety) */
  createTask: z.boolean().nullish(),
  /** what the team should look at; becomes the task's description */
  reason: z.string().trim().min(1).max(2000).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

export interface AddTeamToCaseResult {
  caseId: string;
  teamId: string;
  added: boolean;
  taskId: string | null;
}

/**
 * Brings another team onto a Tier 2 case (CARE-G3): a CaseTeam row, a timeline event and,
 * for Member Review and Safety, a SAFETY_REVIEW task for that team. Adding a team twice
 * changes nothing the second time.
 */
export async function addTeamToCase(
  context: Context,
  input: z.output<typeof ZAddTeamToCaseInput>,
): Promise<AddTeamToCaseResult> {
  const caseId = input.caseId;
  const teamSlug = input.team ?? MEMBER_REVIEW_SAFETY_TEAM;
  return runIdempotent(context, 'addTeamToCase', input, input.idempotencyKey, async (tx) => {
    const caseRow = await tx.case.findUnique({ where: { id: caseId }, select: { id: true, tier: true, teamId: true } });
    if (!caseRow) throw AppError.notFound('Case');
    if (caseRow.tier !== 'TIER2') {
      throw new AppError('RULE_VIOLATION', 'Teams are brought in on Tier 2 cases; escalate the case to Tier 2 first', {
        rule: 'CARE-G3',
        details: { tier: caseRow.tier },
      });
    }
    const team = await tx.team.findFirst({ where: { slug: teamSlug }, select: { id: true, slug: true, name: true } });
    if (!team) {
      throw new AppError('VALIDATION_FAILED', `Unknown team "${teamSlug}"`, {
        fields: [{ path: 'input.team', message: 'no team with this slug in your organization' }],
      });
    }
    const existing = await tx.caseTeam.findFirst({ where: { caseId, teamId: team.id } });
    if (existing || caseRow.teamId === team.id) return { caseId, teamId: team.id, added: false, taskId: null };
    await tx.caseTeam.create({
      data: { tenantId: context.viewer.tenantId, caseId, teamId: team.id, addedAt: context.now },
    });
    const wantsTask = input.createTask ?? team.slug === MEMBER_REVIEW_SAFETY_TEAM;
    const task = wantsTask
      ? await tx.task.create({
          data: {
            tenantId: context.viewer.tenantId,
            caseId,
            kind: SAFETY_REVIEW_TASK_KIND,
            title: `${team.name} review`,
            teamId: team.id,
            data: { reason: input.reason ?? null, requestedByRole: context.viewer.role },
            createdById: context.viewer.userId,
          },
          select: { id: true },
        })
      : null;
    await recordTimelineEvent(tx, context, {
      caseId,
      type: 'TEAM_ADDED',
      data: {
        team: { slug: team.slug, name: team.name },
        reason: input.reason ?? null,
        taskId: task?.id ?? null,
        rule: 'CARE-G3',
      },
    });
    return { caseId, teamId: team.id, added: true, taskId: task?.id ?? null };
  });
}
