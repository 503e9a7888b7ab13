// Random records and random valid queries over the fixture's fields, for the compiler's
// property tests. Values come from small pools chosen to collide often (equal values, empty
// values, day boundaries in Tokyo, wildcards, case, code points beyond the BMP).
import fc from 'fast-check';
import type { Cond, Expr, FieldRef, Query, SortKey, Value } from '../../common/query/ast.js';
import { buildRecord, type FixtureRecord } from './query-records.js';
import type { Caller } from './query-world.js';

const TEXTS = ['', ' ', '\u3000', 'a', 'A', 'ab', 'Apple', 'apple pie', 'b%', 'x_y', 'c\\d', '"q"', "it's", 'りんご', 'Ä', 'ä', 'ｱ', '𝒳'];
const SEARCHES = ['', 'a', 'A', 'pp', '%', '_', '\\', '"', 'りん', 'Ä', 'ä', ' ', 'x_', '𝒳'];
const NUMBERS = ['0', '1', '-1', '2.5', '10', '100', '-0.5'];
const DATES = ['2026-04-12', '2026-04-14', '2026-04-15', '2026-04-16', '2026-03-31', '2026-05-01', '2025-12-31', '2027-01-01'];
const DATETIMES = ['2026-04-14T14:59:00Z', '2026-04-14T15:00:00Z', '2026-04-15T03:00:00Z', '2026-04-15T14:59:00Z', '2026-04-15T15:00:00Z', '2026-03-31T15:00:00Z', '2026-04-30T15:00:00Z'];
const DATETIME_LITERALS = [...DATETIMES, '2026-04-15T12:00:00+09:00', '2026-04-15T00:00+09:00', '2026-04-14T23:59:30-0900'];
const TIMES = ['00:00', '09:30', '12:00', '23:59'];
const INSTANTS = ['2026-04-14T14:59:59.999Z', '2026-04-14T15:00:00.000Z', '2026-04-15T02:59:30.500Z', '2026-04-15T03:00:59.000Z', '2026-04-15T03:01:00.000Z', '2026-04-10T00:00:00.000Z', '2026-03-31T15:00:00.000Z'];
const DATE_FUNCTIONS = ['TODAY()', 'YESTERDAY()', 'TOMORROW()', 'FROM_TODAY(-3, DAYS)', 'FROM_TODAY(1, WEEKS)', 'THIS_WEEK()', 'THIS_WEEK(MONDAY)', 'LAST_WEEK()', 'NEXT_WEEK()', 'THIS_MONTH()', 'THIS_MONTH(LAST)', 'LAST_MONTH()', 'NEXT_MONTH(1)', 'THIS_YEAR()', 'LAST_YEAR()', 'NEXT_YEAR()'];
const USER_CODES = ['alice', 'bob', 'carol'];
const ORGS = ['sales', 'dev'];
const GROUPS = ['admins', 'everyone'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const subset = <T>(xs: readonly T[]) => fc.subarray([...xs]);
const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const rowArb = fc.record({ item: pick(TEXTS), qty: pick(['', ...NUMBERS]), when: orNull(pick(DATES)), tags: subset(['a', 'b']), owner: subset(USER_CODES) });

const valuesArb = fc.record({
  title: pick(TEXTS), link: pick(TEXTS), 備考: pick(TEXTS), rich: pick(TEXTS), num: pick(['', ...NUMBERS]), calc: pick(['', ...NUMBERS]),
  due: pick(['', ...DATES]), date: orNull(pick(DATES)), time: orNull(pick(TIMES)), dt: pick([null, '', ...DATETIMES]),
  radio: orNull(pick(['A', 'B', 'C'])), drop: pick([null, '', 'x', 'y']), checks: subset(['a', 'b', 'c']), multi: subset(['p', 'q', 'r']),
  users: subset(USER_CODES), orgs: subset(ORGS), groups: subset(GROUPS), files: subset(['a.txt', 'B_1.PNG', '100%.csv']),
  ステータス: orNull(pick(['未処理', '処理中', '完了'])), items: fc.array(rowArb, { maxLength: 3 }),
});

const recordArb = fc.record({ v: valuesArb, creator: pick([0, 1, 2, 3]), modifier: pick([0, 1, 2, 3]), created: pick(INSTANTS), updated: pick(INSTANTS) });

/** `count` random records numbered from `firstId`, the same on every run. */
export function randomRecords(firstId: number, count: number): FixtureRecord[] {
  return fc.sample(recordArb, { numRuns: count, seed: 20260415 }).map((spec, i) => buildRecord(firstId + i, spec));
}

const ref = (code: string): FieldRef => ({ code, pos: 0 });
const str = (value: string): Value => ({ kind: 'string', value });
function val(text: string): Value {
  const m = /^([A-Z_]+)\((.*)\)$/.exec(text);
  if (!m) return str(text);
  return { kind: 'function', name: m[1] as string, args: m[2] ? (m[2] as string).split(', ') : [], pos: 0 };
}

const compare = (code: string, ops: readonly string[], values: readonly string[]) =>
  fc.record({ op: pick(ops), v: pick(values) }).map(({ op, v }): Cond => ({ kind: 'compare', field: ref(code), op: op as '=', value: val(v) }));
const list = (code: string, values: readonly string[]) =>
  fc.record({ negated: fc.boolean(), vs: fc.uniqueArray(pick(values), { minLength: 1, maxLength: 3 }) }).map(
    ({ negated, vs }): Cond => ({ kind: 'in', field: ref(code), negated, values: vs.map(val) }),
  );
const like = (code: string) => fc.record({ negated: fc.boolean(), v: pick(SEARCHES) }).map(({ negated, v }): Cond => ({ kind: 'like', field: ref(code), negated, value: v }));
const empty = (code: string) => fc.boolean().map((negated): Cond => ({ kind: 'empty', field: ref(code), negated }));

const ALL_OPS = ['=', '!=', '>', '<', '>=', '<='];
const ORDERED = ['>', '<', '>=', '<='];

const condArb: fc.Arbitrary<Cond> = fc.oneof(
  compare('title', ['=', '!='], TEXTS), list('title', TEXTS), like('title'), like('link'), list('link', TEXTS),
  like('備考'), empty('備考'), like('rich'), like('files'), empty('files'),
  compare('num', ALL_OPS, NUMBERS), compare('num', ['=', '!='], ['']), list('num', ['', ...NUMBERS]), compare('calc', ORDERED, NUMBERS),
  compare('due', ALL_OPS, DATES), list('due', ['', ...DATES]),
  compare('date', ALL_OPS, [...DATES, ...DATE_FUNCTIONS]), compare('date', ['=', '!='], ['']),
  compare('dt', ALL_OPS, [...DATETIME_LITERALS, 'NOW()', ...DATE_FUNCTIONS]), compare('time', ALL_OPS, TIMES),
  compare('作成日時', ALL_OPS, [...DATETIME_LITERALS, 'NOW()', ...DATE_FUNCTIONS]), compare('更新日時', ALL_OPS, ['TODAY()', 'NOW()', '2026-04-15T12:00+09:00']),
  list('作成者', [...USER_CODES, 'LOGINUSER()']), list('更新者', [...USER_CODES, 'LOGINUSER()']),
  compare('$id', ALL_OPS, ['1', '20', '40.5', '41', '80', '1000']), list('$id', ['3', '33', '63']),
  list('radio', ['', 'A', 'B', 'C']), list('drop', ['', 'x', 'y']), list('ステータス', ['', '未処理', '完了']), compare('ステータス', ['=', '!='], ['処理中', '']),
  list('checks', ['', 'a', 'b', 'c']), list('multi', ['', 'p', 'r']), list('users', ['', ...USER_CODES, 'LOGINUSER()']),
  list('orgs', ['', ...ORGS, 'PRIMARY_ORGANIZATION()']), list('groups', ['', ...GROUPS]),
  list('item', TEXTS), like('item'), compare('qty', ORDERED, NUMBERS), list('qty', ['', ...NUMBERS]),
  compare('when', ORDERED, [...DATES, 'TODAY()', 'THIS_WEEK()']), list('tags', ['', 'a', 'b']), list('owner', ['', ...USER_CODES, 'LOGINUSER()']),
);

/** Normalised like the parser's output: `and` never directly inside `and`, nor `or` in `or`. */
const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr; and: Expr; or: Expr }>((tie) => ({
  expr: fc.oneof({ depthSize: 'small', withCrossShrink: true }, condArb, tie('and'), tie('or')),
  and: fc.array(fc.oneof({ depthSize: 'small' }, condArb, condArb, tie('or')), { minLength: 2, maxLength: 4 }).map((items): Expr => ({ kind: 'and', items })),
  or: fc.array(fc.oneof({ depthSize: 'small' }, condArb, tie('and')), { minLength: 2, maxLength: 3 }).map((items): Expr => ({ kind: 'or', items })),
})).expr;

const SORTABLE = ['$id', 'title', 'link', 'num', 'calc', 'due', 'date', 'dt', 'time', 'radio', 'drop', 'ステータス', '作成者', '更新者', '作成日時', '更新日時'];
const sortArb = fc.record({ code: pick(SORTABLE), direction: pick(['asc', 'desc'] as const) }).map(({ code, direction }): SortKey => ({ field: ref(code), direction }));

export const queryArb: fc.Arbitrary<Query> = fc.record({
  where: fc.option(exprArb, { nil: null, freq: 8 }),
  orderBy: fc.array(sortArb, { maxLength: 2 }),
  limit: fc.option(fc.integer({ min: 1, max: 150 }), { nil: null }),
  offset: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null, freq: 3 }),
});

export const callerArb: fc.Arbitrary<Caller> = pick(['alice', 'bob', 'token'] as const);
