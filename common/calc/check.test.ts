import { describe, expect, it } from 'vitest';
import { calcOrder, checkAppFormulas, checkFormula, isFormulaField, type FieldMap, type FormulaField } from './check.js';
import { describeProblem } from './formula-error.js';
import { parseFormula } from './parser.js';

const FIELDS: FieldMap = {
  a: { type: 'NUMBER' },
  b: { type: 'NUMBER' },
  name: { type: 'SINGLE_LINE_TEXT' },
  dd: { type: 'DROP_DOWN' },
  radio: { type: 'RADIO_BUTTON' },
  tags: { type: 'CHECK_BOX' },
  ms: { type: 'MULTI_SELECT' },
  d: { type: 'DATE' },
  t: { type: 'TIME' },
  dt: { type: 'DATETIME' },
  created: { type: 'CREATED_TIME' },
  updated: { type: 'UPDATED_TIME' },
  creator: { type: 'CREATOR' },
  modifier: { type: 'MODIFIER' },
  other_calc: { type: 'CALC', format: 'DATE' },
  items: { type: 'SUBTABLE' },
  qty: { type: 'NUMBER', subtable: 'items' },
  price: { type: 'CALC', subtable: 'items' },
  label: { type: 'SINGLE_LINE_TEXT', subtable: 'items' },
  opts: { type: 'CHECK_BOX', subtable: 'items' },
  other: { type: 'SUBTABLE' },
  other_qty: { type: 'NUMBER', subtable: 'other' },
  self: { type: 'CALC' },
  row_total: { type: 'CALC', subtable: 'items' },
};

const TOP = { code: 'self' };
const IN_ITEMS = { code: 'row_total', subtable: 'items' };

function problems(formula: string, self: { code: string; subtable?: string } = TOP) {
  return checkFormula(parseFormula(formula), FIELDS, self).map((p) => ({ key: p.key, ...p.params }));
}

describe('checkFormula: what deploys', () => {
  it.each([
    'a + b * 2',
    'dt - d + t + created - updated + other_calc',
    'creator & modifier & name & dd & radio',
    'SUM(qty) + SUM(price, a, 3)',
    'CONTAINS(tags, "x") = CONTAINS(ms, "y")',
    'CONTAINS(label, "apple")',
    'CONTAINS(dd, "A")',
    'DATE_FORMAT(d, name, dd)',
    'IF(a > 1, name, 1) + 1',
    // Boolean/number confusion and string ordering fail per record, not at deploy (§2.5).
    'IF(1, 1, 2)',
    'AND(1, 1)',
    '(1 > 0) + 1',
    'name < "b"',
    'YEN(a, 0) & DATE_FORMAT(dt, "YYYY", "UTC")',
  ])('top level: %s', (formula) => {
    expect(problems(formula)).toEqual([]);
  });

  it.each(['qty * price * a', 'qty & " * " & label', 'CONTAINS(opts, "sale")', 'SUM(qty)'])(
    'inside the table: %s',
    (formula) => {
      expect(problems(formula, IN_ITEMS)).toEqual([]);
    },
  );
});

