/**
 * Property-based fuzzing of every mutation (found by introspection) with fast-check: random
 * valid and invalid inputs, every role. Properties: no 5xx, no unexpected error, a case's
 * version moves by at most one per call and never without a timeline event, and the
 * per-tenant numbering stays unique. Used by the CI test (few runs) and scripts/fuzz.ts.
 */
import fc from 'fast-check';
import {
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import type { PrismaClient } from '../packages/api/src/db/prisma-client.js';
import { caseInvariantViolations } from './hardening-fault-kit.js';
import { documentFor, idsIn, modelForId, type RootField, rootFields } from './hardening-schema-walk.js';
import { ROLE_KEYS } from './hardening-tenant-state.js';

export type FuzzExecute = (
  role: string,
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ status: number; data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;

export interface FuzzTarget {
  schema: GraphQLSchema;
  execute: FuzzExecute;
  db: PrismaClient;
  tenantId: string;
  /** ids of the tenant's rows by model: inputs refer to real rows of the right model most of the time */
  idsByModel: Map<string, string[]>;
  queueSlugs: string[];
}

function idArbitrary(leaf: string, rootName: string, target: FuzzTarget): fc.Arbitrary<unknown> {
  const all = [...target.idsByModel.values()].flat();
  const ofModel = target.idsByModel.get(modelForId(leaf, rootName)) ?? [];
  const choices: { weight: number; arbitrary: fc.Arbitrary<unknown> }[] = [
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  ];
  if (ofModel.length) choices.push({ weight: 10, arbitrary: fc.constantFrom(...ofModel) });
  if (all.length) choices.push({ weight: 2, arbitrary: fc.constantFrom(...all) });
  return fc.oneof(...choices);
}

function scalarArbitrary(name: string, leaf: string, rootName: string, target: FuzzTarget): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return idArbitrary(leaf, rootName, target);
    case 'String':
      return fc.oneof(
        { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            'member-1',
            'Billing dispute',
            'probe@example.com',
            ...target.queueSlugs,
            'I will call my lawyer if this is not fixed',
          ),
        },
        { weight: 1, arbitrary: fc.constantFrom('', '   ', 'x'.repeat(600), '\u0000', '💥'.repeat(30)) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
      );
    case 'Int':
      return /version/i.test(leaf)
        ? fc.integer({ min: 0, max: 4 })
        : fc.oneof(fc.integer({ min: -3, max: 120 }), fc.constantFrom(2147483647, -2147483648));
    case 'Float':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof(
        fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((date) => date.toISOString()),
        fc.constantFrom('not a date', '2026-02-30T00:00:00Z'),
      );
    case 'JSON':
      return fc.oneof(
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
        fc.jsonValue({ maxDepth: 2 }),
      );
    default:
      return fc.string({ maxLength: 20 });
  }
}

/** A value for an input type: mostly schema-valid (so resolvers run), sometimes not. */
export function inputArbitrary(
  type: GraphQLInputType,
  leaf: string,
  rootName: string,
  target: FuzzTarget,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = inputArbitrary(type.ofType, leaf, rootName, target, depth);
    return fc.oneof({ weight: 30, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
  }
  if (isListType(type))
    return fc.array(inputArbitrary(type.ofType, leaf, rootName, target, depth + 1), { maxLength: 3 });
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields()).filter((field) => field.name !== 'idempotencyKey');
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) {
      const value = inputArbitrary(field.type, field.name, rootName, target, depth + 1);
      model[field.name] = isNonNullType(field.type) ? value : fc.option(value, { nil: undefined, freq: 3 });
    }
    return fc
      .record(model)
      .map((value) => Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)));
  }
  if (isScalarType(type)) return scalarArbitrary(type.name, leaf, rootName, target);
  return fc.constant(null);
}

export interface FuzzCall {
  root: RootField;
  role: string;
  variables: Record<string, unknown>;
}

export function callArbitrary(target: FuzzTarget): fc.Arbitrary<FuzzCall> {
  const mutations = rootFields(target.schema).filter((root) => root.operation === 'mutation');
  return fc.constantFrom(...mutations).chain((root) => {
    const args: Record<string, fc.Arbitrary<unknown>> = {};
    for (const arg of root.field.args) args[arg.name] = inputArbitrary(arg.type, arg.name, root.name, target);
    return fc.record({
      root: fc.constant(root),
      // roles that may do most things come up more often, so more calls reach the work itself
      role: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('tier2', 'admin', 'lead', 'privacy') },
        { weight: 1, arbitrary: fc.constantFrom(...ROLE_KEYS) },
      ),
      variables: fc.record(args) as fc.Arbitrary<Record<string, unknown>>,
    });
  });
}

