import pg from 'pg';

export type RunSql = (sql: string, params?: unknown[]) => Promise<void>;

/**
 * One plain connection to a database, for tests that build one by hand (a script of several
 * statements runs as one simple query, as psql would).
 */
export async function withSqlConnection<T>(url: string, work: (run: RunSql) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(async (sql, params) => {
      await client.query(sql, params);
    });
  } finally {
    await client.end();
  }
}
