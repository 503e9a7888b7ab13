import { describe, expect, it } from 'vitest';
import { ERRORS, format } from '../errors.js';
import { checkQuery, type QueryField, type QuerySchema } from './check.js';
import { QueryError, toErrorParts } from './errors.js';
import { parseQuery } from './parser.js';

const field = (code: string, type: string, extra: Partial<QueryField> = {}): [string, QueryField] => [code, { code, type, ...extra }];
const OPTIONS = { options: ['A', 'B'] };

const schema: QuerySchema = Object.fromEntries([
  ...([
    ['レコード番号', 'RECORD_NUMBER'], ['数値', 'NUMBER'], ['計算', 'CALC'], ['作成者', 'CREATOR'], ['更新者', 'MODIFIER'],
    ['作成日時', 'CREATED_TIME'], ['更新日時', 'UPDATED_TIME'], ['日時', 'DATETIME'], ['日付', 'DATE'], ['時刻', 'TIME'],
    ['文字列', 'SINGLE_LINE_TEXT'], ['リンク', 'LINK'], ['複数行', 'MULTI_LINE_TEXT'], ['リッチ', 'RICH_TEXT'], ['添付', 'FILE'],
    ['ユーザー', 'USER_SELECT'], ['組織', 'ORGANIZATION_SELECT'], ['グループ', 'GROUP_SELECT'], ['作業者', 'STATUS_ASSIGNEE'],
    ['カテゴリー', 'CATEGORY'], ['枠', 'GROUP'], ['明細', 'SUBTABLE'],
  ] as const).map(([code, type]) => field(code, type)),
  field('チェック', 'CHECK_BOX', OPTIONS),
  field('ラジオ', 'RADIO_BUTTON', OPTIONS),
  field('ドロップダウン', 'DROP_DOWN', OPTIONS),
  field('複数選択', 'MULTI_SELECT', OPTIONS),
  field('ステータス', 'STATUS', { options: ['未処理', '完了'] }),
  field('品名', 'SINGLE_LINE_TEXT', { subtable: '明細' }),
  field('単価', 'NUMBER', { subtable: '明細' }),
  field('納期', 'DATE', { subtable: '明細' }),
  field('備考', 'MULTI_LINE_TEXT', { subtable: '明細' }),
  field('関連', 'REFERENCE_TABLE', {
    relatedFields: Object.fromEntries([field('会社名', 'SINGLE_LINE_TEXT'), field('件数', 'NUMBER'), field('期日', 'DATE')]),
  }),
]);

/** 'ok', or the code (and errors.query key) checkQuery answers with. */
function outcome(text: string, options: { forCursor?: boolean } = {}): string {
  try {
    checkQuery(parseQuery(text), schema, options);
  } catch (e) {
    if (e instanceof QueryError) return `${e.code}${e.messageKey ? `/${e.messageKey}` : ''}`;
    throw e;
  }
  return 'ok';
}

const OPS = ['=', '!=', '>', '<', '>=', '<=', 'in', 'not in', 'like', 'not like', 'is', 'is not'] as const;
type Op = (typeof OPS)[number];

/** A value each type accepts, so that only the operator decides. */
const SAMPLE: Record<string, string> = {
  数値: '1', レコード番号: '1', $id: '1', 計算: '1', 作成日時: '"2024-01-01T00:00:00Z"', 更新日時: '"2024-01-01T00:00:00Z"',
  日時: '"2024-01-01T00:00:00Z"', 日付: '"2024-01-01"', 時刻: '"10:00"', チェック: '"A"', ラジオ: '"A"', ドロップダウン: '"A"',
  複数選択: '"A"', ステータス: '"完了"',
};

function condition(code: string, op: Op): string {
  const v = SAMPLE[code] ?? '"x"';
  if (op === 'in' || op === 'not in') return `${code} ${op} (${v})`;
  if (op === 'like' || op === 'not like') return `${code} ${op} "x"`;
  if (op === 'is' || op === 'is not') return `${code} ${op} empty`;
  return `${code} ${op} ${v}`;
}

