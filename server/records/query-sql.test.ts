// The compiler without a database: what it refuses (and with which code), what it binds, and
// that identifiers reach the SQL only as generated or internal names (spec/security.md X1–X3).
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parseQuery, QueryError } from '../../common/query/index.js';
import { SQL_FIELDS } from '../../test/support/query-world.js';
import { type CompileContext, compileQuery, likePattern, type SqlField } from './query-sql.js';

// Never connected: only used to turn builders into text.
const compilers = {
  sqlite: new Kysely<any>({ dialect: new SqliteDialect({ database: {} as never }) }),
  postgres: new Kysely<any>({ dialect: new PostgresDialect({ pool: {} as never }) }),
};

function context(kind: 'sqlite' | 'postgres', fields: Record<string, SqlField> = SQL_FIELDS): CompileContext {
  return {
    dialect: kind, fields, now: new Date('2026-04-15T03:00:00Z'), timeZone: 'Asia/Tokyo',
    user: { id: 1, code: 'alice', primaryOrganization: null }, appCode: 'APP', resolveUserIds: async () => [7],
  };
}

async function compiled(text: string, kind: 'sqlite' | 'postgres' = 'sqlite', fields?: Record<string, SqlField>) {
  const c = await compileQuery(parseQuery(text), context(kind, fields));
  const where = c.where ? c.where.compile(compilers[kind]) : { sql: '', parameters: [] as readonly unknown[] };
  const order = c.orderBy.map((o) => `${o.sql.compile(compilers[kind]).sql} ${o.direction}`).join(', ');
  return { ...c, sql: where.sql, parameters: where.parameters, order };
}

async function refusal(text: string, fields?: Record<string, SqlField>): Promise<unknown> {
  return compiled(text, 'sqlite', fields).then(
    () => 'compiled',
    (e: unknown) => (e instanceof QueryError ? { code: e.code, key: e.messageKey } : e),
  );
}

describe.each(['sqlite', 'postgres'] as const)('compileQuery on %s', (kind) => {
  it('defaults to 100 records from the start, newest first', async () => {
    const c = await compiled('', kind);
    expect([c.where, c.limit, c.offset, c.order, c.likeUsed]).toEqual([null, 100, 0, '"r"."id" desc', false]);
  });

  it('binds every value and compiles the same text twice alike', async () => {
    const text = 'title = "x\' OR 1=1 --" and (num > 5 or date = TODAY()) and checks in ("a") and item in ("A") and qty > 1';
    const a = await compiled(text, kind);
    const b = await compiled(text, kind);
    expect(a.sql).toBe(b.sql);
    expect(a.sql).not.toMatch(/OR 1=1|'a'|'A'|'5'/);
    expect(a.parameters).toEqual(expect.arrayContaining(["x' OR 1=1 --", '5', 'a', 'A', '1', '2026-04-15', '2026-04-16']));
  });

  it('names fields only by internal id, never by code', async () => {
    const fields = { 顧客名: { code: '顧客名', type: 'SINGLE_LINE_TEXT', fieldId: 'f3' } };
    const c = await compiled('顧客名 = "v" order by 顧客名 asc', kind, fields);
    expect(`${c.sql} ${c.order}`).toContain('f3');
    expect(`${c.sql} ${c.order}`).not.toContain('顧客名');
  });

  it('normalises date-time literals to what is stored', async () => {
    expect((await compiled('dt = "2026-04-15T12:00:59+09:00"', kind)).parameters).toEqual(['2026-04-15T03:00:00Z']);
    // The creation time is kept to the millisecond; a minute literal means the whole minute.
    expect((await compiled('作成日時 = "2026-04-15T12:00+09:00"', kind)).parameters).toEqual(['2026-04-15T03:00:00.000Z', '2026-04-15T03:01:00.000Z']);
  });

  it('searches with wildcards taken literally and flags the search', async () => {
    const c = await compiled('title like "50%_\\\\A"', kind);
    expect(c.parameters).toEqual(['%50\\%\\_\\\\a%']);
    expect(c.likeUsed).toBe(true);
    expect((await compiled('files not like "x"', kind)).likeUsed).toBe(true);
  });

  it('orders empties last ascending on both engines, with the id as the final key', async () => {
    const c = await compiled('order by num asc', kind);
    expect(c.orderBy.map((o) => o.direction)).toEqual(['asc', 'asc', 'asc']);
    expect(c.order).toMatch(/^CASE WHEN .* IS NULL THEN 1 ELSE 0 END asc, .* asc, "r"\."id" asc$/);
  });
});

describe('compileQuery refuses', () => {
  it.each([
    ['date = "2026-4-15"'], ['date = "2026-02-30"'], ['date > ""'], ['dt = "2026-04-15"'], ['dt = "2026-04-15T10:00"'],
    ['dt = "2026-04-15T24:00Z"'], ['time = "25:00"'], ['time = "9:00"'], ['作成日時 > "yesterday"'], ['due = "15/04/2026"'],
    ['dt = "0001-01-01T00:00+01:00"'],
  ])('a malformed date or time literal: %s', async (text) => {
    expect(await refusal(text)).toEqual({ code: 'CB_VA01', key: 'querySyntax' });
  });

  it.each([['calc > "abc"'], ['calc > ""'], ['num in ("1e3")'], ['$id = "abc"']])('a number that is not one: %s', async (text) => {
    // checkQuery lets CALC values through; PostgreSQL would fail the cast at run time instead.
    expect(await refusal(text)).toEqual({ code: 'CB_VA01', key: 'notNumber' });
  });

  it.each([['nope = "1"'], ['__proto__ = "1"'], ['constructor in ("1")'], ['ref.title = "1"'], ['order by nope asc']])('an unknown field: %s', async (text) => {
    expect(await refusal(text)).toMatchObject({ code: 'GAIA_IQ11' });
  });

  it.each([['order by qty asc'], ['order by files asc'], ['order by checks desc'], ['title > "a"'], ['date like "x"'], ['users = "a"']])(
    'an operator or sort the type does not take: %s',
    async (text) => {
      expect(await refusal(text)).toMatchObject({ code: 'GAIA_IQ03' });
    },
  );

  it('an internal id that is not ours, before it can reach a JSON path', async () => {
    const bad = { ...SQL_FIELDS, evil: { code: 'evil', type: 'SINGLE_LINE_TEXT', fieldId: "f1') OR 1=1 --" } };
    await expect(compiled('evil = "x"', 'sqlite', bad)).rejects.toThrow('not an internal field id');
    await expect(compiled('order by evil asc', 'postgres', bad)).rejects.toThrow('not an internal field id');
    const table = { ...SQL_FIELDS, row: { code: 'row', type: 'NUMBER', fieldId: 'f30', subtable: { code: 't', fieldId: '$.x' } } };
    await expect(compiled('row > 1', 'sqlite', table)).rejects.toThrow('not an internal field id');
  });
});

describe('likePattern', () => {
  it('escapes the wildcards and the escape, and folds ASCII only', () => {
    expect(likePattern('%_\\ÄbC')).toBe('%\\%\\_\\\\Äbc%');
    expect(likePattern('')).toBe('%%');
  });
});
