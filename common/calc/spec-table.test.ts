// spec/calc-formulas.md §7, every row. A row with several formulas or inputs becomes one case
// each (12a, 12b …). Defaults: 16/4/HALF_EVEN, CALC with format NUMBER.

import { describe, expect, it } from 'vitest';
import { FORMULA_MESSAGES } from '../errors.js';
import { isCalcFormat, type CalcFormat } from './ast.js';
import { calcOrder, checkAppFormulas, checkFormula, type FieldMap } from './check.js';
import { evaluateFormula } from './evaluate.js';
import { FormulaError, describeProblem } from './formula-error.js';
import { parseFormula } from './parser.js';
import type { FormulaScope } from './scope.js';
import {
  calcField,
  checkBox,
  column,
  date,
  datetime,
  dropDown,
  num,
  options,
  type CalcOverrides,
} from './test-fixtures.js';

interface Row {
  id: string;
  formula: string;
  scope?: FormulaScope;
  /** TXT rows evaluate as an auto-calculated text field. */
  txt?: boolean;
  precision?: string;
  format?: CalcFormat;
  expected: string;
}

const ab = (a: string, b: string): FormulaScope => ({ a: num(a), b: num(b) });
const n = (v: string): FormulaScope => ({ n: num(v) });
const rows = (...values: (string | null)[]): FormulaScope => ({ qty: column('NUMBER', values) });
const d = '2026-04-25';
const dt = '2026-04-25T10:00:00Z';

