// The licence reminder job on both databases, with the clock moved by hand: trial-ending
// reminders at the contract's stages (once each, the smallest due one only, grouped per domain
// and run), the daily licences-exceeded notification, and what gets nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractInput } from '../../../common/api/licences.js';
import { addDays, dayOf, dayStart } from '../../../common/licences/calendar.js';
import { TestClock } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { loadConfig } from '../../config.js';
import { renderMail } from '../../mail/templates/index.js';
import { systemActor } from '../../policy/actor.js';
import { fromDb } from '../../storage/dialect.js';
import { recordGuestFirstSignIn } from '../../storage/licences.repo.js';
import { type Ctx, type Services, inTransaction } from '../context.js';
import { createDomain } from '../domains/create-domain.js';
import { hashPassword } from '../auth/passwords.js';
import { addGuests } from '../guests/add-guests.js';
import { deleteGuests } from '../guests/delete-guests.js';
import { setGuestStatus } from '../guests/set-guest-status.js';
import { createUsers } from '../users/create-users.js';
import { setContract } from './contract.js';
import { EXCEEDED_KEY, runLicenceReminders } from './reminders.js';

const PASSWORD = 'correct horse battery';
const REQUEST = { ip: null, userAgent: null, requestId: null };
const CONTRACT: ContractInput = { course: 'standard', term: 'monthly', userLicences: 10, startDate: '2026-04-01', guests: { licences: 5 } };
const SIGN_IN = new Date('2026-04-01T00:00:00.000Z'); // 09:00 in Japan on 1 April: day 0
const TRIAL_ENDS = '2026-05-01'; // day 30

