import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from './pglite-extensions.js';
import { PGliteWireServer } from './pglite-wire-server.js';

export interface EmbeddedDatabase {
  /** postgres:// URL of the socket server, for adapter-pg and the Prisma CLI */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** directory for the database files; omit for an in-memory database */
  dataDir?: string;
  port?: number;
  /** at least the pg pool size of every client that connects */
  maxConnections?: number;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Real PostgreSQL compiled to WASM (PGlite), served over the Postgres wire protocol on
 * 127.0.0.1 so the application uses the same adapter-pg path as with a PostgreSQL server.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> {
  let db: PGlite;
  if (options.dataDir) {
    const dataDir = path.resolve(options.dataDir);
    await mkdir(dataDir, { recursive: true });
    db = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
  } else {
    db = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  }
  const port = options.port || (await findFreePort());
  const server = new PGliteWireServer({ db, host: '127.0.0.1', port, maxConnections: options.maxConnections ?? 100 });
  await server.start();
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      // close() checkpoints and releases the data directory so a restart finds it intact
      await db.close();
    },
  };
}
