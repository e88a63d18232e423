import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { forbiddenAddressReason, type OutboundPolicy } from './outbound-url.js';

/** A connection refused by the outbound policy; its message names the class of address only. */
export class OutboundRefusedError extends Error {
  readonly code = 'EOUTBOUNDREFUSED';
  constructor(reason: string) {
    super(`refused: the host ${reason}`);
    this.name = 'OutboundRefusedError';
  }
}

/**
 * A DNS lookup for node:http that checks every address at connect time, so a name that
 * resolved to a public address when it was registered and to an internal one now (DNS
 * rebinding) is refused before a socket is opened.
 */
export function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const host = hostname.toLowerCase();
    policy.resolve(host).then(
      (addresses) => {
        const allowedName = policy.allow.includes(host);
        for (const address of addresses) {
          const reason = allowedName ? null : forbiddenAddressReason(address, policy.allow);
          if (reason) {
            callback(new OutboundRefusedError(`resolves to ${reason}`) as NodeJS.ErrnoException, '', 4);
            return;
          }
        }
        const entries = addresses
          .map((address) => ({ address, family: ipaddr.parse(address).kind() === 'ipv6' ? 6 : 4 }))
          .filter((entry) => !options.family || entry.family === options.family);
        const first = entries[0];
        if (!first) {
          const error = Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' });
          callback(error as NodeJS.ErrnoException, '', 4);
          return;
        }
        if (options.all) (callback as unknown as (e: null, all: typeof entries) => void)(null, entries);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => {
        const failure = Object.assign(new Error(`lookup of ${hostname} failed`), {
          code: (error as { code?: string } | null)?.code ?? 'ENOTFOUND',
        });
        callback(failure as NodeJS.ErrnoException, '', 4);
      },
    );
  };
}

export interface OutboundRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  policy: OutboundPolicy;
}

/**
 * POSTs through the outbound policy: a host written as an address is checked here, a name
 * at connect time by the lookup. Redirects are not followed (a 3xx is just a status).
 */
export function postOutbound(request: OutboundRequest): Promise<{ status: number }> {
  const url = new URL(request.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    const reason = forbiddenAddressReason(host, request.policy.allow);
    if (reason) return Promise.reject(new OutboundRefusedError(`is ${reason}`));
  }
  const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
  if (!client) return Promise.reject(new OutboundRefusedError('uses a scheme other than http or https'));
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        lookup: guardedLookup(request.policy),
        agent: false,
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (response) => {
        response.resume();
        response.on('error', () => {});
        resolve({ status: response.statusCode ?? 0 });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

const ERROR_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNABORTED: 'connection aborted',
};

/**
 * What a failed outbound request says in stored errors: what failed, never the internal
 * address it failed at (a stored "connect ECONNREFUSED 10.0.0.5:5432" would make the
 * delivery log a port scanner).
 */
export function describeOutboundError(error: unknown, timeoutMs: number): string {
  if (error instanceof OutboundRefusedError) return error.message;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timed out after ${timeoutMs} ms`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (ERROR_WORDS[code]) return ERROR_WORDS[code];
    if (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL'))
      return 'TLS handshake failed';
    if (/^[A-Z_]+$/.test(code)) return `request failed (${code})`;
  }
  return 'request failed';
}
