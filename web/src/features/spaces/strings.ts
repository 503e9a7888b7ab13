// The words of the portal, spaces, threads and space settings, gathered from each screen's file
// (portal-, space-, thread-, settings-strings.ts) with the few they share: the refusal page and
// the confirmation dialog. kintone's own where kintone has them (../shared/spec/ui-glossary.md),
// American spelling in English.
import { defineStrings } from '../../i18n/area-strings';
import { portalStrings } from './portal-strings';
import { settingsStrings } from './settings-strings';
import { spaceStrings } from './space-strings';
import { threadStrings } from './thread-strings';

export const strings = defineStrings(
  {
    ...portalStrings.en,
    ...spaceStrings.en,
    ...threadStrings.en,
    ...settingsStrings.en,
    refusal: {
      noPermission: 'No privilege to proceed.',
      noPermissionHint: 'Only space administrators can open this page.',
      notFound: (id: string) => `The space (ID: ${id}) not found. The space may have been deleted.`,
      threadNotFound: 'The thread was not found. It may have been deleted.',
      back: 'Back to Portal',
    },
    confirm: {
      ok: 'OK',
      cancel: 'Cancel',
      delete: 'Delete',
    },
  },
  {
    ...portalStrings.ja,
    ...spaceStrings.ja,
    ...threadStrings.ja,
    ...settingsStrings.ja,
    refusal: {
      noPermission: '権限がありません。',
      noPermissionHint: 'このページはスペースの管理者だけが開けます。',
      notFound: (id) => `指定されたスペース(id: ${id})が見つかりません。削除されている可能性があります。`,
      threadNotFound: 'スレッドが見つかりません。削除されている可能性があります。',
      back: 'ポータルに戻る',
    },
    confirm: {
      ok: 'OK',
      cancel: 'キャンセル',
      delete: '削除する',
    },
  },
);
