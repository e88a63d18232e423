import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './embedded-database.js';

let database: EmbeddedDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await startEmbeddedDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 8 });
  await pool.query('CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)');
  await pool.query('INSERT INTO counter VALUES (1, 0)');
});

afterAll(async () => {
  await pool.end();
  await database.stop();
});

describe('PGlite wire server', () => {
  it('keeps concurrent extended-protocol queries from different connections apart', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        pool.query<{ echoed: string; doubled: number }>('SELECT $1::text AS echoed, $2::int * 2 AS doubled', [
          `value-${index}`,
          index,
        ]),
      ),
    );
    results.forEach((result, index) => {
      expect(result.rows[0]).toEqual({ echoed: `value-${index}`, doubled: index * 2 });
    });
  });

  it('runs each transaction without other connections interleaving (no lost update)', async () => {
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query<{ value: number }>('SELECT value FROM counter WHERE id = $1', [1]);
          await new Promise((resolve) => setTimeout(resolve, 1));
          await client.query('UPDATE counter SET value = $1 WHERE id = 1', [(rows[0]?.value ?? 0) + 1]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query<{ value: number }>('SELECT value FROM counter WHERE id = 1');
    expect(rows[0]?.value).toBe(40);
  });

  it('keeps serving after a failing query and after a client drops mid-transaction', async () => {
    await expect(pool.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('UPDATE counter SET value = -1 WHERE id = 1');
    await client.end();
    const { rows } = await pool.query<{ value: number }>('SELECT value FROM counter WHERE id = $1', [1]);
    expect(rows[0]?.value).not.toBe(-1);
  });
});
