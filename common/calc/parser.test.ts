import { describe, expect, it } from 'vitest';
import { LIMITS, type Node } from './ast.js';
import { FormulaError } from './formula-error.js';
import { parseFormula } from './parser.js';

/** Fully parenthesised S-expression, so precedence and associativity read at a glance. */
function show(node: Node): string {
  switch (node.kind) {
    case 'number':
      return node.text;
    case 'string':
      return JSON.stringify(node.value);
    case 'field':
      return node.code;
    case 'unary':
      return `(${node.op} ${show(node.operand)})`;
    case 'binary':
      return `(${node.op} ${show(node.left)} ${show(node.right)})`;
    case 'call':
      return `(${node.name}${node.args.map((a) => ` ${show(a)}`).join('')})`;
  }
}

const tree = (text: string) => show(parseFormula(text).root);

function parseError(text: string): FormulaError {
  try {
    parseFormula(text);
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  throw new Error(`no error for ${text}`);
}

describe('precedence and associativity (§1.2, §1.3)', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['8 / 4 / 2', '(/ (/ 8 4) 2)'],
    ['2 * 3 / 4 * 5', '(* (/ (* 2 3) 4) 5)'],
    ['2 ^ 3 ^ 2', '(^ 2 (^ 3 2))'],
    ['-2 ^ 2', '(^ (- 2) 2)'],
    ['2 ^ -2', '(^ 2 (- 2))'],
    ['2 * 3 ^ 2', '(* 2 (^ 3 2))'],
    ['- - a', '(- (- a))'],
    ['+a - -b', '(- (+ a) (- b))'],
    ['"x=" & 1 + 2', '(& "x=" (+ 1 2))'],
    ['a & b & c', '(& (& a b) c)'],
    ['a + 1 = b & "x"', '(= (+ a 1) (& b "x"))'],
    ['a <> b', '(<> a b)'],
    ['a != b', '(!= a b)'],
    ['a <= b + 1', '(<= a (+ b 1))'],
    ['(a < b) = (c > d)', '(= (< a b) (> c d))'],
    ['IF(a > 0, "p", "n") & "!"', '(& (IF (> a 0) "p" "n") "!")'],
    ['SUM(a, b * 2, (c))', '(SUM a (* b 2) c)'],
    ['((((n))))', 'n'],
    ['round(1.5)', '(ROUND 1.5)'],
    ['Date_Format(t, "YYYY", "UTC")', '(DATE_FORMAT t "YYYY" "UTC")'],
    ['SUM (a)', '(SUM a)'],
    ['1 +\n  2', '(+ 1 2)'],
  ])('%s → %s', (text, expected) => {
    expect(tree(text)).toBe(expected);
  });

  it('lists each referenced field once, in order of appearance', () => {
    expect(parseFormula('b + a * SUM(b, c) & 単価').references).toEqual(['b', 'a', 'c', '単価']);
  });

  it('does not mistake a function name for a field reference', () => {
    expect(parseFormula('SUM(x)').references).toEqual(['x']);
  });

  it('gives nodes their spans in the text', () => {
    const root = parseFormula('a + ROUND(b, 2)').root;
    expect(root).toMatchObject({ start: 0, end: 15, right: { kind: 'call', start: 4, end: 15 } });
  });
});

