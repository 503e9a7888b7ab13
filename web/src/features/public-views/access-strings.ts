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
      'A password or an e-mail sign-in works inside these sites’ frames when this server is reached over HTTPS: the browser keeps the visitor signed in for that site’s frames only. Inside a frame, e-mail sign-in is by code.',
    embedConflict: 'Visitors sign in inside the frame: with the password, or by an e-mail code (a sign-in link would open outside the frame).',
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
      'このサーバーにHTTPSでアクセスする場合、パスワード保護やメールアドレス認証はこれらのサイトのフレーム内でも使えます（ブラウザーはそのサイトのフレーム内に限ってログイン状態を保ちます）。フレーム内のメールアドレス認証は確認コードで行います。',
    embedConflict: '閲覧者はフレーム内でログインします: パスワード、またはメールで届く確認コードを入力します（ログイン用リンクはフレームの外で開くため使えません）。',
    embedCount: (n, max) => `${n}件 / ${max}件`,
    embedProblems: '修正が必要なサイト',
    entry: (entry, n) => (entry ? `${n}件目（${entry}）:` : `${n}件目:`),
  },
);
