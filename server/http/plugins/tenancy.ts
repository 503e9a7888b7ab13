// The request's Host picks the domain before anything else runs. A host no domain answers
// gets 421 before routing: no fallback, no link built from it (probe T1). Only proxies listed
// in TRUST_PROXY may set X-Forwarded-Host; Fastify ignores it from anyone else.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../domain/context.js';
import { type DomainRef, resolveDomain } from '../../domain/domains/resolve-domain.js';
import { AppError } from '../../domain/app-error.js';
import { KeptValues } from '../../infra/kept-values.js';

export function registerTenancy(app: FastifyInstance, services: Services): void {
  // Positive answers only: a newly bound host must not wait behind a cached refusal. Read again
  // every 10 s while asked for, behind the kept answer, so requests never queue for it.
  const hosts = new KeptValues<DomainRef | null>(10_000, 60_000, { keep: (domain) => domain !== null });
  app.decorateRequest('domain', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.tenantless) return;
    const host = request.host;
    const domain = await hosts.get(host, () => resolveDomain(services.db, host));
    if (!domain) throw new AppError('CB_HO01');
    request.domain = domain;
  });
}
