// Recomputes every formula field of a record on each save, in dependency order: table columns
// row by row, then top-level fields that may sum them. A formula that fails yields "".
import { type FormulaScope, type ScopeEntry, evaluateFormula } from '../../../common/calc/index.js';
import type { Property, StoredValue } from '../../../common/fields/index.js';
import type { AppSettings } from '../apps/definition.js';
import type { RecordSchema } from './schema.js';

type Values = Record<string, StoredValue>;
type Row = { id: string; value: Values };

function entry(p: Property, value: StoredValue | undefined): ScopeEntry {
  return { type: p.type, format: p.format as never, value: value as never };
}

function scopeFor(schema: RecordSchema, values: Values, row?: { table: string; value: Values }): FormulaScope {
  const scope: Record<string, ScopeEntry> = Object.create(null);
  for (const p of Object.values(schema.fields)) {
    if (p.type === 'SUBTABLE') {
      const rows = (values[p.code] as Row[] | undefined) ?? [];
      for (const inner of Object.values((p.fields ?? {}) as Record<string, Property>)) {
        scope[inner.code] =
          row && row.table === p.code
            ? entry(inner, row.value[inner.code])
            : { type: inner.type, format: inner.format as never, rows: rows.map((r) => r.value[inner.code] as never) };
      }
      continue;
    }
    scope[p.code] = entry(p, values[p.code]);
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
    const run = (scope: FormulaScope) => (f.formula ? evaluateFormula(f.formula, scope, options) : '');
    if (f.table) {
      for (const row of (values[f.table] as Row[] | undefined) ?? []) {
        row.value[f.code] = run(scopeFor(schema, values, { table: f.table, value: row.value }));
      }
    } else {
      values[f.code] = run(scopeFor(schema, values));
    }
  }
}
