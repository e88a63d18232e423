/**
 * The PostGraphile 4 peer of the read benchmark: `postgraphile` over the same database, behind
 * node:http, with the production options its documentation lists (no query log, no GraphiQL,
 * no batching, dynamic JSON, no watch). No authentication, no tenant scoping, no limits, no
 * logs: it does less per request than Escalate. Reports its port over IPC.
 *
 *   tsx bench/peer/postgraphile-server.ts   (DATABASE_URL in the environment)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postgraphile } from 'postgraphile';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('usage: DATABASE_URL=… tsx bench/peer/postgraphile-server.ts');

const middleware = postgraphile(url, 'public', {
  graphiql: false,
  enableQueryBatching: false,
  disableQueryLog: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  legacyRelations: 'omit',
  watchPg: false,
  retryOnInitFail: false,
  extendedErrors: ['errcode'],
});

const server = createServer(middleware);
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