describe('checkFormula: what kintone refuses at deploy (§4, §6.2)', () => {
  it.each([
    ['nonexistent + 1', TOP, { key: 'unknownField', code: 'nonexistent' }],
    ['constructor + 1', TOP, { key: 'unknownField', code: 'constructor' }],
    ['__proto__ + 1', TOP, { key: 'unknownField', code: '__proto__' }],
    ['items + 1', TOP, { key: 'fieldType', type: 'SUBTABLE' }],
    ['self + 1', TOP, { key: 'cycle' }],
    ['row_total * 2', IN_ITEMS, { key: 'cycle' }],
    ['qty * 2', TOP, { key: 'arrayMisuse' }],
    ['SUM(qty) + qty', TOP, { key: 'arrayMisuse' }],
    ['SUM(IF(dd = "x", qty, 0))', TOP, { key: 'arrayMisuse' }],
    ['SUM(other_qty)', IN_ITEMS, { key: 'arrayMisuse' }],
    ['tags & ""', TOP, { key: 'arrayMisuse' }],
    ['CONTAINS(qty, "1")', TOP, { key: 'arrayMisuse' }],
    ['CONTAINS(opts, "x")', TOP, { key: 'arrayMisuse' }],
    ['CONTAINS(tags, tags)', TOP, { key: 'arrayMisuse' }],
    ['SUM(opts)', TOP, { key: 'arrayMisuse' }],
    ['CONTAINS("x", "x")', TOP, { key: 'functionType', name: 'CONTAINS' }],
    ['SUM(tags)', TOP, { key: 'functionType', name: 'SUM' }],
    ['SUM(label)', TOP, { key: 'functionType', name: 'SUM' }],
    ['SUM(name, 1)', TOP, { key: 'functionType', name: 'SUM' }],
    ['ROUND(name)', TOP, { key: 'functionType', name: 'ROUND' }],
    ['ROUNDDOWN(a, "1")', TOP, { key: 'functionType', name: 'ROUNDDOWN' }],
    ['YEN(name, 0)', TOP, { key: 'functionType', name: 'YEN' }],
    ['DATE_FORMAT(name, "YYYY", "UTC")', TOP, { key: 'functionType', name: 'DATE_FORMAT' }],
    ['DATE_FORMAT(d, 1, "UTC")', TOP, { key: 'functionType', name: 'DATE_FORMAT' }],
    ['name + 1', TOP, { key: 'operatorType', op: '+' }],
    ['-name', TOP, { key: 'operatorType', op: '-' }],
    ['"a" * 2', TOP, { key: 'operatorType', op: '*' }],
    ['2 ^ dd', TOP, { key: 'operatorType', op: '^' }],
    ['(a & "") / 2', TOP, { key: 'operatorType', op: '/' }],
    ['IF(a > 1, name, "x") - 1', TOP, { key: 'operatorType', op: '-' }],
    ['YEN(a, 0) + 1', TOP, { key: 'operatorType', op: '+' }],
  ])('%s', (formula, self, expected) => {
    expect(problems(formula, self)[0]).toEqual(expected);
  });

  it.each([
    'RECORD_NUMBER',
    'MULTI_LINE_TEXT',
    'RICH_TEXT',
    'LINK',
    'FILE',
    'USER_SELECT',
    'ORGANIZATION_SELECT',
    'GROUP_SELECT',
    'STATUS',
    'STATUS_ASSIGNEE',
    'CATEGORY',
    'REFERENCE_TABLE',
    'LABEL',
    'SPACER',
    'HR',
    'GROUP',
    'SUBTABLE',
  ])('refuses a reference to a %s field', (type) => {
    const found = checkFormula(parseFormula('x & ""'), { x: { type } }, TOP);
    expect(found).toEqual([{ key: 'fieldType', params: { type }, start: 0, end: 1 }]);
  });

  it('reports every problem with its position', () => {
    const found = checkFormula(parseFormula('zz + memo'), { memo: { type: 'MULTI_LINE_TEXT' } }, TOP);
    expect(found).toEqual([
      { key: 'unknownField', params: { code: 'zz' }, start: 0, end: 2 },
      { key: 'fieldType', params: { type: 'MULTI_LINE_TEXT' }, start: 5, end: 9 },
    ]);
  });

  it.each([
    ['unknownField', { code: 'x' }, '計算式に含まれるフィールドコード（x）が存在しません。', 'The field code (x) in the formula does not exist.'],
    [
      'fieldType',
      { type: 'FILE' },
      '計算式で利用できないフィールドタイプ(FILE)が指定されています。',
      'A field of a type that cannot be used in formulas (FILE) is specified.',
    ],
    ['cycle', {}, 'フィールドの参照が循環しています。', 'The field references are circular.'],
    [
      'arrayMisuse',
      {},
      '配列型の値に対して適切な関数が利用されていません。',
      'An invalid function is used for a value of an array type.',
    ],
    [
      'operatorType',
      { op: '+' },
      '演算子「+」とデータ型の組み合わせが正しくありません。',
      'The operator "+" cannot be used with this data type.',
    ],
    [
      'functionType',
      { name: 'SUM' },
      'SUM関数と引数のデータ型の組み合わせが正しくありません。',
      'The data type of an argument cannot be used with the SUM function.',
    ],
  ] as const)('words %s in ja and en', (key, params, ja, en) => {
    expect(describeProblem({ key, params }, 'ja')).toBe(ja);
    expect(describeProblem({ key, params }, 'en')).toBe(en);
  });
});

