// Guest accounts as an administrator's script manages them: POST and DELETE /k/v1/guests.json,
// our guest list and suspension, and who may call them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, basicAuth, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { pngBytes, upload } from '../../../test/support/files.js';
import { addGuest, seedSpace, setSpaceGuests } from '../../../test/support/guests.js';

const guest = (code: string, extra: Record<string, unknown> = {}) => ({ name: code.split('@')[0], code, password: PASSWORD, timezone: 'Asia/Tokyo', ...extra });

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const post = (d: TestDomain, guests: unknown[], as = d.admin) => d.request({ method: 'POST', url: '/k/v1/guests.json', as, payload: { guests } });
  const list = async (d: TestDomain, query = '') => {
    const res = await d.request({ method: 'GET', url: `/v1/guests.json${query}`, as: d.admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().guests as Array<Record<string, unknown>>;
  };
  const me = (d: TestDomain, auth: string) => d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': auth } });

  describe('POST /k/v1/guests.json', () => {
    it('adds guests who sign in with their e-mail address, with the profile given', async () => {
      const d = await newDomain(h);
      const res = await post(d, [
        guest('Sato@Example.JP', { name: '佐藤 花子', locale: 'ja', company: '取引先株式会社', division: '営業部', phone: '03-0000-0000', callto: 'sato.skype', surNameReading: 'さとう', givenNameReading: 'はなこ' }),
        guest('lee@example.com', { locale: 'zh', timezone: 'America/New_York' }),
      ]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({});

      const sato = await me(d, basicAuth('sato@example.jp', PASSWORD));
      expect(sato.statusCode, sato.body).toBe(200);
      expect(sato.json().user).toMatchObject({ kind: 'guest', code: 'guest/Sato@Example.JP', name: '佐藤 花子', email: 'Sato@Example.JP', locale: 'ja', isAdmin: false });
      const lee = await me(d, basicAuth('lee@example.com', PASSWORD));
      // kintone's zh and auto have no counterpart: the domain's default (DEFAULT_LOCALE=en here).
      expect(lee.json().user).toMatchObject({ locale: 'en', timezone: 'America/New_York' });

      const guests = await list(d);
      expect(guests.map((g) => g.email)).toEqual(['Sato@Example.JP', 'lee@example.com']);
      expect(guests[0]).toMatchObject({
        code: 'Sato@Example.JP',
        company: '取引先株式会社',
        division: '営業部',
        phone: '03-0000-0000',
        callto: 'sato.skype',
        surNameReading: 'さとう',
        givenNameReading: 'はなこ',
        valid: true,
        spaces: [],
      });
      expect(guests[0]!.lastLoginAt).toEqual(expect.any(String));
      expect(guests[0]!.firstLoginAt).toEqual(expect.any(String));
      // Signed in once: the 30-day trial runs (features A4: the licence column and trial expiry).
      expect(guests[0]!.licence).toEqual({ state: 'trial', trialEnds: '2026-05-01' });
      expect(guests[0]!.id).toMatch(/^\d+$/);
    });

    it('names each offending item in kintone’s error shape and adds none', async () => {
      const d = await newDomain(h);
      const res = await post(d, [guest('ok@example.com'), guest('a＠example.com', { name: '' }), guest('b@example.com', { password: 'short' })]);
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body).toMatchObject({ code: 'CB_VA01', message: 'Missing or invalid input.', id: expect.any(String) });
      expect(body.errors['guests[1].code'].messages).toEqual(['The e-mail address is not valid.']);
      expect(body.errors['guests[1].name'].messages).toEqual(['Required field.']);
      expect(Object.keys(body.errors)).not.toContain('guests[0].code');

      const weak = await post(d, [guest('ok@example.com'), guest('b@example.com', { password: 'short' })]);
      expect(weak.json().errors['guests[1].password'].messages[0]).toMatch(/at least/);
      expect(await list(d)).toEqual([]);
    });

    it('refuses an address that is already a guest’s, whatever its case, and duplicates in one call', async () => {
      const d = await newDomain(h);
      await addGuest(d, 'alice@example.com');
      const again = await post(d, [guest('new@example.com'), guest('ALICE@example.COM')]);
      expect(again.statusCode).toBe(400);
      expect(again.json().errors).toEqual({ 'guests[1].code': { messages: ['A guest user with this e-mail address already exists.'] } });
      const twice = await post(d, [guest('x@example.com'), guest('X@example.com')]);
      expect(twice.json().errors['guests[1].code'].messages).toEqual(['The value is duplicated in the request.']);
      expect((await list(d)).map((g) => g.email)).toEqual(['alice@example.com']);
    });

    it('refuses look-alike addresses rather than matching them to anyone (I10)', async () => {
      const d = await newDomain(h);
      for (const code of ['alıce@example.com', 'аlice@example.com', 'alice\u200b@example.com', 'alice@example.com.', 'alice@exam ple.com']) {
        const res = await post(d, [guest(code)]);
        expect(res.statusCode, code).toBe(400);
        expect(res.json().errors['guests[0].code'].messages).toEqual(['The e-mail address is not valid.']);
      }
    });

    it('takes at most 100 guests per call and checks the field lengths kintone gives', async () => {
      const d = await newDomain(h);
      const many = Array.from({ length: 101 }, (_, i) => guest(`g${i}@example.com`));
      const res = await post(d, many);
      expect(res.json().errors.guests.messages).toEqual(['Specify 100 or fewer items.']);
      const long = await post(d, [guest('l@example.com', { name: 'x'.repeat(129), company: 'c'.repeat(101), callto: 's'.repeat(257), surNameReading: 'r'.repeat(65) })]);
      expect(Object.keys(long.json().errors).sort()).toEqual(['guests[0].callto', 'guests[0].company', 'guests[0].name', 'guests[0].surNameReading']);
      const tz = await post(d, [guest('t@example.com', { timezone: 'Mars/Olympus' }), guest('u@example.com', { locale: 'fr' })]);
      expect(Object.keys(tz.json().errors).sort()).toEqual(['guests[0].timezone', 'guests[1].locale']);
    });

    it('takes an uploaded image as the picture, and refuses a file that is not one', async () => {
      const d = await newDomain(h);
      const png = (await upload(d, d.admin, { name: 'face.png', type: 'image/png', data: pngBytes(256) })).json().fileKey;
      const text = (await upload(d, d.admin, { name: 'face.png', type: 'image/png', data: 'not an image' })).json().fileKey;
      const bad = await post(d, [guest('txt@example.com', { image: text })]);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual({ 'guests[0].image': { messages: ['Specify an image file (PNG, JPEG, GIF, WebP).'] } });
      const unknown = await post(d, [guest('nokey@example.com', { image: '00000000-0000-0000-0000-000000000000' })]);
      expect(unknown.json().code).toBe('GAIA_BL01');

      expect((await post(d, [guest('pic@example.com', { image: png })])).statusCode).toBe(200);
      const profile = await d.request({ method: 'GET', url: '/v1/me/profile.json', headers: { 'x-cybozu-authorization': basicAuth('pic@example.com', PASSWORD) } });
      expect(profile.json().image).toEqual({ name: 'face.png', contentType: 'image/png', size: '256' });
      // An upload attaches once.
      expect((await post(d, [guest('again@example.com', { image: png })])).json().code).toBe('GAIA_BL01');
    });

    it('is for administrators on the plain path only', async () => {
      const d = await newDomain(h);
      const g = await addGuest(d, 'g@example.com');
      for (const as of [d.member, g]) {
        const res = await post(d, [guest('x@example.com')], as);
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ code: 'CB_NO02', message: 'No privilege to proceed.' });
      }
      const anon = await d.request({ method: 'POST', url: '/k/v1/guests.json', payload: { guests: [guest('x@example.com')] } });
      expect(anon.json().code).toBe('CB_AU01');
      const space = await seedSpace(h, d);
      const guestPath = await d.request({ method: 'POST', url: `/k/guest/${space}/v1/guests.json`, as: d.admin, payload: { guests: [guest('x@example.com')] } });
      expect(guestPath.statusCode).toBe(404);
      expect(await list(d, '?codes[0]=x@example.com')).toEqual([]);
    });

    it('refuses API tokens with GAIA_NO01', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'T' } });
      const made = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.admin, payload: { app, rights: { view: true, add: true, edit: true, delete: true, manage: true } } });
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
      const headers = { 'x-cybozu-api-token': made.json().token as string };
      for (const opts of [
        { method: 'POST' as const, url: '/k/v1/guests.json', payload: { guests: [guest('x@example.com')] } },
        { method: 'DELETE' as const, url: '/k/v1/guests.json?guests[0]=x@example.com' },
        { method: 'GET' as const, url: '/v1/guests.json' },
      ]) {
        const res = await d.request({ ...opts, headers });
        expect(res.statusCode, opts.url).toBe(403);
        expect(res.json().code).toBe('GAIA_NO01');
      }
    });
  });

  describe('DELETE /k/v1/guests.json', () => {
    it('deletes guest accounts with their sessions and space places', async () => {
      const d = await newDomain(h);
      const [a, b, keep] = [await addGuest(d, 'a@example.com'), await addGuest(d, 'b@example.com'), await addGuest(d, 'keep@example.com')];
      const space = await seedSpace(h, d);
      await setSpaceGuests(d, space, [a, keep]);
      const signedIn = await d.request({ method: 'POST', url: '/api/session', headers: { 'x-requested-with': 'XMLHttpRequest' }, payload: { login: 'a@example.com', password: PASSWORD, guest: true } });
      const cookies = { '__Host-engawa_sid': signedIn.cookies.find((c) => c.name === '__Host-engawa_sid')!.value };
      expect((await d.request({ method: 'GET', url: '/api/session', cookies })).statusCode).toBe(200);
      const res = await d.request({ method: 'DELETE', url: '/k/v1/guests.json?guests[0]=a@example.com&guests[1]=B@EXAMPLE.COM', as: d.admin });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({});
      expect((await me(d, a.auth)).json().code).toBe('CB_WA01');
      expect((await d.request({ method: 'GET', url: '/api/session', cookies })).json().code).toBe('CB_AU01');
      expect((await me(d, b.auth)).json().code).toBe('CB_WA01');
      expect((await list(d)).map((g) => [g.email, g.spaces])).toEqual([['keep@example.com', [{ id: String(space), name: `space ${space}` }]]]);
      const rows = await h.services.db.selectFrom('spaceGuests').select('userId').where('domainId', '=', d.id).execute();
      expect(rows.map((r) => Number(r.userId))).toEqual([keep.id]);
      const audit = await h.services.db.selectFrom('auditLog').select('targetId').where('domainId', '=', d.id).where('action', '=', 'guest.delete').execute();
      expect(audit.map((r) => Number(r.targetId)).sort()).toEqual([a.id, b.id].sort());
    });

    it('accepts the list in a JSON body, as kintone’s samples send it, and long addresses', async () => {
      const d = await newDomain(h);
      const long = `${'a'.repeat(60)}@${'sub.'.repeat(25)}example.com`;
      await addGuest(d, 'a@example.com');
      await addGuest(d, long);
      const res = await d.request({ method: 'DELETE', url: '/k/v1/guests.json', as: d.admin, payload: { guests: ['a@example.com', long] } });
      expect(res.statusCode).toBe(200);
      expect(await list(d)).toEqual([]);
    });

    it('answers an unknown address and a regular user’s login alike, and deletes nothing', async () => {
      const d = await newDomain(h);
      await addGuest(d, 'a@example.com');
      await d.addUser('user@example.com');
      const res = await d.request({ method: 'DELETE', url: '/k/v1/guests.json?guests[0]=a@example.com&guests[1]=nobody@example.com&guests[2]=user@example.com&guests[3]=member', as: d.admin });
      expect(res.statusCode).toBe(400);
      const errors = res.json().errors;
      expect(Object.keys(errors)).toEqual(['guests[1]', 'guests[2]', 'guests[3]']);
      expect(errors['guests[1]']).toEqual(errors['guests[2]']);
      expect(errors['guests[1]']).toEqual(errors['guests[3]']);
      expect(await list(d)).toHaveLength(1);
      expect((await me(d, basicAuth('user@example.com', PASSWORD))).statusCode).toBe(200);
    });

    it('takes 1 to 100 addresses and is for administrators only', async () => {
      const d = await newDomain(h);
      const many = Array.from({ length: 101 }, (_, i) => `guests[${i}]=g${i}@example.com`).join('&');
      expect((await d.request({ method: 'DELETE', url: `/k/v1/guests.json?${many}`, as: d.admin })).json().errors.guests.messages).toEqual(['Specify 100 or fewer items.']);
      expect((await d.request({ method: 'DELETE', url: '/k/v1/guests.json', as: d.admin })).json().errors.guests.messages).toEqual(['Required field.']);
      const g = await addGuest(d, 'g@example.com');
      for (const as of [d.member, g]) {
        const res = await d.request({ method: 'DELETE', url: '/k/v1/guests.json?guests[0]=g@example.com', as });
        expect(res.json().code).toBe('CB_NO02');
      }
      expect(await list(d)).toHaveLength(1);
    });
  });
});
