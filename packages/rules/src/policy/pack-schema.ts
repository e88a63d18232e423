/**
 * The policy pack format: one organization's escalation procedure as versioned data.
 *
 * A pack declares its teams (each owning queues), the roles/skills rules address, business
 * calendars, the trigger definitions it uses, signal triggers (codes raised from structured
 * facts), message templates, reply checks and rules. Every rule cites the SOP line it encodes.
 * Cross-references (queues, teams, roles, calendars, templates, reply checks, trigger codes)
 * are checked at load; `parsePolicyPack` lists every problem with its path.
 *
 * How rules combine (see engine/merge-outcomes.ts): matched rules are ranked by priority
 * (higher first), then specificity (more leaf conditions first), then id (alphabetical) as the
 * final tie-breaker. The route — target, assignment, approval, setStatus, availability, sla —
 * comes whole from the best-ranked matched rule that sets a target, assignment or approval;
 * setPriority and stepOrder come from the best-ranked matched rule that sets each; lists
 * (notifications, requiredSteps, requiredNoteFields, tasks, replyChecks, guidance) are the
 * union over all matched rules.
 */
import { z } from 'zod';
import { ZBusinessCalendar, ZIanaTimeZone } from '../calendar/calendar-schema.js';
import { ZTriggerDefinition } from '../detection/index.js';
import { ACTOR_ROLES, ASSIGNMENT_STRATEGIES, ZCaseStatus, ZPriority, ZStepKind, ZTier } from '../types.js';
import { ZCondition } from './condition-schema.js';

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const RULE_ID = /^[a-z0-9][a-z0-9.-]*$/;
const REQUIREMENT_ID = /^(CARE|TON|LL|SOL|CIN|X)-[A-Z]?\d+$/;

export const ZSlug = z.string().regex(SLUG, 'expected a lower-case slug (a-z, 0-9, -)');

/** Where a rule comes from: the SOP file and the line it encodes, quoted. */
export const ZSourceCitation = z.strictObject({
  file: z.string().regex(/^sops\/[a-z0-9-]+\.txt$/, 'expected sops/<name>.txt'),
  quote: z.string().min(10),
});

export const ZTeam = z.strictObject({
  slug: ZSlug,
  name: z.string().min(1),
  /** each team owns its queues (TON-3) */
  queues: z.array(z.strictObject({ slug: ZSlug, name: z.string().min(1) })),
});

/** A role or routing skill rules can address (notifications, approvals, direct assignment). */
export const ZRoleDeclaration = z.strictObject({
  slug: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
  name: z.string().min(1),
  /** `role` = a user role (User.role); `skill` = a routing skill (User.skills) */
  kind: z.enum(['role', 'skill']),
});

export const ZNotificationSpec = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('EMAIL'),
    template: z.string(),
    to: z.string().min(1),
  }),
  z.strictObject({
    kind: z.literal('DIRECT_MESSAGE'),
    toRole: z.string(),
    template: z.string(),
  }),
  z.strictObject({
    kind: z.literal('CHANNEL_POST'),
    channel: z.string(),
    template: z.string(),
  }),
  z.strictObject({
    kind: z.literal('LIVE_ALERT'),
    toRole: z.string(),
    template: z.string(),
  }),
]);
export type TNotificationSpec = z.infer<typeof ZNotificationSpec>;

export const ZAssignmentSpec = z
  .strictObject({
    strategy: z.enum(ASSIGNMENT_STRATEGIES),
    role: z.string().optional(),
    skill: z.string().optional(),
    team: ZSlug.optional(),
    /** DIRECT: offer the case (a Case Assignment the person accepts, rejects or returns) instead of setting the owner */
    offer: z.boolean().optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.strategy === 'DIRECT' && !spec.role && !spec.skill) {
      ctx.addIssue({
        code: 'custom',
        message: 'DIRECT assignment needs a role or a skill',
      });
    }
    if (spec.strategy !== 'DIRECT' && !spec.team) {
      ctx.addIssue({
        code: 'custom',
        path: ['team'],
        message: `${spec.strategy} needs a team`,
      });
    }
  });

export const ZTaskSpec = z.strictObject({
  /** Task.kind, e.g. BBB, SOCIAL_MEDIA, TIER3_BACKLOG, DISPATCH, PURCHASING_REQUEST, EXECUTIVE_CALLBACK */
  kind: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  title: z.string().min(1),
  team: ZSlug.optional(),
  assignment: ZAssignmentSpec.optional(),
  /** fields the task's form must carry (CIN-10) */
  requiredFields: z.array(z.string().min(1)).default([]),
});

