// Sent when a domain administrator, locked out by the IP allow-list, asks to lift it: a
// single-use link, valid for an hour, that switches the restriction off for everyone. The mail
// goes to the address stored for the account, never one typed in the request (A6, A16).
import { z } from 'zod';
import { layout, linkButton, textToHtml } from '../html.js';
import { maskLink } from './secrets.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

export const allowListResetParams = z.object({
  // Only http(s): an href such as javascript: would survive HTML escaping.
  url: z.url({ protocol: /^https?$/ }),
  login: z.string().min(1).max(256),
  domainName: z.string().min(1),
  minutes: z.number().int().positive(),
});

export type AllowListResetParams = z.infer<typeof allowListResetParams>;

const WORDS = {
  ja: {
    subject: 'IPアドレス制限の解除',
    intro: (p: AllowListResetParams) =>
      `${p.domainName} の管理者（ログイン名「${p.login}」）から、IPアドレス制限の解除を受け付けました。\n\n` +
      '下のリンクを開いて確認すると、このドメインのIPアドレス制限（許可していないネットワークに求めるBasic認証とクライアント証明書を含む）が' +
      'すべてのユーザーについて解除され、どのネットワークからでもアクセスできるようになります。許可するIPアドレスの一覧は残ります。' +
      '解除したあとは、いつもどおりログインしてください。\n\n' +
      `リンクは${p.minutes}分間、1回だけ使えます。`,
    button: 'IPアドレス制限を解除する',
    fallback: 'ボタンが開けない場合は、次のアドレスをブラウザーに貼り付けてください。',
    outro:
      'お心当たりがない場合は、ログイン名を知っている誰かが申し込んだ可能性があります。' +
      'リンクを開かなければ何も変更されません。このメールを破棄してください。',
  },
  en: {
    subject: 'Lift the IP address restriction',
    intro: (p: AllowListResetParams) =>
      `Someone asked to lift the IP address restriction of ${p.domainName} for the administrator "${p.login}".\n\n` +
      'Opening the link below and confirming switches the IP address restriction off for everyone, together with the Basic authentication ' +
      'and client certificates it asks of other networks: every user can then connect from any network. The list of ' +
      'allowed addresses is kept. Then sign in as usual.\n\n' +
      `The link works once, for ${p.minutes} minutes.`,
    button: 'Lift the IP address restriction',
    fallback: 'If the button does not work, paste this address into your browser:',
    outro:
      'If you did not ask for this, someone knows your login name. Nothing changes unless the link is opened: ' +
      'you can ignore this message.',
  },
} as const;

export function renderAllowListReset(p: AllowListResetParams, locale: MailLocale): RenderedMail {
  const w = WORDS[locale];
  const intro = w.intro(p);
  const html = [textToHtml(intro), linkButton(p.url, w.button), textToHtml(`${w.fallback}\n${p.url}`), textToHtml(w.outro)];
  return {
    subject: w.subject,
    text: `${intro}\n\n${p.url}\n\n${w.outro}\n`,
    html: layout(locale, w.subject, html.join('\n')),
  };
}

export const allowListReset: MailTemplate<AllowListResetParams> = {
  params: allowListResetParams,
  render: renderAllowListReset,
  redact: (p) => ({ ...p, url: maskLink(p.url) }),
};
