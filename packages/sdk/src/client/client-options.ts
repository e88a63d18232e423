import { z } from 'zod';
import { ConfigurationError } from '../errors/escalate-error.js';

export interface ClientOptions {
  /** the GraphQL endpoint, e.g. `https://escalate.example.com/graphql` */
  url: string;
  /** an API key (`esk_…`), sent as `Authorization: Bearer <key>` */
  apiKey: string;
  /** a fetch implementation (defaults to the global fetch) */
  fetch?: typeof fetch;
  /** per attempt; default 30 000 ms */
  timeoutMs?: number;
  /** extra attempts on network errors, 429 and 503; default 3 (0 disables retries) */
  retries?: number;
  /** first backoff delay, doubled per attempt with full jitter; default 250 ms */
  retryBaseDelayMs?: number;
  /** longest wait between attempts; default 10 000 ms */
  retryMaxDelayMs?: number;
  /** extra headers on every request */
  headers?: Record<string, string>;
  /** appended to the User-Agent, e.g. `my-app/1.2` */
  userAgent?: string;
}

export interface ResolvedClientOptions {
  url: string;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  headers: Record<string, string>;
  userAgent: string | null;
}

const ZClientOptions = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://escalate.example.com/graphql' }),
  apiKey: z
    .string({ error: 'is required (ESCALATE_API_KEY)' })
    .trim()
    .min(1, { error: 'is required (ESCALATE_API_KEY)' })
    .regex(/^\S+$/, { error: 'must not contain spaces' }),
  timeoutMs: z.number().int().positive().max(600_000).default(30_000),
  retries: z.number().int().min(0).max(10).default(3),
  retryBaseDelayMs: z.number().int().min(0).max(60_000).default(250),
  retryMaxDelayMs: z.number().int().min(0).max(600_000).default(10_000),
  headers: z.record(z.string(), z.string()).default({}),
  userAgent: z.string().max(200).nullish(),
});

/** Checks the options once, up front: a wrong URL or missing key fails here, before any request. */
export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  const parsed = ZClientOptions.safeParse(options);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.') || 'options',
      message: issue.message,
    }));
    throw new ConfigurationError({
      code: 'CONFIGURATION_ERROR',
      message: `Invalid Escalate client options: ${fields.map((field) => `${field.path} ${field.message}`).join('; ')}`,
      fields,
    });
  }
  const fetchImplementation = options.fetch ?? globalThis.fetch;
  if (typeof fetchImplementation !== 'function') {
    throw new ConfigurationError({
      code: 'CONFIGURATION_ERROR',
      message: 'No fetch implementation: pass options.fetch',
    });
  }
  return { ...parsed.data, userAgent: parsed.data.userAgent ?? null, fetch: fetchImplementation };
}