/** What a rule does when it matches. At least one part must be set. */
export const ZOutcome = z
  .strictObject({
    target: z
      .strictObject({
        tier: ZTier.optional(),
        team: ZSlug.optional(),
        queue: ZSlug.optional(),
      })
      .optional(),
    setStatus: ZCaseStatus.optional(),
    setPriority: ZPriority.optional(),
    /** approval needed before the routing is applied; skipped when `waivedWhen` holds */
    approval: z
      .strictObject({
        approverRole: z.string(),
        reason: z.string().min(1),
        waivedWhen: ZCondition.optional(),
      })
      .optional(),
    assignment: ZAssignmentSpec.optional(),
    /** business-hours availability of whoever takes the case, and what to do when closed */
    availability: z
      .strictObject({
        calendar: z.string(),
        whenClosed: z.enum(['WAIT_FOR_OPENING', 'CALLBACK']),
      })
      .optional(),
    /** SLA due time in business minutes on a calendar */
    sla: z
      .strictObject({
        calendar: z.string(),
        businessMinutes: z.number().int().min(1),
      })
      .optional(),
    notifications: z.array(ZNotificationSpec).default([]),
    requiredSteps: z.array(z.strictObject({ id: ZSlug, label: z.string().min(1) })).default([]),
    requiredNoteFields: z.array(z.string().regex(/^[a-z][A-Za-z0-9]*$/)).default([]),
    stepOrder: z.array(ZStepKind).default([]),
    tasks: z.array(ZTaskSpec).default([]),
    replyChecks: z.array(z.string()).default([]),
    /** text shown to the agent (scripts, reminders) */
    guidance: z.array(z.string().min(1)).default([]),
  })
  .refine(
    (outcome) =>
      Object.entries(outcome).some(([, value]) => (Array.isArray(value) ? value.length > 0 : value !== undefined)),
    { message: 'a rule outcome must do something' },
  );
export type TOutcome = z.infer<typeof ZOutcome>;

export const ZRule = z.strictObject({
  /** stable id, e.g. `ton-1.supervisor-request` */
  id: z.string().regex(RULE_ID, 'expected a lower-case id (a-z, 0-9, ., -)'),
  requirementIds: z.array(z.string().regex(REQUIREMENT_ID)).min(1),
  /** short; used as {reason} in messages */
  title: z.string().min(1),
  description: z.string().min(1),
  source: ZSourceCitation,
  /** higher wins; then specificity, then id */
  priority: z.number().int().min(0).max(1000),
  when: ZCondition,
  outcome: ZOutcome,
});
export type TRule = z.infer<typeof ZRule>;

/** Raises a trigger code from structured facts, with the named signal as its evidence. */
export const ZSignalTrigger = z.strictObject({
  id: z.string().regex(RULE_ID),
  code: z.string(),
  description: z.string().min(1),
  source: ZSourceCitation,
  when: ZCondition,
  /** the signal (or agent flag, as `flag:<NAME>`) shown as evidence */
  evidence: z.string().min(1),
});
export type TSignalTrigger = z.infer<typeof ZSignalTrigger>;

/** Canonical codes that mean the customer asked to escalate (SOL-1 default). */
export const CUSTOMER_ASK_CODES = ['SUPERVISOR_REQUEST', 'EXECUTIVE_REQUEST', 'REPEAT_ESCALATION'] as const;

export const ZReplyCheckSpec = z.discriminatedUnion('kind', [
  z.strictObject({
    id: ZSlug,
    requirementIds: z.array(z.string().regex(REQUIREMENT_ID)).min(1),
    kind: z.literal('FORBIDDEN_PHRASE'),
    phrases: z.array(z.string().min(3)).min(1),
  }),
  z.strictObject({
    id: ZSlug,
    requirementIds: z.array(z.string().regex(REQUIREMENT_ID)).min(1),
    kind: z.literal('LEGAL_NAME_USED'),
  }),
  z.strictObject({
    id: ZSlug,
    requirementIds: z.array(z.string().regex(REQUIREMENT_ID)).min(1),
    kind: z.literal('UNPROMPTED_ESCALATION_OFFER'),
    phrases: z.array(z.string().min(3)).min(1),
    /**
     * trigger codes that mean the customer asked for escalation (canonical or the pack's own
     * `org:CODE`); with any of them on the case or in the customer's words, offering is fine
     */
    customerAskCodes: z
      .array(z.string().min(1))
      .min(1)
      .default([...CUSTOMER_ASK_CODES]),
  }),
]);
export type TReplyCheckSpec = z.infer<typeof ZReplyCheckSpec>;

/**
 * Trigger definitions a pack uses: canonical codes by name, plus its own `org:CODE`
 * definitions (same shape as the detection module's trigger definitions).
 */
export const ZPackTriggers = z.strictObject({
  canonical: z.array(z.string()),
  extensions: z.array(ZTriggerDefinition).default([]),
});

export const ZPolicyPackShape = z.strictObject({
  schemaVersion: z.literal(1),
  policyId: ZSlug,
  orgSlug: ZSlug,
  name: z.string().min(1),
  version: z.number().int().min(1),
  timeZone: ZIanaTimeZone,
  /** LL ships two brands; others none */
  brands: z.array(z.enum(['TSM', 'HB'])).default([]),
  teams: z.array(ZTeam).min(1),
  roles: z.array(ZRoleDeclaration).default([]),
  calendars: z.record(ZSlug, ZBusinessCalendar).default({}),
  triggers: ZPackTriggers,
  signalTriggers: z.array(ZSignalTrigger).default([]),
  /** message templates; placeholders: {caseRef} {reason} {evidence} {org} {brand} {customerName} */
  messages: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), z.string().min(1)).default({}),
  /** subject lines of message templates sent by email (what the recipient reads); same placeholders */
  messageSubjects: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), z.string().min(1).max(300)).default({}),
  replyChecks: z.array(ZReplyCheckSpec).default([]),
  rules: z.array(ZRule).min(1),
});

export const KNOWN_ACTOR_ROLES: ReadonlySet<string> = new Set(ACTOR_ROLES);
