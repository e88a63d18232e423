import { CASE_STATUSES, CHANNELS, PRIORITIES, TIERS } from '@escalate/rules';
import { builder } from '../../../edge/builder.js';

// The stored vocabulary is the rules engine's input vocabulary: one definition for both.
export { CASE_STATUSES, CHANNELS, TIERS } from '@escalate/rules';
export const CASE_PRIORITIES = PRIORITIES;

export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export type Tier = (typeof TIERS)[number];
export type Channel = (typeof CHANNELS)[number];

export const CaseStatusEnum = builder.enumType('CaseStatus', { values: CASE_STATUSES });
export const CasePriorityEnum = builder.enumType('CasePriority', { values: CASE_PRIORITIES });
export const TierEnum = builder.enumType('Tier', { values: TIERS });
export const ChannelEnum = builder.enumType('Channel', { values: CHANNELS });
