// GET records: a query over the app's records, at most 500 a page, with an optional count.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type CompileContext, type CompiledQuery, type SqlField, compileQuery } from '../../records/query-sql.js';
import { RECORD_COLUMNS, type StoredRecord, findRecordsByIds, toStoredRecord } from '../../storage/records.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { fromDb } from '../../storage/dialect.js';
import type { Property } from '../../../common/fields/index.js';
import { type Query, QueryError, usesFunctions } from '../../../common/query/index.js';
import type { Ctx } from '../context.js';
import { renderRecords } from './present.js';
import { cachedTexts, keepTexts } from './render-cache.js';
import { parseAndCheck, queryAppError } from './query.js';
import { type RecordSchema, recordSchema } from './schema.js';
import { writerOf } from './writer.js';

export function sqlFieldsOf(schema: RecordSchema): Record<string, SqlField> {
  const out: Record<string, SqlField> = Object.create(null);
  out.$id = { code: '$id', type: '__ID__', fieldId: '' };
  for (const p of Object.values(schema.fields)) {
    if (p.type === 'SUBTABLE') {
      const table = { code: p.code, fieldId: schema.fieldIds[p.code]! };
      for (const inner of Object.values((p.fields ?? {}) as Record<string, Property>)) {
        out[inner.code] = { code: inner.code, type: inner.type, fieldId: schema.fieldIds[inner.code]!, subtable: table, format: inner.format as string | undefined };
      }
      continue;
    }
    out[p.code] = { code: p.code, type: p.type, fieldId: schema.fieldIds[p.code] ?? '', format: p.format as string | undefined };
  }
  return out;
}

/**
 * What the compiler needs besides the schema. The caller's time zone and primary department
 * matter only to functions (TODAY(), LOGINUSER(), PRIMARY_ORGANIZATION() …), so the user row is
 * read only for a query that calls one.
 */
export async function compileContext(ctx: Ctx, schema: RecordSchema, query: Query): Promise<CompileContext> {
  const writer = usesFunctions(query.where) ? await writerOf(ctx) : null;
  const actor = ctx.actor;
  const signedIn = actor.kind === 'user' || actor.kind === 'guest';
  return {
    dialect: ctx.dialect,
    fields: sqlFieldsOf(schema),
    now: ctx.now,
    timeZone: writer?.timeZone ?? 'Asia/Tokyo',
    user: writer
      ? writer.userId > 0
        ? { id: writer.userId, code: writer.code, primaryOrganization: writer.primaryOrganization }
        : null
      : signedIn
        ? { id: actor.userId, code: actor.code, primaryOrganization: null }
        : null,
    appCode: schema.app.code,
    textIndex: { domainId: schema.app.domainId, appId: schema.app.id },
    resolveUserIds: async (codes) => {
      if (codes.length === 0) return [];
      const rows = await ctx.db.selectFrom('users').select('id').where('domainId', '=', schema.app.domainId).where('codeKey', 'in', codes.map(codeKey)).execute();
      return rows.map((r) => Number(r.id));
    },
  };
}

/** The query's records in order, within [limit, offset], optionally restricted further. */
export async function selectRecords(
  ctx: Ctx,
  schema: RecordSchema,
  compiled: CompiledQuery,
  page: { limit: number; offset: number; extra?: RawBuilder<SqlBool>; orderBy?: CompiledQuery['orderBy'] },
): Promise<StoredRecord[]> {
  let q = baseQuery(ctx, schema, compiled, page.extra).select(RECORD_COLUMNS.map((c) => `r.${c}` as const));
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

export async function compile(ctx: Ctx, schema: RecordSchema, query: Query): Promise<CompiledQuery> {
  try {
    return await compileQuery(query, await compileContext(ctx, schema, query));
  } catch (e) {
    if (e instanceof QueryError) throw queryAppError(e);
    throw e;
  }
}

export async function listRecords(
  ctx: Ctx,
  appId: number,
  input: { query: string; fields?: string[]; totalCount: boolean },
): Promise<{ records: Buffer[]; totalCount: number | null; warning?: string }> {
  const schema = await recordSchema(ctx, appId, 'view');
  const query = parseAndCheck(input.query, schema);
  const compiled = await compile(ctx, schema, query);
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
