import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signature.js';

describe('webhook signatures', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const timestamp = String(now.getTime() / 1000);

  it('X-6 verifies a signature made with the same secret, timestamp and body', () => {
    const signature = signWebhook('s3cret', timestamp, '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret: 's3cret', signature, timestamp, body: '{"a":1}', now })).toBe(true);
  });

  it('rejects another secret, a changed body or a stale timestamp', () => {
    const signature = signWebhook('s3cret', timestamp, '{"a":1}');
    expect(verifyWebhookSignature({ secret: 'other', signature, timestamp, body: '{"a":1}', now })).toBe(false);
    expect(verifyWebhookSignature({ secret: 's3cret', signature, timestamp, body: '{"a":2}', now })).toBe(false);
    const later = new Date(now.getTime() + 10 * 60 * 1000);
    expect(verifyWebhookSignature({ secret: 's3cret', signature, timestamp, body: '{"a":1}', now: later })).toBe(false);
  });
});
