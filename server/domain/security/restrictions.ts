// Access restrictions for regular users (never guests): the IP allow-list, and the two ways past
// it from outside — the Basic gate and secure access with a client certificate. Pure: the HTTP
// layer gathers the facts (client address, Basic credentials, presented certificate) and asks.
import ipaddr from 'ipaddr.js';
import { LRUCache } from 'lru-cache';
import type { SecuritySettings } from '../../../common/api/security.js';
import { guestCode } from '../auth/sign-in.js';

/** Why a request is refused: outside the allow-list with no gate, or a gate not passed. */
export type RestrictionReason = 'network' | 'basic' | 'certificate';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** `a.b.c.d~e.f.g.h` (or two IPv6 addresses): every address from the first to the last, both included. */
export interface AddressSpan {
  kind: 'ipv4' | 'ipv6';
  lo: bigint;
  hi: bigint;
}

function numberOf(addr: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  let n = 0n;
  for (const b of addr.toByteArray()) n = (n << 8n) | BigInt(b);
  return n;
}

/** One end of a span: a dotted-quad IPv4 or an IPv6 address (an IPv4-mapped one is its IPv4). */
function spanEnd(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text) && !ipaddr.IPv6.isValid(text)) return null;
  return normalizeAddress(text);
}

/** A `first~last` entry: two addresses of one family, the first not after the last; null otherwise. */
export function parseAddressSpan(entry: string): AddressSpan | null {
  const parts = entry.split('~');
  if (parts.length !== 2) return null;
  const first = spanEnd(parts[0]!.trim());
  const last = spanEnd(parts[1]!.trim());
  if (!first || !last || first.kind() !== last.kind()) return null;
  const span: AddressSpan = { kind: first.kind(), lo: numberOf(first), hi: numberOf(last) };
  return span.lo <= span.hi ? span : null;
}

/** IPv4-mapped IPv6 (`::ffff:192.0.2.1`) is its IPv4 address; anything unparsable is null. */
export function normalizeAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(address)) return null;
  try {
    return ipaddr.process(address);
  } catch {
    return null;
  }
}

function toRange(entry: string): Range | null {
  try {
    if (entry.includes('/')) {
      const [addr, bits] = ipaddr.parseCIDR(entry);
      // `::ffff:10.0.0.0/104` is the IPv4 range 10.0.0.0/8.
      if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
        return [(addr as ipaddr.IPv6).toIPv4Address(), bits - 96];
      }
      return [addr, bits];
    }
    const addr = normalizeAddress(entry);
    return addr ? [addr, addr.kind() === 'ipv4' ? 32 : 128] : null;
  } catch {
    return null;
  }
}

// Allow-lists are parsed once per content; settings are re-read every few seconds.
const compiled = new LRUCache<string, { ranges: Range[]; spans: AddressSpan[] }>({ max: 1_000 });

function rangesOf(allow: readonly string[]): { ranges: Range[]; spans: AddressSpan[] } {
  const key = allow.join(',');
  let parsed = compiled.get(key);
  if (!parsed) {
    parsed = { ranges: [], spans: [] };
    for (const entry of allow) {
      const span = entry.includes('~') ? parseAddressSpan(entry) : null;
      const range = span ? null : toRange(entry);
      if (span) parsed.spans.push(span);
      else if (range) parsed.ranges.push(range);
    }
    compiled.set(key, parsed);
  }
  return parsed;
}

/** Whether `address` lies in any entry of the list (addresses, CIDR ranges and first~last spans, v4 and v6). */
export function addressAllowed(address: string | undefined, allow: readonly string[]): boolean {
  const addr = address ? normalizeAddress(address) : null;
  if (!addr) return false;
  const { ranges, spans } = rangesOf(allow);
  for (const [range, bits] of ranges) {
    // Same kind only: IPv4-mapped clients were turned into IPv4 above.
    if (range.kind() === addr.kind() && (addr as ipaddr.IPv4).match(range as ipaddr.IPv4, bits)) return true;
  }
  if (spans.length > 0) {
    const n = numberOf(addr);
    for (const s of spans) if (s.kind === addr.kind() && s.lo <= n && n <= s.hi) return true;
  }
  return false;
}

/** What the request showed on its way in. */
export interface AccessFacts {
  /** The allow-list is on and the client address is not in it. */
  outside: boolean;
  /** The Basic gate is on and the request carried its user and password. */
  basicPassed: boolean;
  /** Secure access is on and the request presented a valid certificate: its owner. */
  certificateUserId: number | null;
}

export type RestrictedActor = { kind: 'user'; userId: number } | { kind: 'apiToken' };

/**
 * Null when the actor may go on; otherwise why not. Inside the allow-list, or past the Basic gate,
 * anyone may; with secure access a user needs a certificate issued to that same user, and an API
 * token one issued to any user of the domain (a token belongs to an app, not a person).
 */
export function refusalFor(settings: SecuritySettings, facts: AccessFacts, actor: RestrictedActor | null): RestrictionReason | null {
  if (!facts.outside || facts.basicPassed) return null;
  const owner = facts.certificateUserId;
  if (settings.secureAccess.enabled && owner !== null && actor && (actor.kind === 'apiToken' || actor.userId === owner)) return null;
  return reasonFor(settings);
}

/** The gate a request from outside would have to pass: the one the answer should ask for. */
export function reasonFor(settings: SecuritySettings): RestrictionReason {
  if (settings.basicGate.enabled) return 'basic';
  if (settings.secureAccess.enabled) return 'certificate';
  return 'network';
}

/** `Authorization: Basic …` → user and password, or null when it is not one. */
export function decodeBasic(header: string | undefined): { user: string; password: string } | null {
  if (typeof header !== 'string' || header.length > 2048) return null;
  const m = /^Basic[ \t]+([A-Za-z0-9+/]+=*)[ \t]*$/i.exec(header);
  if (!m) return null;
  const text = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  return { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** The login of a password header read as a guest's e-mail address (guest accounts only). */
export function asGuestLogin(login: string): string {
  return login.toLowerCase().startsWith('guest/') ? login : guestCode(login);
}
