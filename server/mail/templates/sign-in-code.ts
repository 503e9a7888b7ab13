// The one-time code of a guest's two-step verification. The code is the whole message; the mail
// also says what to do when the recipient did not just try to sign in (someone has the password).
import { z } from 'zod';
import { escapeHtml, layout, textToHtml } from '../html.js';
import { maskCode } from './secrets.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

export const signInCodeParams = z.object({
  code: z.string().regex(/^\d{6}$/),
  minutes: z.number().int().min(1).max(60),
  domainName: z.string().min(1).max(200),
});

export type SignInCodeParams = z.infer<typeof signInCodeParams>;

const WORDS = {
  ja: {
    subject: (code: string) => `ログイン用の確認コード: ${code}`,
    intro: (domainName: string) => `${domainName} へのログインを続けるには、次の確認コードを入力してください。`,
    validity: (minutes: number) => `このコードの有効期限は${minutes}分です。一度だけ使用できます。`,
    outro:
      'ログインしようとしていない場合は、このコードを誰にも教えないでください。' +
      'パスワードが他人に知られている可能性があるため、パスワードを変更してください。',
  },
  en: {
    subject: (code: string) => `Your sign-in code: ${code}`,
    intro: (domainName: string) => `To finish signing in to ${domainName}, enter this verification code:`,
    validity: (minutes: number) => `The code is valid for ${minutes} minutes and works only once.`,
    outro:
      'If you did not just try to sign in, do not share this code with anyone, and change your ' +
      'password: someone else may know it.',
  },
} as const;

export function renderSignInCode(p: SignInCodeParams, locale: MailLocale): RenderedMail {
  const w = WORDS[locale];
  const subject = w.subject(p.code);
  const intro = w.intro(p.domainName);
  const validity = w.validity(p.minutes);
  const codeHtml =
    '<p style="margin:0 0 16px;font-size:28px;font-weight:bold;letter-spacing:6px;font-family:monospace">' +
    `${escapeHtml(p.code)}</p>`;
  return {
    subject,
    text: `${intro}\n\n    ${p.code}\n\n${validity}\n\n${w.outro}\n`,
    html: layout(locale, subject, [textToHtml(intro), codeHtml, textToHtml(validity), textToHtml(w.outro)].join('\n')),
  };
}

export const signInCode: MailTemplate<SignInCodeParams> = {
  params: signInCodeParams,
  render: renderSignInCode,
  redact: (p) => ({ ...p, code: maskCode() }),
};
