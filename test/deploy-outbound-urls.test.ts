/**
 * Outbound requests can't reach inside: webhook URLs that name or resolve to internal
 * addresses are refused at registration and update, the resolved address is checked again
 * at connect time (DNS rebinding), redirects are not followed, and stored errors name what
 * failed without the internal address. Names resolve through an injected resolver; the only
 * connections opened go to loopback receivers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../packages/api/src/logger.js';
import { DeliveryWorker } from '../packages/api/src/modules/delivery/delivery-worker.js';
import { startWebhookReceiver, type WebhookReceiver } from '../packages/api/src/modules/delivery/testing-receivers.js';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, createCase, rowId } from './work-support.js';

/** What the injected resolver answers; tests change it to rebind a name. */
const dns = new Map<string, string[]>([
  ['public.example.test', ['93.184.216.34']],
  ['loopback.example.test', ['127.0.0.1']],
  ['mixed.example.test', ['93.184.216.34', '10.0.0.7']],
  ['metadata.example.test', ['169.254.169.254']],
  ['rebind.example.test', ['93.184.216.34']],
]);
const resolve = async (hostname: string) => {
  const addresses = dns.get(hostname);
  if (!addresses) throw Object.assign(new Error(`not found: ${hostname}`), { code: 'ENOTFOUND' });
  return addresses;
};

let strict: TestKit;
let onPremise: TestKit;
let receiver: WebhookReceiver;

beforeAll(async () => {
  // the default rule: no allowlist
  strict = await createTestKit({ outbound: { resolve } });
  // an on-premise installation that allowlists its internal receivers
  onPremise = await createTestKit({ outbound: { resolve, allow: ['127.0.0.1', '10.0.0.0/8', 'hooks.corp.test'] } });
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver.close();
  await strict.close();
  await onPremise.close();
});

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename ... on CreateWebhookEndpointPayload { endpoint { id url } } ${APP_ERROR}
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      __typename ${APP_ERROR}
    }
  }
