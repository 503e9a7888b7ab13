// Guest invitations (guest_invitations, migration 0015): one row per invited address and guest
// space. The link's token is kept only as its SHA-256 (token_hash), cleared when the invitation
// is used or cancelled, so a used or cancelled link matches nothing.
import { recordGuestFirstSignIn } from './licences.repo.js';
import type { Selectable } from 'kysely';
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
import type { GuestInvitationsTable } from './tables/access.table.js';

export const INVITATION_SEQUENCE = 'invitation';

export interface Invitation {
  domainId: string;
  id: number;
  spaceId: number;
  email: string;
  emailKey: string;
  message: string;
  locale: 'ja' | 'en';
  inviterId: number;
  createdAt: Date;
  sentAt: Date;
  sendCount: number;
  expiresAt: Date;
  acceptedAt: Date | null;
  acceptedUserId: number | null;
  cancelledAt: Date | null;
}

function toInvitation(row: Selectable<GuestInvitationsTable>): Invitation {
  return {
    domainId: row.domainId,
    id: Number(row.id),
    spaceId: Number(row.spaceId),
    email: row.email,
    emailKey: row.emailKey,
    message: row.message,
    locale: row.locale,
    inviterId: Number(row.inviterId),
    createdAt: fromDb.time(row.createdAt),
    sentAt: fromDb.time(row.sentAt),
    sendCount: Number(row.sendCount),
    expiresAt: fromDb.time(row.expiresAt),
    acceptedAt: fromDb.timeOrNull(row.acceptedAt),
    acceptedUserId: row.acceptedUserId == null ? null : Number(row.acceptedUserId),
    cancelledAt: fromDb.timeOrNull(row.cancelledAt),
  };
}

export interface NewInvitation {
  id: number;
  spaceId: number;
  email: string;
  emailKey: string;
  tokenHash: string;
  message: string;
  locale: 'ja' | 'en';
  inviterId: number;
  expiresAt: Date;
}

export async function insertInvitation(db: Queryable, domainId: string, inv: NewInvitation, now: Date): Promise<void> {
  const at = toDb.time(now);
  await db
    .insertInto('guestInvitations')
    .values({
      domainId,
      ...inv,
      createdAt: at,
      sentAt: at,
      sendCount: 1,
      expiresAt: toDb.time(inv.expiresAt),
      acceptedAt: null,
      acceptedUserId: null,
      cancelledAt: null,
    })
    .execute();
}

/** Invitations of a space not yet accepted nor cancelled (expired ones too), by address key. */
export async function pendingInvitations(db: Queryable, domainId: string, spaceId: number, emailKeys: string[]): Promise<Map<string, Invitation>> {
  if (emailKeys.length === 0) return new Map();
  const rows = await db
    .selectFrom('guestInvitations')
    .selectAll()
    .where('domainId', '=', domainId)
    .where('spaceId', '=', spaceId)
    .where('emailKey', 'in', emailKeys)
    .where('acceptedAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.emailKey, toInvitation(r)]));
}

export async function findInvitation(db: Queryable, domainId: string, spaceId: number, id: number): Promise<Invitation | null> {
  const row = await db
    .selectFrom('guestInvitations')
    .selectAll()
    .where('domainId', '=', domainId)
    .where('spaceId', '=', spaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toInvitation(row) : null;
}

/**
 * The live invitation a link's token names: one indexed lookup whose WHERE holds every rule, so
 * an unknown, foreign, used, cancelled or expired token costs the same and answers the same.
 */
export async function findLiveByToken(db: Queryable, domainId: string, tokenHash: string, now: Date): Promise<Invitation | null> {
  const row = await db
    .selectFrom('guestInvitations')
    .selectAll()
    .where('tokenHash', '=', tokenHash)
    .where('domainId', '=', domainId)
    .where('expiresAt', '>', toDb.time(now))
    .where('acceptedAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .executeTakeFirst();
  return row ? toInvitation(row) : null;
}

/**
 * Uses the invitation a token names, in one statement: of two racing requests only one matches
 * (the other finds token_hash already cleared). Returns the invitation, or null.
 */
export async function claimByToken(
  db: Queryable,
  domainId: string,
  tokenHash: string,
  now: Date,
  userId: number | null,
): Promise<Invitation | null> {
  const at = toDb.time(now);
  const row = await db
    .updateTable('guestInvitations')
    .set({ tokenHash: null, acceptedAt: at, acceptedUserId: userId })
    .where('tokenHash', '=', tokenHash)
    .where('domainId', '=', domainId)
    .where('expiresAt', '>', at)
    .where('acceptedAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? toInvitation(row) : null;
}

export async function setAcceptedUser(db: Queryable, domainId: string, id: number, userId: number): Promise<void> {
  await db.updateTable('guestInvitations').set({ acceptedUserId: userId }).where('domainId', '=', domainId).where('id', '=', id).execute();
}

/** A new send of a pending invitation: a new token (the old link dies), a new expiry. */
export async function rotateInvitation(
  db: Queryable,
  domainId: string,
  id: number,
  change: { tokenHash: string; expiresAt: Date; message: string; locale: 'ja' | 'en'; inviterId: number },
  now: Date,
): Promise<boolean> {
  const rows = await db
    .updateTable('guestInvitations')
    .set((eb) => ({
      tokenHash: change.tokenHash,
      expiresAt: toDb.time(change.expiresAt),
      message: change.message,
      locale: change.locale,
      inviterId: change.inviterId,
      sentAt: toDb.time(now),
      sendCount: eb('sendCount', '+', 1),
    }))
    .where('domainId', '=', domainId)
    .where('id', '=', id)
    .where('acceptedAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function cancelInvitation(db: Queryable, domainId: string, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .updateTable('guestInvitations')
    .set({ tokenHash: null, cancelledAt: toDb.time(now) })
    .where('domainId', '=', domainId)
    .where('id', '=', id)
    .where('acceptedAt', 'is', null)
    .where('cancelledAt', 'is', null)
    .returning('id')
    .execute();
  return rows.length > 0;
}

export interface InvitationListRow extends Invitation {
  /** The registered guest's state: null before registration (or once the account is gone). */
  acceptedUserValid: boolean | null;
}

/** A space's invitations, oldest first, with the registered guest's state. */
export async function listInvitations(
  db: Queryable,
  domainId: string,
  spaceId: number,
  page: { offset: number; limit: number },
): Promise<InvitationListRow[]> {
  const rows = await db
    .selectFrom('guestInvitations as i')
    .leftJoin('users as u', (j) => j.onRef('u.domainId', '=', 'i.domainId').onRef('u.id', '=', 'i.acceptedUserId'))
    .selectAll('i')
    .select('u.valid as acceptedUserValid')
    .where('i.domainId', '=', domainId)
    .where('i.spaceId', '=', spaceId)
    .orderBy('i.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return rows.map((r) => ({ ...toInvitation(r), acceptedUserValid: r.acceptedUserValid == null ? null : fromDb.bool(r.acceptedUserValid) }));
}

/** Marks a guest's first use: registration through a link is its first sign-in. */
export async function markGuestSignedIn(db: Queryable, domainId: string, user: { id: number; email: string }, now: Date): Promise<void> {
  await db.updateTable('users').set({ lastLoginAt: toDb.time(now) }).where('domainId', '=', domainId).where('id', '=', user.id).execute();
  await recordGuestFirstSignIn(db, domainId, user, now);
}
