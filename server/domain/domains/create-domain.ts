import { newId } from '../../../common/ids.js';
import { systemActor } from '../../policy/actor.js';
import { toDb } from '../../storage/dialect.js';
import { AppError } from '../app-error.js';
import { type Services, inTransaction } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { normaliseHost } from './hosts.js';

export interface CreateDomainInput {
  name: string;
  hosts: string[];
  isDefault?: boolean;
}

/** Operator command: a new tenant answering on the given host names. */
export async function createDomain(services: Services, input: CreateDomainInput): Promise<{ id: string }> {
  const id = newId('dom');
  const hosts = [...new Set(input.hosts.map(normaliseHost))];
  for (const [i, h] of hosts.entries()) {
    if (!h) throw AppError.invalid({ [`hosts[${i}]`]: 'invalid' });
  }
  return inTransaction(
    services,
    { actor: systemActor(id), locale: services.config.defaultLocale, request: { ip: null, userAgent: null, requestId: null } },
    async (ctx) => {
      if (hosts.length > 0) {
        const taken = await ctx.db.selectFrom('domainHosts').select('host').where('host', 'in', hosts as string[]).execute();
        if (taken.length > 0) {
          throw AppError.invalid(Object.fromEntries(taken.map((t) => [`hosts[${hosts.indexOf(t.host)}]`, 'duplicateInRequest' as const])));
        }
      }
      await ctx.db
        .insertInto('domains')
        .values({
          id,
          name: input.name,
          isDefault: toDb.bool(ctx.dialect, input.isDefault ?? false),
          settings: toDb.json({}),
          createdAt: toDb.time(ctx.now),
        })
        .execute();
      for (const host of hosts as string[]) {
        await ctx.db.insertInto('domainHosts').values({ host, domainId: id }).execute();
      }
      await recordAudit(ctx, { action: 'domain.create', targetType: 'domain', targetId: id, detail: { name: input.name, hosts } });
      return { id };
    },
  );
}
