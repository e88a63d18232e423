/**
 * Graceful shutdown: SIGTERM to a running server process while a request is in flight. The
 * request completes, the process stops taking new connections and exits with 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, TEST_PEPPER, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let kit: TestKit;
let tenant: TestTenant;
let child: ChildProcess | undefined;

beforeAll(async () => {
  kit = await createTestKit();
  tenant = await kit.createTenant('care');
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await kit?.close();
});

function startServer(): Promise<{ process: ChildProcess; url: string }> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'packages/api/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: kit.databaseUrl,
      PORT: '0',
      ESCALATE_SEED: 'false',
      ESCALATE_API_KEY_PEPPER: TEST_PEPPER,
      ESCALATE_RATE_LIMIT_STORE: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const match = /Escalate API: (http:\/\/\S+\/graphql)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ process: server, url: match[1] });
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('graceful shutdown', () => {
  it('X-9 SIGTERM lets the in-flight request finish, refuses new connections, exits 0', async () => {
    const started = await startServer();
    child = started.process;
    const exited = new Promise<number | null>((resolve) => child?.on('exit', (code) => resolve(code)));
    // hold the request's idempotency key (inserted, not committed) so the request waits inside
    // the server; the holder then rolls back and the request goes ahead
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holding = kit.db
      .$transaction(
        async (tx) => {
          await tx.$executeRaw`INSERT INTO "IdempotencyKey" ("tenantId", "key", "operation", "requestHash", "expiresAt")
            VALUES (${tenant.tenantId}::uuid, 'shutdown-hold', 'createCase', 'held', now() + interval '1 hour')`;
          await released;
          throw new Error('rolled back on purpose');
        },
        { timeout: 30_000 },
      )
      .catch(() => undefined);
    await sleep(200);
    const inFlight = fetch(started.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.keys.agent}` },
      body: JSON.stringify({
        query:
          'mutation { createCase(input: { subject: "During shutdown", customerRef: "m-1", idempotencyKey: "shutdown-hold" }) { __typename } }',
      }),
    });
    await sleep(700);
    child.kill('SIGTERM');
    await sleep(500);
    expect(child.exitCode).toBeNull(); // still draining
    await expect(fetch(started.url.replace('/graphql', '/healthz'))).rejects.toThrow();
    release();
    await holding;
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { createCase: { __typename: 'CreateCasePayload' } } });
    expect(await exited).toBe(0);
    expect(await kit.db.case.count({ where: { tenantId: tenant.tenantId, subject: 'During shutdown' } })).toBe(1);
  });
});
