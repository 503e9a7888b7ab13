// Sent when a new domain has no administrator yet: the link lets the recipient create one.
// Anyone holding the link can become the administrator, so the mail says not to forward it.
import { z } from 'zod';
import { layout, linkButton, textToHtml } from '../html.js';
import { maskLink } from './secrets.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

export const setupLinkParams = z.object({
  // Only http(s): an href such as javascript: would survive HTML escaping.
  url: z.url({ protocol: /^https?$/ }),
  domainName: z.string().min(1),
});

export type SetupLinkParams = z.infer<typeof setupLinkParams>;

const WORDS = {
  ja: {
    subject: 'Engawa の初期設定',
    intro: (domainName: string) =>
      `${domainName} の Engawa をご用意しました。\n\n` +
      '下のリンクを開いて最初の管理者アカウントを作成し、初期設定を完了してください。',
    button: '初期設定を始める',
    // Some clients strip or break buttons; the address in plain sight still works when copied.
    fallback: 'ボタンが開けない場合は、次のアドレスをブラウザーに貼り付けてください。',
    outro:
      'このリンクを知っている人は誰でも管理者になれます。他の人には転送しないでください。\n' +
      'お心当たりがない場合は、このメールを破棄してください。',
  },
  en: {
    subject: 'Finish setting up Engawa',
    intro: (domainName: string) =>
      `Engawa for ${domainName} is ready.\n\n` +
      'Open the link below to create the first administrator account and finish setting up.',
    button: 'Finish setting up',
    fallback: 'If the button does not work, paste this address into your browser:',
    outro:
      'Anyone who has this link can become the administrator, so please do not forward it.\n' +
      'If you were not expecting this message, you can ignore it.',
  },
} as const;

export function renderSetupLink(p: SetupLinkParams, locale: MailLocale): RenderedMail {
  const w = WORDS[locale];
  const intro = w.intro(p.domainName);
  const html = [
    textToHtml(intro),
    linkButton(p.url, w.button),
    textToHtml(`${w.fallback}\n${p.url}`),
    textToHtml(w.outro),
  ];
  return {
    subject: w.subject,
    text: `${intro}\n\n${p.url}\n\n${w.outro}\n`,
    html: layout(locale, w.subject, html.join('\n')),
  };
}

export const setupLink: MailTemplate<SetupLinkParams> = {
  params: setupLinkParams,
  render: renderSetupLink,
  redact: (p) => ({ ...p, url: maskLink(p.url) }),
};
