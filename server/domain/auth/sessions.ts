// Browser sessions live server-side: the cookie holds a 256-bit secret, the table its SHA-256.
// Each session is bound to its domain (a cookie carried to another host is worthless, T2),
// expires after an idle period and at an absolute cap, and dies with a password change or
// suspension (endUserSessions).
import { newSecret } from '../../../common/ids.js';
import type { Db } from '../../storage/db.js';
import { fromDb, toDb } from '../../storage/dialect.js';
import { type User, toUser } from '../../storage/users.repo.js';
import { type BaseCtx, type Ctx, type Services, inTransaction } from '../context.js';
import { actorFor } from './sign-in.js';
import { sha256 } from './secrets.js';

export interface SessionInfo {
  idHash: string;
  csrfToken: string;
  user: User;
  /** 'pending': signed in with an expired password, which is all this session may change. */
  state: 'active' | 'pending';
}

/** A session opened with an expired password lasts this long unless the password is changed. */
export const PENDING_SESSION_MS = 30 * 60_000;

/** Idle time is written back at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  ctx: Ctx,
  user: User,
  replacing?: string,
  state: 'active' | 'pending' = 'active',
): Promise<{ token: string; csrfToken: string }> {
  if (replacing) {
    const gone = await ctx.db
      .deleteFrom('sessions')
      .where('idHash', '=', sha256(replacing))
      .where('domainId', '=', user.domainId)
      .returning('userId')
      .executeTakeFirst();
    if (gone) sessionsEnded(ctx, [Number(gone.userId)]);
  }
  const token = newSecret();
  const csrfToken = newSecret();
  await ctx.db
    .insertInto('sessions')
    .values({
      idHash: sha256(token),
      domainId: user.domainId,
      userId: user.id,
      csrfToken,
      state,
      createdAt: toDb.time(ctx.now),
      lastSeenAt: toDb.time(ctx.now),
      expiresAt: toDb.time(new Date(ctx.now.getTime() + (state === 'pending' ? PENDING_SESSION_MS : ctx.config.session.absoluteMs))),
      ip: ctx.request.ip ?? '',
      userAgent: (ctx.request.userAgent ?? '').slice(0, 512),
    })
    .execute();
  return { token, csrfToken };
}

export async function findSession(
  db: Db,
  domainId: string,
  token: string,
  now: Date,
  idleMs: number,
  /** false: this request is not the person's activity (an event stream), so idle time runs on. */
  touch = true,
): Promise<SessionInfo | null> {
  if (token.length > 100) return null;
  return findSessionByHash(db, domainId, sha256(token), now, idleMs, touch);
}

/** The session by the hash of its cookie (what a live event stream keeps of it), if still valid. */
export async function findSessionByHash(
  db: Db,
  domainId: string,
  idHash: string,
  now: Date,
  idleMs: number,
  touch = true,
): Promise<SessionInfo | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', (j) =>
      j.onRef('users.domainId', '=', 'sessions.domainId').onRef('users.id', '=', 'sessions.userId'),
    )
    .selectAll('users')
    .select(['sessions.csrfToken', 'sessions.state', 'sessions.lastSeenAt', 'sessions.expiresAt'])
    .where('sessions.idHash', '=', idHash)
    .where('sessions.domainId', '=', domainId)
    .executeTakeFirst();
  if (!row || (row.state !== 'active' && row.state !== 'pending')) return null;
  const lastSeen = fromDb.time(row.lastSeenAt).getTime();
  if (fromDb.time(row.expiresAt).getTime() <= now.getTime() || lastSeen + idleMs <= now.getTime()) {
    await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
    return null;
  }
  const user = toUser(row);
  if (!user.valid) return null;
  if (touch && now.getTime() - lastSeen > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ lastSeenAt: toDb.time(now) }).where('idHash', '=', idHash).execute();
  }
  return { idHash, csrfToken: row.csrfToken, user, state: row.state };
}

export async function endSession(ctx: Ctx, idHash: string): Promise<void> {
  const gone = await ctx.db.deleteFrom('sessions').where('idHash', '=', idHash).where('domainId', '=', ctx.actor.domainId).returning('userId').executeTakeFirst();
  if (gone) sessionsEnded(ctx, [Number(gone.userId)]);
}

/**
 * Tells every instance that some sessions of these people ended (after the commit): their open
 * event streams check their own session at once and close if it is gone (A17, G14).
 */
export function sessionsEnded(ctx: Ctx, userIds: number[]): void {
  if (userIds.length) ctx.events.publish({ kind: 'session.ended', userIds: [...new Set(userIds)] });
}

/** Every session of a user, everywhere: after a password change, suspension or deletion. */
export async function endUserSessions(ctx: Ctx, userIds: number[], exceptIdHash?: string): Promise<void> {
  if (userIds.length === 0) return;
  let q = ctx.db.deleteFrom('sessions').where('domainId', '=', ctx.actor.domainId).where('userId', 'in', userIds);
  if (exceptIdHash) q = q.where('idHash', '!=', exceptIdHash);
  await q.execute();
  sessionsEnded(ctx, userIds);
}

/** A new session for a user who just proved who they are; any session the browser held is replaced. */
export async function startSession(
  services: Services,
  base: BaseCtx,
  user: User,
  previousToken?: string,
  state: 'active' | 'pending' = 'active',
): Promise<{ token: string; csrfToken: string }> {
  return inTransaction(services, { ...base, actor: actorFor(user, 'session') }, (ctx) => createSession(ctx, user, previousToken, state));
}