const COMPARE: Op[] = ['=', '!=', '>', '<', '>=', '<='];
const LIST: Op[] = ['in', 'not in'];
// spec/kintone-rest-api.md §5.2, row by row.
const TABLE: [string, Op[]][] = [
  ['レコード番号', [...COMPARE, ...LIST]],
  ['$id', [...COMPARE, ...LIST]],
  ['数値', [...COMPARE, ...LIST]],
  ['計算', [...COMPARE, ...LIST]],
  ['作成者', LIST],
  ['更新者', LIST],
  ['作成日時', COMPARE],
  ['更新日時', COMPARE],
  ['日時', COMPARE],
  ['日付', COMPARE],
  ['時刻', COMPARE],
  ['文字列', ['=', '!=', ...LIST, 'like', 'not like']],
  ['リンク', ['=', '!=', ...LIST, 'like', 'not like']],
  ['複数行', ['like', 'not like', 'is', 'is not']],
  ['リッチ', ['like', 'not like']],
  ['添付', ['like', 'not like', 'is', 'is not']],
  ['チェック', LIST],
  ['ラジオ', LIST],
  ['ドロップダウン', LIST],
  ['複数選択', LIST],
  ['ユーザー', LIST],
  ['組織', LIST],
  ['グループ', LIST],
  ['ステータス', ['=', '!=', ...LIST]],
  ['作業者', LIST],
  ['カテゴリー', []],
  ['枠', []],
  ['明細', []],
  ['関連', []],
];

describe('checkQuery: operators per field type (§5.2)', () => {
  const cases = TABLE.flatMap(([code, allowed]) =>
    OPS.map((op) => [condition(code, op), allowed.includes(op) ? 'ok' : 'GAIA_IQ03'] as const),
  );
  it.each(cases)('%s → %s', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });

  it('names the field code and operator in GAIA_IQ03 as kintone does', () => {
    const e = catchError(() => checkQuery(parseQuery('ドロップダウン = "A"'), schema));
    expect(format(ERRORS.GAIA_IQ03.message.ja, e.params)).toBe('ドロップダウンフィールドのフィールドタイプには演算子=を使用できません。');
  });
});

const DATE_FNS = ['TODAY()', 'YESTERDAY()', 'TOMORROW()', 'FROM_TODAY(3, DAYS)', 'THIS_WEEK()', 'LAST_WEEK(MONDAY)', 'NEXT_WEEK()', 'THIS_MONTH()', 'LAST_MONTH(LAST)', 'NEXT_MONTH(15)', 'THIS_YEAR()', 'LAST_YEAR()', 'NEXT_YEAR()'];
const ALL_FNS = ['NOW()', ...DATE_FNS, 'LOGINUSER()', 'PRIMARY_ORGANIZATION()'];
const FN_TABLE: [string, string, string[]][] = [
  ['日付', '=', DATE_FNS],
  ['日時', '=', ['NOW()', ...DATE_FNS]],
  ['作成日時', '>', ['NOW()', ...DATE_FNS]],
  ['更新日時', '<=', ['NOW()', ...DATE_FNS]],
  ['作成者', 'in', ['LOGINUSER()']],
  ['更新者', 'not in', ['LOGINUSER()']],
  ['ユーザー', 'in', ['LOGINUSER()']],
  ['作業者', 'in', ['LOGINUSER()']],
  ['組織', 'in', ['PRIMARY_ORGANIZATION()']],
  ['グループ', 'in', []],
  ['数値', '=', []],
  ['文字列', '=', []],
  ['時刻', '=', []],
  ['ドロップダウン', 'in', []],
];

