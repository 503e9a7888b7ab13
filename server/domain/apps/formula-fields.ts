// Every field of an app as the formula checker sees it: top-level fields and table columns by
// their own code, each with its table and its expression.
import { type FormulaField, checkAppFormulas, describeProblem } from '../../../common/calc/index.js';
import type { Property } from '../../../common/fields/index.js';
import { AppError } from '../app-error.js';

export function hasFormula(p: Property): boolean {
  return p.type === 'CALC' || (p.type === 'SINGLE_LINE_TEXT' && typeof p.expression === 'string' && p.expression !== '');
}

export function formulaFieldsOf(fields: Record<string, Property>): Record<string, FormulaField> {
  const out: Record<string, FormulaField> = Object.create(null);
  const add = (p: Property, subtable?: string) => {
    out[p.code] = { type: p.type, subtable, expression: hasFormula(p) ? String(p.expression) : undefined, format: p.format as string | undefined };
  };
  for (const p of Object.values(fields)) {
    add(p);
    if (p.type === 'SUBTABLE' && p.fields) for (const inner of Object.values(p.fields as Record<string, Property>)) add(inner, p.code);
  }
  return out;
}

function labelOf(fields: Record<string, Property>, code: string): string {
  for (const p of Object.values(fields)) {
    if (p.code === code) return p.label;
    if (p.type === 'SUBTABLE' && p.fields) {
      const inner = (p.fields as Record<string, Property>)[code];
      if (inner) return inner.label;
    }
  }
  return code;
}

/** Refuses a deploy whose formulas do not parse, name unknown fields or depend on each other in a circle. */
export function assertFormulasValid(fields: Record<string, Property>): void {
  const [first] = checkAppFormulas(formulaFieldsOf(fields));
  if (!first) return;
  throw new AppError('GAIA_IL01', {
    params: { label: labelOf(fields, first.code), detail: { ja: describeProblem(first.problem, 'ja'), en: describeProblem(first.problem, 'en') } },
  });
}
