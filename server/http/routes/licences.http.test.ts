// The contract and what it enforces: PUT/GET/DELETE /v1/licences/contract.json, user licences,
// guests' trials and licence states, course limits for apps, spaces and the REST API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { expectErrorBody, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';
import { addDays, dayOf } from '../../../common/licences/calendar.js';
import { nextIds } from '../../storage/db.js';
import { insertApp } from '../../storage/apps.repo.js';

const DAY = 86_400_000;
const CONTRACT = '/v1/licences/contract.json';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const put = (d: TestDomain, payload: Record<string, unknown>, as: Persona = d.admin) => d.request({ method: 'PUT', url: CONTRACT, as, payload });
  const standard = { course: 'standard', term: 'monthly', userLicences: 10, startDate: '2026-04-01' };
  const guestStates = async (d: TestDomain) => {
    const res = await d.request({ method: 'GET', url: '/v1/licences/guests.json', as: d.admin });
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries((res.json().guests as Array<{ email: string; state: string; trialEnds: string | null }>).map((g) => [g.email, [g.state, g.trialEnds]]));
  };
  const usage = async (d: TestDomain) => (await d.request({ method: 'GET', url: '/v1/licences/usage.json', as: d.admin })).json();

  describe('the contract', () => {
    it('starts absent, is set whole, then changed in part; administrators only', async () => {
      const d = await newDomain(h);
      expect((await d.request({ method: 'GET', url: CONTRACT, as: d.admin })).json()).toEqual({ contract: null });
      const set = await put(d, { ...standard, guests: { licences: 5 } });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json().contract).toEqual({
        course: 'standard',
        term: 'monthly',
        userLicences: 10,
        guestLicences: 5,
        startDate: '2026-04-01',
        endDate: null,
        viewPlan: null,
        trialReminderDays: [7, 1],
      });
      const changed = await put(d, { course: 'wide', viewPlan: 'premium', trialReminderDays: [1, 3, 3] });
      expect(changed.json().contract).toMatchObject({ course: 'wide', guestLicences: 5, viewPlan: 'premium', trialReminderDays: [3, 1] });
      expect((await d.request({ method: 'GET', url: CONTRACT, as: d.admin })).json().contract.course).toBe('wide');

      for (const as of [d.member, await addGuest(d, 'outsider@example.com')]) {
        expectErrorBody(await put(d, standard, as), 403, 'CB_NO02');
        expectErrorBody(await d.request({ method: 'GET', url: CONTRACT, as }), 403, 'CB_NO02');
        expectErrorBody(await d.request({ method: 'GET', url: '/v1/licences/usage.json', as }), 403, 'CB_NO02');
      }
      const audit = await d.request({ method: 'GET', url: '/v1/audit.json?action=licence.contract.update', as: d.admin });
      expect(audit.json().entries.length).toBeGreaterThanOrEqual(2);

      expect((await d.request({ method: 'DELETE', url: CONTRACT, as: d.admin })).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: CONTRACT, as: d.admin })).json()).toEqual({ contract: null });
    });

    it('never sells guest licences alone, nor on another course or term', async () => {
      const d = await newDomain(h);
      const alone = await put(d, { guests: { licences: 3 } });
      expectErrorBody(alone, 400, 'CB_LI03');
      expect(alone.json().message).toBe('Guest licenses cannot be contracted alone. Set the course, billing term, user licenses and start date first.');
      expectErrorBody(await put(d, { ...standard, guests: { licences: 3, course: 'light' } }), 400, 'CB_LI04');
      expectErrorBody(await put(d, { ...standard, guests: { licences: 3, term: 'annual' } }), 400, 'CB_LI04');
      // Saying the same course and term is fine.
      expect((await put(d, { ...standard, guests: { licences: 3, course: 'standard', term: 'monthly' } })).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: CONTRACT, as: d.admin })).json().contract.guestLicences).toBe(3);
    });

    it('checks every field and refuses a half contract with the missing ones named', async () => {
      const d = await newDomain(h);
      const half = expectErrorBody(await put(d, { course: 'light' }), 400, 'CB_VA01');
      expect(Object.keys(half.errors as object).sort()).toEqual(['startDate', 'term', 'userLicences']);
      for (const bad of [
        { ...standard, course: 'platinum' },
        { ...standard, startDate: '2026-02-30' },
        { ...standard, userLicences: 0 },
        { ...standard, endDate: '2027-03-31' }, // a monthly term has no end date
        { ...standard, term: 'annual', endDate: '2027-04-01' }, // longer than a year
        { ...standard, term: 'annual', endDate: '2026-03-31' }, // before the start
        { ...standard, viewPlan: 'gold' },
        { ...standard, trialReminderDays: [0] },
      ]) {
        expectErrorBody(await put(d, bad), 400, 'CB_VA01');
      }
      expect((await d.request({ method: 'GET', url: CONTRACT, as: d.admin })).json()).toEqual({ contract: null });
      const annual = await put(d, { ...standard, term: 'annual' });
      expect(annual.json().contract).toMatchObject({ term: 'annual', startDate: '2026-04-01', endDate: '2027-03-31' });
    });
  });

  describe('user licences', () => {
    it('refuses a user beyond the licences, all or nothing, and counts suspended users out', async () => {
      const d = await newDomain(h); // admin and member: 2 active
      expectErrorBody(await put(d, { ...standard, userLicences: 1 }), 400, 'CB_LI02');
      expect((await put(d, { ...standard, userLicences: 3 })).statusCode).toBe(200);
      const add = (codes: string[]) =>
        d.request({ method: 'POST', url: '/v1/users.json', as: d.admin, payload: { users: codes.map((code) => ({ code, name: code, email: `${code}@example.com`, password: PASSWORD })) } });
      const two = await add(['third', 'fourth']);
      const body = expectErrorBody(two, 403, 'CB_LI01');
      expect(body.message).toBe('All 3 user licenses are in use. Add licenses, or suspend another user, before adding or reactivating one.');
      const codes = async () => ((await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin })).json().users as Array<{ code: string }>).map((u) => u.code);
      expect(await codes()).toEqual(['admin', 'member']);
      expect((await add(['third'])).statusCode).toBe(200);
      expectErrorBody(await add(['fourth']), 403, 'CB_LI01');
      expect((await usage(d)).users).toEqual({ active: 3, suspended: 0, licences: 3 });

      // Suspending frees a licence; bringing the user back needs one again.
      const status = (code: string, valid: boolean) => d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code, valid }] } });
      expect((await status('member', false)).statusCode).toBe(200);
      expect((await add(['fourth'])).statusCode).toBe(200);
      expectErrorBody(await status('member', true), 403, 'CB_LI01');
      expect((await usage(d)).users).toEqual({ active: 3, suspended: 1, licences: 3 });
      // A suspended user may be added even when every licence is taken.
      const suspended = await d.request({ method: 'POST', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'later', name: 'later', email: 'later@example.com', password: PASSWORD, valid: false }] } });
      expect(suspended.statusCode, suspended.body).toBe(200);
    });

    it('lets two requests racing for the last licence add one user only', async () => {
      const d = await newDomain(h);
      await put(d, { ...standard, userLicences: 3 });
      const results = await Promise.all(
        ['racer1', 'racer2', 'racer3'].map((code) =>
          d.request({ method: 'POST', url: '/v1/users.json', as: d.admin, payload: { users: [{ code, name: code, email: `${code}@example.com`, password: PASSWORD }] } }),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 403, 403]);
      expect((await usage(d)).users.active).toBe(3);
    });
  });

  describe('guest trials and licence states', () => {
    it('starts the trial at the first sign-in and needs a licence from day 31, with nobody acting', async () => {
      const d = await newDomain(h);
      await put(d, { ...standard, guests: { licences: 1 } });
      const g = await addGuest(d, 'trial@example.com');
      // Invited, registered, never signed in: nothing has started.
      h.clock.advance(5 * DAY);
      expect(await guestStates(d)).toEqual({ 'trial@example.com': ['trial', null] });

      // Day 0: the first sign-in.
      h.clock.advance(3_600_000);
      expect((await d.request({ method: 'GET', url: '/api/session', as: g })).statusCode).toBe(200);
      const ends = addDays(dayOf(h.clock.now()), 30);
      expect(await guestStates(d)).toEqual({ 'trial@example.com': ['trial', ends] });
      // Later sign-ins, by header or in a browser, do not move it.
      h.clock.advance(2 * DAY);
      const again = await d.request({ method: 'POST', url: '/api/session', headers: { 'x-requested-with': 'XMLHttpRequest' }, payload: { login: g.code, password: g.password, guest: true } });
      expect(again.statusCode, again.body).toBe(200);
      expect(await guestStates(d)).toEqual({ 'trial@example.com': ['trial', ends] });

      h.clock.advance(28 * DAY); // day 30
      expect((await guestStates(d))['trial@example.com']![0]).toBe('trial');
      h.clock.advance(DAY); // day 31
      expect((await guestStates(d))['trial@example.com']![0]).toBe('required');
      expect((await usage(d)).guests).toEqual({ trial: 0, required: 1, notRequired: 0, licences: 1 });
      expect((await usage(d)).warnings).toEqual([]);

      // Suspended: no licence needed; reactivated: needed again.
      const status = (valid: boolean) => d.request({ method: 'PUT', url: '/v1/guests/status.json', as: d.admin, payload: { guests: [{ code: g.code, valid }] } });
      expect((await status(false)).statusCode).toBe(200);
      expect((await guestStates(d))['trial@example.com']![0]).toBe('notRequired');
      expect((await status(true)).statusCode).toBe(200);
      expect((await guestStates(d))['trial@example.com']![0]).toBe('required');
    });

    it('never restarts a used trial when the guest is deleted and invited again', async () => {
      const d = await newDomain(h);
      await put(d, standard);
      const g = await addGuest(d, 'again@example.com');
      await d.request({ method: 'GET', url: '/api/session', as: g });
      const ends = addDays(dayOf(h.clock.now()), 30);
      h.clock.advance(10 * DAY);
      const deleted = await d.request({ method: 'DELETE', url: '/k/v1/guests.json', as: d.admin, payload: { guests: [g.code] } });
      expect(deleted.statusCode, deleted.body).toBe(200);
      expect(await guestStates(d)).toEqual({});
      await addGuest(d, 'Again@Example.com');
      expect((await guestStates(d))['Again@Example.com']).toEqual(['trial', ends]);
      h.clock.advance(21 * DAY);
      expect((await guestStates(d))['Again@Example.com']![0]).toBe('required');
    });

    it('warns while paid guests outnumber guest licences', async () => {
      const d = await newDomain(h);
      await put(d, { ...standard, guests: { licences: 1 } });
      for (const email of ['a@example.com', 'b@example.com']) {
        const g = await addGuest(d, email);
        await d.request({ method: 'GET', url: '/api/session', as: g });
      }
      h.clock.advance(31 * DAY);
      expect((await usage(d)).warnings).toEqual([{ code: 'guestLicencesExceeded', inUse: 2, licences: 1 }]);
      await put(d, { guests: { licences: 2 } });
      expect((await usage(d)).warnings).toEqual([]);
      const list = await d.request({ method: 'GET', url: '/v1/licences/guests.json?state=required&limit=1', as: d.admin });
      expect(list.json()).toMatchObject({ totalCount: 2, guests: [{ email: 'a@example.com', state: 'required' }] });
    });
  });

  describe('course limits', () => {
    it('stops apps and spaces at the course limit, and lifts the limit on a higher course', async () => {
      const d = await newDomain(h);
      // 199 apps already exist; a Light domain may have 200.
      const ids = await nextIds(h.services.db, d.id, 'app', 199);
      for (const id of ids) {
        await insertApp(h.services.db, {
          domainId: d.id, id, code: '', name: `app ${id}`, description: '', spaceId: null, threadId: null,
          creatorId: d.admin.id, createdAt: h.clock.now(), modifierId: d.admin.id, modifiedAt: h.clock.now(), deployed: false,
        } as Parameters<typeof insertApp>[1]);
      }
      await put(d, { ...standard, course: 'light' });
      const b = await signInBrowser(d, d.admin);
      const create = (url: string, payload: Record<string, unknown>) =>
        d.request({ method: 'POST', url, headers: { cookie: b.cookie, 'x-requested-with': 'XMLHttpRequest' }, payload: { ...payload, __REQUEST_TOKEN__: b.csrfToken } });
      expect((await create('/k/v1/preview/app.json', { name: 'the 200th' })).statusCode).toBe(200);
      const over = expectErrorBody(await create('/k/v1/preview/app.json', { name: 'one too many' }), 403, 'CB_LI05');
      expect(over.message).toBe('Your course allows at most 200 apps, and they have all been created.');
      expect((await usage(d)).apps).toEqual({ count: 200, limit: 200 });
      await put(d, { course: 'standard' });
      expect((await create('/k/v1/preview/app.json', { name: 'on Standard' })).statusCode).toBe(200);

      await put(d, { course: 'light' });
      const members = [{ entity: { type: 'USER', code: 'admin' }, isAdmin: true }];
      for (let i = 0; i < 100; i++) expect((await create('/k/v1/space.json', { name: `space ${i}`, members })).statusCode).toBe(200);
      expectErrorBody(await create('/k/v1/space.json', { name: 'space 101', members }), 403, 'CB_LI06');
      expect((await usage(d)).spaces).toEqual({ count: 100, limit: 100 });
    });

    it('keeps the REST API from a Light domain and counts API requests per app per day on the others', async () => {
      const d = await newDomain(h);
      await put(d, { ...standard, course: 'light' });
      const header = await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.admin });
      expect(expectErrorBody(header, 403, 'CB_LI07').message).toBe('The REST API (password or API token authentication) is not available on the Light course.');
      // The web application (a browser session) and our own endpoints go on working.
      const b = await signInBrowser(d, d.admin);
      expect((await d.request({ method: 'GET', url: '/k/v1/apps.json', headers: { cookie: b.cookie } })).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: CONTRACT, as: d.admin })).statusCode).toBe(200);

      await put(d, { course: 'standard' });
      const app = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as: d.admin, payload: { name: 'counted' } });
      const appId = Number(app.json().app);
      const day = h.clock.now().toISOString().slice(0, 10);
      // 9,999 requests already made today (counted in the shared limiter).
      for (let i = 0; i < 9_999; i++) await h.limiter.hit(`apiday:${d.id}:${appId}:${day}`, 10_000, DAY);
      const get = () => d.request({ method: 'GET', url: `/k/v1/preview/app/settings.json?app=${appId}`, as: d.admin });
      expect((await get()).statusCode).toBe(200);
      const refused = await get();
      expect(expectErrorBody(refused, 429, 'CB_LI08').message).toBe('This app has reached its limit of 10000 API requests per day. The count resets at 9:00 Japan time.');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Other apps, and the browser, are not held back; 09:00 in Japan starts a new day.
      expect((await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.admin })).statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: `/k/v1/preview/app/settings.json?app=${appId}`, headers: { cookie: b.cookie } })).statusCode).toBe(200);
      h.clock.advance(DAY);
      expect((await get()).statusCode).toBe(200);
    });
  });
});
