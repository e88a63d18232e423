import { z } from 'zod';
import type { Context } from '../../../context.js';
import type { Prisma } from '../../../db/prisma-client.js';
import { builder } from '../../../edge/builder.js';
import { AppError } from '../../../errors/app-error.js';
import { parseInput } from '../../../errors/zod-error.js';
import { type BulkCaseResult, createCases, MAX_BULK_CASES } from '../case-bulk-service.js';
import { readCase, readCasePage } from '../case-read-sql.js';
import { caseSearch } from '../case-search.js';
import { type CreateCaseResult, createCase, ZCreateCaseInput } from '../case-service.js';
import {
  CASE_PRIORITIES,
  CASE_STATUSES,
  type CasePriority,
  CasePriorityEnum,
  type CaseStatus,
  CaseStatusEnum,
  type Channel,
  ChannelEnum,
  TIERS,
  type Tier,
  TierEnum,
} from './case-enums.js';
import { casePagePlan, caseReadPlan, replacesPrismaQuery } from './case-read-plan.js';

export const CaseRef = builder.prismaNode('Case', {
  id: { field: 'id' },
  fields: (t) => ({
    number: t.exposeInt('number'),
    displayNumber: t.string({
      description: 'Human-readable number, e.g. CASE-000123',
      select: { number: true },
      resolve: (row) => `CASE-${String(row.number).padStart(6, '0')}`,
    }),
    status: t.field({ type: CaseStatusEnum, resolve: (row) => row.status as CaseStatus }),
    priority: t.field({ type: CasePriorityEnum, resolve: (row) => row.priority as CasePriority }),
    tier: t.field({ type: TierEnum, resolve: (row) => row.tier as Tier }),
    channel: t.field({ type: ChannelEnum, nullable: true, resolve: (row) => row.channel as Channel | null }),
    subject: t.exposeString('subject'),
    description: t.exposeString('description', { nullable: true }),
    customerRef: t.exposeString('customerRef'),
    concern: t.exposeString('concern', { nullable: true }),
    externalCrmNumber: t.exposeString('externalCrmNumber', { nullable: true }),
    brand: t.exposeString('brand', { nullable: true }),
    signals: t.expose('signals', { type: 'JSON' }),
    triggers: t.exposeStringList('triggers', { description: 'Trigger codes of the last routing decision' }),
    policyVersion: t.exposeInt('policyVersion', {
      nullable: true,
      description: 'Policy version that last routed this case (X-3)',
    }),
    closeReason: t.exposeString('closeReason', { nullable: true }),
    closeSecondaryReason: t.exposeString('closeSecondaryReason', { nullable: true }),
    version: t.exposeInt('version', { description: 'Optimistic concurrency version; send it back with updates' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    team: t.relation('team', { nullable: true }),
    queue: t.relation('queue', { nullable: true }),
    assignee: t.relation('assignee', { nullable: true }),
    createdBy: t.relation('createdBy', { nullable: true }),
  }),
});

const CaseFilterInput = builder.inputType('CaseFilter', {
  fields: (t) => ({
    status: t.field({ type: [CaseStatusEnum] }),
    priority: t.field({ type: [CasePriorityEnum] }),
    tier: t.field({ type: [TierEnum] }),
    queue: t.string({ description: 'queue slug' }),
    assigneeId: t.id(),
    trigger: t.string({ description: 'trigger code fired by the last routing decision' }),
    customerRef: t.string(),
    breached: t.boolean({ description: 'only cases whose SLA due time has passed (true) or not (false)' }),
    dueBefore: t.field({ type: 'DateTime' }),
    search: t.string({
      description: 'text in the subject, the description or the customer reference (case-insensitive)',
    }),
  }),
});

const ZCaseFilter = z
  .object({
    status: z.array(z.enum(CASE_STATUSES)).max(20).nullish(),
    priority: z.array(z.enum(CASE_PRIORITIES)).max(20).nullish(),
    tier: z.array(z.enum(TIERS)).max(20).nullish(),
    queue: z.string().max(80).nullish(),
    assigneeId: z.string().max(200).nullish(),
    trigger: z.string().max(100).nullish(),
    customerRef: z.string().max(200).nullish(),
    breached: z.boolean().nullish(),
    dueBefore: z.date().nullish(),
    search: z.string().max(200).nullish(),
  })
  .nullish();

export function caseWhere(rawFilter: unknown, now: Date): Prisma.CaseWhereInput {
  const filter = parseInput(ZCaseFilter, rawFilter, 'filter');
  if (!filter) return {};
  const where: Prisma.CaseWhereInput = {};
  const and: Prisma.CaseWhereInput[] = [];
  if (filter.status?.length) where.status = { in: filter.status };
  if (filter.priority?.length) where.priority = { in: filter.priority };
  if (filter.tier?.length) where.tier = { in: filter.tier };
  if (filter.queue) where.queue = { slug: filter.queue };
  if (filter.assigneeId) where.assigneeId = filter.assigneeId;
  if (filter.trigger) where.triggers = { has: filter.trigger };
  if (filter.customerRef) where.customerRef = filter.customerRef;
  if (filter.search) where.OR = caseSearch(filter.search);
  if (filter.breached === true) and.push({ slaDueAt: { lt: now } }, { closedAt: null }, { slaPausedAt: null });
  if (filter.breached === false)
    and.push({ OR: [{ slaDueAt: null }, { slaDueAt: { gte: now } }, { slaPausedAt: { not: null } }] });
  if (filter.dueBefore) and.push({ slaDueAt: { lt: filter.dueBefore } });
  if (and.length) where.AND = and;
  return where;
}

/**
 * Prisma turns a cursor into `createdAt < c OR (createdAt = c AND id < i)`, which an index
 * cannot serve as one range: deep pages would scan from the start. Bounding createdAt by the
 * cursor row's value (≤ going forward, ≥ going back) lets the (tenantId, createdAt, id) index
 * start the scan at the cursor; Prisma's own condition still breaks ties on id.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function cursorBound(
  context: Context,
  query: { cursor?: { id?: string }; take?: number },
): Promise<Prisma.CaseWhereInput | 'not-found' | null> {
  const cursorId = query.cursor?.id;
  if (!cursorId) return null;
  const row = await context.db.case.findUnique({ where: { id: cursorId }, select: { createdAt: true } });
  // a cursor that is not a case of this organization pages nothing (Prisma would still place
  // the page after the other organization's case)
  if (!row) return 'not-found';
  const forward = (query.take ?? 1) > 0;
  return { createdAt: forward ? { lte: row.createdAt } : { gte: row.createdAt } };
}

builder.queryFields((t) => ({
  case: t.prismaField({
    type: 'Case',
    nullable: true,
    description: 'A case of your organization by id; null when there is none (or it belongs to another organization)',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context, info) => {
      // the id arrives decoded (edge/id-arguments.ts)
      const id = String(args.id);
      // one statement with only the asked columns when the selection allows (case-read-plan.ts)
      const plan = caseReadPlan(info);
      if (plan && replacesPrismaQuery(query)) return readCase(context, plan, id) as never;
      return context.db.case.findUnique({ ...query, where: { id } });
    },
  }),
  cases: t.prismaConnection({
    type: 'Case',
    cursor: 'id',
    defaultSize: 20,
    maxSize: 100,
    args: { filter: t.arg({ type: CaseFilterInput }) },
    description: 'Cases of your organization, newest first, with keyset pagination',
    resolve: async (query, _root, args, context, info) => {
      // first pages and `after` pages without a filter: one statement with only the asked
      // columns, and no extra row unless pageInfo.hasNextPage is asked (case-read-plan.ts)
      const take = query.take;
      const afterId = query.cursor?.id ?? null;
      if (
        !args.filter &&
        args.last == null &&
        args.before == null &&
        take > 0 &&
        (afterId === null || UUID.test(afterId))
      ) {
        const fast = casePagePlan(info);
        if (fast && replacesPrismaQuery(query)) {
          const limit = fast.needsNextPage ? take : take - 1;
          return (await readCasePage(context, fast.plan, { limit, afterId })) as never;
        }
      }
      const where = caseWhere(args.filter, context.now);
      const bound = await cursorBound(context, query);
      // a cursor naming no case of this organization starts an empty page
      if (bound === 'not-found') return [];
      return context.db.case.findMany({
        ...query,
        where: bound ? { AND: [where, bound] } : where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
    },
  }),
}));

const CreateCaseInput = builder.inputType('CreateCaseInput', {
  fields: (t) => ({
    subject: t.string({ required: true }),
    description: t.string(),
    customerRef: t.string({ required: true, description: "the customer's id in your systems" }),
    concern: t.string({ description: 'what the case is about; with customerRef it detects duplicates (SOL-2)' }),
    externalCrmNumber: t.string(),
    priority: t.field({ type: CasePriorityEnum }),
    channel: t.field({ type: ChannelEnum }),
    brand: t.string(),
    queue: t.string({ description: 'queue slug' }),
    signals: t.field({ type: 'JSON', description: 'structured signals (counts, flags, dates)' }),
    allowDuplicate: t.boolean({ description: 'create even if an open case for the same customer and concern exists' }),
    idempotencyKey: t.string({ description: 'repeat the request with the same key to get the first result (X-4)' }),
  }),
});

const CreateCasePayload = builder.objectRef<CreateCaseResult>('CreateCasePayload').implement({
  fields: (t) => ({
    created: t.exposeBoolean('created', {
      description: 'false when an existing open case for the same customer and concern was returned (SOL-2)',
    }),
    case: t.prismaField({
      type: 'Case',
      resolve: (query, payload, _args, context) =>
        context.db.case.findUniqueOrThrow({ ...query, where: { id: payload.caseId } }),
    }),
  }),
});

builder.mutationField('createCase', (t) =>
  t.field({
    type: CreateCasePayload,
    errors: {},
    args: { input: t.arg({ type: CreateCaseInput, required: true }) },
    resolve: async (_root, args, context) => createCase(context, parseInput(ZCreateCaseInput, args.input)),
  }),
);

interface CreatedItem {
  index: number;
  caseId: string;
  created: boolean;
  /** the case row, loaded for all items at once */
  row: Prisma.CaseGetPayload<Record<string, never>>;
}

const CreateCasesItem = builder.objectRef<CreatedItem>('CreateCasesItem').implement({
  description: 'One item of createCases that succeeded',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'position of the item in the input list' }),
    created: t.exposeBoolean('created', {
      description: 'false when an existing open case for the same customer and concern was returned (SOL-2)',
    }),
    case: t.field({ type: CaseRef, resolve: (item) => item.row }),
  }),
});