describe('checkQuery: functions per field type (§5.2)', () => {
  const cases = FN_TABLE.flatMap(([code, op, allowed]) =>
    ALL_FNS.map((fn) => {
      const text = op === 'in' || op === 'not in' ? `${code} ${op} (${fn})` : `${code} ${op} ${fn}`;
      return [text, allowed.includes(fn) ? 'ok' : 'GAIA_IQ03'] as const;
    }),
  );
  it.each(cases)('%s → %s', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });

  it.each([
    ['日付 = UNKNOWN()', 'GAIA_IQ03'],
    ['日付 = today()', 'ok'],
    ['日付 = TODAY(1)', 'GAIA_IL08'],
    ['日時 = NOW(1)', 'GAIA_IL08'],
    ['作成者 in (LOGINUSER(1))', 'GAIA_IL08'],
    ['日付 = FROM_TODAY()', 'GAIA_IL08'],
    ['日付 = FROM_TODAY(1)', 'GAIA_IL08'],
    ['日付 = FROM_TODAY(1, DAYS, 2)', 'GAIA_IL08'],
    ['日付 = FROM_TODAY(1, HOURS)', 'GAIA_IQ25'],
    ['日付 = FROM_TODAY(1, "DAY")', 'GAIA_IQ25'],
    ['日付 = FROM_TODAY(-99999, years)', 'ok'],
    ['日付 = FROM_TODAY(123456, DAYS)', 'GAIA_IL08'],
    ['日付 = FROM_TODAY(1.5, DAYS)', 'GAIA_IL08'],
    ['日付 = FROM_TODAY(X, DAYS)', 'GAIA_IL08'],
    ['日付 = THIS_WEEK(SUNDAY)', 'ok'],
    ['日付 = THIS_WEEK(saturday)', 'ok'],
    ['日付 = THIS_WEEK(FUNDAY)', 'GAIA_IL08'],
    ['日付 = THIS_WEEK(MONDAY, TUESDAY)', 'GAIA_IL08'],
    ['日付 = THIS_MONTH(1)', 'ok'],
    ['日付 = THIS_MONTH(31)', 'ok'],
    ['日付 = THIS_MONTH(0)', 'GAIA_IQ23'],
    ['日付 = THIS_MONTH(32)', 'GAIA_IQ23'],
    ['日付 = THIS_MONTH(-1)', 'GAIA_IQ23'],
    ['日付 = THIS_MONTH(1.5)', 'GAIA_IQ23'],
    ['日付 = THIS_MONTH(FIRST)', 'GAIA_IQ23'],
    ['日付 = NEXT_MONTH(1, 2)', 'GAIA_IL08'],
    ['日付 = THIS_YEAR(1)', 'GAIA_IL08'],
  ])('%s → %s', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });

  it('names the bad day in GAIA_IQ23', () => {
    const e = catchError(() => checkQuery(parseQuery('日付 = THIS_MONTH(32)'), schema));
    expect(format(ERRORS.GAIA_IQ23.message.ja, e.params)).toBe('指定した日にち（32）は無効です。1から31までの整数で指定します。');
  });
});

describe('checkQuery: options, numbers, subtables, related records', () => {
  it.each([
    ['ラジオ in ("A", "B")', 'ok'],
    ['ラジオ in ("")', 'ok'],
    ['ラジオ in ("Z")', 'GAIA_IQ10'],
    ['チェック not in ("A", "Z")', 'GAIA_IQ10'],
    ['ドロップダウン in ("a")', 'GAIA_IQ10'],
    ['複数選択 in (1)', 'GAIA_IQ10'],
    // kintone reports the unknown option before the wrong operator.
    ['ラジオ = "Z"', 'GAIA_IQ10'],
    ['ラジオ = "A"', 'GAIA_IQ03'],
    ['ステータス = "完了"', 'ok'],
    ['ステータス in ("保留")', 'GAIA_IQ10'],
    ['数値 = "abc"', 'CB_VA01/notNumber'],
    ['数値 in ("1", "x")', 'CB_VA01/notNumber'],
    ['数値 = ""', 'ok'],
    ['数値 in ("")', 'ok'],
    ['数値 > ""', 'CB_VA01/notNumber'],
    ['数値 >= "-1.5"', 'ok'],
    ['$id > "12"', 'ok'],
    ['$id = "1e3"', 'CB_VA01/notNumber'],
    ['レコード番号 < "APP-1"', 'CB_VA01/notNumber'],
    ['計算 = "2024-01-01"', 'ok'],
    ['品名 = "x"', 'GAIA_IQ07'],
    ['品名 != "x"', 'GAIA_IQ07'],
    ['品名 in ("x")', 'ok'],
    ['品名 not like "x"', 'ok'],
    ['単価 > 10', 'ok'],
    ['単価 = 10', 'GAIA_IQ07'],
    ['納期 = TODAY()', 'GAIA_IQ07'],
    ['納期 >= TODAY()', 'ok'],
    ['備考 is not empty', 'ok'],
    ['明細.品名 in ("x")', 'GAIA_IR02'],
    ['文字列.x in ("x")', 'GAIA_IR02'],
    ['$id.x in ("x")', 'GAIA_IR02'],
    ['関連.会社名 in ("x")', 'ok'],
    ['関連.会社名 like "x"', 'ok'],
    ['関連.会社名 = "x"', 'GAIA_IQ03'],
    ['関連.件数 > 3', 'ok'],
    ['関連.件数 in ("x")', 'CB_VA01/notNumber'],
    ['関連.期日 > TODAY()', 'ok'],
    ['関連.不明 in ("x")', 'GAIA_IQ11'],
    ['不明.会社名 in ("x")', 'GAIA_IQ11'],
  ])('%s → %s', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });

  it('names the field and value in GAIA_IQ10', () => {
    const e = catchError(() => checkQuery(parseQuery('ラジオ in ("Z")'), schema));
    expect(format(ERRORS.GAIA_IQ10.message.ja, e.params)).toBe('フィールド「ラジオ」の項目に「Z」は存在しません。');
  });

  it('names the reference as written in GAIA_IR02', () => {
    expect(catchError(() => checkQuery(parseQuery('明細.品名 in ("x")'), schema)).params).toEqual({ field: '明細.品名' });
  });
});

