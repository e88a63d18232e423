import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../packages/api/src/logger.js';
import { DeliveryWorker } from '../packages/api/src/modules/delivery/delivery-worker.js';
import { verifyWebhookSignature, WEBHOOK_HEADERS } from '../packages/api/src/modules/delivery/signature.js';
import {
  type ReceivedWebhook,
  startMailReceiver,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../packages/api/src/modules/delivery/testing-receivers.js';
import { createTestKit, type TestKit, type TestTenant } from '../packages/api/src/testing/test-kit.js';
import { APP_ERROR, createCase, rowId } from './work-support.js';

let kit: TestKit;
let receiver: WebhookReceiver;
const logger = createLogger('silent');

beforeAll(async () => {
  // the receivers listen on loopback, which webhooks may reach only when allowlisted
  kit = await createTestKit({ outbound: { allow: ['127.0.0.1'] } });
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver.close();
  await kit.close();
});

/** A worker limited to one organization, with a clock the test moves. */
function workerFor(tenant: TestTenant, options: { smtpUrl?: string; webhookTimeoutMs?: number } = {}) {
  let now = new Date();
  const worker = new DeliveryWorker({
    db: kit.db,
    logger,
    tenantIds: [tenant.tenantId],
    smtpUrl: options.smtpUrl ?? null,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 2_000,
    backoff: { baseMs: 10_000, maxMs: 60_000 },
    clock: () => now,
  });
  return {
    worker,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

const CREATE_ENDPOINT = /* GraphQL */ `
  mutation Endpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename ... on CreateWebhookEndpointPayload { secret endpoint { id url channels enabled } } ${APP_ERROR}
    }
  }
`;

async function addEndpoint(tenant: TestTenant, path: string, channels: string[]) {
  const secret = `secret-${path}-0123456789abcdef`;
  const result = await tenant.as('admin')<{ createWebhookEndpoint: { endpoint: { id: string }; secret: string } }>(
    CREATE_ENDPOINT,
    { input: { url: `${receiver.url}/${path}`, channels, secret } },
  );
  expect(result.data?.createWebhookEndpoint.secret).toBe(secret);
  return { id: result.data?.createWebhookEndpoint.endpoint.id as string, secret };
}

/** A real mutation that writes a DIRECT_MESSAGE to the outbox (CIN-10 → Purchasing). */
async function purchasingMessage(tenant: TestTenant): Promise<{ caseId: string; messageId: string }> {
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
  const message = await kit.db.outboxMessage.findFirstOrThrow({ where: { caseId: rowId(caseId) } });
  return { caseId, messageId: message.id };
}

function deliveriesTo(path: string): ReceivedWebhook[] {
  return receiver.received.filter((delivery) => delivery.path === `/${path}`);
}

describe('X-6 email over SMTP', () => {
  it('X-6 CARE-P5 the privacy request email is delivered over SMTP with its stable delivery id', async () => {
    const mail = await startMailReceiver();
    try {
      const care = await kit.createTenant('care');
      const externalRef = `member-${Date.now()}`;
      await care.as('integration')(
        /* GraphQL */ `mutation U($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { __typename } }`,
        {
          input: {
            externalRef,
            email: `${externalRef}@members.example`,
            legalName: 'Samantha Legalname',
            preferredName: 'Sam',
            signInMethods: ['password'],
          },
        },
      );
      const created = await care.as('agent')<{ createCase: { case: { id: string } } }>(
        /* GraphQL */ `mutation C($input: CreateCaseInput!) { createCase(input: $input) { ... on CreateCasePayload { case { id } } } }`,
        { input: { subject: 'Please delete my data', customerRef: externalRef, channel: 'EMAIL' } },
      );
      const request = await care.as('privacy')<{ createPrivacyRequest: { __typename: string } }>(
        /* GraphQL */ `mutation R($input: CreatePrivacyRequestInput!) { createPrivacyRequest(input: $input) { __typename ${APP_ERROR} } }`,
        { input: { caseId: created.data?.createCase.case.id, type: 'DELETE_DATA' } },
      );
      expect(request.data?.createPrivacyRequest.__typename).toBe('PrivacyRequestPayload');
      const message = await kit.db.outboxMessage.findFirstOrThrow({
        where: { tenantId: care.tenantId, channel: 'EMAIL' },
      });
      expect(message.status).toBe('PENDING');

      const { worker } = workerFor(care, { smtpUrl: mail.url });
      expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
      expect(mail.mails).toHaveLength(1);
      const received = mail.mails[0];
      expect(received?.to).toEqual([`${externalRef}@members.example`]);
      expect(received?.raw.toLowerCase()).toContain(`x-escalate-delivery-id: ${message.deliveryId}`);
      expect(received?.raw.toLowerCase()).toContain(`message-id: <${message.deliveryId}@escalate.delivery>`);
      expect(received?.raw).toMatch(/^Subject: .*Privacy.*CCPA/m);
      expect(received?.raw).toContain('Hi Sam,');
      const delivered = await kit.db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
      expect(delivered).toMatchObject({ status: 'DELIVERED', attempts: 1, lockedBy: null, lastError: null });
      expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
      expect(mail.mails).toHaveLength(1);
    } finally {
      await mail.close();
    }
  });
});

describe('X-6 signed webhooks', () => {
  it('X-6 a direct message is POSTed to the endpoint, signed over timestamp.body, with the delivery id', async () => {
    const cinch = await kit.createTenant('cinch');
    const endpoint = await addEndpoint(cinch, 'signed', ['DIRECT_MESSAGE']);
    const { messageId } = await purchasingMessage(cinch);
    const { worker } = workerFor(cinch);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    const [delivery] = deliveriesTo('signed');
    const message = await kit.db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(delivery?.headers[WEBHOOK_HEADERS.deliveryId]).toBe(message.deliveryId);
    expect(delivery?.headers[WEBHOOK_HEADERS.channel]).toBe('DIRECT_MESSAGE');
    const verified = verifyWebhookSignature({
      secret: endpoint.secret,
      signature: String(delivery?.headers[WEBHOOK_HEADERS.signature]),
      timestamp: String(delivery?.headers[WEBHOOK_HEADERS.timestamp]),
      body: delivery?.body ?? '',
    });
    expect(verified).toBe(true);
    expect(
      verifyWebhookSignature({
        secret: 'another-secret-entirely',
        signature: String(delivery?.headers[WEBHOOK_HEADERS.signature]),
        timestamp: String(delivery?.headers[WEBHOOK_HEADERS.timestamp]),
        body: delivery?.body ?? '',
      }),
    ).toBe(false);
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({
      deliveryId: message.deliveryId,
      channel: 'DIRECT_MESSAGE',
      recipient: 'team:purchasing',
      organization: cinch.slug,
    });
    expect(message.status).toBe('DELIVERED');
  });

  it('X-6 a 500 and a timeout are retried with backoff, the same delivery id every time', async () => {
    const cinch = await kit.createTenant('cinch');
    await addEndpoint(cinch, 'flaky', ['DIRECT_MESSAGE']);
    receiver.respond('flaky', (attempt) => (attempt === 1 ? 500 : attempt === 2 ? 'hang' : 204));
    const { messageId } = await purchasingMessage(cinch);
    const { worker, advance } = workerFor(cinch, { webhookTimeoutMs: 300 });

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    const first = await kit.db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(first).toMatchObject({ status: 'PENDING', attempts: 1, lastError: expect.stringContaining('HTTP 500') });
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });

    advance(10_001);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retrying: 1 });
    const second = await kit.db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(second.lastError).toMatch(/timed out after 300 ms/);
    // backoff doubles: the third attempt is 10–20 s after the second
    const wait = second.nextAttemptAt.getTime() - first.nextAttemptAt.getTime();
    expect(wait).toBeGreaterThanOrEqual(10_000);

    advance(20_001);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    const ids = new Set(deliveriesTo('flaky').map((delivery) => delivery.headers[WEBHOOK_HEADERS.deliveryId]));
    expect(deliveriesTo('flaky')).toHaveLength(3);
    expect([...ids]).toEqual([first.deliveryId]);
    expect(await kit.db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({
      status: 'DELIVERED',
      attempts: 3,
    });
  });

  it('X-6 after maxAttempts the message is dead; an admin lists and re-drives it', async () => {
    const cinch = await kit.createTenant('cinch');
    await addEndpoint(cinch, 'down', ['DIRECT_MESSAGE']);
    receiver.respond('down', 503);
    const { messageId } = await purchasingMessage(cinch);
    await kit.db.outboxMessage.update({ where: { id: messageId }, data: { maxAttempts: 2 } });
    const { worker, advance } = workerFor(cinch);
    await worker.runOnce();
    advance(60_001);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, dead: 1 });
    advance(3_600_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });

    const DEAD = /* GraphQL */ `{ deadLetters { edges { node { id status attempts lastError deliveryId case { id } } } } }`;
    const listed = await cinch.as('admin')<{ deadLetters: { edges: { node: { id: string; lastError: string } }[] } }>(
      DEAD,
    );
    expect(listed.data?.deadLetters.edges.map((edge) => rowId(edge.node.id))).toEqual([messageId]);
    expect(listed.data?.deadLetters.edges[0]?.node.lastError).toMatch(/HTTP 503/);
    const notAdmin = await cinch.as('tier2')(DEAD);
    expect(notAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    receiver.respond('down', 200);
    const redrive = await cinch.as('admin')<{ redriveNotifications: { count: number } }>(
      /* GraphQL */ `mutation R($input: RedriveNotificationsInput!) {
        redriveNotifications(input: $input) { __typename ... on RedriveNotificationsPayload { count messages { status attempts } } ${APP_ERROR} }
      }`,
      { input: { all: true } },
    );
    expect(redrive.data?.redriveNotifications).toMatchObject({
      count: 1,
      messages: [{ status: 'PENDING', attempts: 0 }],
    });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    const message = await kit.db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect(message.status).toBe('DELIVERED');
    const redriven = await kit.db.timelineEvent.findFirst({
      where: { caseId: message.caseId, type: 'NOTIFICATION_REDRIVEN' },
    });
    expect(redriven).not.toBeNull();
  });

  it('X-6 an endpoint answering 410 Gone is disabled with a timeline note; the others still receive', async () => {
    const cinch = await kit.createTenant('cinch');
    const gone = await addEndpoint(cinch, 'gone', ['DIRECT_MESSAGE']);
    await addEndpoint(cinch, 'alive', ['DIRECT_MESSAGE']);
    receiver.respond('gone', 410);
    const { caseId, messageId } = await purchasingMessage(cinch);
    const { worker, advance } = workerFor(cinch);
    expect(await worker.runOnce()).toMatchObject({ delivered: 1 });
    const endpoint = await kit.db.webhookEndpoint.findUniqueOrThrow({ where: { id: rowId(gone.id) } });
    expect(endpoint.enabled).toBe(false);
    expect(endpoint.disabledReason).toMatch(/410 Gone/);
    const note = await kit.db.timelineEvent.findFirstOrThrow({
      where: { caseId: rowId(caseId), type: 'WEBHOOK_ENDPOINT_DISABLED' },
    });
    expect(note.data).toMatchObject({ endpointId: rowId(gone.id), status: 410 });
    expect(deliveriesTo('alive')).toHaveLength(1);
    expect((await kit.db.outboxMessage.findUniqueOrThrow({ where: { id: messageId } })).status).toBe('DELIVERED');

    // the next message goes only to the endpoint that is still enabled
    await purchasingMessage(cinch);
    advance(60_000);
    expect(await worker.runOnce()).toMatchObject({ delivered: 1 });
    expect(deliveriesTo('gone')).toHaveLength(1);
    expect(deliveriesTo('alive')).toHaveLength(2);
  });
});
