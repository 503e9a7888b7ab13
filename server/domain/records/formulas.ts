// Recomputes every formula field of a record on each save, in dependency order: table columns
// row by row, then top-level fields that may sum them. A formula that fails yields "".
import { type FormulaScope, type ScopeEntry, evaluateFormula } from '../../../common/calc/index.js';
import type { Property, StoredValue } from '../../../common/fields/index.js';
import type { AppSettings } from '../apps/definition.js';
import type { FormulaField, RecordSchema } from './schema.js';

type Values = Record<string, StoredValue>;
type Row = { id: string; value: Values };

function entry(p: Property, value: StoredValue | undefined): ScopeEntry {
  return { type: p.type, format: p.format as never, value: value as never };
}

/** A field a formula reads: top-level, or a column of `table`. */
type Ref = { code: string; property: Property; table?: string };

// What each formula reads, resolved once per live revision (the formula objects are shared).
const readsOf = new WeakMap<FormulaField, Ref[]>();

function reads(schema: RecordSchema, f: FormulaField): Ref[] {
  let out = readsOf.get(f);
  if (!out) {
    out = [];
    for (const code of f.formula?.references ?? []) {
      const table = schema.tableOf[code];
      const property = table ? ((schema.fields[table]?.fields ?? {}) as Record<string, Property>)[code] : schema.fields[code];
      // A table itself is no value; an unknown code stays out, and the formula fails as before.
      if (property && property.type !== 'SUBTABLE') out.push({ code, property, table });
    }
    readsOf.set(f, out);
  }
  return out;
}

/** The fields `f` reads, as seen from the record or from one row of a table. */
function scopeFor(schema: RecordSchema, f: FormulaField, values: Values, row?: { table: string; value: Values }): FormulaScope {
  const scope: Record<string, ScopeEntry> = Object.create(null);
  for (const { code, property: p, table } of reads(schema, f)) {
    if (!table) scope[code] = entry(p, values[code]);
    else if (row && row.table === table) scope[code] = entry(p, row.value[code]);
    else scope[code] = { type: p.type, format: p.format as never, rows: ((values[table] as Row[] | undefined) ?? []).map((r) => r.value[code] as never) };
  }
  return scope;
}

function precisionOf(settings: AppSettings) {
  return {
    digits: Number(settings.numberPrecision.digits),
    decimalPlaces: Number(settings.numberPrecision.decimalPlaces),
    roundingMode: settings.numberPrecision.roundingMode,
  };
}

/** Fills every formula field of `values` in place. */
export function computeFormulas(schema: RecordSchema, values: Values, timeZone: string, locale: 'ja' | 'en'): void {
  if (schema.formulas.length === 0) return;
  const precision = precisionOf(schema.def.settings);
  for (const f of schema.formulas) {
    const options = {
      format: ((f.property.format as string) || 'NUMBER') as never,
      precision,
      target: f.property.type === 'CALC' ? ('CALC' as const) : ('SINGLE_LINE_TEXT' as const),
      timeZone,
      locale,
    };
    if (f.table) {
      for (const row of (values[f.table] as Row[] | undefined) ?? []) {
        row.value[f.code] = f.formula ? evaluateFormula(f.formula, scopeFor(schema, f, values, { table: f.table, value: row.value }), options) : '';
      }
    } else {
      values[f.code] = f.formula ? evaluateFormula(f.formula, scopeFor(schema, f, values), options) : '';
    }
  }
}
