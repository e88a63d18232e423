import type { z } from 'zod';
import { asKnownCondition, forEachCondition, type TCondition } from './condition-schema.js';
import { KNOWN_ACTOR_ROLES, ZPolicyPackShape } from './pack-schema.js';
import { EXTENSION_TRIGGER_CODE, isCanonicalTriggerCode } from './trigger-codes.js';

export interface TPolicyProblem {
  /** dotted path into the pack, e.g. `rules.3.outcome.target.queue` */
  path: string;
  message: string;
}

/** An invalid policy pack, with every problem found (not only the first). */
export class PolicyPackError extends Error {
  readonly problems: readonly TPolicyProblem[];
  constructor(problems: readonly TPolicyProblem[], label = 'policy pack') {
    const listing = problems.map((problem) => `  - ${problem.path || '(root)'}: ${problem.message}`);
    super(`invalid ${label} (${problems.length} problem(s)):\n${listing.join('\n')}`);
    this.name = 'PolicyPackError';
    this.problems = problems;
  }
}

type TPackShape = z.infer<typeof ZPolicyPackShape>;
type Report = (path: (string | number)[], message: string) => void;

function checkReferences(pack: TPackShape, report: Report): void {
  const ruleIds = new Set<string>();
  pack.rules.forEach((rule, index) => {
    if (ruleIds.has(rule.id)) report(['rules', index, 'id'], `duplicate rule id "${rule.id}"`);
    ruleIds.add(rule.id);
  });
  pack.signalTriggers.forEach((trigger, index) => {
    if (ruleIds.has(trigger.id)) {
      report(['signalTriggers', index, 'id'], `id "${trigger.id}" is already used`);
    }
    ruleIds.add(trigger.id);
  });

  const teams = new Map<string, Set<string>>();
  const queueOwner = new Map<string, string>();
  pack.teams.forEach((team, teamIndex) => {
    if (teams.has(team.slug)) report(['teams', teamIndex, 'slug'], `duplicate team "${team.slug}"`);
    teams.set(team.slug, new Set(team.queues.map((queue) => queue.slug)));
    team.queues.forEach((queue, queueIndex) => {
      if (queueOwner.has(queue.slug)) {
        report(['teams', teamIndex, 'queues', queueIndex, 'slug'], `duplicate queue "${queue.slug}"`);
      }
      queueOwner.set(queue.slug, team.slug);
    });
  });
  const roles = new Set([...KNOWN_ACTOR_ROLES, ...pack.roles.map((role) => role.slug)]);
  const replyChecks = new Set(pack.replyChecks.map((check) => check.id));
  const calendars = new Set(Object.keys(pack.calendars));

  const checkTeam = (team: string | undefined, path: (string | number)[]) => {
    if (team !== undefined && !teams.has(team)) report(path, `team "${team}" is not declared in teams`);
  };
  const checkRole = (role: string | undefined, path: (string | number)[]) => {
    if (role !== undefined && !roles.has(role)) report(path, `role "${role}" is not declared in roles`);
  };
  const checkTemplate = (template: string, path: (string | number)[]) => {
    if (!(template in pack.messages)) report(path, `message template "${template}" is not in messages`);
  };
  const checkCalendar = (calendar: string, path: (string | number)[]) => {
    if (!calendars.has(calendar)) report(path, `calendar "${calendar}" is not in calendars`);
  };
  const checkConditionCalendars = (condition: TCondition, path: (string | number)[]) => {
    forEachCondition(condition, (node) => {
      const known = asKnownCondition(node);
      if (known?.type === 'withinHours' && !calendars.has(known.calendar)) {
        report(path, `withinHours uses calendar "${known.calendar}" that is not in calendars`);
      }
    });
  };

  pack.rules.forEach((rule, index) => {
    const at = (...rest: (string | number)[]) => ['rules', index, ...rest];
    const outcome = rule.outcome;
    const target = outcome.target;
    if (target) {
      checkTeam(target.team, at('outcome', 'target', 'team'));
      if (target.queue !== undefined) {
        const owner = queueOwner.get(target.queue);
        if (!owner) report(at('outcome', 'target', 'queue'), `queue "${target.queue}" is not declared`);
        else if (target.team !== undefined && owner !== target.team) {
          report(at('outcome', 'target', 'queue'), `queue "${target.queue}" belongs to team "${owner}"`);
        }
      }
    }
    if (outcome.approval) {
      checkRole(outcome.approval.approverRole, at('outcome', 'approval', 'approverRole'));
      if (outcome.approval.waivedWhen) {
        checkConditionCalendars(outcome.approval.waivedWhen, at('outcome', 'approval', 'waivedWhen'));
      }
    }
    if (outcome.assignment) {
      checkRole(outcome.assignment.role, at('outcome', 'assignment', 'role'));
      checkRole(outcome.assignment.skill, at('outcome', 'assignment', 'skill'));
      checkTeam(outcome.assignment.team, at('outcome', 'assignment', 'team'));
    }
    if (outcome.availability) checkCalendar(outcome.availability.calendar, at('outcome', 'availability', 'calendar'));
    if (outcome.sla) checkCalendar(outcome.sla.calendar, at('outcome', 'sla', 'calendar'));
    outcome.notifications.forEach((notification, n) => {
      checkTemplate(notification.template, at('outcome', 'notifications', n, 'template'));
      if (notification.kind === 'DIRECT_MESSAGE' || notification.kind === 'LIVE_ALERT') {
        checkRole(notification.toRole, at('outcome', 'notifications', n, 'toRole'));
      }
    });
    outcome.tasks.forEach((task, t) => {
      checkTeam(task.team, at('outcome', 'tasks', t, 'team'));
      checkTeam(task.assignment?.team, at('outcome', 'tasks', t, 'assignment', 'team'));
      checkRole(task.assignment?.role, at('outcome', 'tasks', t, 'assignment', 'role'));
      checkRole(task.assignment?.skill, at('outcome', 'tasks', t, 'assignment', 'skill'));
    });
    outcome.replyChecks.forEach((checkId, c) => {
      if (!replyChecks.has(checkId))
        report(at('outcome', 'replyChecks', c), `reply check "${checkId}" is not declared`);
    });
    checkConditionCalendars(rule.when, at('when'));
  });

  pack.triggers.canonical.forEach((code, index) => {
    if (!isCanonicalTriggerCode(code)) {
      report(['triggers', 'canonical', index], `"${code}" is not a canonical trigger code`);
    }
  });
  pack.triggers.extensions.forEach((definition, index) => {
    const match = EXTENSION_TRIGGER_CODE.exec(definition.code);
    if (!match || match[1] !== pack.orgSlug) {
      report(['triggers', 'extensions', index, 'code'], `extension codes are "${pack.orgSlug}:CODE"`);
    }
  });
  const declaredCodes = new Set([
    ...pack.triggers.canonical,
    ...pack.triggers.extensions.map((definition) => definition.code),
  ]);
  for (const template of Object.keys(pack.messageSubjects)) {
    if (!(template in pack.messages)) {
      report(['messageSubjects', template], `message template "${template}" is not in messages`);
    }
  }
  pack.replyChecks.forEach((check, index) => {
    if (check.kind !== 'UNPROMPTED_ESCALATION_OFFER') return;
    check.customerAskCodes.forEach((code, codeIndex) => {
      const orgCode = EXTENSION_TRIGGER_CODE.exec(code);
      if (!isCanonicalTriggerCode(code) && !(orgCode !== null && orgCode[1] === pack.orgSlug)) {
        report(
          ['replyChecks', index, 'customerAskCodes', codeIndex],
          `code "${code}" is neither a canonical trigger code nor a "${pack.orgSlug}:CODE" code`,
        );
      }
    });
  });
  pack.signalTriggers.forEach((trigger, index) => {
    const orgCode = EXTENSION_TRIGGER_CODE.exec(trigger.code);
    const ownCode = orgCode !== null && orgCode[1] === pack.orgSlug;
    if (!declaredCodes.has(trigger.code) && !ownCode) {
      report(
        ['signalTriggers', index, 'code'],
        `code "${trigger.code}" is neither listed in triggers.canonical nor a "${pack.orgSlug}:CODE" code`,
      );
    }
    checkConditionCalendars(trigger.when, ['signalTriggers', index, 'when']);
  });
}

/** The validated pack schema: shape plus cross-references. */
export const ZPolicyPack = ZPolicyPackShape.superRefine((pack, ctx) => {
  checkReferences(pack, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
});
export type TPolicyPack = z.infer<typeof ZPolicyPack>;
export type TPolicyPackInput = z.input<typeof ZPolicyPack>;

export function formatZodProblems(error: z.ZodError): TPolicyProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Validates a pack (e.g. parsed JSON); throws PolicyPackError listing every problem. */
export function parsePolicyPack(json: unknown): TPolicyPack {
  const result = ZPolicyPack.safeParse(json);
  if (!result.success) throw new PolicyPackError(formatZodProblems(result.error));
  return result.data;
}
