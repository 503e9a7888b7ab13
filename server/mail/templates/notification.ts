// A notification by e-mail. What is queued is only the notification's id; the content is filled
// in by the worker when it sends the mail (server/domain/notifications/mail.ts), from what the
// recipient may see at that moment, so a record they lost access to since is never mailed.
import { z } from 'zod';
import { escapeHtml, layout, linkButton, textToHtml } from '../html.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

const content = z.object({
  summary: z.string().max(2_000),
  /** null for a thread's notification, which names its space and thread instead. */
  appName: z.string().max(1_000).nullable(),
  space: z.string().max(1_000).nullable().optional(),
  thread: z.string().max(1_000).nullable().optional(),
  record: z.string().max(2_000).nullable(),
  fields: z.array(z.string().max(1_000)).max(1_000),
  comment: z.string().max(100_000).nullable(),
  // Only http(s): an href such as javascript: would survive HTML escaping.
  url: z.url({ protocol: /^https?$/ }),
});

export const notificationParams = z.object({
  notificationId: z.number().int().positive(),
  /** Filled in at send time; never stored at enqueue. */
  content: content.optional(),
});

export type NotificationParams = z.infer<typeof notificationParams>;
export type NotificationContent = z.infer<typeof content>;

const WORDS = {
  ja: {
    app: 'アプリ',
    space: 'スペース',
    thread: 'スレッド',
    record: 'レコード',
    fields: '変更されたフィールド',
    comment: 'コメント',
    open: 'Engawa を開く',
    outro: 'このメールは、Engawa の通知をメールでも受け取る設定にしているため送信されました。個人設定からいつでも止められます。',
  },
  en: {
    app: 'App',
    space: 'Space',
    thread: 'Thread',
    record: 'Record',
    fields: 'Fields changed',
    comment: 'Comment',
    open: 'Open Engawa',
    outro: 'You get this because you chose to receive Engawa notifications by e-mail. You can turn this off in your settings at any time.',
  },
} as const;

export function renderNotification(p: NotificationParams, locale: MailLocale): RenderedMail {
  const c = p.content;
  if (!c) throw new Error('a notification mail is written when it is sent, not before');
  const w = WORDS[locale];
  const facts = [
    ...(c.appName !== null ? [`${w.app}: ${c.appName}`] : []),
    ...(c.space ? [`${w.space}: ${c.space}`] : []),
    ...(c.thread ? [`${w.thread}: ${c.thread}`] : []),
    ...(c.record ? [`${w.record}: ${c.record}`] : []),
    ...(c.fields.length ? [`${w.fields}: ${c.fields.join(locale === 'ja' ? '、' : ', ')}`] : []),
  ];
  const text = [c.summary, facts.join('\n'), ...(c.comment ? [`${w.comment}:\n${c.comment}`] : []), `${w.open}: ${c.url}`, w.outro].join('\n\n') + '\n';
  const html = [
    textToHtml(c.summary),
    textToHtml(facts.join('\n')),
    c.comment
      ? `<p style="margin:0 0 8px">${escapeHtml(w.comment)}:</p>\n<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:3px solid #cccccc">${textToHtml(c.comment)}</blockquote>`
      : '',
    linkButton(c.url, w.open),
    textToHtml(w.outro),
  ].filter(Boolean);
  const subject = c.summary.length > 200 ? `${c.summary.slice(0, 199)}…` : c.summary;
  return { subject, text, html: layout(locale, subject, html.join('\n')) };
}

export const notificationMail: MailTemplate<NotificationParams> = { params: notificationParams, render: renderNotification };
