import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cond, Expr, FieldRef, Query, SortKey, Value } from './ast.js';
import { QueryError } from './errors.js';
import { parseQuery } from './parser.js';
import { isIdentifier, printQuery, printString } from './print.js';

function stripPos<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'pos' ? undefined : v))) as T;
}

describe('printQuery', () => {
  it.each([
    ['(F = "v") and $id > 10 order by $id asc limit 500', 'F = "v" and $id > 10 order by $id asc limit 500'],
    ['a = 1 or b = 2 and (c = 3 or d = 4)', 'a = 1 or b = 2 and (c = 3 or d = 4)'],
    ['(a = 1 or b = 2) and c = 3', '(a = 1 or b = 2) and c = 3'],
    ['x IN ("a","b") AND y NOT LIKE "q" OR z IS NOT EMPTY', 'x in ("a", "b") and y not like "q" or z is not empty'],
    ['d >= from_today(-3, days)', 'd >= FROM_TODAY(-3, days)'],
    ['関連.会社名 not in ("x")', '関連.会社名 not in ("x")'],
    ['order by a', 'order by a desc'],
    ['limit 5 offset 10', 'limit 5 offset 10'],
    ['', ''],
  ])('%j → %j', (text, printed) => {
    expect(printQuery(parseQuery(text))).toBe(printed);
  });

  it.each([
    ['plain', '"plain"'],
    ['a"b', '"a\\"b"'],
    ['a\\b', '"a\\\\b"'],
    ['\\"', '"\\\\\\""'],
    ['tab\tnl\ncr\r', '"tab\\tnl\\ncr\\r"'],
    ['") or ($id > 0', '"\\") or ($id > 0"'],
  ])('escapes %j', (value, literal) => {
    expect(printString(value)).toBe(literal);
    const q = parseQuery(`a = ${literal}`);
    expect(q.where).toMatchObject({ value: { kind: 'string', value } });
  });

  it('refuses what cannot be written as a query', () => {
    const f = (code: string): FieldRef => ({ code, pos: 0 });
    const q = (where: Expr): Query => ({ where, orderBy: [], limit: null, offset: null });
    expect(() => printQuery(q({ kind: 'empty', field: f('a b'), negated: false }))).toThrow(QueryError);
    expect(() => printQuery(q({ kind: 'empty', field: f('1a'), negated: false }))).toThrow(QueryError);
    expect(() => printQuery(q({ kind: 'compare', field: f('a'), op: '=', value: { kind: 'number', value: '1e3' } }))).toThrow(QueryError);
    expect(() => printQuery({ where: null, orderBy: [], limit: -1, offset: null })).toThrow(QueryError);
  });

  it('knows what the lexer reads as one identifier', () => {
    expect(['a', '$id', '$', '文字列＿１行', 'x_1', 'ｘ１'].every(isIdentifier)).toBe(true);
    expect(['', '1a', 'a-b', 'a b', 'a.b', '"a"'].some(isIdentifier)).toBe(false);
  });
});

// ---- Round trip: parseQuery(printQuery(q)) equals q for generated ASTs ----

const KEYWORD_CODES = ['and', 'or', 'not', 'in', 'like', 'is', 'empty', 'order', 'by', 'asc', 'desc', 'limit', 'offset'];
const FIRST = [...'abcxyzABCZ_あア漢字ＡＺｚ＿・'];
const REST = [...FIRST, ...'0123456789０９'];
const identifier = fc
  .tuple(fc.constantFrom(...FIRST), fc.array(fc.constantFrom(...REST), { maxLength: 6 }))
  .map(([h, t]) => h + t.join(''));
const code = fc.oneof(identifier, fc.constantFrom('$id', 'レコード番号', ...KEYWORD_CODES));
const fieldRef: fc.Arbitrary<FieldRef> = fc
  .tuple(code, fc.option(identifier, { nil: undefined }))
  .map(([c, related]) => (related === undefined ? { code: c, pos: 0 } : { code: c, related, pos: 0 }));

const hostileText = fc.constantFrom('"', '\\', '\\"', '") or ($id > 0', 'a\tb\nc\rd', '', ' ', '\u3000', '😀', '%_', 'and or (');
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }), hostileText);
const numberText = fc
  .tuple(fc.boolean(), fc.nat(), fc.option(fc.nat(), { nil: undefined }))
  .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);
const fnName = fc.oneof(
  fc.constantFrom('TODAY', 'NOW', 'FROM_TODAY', 'THIS_MONTH', 'LOGINUSER', 'PRIMARY_ORGANIZATION'),
  fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/),
);
const value: fc.Arbitrary<Value> = fc.oneof(
  text.map((v) => ({ kind: 'string' as const, value: v })),
  numberText.map((v) => ({ kind: 'number' as const, value: v })),
  fc
    .tuple(fnName, fc.array(fc.oneof(numberText, identifier, text), { maxLength: 3 }))
    .map(([name, args]) => ({ kind: 'function' as const, name, args, pos: 0 })),
);
const cond: fc.Arbitrary<Cond> = fc.oneof(
  fc.record({ kind: fc.constant('compare' as const), field: fieldRef, op: fc.constantFrom('=', '!=', '>', '<', '>=', '<=' as const), value }),
  fc.record({ kind: fc.constant('in' as const), field: fieldRef, negated: fc.boolean(), values: fc.array(value, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('like' as const), field: fieldRef, negated: fc.boolean(), value: text }),
  fc.record({ kind: fc.constant('empty' as const), field: fieldRef, negated: fc.boolean() }),
);
// Normalized trees: and/or have 2+ items and never directly contain their own kind.
const { expr } = fc.letrec<{ expr: Expr; and: Expr; or: Expr }>((tie) => ({
  expr: fc.oneof({ depthSize: 'small', withCrossShrink: true }, cond, tie('and'), tie('or')),
  and: fc.array(fc.oneof({ depthSize: 'small' }, cond, tie('or')), { minLength: 2, maxLength: 4 }).map((items) => ({ kind: 'and' as const, items })),
  or: fc.array(fc.oneof({ depthSize: 'small' }, cond, tie('and')), { minLength: 2, maxLength: 4 }).map((items) => ({ kind: 'or' as const, items })),
}));
const sortKey: fc.Arbitrary<SortKey> = fc.record({ field: fieldRef, direction: fc.constantFrom('asc' as const, 'desc' as const) });
const query: fc.Arbitrary<Query> = fc.record({
  where: fc.option(expr, { nil: null }),
  orderBy: fc.array(sortKey, { maxLength: 3 }),
  limit: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  offset: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
});

describe('printQuery round-trips through parseQuery', () => {
  it('for generated queries', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(stripPos(parseQuery(printQuery(q)))).toEqual(stripPos(q));
      }),
      { numRuns: 2_000 },
    );
  });

  it('for string values full of quotes and backslashes', () => {
    const nasty = fc.array(fc.constantFrom('"', '\\', 'x', '\t', '\n', '\r', ' ', ')', '('), { maxLength: 30 }).map((c) => c.join(''));
    fc.assert(
      fc.property(nasty, nasty, (a, b) => {
        const q: Query = {
          where: { kind: 'in', field: { code: 'f', pos: 0 }, negated: false, values: [{ kind: 'string', value: a }, { kind: 'string', value: b }] },
          orderBy: [],
          limit: null,
          offset: null,
        };
        expect(stripPos(parseQuery(printQuery(q)))).toEqual(stripPos(q));
      }),
      { numRuns: 1_000 },
    );
  });
});
