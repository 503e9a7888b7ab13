// Sent when someone asks to reset a forgotten password: a single-use link, valid for an hour.
// The mail goes to the address stored for the account, never one typed in the request (A16).
import { z } from 'zod';
import { layout, linkButton, textToHtml } from '../html.js';
import { maskLink } from './secrets.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

export const passwordResetParams = z.object({
  // Only http(s): an href such as javascript: would survive HTML escaping.
  url: z.url({ protocol: /^https?$/ }),
  login: z.string().min(1).max(256),
  minutes: z.number().int().positive(),
});

export type PasswordResetParams = z.infer<typeof passwordResetParams>;

const WORDS = {
  ja: {
    subject: 'パスワードの再設定',
    intro: (login: string, minutes: number) =>
      `ログイン名「${login}」のパスワードの再設定を受け付けました。\n\n` +
      `下のリンクを開いて新しいパスワードを設定してください。リンクは${minutes}分間、1回だけ使えます。`,
    button: 'パスワードを再設定する',
    fallback: 'ボタンが開けない場合は、次のアドレスをブラウザーに貼り付けてください。',
    outro: 'お心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。',
  },
  en: {
    subject: 'Reset your password',
    intro: (login: string, minutes: number) =>
      `Someone asked to reset the password of the login "${login}".\n\n` +
      `Open the link below to choose a new password. It works once, for ${minutes} minutes.`,
    button: 'Reset password',
    fallback: 'If the button does not work, paste this address into your browser:',
    outro: 'If you did not ask for this, you can ignore this message: your password stays as it is.',
  },
} as const;

export function renderPasswordReset(p: PasswordResetParams, locale: MailLocale): RenderedMail {
  const w = WORDS[locale];
  const intro = w.intro(p.login, p.minutes);
  const html = [textToHtml(intro), linkButton(p.url, w.button), textToHtml(`${w.fallback}\n${p.url}`), textToHtml(w.outro)];
  return {
    subject: w.subject,
    text: `${intro}\n\n${p.url}\n\n${w.outro}\n`,
    html: layout(locale, w.subject, html.join('\n')),
  };
}

export const passwordReset: MailTemplate<PasswordResetParams> = {
  params: passwordResetParams,
  render: renderPasswordReset,
  redact: (p) => ({ ...p, url: maskLink(p.url) }),
};
