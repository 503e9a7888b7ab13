// Error codes of the contract and what it limits (ours; part of ERRORS, common/error-codes.ts).
import type { ErrorDef } from './error-def.js';

export const LICENCE_ERRORS = {
  CB_LI01: {
    status: 403,
    message: {
      ja: 'ユーザーのライセンス（{licences}）はすべて使用中です。ライセンスを追加するか、他のユーザーを停止してから追加または再開してください。',
      en: 'All {licences} user licenses are in use. Add licenses, or suspend another user, before adding or reactivating one.',
    },
  },
  CB_LI02: {
    status: 400,
    message: {
      ja: 'ユーザーのライセンス数は、使用中のユーザー数（{inUse}）より少なくできません。',
      en: 'The number of user licenses cannot be lower than the {inUse} users in use.',
    },
  },
  CB_LI03: {
    status: 400,
    message: {
      ja: 'ゲストユーザーのライセンスだけを契約することはできません。先にコース・契約区分・ユーザー数・開始日を設定してください。',
      en: 'Guest licenses cannot be contracted alone. Set the course, billing term, user licenses and start date first.',
    },
  },
  CB_LI04: {
    status: 400,
    message: {
      ja: 'ゲストユーザーのライセンスは、契約と同じコースと契約区分でのみ利用できます。',
      en: 'Guest licenses always use the same course and billing term as the contract.',
    },
  },
  CB_LI05: {
    status: 403,
    message: {
      ja: 'ご契約のコースで作成できるアプリの上限（{limit}個）に達しています。',
      en: 'Your course allows at most {limit} apps, and they have all been created.',
    },
  },
  CB_LI06: {
    status: 403,
    message: {
      ja: 'ご契約のコースで作成できるスペースの上限（{limit}個）に達しています。',
      en: 'Your course allows at most {limit} spaces, and they have all been created.',
    },
  },
  CB_LI07: {
    status: 403,
    message: {
      ja: 'ライトコースでは、パスワード認証やAPIトークンによるREST APIは利用できません。',
      en: 'The REST API (password or API token authentication) is not available on the Light course.',
    },
  },
  CB_LI08: {
    status: 429,
    message: {
      ja: 'このアプリの1日あたりのAPIリクエスト数の上限（{limit}）に達しました。日本時間の9:00にリセットされます。',
      en: 'This app has reached its limit of {limit} API requests per day. The count resets at 9:00 Japan time.',
    },
  },
} as const satisfies Record<string, ErrorDef>;
