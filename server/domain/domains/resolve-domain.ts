import type { Db } from '../../storage/db.js';
import { dialectOf, toDb } from '../../storage/dialect.js';
import { normaliseHost } from './hosts.js';

export interface DomainRef {
  id: string;
  name: string;
}

/**
 * Which domain a request's Host addresses. While no domain is bound to a host name (a fresh,
 * single-tenant install) the default domain answers on any host; once an operator binds host
 * names, only bound hosts answer and anything else is refused (probe T1).
 */
export async function resolveDomain(db: Db, rawHost: string | undefined): Promise<DomainRef | null> {
  const host = rawHost ? normaliseHost(rawHost) : null;
  if (host) {
    const bound = await db
      .selectFrom('domainHosts')
      .innerJoin('domains', 'domains.id', 'domainHosts.domainId')
      .select(['domains.id', 'domains.name'])
      .where('domainHosts.host', '=', host)
      .executeTakeFirst();
    if (bound) return bound;
  }
  const anyBinding = await db.selectFrom('domainHosts').select('host').limit(1).executeTakeFirst();
  if (anyBinding) return null;
  const fallback = await db
    .selectFrom('domains')
    .select(['id', 'name'])
    .where('isDefault', '=', toDb.bool(dialectOf(db), true))
    .executeTakeFirst();
  return fallback ?? null;
}