const EVALUATED: Row[] = [
  { id: '1a', formula: 'a + b', scope: ab('10', '3'), expected: '13' },
  { id: '1b', formula: 'a - b', scope: ab('10', '3'), expected: '7' },
  { id: '1c', formula: 'a * b', scope: ab('10', '3'), expected: '30' },
  { id: '2', formula: 'a / b', scope: ab('10', '3'), expected: '3.3333' },
  { id: '3', formula: 'a ^ b', scope: ab('10', '3'), expected: '1000' },
  { id: '4', formula: 'a / b', scope: ab('10', '0'), expected: '' },
  { id: '5', formula: 'a + b', scope: ab('5', ''), expected: '5' },
  { id: '6', formula: 'a + b', scope: ab('', ''), expected: '0' },
  { id: '7a', formula: 'n', scope: n(''), expected: '' },
  { id: '7b', formula: '(n)', scope: n(''), expected: '' },
  { id: '8', formula: '-n', scope: n(''), expected: '0' },
  { id: '9', formula: 'n = 0', scope: n(''), expected: '1' },
  { id: '10', formula: 'IF(n > 0, 1, 2)', scope: n(''), expected: '2' },
  { id: '11a', formula: 'IF(1 > 0, n, 2)', scope: n(''), expected: '' },
  { id: '11b', formula: 'IF(1 > 0, n, 2)', scope: n('5'), expected: '5' },
  { id: '12', formula: 'SUM(n)', scope: n(''), expected: '0' },
  { id: '13', formula: 'd + 86400', scope: { d: date(null) }, expected: '86400' },
  { id: '14', formula: 'SUM(qty)', scope: rows('10', '20', ''), expected: '30' },
  { id: '15a', formula: 'SUM(qty)', scope: rows(), expected: '' },
  { id: '15b', formula: 'SUM(qty) + 1', scope: rows(), expected: '' },
  { id: '16', formula: 'SUM(qty) + 1', scope: rows(''), expected: '1' },
  { id: '17', formula: '1 / 3 * 3', expected: '0.9999' },
  { id: '18', formula: '0.00015 * 10000', expected: '2' },
  { id: '19', formula: '0.00025 * 1', expected: '0.0002' },
  { id: '20', formula: '999999999999 + 1', expected: '' },
  { id: '21', formula: 'n * 10 / 10', scope: n('999999999999'), expected: '' },
  { id: '22', formula: 'n + m', scope: { n: num('999999999999'), m: num('0.00025') }, expected: '999999999999.0002' },
  { id: '23', formula: 'n + 0', scope: n('999999999999.9999'), expected: '999999999999.9999' },
  { id: '24', formula: '10 / 7', precision: '30/10/HALF_EVEN', expected: '1.4285714286' },
  { id: '25', formula: '2 ^ -20', precision: '30/10/HALF_EVEN', expected: '0.0000009537' },
  { id: '26', formula: '999999999999 + 1', precision: '30/10/HALF_EVEN', expected: '1000000000000' },
  { id: '27a', formula: '1 / 3', precision: '5/2/UP', expected: '0.34' },
  { id: '27b', formula: '1 / 3 * 3', precision: '5/2/UP', expected: '1.02' },
  { id: '28', formula: '-0.00001', precision: '5/2/UP', expected: '-0.01' },
  { id: '29', formula: '0.01 * 10000', precision: '5/2/UP', expected: '' },
  { id: '30', formula: '2 ^ -20', precision: '5/2/UP', expected: '0.01' },
  { id: '31', formula: 'n / 3', scope: n('1.5'), precision: '5/2/UP', expected: '0.5' },
  { id: '32a', formula: 'ROUND(-2.5, 0)', expected: '-3' },
  { id: '32b', formula: 'ROUND(1.25, 1)', expected: '1.3' },
  { id: '33a', formula: 'ROUNDUP(-1.21, 1)', expected: '-1.3' },
  { id: '33b', formula: 'ROUNDDOWN(-1.29, 1)', expected: '-1.2' },
  { id: '34a', formula: 'ROUND(n, 2)', scope: n('3.14159'), expected: '3.14' },
  { id: '34b', formula: 'ROUNDUP(n, 2)', scope: n('3.14159'), expected: '3.15' },
  { id: '34c', formula: 'ROUNDDOWN(n, 2)', scope: n('3.14159'), expected: '3.14' },
  { id: '35a', formula: 'ROUND(a * 1.1)', scope: { a: num('8875') }, expected: '9763' },
  { id: '35b', formula: 'ROUNDDOWN(a * 1.1)', scope: { a: num('8875') }, expected: '9762' },
  { id: '36a', formula: '4 ^ 1.5', expected: '4' },
  { id: '36b', formula: '4 ^ -2', expected: '0.0625' },
  { id: '36c', formula: '3 ^ 2.5', expected: '9' },
  { id: '37', formula: 'a > 10', scope: { a: num('50') }, expected: '1' },
  { id: '38', formula: 'AND(a > 0, a < 100)', scope: { a: num('200') }, expected: '0' },
  { id: '39', formula: 'IF(a > 10, a * 2, a / 2)', scope: { a: num('15') }, expected: '30' },
  { id: '40a', formula: 'a = b', scope: ab('5', '5'), expected: '1' },
  { id: '40b', formula: 'a <> b', scope: ab('5', '5'), expected: '0' },
  { id: '40c', formula: 'a >= b', scope: ab('5', '5'), expected: '1' },
  { id: '41a', formula: 'IF(1, 1, 2)', expected: '' },
  { id: '41b', formula: 'AND(1, 1)', expected: '' },
  { id: '41c', formula: '(1 > 0) + 1', expected: '' },
  { id: '42', formula: 'IF(a > 0, "pos", "neg")', scope: { a: num('5') }, expected: '' },
  { id: '43', formula: '(1 > 0) & "x"', txt: true, expected: 'truex' },
  { id: '44a', formula: 'n & "x"', scope: n(''), txt: true, expected: 'x' },
  { id: '44b', formula: 'n & "x"', scope: n('5'), txt: true, expected: '5x' },
  { id: '45', formula: '1 / 3 & ""', txt: true, expected: '0.3333' },
  { id: '46', formula: 'a & " + " & b & " = " & (a + b)', scope: ab('10', '20'), txt: true, expected: '10 + 20 = 30' },
  { id: '47', formula: 'IF(a > b, "a wins", "b wins")', scope: ab('30', '20'), txt: true, expected: 'a wins' },
  { id: '48', formula: 'YEN(a * 1.1, 0)', scope: { a: num('1000') }, txt: true, expected: '¥1,100' },
  { id: '49a', formula: 'YEN(1100.5, 0)', txt: true, expected: '¥1,101' },
  { id: '49b', formula: 'YEN(p, 1)', scope: { p: num('1132.85') }, txt: true, expected: '¥1,132.9' },
  { id: '50', formula: 'DATE_FORMAT(1745574000, "YYYY-MM-dd", "UTC")', txt: true, expected: '2025-04-25' },
  {
    id: '51',
    formula: 'DATE_FORMAT(1745574000, "YYYY-MM-dd", "Asia/Tokyo") & " " & a',
    scope: { a: num('7') },
    txt: true,
    expected: '2025-04-25 7',
  },
  { id: '52', formula: 'DATE_FORMAT(1522972800, "YYYY年M月d日", "system")', txt: true, expected: '2018年4月6日' },
  { id: '53a', formula: 'CONTAINS(tags, "x")', scope: { tags: checkBox('x', 'y') }, expected: '1' },
  { id: '53b', formula: 'CONTAINS(tags, "x")', scope: { tags: checkBox('y') }, expected: '0' },
  {
    id: '54a',
    formula: 'CONTAINS(name, "apple")',
    scope: { name: column('SINGLE_LINE_TEXT', ['apple', 'orange']) },
    expected: '1',
  },
  { id: '54b', formula: 'CONTAINS(name, "apple")', scope: { name: column('SINGLE_LINE_TEXT', ['orange']) }, expected: '0' },
  { id: '55', formula: 'd + 86400', scope: { d: date(d) }, format: 'DATE', expected: '2026-04-26' },
  { id: '56', formula: 'dt + 3600', scope: { dt: datetime(dt) }, format: 'DATETIME', expected: '2026-04-25T11:00:00Z' },
  { id: '57', formula: 'dt - d', scope: { d: date(d), dt: datetime(dt) }, expected: '36000' },
  { id: '58a', formula: 'n * 3600', scope: n('90061'), format: 'DATETIME', expected: '1980-04-10T13:00:00Z' },
  { id: '58b', formula: 'n * 3600', scope: n('90061'), format: 'DATE', expected: '1980-04-10' },
  { id: '59a', formula: 'n', scope: n('90061'), format: 'TIME', expected: '01:01' },
  { id: '59b', formula: 'n', scope: n('90061'), format: 'HOUR_MINUTE', expected: '25:01' },
  { id: '59c', formula: 'n', scope: n('90061'), format: 'DAY_HOUR_MINUTE', expected: '25:01' },
  { id: '60', formula: 'n * 3', scope: n('90061'), format: 'NUMBER_DIGIT', expected: '270183' },
  {
    id: '62',
    formula: '更新日時 - 作成日時',
    scope: {
      更新日時: { type: 'UPDATED_TIME', value: '2026-04-23T14:11:00Z' },
      作成日時: { type: 'CREATED_TIME', value: '2026-04-23T14:11:00Z' },
    },
    expected: '0',
  },
  // 63 and 64: formulas inside the table `items`, evaluated once per row.
  ...[
    ['2', '100', '220', '2 * 100'],
    ['3', '200', '660', '3 * 200'],
  ].flatMap(([qty = '', price = '', total, label], i): Row[] => {
    const scope = { qty: num(qty), price: num(price), rate: num('1.1') };
    return [
      { id: `63 row ${i + 1} CALC`, formula: 'qty * price * rate', scope, expected: total ?? '' },
      { id: `63 row ${i + 1} TXT`, formula: 'qty & " * " & price', scope, txt: true, expected: label ?? '' },
    ];
  }),
  { id: '64a', formula: 'CONTAINS(tags, "sale")', scope: { tags: checkBox('sale') }, expected: '1' },
  { id: '64b', formula: 'CONTAINS(tags, "sale")', scope: { tags: checkBox('new') }, expected: '0' },
  { id: '68a', formula: '-2 ^ 2', expected: '4' },
  { id: '68b', formula: '2 ^ 3 ^ 2', expected: '512' },
  { id: '69', formula: '2 ^ 101', expected: '' },
  { id: '70a', formula: 'ROUND(1234.567, -2)', expected: '1200' },
  { id: '70b', formula: 'ROUNDUP(1234.567, -1)', expected: '1240' },
  { id: '71', formula: 'IF(b = 0, 0, a / b)', scope: ab('1', '0'), expected: '0' },
  { id: '72', formula: 'CONTAINS(dd, "A")', scope: { dd: dropDown('A') }, expected: '' },
  { id: '74', formula: 'round(1.5)', expected: '2' },
];

