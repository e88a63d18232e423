/**
 * GraphiQL works offline: a real headless Chromium loads /graphql with every request that
 * leaves 127.0.0.1 aborted, GraphiQL's JavaScript, CSS and editor workers come from the API
 * itself, the prefilled Authorization header lets the schema load on first view, and a query
 * runs and shows its answer.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../packages/api/src/logger.js';
import { createServer } from '../packages/api/src/server.js';
import { createTestKit, TEST_PEPPER, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));
if (!CHROMIUM) {
  if (process.env.CI) throw new Error('CI must run the browser test: .ci/run installs Debian chromium');
  console.warn('SKIPPED: GraphiQL browser test needs Debian chromium (apt-get install -y chromium); not found here');
}

let kit: TestKit;
let tenant: TestTenant;
let http: Server;
let url: string;
let browser: BrowserContext;
let profile: string;

describe.skipIf(!CHROMIUM)('GraphiQL in a headless browser without the internet', () => {
  beforeAll(async () => {
    kit = await createTestKit();
    tenant = await kit.createTenant('tonal');
    const yoga = createServer({
      db: kit.db,
      apiKeyPepper: TEST_PEPPER,
      logger: createLogger('silent'),
      // what `pnpm start` does in development: a real demo key in the header
      graphiql: { authorization: `Bearer ${tenant.keys.agent}` },
    });
    http = createHttpServer(yoga);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
    profile = mkdtempSync(path.join(tmpdir(), 'escalate-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await new Promise<void>((resolve) => {
      if (!http) return resolve();
      http.close(() => resolve());
      http.closeAllConnections();
    });
    await kit?.close();
  });

  it('loads with every outside request blocked, fills the docs from the schema and runs a query', async () => {
    const blocked: string[] = [];
    await browser.route('**/*', (route) => {
      const target = new URL(route.request().url());
      if (target.protocol === 'http:' && target.hostname === '127.0.0.1') return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    const schemaLoaded = page.waitForResponse(
      (response) =>
        response.url().startsWith(url) &&
        response.request().method() === 'POST' &&
        (response.request().postData() ?? '').includes('__schema'),
      { timeout: 60_000 },
    );
    await page.goto(`${url}?query=${encodeURIComponent('query Me { viewer { role } }')}`, {
      waitUntil: 'load',
      timeout: 60_000,
    });
    const schema = await schemaLoaded;
    expect(schema.status()).toBe(200);
    expect(JSON.stringify(await schema.json())).toContain('"__schema"');

    // the docs panel lists the root types once the schema is in
    await page.locator('.graphiql-sidebar button[aria-label*="Documentation" i]').first().click();
    await expect
      .poll(async () => await page.locator('.graphiql-doc-explorer').textContent(), { timeout: 30_000 })
      .toMatch(/Query/);

    await page.locator('.graphiql-execute-button').first().click();
    await expect
      .poll(async () => await page.locator('.graphiql-response').textContent(), { timeout: 30_000 })
      .toMatch(/"role":\s*"agent"/);
    expect(pageErrors).toEqual([]);
    // whatever it tried to fetch from elsewhere was refused, and it did not need it
    for (const request of blocked) expect(request).not.toMatch(/\.(js|css)(\?|$)/);
  }, 180_000);
});
