// First start: make sure a default domain exists and that someone can administer it — from
// ENGAWA_ADMIN_LOGIN/PASSWORD when set, otherwise through a one-time setup link in the log.
import { newSecret } from '../../../common/ids.js';
import { systemActor } from '../../policy/actor.js';
import { toDb } from '../../storage/dialect.js';
import { countUsers } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import { type BaseCtx, type Services, inTransaction } from '../context.js';
import { createDomain } from '../domains/create-domain.js';
import { recordAudit } from '../audit/record-audit.js';
import { createUsers } from '../users/create-users.js';
import { sha256 } from './secrets.js';

export type FirstRun =
  | { state: 'ready'; domainId: string | null }
  | { state: 'admin-created'; domainId: string; login: string }
  | { state: 'setup-link'; domainId: string; url: string };

/**
 * The default domain, created on the very first start. An install whose operator created
 * host-bound domains before ever starting the server has none, and needs none.
 */
export async function ensureDefaultDomain(services: Services): Promise<string | null> {
  const existing = await services.db.selectFrom('domains').select('id').executeTakeFirst();
  const def = await services.db
    .selectFrom('domains')
    .select('id')
    .where('isDefault', '=', toDb.bool(services.dialect, true))
    .executeTakeFirst();
  if (def) return def.id;
  if (existing) return null;
  return (await createDomain(services, { name: 'Engawa', hosts: [], isDefault: true })).id;
}

export async function prepareFirstRun(services: Services): Promise<FirstRun> {
  const domainId = await ensureDefaultDomain(services);
  if (!domainId) return { state: 'ready', domainId };
  if ((await countUsers(services.db, domainId)) > 0) return { state: 'ready', domainId };
  const base: BaseCtx = {
    actor: systemActor(domainId),
    locale: services.config.defaultLocale,
    request: { ip: null, userAgent: null, requestId: null },
  };
  const admin = services.config.initialAdmin;
  if (admin) {
    await inTransaction(services, base, (ctx) =>
      createUsers(ctx, [
        { code: admin.login, name: admin.login, email: admin.email ?? `${admin.login}@localhost.invalid`, password: admin.password, isAdmin: true },
      ]),
    );
    return { state: 'admin-created', domainId, login: admin.login };
  }
  const token = await issueSetupToken(services, domainId);
  return { state: 'setup-link', domainId, url: setupUrl(services.config.baseUrl, token) };
}

/** A fresh one-time setup token for a domain with no users; any earlier one stops working. */
export async function issueSetupToken(services: Services, domainId: string): Promise<string> {
  const token = newSecret();
  const base: BaseCtx = {
    actor: systemActor(domainId),
    locale: services.config.defaultLocale,
    request: { ip: null, userAgent: null, requestId: null },
  };
  await inTransaction(services, base, async (ctx) => {
    await ctx.db.deleteFrom('setupTokens').where('domainId', '=', domainId).execute();
    await ctx.db.insertInto('setupTokens').values({ domainId, tokenHash: sha256(token), createdAt: toDb.time(ctx.now) }).execute();
    await recordAudit(ctx, { action: 'setup.link', targetType: 'domain', targetId: domainId });
  });
  return token;
}

/** The token rides in the fragment: browsers never send it to a server or in a Referer. */
export function setupUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/setup#token=${token}`;
}

export async function setupRequired(services: Services, domainId: string): Promise<boolean> {
  const row = await services.db.selectFrom('setupTokens').select('domainId').where('domainId', '=', domainId).executeTakeFirst();
  return Boolean(row) && (await countUsers(services.db, domainId)) === 0;
}

export interface SetupInput {
  token: string;
  code: string;
  name: string;
  email: string;
  password: string;
  locale?: 'ja' | 'en';
  timezone?: string;
}

/** Creates the first administrator through the one-time link; the link dies with it. */
export async function completeSetup(services: Services, base: BaseCtx, input: SetupInput): Promise<number> {
  return inTransaction(services, { ...base, actor: systemActor(base.actor.domainId) }, async (ctx) => {
    const domainId = ctx.actor.domainId;
    const row = await ctx.db
      .selectFrom('setupTokens')
      .select('tokenHash')
      .where('domainId', '=', domainId)
      .where('tokenHash', '=', sha256(input.token))
      .executeTakeFirst();
    if (!row || (await countUsers(ctx.db, domainId)) > 0) throw new AppError('GAIA_SE01');
    const { token: _t, ...user } = input;
    const [id] = await createUsers(ctx, [{ ...user, isAdmin: true }]);
    await ctx.db.deleteFrom('setupTokens').where('domainId', '=', domainId).execute();
    await recordAudit(ctx, { action: 'setup.complete', targetType: 'user', targetId: id, detail: { code: input.code } });
    return id!;
  });
}
