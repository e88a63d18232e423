import { type CASE_STATUSES, type CHANNELS, PRIORITIES, type TIERS } from '@escalate/rules';

// The stored vocabulary is the rules engine's input vocabulary: one definition for both.
export { CASE_STATUSES, CHANNELS, TIERS } from '@escalate/rules';
export const CASE_PRIORITIES = PRIORITIES;

export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export type Tier = (typeof TIERS)[number];
export type Channel = (typeof CHANNELS)[number];
