// Formula fields that read other formula fields must be computed after them (spec/calc-formulas.md
// §4.3–4.4). Nodes are top-level formula fields and table formula columns; a column node stands
// for every row of its table.

import type { Formula } from './ast.js';
import type { FieldInfo } from './check.js';
import { FormulaError } from './formula-error.js';
import { parseFormula } from './parser.js';

export interface FormulaField extends FieldInfo {
  /** CALC `expression`, or the `expression` of an auto-calculated SINGLE_LINE_TEXT. */
  expression?: string;
}

export type CalcOrder = { ok: true; order: string[] } | { ok: false; cycle: string[] };

/** CALC fields, and SINGLE_LINE_TEXT fields whose `expression` is not empty. */
export function isFormulaField(f: FormulaField): boolean {
  if (f.type === 'CALC') return true;
  return f.type === 'SINGLE_LINE_TEXT' && typeof f.expression === 'string' && f.expression.trim() !== '';
}

function tryParse(f: FormulaField): Formula | null {
  try {
    return parseFormula(f.expression ?? '');
  } catch (e) {
    if (e instanceof FormulaError) return null;
    throw e;
  }
}

export function formulaCodes(fields: Readonly<Record<string, FormulaField>>): string[] {
  return Object.keys(fields).filter((code) => isFormulaField(fields[code] as FormulaField));
}

/**
 * An order in which every formula field comes after the formula fields it reads (ties keep the
 * fields' order), or one cycle, listed from a field back to just before it. A formula that does
 * not parse contributes no edges: its syntax error is reported on its own.
 */
export function calcOrder(fields: Readonly<Record<string, FormulaField>>): CalcOrder {
  const codes = formulaCodes(fields);
  const isFormula = new Set(codes);
  const deps = new Map<string, string[]>();
  for (const code of codes) {
    const refs = tryParse(fields[code] as FormulaField)?.references ?? [];
    deps.set(code, refs.filter((r) => isFormula.has(r)));
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  for (const root of codes) {
    if (state.has(root)) continue;
    // Iterative depth-first search: an app may chain hundreds of formulas.
    const stack: { code: string; next: number }[] = [{ code: root, next: 0 }];
    state.set(root, 'visiting');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { code: string; next: number };
      const dep = deps.get(top.code)?.[top.next];
      if (dep === undefined) {
        stack.pop();
        state.set(top.code, 'done');
        order.push(top.code);
        continue;
      }
      top.next += 1;
      const s = state.get(dep);
      if (s === 'done') continue;
      if (s === 'visiting') {
        const from = stack.findIndex((f) => f.code === dep);
        return { ok: false, cycle: stack.slice(from).map((f) => f.code) };
      }
      state.set(dep, 'visiting');
      stack.push({ code: dep, next: 0 });
    }
  }
  return { ok: true, order };
}
