import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import type { PrismaClient } from '../db/prisma-client.js';
import { AppError } from '../errors/app-error.js';

/**
 * Outbound requests (webhooks, and any URL the product calls later) must not reach inside:
 * a URL is refused when it names or resolves to a loopback, private, link-local,
 * unique-local, multicast, unspecified, reserved or cloud-metadata address. Ranges come
 * from ipaddr.js (`range()`); only `unicast` is public. An allowlist of ranges and host
 * names (ESCALATE_OUTBOUND_ALLOWLIST) serves receivers on the premises.
 */

/** Resolves a host name to its addresses; injected in tests, DNS otherwise. */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

export interface OutboundPolicy {
  /** ranges (CIDR or single addresses) and host names that may be reached although internal */
  allow: string[];
  resolve: Resolver;
}

export const DEFAULT_OUTBOUND_POLICY: OutboundPolicy = { allow: [], resolve: systemResolver };

/** Addresses of cloud instance-metadata services (AWS, ECS, GCP, Azure, Alibaba). */
const METADATA_ADDRESSES = new Set([
  '169.254.169.254',
  '169.254.170.2',
  'fd00:ec2::254',
  '100.100.100.200',
  '168.63.129.16',
]);
const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data']);

const RANGE_WORDS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  private: 'a private address',
  uniqueLocal: 'a unique-local address',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  reserved: 'a reserved address',
};

/** Parses the allowlist setting: comma- or space-separated ranges and host names. */
export function parseAllowlist(text: string | undefined): string[] {
  const entries = (text ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries) {
    if (entry.includes('/') && !ipaddr.isValidCIDR(entry)) throw new Error(`not a CIDR range: ${entry}`);
  }
  return entries;
}

function inAllowlist(address: ipaddr.IPv4 | ipaddr.IPv6, allow: string[]): boolean {
  for (const entry of allow) {
    const range = entry.includes('/') ? ipaddr.parseCIDR(entry) : ipaddr.isValid(entry) ? ipaddr.parse(entry) : null;
    if (!range) continue;
    const [base, bits] = Array.isArray(range) ? range : [range, range.kind() === 'ipv4' ? 32 : 128];
    const candidate =
      base.kind() === address.kind()
        ? address
        : address.kind() === 'ipv4'
          ? (address as ipaddr.IPv4).toIPv4MappedAddress()
          : null;
    if (candidate?.match(base, bits)) return true;
  }
  return false;
}

/** Why an address may not be reached, or null when it may. Never names the address itself. */
export function forbiddenAddressReason(text: string, allow: string[] = []): string | null {
  if (!ipaddr.isValid(text)) return 'an address that cannot be parsed';
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries
  const address = ipaddr.process(text);
  if (inAllowlist(address, allow)) return null;
  if (METADATA_ADDRESSES.has(address.toNormalizedString()) || METADATA_ADDRESSES.has(address.toString())) {
    return 'a cloud metadata address';
  }
  const range = address.range();
  if (range === 'unicast') return null;
  return RANGE_WORDS[range] ?? `a non-public address (${range})`;
}

function bareHost(hostname: string): string {
  return hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

export type OutboundCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks a URL before it is stored or called: scheme, then the host as written, then every
 * address it resolves to. The reason describes the class of address, never the address.
 */
export async function checkOutboundUrl(url: string, policy: OutboundPolicy): Promise<OutboundCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'must be an absolute URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { ok: false, reason: 'must be http or https' };
  if (parsed.username || parsed.password) return { ok: false, reason: 'must not carry credentials' };
  const host = bareHost(parsed.hostname);
  if (policy.allow.includes(host)) return { ok: true };
  if (ipaddr.isValid(host)) {
    const reason = forbiddenAddressReason(host, policy.allow);
    return reason ? { ok: false, reason: `must not name ${reason}` } : { ok: true };
  }
  if (host === 'localhost' || host.endsWith('.localhost'))
    return { ok: false, reason: 'must not name a loopback address' };
  if (METADATA_NAMES.has(host)) return { ok: false, reason: 'must not name a cloud metadata address' };
  let addresses: string[];
  try {
    addresses = await policy.resolve(host);
  } catch {
    return { ok: false, reason: 'its host name does not resolve' };
  }
  if (addresses.length === 0) return { ok: false, reason: 'its host name does not resolve' };
  for (const address of addresses) {
    const reason = forbiddenAddressReason(address, policy.allow);
    if (reason) return { ok: false, reason: `must not resolve to ${reason}` };
  }
  return { ok: true };
}

const policies = new WeakMap<PrismaClient, OutboundPolicy>();

/** The server (and each worker) registers the policy of its database client, like the key pepper. */
export function registerOutboundPolicy(db: PrismaClient, policy: OutboundPolicy): void {
  policies.set(db, policy);
}

/** The registered policy; without one, the strict default (no allowlist, real DNS). */
export function outboundPolicyFor(db: PrismaClient): OutboundPolicy {
  return policies.get(db) ?? DEFAULT_OUTBOUND_POLICY;
}

/** Throws VALIDATION_FAILED naming the field when the URL may not be called. */
export async function assertOutboundUrl(db: PrismaClient, url: string, path: string): Promise<void> {
  const check = await checkOutboundUrl(url, outboundPolicyFor(db));
  if (check.ok) return;
  throw new AppError('VALIDATION_FAILED', `${path} is not an address the server may call: it ${check.reason}`, {
    rule: 'outbound-url',
    fields: [{ path, message: check.reason }],
  });
}
