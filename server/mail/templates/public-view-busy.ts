// Tells a domain administrator that a public view answered visitors "busy, retry" today
// (server/domain/public-views/busy-notice.ts): at most one message per view and day. The view's
// title is plain text, escaped in the HTML part; nothing in it is a secret (the link is the view's
// settings screen, never its public URL), so there is no redact.
import { z } from 'zod';
import { layout, linkButton, textToHtml } from '../html.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

export const publicViewBusyParams = z.object({
  viewTitle: z.string().max(1_000),
  /** The day it happened, in UTC (YYYY-MM-DD). */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The view's settings screen. Only http(s): an href such as javascript: would survive escaping. */
  url: z.url({ protocol: /^https?$/ }),
});

export type PublicViewBusyParams = z.infer<typeof publicViewBusyParams>;

const WORDS = {
  ja: {
    subject: (title: string) => `公開ビュー「${title}」が混雑しています`,
    intro: (title: string, day: string) =>
      `${day}、公開ビュー「${title}」へのアクセスが上限を超えたため、一部の閲覧者に「混雑しています。しばらくしてから再度お試しください」と表示されました。`,
    advice:
      '一時的なアクセス集中であれば対応は不要です。たびたび発生する場合は、公開ビューのプランで 1 分あたりのリクエスト数の上限を確認するか、ビューの設定（1 ページの件数、検索など）を見直してください。',
    button: '公開ビューの設定を開く',
    outro: 'このメールは、Engawa のシステム管理者の皆さまに、公開ビューごとに 1 日 1 回までお送りしています。',
  },
  en: {
    subject: (title: string) => `Public view "${title}" is busy`,
    intro: (title: string, day: string) =>
      `On ${day}, the public view "${title}" received more requests than it may answer, so some visitors were asked to wait and retry.`,
    advice:
      'A short burst needs nothing from you. If it keeps happening, check the requests per minute of your public-view plan, or review the view (page size, search).',
    button: 'Open the view’s settings',
    outro: 'This message goes to every Engawa system administrator, at most once a day for each public view.',
  },
} as const;

export function renderPublicViewBusy(p: PublicViewBusyParams, locale: MailLocale): RenderedMail {
  const w = WORDS[locale];
  const day = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${p.day}T00:00:00Z`));
  const subject = w.subject(p.viewTitle);
  const parts = [w.intro(p.viewTitle, day), w.advice];
  const text = [...parts, `${w.button}: ${p.url}`, w.outro].join('\n\n') + '\n';
  const html = [...parts.map(textToHtml), linkButton(p.url, w.button), textToHtml(w.outro)];
  return { subject, text, html: layout(locale, subject, html.join('\n')) };
}

export const publicViewBusyMail: MailTemplate<PublicViewBusyParams> = { params: publicViewBusyParams, render: renderPublicViewBusy };