describe('deploy errors from the parser (§6.2), in both languages', () => {
  it.each([
    ['', 'syntax', {}, [0, 0], '計算式の文法が正しくありません。', 'The formula syntax is invalid.'],
    ['   \n ', 'syntax', {}, [0, 5], '計算式の文法が正しくありません。', 'The formula syntax is invalid.'],
    ['a +', 'syntax', {}, [3, 3], '計算式の文法が正しくありません。', 'The formula syntax is invalid.'],
    ['(a + 1', 'syntax', {}, [0, 1], '計算式の文法が正しくありません。', 'The formula syntax is invalid.'],
    ['a + 1)', 'syntax', {}, [5, 6], '計算式の文法が正しくありません。', 'The formula syntax is invalid.'],
    ['SUM(a', 'syntax', {}, [3, 4], '計算式の文法が正しくありません。', 'The formula syntax is invalid.'],
    ['SUM(a,)', 'syntax', {}, [6, 7], '計算式の文法が正しくありません。', 'The formula syntax is invalid.'],
    ['a < b < c', 'syntax', {}, [6, 7], '計算式の文法が正しくありません。', 'The formula syntax is invalid.'],
    ['a b', 'syntax', {}, [2, 3], '計算式の文法が正しくありません。', 'The formula syntax is invalid.'],
    ['1e3', 'syntax', {}, [1, 3], '計算式の文法が正しくありません。', 'The formula syntax is invalid.'],
    ['"abc', 'syntax', {}, [0, 4], '計算式の文法が正しくありません。', 'The formula syntax is invalid.'],
    [
      'a ＋ 1',
      'fullWidth',
      { symbol: '＋', halfWidth: '+' },
      [2, 3],
      '全角記号「＋」が入力されています。半角記号「+」を入力してください。',
      'You have entered a full-width symbol "＋". Use a half-width symbol "+".',
    ],
    [
      'a == 1',
      'mistypedCompare',
      { typed: '==', meant: '=' },
      [2, 4],
      '「==」が入力されています。「=」を判定するには「=」を入力してください。',
      '"==" needs correction. If the "=" operator is what you want to use, enter "=" instead.',
    ],
    [
      'a ** 2',
      'mistypedArithmetic',
      { typed: '**', meant: '^' },
      [2, 4],
      '「**」が入力されています。「^」を計算するには「^」を入力してください。',
      '"**" needs correction. If the ^ is what you want to use, enter "^" instead.',
    ],
    [
      'FOOBAR(a)',
      'unknownFunction',
      { name: 'FOOBAR' },
      [0, 6],
      'FOOBAR関数は使用できません。',
      'The FOOBAR function cannot be used.',
    ],
    ['TODAY()', 'unknownFunction', { name: 'TODAY' }, [0, 5], 'TODAY関数は使用できません。', 'The TODAY function cannot be used.'],
    [
      'IF(a)',
      'argsExactly',
      { name: 'IF', n: 3 },
      [0, 5],
      'IF関数には3個の引数が必要です。',
      'The IF function requires 3 arguments.',
    ],
    [
      'IF(a, 1, 2, 3)',
      'argsAtMost',
      { name: 'IF', n: 3 },
      [0, 14],
      'IF関数に指定できる引数は3個までです。',
      'Up to 3 arguments can be specified for the IF function.',
    ],
    [
      'NOT()',
      'argsExactly',
      { name: 'NOT', n: 1 },
      [0, 5],
      'NOT関数には1個の引数が必要です。',
      'The NOT function requires 1 arguments.',
    ],
    [
      'SUM()',
      'argsAtLeast',
      { name: 'SUM', n: 1 },
      [0, 5],
      'SUM関数には1個以上の引数が必要です。',
      'The SUM function requires at least 1 arguments.',
    ],
    [
      'AND(a > 1)',
      'argsAtLeast',
      { name: 'AND', n: 2 },
      [0, 10],
      'AND関数には2個以上の引数が必要です。',
      'The AND function requires at least 2 arguments.',
    ],
    [
      `OR(${Array.from({ length: 33 }, () => 'a > 1').join(', ')})`,
      'argsAtMost',
      { name: 'OR', n: 32 },
      [0, 233],
      'OR関数に指定できる引数は32個までです。',
      'Up to 32 arguments can be specified for the OR function.',
    ],
    [
      'ROUND()',
      'argsOneOrTwo',
      { name: 'ROUND' },
      [0, 7],
      'ROUND関数には1個または2個の引数が必要です。',
      'The ROUND function requires 1 or 2 arguments.',
    ],
    [
      'roundup(1, 2, 3)',
      'argsOneOrTwo',
      { name: 'ROUNDUP' },
      [0, 16],
      'ROUNDUP関数には1個または2個の引数が必要です。',
      'The ROUNDUP function requires 1 or 2 arguments.',
    ],
    [
      'YEN(1)',
      'argsExactly',
      { name: 'YEN', n: 2 },
      [0, 6],
      'YEN関数には2個の引数が必要です。',
      'The YEN function requires 2 arguments.',
    ],
    [
      'DATE_FORMAT(1, "Y")',
      'argsExactly',
      { name: 'DATE_FORMAT', n: 3 },
      [0, 19],
      'DATE_FORMAT関数には3個の引数が必要です。',
      'The DATE_FORMAT function requires 3 arguments.',
    ],
    [
      'CONTAINS(t, "a", "b")',
      'argsAtMost',
      { name: 'CONTAINS', n: 2 },
      [0, 21],
      'CONTAINS関数に指定できる引数は2個までです。',
      'Up to 2 arguments can be specified for the CONTAINS function.',
    ],
  ])('%j → %s', (text, key, params, [start, end], ja, en) => {
    const e = parseError(text);
    expect(e.problem).toEqual({ key, params, start, end });
    expect(e.describe('ja')).toBe(ja);
    expect(e.describe('en')).toBe(en);
  });

  it('never echoes more than a hundred characters of the formula', () => {
    const name = 'X'.repeat(500);
    const e = parseError(`${name}(1)`);
    expect(String(e.problem.params.name).length).toBeLessThanOrEqual(100);
    expect(e.message).not.toContain('XXX');
  });
});

describe('bounds (spec/security.md X11)', () => {
  it('accepts a formula of exactly the maximum length and refuses one more character', () => {
    const ok = `1${' '.repeat(LIMITS.maxLength - 1)}`;
    expect(tree(ok)).toBe('1');
    const e = parseError(`${ok} `);
    expect(e.problem).toMatchObject({ key: 'tooLong', params: { n: 10_000 } });
    expect(e.describe('ja')).toBe('計算式が長すぎます。10000文字以下で入力してください。');
  });

  it(`accepts ${LIMITS.maxDepth} nested parentheses and refuses ${LIMITS.maxDepth + 1}`, () => {
    const nest = (n: number) => `${'('.repeat(n)}1${')'.repeat(n)}`;
    expect(tree(nest(LIMITS.maxDepth))).toBe('1');
    expect(parseError(nest(LIMITS.maxDepth + 1)).problem).toMatchObject({ key: 'tooDeep', params: { n: 64 } });
  });

  it('bounds nested calls, unary chains and power chains the same way', () => {
    expect(parseError(`${'SUM('.repeat(70)}1${')'.repeat(70)}`).key).toBe('tooDeep');
    expect(parseError(`${'-'.repeat(70)}1`).key).toBe('tooDeep');
    expect(parseError(Array.from({ length: 70 }, () => '2').join('^')).key).toBe('tooDeep');
  });

  it(`refuses more than ${LIMITS.maxNodes} nodes but takes long flat sums`, () => {
    const sum = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`).join('+');
    expect(parseFormula(sum(1000)).references).toHaveLength(1000);
    const e = parseError(sum(1001));
    expect(e.problem).toMatchObject({ key: 'tooComplex', params: { n: 2000 } });
  });

  it('refuses a non-string as a syntax error rather than crashing', () => {
    expect(parseError(42 as unknown as string).key).toBe('syntax');
  });
});
