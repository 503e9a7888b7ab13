// records/cursor.json: a query read page by page. At most 10 live cursors per domain (429
// GAIA_TM12); each lives 10 minutes, renewed by every read, and is gone after its last page.
// Only the actor who made it can read it; anyone else, like an unknown id, gets 404 GAIA_CN01.
import { sql } from 'kysely';
import { newSecret } from '../../../common/ids.js';
import { actorRef } from '../../policy/actor.js';
import { fromDb, toDb } from '../../storage/dialect.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { sha256 } from '../auth/secrets.js';
import { countRecords, selectRecords } from './list-records.js';
import { compileScoped } from './record-scope.js';
import { checkedQuery } from './related-query.js';
import { renderRecords } from './present.js';
import { recordSchema } from './schema.js';

export const CURSOR_TTL_MS = 10 * 60_000;
export const MAX_CURSORS_PER_DOMAIN = 10;
/**
 * So that one guest cannot hold every cursor of the domain (probe D4). People of the company and
 * API tokens keep kintone's limit alone (ten per domain), which scripts and the CLI rely on.
 */
export const MAX_CURSORS_PER_GUEST = 3;

function ownerOf(ctx: Ctx): string {
  const ref = actorRef(ctx.actor);
  return `${ref.kind}:${ref.id ?? ''}`;
}

export async function createCursor(ctx: Ctx, appId: number, input: { query: string; fields?: string[]; size: number }): Promise<{ id: string; totalCount: number }> {
  const schema = await recordSchema(ctx, appId, 'view');
  const { query, related } = await checkedQuery(ctx, input.query, schema, { forCursor: true });
  const domainId = ctx.actor.domainId;
  await ctx.db.deleteFrom('recordCursors').where('domainId', '=', domainId).where('expiresAt', '<=', toDb.time(ctx.now)).execute();
  const owner = ownerOf(ctx);
  const live = await ctx.db
    .selectFrom('recordCursors')
    .select([sql<number>`count(*)`.as('n'), sql<number>`sum(case when owner = ${owner} then 1 else 0 end)`.as('mine')])
    .where('domainId', '=', domainId)
    .executeTakeFirstOrThrow();
  const mineFull = ctx.actor.kind === 'guest' && fromDb.count(live.mine) >= MAX_CURSORS_PER_GUEST;
  if (fromDb.count(live.n) >= MAX_CURSORS_PER_DOMAIN || mineFull) throw new AppError('GAIA_TM12');

  const compiled = await compileScoped(ctx, schema, query, 'view', related);
  const max = await ctx.db
    .selectFrom('records')
    .select(sql<number>`max(id)`.as('m'))
    .where('domainId', '=', domainId)
    .where('appId', '=', appId)
    .executeTakeFirstOrThrow();
  const maxRecordId = Number(max.m ?? 0);
  const totalCount = await countRecords(ctx, schema, compiled, sql<boolean>`${sql.ref('r.id')} <= ${maxRecordId}`);
  const id = newSecret();
  await ctx.db
    .insertInto('recordCursors')
    .values({
      idHash: sha256(id),
      domainId,
      appId,
      owner,
      query: input.query,
      fields: input.fields ? toDb.json(input.fields) : null,
      size: input.size,
      maxRecordId,
      lastRecordId: null,
      position: 0,
      totalCount,
      createdAt: toDb.time(ctx.now),
      expiresAt: toDb.time(new Date(ctx.now.getTime() + CURSOR_TTL_MS)),
    })
    .execute();
  return { id, totalCount };
}

async function ownCursor(ctx: Ctx, id: string) {
  const row = await ctx.db
    .selectFrom('recordCursors')
    .selectAll()
    .where('idHash', '=', sha256(id.slice(0, 200)))
    .where('domainId', '=', ctx.actor.domainId)
    .where('owner', '=', ownerOf(ctx))
    .where('expiresAt', '>', toDb.time(ctx.now))
    .executeTakeFirst();
  if (!row) throw new AppError('GAIA_CN01');
  return row;
}

export async function readCursor(ctx: Ctx, id: string): Promise<{ records: Buffer[]; next: boolean }> {
  const cursor = await ownCursor(ctx, id);
  let schema;
  try {
    schema = await recordSchema(ctx, Number(cursor.appId), 'view');
  } catch {
    throw new AppError('GAIA_CN01'); // the app went away or out of reach since
  }
  const { query, related } = await checkedQuery(ctx, cursor.query, schema, { forCursor: true });
  const compiled = await compileScoped(ctx, schema, query, 'view', related);
  const size = Number(cursor.size);
  const byIdOnly = query.orderBy.length === 0 || (query.orderBy.length === 1 && query.orderBy[0]!.field.code === '$id');
  const direction = query.orderBy[0]?.direction ?? 'desc';
  const last = cursor.lastRecordId == null ? null : Number(cursor.lastRecordId);
  const bound = sql<boolean>`${sql.ref('r.id')} <= ${Number(cursor.maxRecordId)}`;
  // Paging by key when the order is by $id: every page costs the same however deep it is.
  // Descending from the last key, that key alone bounds the page; a second upper bound makes
  // SQLite walk from the top of the table on every page.
  const extra =
    byIdOnly && last !== null
      ? direction === 'asc'
        ? sql<boolean>`${bound} and ${sql.ref('r.id')} > ${last}`
        : sql<boolean>`${sql.ref('r.id')} < ${last}`
      : bound;
  const rows = await selectRecords(ctx, schema, compiled, { limit: size + 1, offset: byIdOnly ? 0 : Number(cursor.position), extra });
  const next = rows.length > size;
  const page = rows.slice(0, size);
  const fields = fromDb.json<string[] | null>(cursor.fields, null) ?? undefined;
  const records = await renderRecords(ctx, schema, page, fields);
  if (next) {
    await ctx.db
      .updateTable('recordCursors')
      .set({
        lastRecordId: page.at(-1)?.id ?? last,
        position: Number(cursor.position) + page.length,
        expiresAt: toDb.time(new Date(ctx.now.getTime() + CURSOR_TTL_MS)),
      })
      .where('idHash', '=', cursor.idHash)
      .execute();
  } else {
    await ctx.db.deleteFrom('recordCursors').where('idHash', '=', cursor.idHash).execute();
  }
  return { records, next };
}

export async function deleteCursor(ctx: Ctx, id: string): Promise<void> {
  const cursor = await ownCursor(ctx, id);
  await ctx.db.deleteFrom('recordCursors').where('idHash', '=', cursor.idHash).execute();
}
