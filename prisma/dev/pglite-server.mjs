#!/usr/bin/env node
// Serves an in-memory PGlite (PostgreSQL compiled to WASM) over the Postgres wire protocol,
// for running the Prisma CLI against it during development.
//
//   node prisma/dev/pglite-server.mjs [port] [dataDir]
//
// Without dataDir the database lives in memory and is gone when the process ends. PGlite has
// a single database per instance, so `prisma migrate dev` needs a second server as its
// SHADOW_DATABASE_URL. Prints the connection URL once listening.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const port = Number(process.argv[2] ?? 55432);
const dataDir = process.argv[3];

// pg_trgm: the case search indexes need it (see the case_search_trigram migration)
const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
// The Prisma schema engine holds a small pool of connections; all share the one PGlite session.
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 16 });
await server.start();
console.log(`postgresql://postgres:postgres@127.0.0.1:${port}/postgres`);

const stop = async () => {
  await server.stop();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
