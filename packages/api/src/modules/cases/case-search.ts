import type { Prisma } from '../../db/prisma-client.js';

/**
 * Case search: the text anywhere in the subject, the description or the customer reference,
 * case-insensitive. Prisma sends ILIKE '%text%' for each column, which the trigram GIN indexes
 * of migration `case_search_trigram` serve (a bitmap OR of three index scans) on PostgreSQL and
 * on PGlite alike; LIKE wildcards in the text are matched literally.
 */
export function caseSearch(text: string): Prisma.CaseWhereInput[] {
  const contains = { contains: text, mode: 'insensitive' as const };
  return [{ subject: contains }, { description: contains }, { customerRef: contains }];
}
