// Lookups copy values from another app's record when a record is saved: the key the writer sent
// finds exactly one source record by the related key field, and the mapped fields are copied.
// No match — or a source the writer may not read, which looks the same — is 400 GAIA_LO04.
// An emptied key clears the copies. Later changes in the source never propagate (kintone).
import type { Lookup, Property, StoredValue } from '../../../common/fields/index.js';
import type { Query } from '../../../common/query/index.js';
import { findApp } from '../../storage/apps.repo.js';
import { AppError } from '../app-error.js';
import type { Ctx } from '../context.js';
import { selectRecords } from './list-records.js';
import { compileScoped } from './record-scope.js';
import { parseAndCheck } from './query.js';
import { type RecordSchema, recordSchema } from './schema.js';
import { fromStored } from './shape.js';
import type { WriteItem } from './prepare.js';

type Values = Record<string, StoredValue>;

function lookupOf(p: Property): Lookup | null {
  return (p.type === 'SINGLE_LINE_TEXT' || p.type === 'NUMBER') && p.lookup && typeof p.lookup === 'object' ? (p.lookup as Lookup) : null;
}

export function lookupFields(schema: RecordSchema): Property[] {
  return Object.values(schema.fields).filter((p) => lookupOf(p) !== null);
}

function wasSent(item: WriteItem, code: string): boolean {
  const record = item.input as Record<string, unknown> | null;
  return !item.existing || (record !== null && typeof record === 'object' && Object.hasOwn(record, code));
}

function empty(p: Property | undefined): StoredValue {
  if (!p) return '';
  if (['DATE', 'TIME', 'DATETIME', 'RADIO_BUTTON', 'DROP_DOWN'].includes(p.type)) return null;
  if (['CHECK_BOX', 'MULTI_SELECT', 'USER_SELECT', 'ORGANIZATION_SELECT', 'GROUP_SELECT', 'FILE'].includes(p.type)) return [];
  return '';
}

async function sourceSchema(ctx: Ctx, lookup: Lookup, fail: () => AppError): Promise<RecordSchema> {
  let appId = Number(lookup.relatedApp.app || 0);
  if (!appId && lookup.relatedApp.code) {
    const row = await ctx.db.selectFrom('apps').select('id').where('domainId', '=', ctx.actor.domainId).where('code', '=', lookup.relatedApp.code).executeTakeFirst();
    appId = row ? Number(row.id) : 0;
  }
  if (!appId || !(await findApp(ctx.db, ctx.actor.domainId, appId))) throw fail();
  try {
    return await recordSchema(ctx, appId, 'view');
  } catch (e) {
    if (e instanceof AppError) throw fail();
    throw e;
  }
}

/** Finds the one source record whose key field equals `key` (within the lookup's filter). */
async function findSource(ctx: Ctx, source: RecordSchema, lookup: Lookup, key: string, fail: () => AppError): Promise<Values> {
  const keyField = source.fields[lookup.relatedKeyField];
  if (!keyField) throw fail();
  let value = key;
  if (keyField.type === 'RECORD_NUMBER' && source.app.code && key.startsWith(`${source.app.code}-`)) value = key.slice(source.app.code.length + 1);
  // A key the writer may not see would make the lookup an oracle for its values.
  if (source.fieldLimits.unqueryable.has(keyField.code)) throw fail();
  // The filter is the app's own setting, not the writer's query: every field counts.
  const filter: Query = lookup.filterCond ? parseAndCheck(lookup.filterCond, source, { unrestricted: true }) : { where: null, orderBy: [], limit: null, offset: null };
  const cond = { kind: 'compare' as const, field: { code: keyField.type === 'RECORD_NUMBER' ? '$id' : keyField.code, pos: 0 }, op: '=' as const, value: { kind: 'string' as const, value } };
  const query: Query = { where: filter.where ? { kind: 'and', items: [filter.where, cond] } : cond, orderBy: [], limit: 2, offset: 0 };
  let rows;
  try {
    rows = await selectRecords(ctx, source, await compileScoped(ctx, source, query), { limit: 2, offset: 0 });
  } catch (e) {
    if (e instanceof AppError) throw fail();
    throw e;
  }
  if (rows.length !== 1) throw fail();
  const values = fromStored(source, rows[0]!.data);
  // Fields of the source the writer may not read are copied as empty: no value leaves through a lookup.
  for (const code of source.fieldLimits.hiddenIn(rows[0]!)) delete values[code];
  // System fields live in columns; expose the record number so it can be copied.
  for (const p of Object.values(source.fields)) if (p.type === 'RECORD_NUMBER') values[p.code] = source.app.code ? `${source.app.code}-${rows[0]!.id}` : String(rows[0]!.id);
  return values;
}

/** Applies every lookup of every record in place. */
export async function applyLookups(ctx: Ctx, schema: RecordSchema, items: WriteItem[], values: Values[]): Promise<void> {
  const fields = lookupFields(schema);
  if (fields.length === 0) return;
  for (const [i, item] of items.entries()) {
    for (const p of fields) {
      if (!wasSent(item, p.code)) continue;
      const lookup = lookupOf(p)!;
      const key = values[i]![p.code];
      if (typeof key !== 'string' || key.trim() === '') {
        for (const m of lookup.fieldMappings) values[i]![m.field] = empty(schema.fields[m.field]);
        continue;
      }
      const fail = () => new AppError('GAIA_LO04', { params: { field: p.code, value: key.slice(0, 100) } });
      const source = await sourceSchema(ctx, lookup, fail);
      const found = await findSource(ctx, source, lookup, key, fail);
      for (const m of lookup.fieldMappings) {
        if (!schema.fields[m.field]) continue;
        values[i]![m.field] = found[m.relatedField] ?? empty(schema.fields[m.field]);
      }
    }
  }
}
