import type { Queryable } from './db.js';
import { fromDb, toDb } from './dialect.js';
import type { ApiTokenRights } from './tables/apps.table.js';

export interface StoredToken {
  domainId: string;
  appId: number;
  id: string;
  hint: string;
  /** As edited in settings; null once deleted there (still live until the app is updated). */
  rights: ApiTokenRights | null;
  /** What the last deploy made effective; null until then. */
  liveRights: ApiTokenRights | null;
  createdAt: Date;
}

type Row = { domainId: string; appId: number; id: string; hint: string; rights: unknown; liveRights: unknown; createdAt: string | Date };

const toToken = (r: Row): StoredToken => ({
  domainId: r.domainId,
  appId: Number(r.appId),
  id: r.id,
  hint: r.hint,
  rights: fromDb.json<ApiTokenRights | null>(r.rights as string | null, null),
  liveRights: fromDb.json<ApiTokenRights | null>(r.liveRights as string | null, null),
  createdAt: fromDb.time(r.createdAt),
});

const COLUMNS = ['domainId', 'appId', 'id', 'hint', 'rights', 'liveRights', 'createdAt'] as const;

/** Live tokens by hash, in one domain. */
export async function findLiveTokens(db: Queryable, domainId: string, hashes: string[]): Promise<StoredToken[]> {
  if (hashes.length === 0) return [];
  const rows = await db.selectFrom('apiTokens').select(COLUMNS).where('domainId', '=', domainId).where('tokenHash', 'in', hashes).where('liveRights', 'is not', null).execute();
  return rows.map(toToken);
}

export async function listTokens(db: Queryable, domainId: string, appId: number): Promise<StoredToken[]> {
  const rows = await db.selectFrom('apiTokens').select(COLUMNS).where('domainId', '=', domainId).where('appId', '=', appId).orderBy('createdAt').orderBy('id').execute();
  return rows.map(toToken);
}

export async function insertToken(db: Queryable, t: { tokenHash: string; domainId: string; appId: number; id: string; hint: string; rights: ApiTokenRights; createdBy: number; createdAt: Date }): Promise<void> {
  await db.insertInto('apiTokens').values({ ...t, rights: toDb.json(t.rights), liveRights: null, createdAt: toDb.time(t.createdAt) }).execute();
}

/** Sets the settings-side flags (null: deleted in settings). False when there is no such token. */
export async function setTokenRights(db: Queryable, domainId: string, appId: number, id: string, rights: ApiTokenRights | null): Promise<boolean> {
  const r = await db
    .updateTable('apiTokens')
    .set({ rights: rights === null ? null : toDb.json(rights) })
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('id', '=', id)
    .where('rights', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deploy: settings become live; tokens deleted in settings go. */
export async function deployTokens(db: Queryable, domainId: string, appId: number): Promise<void> {
  await db.deleteFrom('apiTokens').where('domainId', '=', domainId).where('appId', '=', appId).where('rights', 'is', null).execute();
  await db.updateTable('apiTokens').set((eb) => ({ liveRights: eb.ref('rights') })).where('domainId', '=', domainId).where('appId', '=', appId).execute();
}

/** Revert: settings go back to what is live; tokens never deployed go. */
export async function revertTokens(db: Queryable, domainId: string, appId: number): Promise<void> {
  await db.deleteFrom('apiTokens').where('domainId', '=', domainId).where('appId', '=', appId).where('liveRights', 'is', null).execute();
  await db.updateTable('apiTokens').set((eb) => ({ rights: eb.ref('liveRights') })).where('domainId', '=', domainId).where('appId', '=', appId).execute();
}

export async function countTokens(db: Queryable, domainId: string, appId: number): Promise<number> {
  const row = await db
    .selectFrom('apiTokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .where('rights', 'is not', null)
    .executeTakeFirstOrThrow();
  return fromDb.count(row.n);
}
