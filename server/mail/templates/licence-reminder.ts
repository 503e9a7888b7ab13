// Tells a domain administrator about guest licences (server/domain/licences/reminders.ts): the
// guests whose 30-day free trial ends soon, and, when it starts, that more guests need a paid
// licence than the contract holds. One message per administrator per run, whatever the number of
// guests. Guests' names and addresses are plain text: escaped in the HTML part, never in the
// subject. Nothing in it is a secret (the link is the licence screen), so there is no redact.
import { z } from 'zod';
import { layout, linkButton, textToHtml } from '../html.js';
import type { MailLocale, MailTemplate, RenderedMail } from './types.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const licenceReminderParams = z
  .object({
    trialEnding: z
      .array(
        z.object({
          name: z.string().max(1_000),
          email: z.string().max(1_000),
          /** The trial's last day, in Japan. */
          trialEnds: day,
          daysLeft: z.number().int().min(0).max(366),
        }),
      )
      .max(100_000),
    exceeded: z.object({ inUse: z.number().int().min(0), licences: z.number().int().min(0) }).nullable(),
    // Only http(s): an href such as javascript: would survive HTML escaping.
    url: z.url({ protocol: /^https?$/ }),
  })
  .refine((p) => p.trialEnding.length > 0 || p.exceeded !== null, { message: 'empty', path: ['trialEnding'] });

export type LicenceReminderParams = z.infer<typeof licenceReminderParams>;

/** A day as people write it: 2026年5月1日, 1 May 2026. */
export function formatDay(d: string, locale: MailLocale): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
}

const WORDS = {
  ja: {
    subjectTrial: 'ゲストの無料トライアルがまもなく終了します',
    subjectExceeded: 'ゲストライセンスが不足しています',
    subjectBoth: 'ゲストライセンスに関するお知らせ',
    trialIntro:
      '次のゲストの無料トライアル（初回ログインから 30 日間）がまもなく終了します。終了日の翌日からは、停止していないゲストごとにゲストライセンスが必要になります。',
    guest: (name: string, email: string, ends: string, left: number) => `・${name}（${email}）: ${ends}まで${left === 0 ? '（本日終了）' : `（あと ${left} 日）`}`,
    trialAdvice: '今後も利用しないゲストは、終了日までに停止または削除すれば料金はかかりません。',
    exceeded: (inUse: number, licences: number) =>
      `ライセンスが必要なゲストが ${inUse} 人いますが、契約しているゲストライセンスは ${licences} です。ゲストライセンスを追加するか、利用しないゲストを停止してください。`,
    button: 'ライセンスを確認する',
    outro: 'このメールは、Engawa のシステム管理者の皆さまにお送りしています。',
  },
  en: {
    subjectTrial: 'Guest free trials are ending soon',
    subjectExceeded: 'More guests need a licence than you hold',
    subjectBoth: 'About your guest licences',
    trialIntro:
      'The 30-day free trial (from the first sign-in) of these guests ends soon. From the day after it ends, each guest who is not suspended needs a guest licence.',
    guest: (name: string, email: string, ends: string, left: number) => `- ${name} (${email}): until ${ends}${left === 0 ? ' (ends today)' : ` (${left} ${left === 1 ? 'day' : 'days'} left)`}`,
    trialAdvice: 'A guest you suspend or delete before its trial ends costs nothing.',
    exceeded: (inUse: number, licences: number) =>
      `${inUse} guests need a licence, but the contract holds ${licences} guest licences. Add guest licences, or suspend guests who no longer need access.`,
    button: 'Review licences',
    outro: 'This message goes to every Engawa system administrator.',
  },
} as const;

export function renderLicenceReminder(p: LicenceReminderParams, locale: MailLocale): RenderedMail {
  const w = WORDS[locale];
  const trial = p.trialEnding.length > 0;
  const subject = trial && p.exceeded ? w.subjectBoth : trial ? w.subjectTrial : w.subjectExceeded;
  const list = p.trialEnding.map((g) => w.guest(g.name || g.email, g.email, formatDay(g.trialEnds, locale), g.daysLeft)).join('\n');
  const parts = [
    ...(trial ? [w.trialIntro, list, w.trialAdvice] : []),
    ...(p.exceeded ? [w.exceeded(p.exceeded.inUse, p.exceeded.licences)] : []),
  ];
  const text = [...parts, `${w.button}: ${p.url}`, w.outro].join('\n\n') + '\n';
  const html = [...parts.map(textToHtml), linkButton(p.url, w.button), textToHtml(w.outro)];
  return { subject, text, html: layout(locale, subject, html.join('\n')) };
}

export const licenceReminderMail: MailTemplate<LicenceReminderParams> = { params: licenceReminderParams, render: renderLicenceReminder };
