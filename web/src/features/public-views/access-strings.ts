// The words of a view's embedding setting (frameAncestors: which sites may show the visitor page
// in a frame; ui-glossary §1.10: ビュー, パスワード保護, メールアドレス認証). kViewer counts it among
// its access restrictions, so it sits in the editor's アクセス制限 section.
import { defineStrings } from '../../i18n/area-strings';

export const accessStrings = defineStrings(
  {
    embed: 'Embedding in other sites',
    embedLabel: 'Sites that may embed this view',
    embedHint: (n: number) =>
      `One site a line, as https://host or https://host:port (no path), at most ${n}. Only these sites may show the view in a frame (iframe). Empty: no site may.`,
    embedSignIn:
      'A view with a password or e-mail authentication cannot keep visitors signed in inside another site’s frame: browsers do not send its sign-in there. Embed views that have neither.',
    embedConflict: 'This view asks for a password or an e-mail sign-in, so it will not work inside a frame.',
    embedCount: (n: number, max: number) => `${n} of ${max} sites.`,
    embedProblems: 'Sites to fix',
    entry: (entry: string, n: number) => (entry ? `Site ${n} (${entry}):` : `Site ${n}:`),
  },
  {
    embed: 'ほかのサイトへの埋め込み',
    embedLabel: 'このビューを埋め込めるサイト',
    embedHint: (n) =>
      `1行に1つ、https://ホスト名 または https://ホスト名:ポート番号 の形で入力します（パスは不要）。${n}件まで。ここに入力したサイトだけが、このビューをフレーム（iframe）に表示できます。空欄: どのサイトにも埋め込めません。`,
    embedSignIn:
      'パスワード保護またはメールアドレス認証を使うビューは、ほかのサイトのフレーム内ではログイン状態を保てません（ブラウザーがフレーム内にログイン情報を送らないため）。埋め込むのは、どちらも使わないビューにしてください。',
    embedConflict: 'このビューはパスワードまたはメールアドレス認証を求めるため、フレーム内では閲覧できません。',
    embedCount: (n, max) => `${n}件 / ${max}件`,
    embedProblems: '修正が必要なサイト',
    entry: (entry, n) => (entry ? `${n}件目（${entry}）:` : `${n}件目:`),
  },
);
