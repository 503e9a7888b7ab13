// kintone's error codes, the HTTP status each answers with, and the sentence in each locale.
// The wording follows kintone (spec/ui-glossary.md §2.4–2.5) because scripts match on it.

import type { Locale } from './access.js';

export type { Locale };
export const LOCALES: readonly Locale[] = ['ja', 'en'];

type Message = Record<Locale, string>;

interface ErrorDef {
  status: number;
  message: Message;
}

export const ERRORS = {
  CB_VA01: { status: 400, message: { ja: '入力内容が正しくありません。', en: 'Missing or invalid input.' } },
  CB_AU01: { status: 401, message: { ja: 'ログインしてください。', en: 'Please login.' } },
  CB_WA01: {
    status: 401,
    message: {
      ja: 'ユーザーのパスワード認証に失敗しました。ログイン名とパスワードを確認してください。',
      en: 'Password authentication failed. Check your login name and password.',
    },
  },
  CB_NO02: { status: 403, message: { ja: '権限がありません。', en: 'No privilege to proceed.' } },
  CB_NF01: {
    status: 404,
    message: { ja: '指定したAPIが見つかりません。', en: 'The specified API is not found.' },
  },
  CB_ME01: {
    status: 405,
    message: {
      ja: 'このAPIは指定したHTTPメソッドに対応していません。',
      en: 'This API does not support the specified HTTP method.',
    },
  },
  CB_IJ01: {
    status: 400,
    message: { ja: 'リクエストのJSONの形式が不正です。', en: 'The request JSON is malformed.' },
  },
  CB_RL01: {
    status: 413,
    message: { ja: 'リクエストが大きすぎます。', en: 'The request is too large.' },
  },
  CB_UT01: {
    status: 415,
    message: {
      ja: 'Content-Typeはapplication/jsonを指定してください。',
      en: 'Content-Type must be application/json.',
    },
  },
  CB_CS01: {
    status: 403,
    message: {
      ja: 'リクエストトークンが不正です。ページを再読み込みしてください。',
      en: 'The request token is invalid. Reload the page.',
    },
  },
  CB_TM01: {
    status: 429,
    message: {
      ja: 'リクエストが多すぎます。しばらくしてから再度お試しください。',
      en: 'Too many requests. Try again later.',
    },
  },
  CB_HO01: {
    status: 421,
    message: {
      ja: 'このホスト名に対応するドメインはありません。',
      en: 'No domain is served at this host name.',
    },
  },
  CB_SU01: {
    status: 503,
    message: {
      ja: 'サービスを一時的に利用できません。',
      en: 'The service is temporarily unavailable.',
    },
  },
  CB_IE01: {
    status: 500,
    message: {
      ja: '予期しないエラーが発生しました。',
      en: 'An unexpected error occurred.',
    },
  },
  GAIA_IA02: {
    status: 400,
    message: {
      ja: '指定したAPIトークンが、アプリで生成されたAPIトークンと一致しません。',
      en: 'The specified API token does not match the API token generated via an app.',
    },
  },
  GAIA_ML01: {
    status: 404,
    message: {
      ja: '指定したメール（id: {id}）が見つかりません。',
      en: 'The specified mail (id: {id}) is not found.',
    },
  },
  GAIA_SE01: {
    status: 400,
    message: {
      ja: 'セットアップ用のリンクが無効か、すでに使用されています。',
      en: 'The setup link is invalid or has already been used.',
    },
  },
  GAIA_US01: {
    status: 400,
    message: {
      ja: '指定したユーザー（コード: {code}）が見つかりません。',
      en: 'The specified user (code: {code}) is not found.',
    },
  },
  GAIA_GR01: {
    status: 400,
    message: {
      ja: '指定したグループ（コード: {code}）が見つかりません。',
      en: 'The specified group (code: {code}) is not found.',
    },
  },
  GAIA_OR01: {
    status: 400,
    message: {
      ja: '指定した組織（コード: {code}）が見つかりません。',
      en: 'The specified organization (code: {code}) is not found.',
    },
  },
} as const satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof ERRORS;

/** Per-parameter messages in the `errors` map, in kintone's wording. */
export const FIELD_MESSAGES = {
  required: { ja: '必須です。', en: 'Required field.' },
  invalid: { ja: '値が不正です。', en: 'The value is invalid.' },
  tooLong: { ja: '{n}文字より短くなければなりません。', en: 'Enter less than {n} characters.' },
  tooShort: { ja: '{n}文字より長くなければなりません。', en: 'Enter more than {n} characters.' },
  tooMany: { ja: '{n}件以下で指定してください。', en: 'Specify {n} or fewer items.' },
  tooFew: { ja: '{n}件以上指定してください。', en: 'Specify at least {n} items.' },
  max: { ja: '{n}以下である必要があります。', en: 'The value must be {n} or less.' },
  min: { ja: '{n}以上である必要があります。', en: 'The value must be {n} or more.' },
  notNumber: { ja: '数字でなければなりません。', en: 'Only numbers are allowed.' },
  email: { ja: 'メールアドレスの形式が不正です。', en: 'The e-mail address is not valid.' },
  duplicate: {
    ja: '値がほかのレコードと重複しています。',
    en: 'This value already exists in another record.',
  },
  duplicateInRequest: {
    ja: 'リクエスト内で値が重複しています。',
    en: 'The value is duplicated in the request.',
  },
  unknownKey: { ja: '不明なパラメーターです。', en: 'Unknown parameter.' },
  oneOf: { ja: '"{value}"は選択肢にありません。', en: 'The value, "{value}", is not in options.' },
  notFound: { ja: '指定した値が見つかりません。', en: 'The specified value is not found.' },
  passwordPolicy: {
    ja: 'パスワードは{n}文字以上で指定してください。',
    en: 'The password must be at least {n} characters.',
  },
  passwordIsLogin: {
    ja: 'ログイン名と同じパスワードは使用できません。',
    en: 'The password must differ from the login name.',
  },
  loginNameReserved: {
    ja: 'このログイン名は使用できません。',
    en: 'This login name cannot be used.',
  },
  cycle: {
    ja: '組織の親子関係が循環しています。',
    en: 'The organization hierarchy would contain a cycle.',
  },
  hasChildren: {
    ja: '子組織があるため削除できません。先に子組織を削除するか移動してください。',
    en: 'The organization has child organizations. Delete or move them first.',
  },
  primaryNotListed: {
    ja: '優先する組織は所属組織から指定してください。',
    en: 'The primary organization must be one of the organizations the user belongs to.',
  },
  lastAdmin: {
    ja: '最後の管理者は停止・削除できません。',
    en: 'The last administrator cannot be suspended or deleted.',
  },
} as const satisfies Record<string, Message>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export interface ErrorBody {
  code: string;
  id: string;
  message: string;
  errors?: Record<string, { messages: string[] }>;
}
