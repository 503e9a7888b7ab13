// Sent once an invitee has registered: where to sign in, and with which login (the e-mail
// address). Never the password: the guest chose it and a mail is a disclosure.
import { z } from 'zod';
import { layout, linkButton, textToHtml } from '../html.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

export const registrationCompleteParams = z.object({
  spaceName: z.string().min(1).max(1_000),
  // Only http(s): an href such as javascript: would survive HTML escaping.
  url: z.url({ protocol: /^https?$/ }),
  login: z.string().min(1).max(254),
});

export type RegistrationCompleteParams = z.infer<typeof registrationCompleteParams>;

const WORDS = {
  ja: {
    subject: 'Engawa ゲストユーザー登録完了のお知らせ',
    intro: (space: string) => `ゲストユーザーの登録が完了し、ゲストスペース「${space}」に参加しました。`,
    access: 'アクセス URL:',
    login: 'ログイン名:',
    password: 'パスワードは登録時に設定したものです。忘れた場合は、ログイン画面の「パスワードを忘れた場合」から再設定できます。',
    button: 'スペースを開く',
  },
  en: {
    subject: 'Your Engawa guest account is ready',
    intro: (space: string) => `Your guest account is registered and you have joined the guest space "${space}".`,
    access: 'Access URL:',
    login: 'Login name:',
    password: 'Your password is the one you chose when registering. If you forget it, use "Forgot your password?" on the sign-in page.',
    button: 'Open the space',
  },
} as const;

export function renderRegistrationComplete(p: RegistrationCompleteParams, locale: MailLocale): RenderedMail {
  const w = WORDS[locale];
  const intro = w.intro(p.spaceName);
  const facts = `${w.access} ${p.url}\n${w.login} ${p.login}`;
  const text = [intro, facts, w.password].join('\n\n') + '\n';
  const html = [textToHtml(intro), textToHtml(facts), linkButton(p.url, w.button), textToHtml(w.password)];
  return { subject: w.subject, text, html: layout(locale, w.subject, html.join('\n')) };
}

export const registrationCompleteMail: MailTemplate<RegistrationCompleteParams> = {
  params: registrationCompleteParams,
  render: renderRegistrationComplete,
};
