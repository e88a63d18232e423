/**
 * GraphQL over HTTP conformance: the graphql-http audit suite against the real server
 * (with authentication, CSRF prevention and query limits on). Every MUST item passes.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';

let kit: TestKit;
let tenant: TestTenant;

beforeAll(async () => {
  kit = await createTestKit();
  tenant = await kit.createTenant('care');
});

afterAll(async () => {
  await kit?.close();
});

function audits() {
  const key = tenant.keys.agent;
  return serverAudits({
    url: 'http://escalate.test/graphql',
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      request.headers.set('authorization', `Bearer ${key}`);
      return kit.fetch(request);
    },
  });
}

describe('graphql-http audit suite', () => {
  it('X-7 every MUST audit passes', async () => {
    const failures: string[] = [];
    let mustCount = 0;
    for (const audit of audits()) {
      if (!audit.name.startsWith('MUST')) continue;
      mustCount += 1;
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(mustCount).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });

  it('reports the SHOULD items (informational: GraphQL errors keep HTTP 200 for application/json)', async () => {
    const notes: string[] = [];
    for (const audit of audits()) {
      if (!audit.name.startsWith('SHOULD')) continue;
      const result = await audit.fn();
      if (result.status !== 'ok') notes.push(`${audit.name}: ${result.reason}`);
    }
    // no assertion on SHOULD items beyond the suite running; print what differs
    if (notes.length) console.info(`graphql-http SHOULD items not met:\n  ${notes.join('\n  ')}`);
    expect(Array.isArray(notes)).toBe(true);
  });
});