function overrides(row: Row): CalcOverrides {
  const o: CalcOverrides = { target: row.txt ? 'SINGLE_LINE_TEXT' : 'CALC' };
  if (row.precision) o.precision = row.precision;
  if (row.format) o.format = row.format;
  return o;
}

describe('spec/calc-formulas.md §7: evaluated rows', () => {
  it.each(EVALUATED)('#$id $formula → "$expected"', (row) => {
    expect(evaluateFormula(parseFormula(row.formula), row.scope ?? {}, options(overrides(row)))).toBe(row.expected);
  });
});

describe('spec/calc-formulas.md §7: chained and deploy-time rows', () => {
  it('#61 y = x + 1 after x = a * 2 gives x 20, y 21', () => {
    const fields = {
      y: { type: 'CALC', expression: 'x + 1' },
      a: { type: 'NUMBER' },
      x: { type: 'CALC', expression: 'a * 2' },
    };
    const order = calcOrder(fields);
    expect(order).toEqual({ ok: true, order: ['x', 'y'] });
    const scope: Record<string, ReturnType<typeof num>> = { a: num('10') };
    const values: Record<string, string> = {};
    for (const code of order.ok ? order.order : []) {
      values[code] = evaluateFormula(parseFormula(fields[code as 'x' | 'y'].expression), scope, options());
      scope[code] = calcField(values[code] ?? '');
    }
    expect(values).toEqual({ x: '20', y: '21' });
  });

  const fields: FieldMap = {
    a: { type: 'NUMBER' },
    kind: { type: 'DROP_DOWN', subtable: 'items' },
    qty: { type: 'NUMBER', subtable: 'items' },
    c: { type: 'CALC' },
  };
  const detail = (formula: string) => {
    try {
      const problems = checkFormula(parseFormula(formula), fields, { code: 'c' });
      return problems[0] ? describeProblem(problems[0], 'ja') : null;
    } catch (e) {
      if (e instanceof FormulaError) return e.describe('ja');
      throw e;
    }
  };

  it.each([
    ['65a', 'nonexistent + 1', '計算式に含まれるフィールドコード（nonexistent）が存在しません。'],
    ['65b', 'IF(a)', 'IF関数には3個の引数が必要です。'],
    ['65c', 'FOOBAR(a)', 'FOOBAR関数は使用できません。'],
    ['65d', 'a +', FORMULA_MESSAGES.syntax.ja],
    ['65e', 'a ＋ 1', '全角記号「＋」が入力されています。半角記号「+」を入力してください。'],
    ['73', 'SUM(IF(kind = "x", qty, 0))', FORMULA_MESSAGES.arrayMisuse.ja],
  ])('#%s deploying %s fails with GAIA_IL01 "%s"', (_id, formula, expected) => {
    expect(detail(formula)).toBe(expected);
  });

  it('#66 p = q + 1 with q = p + 1 is a cycle', () => {
    const cyclic = { p: { type: 'CALC', expression: 'q + 1' }, q: { type: 'CALC', expression: 'p + 1' } };
    expect(calcOrder(cyclic)).toEqual({ ok: false, cycle: ['p', 'q'] });
    const found = checkAppFormulas(cyclic);
    expect(found.map((f) => describeProblem(f.problem, 'ja'))).toContain('フィールドの参照が循環しています。');
  });

  it('#67 CURRENCY is not a CALC format', () => {
    expect(isCalcFormat('CURRENCY')).toBe(false);
    expect(isCalcFormat('DAY_HOUR_MINUTE')).toBe(true);
  });
});
