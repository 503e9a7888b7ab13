// Deploy-time problems carry a message key and parameters, never sentences, so the server can
// render GAIA_IL01 in the caller's locale like every other error.

import { FORMULA_MESSAGES, format, type FormulaMessageKey, type Locale } from '../errors.js';
import type { Span } from './ast.js';

export type FormulaParams = Record<string, string | number>;

export interface FormulaProblem extends Span {
  key: FormulaMessageKey;
  params: FormulaParams;
}

/** Text echoed into a message (a field code, a function name) is cut to this many characters. */
export const MAX_ECHO = 100;

export function clip(text: string): string {
  if (text.length <= MAX_ECHO) return text;
  let cut = MAX_ECHO - 1;
  // Never leave half of a surrogate pair at the end.
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

export function problem(key: FormulaMessageKey, span: Span, params: FormulaParams = {}): FormulaProblem {
  const clipped: FormulaParams = {};
  for (const [k, v] of Object.entries(params)) clipped[k] = typeof v === 'string' ? clip(v) : v;
  return { key, params: clipped, start: span.start, end: span.end };
}

/** The sentence for GAIA_IL01's `{detail}`. */
export function describeProblem(p: Pick<FormulaProblem, 'key' | 'params'>, locale: Locale): string {
  return format(FORMULA_MESSAGES[p.key][locale], p.params);
}

/** The one error parseFormula throws. */
export class FormulaError extends Error {
  readonly problem: FormulaProblem;

  constructor(p: FormulaProblem) {
    // The Error message is for logs: the key and the offsets, never the formula text.
    super(`${p.key} at ${p.start}-${p.end}`);
    this.name = 'FormulaError';
    this.problem = p;
  }

  get key(): FormulaMessageKey {
    return this.problem.key;
  }

  get start(): number {
    return this.problem.start;
  }

  get end(): number {
    return this.problem.end;
  }

  describe(locale: Locale): string {
    return describeProblem(this.problem, locale);
  }
}

export function fail(key: FormulaMessageKey, span: Span, params?: FormulaParams): never {
  throw new FormulaError(problem(key, span, params));
}
