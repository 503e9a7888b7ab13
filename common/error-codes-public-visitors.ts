// Error codes of public-view visitors: e-mail sign-in, search forms, registered visitors and
// MyPage (ours; part of ERRORS, common/error-codes.ts). A visitor's refusals never say whether an
// address is registered (CB_PV32 is one answer for a wrong, used, expired or foreign code/link).
import type { ErrorDef } from './error-def.js';

export const PUBLIC_VISITOR_ERRORS = {
  CB_PV30: {
    status: 401,
    message: { ja: 'このページを見るにはメールアドレスでログインしてください。', en: 'Sign in with your e-mail address to see this page.' },
  },
  CB_PV31: {
    status: 400,
    message: { ja: 'メールアドレスが正しくありません。', en: 'The e-mail address is not valid.' },
  },
  CB_PV32: {
    status: 401,
    message: {
      ja: '確認コードまたはログイン用リンクが正しくないか、有効期限が切れています。もう一度お試しください。',
      en: 'The code or sign-in link is not correct or has expired. Please ask for a new one.',
    },
  },
  CB_PV33: {
    status: 429,
    message: { ja: '試行回数が多すぎます。しばらくしてから再度お試しください。', en: 'Too many attempts. Try again later.' },
  },
  CB_PV34: {
    status: 400,
    message: {
      ja: '検索フォームの項目（{item}）にフィールド（code: {field}）は使えません。一覧に表示するフィールドで、項目に合う種類のものを選んでください。',
      en: 'The search item ({item}) cannot use the field (code: {field}). Choose a field the list shows, of a type that fits the item.',
    },
  },
  CB_PV35: {
    status: 400,
    message: { ja: 'この検索条件は使えません。', en: 'This search is not offered by this page.' },
  },
  CB_PV36: {
    status: 403,
    message: {
      ja: '登録できる閲覧者は{limit}人までです（{plan}プラン）。上限を増やすには上位のプランが必要です。',
      en: 'Up to {limit} visitors can be registered on the {plan} plan. A higher plan allows more.',
    },
  },
  CB_PV37: {
    status: 400,
    message: { ja: 'CSVファイルに誤りがあるため、何も登録されていません。', en: 'The CSV file has errors; nothing was registered.' },
  },
  CB_PV38: {
    status: 400,
    message: {
      ja: 'フィールド（code: {field}）は閲覧者との照合に使えません。',
      en: 'The field (code: {field}) cannot be matched with the visitor.',
    },
  },
  CB_PV39: {
    status: 400,
    message: {
      ja: 'フィールド（code: {field}）は閲覧者の同期に使えません。存在しないか、閲覧権限がないか、種類が合いません。',
      en: 'The field (code: {field}) cannot be used to sync visitors: it does not exist, you may not view it, or its type does not fit.',
    },
  },
} as const satisfies Record<string, ErrorDef>;
