// Which peers may speak for a client in X-Forwarded-For (TRUST_PROXY). Fastify asks this for each
// hop every time request.ip, host or protocol is read — several times a request — and would parse
// the address each time: the answer per address is kept instead (a bounded set).
import { addressAllowed } from '../domain/security/restrictions.js';

const MAX_KEPT = 10_000;

/** Fastify's `trustProxy` for the list, or false (no proxy: the TCP peer is the client). */
export function trustedProxies(list: readonly string[]): ((address: string, hop: number) => boolean) | false {
  if (list.length === 0) return false;
  const known = new Map<string, boolean>();
  return (address) => {
    let trusted = known.get(address);
    if (trusted === undefined) {
      trusted = addressAllowed(address, list);
      if (known.size >= MAX_KEPT) known.clear();
      known.set(address, trusted);
    }
    return trusted;
  };
}
