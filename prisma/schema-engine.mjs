#!/usr/bin/env node
// Stand-in for Prisma's native schema-engine binary (see PRISMA_SCHEMA_ENGINE_BINARY in
// prisma.config.ts). The Prisma CLI starts this script exactly like the native engine:
//
//   schema-engine --version                                  → prints `schema-engine-cli <hash>`
//   schema-engine --datasource '{"url":…}' cli <command>     → one-shot database commands
//   schema-engine --datamodels <file>… --datasource '{…}'    → JSON-RPC, one message per line
//
// Every JSON-RPC request is forwarded to the same engine compiled to WebAssembly, which reaches
// PostgreSQL through Prisma's driver adapter for `pg` (works for PostgreSQL and for PGlite
// served by pglite-socket). Requests run one at a time, in arrival order.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import * as engineGlue from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const datamodelPaths = args.flatMap((arg, i) => (arg === '--datamodels' ? [args[i + 1]] : []));
const datasourceArg = args[args.indexOf('--datasource') + 1];
const datasource = args.includes('--datasource') && datasourceArg ? JSON.parse(datasourceArg) : {};
const databaseUrl = datasource.url ?? process.env.DATABASE_URL;
const shadowDatabaseUrl = datasource.shadowDatabaseUrl ?? process.env.SHADOW_DATABASE_URL;

// ---------------------------------------------------------------------------------------------
// Loading the WebAssembly engine
// ---------------------------------------------------------------------------------------------

// The Prisma CLI package ships the build of the engine that matches its own version; the
// @prisma/schema-engine-wasm package provides the JavaScript glue (same ABI) and a fallback build.
function engineWasmCandidates() {
  const cliBuild = path.join(path.dirname(require.resolve('prisma/package.json')), 'build');
  const packageDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  return [path.join(cliBuild, 'schema_engine_bg.wasm'), path.join(packageDir, 'schema_engine_bg.wasm')];
}

