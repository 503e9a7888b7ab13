// GET records: a query over the app's records, at most 500 a page, with an optional count.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { CompiledQuery } from '../../records/query-sql.js';
import { recordColumns, type StoredRecord, findRecordsByIds, toStoredRecord } from '../../storage/records.repo.js';
import { fromDb } from '../../storage/dialect.js';
import type { Ctx } from '../context.js';
import { renderRecords } from './present.js';
import { cachedTexts, keepTexts } from './render-cache.js';
import { compileScoped } from './record-scope.js';
import { checkedQuery } from './related-query.js';
import { type RecordSchema, recordSchema } from './schema.js';

/** The query's records in order, within [limit, offset], optionally restricted further. */
export async function selectRecords(
  ctx: Ctx,
  schema: RecordSchema,
  compiled: CompiledQuery,
  page: { limit: number; offset: number; extra?: RawBuilder<SqlBool>; orderBy?: CompiledQuery['orderBy'] },
): Promise<StoredRecord[]> {
  let q = baseQuery(ctx, schema, compiled, page.extra).select(recordColumns(ctx.dialect));
  for (const o of page.orderBy ?? compiled.orderBy) q = q.orderBy(o.sql, o.direction);
  const rows = await q.limit(page.limit).offset(page.offset).execute();
  return rows.map(toStoredRecord);
}

export async function countRecords(ctx: Ctx, schema: RecordSchema, compiled: CompiledQuery, extra?: RawBuilder<SqlBool>): Promise<number> {
  const row = await baseQuery(ctx, schema, compiled, extra).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return fromDb.count(row.n);
}

function baseQuery(ctx: Ctx, schema: RecordSchema, compiled: CompiledQuery, extra?: RawBuilder<SqlBool>) {
  return ctx.db
    .selectFrom('records as r')
    .where('r.domainId', '=', schema.app.domainId)
    .where('r.appId', '=', schema.app.id)
    .$if(compiled.where !== null, (q) => q.where(compiled.where!))
    .$if(extra !== undefined, (q) => q.where(extra!));
}

export async function listRecords(
  ctx: Ctx,
  appId: number,
  input: { query: string; fields?: string[]; totalCount: boolean },
): Promise<{ records: Buffer[]; totalCount: number | null; warning?: string }> {
  const schema = await recordSchema(ctx, appId, 'view');
  const { query, related } = await checkedQuery(ctx, input.query, schema);
  const compiled = await compileScoped(ctx, schema, query, 'view', related);
  const page = { limit: compiled.limit, offset: compiled.offset };
  const records = input.fields ? await renderRecords(ctx, schema, await selectRecords(ctx, schema, compiled, page), input.fields) : await wholeRecords(ctx, schema, compiled, page);
  const totalCount = input.totalCount ? await countRecords(ctx, schema, compiled) : null;
  // kintone stops a word search at 100,000 hits and says so in a header clients look for. A
  // first page that is not full, or a count, already tells; otherwise one probe asks.
  const tooMany = !compiled.likeUsed
    ? false
    : totalCount !== null
      ? totalCount > LIKE_HIT_CAP
      : (records.length === compiled.limit || compiled.offset > 0) && (await likeHitsExceeded(ctx, schema, compiled));
  return { records, totalCount, warning: tooMany ? LIKE_ABORTED : undefined };
}

/**
 * Whole records (no `fields[]`): the query picks ids and revisions, the render cache supplies
 * the texts it has for those revisions, and only the others are read and written out.
 */
async function wholeRecords(ctx: Ctx, schema: RecordSchema, compiled: CompiledQuery, page: { limit: number; offset: number }): Promise<Buffer[]> {
  let q = baseQuery(ctx, schema, compiled).select(['r.id', 'r.revision']);
  for (const o of compiled.orderBy) q = q.orderBy(o.sql, o.direction);
  const keys = (await q.limit(page.limit).offset(page.offset).execute()).map((k) => ({ id: Number(k.id), revision: Number(k.revision) }));
  const texts = cachedTexts(ctx, schema, keys);
  const missing = keys.filter((_, i) => texts[i] === undefined).map((k) => k.id);
  if (missing.length === 0) return texts as Buffer[];
  const found = await findRecordsByIds(ctx.db, schema.app.domainId, schema.app.id, missing);
  const records = [...found.values()];
  const rendered = await renderRecords(ctx, schema, records);
  keepTexts(ctx, schema, records, rendered);
  const byId = new Map(records.map((r, i) => [r.id, rendered[i]!]));
  // A record deleted between the two reads is left out, as if the query had run a moment later.
  return keys.flatMap((k, i) => texts[i] ?? byId.get(k.id) ?? []);
}

export const LIKE_HIT_CAP = 100_000;
export const LIKE_ABORTED = 'Filter aborted because of too many search results';

async function likeHitsExceeded(ctx: Ctx, schema: RecordSchema, compiled: CompiledQuery): Promise<boolean> {
  const probe = baseQuery(ctx, schema, compiled).select('r.id').limit(1).offset(LIKE_HIT_CAP);
  return (await probe.execute()).length > 0;
}
