// Licence reminders end to end: a contract set through the API, a guest whose trial starts at
// its first sign-in, the clock moved and the job run by hand; administrators read the
// notification in their own language (only while they administer the domain) and get one
// e-mail through a real SMTP server; others get nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dayStart } from '../../../common/licences/calendar.js';
import { PASSWORD, type Persona, type TestDomain, basicAuth, newDomain } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';
import { appWithSmtp } from '../../../test/support/smtp-app.js';
import type { ReceivedMail } from '../../../test/support/smtp.js';
import { runLicenceReminders } from '../../domain/licences/reminders.js';

const CONTRACT = '/v1/licences/contract.json';
const HOUR = 3_600_000;

interface Notice {
  kind: string;
  toMe: boolean;
  sender: unknown;
  app: unknown;
  summary: string;
  licence?: { guests?: Array<{ name: string; email: string; trialEnds: string; daysLeft: number }>; inUse?: number; licences?: number };
}

eachDatabase((database) => {
  const { h, smtp } = appWithSmtp(database, { BASE_URL: 'https://engawa.example.jp' });
  const contracted: TestDomain[] = [];
  // A finished test's domain leaves the job's round: later clocks must not remind it.
  afterEach(async () => {
    for (const d of contracted.splice(0)) await d.request({ method: 'DELETE', url: CONTRACT, as: d.admin });
  });

  interface World {
    d: TestDomain;
    /** A second administrator, who reads Japanese. */
    boss: Persona;
  }

  async function world(guestLicences = 5): Promise<World> {
    const d = await newDomain(h());
    const made = await d.request({
      method: 'POST',
      url: '/v1/users.json',
      as: d.admin,
      payload: { users: [{ code: 'boss', name: '社長', email: 'boss@example.com', password: PASSWORD, locale: 'ja', isAdmin: true }] },
    });
    expect(made.statusCode, made.body).toBe(200);
    const boss = { id: Number(made.json().ids[0]), code: 'boss', password: PASSWORD, auth: basicAuth('boss', PASSWORD) };
    const set = await d.request({
      method: 'PUT',
      url: CONTRACT,
      as: d.admin,
      payload: { course: 'standard', term: 'monthly', userLicences: 10, startDate: '2026-04-01', guests: { licences: guestLicences } },
    });
    expect(set.statusCode, set.body).toBe(200);
    contracted.push(d);
    return { d, boss };
  }

  /** A guest that has signed in (its trial starts); answers it and its trial's last day. */
  async function signedInGuest(d: TestDomain, email: string, name: string): Promise<{ guest: Persona; trialEnds: string }> {
    const guest = await addGuest(d, email, { name });
    const me = await d.request({ method: 'GET', url: '/v1/me/profile.json', as: guest });
    expect(me.statusCode, me.body).toBe(200);
    const list = await d.request({ method: 'GET', url: '/v1/licences/guests.json', as: d.admin });
    const found = (list.json().guests as Array<{ email: string; state: string; trialEnds: string }>).find((g) => g.email === email)!;
    expect(found.state).toBe('trial');
    return { guest, trialEnds: found.trialEnds };
  }

  /** Moves the clock to 10:00 in Japan `n` days before `day` (never back) and runs the job. */
  async function runDaysBefore(day: string, n: number): Promise<void> {
    const at = dayStart(addDays(day, -n)).getTime() + 10 * HOUR;
    expect(at).toBeGreaterThanOrEqual(h().clock.now().getTime());
    h().clock.current = new Date(at);
    await runLicenceReminders(h().services);
  }

  async function inbox(d: TestDomain, as: Persona): Promise<{ notifications: Notice[]; unread: { toMe: string; all: string } }> {
    const res = await d.request({ method: 'GET', url: '/v1/notifications.json?limit=100', as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const notices = async (d: TestDomain, as: Persona) => (await inbox(d, as)).notifications;

  /** Sends what is queued; answers the licence mails of this domain that arrived. */
  async function sent(d: TestDomain): Promise<ReceivedMail[]> {
    const rows = await h().services.db.selectFrom('mailOutbox').select(['messageId', 'status']).where('domainId', '=', d.id).where('template', '=', 'licence-reminder').execute();
    for (let i = 0; i < 10 && (await h().mail.runOnce()) > 0; i++);
    const ids = new Set(rows.map((r) => r.messageId));
    if (ids.size > 0) await smtp().waitFor(() => smtp().messages.filter((m) => ids.has(m.mail.messageId ?? '')).length >= ids.size);
    return smtp().messages.filter((m) => ids.has(m.mail.messageId ?? '')).sort((a, b) => a.envelope.to[0]!.localeCompare(b.envelope.to[0]!));
  }

  describe('trial-ending reminders', () => {
    it('tell each administrator once, in their language, 7 days and 1 day before the trial ends; nobody else', async () => {
      const { d, boss } = await world();
      const { guest, trialEnds } = await signedInGuest(d, 'ann@example.com', 'Ann');
      await runDaysBefore(trialEnds, 8);
      expect(await notices(d, d.admin)).toEqual([]);

      await runDaysBefore(trialEnds, 7);
      const [mine, ...more] = await notices(d, d.admin);
      expect(more).toEqual([]);
      expect(mine).toMatchObject({
        kind: 'licenceTrialEnding',
        toMe: true,
        sender: null,
        app: null,
        licence: { guests: [{ name: 'Ann', email: 'ann@example.com', trialEnds, daysLeft: 7 }] },
      });
      const endsEn = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${trialEnds}T00:00:00Z`));
      const endsJa = new Intl.DateTimeFormat('ja-JP', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${trialEnds}T00:00:00Z`));
      expect(mine!.summary).toBe(`The free trial of guest Ann ends on ${endsEn}`);
      const bossInbox = await inbox(d, boss);
      expect(bossInbox.notifications.map((n) => n.summary)).toEqual([`ゲスト「Ann」の無料トライアルが ${endsJa} に終了します`]);
      expect(bossInbox.unread).toEqual({ toMe: '1', all: '1' });
      expect(await notices(d, d.member)).toEqual([]);
      expect(await notices(d, guest)).toEqual([]);

      const mails = await sent(d);
      expect(mails.map((m) => [m.envelope.to, m.mail.subject])).toEqual([
        [['admin@example.com'], 'Guest free trials are ending soon'],
        [['boss@example.com'], 'ゲストの無料トライアルがまもなく終了します'],
      ]);
      expect(mails[0]!.mail.text).toContain(`- Ann (ann@example.com): until ${endsEn} (7 days left)`);
      expect(mails[0]!.mail.html).toContain('href="https://engawa.example.jp/admin/licences"');
      expect(mails[1]!.mail.text).toContain(`・Ann（ann@example.com）: ${endsJa}まで（あと 7 日）`);

      // Run again, and on a later day before the next stage: nothing new.
      await runLicenceReminders(h().services);
      await runDaysBefore(trialEnds, 3);
      expect(await notices(d, d.admin)).toHaveLength(1);
      expect(await sent(d)).toHaveLength(2);

      await runDaysBefore(trialEnds, 1);
      const [last] = await notices(d, boss);
      expect(last!.licence?.guests?.map((g) => g.daysLeft)).toEqual([1]);
      expect(await notices(d, d.admin)).toHaveLength(2);
      expect(await notices(d, d.member)).toEqual([]);
      const all = await sent(d);
      expect(all).toHaveLength(4);
      expect(all.map((m) => m.mail.text ?? '').filter((t) => t.includes('(1 day left)') || t.includes('（あと 1 日）'))).toHaveLength(2);
    });

    it('are seen only while the recipient is an administrator', async () => {
      const { d, boss } = await world();
      const { trialEnds } = await signedInGuest(d, 'ann@example.com', 'Ann');
      await runDaysBefore(trialEnds, 7);
      expect(await notices(d, boss)).toHaveLength(1);
      const demote = await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'boss', isAdmin: false }] } });
      expect(demote.statusCode, demote.body).toBe(200);
      expect(await inbox(d, boss)).toEqual({ notifications: [], unread: { toMe: '0', all: '0' } });
      // Decided when read: promoted again, they see it again.
      await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'boss', isAdmin: true }] } });
      expect(await notices(d, boss)).toHaveLength(1);
    });

    it('say nothing of a guest suspended before its reminder', async () => {
      const { d } = await world();
      const { trialEnds } = await signedInGuest(d, 'ann@example.com', 'Ann');
      const res = await d.request({ method: 'PUT', url: '/v1/guests/status.json', as: d.admin, payload: { guests: [{ code: 'ann@example.com', valid: false }] } });
      expect(res.statusCode, res.body).toBe(200);
      await runDaysBefore(trialEnds, 7);
      await runDaysBefore(trialEnds, 1);
      expect(await notices(d, d.admin)).toEqual([]);
      expect(await sent(d)).toEqual([]);
    });

    it('go out once when two jobs race', async () => {
      const { d, boss } = await world();
      const { trialEnds } = await signedInGuest(d, 'ann@example.com', 'Ann');
      await signedInGuest(d, 'bob@example.com', 'Bob');
      h().clock.current = new Date(dayStart(addDays(trialEnds, -7)).getTime() + 10 * HOUR);
      await Promise.all([runLicenceReminders(h().services), runLicenceReminders(h().services)]);
      for (const who of [d.admin, boss]) {
        const seen = await notices(d, who);
        expect(seen.flatMap((n) => n.licence?.guests?.map((g) => g.email) ?? []).sort()).toEqual(['ann@example.com', 'bob@example.com']);
      }
      const mails = await sent(d);
      expect(mails.flatMap((m) => m.envelope.to).sort()).toEqual(['admin@example.com', 'boss@example.com']);
      expect(mails[0]!.mail.subject).toBe('Guest free trials are ending soon');
      expect(mails[0]!.mail.text).toMatch(/Ann \(ann@example\.com\)[^]*Bob \(bob@example\.com\)/);
    });
  });

  describe('licences exceeded', () => {
    it('warns each administrator once a day while paid guests exceed the guest licences', async () => {
      const { d, boss } = await world(1);
      const { trialEnds } = await signedInGuest(d, 'ann@example.com', 'Ann');
      await signedInGuest(d, 'bob@example.com', 'Bob');
      await runDaysBefore(trialEnds, 1);
      await sent(d);
      const warned = async (as: Persona) => (await notices(d, as)).filter((n) => n.kind === 'licenceExceeded');

      await runDaysBefore(trialEnds, -1);
      const usage = await d.request({ method: 'GET', url: '/v1/licences/usage.json', as: d.admin });
      expect(usage.json().warnings).toEqual([{ code: 'guestLicencesExceeded', inUse: 2, licences: 1 }]);
      expect(await warned(d.admin)).toMatchObject([{ toMe: true, licence: { inUse: 2, licences: 1 }, summary: 'Guests who need a licence (2) exceed your guest licences (1)' }]);
      expect((await warned(boss)).map((n) => n.summary)).toEqual(['ライセンスが必要なゲスト（2 人）が、ゲストライセンス数（1）を超えています']);
      expect(await warned(d.member)).toEqual([]);
      h().clock.advance(5 * HOUR);
      await runLicenceReminders(h().services);
      expect(await warned(d.admin)).toHaveLength(1);
      const mails = await sent(d);
      const exceededSubjects = ['More guests need a licence than you hold', 'ゲストライセンスが不足しています'];
      expect(mails.map((m) => [m.envelope.to[0], m.mail.subject]).filter(([, s]) => exceededSubjects.includes(s ?? ''))).toEqual([
        ['admin@example.com', exceededSubjects[0]],
        ['boss@example.com', exceededSubjects[1]],
      ]);

      // The next day: warned again in the inbox; the e-mail went out when it began.
      await runDaysBefore(trialEnds, -2);
      expect(await warned(d.admin)).toHaveLength(2);
      expect(await warned(boss)).toHaveLength(2);
      expect(await sent(d)).toHaveLength(mails.length);
    });
  });
});
