// Error codes of signing in and getting in: password expiry and reset, second factors, and the
// access restrictions for regular users (part of ERRORS, common/error-codes.ts).
import type { ErrorDef } from './error-def.js';

export const ACCESS_ERRORS = {
  // Ours: a password older than the domain's expiry proves who signs in, but opens nothing
  // except the change of that password.
  CB_PE01: {
    status: 401,
    message: {
      ja: 'パスワードの有効期限が切れています。パスワードを変更してください。',
      en: 'Your password has expired. Change your password to continue.',
    },
  },
  // Ours: one answer for every password-reset link that cannot be used (unknown, used, expired).
  CB_PR01: {
    status: 404,
    message: {
      ja: 'このリンクは無効か、有効期限が切れています。もう一度パスワードの再設定を申し込んでください。',
      en: 'This link is invalid or has expired. Ask for a new password reset link.',
    },
  },
  // Ours: one answer for every allow-list reset link that cannot be used (unknown, used, expired,
  // its account no longer a valid administrator).
  CB_IR01: {
    status: 404,
    message: {
      ja: 'このリンクは無効か、有効期限が切れています。IPアドレス制限の解除をもう一度申し込んでください。',
      en: 'This link is invalid or has expired. Ask for a new link to lift the IP address restriction.',
    },
  },
  // Ours (two-step verification): the challenge holder knew the password, so being told is safe.
  CB_TS01: {
    status: 401,
    message: { ja: '確認コードが正しくありません。', en: 'The verification code is not correct.' },
  },
  CB_TS02: {
    status: 401,
    message: {
      ja: '確認の有効期限が切れたか、誤ったコードが多すぎます。もう一度ログインしてください。',
      en: 'This sign-in has expired or had too many wrong codes. Sign in again.',
    },
  },
  // Answered before the password is checked, alike for a right and a wrong one (A7).
  CB_TS03: {
    status: 401,
    message: {
      ja: '2段階認証を利用するアカウントでは、X-Cybozu-Authorizationによるパスワード認証は使用できません。APIトークンを使用するか、ブラウザーからログインしてください。',
      en: 'Password authentication (X-Cybozu-Authorization) cannot be used for an account with two-step verification. Use an API token, or sign in through a browser.',
    },
  },
  CB_TS04: {
    status: 401,
    message: {
      ja: '続行するには2要素認証を設定してください。',
      en: 'Set up two-factor authentication to continue.',
    },
  },
  CB_TS05: {
    status: 403,
    message: {
      ja: '2要素認証はシステム管理者によって必須とされているため、無効にできません。',
      en: 'Two-factor authentication is required by your administrator and cannot be turned off.',
    },
  },
  CB_TS06: {
    status: 409,
    message: {
      ja: '2要素認証はすでに有効です。設定し直すには、先に無効にしてください。',
      en: 'Two-factor authentication is already on. Turn it off first to set it up again.',
    },
  },
  CB_HO01: {
    status: 421,
    message: {
      ja: 'このホスト名に対応するドメインはありません。',
      en: 'No domain is served at this host name.',
    },
  },
  // Access restrictions for regular users (ours: kintone answers these with its own pages).
  CB_IP01: {
    status: 403,
    message: {
      ja: 'このネットワークからのアクセスは許可されていません。管理者が許可したネットワークからアクセスしてください。',
      en: 'Access from this network is not allowed. Connect from a network your administrator has allowed.',
    },
  },
  CB_BA01: {
    status: 401,
    message: {
      ja: '許可されていないネットワークからアクセスするには、Basic認証のユーザー名とパスワードが必要です。',
      en: 'Access from outside the allowed networks requires the Basic authentication user name and password.',
    },
  },
  CB_CE01: {
    status: 403,
    message: {
      ja: '許可されていないネットワークからアクセスするには、あなたに発行された有効なクライアント証明書が必要です。',
      en: 'Access from outside the allowed networks requires a valid client certificate issued to you.',
    },
  },
} as const satisfies Record<string, ErrorDef>;