// The engine reports the reason of a Rust panic here before it traps.
const panicRegistry = {
  message: '',
  set_message(message) {
    this.message = message;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

let loadedEngineGlue;
function loadEngineGlue() {
  if (loadedEngineGlue) return loadedEngineGlue;
  const failures = [];
  for (const file of engineWasmCandidates().filter((candidate) => fs.existsSync(candidate))) {
    try {
      const module = new WebAssembly.Module(fs.readFileSync(file));
      const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': engineGlue });
      engineGlue.__wbg_set_wasm(instance.exports);
      instance.exports.__wbindgen_start();
      loadedEngineGlue = engineGlue;
      return engineGlue;
    } catch (error) {
      failures.push(`${file}: ${error.message}`);
    }
  }
  throw new Error(`No usable schema engine WebAssembly build:\n${failures.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// Database access through adapter-pg
// ---------------------------------------------------------------------------------------------

// pg connection settings from a URL, host and port as separate fields.
function connectionConfig(url, database) {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get('sslmode');
  return {
    host: decodeURIComponent(parsed.hostname),
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: database ?? (decodeURIComponent(parsed.pathname.slice(1)) || 'postgres'),
    ssl:
      sslmode === 'require' || sslmode === 'verify-full'
        ? { rejectUnauthorized: sslmode === 'verify-full' }
        : undefined,
    max: 4,
  };
}

function adapterOptions(url) {
  const schema = new URL(url).searchParams.get('schema');
  return schema ? { schema } : undefined;
}

// PostgreSQL 18 (PGlite 0.5) lists NOT NULL constraints in pg_constraint with contype 'n'. The
// engine's constraint query only excludes 'p', 'u' and 'f' and cannot read the 'n' rows, so
// they are excluded too.
function rewriteIntrospectionSql(sql) {
  return sql.replace("contype NOT IN ('p', 'u', 'f')", "contype NOT IN ('p', 'u', 'f', 'n')");
}

// Postgres' one-byte `"char"` type (OID 18, e.g. pg_constraint.contype) has no mapping in
// adapter-pg, which rejects such columns; the engine reads them as characters.
const CHAR_OID = 18;
const TEXT_OID = 25;

// Applies both fixes to an adapter or a transaction (anything with queryRaw and performIO).
function withIntrospectionFixes(queryable) {
  const charColumnsByQuery = new WeakMap();
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const charColumns = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID; // the value is already a one-character string
      charColumns.push(index);
    });
    if (charColumns.length > 0) charColumnsByQuery.set(query, charColumns);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const rewritten = { ...query, sql: rewriteIntrospectionSql(query.sql) };
    const result = await queryRaw(rewritten);
    for (const index of charColumnsByQuery.get(rewritten) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

// An adapter with the fixes above. adapter-pg splits scripts on every ';', which breaks function
// bodies in migrations; a script goes to the server whole instead (simple query protocol).
async function connectAdapter(url, database) {
  const adapter = await new PrismaPg(connectionConfig(url, database), adapterOptions(url)).connect();
  withIntrospectionFixes(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => withIntrospectionFixes(await startTransaction(isolationLevel));
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

// A short-lived plain connection, for statements that cannot run inside the engine's session.
async function withClient(url, database, work) {
  const client = new pg.Client(connectionConfig(url, database));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoteIdentifier = (name) => `"${name.replaceAll('"', '""')}"`;

// The shadow database for `migrate dev`. With SHADOW_DATABASE_URL (needed for PGlite, which has
// one database per server) that database is wiped and reused; otherwise a temporary database is
// created next to the main one and dropped afterwards.
async function connectShadowAdapter() {
  if (shadowDatabaseUrl) {
    const adapter = await connectAdapter(shadowDatabaseUrl);
    await adapter.executeScript('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    return adapter;
  }
  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  await withClient(databaseUrl, 'postgres', (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  const adapter = await connectAdapter(databaseUrl, name);
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose(); // ends the pool, so that nothing holds the database open
    await withClient(databaseUrl, 'postgres', (client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
    );
  };
  return adapter;
}

const adapterFactory = bindMigrationAwareSqlAdapterFactory({
  provider: 'postgres',
  adapterName: '@prisma/adapter-pg',
  connect: () => connectAdapter(databaseUrl),
  connectToShadowDb: connectShadowAdapter,
});

async function createDatabase(url) {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  await withClient(url, 'postgres', (client) => client.query(`CREATE DATABASE ${quoteIdentifier(database)}`));
  return database;
}

// ---------------------------------------------------------------------------------------------
// One-shot commands: `cli can-connect-to-database`, `cli create-database`
// ---------------------------------------------------------------------------------------------

// The CLI reads stderr lines after the first as JSON logs and looks for an ERROR with a code.
function connectionErrorLog(error, url) {
  const { hostname, port, pathname } = new URL(url);
  const where = `${hostname}:${port || 5432}`;
  const fields =
    error.code === '3D000'
      ? {
          error_code: 'P1003',
          message: `Database \`${pathname.slice(1)}\` does not exist on the database server at \`${where}\``,
        }
      : error.code === '28P01'
        ? { error_code: 'P1000', message: `Authentication failed against database server at \`${where}\`` }
        : { error_code: 'P1001', message: `Can't reach database server at \`${where}\`: ${error.message}` };
  return JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields });
}

async function runOneShot(command) {
  if (!databaseUrl) throw new Error('No database URL given (--datasource or DATABASE_URL)');
  try {
    switch (command) {
      case 'can-connect-to-database':
        await withClient(databaseUrl, undefined, (client) => client.query('SELECT 1'));
        return 'Connection successful';
      case 'create-database':
        return `Database '${await createDatabase(databaseUrl)}' was successfully created.`;
      default:
        throw new Error(`Unknown command: cli ${command}`);
    }
  } catch (error) {
    process.stderr.write(`schema-engine: cli ${command} failed\n${connectionErrorLog(error, databaseUrl)}`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC
// ---------------------------------------------------------------------------------------------

let enginePromise;
function engine() {
  // `datamodels` must be undefined or non-empty (commands like `migrate diff` pass no schema).
  const datamodels = datamodelPaths.map((file) => [file, fs.readFileSync(file, 'utf8')]);
  enginePromise ??= loadEngineGlue().SchemaEngine.new(
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    (log) => process.stderr.write(`${log}\n`),
    adapterFactory,
  );
  return enginePromise;
}

const sendToCli = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
let nextPrintId = 1;

async function callEngine(method, params) {
  switch (method) {
    case 'getDatabaseVersion':
      return (await engine()).version(params ?? null);
    case 'diff': {
      // The native engine prints the diff through a `print` request to the CLI, not in the result.
      const result = await (await engine()).diff(params);
      if (result.stdout)
        sendToCli({ jsonrpc: '2.0', id: nextPrintId++, method: 'print', params: { content: result.stdout } });
      return { ...result, stdout: null };
    }
    case 'createDatabase': {
      const url = params?.datasource?.tag === 'ConnectionString' ? params.datasource.url : databaseUrl;
      return { databaseName: await createDatabase(url) };
    }
    default: {
      const instance = await engine();
      if (typeof instance[method] !== 'function' || method === 'free') {
        throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
      }
      return instance[method](params);
    }
  }
}

// Shapes an error the way the native engine does, so the CLI shows codes and panics properly.
function rpcError(error) {
  if (error.rpcCode) return { code: error.rpcCode, message: error.message };
  if (error instanceof WebAssembly.RuntimeError) {
    const message = panicRegistry.message || error.message;
    return { code: 4466, message, data: { is_panic: true, message, error: { message } } };
  }
  // User-facing engine errors carry a Prisma error code (P3…); connector errors only a message.
  const message = String(error.message ?? error);
  const data = { is_panic: false, message, meta: error.meta ?? null };
  if (typeof error.code === 'string') data.error_code = error.code;
  return { code: 4466, message, data };
}

function serveJsonRpc() {
  let queue = Promise.resolve();
  let inFlightId = null;
  const send = sendToCli;
  // A Rust panic can surface outside the awaited call (the WebAssembly trap is thrown from a
  // callback): answer the pending request as a panic and exit with the native engine's code.
  const onPanic = (error) => {
    const panic =
      error instanceof WebAssembly.RuntimeError ? error : new WebAssembly.RuntimeError(String(error?.stack ?? error));
    if (inFlightId !== null) send({ jsonrpc: '2.0', id: inFlightId, error: rpcError(panic) });
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(101);
  };
  process.on('uncaughtException', onPanic);
  process.on('unhandledRejection', onPanic);
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const request = JSON.parse(line);
    if (request.method === undefined) return; // the CLI's answer to a `print` request
    queue = queue.then(async () => {
      inFlightId = request.id;
      try {
        send({ jsonrpc: '2.0', id: request.id, result: (await callEngine(request.method, request.params)) ?? null });
      } catch (error) {
        send({ jsonrpc: '2.0', id: request.id, error: rpcError(error) });
      }
      inFlightId = null;
    });
  });
  lines.on('close', () => queue.then(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------

if (args.includes('--version') || args.includes('-V')) {
  console.log(`schema-engine-cli ${loadEngineGlue().version()}`);
} else if (args.includes('cli')) {
  console.log(await runOneShot(args[args.indexOf('cli') + 1]));
} else {
  serveJsonRpc();
}
