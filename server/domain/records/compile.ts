// Compiling a records query for one app and one actor: the app's fields as the SQL compiler
// sees them, and the caller's time zone and identity where the query's functions need them.
import { type CompileContext, type CompiledQuery, type SqlField, compileQuery } from '../../records/query-sql.js';
import { codeKey } from '../../storage/users.repo.js';
import type { Property } from '../../../common/fields/index.js';
import { type Query, QueryError, usesFunctions } from '../../../common/query/index.js';
import type { Ctx } from '../context.js';
import { queryAppError } from './query.js';
import type { RecordSchema } from './schema.js';
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
export async function compileContext(ctx: Ctx, schema: RecordSchema, query: Query, related?: CompileContext['relatedCondition']): Promise<CompileContext> {
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
    ...(related ? { relatedCondition: related } : {}),
    resolveUserIds: async (codes) => {
      if (codes.length === 0) return [];
      const rows = await ctx.db.selectFrom('users').select('id').where('domainId', '=', schema.app.domainId).where('codeKey', 'in', codes.map(codeKey)).execute();
      return rows.map((r) => Number(r.id));
    },
  };
}

export async function compile(ctx: Ctx, schema: RecordSchema, query: Query, related?: CompileContext['relatedCondition']): Promise<CompiledQuery> {
  try {
    return await compileQuery(query, await compileContext(ctx, schema, query, related));
  } catch (e) {
    if (e instanceof QueryError) throw queryAppError(e);
    throw e;
  }
}