interface ItemError {
  itemError: true;
  code: AppError['code'];
  message: string;
  rule: string | null;
  fields: AppError['fields'];
  details: AppError['details'];
}

function itemError(error: AppError): ItemError {
  const { code, message, rule, fields, details } = error;
  return { itemError: true, code, message, rule, fields, details };
}

const CreateCasesResult = builder.unionType('CreateCasesResult', {
  description: "One item's outcome: the case, or the typed error that left this item unwritten",
  types: [CreateCasesItem, AppError],
  resolveType: (value) => ('itemError' in value ? 'AppError' : 'CreateCasesItem'),
});

const CreateCasesPayload = builder.objectRef<BulkCaseResult[]>('CreateCasesPayload').implement({
  fields: (t) => ({
    results: t.field({
      type: [CreateCasesResult],
      description: 'one result per input item, in input order',
      // an Error returned in a list would be raised by GraphQL: each item's error goes out as a
      // plain copy with the AppError type's fields
      resolve: async (results, _args, context) => {
        // one read for every item's case (500 single-row loads cost more than the insert)
        const ids = [...new Set(results.flatMap((result) => (result.ok ? [result.caseId] : [])))];
        const rows = ids.length > 0 ? await context.db.case.findMany({ where: { id: { in: ids } } }) : [];
        const byId = new Map(rows.map((row) => [row.id, row]));
        return results.map((result, index) => {
          const row = result.ok ? byId.get(result.caseId) : undefined;
          if (result.ok && row) return { index, caseId: result.caseId, created: result.created, row };
          return itemError(result.ok ? AppError.notFound('Case') : result.error) as unknown as AppError;
        });
      },
    }),
    createdCount: t.int({ resolve: (results) => results.filter((result) => result.ok && result.created).length }),
    failedCount: t.int({ resolve: (results) => results.filter((result) => !result.ok).length }),
  }),
});

builder.mutationField('createCases', (t) =>
  t.field({
    type: CreateCasesPayload,
    errors: {},
    description: `Creates up to ${MAX_BULK_CASES} cases. Items are independent: a bad item is an AppError in its place in \`results\`, writes nothing and does not stop the others. Each item's idempotencyKey works as in createCase; the rate limit counts items.`,
    args: { input: t.arg({ type: [CreateCaseInput], required: true }) },
    resolve: async (_root, args, context) => createCases(context, args.input),
  }),
);
