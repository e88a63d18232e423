import { builder } from '../../../edge/builder.js';
import { CASE_PRIORITIES, CASE_STATUSES, CHANNELS, TIERS } from '../case-vocabulary.js';

export {
  CASE_PRIORITIES,
  CASE_STATUSES,
  type CasePriority,
  type CaseStatus,
  CHANNELS,
  type Channel,
  TIERS,
  type Tier,
} from '../case-vocabulary.js';

export const CaseStatusEnum = builder.enumType('CaseStatus', { values: CASE_STATUSES });
export const CasePriorityEnum = builder.enumType('CasePriority', { values: CASE_PRIORITIES });
export const TierEnum = builder.enumType('Tier', { values: TIERS });
export const ChannelEnum = builder.enumType('Channel', { values: CHANNELS });
