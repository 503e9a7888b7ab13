// Sessions as their owner and administrators manage them: listed by an opaque id (never the
// cookie or its hash), ended one by one or all at once. Administrators may do so for any user or
// guest of their domain, and every such end is audited.
import type { EndMySessionsInput, SessionJson } from '../../../common/api/sessions.js';
import { deleteSessions, listUserSessions } from '../../storage/sessions.repo.js';
import { findUserByCode } from '../../storage/users.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { recordAudit } from '../audit/record-audit.js';
import { sessionsEnded } from './sessions.js';

function ownSessionOf(ctx: Ctx): { userId: number; idHash: string | undefined } {
  const actor = ctx.actor;
  if (actor.kind !== 'user' && actor.kind !== 'guest') throw new AppError('CB_NO02');
  return { userId: actor.userId, idHash: actor.sessionIdHash };
}

async function present(ctx: Ctx, userId: number, currentIdHash: string | undefined): Promise<SessionJson[]> {
  const rows = await listUserSessions(ctx.db, ctx.actor.domainId, userId, ctx.now, ctx.config.session.idleMs);
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.idHash === currentIdHash,
    passwordExpired: s.state === 'pending',
  }));
}

export async function listMySessions(ctx: Ctx): Promise<SessionJson[]> {
  const own = ownSessionOf(ctx);
  return present(ctx, own.userId, own.idHash);
}

/** Ends one of one's own sessions (the current one too: that signs out), or all the others. */
export async function endMySessions(ctx: Ctx, input: EndMySessionsInput): Promise<void> {
  const own = ownSessionOf(ctx);
  if ((input.id === undefined) === (input.others !== true)) throw AppError.invalid({ id: 'required' });
  const rows = await listUserSessions(ctx.db, ctx.actor.domainId, own.userId, ctx.now, ctx.config.session.idleMs);
  const ending = input.others ? rows.filter((s) => s.idHash !== own.idHash) : rows.filter((s) => s.id === input.id);
  if (input.id !== undefined && ending.length === 0) throw AppError.invalid({ id: 'notFound' });
  await deleteSessions(ctx.db, ctx.actor.domainId, own.userId, ending.map((s) => s.idHash));
  if (ending.length) sessionsEnded(ctx, [own.userId]);
  await recordAudit(ctx, {
    action: 'session.end',
    targetType: 'user',
    targetId: own.userId,
    detail: { self: true, count: ending.length, ...(input.others ? { others: true } : {}) },
  });
}

async function accountOf(ctx: Ctx, code: string): Promise<number> {
  const found = await findUserByCode(ctx.db, ctx.actor.domainId, code);
  if (!found) throw AppError.invalid({ code: 'notFound' });
  return found.user.id;
}

/** Administrators: the sessions of any user (login name) or guest (`guest/<e-mail>`). */
export async function listSessionsOf(ctx: Ctx, code: string): Promise<SessionJson[]> {
  const userId = await accountOf(ctx, code);
  const current = ctx.actor.kind === 'user' ? ctx.actor.sessionIdHash : undefined;
  return present(ctx, userId, current);
}

/** Administrators: ends one session of an account, or all of them. */
export async function endSessionsOf(ctx: Ctx, input: { code: string; id?: string }): Promise<void> {
  const userId = await accountOf(ctx, input.code);
  const rows = await listUserSessions(ctx.db, ctx.actor.domainId, userId, ctx.now, ctx.config.session.idleMs);
  const ending = input.id === undefined ? rows : rows.filter((s) => s.id === input.id);
  if (input.id !== undefined && ending.length === 0) throw AppError.invalid({ id: 'notFound' });
  // Expired rows go too when all end: nothing of the account's sessions is left behind.
  const hashes = input.id === undefined ? await allHashes(ctx, userId) : ending.map((s) => s.idHash);
  await deleteSessions(ctx.db, ctx.actor.domainId, userId, hashes);
  if (hashes.length) sessionsEnded(ctx, [userId]);
  await recordAudit(ctx, {
    action: 'session.end',
    targetType: 'user',
    targetId: userId,
    detail: { code: input.code, count: ending.length, ...(input.id === undefined ? { all: true } : {}) },
  });
}

async function allHashes(ctx: Ctx, userId: number): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('sessions')
    .select('idHash')
    .where('domainId', '=', ctx.actor.domainId)
    .where('userId', '=', userId)
    .execute();
  return rows.map((r) => r.idHash);
}