async function caseSnapshot(db: PrismaClient, tenantId: string, ids: string[]) {
  if (!ids.length) return new Map<string, { version: number; events: number }>();
  const rows = await db.$queryRaw<{ id: string; version: number; events: bigint }[]>`
    SELECT c."id"::text AS id, c."version",
      (SELECT count(*) FROM "TimelineEvent" e WHERE e."tenantId" = c."tenantId" AND e."caseId" = c."id") AS events
    FROM "Case" c WHERE c."tenantId" = ${tenantId}::uuid AND c."id"::text = ANY(${ids})`;
  return new Map(rows.map((row) => [row.id, { version: row.version, events: Number(row.events) }]));
}

function outcomeOf(response: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }, field: string) {
  const result = (response.data as Record<string, { __typename?: string; code?: string } | null> | null | undefined)?.[
    field
  ];
  if (result?.__typename === 'AppError') return `AppError ${result.code}`;
  if (result?.__typename) return 'payload';
  return `error ${String(response.errors?.[0]?.extensions?.code ?? 'GRAPHQL')}`;
}

/** Runs one call and returns what broke (empty when the properties hold). */
export async function checkCall(target: FuzzTarget, call: FuzzCall, outcomes?: Map<string, number>): Promise<string[]> {
  // only well-formed ids can name a row (and random text must not reach this query)
  const referenced = [...idsIn(call.variables)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const before = await caseSnapshot(target.db, target.tenantId, referenced);
  const response = await target.execute(call.role, documentFor(call.root), call.variables);
  const problems: string[] = [];
  const label = `${call.root.name} as ${call.role}`;
  const outcome = outcomeOf(response, call.root.name);
  outcomes?.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  if (response.status >= 500) problems.push(`${label}: HTTP ${response.status}`);
  for (const error of response.errors ?? []) {
    if (error.extensions?.code === 'INTERNAL_SERVER_ERROR')
      problems.push(`${label}: unexpected error (${error.message})`);
  }
  const after = await caseSnapshot(target.db, target.tenantId, referenced);
  for (const [id, was] of before) {
    const now = after.get(id);
    if (!now) continue;
    if (now.version < was.version || now.version > was.version + 1) {
      problems.push(`${label}: case version went ${was.version} → ${now.version}`);
    }
    if (now.version !== was.version && now.events <= was.events) {
      problems.push(`${label}: case changed (version ${now.version}) without a timeline event`);
    }
  }
  return problems;
}

/** Invariants over the whole tenant after a run. */
export async function tenantInvariantViolations(db: PrismaClient, tenantId: string): Promise<string[]> {
  const problems = await caseInvariantViolations(db, tenantId);
  const rows = await db.$queryRaw<{ problem: string; n: bigint }[]>`
    SELECT 'duplicate privacy request number' AS problem, count(*) AS n FROM (
      SELECT "number" FROM "PrivacyRequest" WHERE "tenantId" = ${tenantId}::uuid GROUP BY "number" HAVING count(*) > 1) d
    UNION ALL
    SELECT 'case version below 1', count(*) FROM "Case" WHERE "tenantId" = ${tenantId}::uuid AND "version" < 1
    UNION ALL
    SELECT 'case without timeline', count(*) FROM "Case" c WHERE c."tenantId" = ${tenantId}::uuid
      AND NOT EXISTS (SELECT 1 FROM "TimelineEvent" e WHERE e."tenantId" = c."tenantId" AND e."caseId" = c."id")`;
  return [...problems, ...rows.filter((row) => Number(row.n) > 0).map((row) => `${row.problem}: ${row.n}`)];
}

export async function runFuzz(
  target: FuzzTarget,
  options: { numRuns: number; seed?: number },
): Promise<{ failures: string[]; runs: number; seed: number; outcomes: Map<string, number> }> {
  const failures: string[] = [];
  const outcomes = new Map<string, number>();
  const seed = options.seed ?? Date.now() % 2_147_483_647;
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(callArbitrary(target), async (call) => {
      runs += 1;
      const problems = await checkCall(target, call, outcomes);
      if (problems.length)
        failures.push(...problems.map((problem) => `${problem} — ${JSON.stringify(call.variables).slice(0, 300)}`));
      return true;
    }),
    { numRuns: options.numRuns, seed, endOnFailure: true },
  );
  failures.push(...(await tenantInvariantViolations(target.db, target.tenantId)));
  return { failures: [...new Set(failures)], runs, seed, outcomes };
}