`;

interface CreateResult {
  createWebhookEndpoint: {
    __typename: string;
    endpoint?: { id: string; url: string };
    code?: string;
    message?: string;
    fields?: { path: string; message: string }[];
  };
}

async function register(tenant: TestTenant, url: string) {
  const result = await tenant.as('admin')<CreateResult>(CREATE, {
    input: { url, channels: ['DIRECT_MESSAGE'], secret: 'secret-0123456789abcdef' },
  });
  return result.data?.createWebhookEndpoint;
}

const FORBIDDEN: [string, string, RegExp][] = [
  ['loopback IPv4', 'http://127.0.0.1:4109/hook', /loopback/],
  ['loopback, another address of 127/8', 'http://127.1.2.3/hook', /loopback/],
  ['loopback written as a number', 'http://2130706433/hook', /loopback/],
  ['localhost', 'http://localhost:4109/hook', /loopback/],
  ['a subdomain of localhost', 'http://api.localhost/hook', /loopback/],
  ['loopback IPv6', 'http://[::1]:4109/hook', /loopback/],
  ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/hook', /loopback/],
  ['unspecified IPv4', 'http://0.0.0.0:4109/hook', /unspecified/],
  ['unspecified IPv6', 'http://[::]/hook', /unspecified/],
  ['private 10/8', 'http://10.1.2.3/hook', /private/],
  ['private 172.16/12', 'https://172.16.5.4/hook', /private/],
  ['private 192.168/16', 'http://192.168.1.1/hook', /private/],
  ['link-local IPv4', 'http://169.254.10.1/hook', /link-local/],
  ['link-local IPv6', 'http://[fe80::1]/hook', /link-local/],
  ['unique-local IPv6', 'http://[fc00::1]/hook', /unique-local/],
  ['multicast IPv4', 'http://224.0.0.1/hook', /multicast/],
  ['multicast IPv6', 'http://[ff02::1]/hook', /multicast/],
  ['cloud metadata (AWS, GCP, Azure)', 'http://169.254.169.254/latest/meta-data/', /cloud metadata/],
  ['cloud metadata (AWS IPv6)', 'http://[fd00:ec2::254]/latest/meta-data/', /cloud metadata/],
  ['cloud metadata by name', 'http://metadata.google.internal/computeMetadata/v1/', /cloud metadata/],
  ['a name resolving to loopback', 'http://loopback.example.test/hook', /resolve to a loopback/],
  ['a name with one private address among public ones', 'http://mixed.example.test/hook', /resolve to a private/],
  ['a name resolving to the metadata address', 'http://metadata.example.test/hook', /resolve to a cloud metadata/],
  ['a name that does not resolve', 'http://nowhere.example.test/hook', /does not resolve/],
];

describe('webhook URLs are refused when they name or resolve to internal addresses', () => {
  it.each(FORBIDDEN)(
    'refuses %s at registration, naming the field and why, and stores nothing',
    async (_label, url, why) => {
      const tenant = await strict.createTenant('cinch');
      const result = await register(tenant, url);
      expect(result?.__typename).toBe('AppError');
      expect(result?.code).toBe('VALIDATION_FAILED');
      expect(result?.fields?.[0]?.path).toBe('input.url');
      expect(result?.fields?.[0]?.message).toMatch(why);
      expect(await strict.db.webhookEndpoint.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
    },
  );

  it('accepts a public address, and refuses moving the endpoint inside with updateWebhookEndpoint', async () => {
    const tenant = await strict.createTenant('cinch');
    const created = await register(tenant, 'https://public.example.test/hook');
    expect(created?.__typename).toBe('CreateWebhookEndpointPayload');
    const endpointId = created?.endpoint?.id as string;
    for (const url of ['http://127.0.0.1:4109/hook', 'http://169.254.169.254/', 'http://loopback.example.test/']) {
      const updated = await tenant.as('admin')<{ updateWebhookEndpoint: CreateResult['createWebhookEndpoint'] }>(
        UPDATE,
        { input: { endpointId, url } },
      );
      expect(updated.data?.updateWebhookEndpoint).toMatchObject({
        __typename: 'AppError',
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'input.url' }],
      });
    }
    const stored = await strict.db.webhookEndpoint.findUniqueOrThrow({ where: { id: rowId(endpointId) } });
    expect(stored.url).toBe('https://public.example.test/hook');
  });

  it('the allowlist lets an on-premise installation register its internal receivers', async () => {
    const tenant = await onPremise.createTenant('cinch');
    for (const url of ['http://10.20.30.40/hook', 'http://hooks.corp.test/hook', `${receiver.url}/allowed`]) {
      expect((await register(tenant, url))?.__typename).toBe('CreateWebhookEndpointPayload');
    }
    // what the allowlist does not name is still refused
    const refused = await register(tenant, 'http://192.168.1.1/hook');
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'input.url' }] });
  });
});

/** A real mutation that writes a DIRECT_MESSAGE to the outbox (CIN-10 → Purchasing). */
async function purchasingMessage(kit: TestKit, tenant: TestTenant): Promise<string> {
  const caseId = await createCase(tenant, 'Part on back order');
  const result = await tenant.as('tier2')<{ submitPurchasingRequest: { __typename: string } }>(
    /* GraphQL */ `
      mutation P($input: PurchasingRequestInput!) { submitPurchasingRequest(input: $input) { __typename ${APP_ERROR} } }
    `,
    {
      input: {
        caseId,
        serviceJobNumber: 'JOB-1',
        orderNumber: 'PO-1',
        itemDescription: 'compressor',
        informationNeeded: 'ship date',
      },
    },
  );
  expect(result.data?.submitPurchasingRequest.__typename).toBe('TaskPayload');
  const message = await kit.db.outboxMessage.findFirstOrThrow({
    where: { caseId: rowId(caseId), channel: 'DIRECT_MESSAGE' },
  });
  return message.id;
}

function worker(kit: TestKit, tenant: TestTenant) {
  return new DeliveryWorker({
    db: kit.db,
    logger: createLogger('silent'),
    tenantIds: [tenant.tenantId],
    webhookTimeoutMs: 2_000,
    backoff: { baseMs: 10_000, maxMs: 60_000 },
  });
}

describe('the address is checked again when the worker connects', () => {
  it('a name that resolved to a public address at registration and to 127.0.0.1 at send time is refused without connecting', async () => {
    const tenant = await strict.createTenant('cinch');
    const port = new URL(receiver.url).port;
    const created = await register(tenant, `http://rebind.example.test:${port}/rebind`);
    expect(created?.__typename).toBe('CreateWebhookEndpointPayload');
    const messageId = await purchasingMessage(strict, tenant);
    dns.set('rebind.example.test', ['127.0.0.1']);
    try {
      expect(await worker(strict, tenant).runOnce()).toMatchObject({ claimed: 1, delivered: 0, retrying: 1 });
    } finally {
      dns.set('rebind.example.test', ['93.184.216.34']);
    }
    expect(receiver.received.filter((delivery) => delivery.path === '/rebind')).toHaveLength(0);
    const message = await strict.db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(message.lastError).toMatch(/refused: the host resolves to a loopback address/);
    expect(message.lastError).not.toMatch(/127\.0\.0\.1/);
  });

  it('redirects are not followed, and a refused connection is stored without the address it failed at', async () => {
    const tenant = await onPremise.createTenant('cinch');
    receiver.respond('/redirect', 302);
    await register(tenant, `${receiver.url}/redirect`);
    const closedPort = await (async () => {
      const spare = await startWebhookReceiver();
      const url = spare.url;
      await spare.close();
      return new URL(url).port;
    })();
    await register(tenant, `http://hooks.corp.test:${closedPort}/closed`);
    dns.set('hooks.corp.test', ['127.0.0.1']);
    const messageId = await purchasingMessage(onPremise, tenant);
    try {
      expect(await worker(onPremise, tenant).runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    } finally {
      dns.delete('hooks.corp.test');
    }
    expect(receiver.received.filter((delivery) => delivery.path === '/redirect')).toHaveLength(1);
    const message = await onPremise.db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(message.lastError).toContain('/redirect: HTTP 302');
    expect(message.lastError).toContain(`hooks.corp.test:${closedPort}/closed: connection refused`);
    expect(message.lastError).not.toMatch(/ECONNREFUSED/);
  });
});
