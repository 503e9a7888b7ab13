// Error codes of public views (ours; part of ERRORS, common/error-codes.ts). Visitors only ever
// see CB_PV05 (not found, whatever the reason), CB_PV06 (busy), CB_PV07/CB_PV08 (password) and
// CB_PV10 (network): none names a field, a filter or a reason that would tell them more (P7).
import type { ErrorDef } from './error-def.js';

export const PUBLIC_VIEW_ERRORS = {
  CB_PV01: {
    status: 404,
    message: { ja: '指定した公開ビューが見つかりません。', en: 'The specified public view is not found.' },
  },
  CB_PV02: {
    status: 403,
    message: {
      ja: 'この機能（{feature}）はご契約の公開ビューのプランでは利用できません。{plan}プラン以上が必要です。',
      en: 'This feature ({feature}) is not part of your public-view plan. It needs the {plan} plan or above.',
    },
  },
  CB_PV03: {
    status: 403,
    message: {
      ja: '公開ビューのプランが契約されていないため、公開できません。',
      en: 'Public views cannot be published without a public-view plan.',
    },
  },
  CB_PV04: {
    status: 400,
    message: {
      ja: 'フィールド（code: {field}）は公開ビューに表示できません。存在しないか、閲覧権限がないか、表示できない種類のフィールドです。',
      en: 'The field (code: {field}) cannot be shown in a public view: it does not exist, you may not view it, or fields of its type cannot be shown.',
    },
  },
  CB_PV05: {
    status: 404,
    message: { ja: 'ページが見つかりません。', en: 'This page is not found.' },
  },
  CB_PV06: {
    status: 429,
    message: {
      ja: 'ただいまアクセスが集中しています。しばらくしてから再度お試しください。',
      en: 'This page is busy right now. Please try again in a moment.',
    },
  },
  CB_PV07: {
    status: 401,
    message: { ja: 'このページを見るにはパスワードが必要です。', en: 'This page needs a password.' },
  },
  CB_PV08: {
    status: 401,
    message: { ja: 'パスワードが正しくありません。', en: 'The password is not correct.' },
  },
  CB_PV09: {
    status: 400,
    message: {
      ja: 'この種類の公開ビュー（{kind}）はまだ利用できません。',
      en: 'Public views of this kind ({kind}) are not available yet.',
    },
  },
  CB_PV10: {
    status: 403,
    message: {
      ja: 'このページはお使いのネットワークからは開けません。',
      en: 'This page cannot be opened from your network.',
    },
  },
  CB_PV11: {
    status: 400,
    message: {
      ja: '絞り込み条件が公開ビューに使えません。条件だけを指定し（order by・limit・offsetは不可）、ログインユーザーによって変わる関数（LOGINUSER()・PRIMARY_ORGANIZATION()）は使わないでください。',
      en: 'This filter cannot be used in a public view. Give conditions only (no order by, limit or offset), without functions that depend on the signed-in user (LOGINUSER(), PRIMARY_ORGANIZATION()).',
    },
  },
  CB_PV12: {
    status: 400,
    message: {
      ja: 'フィールド（code: {field}）では並べ替えできません。',
      en: 'Records cannot be sorted by the field (code: {field}).',
    },
  },
  CB_PV40: {
    status: 400,
    message: {
      ja: 'このビューのプレビューを表示できません。作成者がアプリやフィールドを閲覧できなくなっているか、設定がアプリに合っていません。',
      en: 'This view cannot be previewed: its creator can no longer read the app or a field it shows, or its settings no longer fit the app.',
    },
  },
  CB_PV13: {
    status: 429,
    message: {
      ja: 'パスワードの入力回数が多すぎます。しばらくしてから再度お試しください。',
      en: 'Too many password attempts. Try again later.',
    },
  },
} as const satisfies Record<string, ErrorDef>;
