// Licence notifications (written by server/domain/licences/reminders.ts): guests' free trials
// ending soon, and more paid guests than guest licences. They are about no app, record or
// thread; their facts are in `detail`. Like every notification they are decided when read: only
// their recipient sees them, and only while still a domain administrator — one demoted since
// sees nothing of them (billing is administrators' business).
import type { Locale } from '../../../common/access.js';
import type { LicenceNoticeJson, NotificationJson, NotificationKind } from '../../../common/api/notifications.js';
import { formatDay } from '../../mail/templates/licence-reminder.js';
import type { StoredNotification } from '../../storage/notifications.repo.js';
import type { Ctx } from '../context.js';

export const LICENCE_KINDS = ['licenceTrialEnding', 'licenceExceeded'] as const satisfies readonly NotificationKind[];
export type LicenceKind = (typeof LICENCE_KINDS)[number];

export function isLicenceKind(kind: string): kind is LicenceKind {
  return (LICENCE_KINDS as readonly string[]).includes(kind);
}

export function isLicenceNotice(n: Pick<StoredNotification, 'kind'>): boolean {
  return isLicenceKind(n.kind);
}

/** Whether the reader sees this licence notification: theirs, and they administer the domain now. */
export function seesLicenceNotice(ctx: Ctx, n: StoredNotification): boolean {
  const a = ctx.actor;
  return a.kind === 'user' && a.isAdmin && a.userId === n.recipientId;
}

/** The licence notifications of `rows` the reader sees, presented. */
export function presentLicenceNotices(ctx: Ctx, rows: StoredNotification[], locale: Locale): NotificationJson[] {
  return rows.flatMap((n) => {
    if (!isLicenceNotice(n) || !seesLicenceNotice(ctx, n)) return [];
    const out: NotificationJson = {
      id: String(n.id),
      kind: n.kind as LicenceKind,
      toMe: n.toMe,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      sender: null,
      app: null,
      record: null,
      comment: null,
      licence: licenceFacts(n.detail),
      summary: '',
    };
    out.summary = licenceSummary(out, locale);
    return [out];
  });
}

/** The stored facts, read defensively: a row is data from the database, not a promise. */
function licenceFacts(d: Record<string, unknown>): LicenceNoticeJson {
  const out: LicenceNoticeJson = {};
  if (Array.isArray(d.guests)) {
    out.guests = d.guests.flatMap((g: unknown) => {
      const x = (g ?? {}) as Record<string, unknown>;
      if (typeof x.email !== 'string' || typeof x.trialEnds !== 'string') return [];
      return [{ name: typeof x.name === 'string' ? x.name : '', email: x.email, trialEnds: x.trialEnds, daysLeft: typeof x.daysLeft === 'number' ? x.daysLeft : 0 }];
    });
  }
  if (typeof d.inUse === 'number') out.inUse = d.inUse;
  if (typeof d.licences === 'number') out.licences = d.licences;
  return out;
}

/** One line in the reader's language. */
export function licenceSummary(n: Pick<NotificationJson, 'kind' | 'licence'>, locale: Locale): string {
  const ja = locale === 'ja';
  if (n.kind === 'licenceExceeded') {
    const inUse = n.licence?.inUse ?? 0;
    const licences = n.licence?.licences ?? 0;
    return ja
      ? `ライセンスが必要なゲスト（${inUse} 人）が、ゲストライセンス数（${licences}）を超えています`
      : `Guests who need a licence (${inUse}) exceed your guest licences (${licences})`;
  }
  const guests = n.licence?.guests ?? [];
  const first = guests.map((g) => g.trialEnds).sort()[0];
  const when = first ? formatDay(first, locale) : '';
  if (guests.length === 1) {
    const g = guests[0]!;
    const who = g.name || g.email;
    return ja ? `ゲスト「${who}」の無料トライアルが ${when} に終了します` : `The free trial of guest ${who} ends on ${when}`;
  }
  return ja
    ? `${guests.length} 人のゲストの無料トライアルがまもなく終了します（最初の終了日: ${when}）`
    : `The free trials of ${guests.length} guests end soon (the first on ${when})`;
}