describe('checkQuery: unknown and hostile field codes (spec/security.md X1)', () => {
  it.each(['不明', '$', '$revision', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'Object'])('%s → GAIA_IQ11', (code) => {
    const e = catchError(() => checkQuery(parseQuery(`${code} in ("x")`), schema));
    expect(e.code).toBe('GAIA_IQ11');
    expect(e.params).toEqual({ field: code });
  });

  it('echoes at most 100 characters of a long code', () => {
    const code = 'あ'.repeat(1_000);
    const e = catchError(() => checkQuery(parseQuery(`${code} = 1`), schema));
    expect(e.code).toBe('GAIA_IQ11');
    expect(String(e.params?.field).length).toBeLessThanOrEqual(100);
    expect(e.message.length).toBeLessThan(100);
  });

  it('treats a field left out of the schema (not visible to the caller) as unknown', () => {
    const { 文字列: _hidden, ...visible } = schema;
    expect(() => checkQuery(parseQuery('文字列 = "x"'), visible)).toThrow(expect.objectContaining({ code: 'GAIA_IQ11' }));
  });
});

describe('checkQuery: order by', () => {
  const sortable = ['$id', 'レコード番号', '作成者', '更新者', '作成日時', '更新日時', '文字列', 'リンク', '数値', '計算', 'ラジオ', 'ドロップダウン', '日付', '時刻', '日時', 'ステータス'];
  const refused = ['チェック', '複数選択', '添付', 'ユーザー', '組織', 'グループ', '複数行', 'リッチ', '作業者', 'カテゴリー', '明細', '品名', '単価', '関連.会社名'];
  it.each(sortable)('order by %s → ok', (code) => {
    expect(outcome(`order by ${code} asc`)).toBe('ok');
  });
  it.each(refused)('order by %s → GAIA_IQ03', (code) => {
    expect(outcome(`order by ${code} asc`)).toBe('GAIA_IQ03');
  });
  it('order by an unknown field → GAIA_IQ11', () => {
    expect(outcome('order by 不明 desc')).toBe('GAIA_IQ11');
  });
});

describe('checkQuery: cursors', () => {
  it.each([
    ['ステータス in ("完了") order by $id asc', 'ok'],
    ['order by $id asc limit 500', 'CB_VA01/queryCursorOptions'],
    ['offset 0', 'CB_VA01/queryCursorOptions'],
  ])('%s → %s', (text, expected) => {
    expect(outcome(text, { forCursor: true })).toBe(expected);
  });

  it('renders errors.query for the server', () => {
    const e = catchError(() => checkQuery(parseQuery('limit 5'), schema, { forCursor: true }));
    expect(toErrorParts(e)).toEqual({
      code: 'CB_VA01',
      params: {},
      queryMessages: [{ ja: 'カーソルのクエリにはlimitとoffsetを指定できません。', en: 'limit and offset cannot be used in a cursor query.' }],
      queryProblems: [{ key: 'queryCursorOptions' }],
    });
  });
});

function catchError(fn: () => unknown): QueryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  throw new Error('expected a QueryError');
}