describe('calcOrder (§4.3, §4.4)', () => {
  const calc = (expression: string, subtable?: string): FormulaField =>
    subtable ? { type: 'CALC', expression, subtable } : { type: 'CALC', expression };

  it('puts every formula after the formulas it reads, keeping the fields’ order otherwise', () => {
    const fields = {
      c: calc('b + 1'),
      n: { type: 'NUMBER' },
      z: calc('n * 2'),
      b: calc('a + 1'),
      a: calc('n'),
    };
    expect(calcOrder(fields)).toEqual({ ok: true, order: ['a', 'b', 'c', 'z'] });
  });

  it('includes auto-calculated text fields and table columns, and no plain text fields', () => {
    const fields: Record<string, FormulaField> = {
      label: { type: 'SINGLE_LINE_TEXT', expression: 'total & " yen"' },
      plain: { type: 'SINGLE_LINE_TEXT', expression: '' },
      line: calc('qty * rate', 'items'),
      qty: { type: 'NUMBER', subtable: 'items' },
      rate: calc('2'),
      total: calc('SUM(line)'),
    };
    expect(calcOrder(fields)).toEqual({ ok: true, order: ['rate', 'line', 'total', 'label'] });
    expect(isFormulaField({ type: 'SINGLE_LINE_TEXT', expression: '  ' })).toBe(false);
  });

  it('reports a self reference, a two-cycle and a longer cycle by its members', () => {
    expect(calcOrder({ x: calc('x + 1') })).toEqual({ ok: false, cycle: ['x'] });
    expect(calcOrder({ p: calc('q + 1'), q: calc('p + 1') })).toEqual({ ok: false, cycle: ['p', 'q'] });
    const loop = { a: calc('b'), b: calc('c'), c: calc('d'), d: calc('b') };
    expect(calcOrder(loop)).toEqual({ ok: false, cycle: ['b', 'c', 'd'] });
  });

  it('ignores the edges of a formula that does not parse', () => {
    expect(calcOrder({ a: calc('b +'), b: calc('a + 1') })).toEqual({ ok: true, order: ['a', 'b'] });
  });

  it('orders a chain of five thousand formulas without running out of stack', () => {
    const fields: Record<string, FormulaField> = { f0: calc('1') };
    for (let i = 1; i < 5000; i += 1) fields[`f${i}`] = calc(`f${i - 1} + 1`);
    const reversed = Object.fromEntries(Object.entries(fields).reverse());
    const order = calcOrder(reversed);
    expect(order.ok && order.order.slice(0, 3)).toEqual(['f0', 'f1', 'f2']);
  });
});

describe('checkAppFormulas: the whole deploy check', () => {
  it('reports syntax, reference and cycle problems by field, in the fields’ order', () => {
    const found = checkAppFormulas({
      a: { type: 'NUMBER' },
      broken: { type: 'CALC', expression: 'a ＋ 1' },
      ok: { type: 'CALC', expression: 'a + 1' },
      text: { type: 'SINGLE_LINE_TEXT', expression: 'missing & ""' },
      p: { type: 'CALC', expression: 'q' },
      q: { type: 'CALC', expression: 'p' },
      line: { type: 'CALC', expression: 'qty * 2', subtable: 'items' },
      qty: { type: 'NUMBER', subtable: 'items' },
    });
    expect(found.map((f) => [f.code, f.problem.key])).toEqual([
      ['broken', 'fullWidth'],
      ['text', 'unknownField'],
      ['p', 'cycle'],
    ]);
  });

  it('reports a self reference once, at the reference', () => {
    const found = checkAppFormulas({ x: { type: 'CALC', expression: '1 + x' } });
    expect(found).toEqual([{ code: 'x', problem: { key: 'cycle', params: {}, start: 4, end: 5 } }]);
  });

  it('finds nothing in a sound app', () => {
    expect(checkAppFormulas({ a: { type: 'NUMBER' }, b: { type: 'CALC', expression: 'a * 2' } })).toEqual([]);
  });

  it('refuses an empty CALC expression as a syntax error', () => {
    expect(checkAppFormulas({ c: { type: 'CALC', expression: '' } })[0]?.problem.key).toBe('syntax');
  });
});
