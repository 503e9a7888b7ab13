// Conditions on Related Records fields (`ref.field in (…)`, spec §5.1): "a record whose related
// records include one with field in (…)"; `not in` is its complement. The related app is read
// as the caller may read it — its app permission, record permissions and field permissions —
// and through the Related Records field's own condition and filter:
//
//   <this record's key> IN (SELECT <related key> FROM records r WHERE <that app> AND <filter>
//                           AND <the caller's scope there> AND <field in (…)>)
//
// The subquery is not correlated (its `r` is the related record), so each database runs it
// once per statement.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Property, ReferenceTable } from '../../../common/fields/index.js';
import { type Cond, type Expr, parseQuery, type Query, QueryError, type QuerySchema } from '../../../common/query/index.js';
import type { CompileContext } from '../../records/query-sql.js';
import { jsonSql } from '../../storage/json-sql.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { compile } from './compile.js';
import { parseAndCheck, queryAppError, querySchemaOf } from './query.js';
import { compileScoped } from './record-scope.js';
import { type RecordSchema, recordSchema } from './schema.js';

export interface CheckedQuery {
  query: Query;
  /** For the compiler, when the query names Related Records fields. */
  related?: CompileContext['relatedCondition'];
}

/** parseAndCheck, with the fields of related apps the caller may see where the query names them. */
export async function checkedQuery(ctx: Ctx, text: string, schema: RecordSchema, options: { forCursor?: boolean } = {}): Promise<CheckedQuery> {
  let parsed: Query;
  try {
    parsed = parseQuery(text);
  } catch (e) {
    if (e instanceof QueryError) throw queryAppError(e);
    throw e;
  }
  const codes = relatedCodes(parsed.where);
  if (codes.size === 0) return { query: parseAndCheck(text, schema, options) };
  const targets = new Map<string, { schema: RecordSchema; reference: ReferenceTable }>();
  for (const code of codes) {
    const p = schema.fields[code] as Property | undefined;
    if (p?.type !== 'REFERENCE_TABLE' || schema.fieldLimits.unqueryable.has(code)) continue;
    const reference = p.referenceTable as ReferenceTable;
    const target = await relatedSchema(ctx, reference);
    if (target) targets.set(code, { schema: target, reference });
  }
  const related: Record<string, QuerySchema> = {};
  for (const [code, t] of targets) {
    // Plain fields of the related app: not its tables' columns, not its own related records.
    const fields = querySchemaOf(t.schema);
    related[code] = Object.fromEntries(Object.entries(fields).filter(([, f]) => f.subtable === undefined && f.type !== 'REFERENCE_TABLE'));
  }
  const query = parseAndCheck(text, schema, { ...options, related });
  return { query, related: (cond) => relatedPredicate(ctx, schema, targets.get(cond.field.related!)!, cond) };
}

function relatedCodes(expr: Expr | null, into = new Set<string>()): Set<string> {
  if (!expr) return into;
  if (expr.kind === 'and' || expr.kind === 'or') for (const e of expr.items) relatedCodes(e, into);
  else if (expr.field.related !== undefined) into.add(expr.field.related);
  return into;
}

/** The related app as the caller sees it, or null when they cannot (its fields are then unknown). */
async function relatedSchema(ctx: Ctx, reference: ReferenceTable): Promise<RecordSchema | null> {
  let appId = Number(reference.relatedApp.app || 0);
  if (!appId && reference.relatedApp.code) {
    const row = await ctx.db.selectFrom('apps').select('id').where('domainId', '=', ctx.actor.domainId).where('code', '=', reference.relatedApp.code).executeTakeFirst();
    appId = row ? Number(row.id) : 0;
  }
  if (!appId) return null;
  try {
    return await recordSchema(ctx, appId, 'view');
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}

/** A key of the record `r` as text: a field's stored value, or the record number. */
function keyOf(ctx: Ctx, schema: RecordSchema, code: string): RawBuilder<unknown> {
  const p = schema.fields[code] as Property | undefined;
  if (!p) return sql`NULL`;
  if (p.type === 'RECORD_NUMBER') return sql`CAST(${sql.ref('r.id')} AS TEXT)`;
  const fieldId = schema.fieldIds[code];
  return fieldId ? jsonSql(ctx.dialect).text(sql.ref('r.data'), fieldId) : sql`NULL`;
}

async function relatedPredicate(ctx: Ctx, schema: RecordSchema, target: { schema: RecordSchema; reference: ReferenceTable }, cond: Cond): Promise<RawBuilder<SqlBool>> {
  const { schema: other, reference } = target;
  // The condition as the related app's own: `in` on its field, within what the caller sees there.
  const positive = { ...cond, field: { code: cond.field.code, pos: cond.field.pos }, ...(cond.kind === 'in' || cond.kind === 'like' || cond.kind === 'empty' ? { negated: false } : {}) } as Cond;
  const inner = await compileScoped(ctx, other, { where: positive, orderBy: [], limit: null, offset: null });
  const parts: RawBuilder<SqlBool>[] = [inner.where ?? sql<SqlBool>`(1 = 1)`];
  if (reference.filterCond?.trim()) {
    const filter = await compile(ctx, other, parseAndCheck(reference.filterCond, other, { unrestricted: true }));
    if (filter.where) parts.push(filter.where);
  }
  const found = sql<SqlBool>`(${keyOf(ctx, schema, reference.condition.field)} IN (SELECT ${keyOf(ctx, other, reference.condition.relatedField)} FROM ${sql.table('records')} AS r WHERE ${sql.ref('r.domainId')} = ${other.app.domainId} AND ${sql.ref('r.appId')} = ${other.app.id} AND ${sql.join(parts, sql` AND `)}))`;
  const negated = (cond.kind === 'in' || cond.kind === 'like' || cond.kind === 'empty') && cond.negated;
  return negated ? sql<SqlBool>`((${found}) IS NOT TRUE)` : found;
}
