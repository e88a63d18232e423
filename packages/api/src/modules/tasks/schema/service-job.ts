import { builder } from '../../../edge/builder.js';
import { parseInput } from '../../../errors/zod-error.js';
import {
  type RecordJobStatusResult,
  recordJobStatus,
  SERVICE_JOB_STATUSES,
  type ServiceJobStatus,
  ZRecordJobStatusInput,
} from '../job-service.js';

const ServiceJobStatusEnum = builder.enumType('ServiceJobStatus', { values: SERVICE_JOB_STATUSES });

builder.prismaNode('ServiceJob', {
  id: { field: 'id' },
  description: 'A field service job as reported by an integration (CIN-9)',
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    status: t.field({ type: ServiceJobStatusEnum, resolve: (row) => row.status as ServiceJobStatus }),
    case: t.relation('case', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Case', 'serviceJobs', (t) => t.relation('serviceJobs', { query: { take: 50 } }));

const RecordJobStatusInput = builder.inputType('RecordJobStatusInput', {
  fields: (t) => ({
    externalJobId: t.string({ required: true, description: "the job's id in the field service system" }),
    status: t.field({ type: ServiceJobStatusEnum, required: true }),
    caseId: t.id(),
    note: t.string(),
    idempotencyKey: t.string(),
  }),
});

const RecordJobStatusPayload = builder.objectRef<RecordJobStatusResult>('RecordJobStatusPayload').implement({
  fields: (t) => ({
    job: t.prismaField({
      type: 'ServiceJob',
      resolve: (query, payload, _args, context) =>
        context.db.serviceJob.findUniqueOrThrow({ ...query, where: { id: payload.jobId } }),
    }),
    dispatchTask: t.prismaField({
      type: 'Task',
      nullable: true,
      description: 'the Dispatch task for this job and status (CIN-9), new or existing',
      resolve: (query, payload, _args, context) =>
        payload.dispatchTaskId ? context.db.task.findUnique({ ...query, where: { id: payload.dispatchTaskId } }) : null,
    }),
    dispatchTaskCreated: t.exposeBoolean('dispatchTaskCreated'),
  }),
});

builder.mutationField('recordJobStatus', (t) =>
  t.field({
    type: RecordJobStatusPayload,
    errors: {},
    description:
      'Integrations report a job status; Rejected, Expired and Procure Vendor create a Dispatch task once per job and status (CIN-9)',
    args: { input: t.arg({ type: RecordJobStatusInput, required: true }) },
    resolve: (_root, args, context) => recordJobStatus(context, parseInput(ZRecordJobStatusInput, args.input)),
  }),
);
