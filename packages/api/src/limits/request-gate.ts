import type { Plugin } from 'graphql-yoga';
import type { Authenticator } from '../auth/authenticate.js';
import type { Viewer } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { translateDatabaseError } from '../errors/prisma-error.js';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../observability/request-observer.js';
import type { MemoryTokenBucket } from './rate-limiter.js';

export interface RequestGateOptions {
  graphqlPath: string;
  /** largest request body; larger ones get 413 before a byte of them is parsed */
  bodyLimitBytes: number;
  authenticator: Authenticator;
  /** per-client buckets for requests without a valid key (in memory: they must cost nothing) */
  unauthenticated: MemoryTokenBucket;
  /** X-Forwarded-For entries appended by proxies we trust (0: the socket's address is the client) */
  trustedProxies: number;
  /** whether GET text/html is answered with GraphiQL (which needs no key) */
  graphiql: boolean;
  requestIdFor(request: Request): string;
}

export interface RequestGate {
  plugin: Plugin;
  /** the viewer the gate authenticated for this request, if any */
  viewerFor(request: Request): Viewer | undefined;
}

type FetchAPI = { Response: typeof Response; Request: typeof Request; Headers: typeof Headers };

function json(fetchAPI: FetchAPI, body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new fetchAPI.Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/graphql-response+json; charset=utf-8', ...headers },
  });
}

function refusal(
  fetchAPI: FetchAPI,
  code: string,
  message: string,
  status: number,
  requestId: string,
  headers = {},
  extra = {},
) {
  return json(fetchAPI, { errors: [{ message, extensions: { code, requestId, ...extra } }] }, status, headers);
}

/** The caller's address: the socket's, or the entry our trusted proxies put in X-Forwarded-For. */
export function clientAddress(request: Request, serverContext: unknown, trustedProxies: number): string {
  const socketAddress =
    (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress ??
    'local';
  if (trustedProxies === 0) return socketAddress;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // each trusted proxy appended the address it saw; the one before them is the client
  return forwarded[forwarded.length - trustedProxies] ?? socketAddress;
}

/** Reads a body stream, giving up as soon as it passes the limit. */
async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Work is refused before it is done: a body over the limit gets 413 (from its
 * Content-Length before reading, or while streaming a chunked one), and the API key is
 * checked before the body is read or parsed. Requests without a valid key spend a token of
 * their client's bucket; an empty bucket answers 429 + Retry-After without looking the key up.
 */
export function requestGate(options: RequestGateOptions): RequestGate {
  const viewers = new WeakMap<Request, Viewer>();
  const tooLarge = (fetchAPI: FetchAPI, requestId: string) =>
    refusal(
      fetchAPI,
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than the limit of ${options.bodyLimitBytes} bytes`,
      413,
      requestId,
      // the rest of the body is not read: the connection cannot carry another request
      { connection: 'close' },
      { limitBytes: options.bodyLimitBytes },
    );

  const plugin: Plugin = {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== options.graphqlPath || request.method === 'OPTIONS') return;
      const requestId = options.requestIdFor(request);
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > options.bodyLimitBytes) {
        endResponse(tooLarge(fetchAPI, requestId));
        return;
      }
      const authorization = request.headers.get('authorization');
      const wantsPage = request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
      if (options.graphiql && wantsPage && !authorization) return;

      const client = `client:${clientAddress(request, serverContext, options.trustedProxies)}`;
      const blocked = options.unauthenticated.peek(client);
      // a client over its limit keeps working with a key it used successfully just now
      const known = blocked.allowed ? null : options.authenticator.cached(authorization);
      if (known) {
        viewers.set(request, known);
        return;
      }
      if (!blocked.allowed) {
        endResponse(
          refusal(
            fetchAPI,
            'RATE_LIMITED',
            `Too many requests without a valid API key; retry in ${blocked.retryAfterSeconds} s`,
            429,
            requestId,
            { 'Retry-After': String(blocked.retryAfterSeconds) },
            { retryable: true, retryAfterSeconds: blocked.retryAfterSeconds },
          ),
        );
        return;
      }
      let viewer: Viewer | null;
      try {
        viewer = await options.authenticator.authenticate(authorization);
      } catch (error) {
        const translated = translateDatabaseError(error);
        if (translated instanceof AppError && translated.code === 'UNAVAILABLE') {
          endResponse(
            refusal(
              fetchAPI,
              'UNAVAILABLE',
              translated.message,
              503,
              requestId,
              { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
              { retryable: true },
            ),
          );
        }
        // anything else: the context factory tries again and reports it as before
        return;
      }
      if (!viewer) {
        await options.unauthenticated.take(client);
        endResponse(
          refusal(
            fetchAPI,
            'UNAUTHENTICATED',
            'Missing or invalid API key: send "Authorization: Bearer <key>"',
            401,
            requestId,
            { 'WWW-Authenticate': 'Bearer' },
          ),
        );
        return;
      }
      viewers.set(request, viewer);
    },
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      // a body without Content-Length (chunked) is counted while it streams in
      if (!requestParser || !request.body || request.headers.get('content-length')) return;
      setRequestParser(async (incoming) => {
        if (!incoming.body) return requestParser(incoming);
        const bytes = await readLimited(incoming.body, options.bodyLimitBytes);
        if (!bytes) return tooLarge(fetchAPI, options.requestIdFor(request));
        const headers = new fetchAPI.Headers(incoming.headers);
        headers.set('content-length', String(bytes.byteLength));
        return requestParser(
          new fetchAPI.Request(incoming.url, { method: incoming.method, headers, body: bytes.toString('utf8') }),
        );
      });
    },
  };
  return { plugin, viewerFor: (request) => viewers.get(request) };
}
