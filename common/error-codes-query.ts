// Error codes of the kintone query language (part of ERRORS, common/error-codes.ts).
import type { ErrorDef } from './error-def.js';

export const QUERY_ERRORS = {
  // Query errors (spec/kintone-rest-api.md §5, §7). The Japanese follows real kintone as
  // observed; the English of the GAIA_IQ* family is unconfirmed. {field} is the code as written.
  GAIA_IQ03: {
    status: 400,
    message: {
      ja: '{field}フィールドのフィールドタイプには演算子{op}を使用できません。',
      en: 'The operator {op} cannot be used for the field type of the field {field}.',
    },
  },
  GAIA_IQ07: {
    status: 400,
    message: {
      ja: 'レコードを読み込めません。テーブルに設定している場合、{field}フィールドのフィールドタイプには、演算子{op}を使用できません。',
      en: 'Failed to read records. The operator {op} cannot be used for the field {field} when it is in a table.',
    },
  },
  GAIA_IQ10: {
    status: 400,
    message: {
      ja: 'フィールド「{field}」の項目に「{value}」は存在しません。',
      en: 'The option "{value}" does not exist in the field "{field}".',
    },
  },
  GAIA_IQ11: {
    status: 400,
    message: {
      ja: '指定されたフィールド（{field}）が見つかりません。',
      en: 'The specified field ({field}) is not found.',
    },
  },
  GAIA_IQ23: {
    status: 400,
    message: {
      ja: '指定した日にち（{value}）は無効です。1から31までの整数で指定します。',
      en: 'The specified day ({value}) is invalid. Specify an integer from 1 to 31.',
    },
  },
  GAIA_IQ25: {
    status: 400,
    message: {
      ja: 'FROM_TODAY()の第2引数には、「DAYS」「WEEKS」「MONTHS」「YEARS」のいずれかを指定します。',
      en: 'Specify DAYS, WEEKS, MONTHS or YEARS as the second argument of FROM_TODAY().',
    },
  },
  GAIA_IL08: {
    status: 400,
    message: { ja: 'クエリの指定が不正です。', en: 'The query is invalid.' },
  },
  GAIA_IR02: {
    status: 400,
    message: {
      ja: 'フィールド「{field}」に指定したクエリが正しくありません。指定したクエリは、関連レコード一覧フィールドでのみ使用できます。',
      en: 'The query specified for the field "{field}" is invalid. It can be used only for Related Records fields.',
    },
  },
  GAIA_QU01: {
    status: 400,
    message: { ja: 'limit には 500 以下の値を指定してください。', en: 'limit must be 500 or less.' },
  },
  GAIA_QU02: {
    status: 400,
    message: {
      ja: 'offset には 10,000 以下の値を指定してください。',
      en: 'offset must be 10,000 or less.',
    },
  },
} as const satisfies Record<string, ErrorDef>;
