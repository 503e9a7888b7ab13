// An administrator checks the mail settings by sending this to themselves; the free text they
// type is the only variable part, and it is escaped like everything else.
import { z } from 'zod';
import { escapeHtml, layout, textToHtml } from '../html.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

export const testMessageParams = z.object({
  text: z.string().max(10_000),
});

export type TestMessageParams = z.infer<typeof testMessageParams>;

export function renderTestMessage(p: TestMessageParams, locale: MailLocale): RenderedMail {
  const w =
    locale === 'ja'
      ? {
          subject: 'Engawa テストメール',
          intro: 'このメールは、Engawa の管理者がメール送信の確認のために送信したテストメールです。',
          note: '管理者からのメッセージ:',
          outro: 'このメールが届いていれば、メールの送信設定は正しく動作しています。返信の必要はありません。',
        }
      : {
          subject: 'Engawa test message',
          intro: 'This is a test message sent by an Engawa administrator to check the mail settings.',
          note: 'Message from the administrator:',
          outro: 'If you are reading this, mail delivery is working. There is no need to reply.',
        };
  const note = p.text.trim();
  const text = note ? `${w.intro}\n\n${w.note}\n${note}\n\n${w.outro}\n` : `${w.intro}\n\n${w.outro}\n`;
  const noteHtml = note
    ? `<p style="margin:0 0 8px">${escapeHtml(w.note)}</p>\n` +
      '<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:3px solid #cccccc">' +
      `${textToHtml(note)}</blockquote>\n`
    : '';
  return {
    subject: w.subject,
    text,
    html: layout(locale, w.subject, `${textToHtml(w.intro)}\n${noteHtml}${textToHtml(w.outro)}`),
  };
}

export const testMessage: MailTemplate<TestMessageParams> = { params: testMessageParams, render: renderTestMessage };
