import { builder } from '../builder.js';

export const CASE_STATUSES = [
  'NEW',
  'OPEN',
  'PENDING_APPROVAL',
  'WAITING_ON_CUSTOMER',
  'ESCALATED',
  'RESOLVED',
  'CLOSED',
] as const;
export const CASE_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT', 'CRITICAL'] as const;
export const TIERS = ['TIER1', 'TIER2', 'TIER3'] as const;
export const CHANNELS = ['EMAIL', 'PHONE', 'CHAT', 'SOCIAL', 'WEB', 'SMS'] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CasePriority = (typeof CASE_PRIORITIES)[number];
export type Tier = (typeof TIERS)[number];
export type Channel = (typeof CHANNELS)[number];

export const CaseStatusEnum = builder.enumType('CaseStatus', { values: CASE_STATUSES });
export const CasePriorityEnum = builder.enumType('CasePriority', { values: CASE_PRIORITIES });
export const TierEnum = builder.enumType('Tier', { values: TIERS });
export const ChannelEnum = builder.enumType('Channel', { values: CHANNELS });
