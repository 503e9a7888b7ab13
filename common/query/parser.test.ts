import { describe, expect, it } from 'vitest';
import type { Expr, Query } from './ast.js';
import { QueryError } from './errors.js';
import { parseQuery } from './parser.js';

/** The AST without source offsets, for comparisons. */
function stripPos<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'pos' ? undefined : v))) as T;
}

const where = (text: string): Expr | null => stripPos(parseQuery(text).where);
const f = (code: string, related?: string) => (related === undefined ? { code } : { code, related });
const str = (value: string) => ({ kind: 'string', value });
const num = (value: string) => ({ kind: 'number', value });
const fn = (name: string, ...args: string[]) => ({ kind: 'function', name, args });

function codeOf(text: string): string {
  try {
    parseQuery(text);
  } catch (e) {
    if (e instanceof QueryError) return `${e.code}${e.messageKey ? `/${e.messageKey}` : ''}`;
    throw e;
  }
  return 'ok';
}

describe('parseQuery: conditions', () => {
  it.each([
    ['a = "x"', { kind: 'compare', field: f('a'), op: '=', value: str('x') }],
    ['a != "x"', { kind: 'compare', field: f('a'), op: '!=', value: str('x') }],
    ['n > 1', { kind: 'compare', field: f('n'), op: '>', value: num('1') }],
    ['n < -1', { kind: 'compare', field: f('n'), op: '<', value: num('-1') }],
    ['n >= 1.5', { kind: 'compare', field: f('n'), op: '>=', value: num('1.5') }],
    ['n <= "2"', { kind: 'compare', field: f('n'), op: '<=', value: str('2') }],
    ['d = TODAY()', { kind: 'compare', field: f('d'), op: '=', value: fn('TODAY') }],
    ['d > from_today(-3, DAYS)', { kind: 'compare', field: f('d'), op: '>', value: fn('FROM_TODAY', '-3', 'DAYS') }],
    ['d = THIS_MONTH(LAST)', { kind: 'compare', field: f('d'), op: '=', value: fn('THIS_MONTH', 'LAST') }],
    ['s in ("a", "b")', { kind: 'in', field: f('s'), negated: false, values: [str('a'), str('b')] }],
    ['s not in ("")', { kind: 'in', field: f('s'), negated: true, values: [str('')] }],
    ['u in (LOGINUSER(), "x", 3)', { kind: 'in', field: f('u'), negated: false, values: [fn('LOGINUSER'), str('x'), num('3')] }],
    ['t like "abc"', { kind: 'like', field: f('t'), negated: false, value: 'abc' }],
    ['t not like "a\\"b"', { kind: 'like', field: f('t'), negated: true, value: 'a"b' }],
    ['m is empty', { kind: 'empty', field: f('m'), negated: false }],
    ['m is not empty', { kind: 'empty', field: f('m'), negated: true }],
    ['関連.会社名 in ("サイボウズ")', { kind: 'in', field: f('会社名', '関連'), negated: false, values: [str('サイボウズ')] }],
    ['文字列＿１行 = "値"', { kind: 'compare', field: f('文字列＿１行'), op: '=', value: str('値') }],
    ['$id = 5', { kind: 'compare', field: f('$id'), op: '=', value: num('5') }],
  ])('%s', (text, expected) => {
    expect(where(text)).toEqual(expected);
  });

  it.each([
    ['A AND B', 'a = 1 AND b = 2'],
    ['mixed case', 'a = 1 aNd b = 2'],
    ['IN / NOT IN', 'a IN (1) and b NOT IN (2)'],
    ['LIKE / NOT LIKE', 'a LIKE "x" and b Not Like "y"'],
    ['IS NOT EMPTY', 'a IS NOT EMPTY and b Is Empty'],
  ])('keywords are case-insensitive: %s', (_name, text) => {
    expect(parseQuery(text).where?.kind).toBe('and');
  });

  it('keeps field codes case-sensitive', () => {
    expect(where('Name = 1')).toEqual({ kind: 'compare', field: f('Name'), op: '=', value: num('1') });
  });

  it('records where each field reference starts', () => {
    const q = parseQuery('  ref.code in (1) order by $id asc');
    expect(q.where).toMatchObject({ field: { pos: 2 } });
    expect(q.orderBy[0]?.field.pos).toBe(27);
  });
});

