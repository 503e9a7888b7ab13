// Invites someone from outside into a guest space. The inviter's message is plain text: it is
// escaped in the HTML part and never reaches a header (the subject names only the space). The
// link carries a single-use secret, so the mail asks not to forward it.
import { z } from 'zod';
import { escapeHtml, layout, linkButton, textToHtml } from '../html.js';
import { maskLink } from './secrets.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

export const invitationParams = z.object({
  spaceName: z.string().min(1).max(1_000),
  inviterName: z.string().max(1_000),
  message: z.string().max(1_000),
  // Only http(s): an href such as javascript: would survive HTML escaping.
  url: z.url({ protocol: /^https?$/ }),
  expiresAt: z.iso.datetime(),
  /** The time zone the expiry is shown in (the inviter's). */
  timezone: z.string().max(64),
});

export type InvitationParams = z.infer<typeof invitationParams>;

const WORDS = {
  ja: {
    subject: (space: string) => `ゲストスペース「${space}」への招待`,
    intro: (inviter: string, space: string) =>
      `${inviter} さんから、Engawa のゲストスペース「${space}」に招待されました。\n` +
      '下のリンクを開いてゲストユーザーとして登録すると、すぐにスペースに参加できます。',
    note: (inviter: string) => `${inviter} さんからのメッセージ:`,
    button: '招待を受ける',
    fallback: 'ボタンが開けない場合は、次のアドレスをブラウザーに貼り付けてください。',
    expiry: (at: string) => `このリンクの有効期限は ${at} です。一度だけ使用できます。`,
    outro: 'このリンクはあなた専用です。他の人には転送しないでください。\nお心当たりがない場合は、このメールを破棄してください。',
  },
  en: {
    subject: (space: string) => `Invitation to the guest space "${space}"`,
    intro: (inviter: string, space: string) =>
      `${inviter} has invited you to the guest space "${space}" on Engawa.\n` +
      'Open the link below to register as a guest user and join the space right away.',
    note: (inviter: string) => `A message from ${inviter}:`,
    button: 'Accept the invitation',
    fallback: 'If the button does not work, paste this address into your browser:',
    expiry: (at: string) => `This link works once, until ${at}.`,
    outro: 'This link is meant for you only, so please do not forward it.\nIf you were not expecting this message, you can ignore it.',
  },
} as const;

/** A moment as the recipient reads it: date, time and zone in their language. */
export function formatMoment(iso: string, timezone: string, locale: MailLocale): string {
  const opts: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
  let text: string;
  try {
    text = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { ...opts, timeZone: timezone }).format(new Date(iso));
    return `${text} (${timezone})`;
  } catch {
    text = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { ...opts, timeZone: 'UTC' }).format(new Date(iso));
    return `${text} (UTC)`;
  }
}

export function renderInvitation(p: InvitationParams, locale: MailLocale): RenderedMail {
  const w = WORDS[locale];
  const inviter = p.inviterName || 'Engawa';
  const subject = w.subject(p.spaceName);
  const intro = w.intro(inviter, p.spaceName);
  const message = p.message.trim();
  const expiry = w.expiry(formatMoment(p.expiresAt, p.timezone, locale));
  const text = [intro, ...(message ? [`${w.note(inviter)}\n${message}`] : []), p.url, expiry, w.outro].join('\n\n') + '\n';
  const html = [
    textToHtml(intro),
    message
      ? `<p style="margin:0 0 8px">${escapeHtml(w.note(inviter))}</p>\n<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:3px solid #cccccc">${textToHtml(message)}</blockquote>`
      : '',
    linkButton(p.url, w.button),
    textToHtml(`${w.fallback}\n${p.url}`),
    textToHtml(expiry),
    textToHtml(w.outro),
  ].filter(Boolean);
  return { subject, text, html: layout(locale, subject, html.join('\n')) };
}

export const invitationMail: MailTemplate<InvitationParams> = {
  params: invitationParams,
  render: renderInvitation,
  redact: (p) => ({ ...p, url: maskLink(p.url) }),
};
