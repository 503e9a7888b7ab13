// Record hits of a space search. Records are read only through the records engine, as the actor
// reads them in GET records.json: the app must be one they may view (recordSchema), the records
// within their record permissions (compileScoped), and only fields they may view are searched and
// quoted — the query is an `or` of `like` over the text fields their field permissions leave
// them, so a hidden field can neither match nor appear in an excerpt (probe G10).
import type { StoredValue } from '../../../common/fields/index.js';
import { type QueryField, isIdentifier, printString } from '../../../common/query/index.js';
import type { StoredRecord } from '../../storage/records.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { titleFieldOf } from '../notifications/present.js';
import { recordNumber } from '../records/present.js';
import { querySchemaOf, parseAndCheck } from '../records/query.js';
import { compileScoped } from '../records/record-scope.js';
import { selectRecords } from '../records/list-records.js';
import { type RecordSchema, recordSchema } from '../records/schema.js';
import { excerpt, includesFolded, plainText } from './search-space-text.js';

/** Types `like` reads (spec §5.2), and whose values are text to quote. */
const TEXT_TYPES = new Set(['SINGLE_LINE_TEXT', 'MULTI_LINE_TEXT', 'RICH_TEXT', 'LINK']);

export interface RecordHit {
  app: number;
  record: number;
  title: string;
  excerpt: string;
}

/** The app's schema as the actor may read records, or null when they may not. */
async function viewable(ctx: Ctx, appId: number): Promise<RecordSchema | null> {
  try {
    return await recordSchema(ctx, appId, 'view');
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}

/** Up to `max` of the app's newest records whose viewable text contains the keyword. */
export async function recordHits(ctx: Ctx, appId: number, keyword: string, folded: string, max: number): Promise<RecordHit[]> {
  const schema = await viewable(ctx, appId);
  if (!schema) return [];
  // Codes that cannot be written in a query cannot be searched either.
  const fields = Object.values(querySchemaOf(schema)).filter((f) => TEXT_TYPES.has(f.type) && isIdentifier(f.code));
  if (fields.length === 0) return [];
  const text = `${fields.map((f) => `${f.code} like ${printString(keyword)}`).join(' or ')} order by $id desc limit ${max}`;
  const compiled = await compileScoped(ctx, schema, parseAndCheck(text, schema), 'view');
  const records = await selectRecords(ctx, schema, compiled, { limit: max, offset: 0 });
  const hits: RecordHit[] = [];
  for (const record of records) {
    const hidden = schema.fieldLimits.hiddenIn(record);
    const shown = fields.filter((f) => !hidden.has(f.code) && !(f.subtable && hidden.has(f.subtable)));
    const found = firstMatch(schema, record, shown, folded);
    // `like` also matches inside rich text's markup; such a record has no visible match.
    if (found === null) continue;
    hits.push({ app: appId, record: record.id, title: titleOf(schema, record, hidden), excerpt: excerpt(found, folded) });
  }
  return hits;
}

function textOf(type: string, value: StoredValue | undefined): string {
  if (typeof value !== 'string') return '';
  return type === 'RICH_TEXT' ? plainText(value) : value;
}

/** The first shown field's text containing the keyword, table rows included. */
function firstMatch(schema: RecordSchema, record: StoredRecord, fields: QueryField[], folded: string): string | null {
  for (const f of fields) {
    const id = schema.fieldIds[f.code];
    if (!id) continue;
    const values: Array<StoredValue | undefined> = [];
    if (f.subtable) {
      const rows = record.data[schema.fieldIds[f.subtable] ?? ''];
      if (Array.isArray(rows)) for (const row of rows as Array<{ value?: Record<string, StoredValue> }>) values.push(row.value?.[id]);
    } else {
      values.push(record.data[id]);
    }
    for (const v of values) {
      const t = textOf(f.type, v);
      if (t && includesFolded(t, folded)) return t;
    }
  }
  return null;
}

/** kintone's record title (the title field, when the actor may see it), else "Record <number>". */
function titleOf(schema: RecordSchema, record: StoredRecord, hidden: ReadonlySet<string>): string {
  const field = titleFieldOf(schema.def);
  const value = field && !hidden.has(field.code) ? record.data[schema.fieldIds[field.code] ?? ''] : undefined;
  const text = typeof value === 'string' || typeof value === 'number' ? plainText(String(value)).trim() : '';
  return text || `${schema.app.name} ${recordNumber(schema.app.code, record.id)}`;
}