describe('parseQuery: precedence and grouping', () => {
  const c = (code: string) => ({ kind: 'compare', field: f(code), op: '=', value: num('1') });
  it.each([
    ['a = 1 and b = 1 or c = 1', { kind: 'or', items: [{ kind: 'and', items: [c('a'), c('b')] }, c('c')] }],
    ['a = 1 or b = 1 and c = 1', { kind: 'or', items: [c('a'), { kind: 'and', items: [c('b'), c('c')] }] }],
    ['(a = 1 or b = 1) and c = 1', { kind: 'and', items: [{ kind: 'or', items: [c('a'), c('b')] }, c('c')] }],
    ['a = 1 and (b = 1 and c = 1)', { kind: 'and', items: [c('a'), c('b'), c('c')] }],
    ['((a = 1 or b = 1) or c = 1) or d = 1', { kind: 'or', items: [c('a'), c('b'), c('c'), c('d')] }],
    ['(((a = 1)))', c('a')],
    ['a = 1 and b = 1 and c = 1', { kind: 'and', items: [c('a'), c('b'), c('c')] }],
  ])('%s', (text, expected) => {
    expect(where(text)).toEqual(expected);
  });
});

describe('parseQuery: options', () => {
  const q = (text: string): Query => stripPos(parseQuery(text));
  it.each([
    ['', { where: null, orderBy: [], limit: null, offset: null }],
    ['   ', { where: null, orderBy: [], limit: null, offset: null }],
    ['order by $id asc', { where: null, orderBy: [{ field: f('$id'), direction: 'asc' }], limit: null, offset: null }],
    ['limit 500 offset 0', { where: null, orderBy: [], limit: 500, offset: 0 }],
    ['offset 10000', { where: null, orderBy: [], limit: null, offset: 10000 }],
    ['ORDER BY a DESC, b asc, c LIMIT 0', {
      where: null,
      orderBy: [{ field: f('a'), direction: 'desc' }, { field: f('b'), direction: 'asc' }, { field: f('c'), direction: 'desc' }],
      limit: 0,
      offset: null,
    }],
  ])('%j', (text, expected) => {
    expect(q(text)).toEqual(expected);
  });

  it('defaults a sort key without direction to desc, as kintone does', () => {
    expect(q('order by 更新日時').orderBy).toEqual([{ field: f('更新日時'), direction: 'desc' }]);
  });

  it('lets fields be called limit, offset or order when they are conditions', () => {
    expect(where('limit = 5 and offset in ("a") and order like "x"')).toMatchObject({ kind: 'and', items: [{ field: f('limit') }, { field: f('offset') }, { field: f('order') }] });
  });
});

describe('parseQuery: shapes the kintone clients generate (spec §5.1)', () => {
  it.each([
    ['upsert lookup', 'updateKey = "value"'],
    ['getAllRecordsWithId', '(status in ("open")) and $id > 120 order by $id asc limit 500'],
    ['getAllRecordsWithId, empty condition', '$id > 0 order by $id asc limit 500'],
    ['getAllRecordsWithOffset', 'status in ("open") order by 更新日時 desc limit 500 offset 9500'],
    ['getAllRecordsWithOffset, no condition', 'order by $id asc limit 500 offset 1000'],
    ['cursor', 'status in ("open") order by $id asc'],
    ['cli export', '$id > 4500 order by $id asc limit 500'],
    ['multi-line with full-width spaces', '(\n\t作成者 in (LOGINUSER())\u3000or\u3000日付 = TODAY()\r\n)\norder by $id asc'],
  ])('%s', (_name, text) => {
    expect(codeOf(text)).toBe('ok');
  });
});

