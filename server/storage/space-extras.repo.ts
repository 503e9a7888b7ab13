// What the space extras read and write beyond spaces.repo.ts and threads.repo.ts: a space's
// related links, the candidates of a search inside one space, and the counts of
// spaces/statistics.json. Who may see what is decided before (server/domain/spaces/).
import { type RawBuilder, sql } from 'kysely';
import type { Queryable } from './db.js';
import { dialectOf, fromDb, toDb } from './dialect.js';
import { jsonSql } from './json-sql.js';

export type StoredLink = { type: 'APP'; id: string } | { type: 'SPACE'; id: string } | { type: 'URL'; url: string; title: string };

export async function loadRelatedLinks(db: Queryable, domainId: string, spaceId: number): Promise<StoredLink[]> {
  const row = await db.selectFrom('spaces').select('relatedLinks').where('domainId', '=', domainId).where('id', '=', spaceId).executeTakeFirst();
  return fromDb.json<StoredLink[]>(row?.relatedLinks, []);
}

export async function saveRelatedLinks(db: Queryable, domainId: string, spaceId: number, links: StoredLink[], modifierId: number, at: Date): Promise<void> {
  await db
    .updateTable('spaces')
    .set({ relatedLinks: toDb.json(links), modifierId, modifiedAt: toDb.time(at) })
    .where('domainId', '=', domainId)
    .where('id', '=', spaceId)
    .execute();
}

/** `text` contains the search, ASCII case folded alike in both databases (as records' `like`). */
function contains(db: Queryable, text: RawBuilder<string | null>, pattern: string) {
  const j = jsonSql(dialectOf(db));
  return sql<boolean>`(${j.foldCase(sql<string>`coalesce(${text}, '')`)} LIKE ${pattern} ESCAPE ${sql.lit('\\')})`;
}

/** Threads of a space whose name or body may contain the search, newest first (`pattern`: likePattern). */
export async function threadCandidates(db: Queryable, domainId: string, spaceId: number, pattern: string, limit: number) {
  const rows = await db
    .selectFrom('spaceThreads')
    .select(['id', 'name', 'body'])
    .where('domainId', '=', domainId)
    .where('spaceId', '=', spaceId)
    .where((eb) => eb.or([contains(db, sql.ref('name'), pattern), contains(db, sql.ref('body'), pattern)]))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name, body: r.body }));
}

/** Comments in the threads of a space whose text may contain the search, newest first. */
export async function commentCandidates(db: Queryable, domainId: string, spaceId: number, pattern: string, limit: number) {
  const rows = await db
    .selectFrom('threadComments as c')
    .innerJoin('spaceThreads as t', (j) => j.onRef('t.domainId', '=', 'c.domainId').onRef('t.id', '=', 'c.threadId'))
    .select(['c.id', 'c.threadId', 'c.text', 't.name as threadName'])
    .where('c.domainId', '=', domainId)
    .where('c.spaceId', '=', spaceId)
    .where('t.spaceId', '=', spaceId)
    .where(contains(db, sql.ref('c.text'), pattern))
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), threadId: Number(r.threadId), text: r.text, threadName: r.threadName }));
}

export interface SpaceCounts {
  administrators: number;
  members: number;
  threads: number;
  apps: number;
}

/** Member rows (admins among them) and guests, threads and apps of each space, in four statements. */
export async function spaceCounts(db: Queryable, domainId: string, spaceIds: number[]): Promise<Map<number, SpaceCounts>> {
  const out = new Map<number, SpaceCounts>(spaceIds.map((id) => [id, { administrators: 0, members: 0, threads: 0, apps: 0 }]));
  if (spaceIds.length === 0) return out;
  const yes = toDb.bool(dialectOf(db), true);
  const [members, guests, threads, apps] = await Promise.all([
    db
      .selectFrom('spaceMembers')
      .select(['spaceId', sql<number>`count(*)`.as('n'), sql<number>`sum(case when is_admin = ${yes} then 1 else 0 end)`.as('admins')])
      .where('domainId', '=', domainId)
      .where('spaceId', 'in', spaceIds)
      .groupBy('spaceId')
      .execute(),
    db.selectFrom('spaceGuests').select(['spaceId', sql<number>`count(*)`.as('n')]).where('domainId', '=', domainId).where('spaceId', 'in', spaceIds).groupBy('spaceId').execute(),
    db.selectFrom('spaceThreads').select(['spaceId', sql<number>`count(*)`.as('n')]).where('domainId', '=', domainId).where('spaceId', 'in', spaceIds).groupBy('spaceId').execute(),
    db.selectFrom('apps').select(['spaceId', sql<number>`count(*)`.as('n')]).where('domainId', '=', domainId).where('spaceId', 'in', spaceIds).groupBy('spaceId').execute(),
  ]);
  for (const r of members) {
    const c = out.get(Number(r.spaceId))!;
    c.members += fromDb.count(r.n);
    c.administrators = fromDb.count(r.admins);
  }
  for (const r of guests) out.get(Number(r.spaceId))!.members += fromDb.count(r.n);
  for (const r of threads) out.get(Number(r.spaceId))!.threads = fromDb.count(r.n);
  for (const r of apps) if (r.spaceId != null) out.get(Number(r.spaceId))!.apps = fromDb.count(r.n);
  return out;
}
