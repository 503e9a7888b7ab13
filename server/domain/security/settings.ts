// The domain's security settings: read by every sign-in and, for regular users, by every
// request (access restrictions), so they are kept per process for a moment — at most
// SETTINGS_TTL_MS — and re-read after; a change reaches every instance within that time. The
// Basic gate's password is stored as an argon2 hash and never read back.
import { LRUCache } from 'lru-cache';
import ipaddr from 'ipaddr.js';
import { DEFAULT_SECURITY, type SecuritySettings, type SecuritySettingsInput } from '../../../common/api/security.js';
import type { Db, Tx } from '../../storage/db.js';
import { fromDb, toDb } from '../../storage/dialect.js';
import { AppError, type FieldProblem } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashPassword } from '../auth/passwords.js';
import { addressAllowed, parseAddressSpan } from './restrictions.js';

export const SETTINGS_TTL_MS = 2_000;

/** What checks need: the settings, with the Basic gate's hash. */
export interface StoredSecurity extends SecuritySettings {
  basicGatePasswordHash: string | null;
}

const cache = new LRUCache<string, StoredSecurity>({ max: 10_000, ttl: SETTINGS_TTL_MS });

type Stored = Partial<Omit<StoredSecurity, 'passwordPolicy' | 'ipRestriction' | 'basicGate' | 'secureAccess'>> & {
  passwordPolicy?: Partial<SecuritySettings['passwordPolicy']>;
  ipRestriction?: Partial<SecuritySettings['ipRestriction']>;
  basicGate?: Partial<SecuritySettings['basicGate']>;
  secureAccess?: Partial<SecuritySettings['secureAccess']>;
};

function withDefaults(s: Stored): StoredSecurity {
  const d = DEFAULT_SECURITY;
  return {
    passwordPolicy: { ...d.passwordPolicy, ...s.passwordPolicy },
    allowPasswordReset: s.allowPasswordReset ?? d.allowPasswordReset,
    guestTwoStep: s.guestTwoStep ?? d.guestTwoStep,
    requireTotp: s.requireTotp ?? d.requireTotp,
    ipRestriction: { ...d.ipRestriction, ...s.ipRestriction },
    basicGate: { ...d.basicGate, ...s.basicGate, passwordSet: Boolean(s.basicGatePasswordHash) },
    secureAccess: { ...d.secureAccess, ...s.secureAccess },
    basicGatePasswordHash: s.basicGatePasswordHash ?? null,
  };
}

async function readStored(db: Db | Tx, domainId: string): Promise<{ all: Record<string, unknown>; security: Stored }> {
  const row = await db.selectFrom('domains').select('settings').where('id', '=', domainId).executeTakeFirst();
  const all = fromDb.json<Record<string, unknown>>(row?.settings, {});
  return { all, security: (all.security ?? {}) as Stored };
}

/** The domain's settings, as fresh as SETTINGS_TTL_MS. */
export async function securityOf(db: Db | Tx, domainId: string): Promise<StoredSecurity> {
  let found = cache.get(domainId);
  if (!found) {
    found = withDefaults((await readStored(db, domainId)).security);
    cache.set(domainId, found);
  }
  return found;
}

/** The settings as administrators read them. */
export function presentSecurity(s: StoredSecurity): SecuritySettings {
  const { basicGatePasswordHash: _hash, ...shown } = s;
  return shown;
}

/** Applies a partial change, checked (CB_VA01 naming every problem), audited; returns the result. */
export async function updateSecurity(ctx: Ctx, input: SecuritySettingsInput): Promise<SecuritySettings> {
  const domainId = ctx.actor.domainId;
  const { all, security } = await readStored(ctx.db, domainId);
  const problems: Record<string, FieldProblem[]> = {};
  const next: Stored = { ...security };
  if (input.passwordPolicy) next.passwordPolicy = { ...security.passwordPolicy, ...input.passwordPolicy };
  for (const key of ['allowPasswordReset', 'guestTwoStep', 'requireTotp'] as const) if (input[key] !== undefined) next[key] = input[key];
  if (input.ipRestriction) {
    const allow = input.ipRestriction.allow;
    allow?.forEach((entry, i) => {
      if (!validAddressOrRange(entry)) problems[`ipRestriction.allow[${i}]`] = [{ key: 'invalid' }];
    });
    next.ipRestriction = { ...security.ipRestriction, ...input.ipRestriction };
  }
  if (input.basicGate) {
    const { password, ...rest } = input.basicGate;
    next.basicGate = { ...security.basicGate, ...rest };
    if (password !== undefined) next.basicGatePasswordHash = await hashPassword(password);
  }
  if (input.secureAccess) next.secureAccess = { ...security.secureAccess, ...input.secureAccess };
  const result = withDefaults(next);
  if (result.basicGate.enabled && (!result.basicGate.user || !result.basicGatePasswordHash)) problems.basicGate = [{ key: 'required' }];
  if ((result.basicGate.enabled || result.secureAccess.enabled) && !result.ipRestriction.enabled) {
    // Both gates apply to requests from outside the allow-list: without one they would apply to all.
    problems.ipRestriction = [{ key: 'required' }];
  }
  const own = ctx.request.ip;
  if (input.ipRestriction && result.ipRestriction.enabled && ctx.actor.kind === 'user' && own && !Object.keys(problems).length && !addressAllowed(own, result.ipRestriction.allow)) {
    // An administrator cannot save an allow-list that shuts out the very request saving it.
    problems['ipRestriction.allow'] = [{ key: 'ownAddressOutside', params: { ip: own } }];
  }
  if (Object.keys(problems).length) throw new AppError('CB_VA01', { errors: problems });
  await ctx.db
    .updateTable('domains')
    .set({ settings: toDb.json({ ...all, security: next }) })
    .where('id', '=', domainId)
    .execute();
  ctx.afterCommit(() => cache.delete(domainId));
  const changed = Object.keys(input).filter((k) => input[k as keyof SecuritySettingsInput] !== undefined);
  await recordAudit(ctx, { action: 'security.settings', targetType: 'domain', targetId: domainId, detail: { changed } });
  return presentSecurity(result);
}

/** An IPv4/IPv6 address, a CIDR range, or a span `first~last` (one family, first ≤ last). */
export function validAddressOrRange(entry: string): boolean {
  if (entry.includes('~')) return parseAddressSpan(entry) !== null;
  try {
    if (entry.includes('/')) ipaddr.parseCIDR(entry);
    else ipaddr.parse(entry);
    return ipaddr.isValid(entry.split('/')[0]!);
  } catch {
    return false;
  }
}
