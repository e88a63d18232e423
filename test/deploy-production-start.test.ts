/**
 * Production refuses development defaults: `NODE_ENV=production` with the development
 * secrets exits at once naming every offending variable; configured properly, it seeds and
 * prints no demo keys, refuses the README's demo key, and serves no introspection, field
 * suggestions, GraphiQL or open /metrics.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveDemoApiKey } from '../packages/api/src/auth/api-keys.js';
import { DEVELOPMENT_API_KEY_PEPPER, DEVELOPMENT_DEMO_KEY_SECRET } from '../packages/api/src/config.js';
import { seedDatabase } from '../packages/api/src/seed/seed.js';
import { seedOrganizations } from '../packages/api/src/seed/seed-data.js';
import { seedThrowawayTenant } from '../packages/api/src/seed/seed-throwaway-tenant.js';
import { createTestKit, type TestKit } from '../packages/api/src/testing/test-kit.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PRODUCTION_PEPPER = 'production-pepper-4b1d0c9e7f2a';
const PRODUCTION_DEMO_SECRET = 'production-demo-secret-77c1e0';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

let kit: TestKit;
const children: ChildProcess[] = [];

beforeAll(async () => {
  kit = await createTestKit();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await kit?.close();
});

/** The environment of this test process without any Escalate setting, as on a fresh machine. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(ESCALATE_|DATABASE_URL|TEST_DATABASE_URL|NODE_ENV|PORT|HOST)/.test(name)) env[name] = value;
  }
  return env;
}

function run(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/api/src/main.ts'], {
    cwd: root,
    env: { ...cleanEnvironment(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

describe('a production start with development defaults exits', () => {
  it('without any secret: exits non-zero naming each missing variable, before touching a database', async () => {
    const started = run({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
    expect(await started.exited).not.toBe(0);
    const output = started.output();
    expect(output).toMatch(/Refusing to start in production/);
    expect(output).toMatch(/ESCALATE_API_KEY_PEPPER: required in production/);
    expect(output).toMatch(/ESCALATE_DEMO_KEY_SECRET: required in production/);
    expect(output).toMatch(/ESCALATE_METRICS_TOKEN:/);
    expect(output).not.toMatch(/\n\s+at /); // one message, no stack trace
  });

  it('with the development values and demo seeding asked for: names each of them', async () => {
    const started = run({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
      ESCALATE_API_KEY_PEPPER: DEVELOPMENT_API_KEY_PEPPER,
      ESCALATE_DEMO_KEY_SECRET: DEVELOPMENT_DEMO_KEY_SECRET,
      ESCALATE_SEED: 'true',
      ESCALATE_METRICS_TOKEN: METRICS_TOKEN,
    });
    expect(await started.exited).not.toBe(0);
    const output = started.output();
    expect(output).toMatch(/ESCALATE_API_KEY_PEPPER: still the development value/);
    expect(output).toMatch(/ESCALATE_DEMO_KEY_SECRET: still the development value/);
    expect(output).toMatch(/ESCALATE_SEED:/);
    expect(output).not.toMatch(/ESCALATE_METRICS_TOKEN/);
  });
});

describe('a correctly configured production start', () => {
  it('prints and accepts no demo key, serves no introspection, suggestions, GraphiQL or open /metrics', async () => {
    // the database a development install left behind: the README's demo organization and keys
    const tonal = seedOrganizations.find((organization) => organization.slug === 'tonal');
    if (!tonal) throw new Error('no tonal seed');
    await seedDatabase(kit.db, {
      demoKeySecret: DEVELOPMENT_DEMO_KEY_SECRET,
      pepper: DEVELOPMENT_API_KEY_PEPPER,
      organizations: [tonal],
    });
    const readmeKey = deriveDemoApiKey(DEVELOPMENT_DEMO_KEY_SECRET, 'tonal:agent', DEVELOPMENT_API_KEY_PEPPER).key;
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(readmeKey);
    // and an organization issued a key under the production pepper
    const real = await seedThrowawayTenant(kit.db, {
      template: 'care',
      pepper: PRODUCTION_PEPPER,
      secretPrefix: 'production-test',
    });
    const realKey = real.keys.admin as string;

    const started = run({
      NODE_ENV: 'production',
      DATABASE_URL: kit.databaseUrl,
      PORT: '0',
      ESCALATE_API_KEY_PEPPER: PRODUCTION_PEPPER,
      ESCALATE_DEMO_KEY_SECRET: PRODUCTION_DEMO_SECRET,
      ESCALATE_METRICS_TOKEN: METRICS_TOKEN,
      ESCALATE_RATE_LIMIT_STORE: 'memory',
      // the in-process delivery worker must not claim other test files' messages
      WORKER_TENANT_IDS: real.tenantId,
      LOG_LEVEL: 'warn',
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start:\n${started.output()}`)), 150_000);
      const check = () => {
        const match = /Escalate API: (http:\/\/\S+\/graphql)/.exec(started.output());
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        } else setTimeout(check, 100);
      };
      started.exited.then((code) => reject(new Error(`exited with ${code}:\n${started.output()}`)));
      check();
    });
    expect(started.output()).not.toMatch(/esk_/);
    expect(started.output()).not.toMatch(/GraphiQL/);

    const post = (key: string, query: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query }),
      });
    const demo = await post(readmeKey, '{ viewer { role } }');
    expect(demo.status).toBe(401);
    expect(((await demo.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'UNAUTHENTICATED',
    );

    const viewer = await post(realKey, '{ viewer { role } }');
    expect(viewer.status).toBe(200);
    expect(await viewer.json()).toMatchObject({ data: { viewer: { role: 'admin' } } });

    const introspection = (await (await post(realKey, '{ __schema { types { name } } }')).json()) as {
      data?: unknown;
      errors?: { message: string }[];
    };
    expect(introspection.data).toBeUndefined();
    expect(introspection.errors?.[0]?.message).toMatch(/Introspection is disabled/);
    const typeQuery = (await (await post(realKey, '{ __type(name: "Case") { name } }')).json()) as {
      errors?: { message: string }[];
    };
    expect(typeQuery.errors?.[0]?.message).toMatch(/Introspection is disabled/);

    const suggestion = (await (await post(realKey, '{ viewe { role } }')).json()) as { errors?: { message: string }[] };
    expect(suggestion.errors?.[0]?.message).toBeDefined();
    expect(suggestion.errors?.[0]?.message).not.toMatch(/Did you mean/);

    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    await page.body?.cancel();

    const metricsUrl = url.replace(/\/graphql$/, '/metrics');
    expect((await fetch(metricsUrl)).status).toBe(401);
    const scraped = await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('escalate_graphql_request_duration_seconds');

    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  }, 180_000);
});