eachDatabase((database) => {
  let services: Services;
  let clock: TestClock;
  let hash: string;
  beforeAll(async () => {
    const db = database();
    clock = new TestClock(SIGN_IN);
    services = {
      db: db.db,
      ids: db.ids,
      dialect: db.kind,
      clock: clock.now,
      config: loadConfig({ BASE_URL: 'https://engawa.example.jp' }),
      onMailQueued: () => {},
    };
    hash = await hashPassword(PASSWORD);
  });

  interface World {
    domainId: string;
    admins: number[];
    member: number;
    tx<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
    guest(email: string, opts?: { signIn?: Date | null; name?: string }): Promise<void>;
  }

  /** A domain with two administrators (one Japanese), a member, a suspended admin and a contract. */
  async function world(contract: ContractInput | null = CONTRACT): Promise<World> {
    clock.current = SIGN_IN;
    const { id: domainId } = await createDomain(services, { name: 'Licences', hosts: [] });
    const tx = <T>(fn: (ctx: Ctx) => Promise<T>) => inTransaction(services, { actor: systemActor(domainId), locale: 'en', request: REQUEST }, fn);
    const user = (code: string, isAdmin: boolean, locale: 'ja' | 'en', valid = true) => ({ code, name: code, email: `${code}@example.com`, password: PASSWORD, isAdmin, locale, valid });
    const [admin, boss, member] = await tx((ctx) =>
      createUsers(ctx, [user('admin', true, 'en'), user('boss', true, 'ja'), user('member', false, 'en'), user('gone', true, 'en', false)], [hash, hash, hash, hash]),
    );
    if (contract) await tx((ctx) => setContract(ctx, contract));
    return {
      domainId,
      admins: [admin!, boss!],
      member: member!,
      tx,
      guest: async (email, opts = {}) => {
        const [id] = await tx((ctx) => addGuests(ctx, [{ code: email, name: opts.name ?? email.split('@')[0]!, password: PASSWORD, timezone: 'Asia/Tokyo' }]));
        const at = opts.signIn === undefined ? SIGN_IN : opts.signIn;
        if (at) await tx(async (ctx) => recordGuestFirstSignIn(ctx.db, domainId, { id: id!, email }, at));
      },
    };
  }

  /** Moves the clock to 10:00 in Japan on `day`, and runs the job; answers this domain's part. */
  async function runOn(w: World, day: string) {
    clock.current = new Date(dayStart(day).getTime() + 10 * 3_600_000);
    return (await runLicenceReminders(services)).find((r) => r.domainId === w.domainId) ?? null;
  }

  async function notifications(w: World, recipientId?: number) {
    const rows = await services.db
      .selectFrom('notifications')
      .select(['recipientId', 'kind', 'detail', 'appId', 'threadId', 'spaceId', 'senderId', 'toMe'])
      .where('domainId', '=', w.domainId)
      .$if(recipientId !== undefined, (q) => q.where('recipientId', '=', recipientId!))
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, recipientId: Number(r.recipientId), toMe: fromDb.bool(r.toMe), detail: fromDb.json<Record<string, unknown>>(r.detail, {}) }));
  }

  async function mails(w: World) {
    const rows = await services.db
      .selectFrom('mailOutbox')
      .select(['recipient', 'locale', 'template', 'params'])
      .where('domainId', '=', w.domainId)
      .orderBy('createdAt')
      .orderBy('recipient')
      .execute();
    return rows.map((r) => ({ ...r, params: fromDb.json<Record<string, unknown>>(r.params, {}) }));
  }

  const guestsIn = (n: { detail: Record<string, unknown> }) => (n.detail.guests as Array<{ email: string; daysLeft: number }>).map((g) => [g.email, g.daysLeft]);

  describe('trial-ending reminders', () => {
    it('go to every administrator at 7 days and at 1 day before the trial ends, once each', async () => {
      const w = await world();
      await w.guest('ann@example.com', { name: 'Ann' });
      expect(await runOn(w, addDays(TRIAL_ENDS, -8))).toBeNull();
      const first = await runOn(w, addDays(TRIAL_ENDS, -7));
      expect(first).toMatchObject({ trialEnding: [{ email: 'ann@example.com', name: 'Ann', trialEnds: TRIAL_ENDS, daysLeft: 7 }], exceeded: null, administrators: 2 });

      const told = await notifications(w);
      expect(told.map((n) => [n.recipientId, n.kind])).toEqual(w.admins.map((id) => [id, 'licenceTrialEnding']));
      for (const n of told) {
        expect(n).toMatchObject({ appId: null, threadId: null, spaceId: null, senderId: null, toMe: true });
        expect(guestsIn(n)).toEqual([['ann@example.com', 7]]);
      }
      expect(await notifications(w, w.member)).toEqual([]);
      const sent = await mails(w);
      expect(sent.map((m) => [m.recipient, m.locale, m.template])).toEqual([
        ['admin@example.com', 'en', 'licence-reminder'],
        ['boss@example.com', 'ja', 'licence-reminder'],
      ]);
      expect(sent[0]!.params).toMatchObject({ exceeded: null, url: 'https://engawa.example.jp/admin/licences' });
      const en = renderMail('licence-reminder', sent[0]!.params, 'en');
      expect(en.subject).toBe('Guest free trials are ending soon');
      expect(en.text).toContain('- Ann (ann@example.com): until 1 May 2026 (7 days left)');
      const ja = renderMail('licence-reminder', sent[1]!.params, 'ja');
      expect(ja.subject).toBe('ゲストの無料トライアルがまもなく終了します');
      expect(ja.text).toContain('・Ann（ann@example.com）: 2026年5月1日まで（あと 7 日）');

      // Again the same day, and on the days between: nothing new.
      expect(await runOn(w, addDays(TRIAL_ENDS, -7))).toBeNull();
      expect(await runOn(w, addDays(TRIAL_ENDS, -2))).toBeNull();
      const last = await runOn(w, addDays(TRIAL_ENDS, -1));
      expect(last?.trialEnding.map((g) => g.daysLeft)).toEqual([1]);
      expect(await runOn(w, TRIAL_ENDS)).toBeNull();
      expect(await runOn(w, addDays(TRIAL_ENDS, 1))).toBeNull();
      expect((await notifications(w)).length).toBe(4);
      expect((await mails(w)).length).toBe(4);
    });

    it('group every guest due in one run into one notification and one e-mail per administrator', async () => {
      const w = await world();
      await w.guest('ann@example.com');
      await w.guest('bob@example.com', { signIn: new Date(SIGN_IN.getTime() + 86_400_000) });
      await w.guest('cy@example.com', { signIn: new Date(SIGN_IN.getTime() + 5 * 86_400_000) });
      // Ann has 6 days left, Bob 7, Cy 11: two are due.
      const r = await runOn(w, addDays(TRIAL_ENDS, -6));
      expect(r?.trialEnding.map((g) => [g.email, g.daysLeft])).toEqual([
        ['ann@example.com', 6],
        ['bob@example.com', 7],
      ]);
      const told = await notifications(w);
      expect(told).toHaveLength(2);
      expect(guestsIn(told[0]!)).toEqual([
        ['ann@example.com', 6],
        ['bob@example.com', 7],
      ]);
      const sent = await mails(w);
      expect(sent).toHaveLength(2);
      expect(renderMail('licence-reminder', sent[0]!.params, 'en').text).toContain('- bob (bob@example.com): until 2 May 2026 (7 days left)');
    });

    it('send only the smallest due stage when a contract is set late, and mark the larger ones', async () => {
      const w = await world(null);
      await w.guest('late@example.com');
      expect(await runOn(w, addDays(TRIAL_ENDS, -1))).toBeNull();
      await w.tx((ctx) => setContract(ctx, CONTRACT));
      const r = await runOn(w, addDays(TRIAL_ENDS, -1));
      expect(r?.trialEnding.map((g) => g.daysLeft)).toEqual([1]);
      const marks = await services.db.selectFrom('licenceReminders').select(['emailKey', 'daysBefore']).where('domainId', '=', w.domainId).orderBy('daysBefore').execute();
      expect(marks).toEqual([
        { emailKey: 'late@example.com', daysBefore: 1 },
        { emailKey: 'late@example.com', daysBefore: 7 },
      ]);
      expect(await runOn(w, TRIAL_ENDS)).toBeNull();
      expect(await notifications(w)).toHaveLength(2);
    });

    it('follow the contract’s reminder days, and send no stage again when a larger one is added later', async () => {
      const w = await world({ ...CONTRACT, trialReminderDays: [3] });
      await w.guest('ann@example.com');
      expect(await runOn(w, addDays(TRIAL_ENDS, -7))).toBeNull();
      expect((await runOn(w, addDays(TRIAL_ENDS, -3)))?.trialEnding.map((g) => g.daysLeft)).toEqual([3]);
      await w.tx((ctx) => setContract(ctx, { trialReminderDays: [14, 3] }));
      expect(await runOn(w, addDays(TRIAL_ENDS, -2))).toBeNull();
      expect(await notifications(w)).toHaveLength(2);
    });

    it('go to nobody for a suspended, deleted or never signed-in guest, nor in a domain without a contract', async () => {
      const w = await world();
      await w.guest('paused@example.com');
      await w.guest('removed@example.com');
      await w.guest('waiting@example.com', { signIn: null });
      await w.tx((ctx) => setGuestStatus(ctx, [{ code: 'paused@example.com', valid: false }]));
      await w.tx((ctx) => deleteGuests(ctx, ['removed@example.com']));
      const none = await world(null);
      await none.guest('ann@example.com');
      for (const day of [addDays(TRIAL_ENDS, -7), addDays(TRIAL_ENDS, -1)]) {
        expect(await runOn(w, day)).toBeNull();
        expect(await runOn(none, day)).toBeNull();
      }
      expect(await notifications(w)).toEqual([]);
      expect(await notifications(none)).toEqual([]);
      expect(await mails(w)).toEqual([]);
    });

    it('are sent once when two servers run the job at the same moment', async () => {
      const w = await world();
      await w.guest('ann@example.com');
      await w.guest('bob@example.com');
      clock.current = new Date(dayStart(addDays(TRIAL_ENDS, -7)).getTime() + 3_600_000);
      const [a, b] = await Promise.all([runLicenceReminders(services), runLicenceReminders(services)]);
      const mine = [...a, ...b].filter((r) => r.domainId === w.domainId);
      expect(mine.flatMap((r) => r.trialEnding.map((g) => g.email)).sort()).toEqual(['ann@example.com', 'bob@example.com']);
      const told = await notifications(w);
      expect(told.flatMap((n) => guestsIn(n).map(([email]) => `${n.recipientId}:${email}`)).sort()).toEqual(
        w.admins.flatMap((id) => [`${id}:ann@example.com`, `${id}:bob@example.com`]).sort(),
      );
      expect((await mails(w)).flatMap((m) => (m.params.trialEnding as unknown[]).map(() => m.recipient)).sort()).toEqual([
        'admin@example.com',
        'admin@example.com',
        'boss@example.com',
        'boss@example.com',
      ]);
    });
  });

  describe('licences exceeded', () => {
    it('notifies administrators once a day while paid guests exceed the guest licences, mailing on its first day', async () => {
      const w = await world({ ...CONTRACT, guests: { licences: 1 } });
      await w.guest('ann@example.com');
      await w.guest('bob@example.com');
      const day31 = addDays(TRIAL_ENDS, 1);
      // The trial reminders went out before; only the excess is left to tell.
      await runOn(w, addDays(TRIAL_ENDS, -1));
      const before = (await notifications(w)).length;
      const mailsBefore = (await mails(w)).length;

      const first = await runOn(w, day31);
      expect(first).toMatchObject({ trialEnding: [], exceeded: { inUse: 2, licences: 1, mailed: true } });
      expect(await runOn(w, day31)).toBeNull();
      const second = await runOn(w, addDays(day31, 1));
      expect(second?.exceeded).toEqual({ inUse: 2, licences: 1, mailed: false });

      const warnings = (await notifications(w)).slice(before);
      expect(warnings.map((n) => [n.recipientId, n.kind, n.detail])).toEqual([
        ...w.admins.map((id) => [id, 'licenceExceeded', { inUse: 2, licences: 1 }]),
        ...w.admins.map((id) => [id, 'licenceExceeded', { inUse: 2, licences: 1 }]),
      ]);
      const sent = (await mails(w)).slice(mailsBefore);
      expect(sent).toHaveLength(2);
      expect(sent[0]!.params).toMatchObject({ trialEnding: [], exceeded: { inUse: 2, licences: 1 } });
      expect(renderMail('licence-reminder', sent[0]!.params, 'en').subject).toBe('More guests need a licence than you hold');
      expect(renderMail('licence-reminder', sent[1]!.params, 'ja').text).toContain('ライセンスが必要なゲストが 2 人いますが、契約しているゲストライセンスは 1 です。');

      // Dealt with (a licence added): nothing; exceeded again after a day without: mailed again.
      await w.tx((ctx) => setContract(ctx, { guests: { licences: 2 } }));
      expect(await runOn(w, addDays(day31, 2))).toBeNull();
      await w.tx((ctx) => setContract(ctx, { guests: { licences: 1 } }));
      expect((await runOn(w, addDays(day31, 3)))?.exceeded?.mailed).toBe(true);
      // Only the recent daily marks are kept.
      const marks = await services.db.selectFrom('licenceReminders').select('daysBefore').where('domainId', '=', w.domainId).where('emailKey', '=', EXCEEDED_KEY).execute();
      expect(marks).toHaveLength(1);
      expect(dayOf(clock.now())).toBe(addDays(day31, 3));
    });
  });
});
