import type { Context } from '../../context.js';
import { readJsonText } from '../../db/sql-read.js';

/**
 * Case reads in one statement: only the columns a request asks for, its team, queue,
 * assignee and creator joined on the composite (tenantId, id) keys, the rows built as JSON in
 * PostgreSQL. The tenant always comes from the authenticated viewer and every value is a
 * parameter; column names come from the fixed lists below, never from the caller.
 *
 * Rows come back shaped like Prisma's (same keys; a missing relation is null) except that
 * instants are ISO-8601 strings, which the DateTime scalar serializes to the same text.
 */

export const CASE_COLUMNS = [
  'id',
  'number',
  'status',
  'priority',
  'tier',
  'channel',
  'subject',
  'description',
  'customerRef',
  'concern',
  'externalCrmNumber',
  'brand',
  'signals',
  'triggers',
  'policyVersion',
  'closeReason',
  'closeSecondaryReason',
  'version',
  'createdAt',
  'updatedAt',
  'closedAt',
] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];

export const TEAM_COLUMNS = ['id', 'slug', 'name'] as const;
export const QUEUE_COLUMNS = ['id', 'slug', 'name'] as const;
export const USER_COLUMNS = [
  'id',
  'name',
  'email',
  'role',
  'skills',
  'availability',
  'outOfOffice',
  'capacity',
] as const;

/** Each relation: its table, its alias and the foreign key column of Case. */
export const CASE_RELATIONS = {
  team: { table: 'Team', alias: 'rt', key: 'teamId', columns: TEAM_COLUMNS },
  queue: { table: 'Queue', alias: 'rq', key: 'queueId', columns: QUEUE_COLUMNS },
  assignee: { table: 'User', alias: 'ra', key: 'assigneeId', columns: USER_COLUMNS },
  createdBy: { table: 'User', alias: 'rc', key: 'createdById', columns: USER_COLUMNS },
} as const;
export type CaseRelation = keyof typeof CASE_RELATIONS;

/** What one read loads: Case columns and, per relation, its columns. */
export interface CaseReadPlan {
  columns: ReadonlySet<CaseColumn>;
  relations: Partial<Record<CaseRelation, ReadonlySet<string>>>;
}

function jsonObject(alias: string, columns: Iterable<string>): string {
  const pairs: string[] = [];
  for (const column of columns) pairs.push(`'${column}', ${alias}."${column}"`);
  return `json_build_object(${pairs.join(', ')})`;
}

/** `json_build_object(...)` of one case row and its relations, and the joins it needs. */
function rowSql(plan: CaseReadPlan): { row: string; joins: string } {
  const pairs: string[] = [];
  const joins: string[] = [];
  // the id is always loaded: node ids and cursors are made from it
  const columns = new Set<string>(['id', ...plan.columns]);
  for (const column of CASE_COLUMNS) if (columns.has(column)) pairs.push(`'${column}', c."${column}"`);
  for (const name of Object.keys(CASE_RELATIONS) as CaseRelation[]) {
    const selected = plan.relations[name];
    if (!selected) continue;
    const relation = CASE_RELATIONS[name];
    const wanted = new Set<string>(['id', ...selected]);
    const relationColumns = relation.columns.filter((column) => wanted.has(column));
    pairs.push(
      `'${name}', CASE WHEN ${relation.alias}."id" IS NULL THEN NULL ELSE ${jsonObject(relation.alias, relationColumns)} END`,
    );
    joins.push(
      `LEFT JOIN "${relation.table}" ${relation.alias} ON ${relation.alias}."tenantId" = c."tenantId" AND ${relation.alias}."id" = c."${relation.key}"`,
    );
  }
  return { row: `json_build_object(${pairs.join(', ')})`, joins: joins.join(' ') };
}

const texts = new Map<string, string>();

/** Statement texts are cached by plan, so a repeated shape builds no strings. */
function cachedText(key: string, build: () => string): string {
  let text = texts.get(key);
  if (text === undefined) {
    text = build();
    if (texts.size < 1_000) texts.set(key, text);
  }
  return text;
}

function planKey(plan: CaseReadPlan): string {
  let key = [...plan.columns].sort().join(',');
  for (const name of Object.keys(CASE_RELATIONS) as CaseRelation[]) {
    const selected = plan.relations[name];
    if (selected) key += `|${name}:${[...selected].sort().join(',')}`;
  }
  return key;
}

/** One case of the viewer's organization by id, or null. */
export async function readCase(
  context: Context,
  plan: CaseReadPlan,
  id: string,
): Promise<Record<string, unknown> | null> {
  const text = cachedText(`one|${planKey(plan)}`, () => {
    const { row, joins } = rowSql(plan);
    return `SELECT ${row}::text AS "json" FROM "Case" c ${joins} WHERE c."tenantId" = $1::uuid AND c."id" = $2::uuid`;
  });
  const json = await readJsonText(context.rootDb, text, [context.viewer.tenantId, id]);
  return json === null ? null : (JSON.parse(json) as Record<string, unknown>);
}

/**
 * A page of the viewer's cases, newest first (createdAt, then id, both descending): at most
 * `limit` rows after the case `afterId` (none when that case is not the viewer's).
 */
export async function readCasePage(
  context: Context,
  plan: CaseReadPlan,
  page: { limit: number; afterId: string | null },
): Promise<Record<string, unknown>[]> {
  const after = page.afterId !== null;
  const text = cachedText(`page|${after}|${planKey(plan)}`, () => {
    const { row, joins } = rowSql(plan);
    // the cursor row bounds createdAt too, so the (tenantId, createdAt, id) index starts at it
    const cursor = after
      ? `JOIN "Case" k ON k."tenantId" = $1::uuid AND k."id" = $3::uuid WHERE c."tenantId" = $1::uuid AND c."createdAt" <= k."createdAt" AND (c."createdAt", c."id") < (k."createdAt", k."id")`
      : 'WHERE c."tenantId" = $1::uuid';
    return `SELECT coalesce(json_agg(page.row ORDER BY page."createdAt" DESC, page."id" DESC), '[]')::text AS "json" FROM (SELECT ${row} AS row, c."createdAt", c."id" FROM "Case" c ${joins} ${cursor} ORDER BY c."createdAt" DESC, c."id" DESC LIMIT $2) page`;
  });
  const values: unknown[] = [context.viewer.tenantId, page.limit];
  if (after) values.push(page.afterId);
  const json = await readJsonText(context.rootDb, text, values);
  return json === null ? [] : (JSON.parse(json) as Record<string, unknown>[]);
}
