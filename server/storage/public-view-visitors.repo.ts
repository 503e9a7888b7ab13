// Registered visitors, sign-in codes and links, and e-mail sessions of public views (migration
// 0019). Every lookup is within one domain and one view.
import type { Selectable } from 'kysely';
import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
import type { PublicViewVisitorsTable } from './tables/public-view-visitors.table.js';

export interface RegisteredVisitor {
  email: string;
  name: string;
  attributes: Record<string, string>;
  source: 'manual' | 'csv' | 'app';
  createdAt: Date;
  updatedAt: Date;
}

function toVisitor(row: Selectable<PublicViewVisitorsTable>): RegisteredVisitor {
  return {
    email: row.email,
    name: row.name,
    attributes: fromDb.json<Record<string, string>>(row.attributes, {}),
    source: row.source,
    createdAt: fromDb.time(row.createdAt),
    updatedAt: fromDb.time(row.updatedAt),
  };
}

export async function findVisitor(db: Queryable, domainId: string, viewId: string, email: string): Promise<RegisteredVisitor | null> {
  const row = await db
    .selectFrom('publicViewVisitors')
    .selectAll()
    .where('domainId', '=', domainId)
    .where('viewId', '=', viewId)
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? toVisitor(row) : null;
}

export async function listVisitors(db: Queryable, domainId: string, viewId: string, page?: { offset: number; limit: number }): Promise<RegisteredVisitor[]> {
  const rows = await db
    .selectFrom('publicViewVisitors')
    .selectAll()
    .where('domainId', '=', domainId)
    .where('viewId', '=', viewId)
    .orderBy('email')
    .$if(page !== undefined, (q) => q.limit(page!.limit).offset(page!.offset))
    .execute();
  return rows.map(toVisitor);
}

/** Registered visitors of a view, or (no view) of the whole domain: the plan's limit counts these. */
export async function countVisitors(db: Queryable, domainId: string, viewId?: string): Promise<number> {
  const row = await db
    .selectFrom('publicViewVisitors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('domainId', '=', domainId)
    .$if(viewId !== undefined, (q) => q.where('viewId', '=', viewId!))
    .executeTakeFirstOrThrow();
  return fromDb.count(row.n);
}

export async function putVisitor(db: Queryable, domainId: string, viewId: string, v: Omit<RegisteredVisitor, 'createdAt' | 'updatedAt'>, now: Date): Promise<'added' | 'updated'> {
  const values = { name: v.name, attributes: toDb.json(v.attributes), source: v.source, updatedAt: toDb.time(now) };
  const res = await db
    .updateTable('publicViewVisitors')
    .set(values)
    .where('domainId', '=', domainId)
    .where('viewId', '=', viewId)
    .where('email', '=', v.email)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) return 'updated';
  await db
    .insertInto('publicViewVisitors')
    .values({ domainId, viewId, email: v.email, ...values, createdAt: toDb.time(now) })
    .execute();
  return 'added';
}

