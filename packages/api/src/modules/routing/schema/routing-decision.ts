import type { TDecision, TEvaluationInput, TFiredTrigger, TRenderedNotification } from '@escalate/rules';
import { builder } from '../../../edge/builder.js';
import {
  type CasePriority,
  CasePriorityEnum,
  type CaseStatus,
  CaseStatusEnum,
  type Tier,
  TierEnum,
} from '../../cases/schema/case-enums.js';

/** A decision with the policy version that made it and the exact input it was made from. */
export interface DecisionView {
  policyVersion: number;
  input: TEvaluationInput;
  decision: TDecision;
}

const RoutingOutcomeEnum = builder.enumType('RoutingOutcome', {
  values: ['ESCALATE', 'STAY'] as const,
  description: 'ESCALATE when a rule routes the case, STAY when nothing applies',
});

const FiredTriggerRef = builder.objectRef<TFiredTrigger>('FiredTrigger').implement({
  description: 'A trigger code that fired, the detector or signal rule that raised it, and its evidence',
  fields: (t) => ({
    code: t.exposeString('code'),
    ruleId: t.exposeString('ruleId'),
    evidence: t.expose('evidence', { type: 'JSON', description: 'matched phrase and offsets, or signal and value' }),
  }),
});

const RoutingTargetRef = builder.objectRef<TDecision['target']>('RoutingTarget').implement({
  fields: (t) => ({
    tier: t.field({ type: TierEnum, nullable: true, resolve: (target) => target.tier as Tier | null }),
    team: t.exposeString('team', { nullable: true, description: 'team slug' }),
    queue: t.exposeString('queue', { nullable: true, description: 'queue slug' }),
  }),
});

const RoutingApprovalRef = builder.objectRef<TDecision['approval']>('RoutingApproval').implement({
  fields: (t) => ({
    required: t.exposeBoolean('required'),
    approverRole: t.exposeString('approverRole', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const RequiredStepRef = builder.objectRef<TDecision['requiredSteps'][number]>('RequiredStep').implement({
  fields: (t) => ({
    id: t.exposeString('id'),
    label: t.exposeString('label'),
    ruleId: t.exposeString('ruleId'),
  }),
});

const RoutingNotificationRef = builder.objectRef<TRenderedNotification>('RoutingNotification').implement({
  description: 'A message the decision sends (email, direct message, channel post, live alert)',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    recipient: t.string({
      description: 'email address or template recipient, role or skill, or channel',
      resolve: (notification) => {
        switch (notification.kind) {
          case 'EMAIL':
            return notification.to;
          case 'DIRECT_MESSAGE':
          case 'LIVE_ALERT':
            return notification.toRole;
          case 'CHANNEL_POST':
            return notification.channel;
        }
      },
    }),
    template: t.string({
      nullable: true,
      resolve: (notification) => (notification.kind === 'EMAIL' ? notification.template : null),
    }),
    message: t.exposeString('message'),
    ruleId: t.exposeString('ruleId'),
  }),
});

export const RoutingDecisionRef = builder.objectRef<DecisionView>('RoutingDecision').implement({
  description: 'What the policy decides for a case, with every rule it considered and why (X-1, X-2)',
  fields: (t) => ({
    policyVersion: t.exposeInt('policyVersion', { description: 'the policy version that decided (X-3)' }),
    evaluatedAt: t.field({ type: 'DateTime', resolve: (view) => new Date(view.decision.explanation.evaluatedAt) }),
    outcome: t.field({ type: RoutingOutcomeEnum, resolve: (view) => view.decision.outcome }),
    triggers: t.field({ type: [FiredTriggerRef], resolve: (view) => view.decision.triggers }),
    triggerCodes: t.stringList({
      resolve: (view) => [...new Set(view.decision.triggers.map((trigger) => trigger.code))],
    }),
    target: t.field({ type: RoutingTargetRef, resolve: (view) => view.decision.target }),
    setStatus: t.field({
      type: CaseStatusEnum,
      nullable: true,
      resolve: (view) => view.decision.setStatus as CaseStatus | null,
    }),
    setPriority: t.field({
      type: CasePriorityEnum,
      nullable: true,
      resolve: (view) => view.decision.setPriority as CasePriority | null,
    }),
    approval: t.field({ type: RoutingApprovalRef, resolve: (view) => view.decision.approval }),
    requiredNoteFields: t.stringList({ resolve: (view) => view.decision.requiredNoteFields }),
    requiredSteps: t.field({ type: [RequiredStepRef], resolve: (view) => view.decision.requiredSteps }),
    stepOrder: t.stringList({ resolve: (view) => view.decision.stepOrder }),
    notifications: t.field({ type: [RoutingNotificationRef], resolve: (view) => view.decision.notifications }),
    assignment: t.field({ type: 'JSON', nullable: true, resolve: (view) => view.decision.assignment }),
    tasks: t.field({ type: 'JSON', resolve: (view) => view.decision.tasks }),
    guidance: t.stringList({ resolve: (view) => view.decision.guidance.map((entry) => entry.text) }),
    availability: t.field({ type: 'JSON', nullable: true, resolve: (view) => view.decision.availability }),
    sla: t.field({ type: 'JSON', nullable: true, resolve: (view) => view.decision.sla }),
    summary: t.string({ resolve: (view) => view.decision.explanation.summary }),
    explanation: t.field({
      type: 'JSON',
      description: 'every rule considered, which matched, which won and why',
      resolve: (view) => view.decision.explanation,
    }),
    decision: t.field({
      type: 'JSON',
      description: 'the full decision as stored on the timeline',
      resolve: (view) => view.decision,
    }),
    input: t.field({
      type: 'JSON',
      description: 'the evaluation input, to reproduce the decision',
      resolve: (view) => view.input,
    }),
  }),
});
