import { z } from 'zod';
import type { Prisma } from '../../db/prisma-client.js';
import { parseInput } from '../../errors/zod-error.js';
import { TASK_KINDS, TASK_STATUSES } from './task-service.js';

/** The task list and board filter (CIN-6), validated. */
const ZTaskFilter = z
  .object({
    kind: z.array(z.enum(TASK_KINDS)).max(20).nullish(),
    status: z.array(z.enum(TASK_STATUSES)).max(5).nullish(),
    team: z.string().max(80).nullish(),
    assigneeId: z.string().max(200).nullish(),
    mine: z.boolean().nullish(),
    unassigned: z.boolean().nullish(),
  })
  .nullish();

export function taskWhere(rawFilter: unknown, viewerId: string): Prisma.TaskWhereInput {
  const filter = parseInput(ZTaskFilter, rawFilter, 'filter');
  if (!filter) return {};
  const where: Prisma.TaskWhereInput = {};
  if (filter.kind?.length) where.kind = { in: filter.kind };
  if (filter.status?.length) where.status = { in: filter.status };
  if (filter.team) where.team = { slug: filter.team };
  if (filter.assigneeId) where.assigneeId = filter.assigneeId;
  if (filter.mine) where.assigneeId = viewerId;
  if (filter.unassigned) where.assigneeId = null;
  return where;
}
