import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalcFormat } from './ast.js';
import { evaluateFormula } from './evaluate.js';
import { FormulaError } from './formula-error.js';
import { parseFormula } from './parser.js';
import { num, options } from './test-fixtures.js';

/** Either a Formula or a FormulaError: any other exception is a bug. */
function parsesOrRefuses(text: string): void {
  try {
    const f = parseFormula(text);
    expect(f.text).toBe(text);
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    expect(e.problem.start).toBeGreaterThanOrEqual(0);
    expect(e.problem.end).toBeLessThanOrEqual(Math.max(text.length, e.problem.start));
  }
}

// Characters that make up formulas, their full-width look-alikes and a few troublemakers.
const FORMULA_CHARS = [...'abcxyz_ 0123456789.+-*/^&=!<>(),"\'\n\t', ...'＋－＊／（）”＝　１単価・＿𠮷', 'SUM(', 'IF(', 'ROUND(', 'AND('];

describe('parseFormula on arbitrary input', () => {
  it('returns a Formula or throws FormulaError for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), parsesOrRefuses), { numRuns: 2000 });
  });

  it('does the same for strings built from formula characters', () => {
    const formulaish = fc.array(fc.constantFrom(...FORMULA_CHARS), { maxLength: 120 }).map((a) => a.join(''));
    fc.assert(fc.property(formulaish, parsesOrRefuses), { numRuns: 2000 });
  });

  it('copes with the worst inputs the limits allow', () => {
    for (const text of [
      '('.repeat(10_000),
      '-'.repeat(10_000),
      `${'SUM('.repeat(2_500)}`,
      Array.from({ length: 5_000 }, () => '1').join('+'),
      Array.from({ length: 5_000 }, () => '2').join('^'),
      `"${'x'.repeat(9_998)}"`,
      '𠮷'.repeat(5_000),
    ]) {
      parsesOrRefuses(text);
    }
  });
});

const literal = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 99_999_999 })).map(([i, f]) => `${i}.${f}`),
  fc.constantFrom('0', '0.00005', '999999999999', '99999999999999999999', '100', '1.5'),
);

const { expr } = fc.letrec<{ expr: string; cond: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    fc.constantFrom('a', 'b', 'c', 'e'),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^'), tie('expr')).map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie('expr').map((x) => `-${x}`),
    fc.tuple(tie('expr'), tie('expr')).map(([x, y]) => `SUM(${x}, ${y})`),
    fc.tuple(fc.constantFrom('ROUND', 'ROUNDUP', 'ROUNDDOWN'), tie('expr'), fc.integer({ min: -5, max: 5 })).map(
      ([f, x, p]) => `${f}(${x}, ${p})`,
    ),
    fc.tuple(tie('cond'), tie('expr'), tie('expr')).map(([c, x, y]) => `IF(${c}, ${x}, ${y})`),
  ),
  cond: fc
    .tuple(tie('expr'), fc.constantFrom('=', '!=', '<>', '<', '<=', '>', '>='), tie('expr'))
    .map(([l, op, r]) => `${l} ${op} ${r}`),
}));

const value = fc.oneof(fc.constant(''), literal, literal.map((v) => `-${v}`));
const precision = fc.constantFrom('16/4/HALF_EVEN', '30/10/HALF_EVEN', '5/2/UP', '5/2/DOWN', '30/0/HALF_EVEN', '1/0/UP');
const format = fc.constantFrom<CalcFormat>('NUMBER', 'NUMBER_DIGIT', 'DATETIME', 'DATE', 'TIME', 'HOUR_MINUTE');

describe('evaluateFormula on generated arithmetic', () => {
  it('never throws and always returns a string of the format’s shape', () => {
    const shapes: Record<string, RegExp> = {
      NUMBER: /^-?\d+(\.\d*[1-9])?$/,
      NUMBER_DIGIT: /^-?\d+(\.\d*[1-9])?$/,
      DATETIME: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/,
      DATE: /^\d{4}-\d{2}-\d{2}$/,
      TIME: /^\d{2}:\d{2}$/,
      HOUR_MINUTE: /^-?\d{2,}:\d{2}$/,
    };
    fc.assert(
      fc.property(expr, value, value, value, precision, format, fc.boolean(), (text, a, b, c, p, f, asText) => {
        const scope = { a: num(a), b: num(b), c: num(c), e: num('') };
        const o = options({ precision: p, format: f, target: asText ? 'SINGLE_LINE_TEXT' : 'CALC' });
        const result = evaluateFormula(parseFormula(text), scope, o);
        expect(typeof result).toBe('string');
        if (result !== '') expect(result).toMatch(asText ? shapes.NUMBER! : shapes[f]!);
      }),
      { numRuns: 1500 },
    );
  });

  it('adds and multiplies commutatively at every precision', () => {
    fc.assert(
      fc.property(value, value, precision, fc.constantFrom('+', '*'), (a, b, p, op) => {
        const scope = { a: num(a), b: num(b) };
        const o = options({ precision: p });
        const ab = evaluateFormula(parseFormula(`a ${op} b`), scope, o);
        expect(evaluateFormula(parseFormula(`b ${op} a`), scope, o)).toBe(ab);
      }),
      { numRuns: 500 },
    );
  });
});