/** Removes the given addresses (or, with `source`, every visitor from it not in `keep`). */
export async function deleteVisitors(db: Queryable, domainId: string, viewId: string, which: { emails: string[] } | { source?: string; keep: string[] }): Promise<number> {
  let q = db.deleteFrom('publicViewVisitors').where('domainId', '=', domainId).where('viewId', '=', viewId);
  if ('emails' in which) {
    if (which.emails.length === 0) return 0;
    q = q.where('email', 'in', which.emails);
  } else {
    if (which.source) q = q.where('source', '=', which.source as RegisteredVisitor['source']);
    if (which.keep.length > 0) q = q.where('email', 'not in', which.keep);
  }
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

// ---- codes and links --------------------------------------------------------------------------

export interface StoredSignIn {
  idHash: string;
  email: string;
  kind: 'code' | 'link';
  codeHash: string | null;
  browserHash: string | null;
  attempts: number;
  expiresAt: Date;
}

export async function insertSignIn(db: Queryable, domainId: string, viewId: string, s: StoredSignIn, now: Date): Promise<void> {
  await db
    .insertInto('publicViewSignIns')
    .values({ ...s, domainId, viewId, createdAt: toDb.time(now), expiresAt: toDb.time(s.expiresAt) })
    .execute();
}

/** Voids the open codes (or links) of an address for a view: a new one replaces them. */
export async function deleteSignIns(db: Queryable, domainId: string, viewId: string, email: string, kind: 'code' | 'link'): Promise<void> {
  await db.deleteFrom('publicViewSignIns').where('domainId', '=', domainId).where('viewId', '=', viewId).where('email', '=', email).where('kind', '=', kind).execute();
}

export async function deleteSignIn(db: Queryable, idHash: string): Promise<boolean> {
  const res = await db.deleteFrom('publicViewSignIns').where('idHash', '=', idHash).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** The live code of an address, or the live link with this hash, for this view only. */
export async function findSignIn(
  db: Queryable,
  domainId: string,
  viewId: string,
  by: { kind: 'code'; email: string } | { kind: 'link'; idHash: string },
  now: Date,
): Promise<StoredSignIn | null> {
  const row = await db
    .selectFrom('publicViewSignIns')
    .select(['idHash', 'email', 'kind', 'codeHash', 'browserHash', 'attempts', 'expiresAt'])
    .where('domainId', '=', domainId)
    .where('viewId', '=', viewId)
    .where('kind', '=', by.kind)
    .$if(by.kind === 'code', (q) => q.where('email', '=', (by as { email: string }).email))
    .$if(by.kind === 'link', (q) => q.where('idHash', '=', (by as { idHash: string }).idHash))
    .where('expiresAt', '>', toDb.time(now))
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
  return row ? { ...row, attempts: Number(row.attempts), expiresAt: fromDb.time(row.expiresAt) } : null;
}

export async function countFailedTry(db: Queryable, idHash: string): Promise<void> {
  await db
    .updateTable('publicViewSignIns')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('idHash', '=', idHash)
    .execute();
}

// ---- e-mail sessions --------------------------------------------------------------------------

export async function insertEmailSession(db: Queryable, s: { idHash: string; domainId: string; viewId: string; email: string; now: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('publicViewSessions')
    .values({
      idHash: s.idHash,
      domainId: s.domainId,
      viewId: s.viewId,
      kind: 'email',
      email: s.email,
      createdAt: toDb.time(s.now),
      expiresAt: toDb.time(s.expiresAt),
      lastSeenAt: toDb.time(s.now),
    })
    .execute();
}

/** The live e-mail session with this hash for this view (and no other). */
export async function findEmailSession(db: Queryable, domainId: string, viewId: string, idHash: string, now: Date): Promise<{ email: string; lastSeenAt: Date } | null> {
  const row = await db
    .selectFrom('publicViewSessions')
    .select(['email', 'lastSeenAt'])
    .where('idHash', '=', idHash)
    .where('domainId', '=', domainId)
    .where('viewId', '=', viewId)
    .where('kind', '=', 'email')
    .where('expiresAt', '>', toDb.time(now))
    .executeTakeFirst();
  if (!row || !row.email || !row.lastSeenAt) return null;
  return { email: row.email, lastSeenAt: fromDb.time(row.lastSeenAt) };
}

export async function touchEmailSession(db: Queryable, idHash: string, now: Date): Promise<void> {
  await db.updateTable('publicViewSessions').set({ lastSeenAt: toDb.time(now) }).where('idHash', '=', idHash).execute();
}

export async function deleteEmailSessions(db: Queryable, domainId: string, viewId: string, which: { idHash?: string; email?: string } = {}): Promise<void> {
  await db
    .deleteFrom('publicViewSessions')
    .where('domainId', '=', domainId)
    .where('viewId', '=', viewId)
    .where('kind', '=', 'email')
    .$if(which.idHash !== undefined, (q) => q.where('idHash', '=', which.idHash!))
    .$if(which.email !== undefined, (q) => q.where('email', '=', which.email!))
    .execute();
}

/** The sweep: sessions past their end or idle too long, codes and links past theirs. */
export async function deleteLapsed(db: Queryable, now: Date, idleBefore: Date): Promise<{ sessions: number; signIns: number }> {
  const s = await db
    .deleteFrom('publicViewSessions')
    .where((eb) => eb.or([eb('expiresAt', '<=', toDb.time(now)), eb.and([eb('kind', '=', 'email'), eb('lastSeenAt', '<=', toDb.time(idleBefore))])]))
    .executeTakeFirst();
  const c = await db.deleteFrom('publicViewSignIns').where('expiresAt', '<=', toDb.time(now)).executeTakeFirst();
  return { sessions: Number(s.numDeletedRows), signIns: Number(c.numDeletedRows) };
}

/** Voids every code and link of a view on their way (its e-mail sign-in changed). */
export async function deleteViewSignIns(db: Queryable, domainId: string, viewId: string): Promise<void> {
  await db.deleteFrom('publicViewSignIns').where('domainId', '=', domainId).where('viewId', '=', viewId).execute();
}
