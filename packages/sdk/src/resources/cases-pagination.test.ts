import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SdkTestEnv, startSdkTestEnv } from '../testing/sdk-test-env.js';

const CASES = 260;
let env: SdkTestEnv;
const customerRef = `paging-${Date.now()}`;

beforeAll(async () => {
  env = await startSdkTestEnv('care');
  const client = env.client('tier2');
  const numbers = Array.from({ length: CASES }, (_, index) => index);
  // a few requests in flight at once, like an integration would
  for (let start = 0; start < CASES; start += 10) {
    await Promise.all(
      numbers.slice(start, start + 10).map((index) =>
        client.cases.create({
          subject: `Paging ${index}`,
          customerRef,
          concern: `concern ${index}`,
          priority: index % 2 ? 'HIGH' : 'LOW',
        }),
      ),
    );
  }
}, 120_000);

afterAll(async () => {
  await env?.close();
});

describe('pagination', () => {
  it('for await iterates every case across pages, newest first, each once', async () => {
    const client = env.client('tier2');
    const seen: string[] = [];
    const createdAt: string[] = [];
    for await (const item of client.cases.list({ filter: { customerRef }, pageSize: 50 })) {
      seen.push(item.id);
      createdAt.push(item.createdAt);
    }
    expect(seen).toHaveLength(CASES);
    expect(new Set(seen).size).toBe(CASES);
    expect([...createdAt].sort().reverse()).toEqual(createdAt);
    const rows = await env.kit.db.case.count({ where: { tenantId: env.tenant.tenantId, customerRef } });
    expect(rows).toBe(CASES);
  });

  it('pages() yields whole pages; limit stops early; filters reach the server', async () => {
    const client = env.client('tier2');
    const sizes: number[] = [];
    for await (const page of client.cases.list({ filter: { customerRef }, pageSize: 100 }).pages())
      sizes.push(page.nodes.length);
    expect(sizes).toEqual([100, 100, 60]);
    expect(await client.cases.list({ filter: { customerRef }, limit: 7 }).toArray()).toHaveLength(7);
    const high = await client.cases.list({ filter: { customerRef, priority: ['HIGH'] } }).toArray();
    expect(high).toHaveLength(CASES / 2);
    expect(high.every((item) => item.priority === 'HIGH')).toBe(true);
  });

  it('listPage gives one page with pageInfo; its endCursor continues where it stopped', async () => {
    const client = env.client('tier2');
    const first = await client.cases.listPage({ filter: { customerRef }, first: 30 });
    expect(first.nodes).toHaveLength(30);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await client.cases.listPage({ filter: { customerRef }, first: 30, after: first.pageInfo.endCursor });
    expect(second.nodes).toHaveLength(30);
    expect(second.nodes.map((node) => node.id)).not.toContain(first.nodes[0]?.id);
    const all = await client.cases.list({ filter: { customerRef } }).toArray();
    expect(all.slice(30, 60).map((node) => node.id)).toEqual(second.nodes.map((node) => node.id));
  });
});
