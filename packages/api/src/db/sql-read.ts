import { createHash } from 'node:crypto';
import { type PrismaClient, sqlAccessOf } from './prisma-client.js';

/** Statement texts that got a name; beyond this many, further texts run unnamed (bounded per connection). */
const MAX_NAMED = 200;
const names = new Map<string, string>();

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMED) {
    name = `escalate_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs one read-only statement that returns a single text column (JSON built in PostgreSQL)
 * on the client's own pool, bypassing Prisma's result mapping; null when it returns no row.
 * On PostgreSQL the statement is prepared once per connection under a name derived from its
 * text. Texts are built from fixed fragments only; every value is a parameter. Reported to
 * the client's query log like Prisma's own statements.
 */
export async function readJsonText(client: PrismaClient, text: string, values: unknown[]): Promise<string | null> {
  const access = sqlAccessOf(client);
  if (!access) throw new Error('readJsonText: the client was not created by createDatabaseClient');
  const started = access.onQuery ? performance.now() : 0;
  const name = access.namedStatements ? statementName(text) : undefined;
  const result = await access.pool.query<{ json: string | null }>({
    text,
    values,
    ...(name ? { name } : {}),
  });
  access.onQuery?.({ query: text, durationMs: performance.now() - started });
  return result.rows[0]?.json ?? null;
}