describe('parseQuery: errors', () => {
  it.each([
    ['a', 'CB_VA01/querySyntax'],
    ['a =', 'CB_VA01/querySyntax'],
    ['a = b', 'CB_VA01/querySyntax'],
    ['a == 1', 'CB_VA01/querySyntax'],
    ['a in ()', 'CB_VA01/querySyntax'],
    ['a in ("x",)', 'CB_VA01/querySyntax'],
    ['a like 1', 'CB_VA01/querySyntax'],
    ['a is null', 'CB_VA01/querySyntax'],
    ['a not = 1', 'CB_VA01/querySyntax'],
    ['(a = 1', 'CB_VA01/querySyntax'],
    ['a = 1)', 'CB_VA01/querySyntax'],
    ['()', 'CB_VA01/querySyntax'],
    ['a = 1 and', 'CB_VA01/querySyntax'],
    ['a = 1 b = 2', 'CB_VA01/querySyntax'],
    ['a.b.c = 1', 'CB_VA01/querySyntax'],
    ['a = F(,)', 'CB_VA01/querySyntax'],
    ['a = F(1', 'CB_VA01/querySyntax'],
    ['limit 10 order by $id asc', 'CB_VA01/querySyntax'],
    ['offset 10 limit 10', 'CB_VA01/querySyntax'],
    ['order by $id asc and a = 1', 'CB_VA01/querySyntax'],
    ['order by', 'CB_VA01/querySyntax'],
    ['limit', 'CB_VA01/querySyntax'],
    ['limit -1', 'CB_VA01/querySyntax'],
    ['limit 1.5', 'CB_VA01/querySyntax'],
    ['limit "5"', 'CB_VA01/querySyntax'],
    ['offset -1', 'CB_VA01/querySyntax'],
    ['limit 501', 'GAIA_QU01'],
    ['limit 99999999999999999999999', 'GAIA_QU01'],
    ['offset 10001', 'GAIA_QU02'],
    ['a = "x\ty"', 'CB_VA01/querySyntax'],
  ])('%j → %s', (text, expected) => {
    expect(codeOf(text)).toBe(expected);
  });

  it('accepts the boundaries', () => {
    expect(codeOf('limit 500 offset 10000')).toBe('ok');
  });
});

describe('parseQuery: hard caps (spec/security.md D1)', () => {
  const cond = 'a = 1';
  it('nesting: 64 levels pass, 65 do not', () => {
    expect(codeOf(`${'('.repeat(64)}${cond}${')'.repeat(64)}`)).toBe('ok');
    expect(codeOf(`${'('.repeat(65)}${cond}${')'.repeat(65)}`)).toBe('CB_VA01/queryTooComplex');
    expect(codeOf('('.repeat(5_000))).toBe('CB_VA01/queryTooComplex');
  });

  it('conditions: 1,000 pass, 1,001 do not', () => {
    expect(codeOf(Array(1000).fill(cond).join(' or '))).toBe('ok');
    expect(codeOf(Array(1001).fill(cond).join(' or '))).toBe('CB_VA01/queryTooComplex');
  });

  it('in items: 1,000 pass, 1,001 do not', () => {
    expect(codeOf(`a in (${Array(1000).fill('1').join(',')})`)).toBe('ok');
    expect(codeOf(`a in (${Array(1001).fill('1').join(',')})`)).toBe('CB_VA01/queryTooComplex');
  });

  it('tokens: 10,000 `or`s are refused', () => {
    expect(codeOf(Array(10_001).fill(cond).join(' or '))).toBe('CB_VA01/queryTooComplex');
  });

  it('length: a 1 MB query is refused before lexing', () => {
    expect(codeOf(`a = "${'x'.repeat(1_000_000)}"`)).toBe('CB_VA01/queryTooLong');
  });
});
