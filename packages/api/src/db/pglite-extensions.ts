import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * Extensions every embedded database loads (PGlite needs them at creation; the migrations
 * then run CREATE EXTENSION as on PostgreSQL): pg_trgm serves case search.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };
