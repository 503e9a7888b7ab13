// The records query: parse, check against the fields the caller may see, and turn query errors
// into kintone's answers (`errors.query`).
import { type Query, type QueryField, type QuerySchema, QueryError, checkQuery, parseQuery, toErrorParts } from '../../../common/query/index.js';
import type { Property } from '../../../common/fields/index.js';
import { AppError } from '../app-error.js';
import type { RecordSchema } from './schema.js';
import { refuseStatusWhileOff, statusOptions } from '../process/query-fields.js';

export function queryAppError(e: QueryError): AppError {
  const parts = toErrorParts(e);
  return new AppError(parts.code, {
    params: parts.params,
    ...(parts.queryProblems.length ? { errors: { query: parts.queryProblems } } : {}),
  });
}

function optionsOf(p: Property): string[] | undefined {
  return p.options && typeof p.options === 'object' ? Object.keys(p.options as object) : undefined;
}

/**
 * The fields a query may name: every field with a value (tables' columns by their own code),
 * except those the caller may not see — to their queries those do not exist (probe R1).
 */
export function querySchemaOf(schema: RecordSchema, unrestricted = false, related: Record<string, QuerySchema> = {}): QuerySchema {
  const out: QuerySchema = Object.create(null);
  const hidden = unrestricted ? new Set<string>() : schema.fieldLimits.unqueryable;
  for (const p of Object.values(schema.fields)) {
    if (hidden.has(p.code)) continue;
    if (p.type === 'SUBTABLE') {
      for (const inner of Object.values((p.fields ?? {}) as Record<string, Property>)) {
        out[inner.code] = { code: inner.code, type: inner.type, options: optionsOf(inner), subtable: p.code } satisfies QueryField;
      }
      continue;
    }
    out[p.code] = { code: p.code, type: p.type, options: p.type === 'STATUS' ? statusOptions(schema.def) : optionsOf(p) };
    if (p.type === 'REFERENCE_TABLE' && Object.hasOwn(related, p.code)) out[p.code]!.relatedFields = related[p.code];
  }
  return out;
}

/** `レコード番号 = "ORDERS-12"`: record numbers may carry the app code; the check wants the number. */
function stripAppCode(expr: Query['where'], schema: RecordSchema): void {
  if (!expr || !schema.app.code) return;
  if (expr.kind === 'and' || expr.kind === 'or') {
    for (const e of expr.items) stripAppCode(e, schema);
    return;
  }
  if (schema.fields[expr.field.code]?.type !== 'RECORD_NUMBER') return;
  const prefix = `${schema.app.code}-`;
  const strip = (v: { kind: string; value?: string }) => {
    if (v.kind === 'string' && v.value?.startsWith(prefix)) v.value = v.value.slice(prefix.length);
  };
  if (expr.kind === 'compare') strip(expr.value);
  if (expr.kind === 'in') expr.values.forEach(strip);
}

/** `unrestricted`: a condition of the app's own settings (record permissions), not a caller's query. */
export function parseAndCheck(
  text: string,
  schema: RecordSchema,
  options: { forCursor?: boolean; unrestricted?: boolean; related?: Record<string, QuerySchema> } = {},
): Query {
  try {
    const query = parseQuery(text);
    stripAppCode(query.where, schema);
    if (!options.unrestricted) refuseStatusWhileOff(query, schema.def);
    checkQuery(query, querySchemaOf(schema, options.unrestricted, options.related), { forCursor: options.forCursor });
    return query;
  } catch (e) {
    if (e instanceof QueryError) throw queryAppError(e);
    throw e;
  }
}
