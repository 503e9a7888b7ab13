// Browser sessions as their owners and administrators see them. A session is named to the outside
// by an opaque id derived from the hash of its cookie: neither the cookie nor its hash ever
// leaves the server, and the id cannot be turned back into either.
import { createHash } from 'node:crypto';
import type { Queryable } from './db.js';
import { fromDb } from './dialect.js';

export interface SessionRow {
  id: string;
  idHash: string;
  state: 'active' | 'pending';
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string;
  userAgent: string;
}

/** The public name of a session: 128 bits of SHA-256 over its stored hash. */
export function sessionPublicId(idHash: string): string {
  return createHash('sha256').update(`session-id\0${idHash}`).digest('base64url').slice(0, 22);
}

/** The account's live sessions (idle or past their cap ones excluded), newest first. */
export async function listUserSessions(
  db: Queryable,
  domainId: string,
  userId: number,
  now: Date,
  idleMs: number,
): Promise<SessionRow[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['idHash', 'state', 'createdAt', 'lastSeenAt', 'expiresAt', 'ip', 'userAgent'])
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .execute();
  return rows
    .map((r) => ({
      id: sessionPublicId(r.idHash),
      idHash: r.idHash,
      state: r.state,
      createdAt: fromDb.time(r.createdAt),
      lastSeenAt: fromDb.time(r.lastSeenAt),
      expiresAt: fromDb.time(r.expiresAt),
      ip: r.ip,
      userAgent: r.userAgent,
    }))
    .filter((s) => s.expiresAt.getTime() > now.getTime() && s.lastSeenAt.getTime() + idleMs > now.getTime())
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
}

export async function sessionState(db: Queryable, domainId: string, idHash: string): Promise<'active' | 'pending' | null> {
  const row = await db
    .selectFrom('sessions')
    .select('state')
    .where('domainId', '=', domainId)
    .where('idHash', '=', idHash)
    .executeTakeFirst();
  return row?.state ?? null;
}

export async function deleteSessions(db: Queryable, domainId: string, userId: number, idHashes: string[]): Promise<void> {
  if (idHashes.length === 0) return;
  await db
    .deleteFrom('sessions')
    .where('domainId', '=', domainId)
    .where('userId', '=', userId)
    .where('idHash', 'in', idHashes)
    .execute();
}
