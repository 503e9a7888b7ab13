// GET records: a query over the app's records, at most 500 a page, with an optional count.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type CompileContext, type CompiledQuery, type SqlField, compileQuery } from '../../records/query-sql.js';
import { RECORD_COLUMNS, type StoredRecord, toStoredRecord } from '../../storage/records.repo.js';
import { codeKey } from '../../storage/users.repo.js';
import { fromDb } from '../../storage/dialect.js';
import type { Property } from '../../../common/fields/index.js';
import { type Query, QueryError } from '../../../common/query/index.js';
import type { Ctx } from '../context.js';
import { presentRecords } from './present.js';
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

export async function compileContext(ctx: Ctx, schema: RecordSchema): Promise<CompileContext> {
  const writer = await writerOf(ctx);
  return {
    dialect: ctx.dialect,
    fields: sqlFieldsOf(schema),
    now: ctx.now,
    timeZone: writer.timeZone,
    user: writer.userId > 0 ? { id: writer.userId, code: writer.code, primaryOrganization: writer.primaryOrganization } : null,
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
    return await compileQuery(query, await compileContext(ctx, schema));
  } catch (e) {
    if (e instanceof QueryError) throw queryAppError(e);
    throw e;
  }
}

export async function listRecords(
  ctx: Ctx,
  appId: number,
  input: { query: string; fields?: string[]; totalCount: boolean },
): Promise<{ records: unknown[]; totalCount: number | null; warning?: string }> {
  const schema = await recordSchema(ctx, appId);
  const compiled = await compile(ctx, schema, parseAndCheck(input.query, schema));
  const rows = await selectRecords(ctx, schema, compiled, { limit: compiled.limit, offset: compiled.offset });
  const records = await presentRecords(ctx, schema, rows, input.fields);
  const totalCount = input.totalCount ? await countRecords(ctx, schema, compiled) : null;
  // kintone stops a word search at 100,000 hits and says so in a header clients look for.
  const warning = compiled.likeUsed && (await likeHitsExceeded(ctx, schema, compiled)) ? LIKE_ABORTED : undefined;
  return { records, totalCount, warning };
}

export const LIKE_HIT_CAP = 100_000;
export const LIKE_ABORTED = 'Filter aborted because of too many search results';

async function likeHitsExceeded(ctx: Ctx, schema: RecordSchema, compiled: CompiledQuery): Promise<boolean> {
  const probe = baseQuery(ctx, schema, compiled).select('r.id').limit(1).offset(LIKE_HIT_CAP);
  return (await probe.execute()).length > 0;
}
