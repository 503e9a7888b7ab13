// kintone's error codes: the HTTP status each answers with, and the sentence in each locale.
// The wording follows kintone (spec/ui-glossary.md §2.4–2.5) because scripts match on it.
import type { ErrorDef } from './error-def.js';
import { ACCESS_ERRORS } from './error-codes-access.js';
import { LICENCE_ERRORS } from './error-codes-licences.js';
import { PUBLIC_VIEW_ERRORS } from './error-codes-public-views.js';
import { PUBLIC_VISITOR_ERRORS } from './error-codes-public-visitors.js';
import { QUERY_ERRORS } from './error-codes-query.js';

export const ERRORS = {
  ...ACCESS_ERRORS,
  ...LICENCE_ERRORS,
  ...PUBLIC_VIEW_ERRORS,
  ...PUBLIC_VISITOR_ERRORS,
  ...QUERY_ERRORS,
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
  // Not one of kintone's codes: kintone's own refusal of guests in its mobile app is not documented.
  CB_MB01: {
    status: 403,
    message: {
      ja: 'ゲストユーザーはモバイルアプリを利用できません。Webブラウザーからアクセスしてください。',
      en: 'Guest users cannot use the mobile app. Open this site in a web browser instead.',
    },
  },
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
  GAIA_AP01: {
    status: 404,
    message: {
      ja: '指定したアプリ（id: {id}）が見つかりません。削除されている可能性があります。',
      en: 'The app (ID: {id}) not found. The app may have been deleted.',
    },
  },
  GAIA_CO02: {
    status: 409,
    message: {
      ja: '指定したrevisionは最新ではありません。ほかのユーザーがレコードを更新した可能性があります。',
      en: 'The specified revision is not the latest. Another user may have updated the record.',
    },
  },
  GAIA_FC01: {
    status: 400,
    message: {
      ja: '指定したフィールド（code: {code}）が見つかりません。',
      en: 'The specified field (code: {code}) not found.',
    },
  },
  GAIA_DE01: {
    status: 400,
    message: {
      ja: '運用環境に反映できませんでした。設定内容を確認してください。',
      en: 'The settings could not be deployed. Check the settings.',
    },
  },
  // Deploy-time formula validation (spec/calc-formulas.md §6.2): one field is reported, with
  // {detail} one of FORMULA_MESSAGES. The English wording is unconfirmed.
  GAIA_IL01: {
    status: 400,
    message: {
      ja: 'フィールド「{label}」の計算式が正しくありません。(エラーの内容：{detail})',
      en: 'The formula of the field "{label}" is invalid. (Error: {detail})',
    },
  },
  GAIA_RE01: {
    status: 404,
    message: {
      ja: '指定したレコード（id: {id}）が見つかりません。',
      en: 'The specified record (ID: {id}) is not found.',
    },
  },
  // Observed on real kintone (a 400, not a 404): no such comment on a record the caller sees.
  GAIA_RE02: {
    status: 400,
    message: {
      ja: '指定したコメントが存在しません。削除された可能性があります。',
      en: 'The specified comment does not exist. The comment may have been deleted.',
    },
  },
  GAIA_CN01: {
    status: 404,
    message: {
      ja: '指定したカーソルが見つかりません。',
      en: 'The specified cursor does not exist.',
    },
  },
  GAIA_TM12: {
    status: 429,
    message: {
      ja: '作成できるカーソルの上限に達しているため、カーソルを作成できません。',
      en: 'You cannot create a cursor because the number of cursors has reached the limit.',
    },
  },
  GAIA_LO04: {
    status: 400,
    message: {
      ja: 'フィールド「{field}」の値「{value}」が、ルックアップの参照先のフィールドにないか、またはアプリやフィールドの閲覧権限がありません。',
      en: 'The value "{value}" of the field "{field}" does not exist in the lookup source app, or you do not have permission to view it.',
    },
  },
  GAIA_IA02: {
    status: 400,
    message: {
      ja: '指定したAPIトークンが、アプリで生成されたAPIトークンと一致しません。',
      en: 'The specified API token does not match the API token generated via an app.',
    },
  },
  GAIA_NO01: {
    status: 403,
    message: {
      ja: 'このAPIトークンでは、指定したAPIを実行できません。',
      en: 'Using this API token, you cannot run the specified API.',
    },
  },
  GAIA_DA03: {
    status: 400,
    message: {
      ja: '同じアプリのAPIトークンを重複して指定することはできません。',
      en: 'You cannot specify a duplicate API token for the same app.',
    },
  },
  GAIA_BL01: {
    status: 404,
    message: {
      ja: '指定したファイル（id: {id}）が見つかりません。',
      en: 'The specified file (id: {id}) not found.',
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
  // Process management. The English of ST02, IL03, SA01, SA04, NT01 and IL26 is kintone's as
  // observed; the Japanese of ST02 and IL03 too, the rest unconfirmed.
  GAIA_ST02: {
    status: 400,
    message: {
      ja: '操作に失敗しました。プロセス管理機能が無効化されています。',
      en: 'Your request failed. The process management feature has been disabled.',
    },
  },
  GAIA_IL03: {
    status: 400,
    message: {
      ja: 'ステータスの変更に失敗しました。ほかのユーザーがステータス、またはステータスの設定を変更した可能性があります。',
      en: 'Failed to update the status. The settings or the status itself may have been changed by someone.',
    },
  },
  GAIA_SA01: {
    status: 400,
    message: { ja: '作業者を指定してください。', en: 'Assignee is required.' },
  },
  GAIA_SA04: {
    status: 400,
    message: {
      ja: 'ステータスの変更に失敗しました。このアクションでは作業者を指定できません。',
      en: 'Failed to update status. Assignee cannot be specified by the action.',
    },
  },
  GAIA_NT01: {
    status: 403,
    message: { ja: '作業者のみがステータスを変更できます。', en: 'Only Assignee can change the status.' },
  },
  GAIA_IL26: {
    status: 400,
    message: {
      ja: '指定したユーザー（code：{code}）が見つかりません。',
      en: 'The specified user (code：{code}) not found.',
    },
  },
  GAIA_IL23: {
    status: 400,
    message: {
      ja: 'ゲストスペース内のアプリを操作する場合は、リクエストの送信先を「/k/guest/（ゲストスペースのID）/v1/...」にします。',
      en: "When you operate an app in a guest space, please send the request to '/k/guest/(guest space ID)/v1/...'",
    },
  },
  // Not one of kintone's published codes: kintone answers a missing space with a generic error.
  GAIA_SP01: {
    status: 404,
    message: {
      ja: '指定したスペース（id: {id}）が見つかりません。削除されている可能性があります。',
      en: 'The space (ID: {id}) not found. The space may have been deleted.',
    },
  },
  // Not one of kintone's published codes: a thread that does not exist, or is out of reach.
  GAIA_TH01: {
    status: 404,
    message: {
      ja: '指定したスレッド（id: {id}）が見つかりません。削除されている可能性があります。',
      en: 'The thread (ID: {id}) not found. The thread may have been deleted.',
    },
  },
  // Ours (guest invitations): one answer for every link that cannot be used — unknown, another
  // domain's, used, cancelled, expired, or for a suspended guest (probes I1–I4, G14).
  GAIA_IV01: {
    status: 404,
    message: {
      ja: 'この招待リンクは無効か、有効期限が切れています。招待した人に再送を依頼してください。',
      en: 'This invitation link is invalid or has expired. Ask the person who invited you to send it again.',
    },
  },
  // Ours: an invitation id that is not one of this space's.
  GAIA_IV02: {
    status: 404,
    message: {
      ja: '指定した招待（id: {id}）が見つかりません。',
      en: 'The invitation (ID: {id}) not found.',
    },
  },
  // Ours: the link was opened while signed in as someone else; nothing was used (probe I5).
  GAIA_IV03: {
    status: 409,
    message: {
      ja: 'この招待は別のアカウント宛てです。ログアウトしてから、もう一度リンクを開いてください。',
      en: 'This invitation is for another account. Sign out, then open the link again.',
    },
  },
} as const satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof ERRORS;
