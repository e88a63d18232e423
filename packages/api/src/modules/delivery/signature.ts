import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers every webhook delivery carries; receivers verify the signature and drop repeated delivery ids. */
export const WEBHOOK_HEADERS = {
  signature: 'escalate-signature',
  timestamp: 'escalate-timestamp',
  deliveryId: 'escalate-delivery-id',
  channel: 'escalate-channel',
} as const;

/** HMAC-SHA256 over `<timestamp>.<body>` with the endpoint's secret, as `sha256=<hex>`. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface VerifyOptions {
  secret: string;
  signature: string | null;
  timestamp: string | null;
  body: string;
  /** reject deliveries whose timestamp is further than this from now (replay protection) */
  toleranceSeconds?: number;
  now?: Date;
}

/** What a receiver does: constant-time signature check plus a timestamp window. */
export function verifyWebhookSignature(options: VerifyOptions): boolean {
  const { secret, signature, timestamp, body } = options;
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return false;
  const tolerance = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > tolerance) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
