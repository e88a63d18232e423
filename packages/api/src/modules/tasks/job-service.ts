import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import { createTaskInTransaction } from './task-service.js';

export const SERVICE_JOB_STATUSES = [
  'SCHEDULED',
  'IN_PROGRESS',
  'REJECTED',
  'EXPIRED',
  'PROCURE_VENDOR',
  'COMPLETED',
  'CANCELLED',
] as const;
export type ServiceJobStatus = (typeof SERVICE_JOB_STATUSES)[number];

/** CIN-9: jobs in these statuses are assigned to Dispatch as tasks. */
export const DISPATCH_STATUSES: readonly ServiceJobStatus[] = ['REJECTED', 'EXPIRED', 'PROCURE_VENDOR'];

const DISPATCH_TITLES: Record<string, string> = {
  REJECTED: 'rejected by the service provider',
  EXPIRED: 'expired without a provider',
  PROCURE_VENDOR: 'sent to Procure Vendor',
};

export const ZRecordJobStatusInput = z.object({
  externalJobId: z.string().trim().min(1, 'is required').max(200),
  status: z.enum(SERVICE_JOB_STATUSES),
  caseId: z.string().nullish(),
  note: z.string().trim().max(2000).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

export interface RecordJobStatusResult {
  jobId: string;
  dispatchTaskId: string | null;
  dispatchTaskCreated: boolean;
}

/**
 * Integrators report a job's status. CIN-9: Rejected, Expired and Procure Vendor create a
 * Dispatch task — once per job and status, however often the status is reported (the job
 * row is locked, so concurrent reports cannot both create one).
 */
export async function recordJobStatus(
  context: Context,
  input: z.output<typeof ZRecordJobStatusInput>,
): Promise<RecordJobStatusResult> {
  const caseId = input.caseId ? input.caseId : null;
  const tenantId = context.viewer.tenantId;
  return runIdempotent(context, 'recordJobStatus', input, input.idempotencyKey, async (tx) => {
    if (caseId && !(await tx.case.findUnique({ where: { id: caseId }, select: { id: true } }))) {
      throw new AppError('NOT_FOUND', 'Case not found', {
        fields: [{ path: 'input.caseId', message: 'no such case' }],
      });
    }
    // insert-or-lock: the upsert takes the row lock that serializes reports for one job
    const rows = await tx.$queryRaw<{ id: string; caseId: string | null; previous: string | null }[]>`
      INSERT INTO "ServiceJob" ("id", "tenantId", "externalId", "caseId", "status", "updatedAt")
      VALUES (gen_random_uuid(), ${tenantId}::uuid, ${input.externalJobId}, ${caseId}::uuid, ${input.status}, ${context.now})
      ON CONFLICT ("tenantId", "externalId") DO UPDATE
        SET "status" = EXCLUDED."status", "updatedAt" = EXCLUDED."updatedAt",
            "caseId" = COALESCE(EXCLUDED."caseId", "ServiceJob"."caseId")
      RETURNING "id"::text AS "id", "caseId"::text AS "caseId",
        (SELECT s."status" FROM "ServiceJob" s WHERE s."id" = "ServiceJob"."id") AS "previous"`;
    const job = rows[0];
    if (!job) throw new Error('service job upsert returned no row');
    const jobCaseId = job.caseId;
    if (jobCaseId && job.previous !== input.status) {
      await recordTimelineEvent(tx, context, {
        caseId: jobCaseId,
        type: 'SERVICE_JOB_STATUS',
        data: {
          jobId: job.id,
          externalJobId: input.externalJobId,
          status: { before: job.previous, after: input.status },
        },
      });
    }
    if (!DISPATCH_STATUSES.includes(input.status)) {
      return { jobId: job.id, dispatchTaskId: null, dispatchTaskCreated: false };
    }
    const dispatchKey = `${job.id}:${input.status}`;
    const existing = await tx.task.findFirst({
      where: { kind: 'DISPATCH', data: { path: ['dispatchKey'], equals: dispatchKey } },
      select: { id: true },
    });
    if (existing) return { jobId: job.id, dispatchTaskId: existing.id, dispatchTaskCreated: false };
    const created = await createTaskInTransaction(tx, context, {
      kind: 'DISPATCH',
      title: `Dispatch: job ${input.externalJobId} ${DISPATCH_TITLES[input.status] ?? input.status}`,
      caseId: jobCaseId,
      data: {
        dispatchKey,
        jobId: job.id,
        externalJobId: input.externalJobId,
        jobStatus: input.status,
        note: input.note ?? null,
        rule: 'CIN-9',
      },
    });
    return { jobId: job.id, dispatchTaskId: created.taskId, dispatchTaskCreated: true };
  });
}
