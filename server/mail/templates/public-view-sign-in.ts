// A public-view visitor's sign-in: a one-time code to type, or a link to open in the same browser.
// In the visitor's language (their Accept-Language when they asked); the kept copy masks both.
import { z } from 'zod';
import { escapeHtml, layout, textToHtml } from '../html.js';
import { maskCode, maskLink } from './secrets.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

export const publicViewSignInParams = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('code'), code: z.string().regex(/^(\d{6}|•{6})$/), minutes: z.number().int().min(1).max(60), title: z.string().max(200) }),
  z.object({ kind: z.literal('link'), url: z.url({ protocol: /^https?$/ }), minutes: z.number().int().min(1).max(60), title: z.string().max(200) }),
]);
export type PublicViewSignInParams = z.infer<typeof publicViewSignInParams>;

const WORDS = {
  ja: {
    codeSubject: (code: string) => `確認コード: ${code}`,
    linkSubject: (title: string) => `「${title}」へのログイン用リンク`,
    codeIntro: (title: string) => `「${title}」を見るには、次の確認コードを入力してください。`,
    linkIntro: (title: string) => `「${title}」を見るには、ログインを求めたのと同じブラウザーで次のリンクを開いてください。`,
    validity: (minutes: number) => `有効期限は${minutes}分です。一度だけ使用できます。`,
    outro: '心当たりがない場合は、このメールを無視してください。',
  },
  en: {
    codeSubject: (code: string) => `Your code: ${code}`,
    linkSubject: (title: string) => `Sign in to "${title}"`,
    codeIntro: (title: string) => `To see "${title}", enter this code:`,
    linkIntro: (title: string) => `To see "${title}", open this link in the browser where you asked for it:`,
    validity: (minutes: number) => `It is valid for ${minutes} minutes and works only once.`,
    outro: 'If you did not ask for this, you can ignore this message.',
  },
} as const;

export function renderPublicViewSignIn(p: PublicViewSignInParams, locale: MailLocale): RenderedMail {
  const w = WORDS[locale];
  const validity = w.validity(p.minutes);
  if (p.kind === 'code') {
    const subject = w.codeSubject(p.code);
    const intro = w.codeIntro(p.title);
    const codeHtml = `<p style="margin:0 0 16px;font-size:28px;font-weight:bold;letter-spacing:6px;font-family:monospace">${escapeHtml(p.code)}</p>`;
    return {
      subject,
      text: `${intro}\n\n    ${p.code}\n\n${validity}\n\n${w.outro}\n`,
      html: layout(locale, subject, [textToHtml(intro), codeHtml, textToHtml(validity), textToHtml(w.outro)].join('\n')),
    };
  }
  const subject = w.linkSubject(p.title);
  const intro = w.linkIntro(p.title);
  const linkHtml = `<p style="margin:0 0 16px"><a href="${escapeHtml(p.url)}">${escapeHtml(p.url)}</a></p>`;
  return {
    subject,
    text: `${intro}\n\n${p.url}\n\n${validity}\n\n${w.outro}\n`,
    html: layout(locale, subject, [textToHtml(intro), linkHtml, textToHtml(validity), textToHtml(w.outro)].join('\n')),
  };
}

export const publicViewSignIn: MailTemplate<PublicViewSignInParams> = {
  params: publicViewSignInParams,
  render: renderPublicViewSignIn,
  redact: (p) => (p.kind === 'code' ? { ...p, code: maskCode() } : { ...p, url: maskLink(p.url) }),
};
