// The request's Host picks the domain before anything else runs. A host no domain answers
// gets 421 before routing: no fallback, no link built from it (probe T1). Only proxies listed
// in TRUST_PROXY may set X-Forwarded-Host; Fastify ignores it from anyone else.
import type { FastifyInstance } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Services } from '../../domain/context.js';
import { type DomainRef, resolveDomain } from '../../domain/domains/resolve-domain.js';
import { AppError } from '../../domain/app-error.js';

export function registerTenancy(app: FastifyInstance, services: Services): void {
  // Positive answers only, briefly: a newly bound host must not wait behind a cached refusal.
  const cache = new LRUCache<string, DomainRef>({ max: 10_000, ttl: 10_000 });
  app.decorateRequest('domain', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.tenantless) return;
    const host = request.host;
    let domain = cache.get(host);
    if (!domain) {
      domain = (await resolveDomain(services.db, host)) ?? undefined;
      if (!domain) throw new AppError('CB_HO01');
      cache.set(host, domain);
    }
    request.domain = domain;
  });
}
