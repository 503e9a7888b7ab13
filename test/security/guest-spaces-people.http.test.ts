// Guests as people inside a guest space: permissions name them like users, the space lists its
// guests to those who read it, and the native mobile app is not for them (guest-spaces.http.test.ts
// has the walls around the space's apps).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Persona } from '../support/app.js';
import { startApp } from '../support/app.js';
import { eachDatabase } from '../support/db.js';
import { deployedApp } from '../support/apps.js';
import { type GuestWorld, WORLD_FIELDS, guestWorld } from '../support/guest-world.js';

eachDatabase((database) => {
  let h: Harness;
  let w: GuestWorld;
  beforeAll(async () => {
    h = await startApp(database());
    w = await guestWorld(h);
  });
  afterAll(async () => h.close());

  const get = (url: string, as: Persona, headers: Record<string, string> = {}) => w.d.request({ method: 'GET', url, as, headers });
  const refusal = (res: { statusCode: number; json(): unknown }) => {
    const { code, message } = res.json() as { code: string; message: string };
    return { status: res.statusCode, code, message };
  };
  const NO02 = { status: 403, code: 'CB_NO02', message: 'No privilege to proceed.' };

  describe('permissions name guests like users', () => {
    it('applies app, record and field permissions to a guest by its guest/ code, and “everyone” includes it', async () => {
      const k = `/k/guest/${w.spaces.A}/v1`;
      const app = await deployedApp(w.d, { ...WORLD_FIELDS, fee: { type: 'NUMBER', code: 'fee', label: 'Fee' } }, { name: 'Orders', guestSpace: w.spaces.A });
      const me = `guest/${w.guestA.code}`;
      const put = (url: string, payload: Record<string, unknown>) => w.d.request({ method: 'PUT', url: `${k}${url}`, as: w.admin, payload: { app, ...payload } });
      const added = await w.d.request({
        method: 'POST',
        url: `${k}/records.json`,
        as: w.admin,
        payload: { app, records: [{ title: { value: 'for guest A' }, owner: { value: [{ code: me }] }, fee: { value: '10' } }, { title: { value: 'internal' }, fee: { value: '99' } }] },
      });
      expect(added.statusCode, added.body).toBe(200);
      expect((await put('/record/acl.json', { rights: [{ filterCond: `owner in ("${me}")`, entities: [{ entity: { type: 'USER', code: me }, viewable: true, editable: true, deletable: false }, { entity: { type: 'GROUP', code: 'everyone' }, viewable: false, editable: false, deletable: false }] }, { filterCond: '', entities: [{ entity: { type: 'USER', code: w.admin.code }, viewable: true, editable: true, deletable: true }] }] })).statusCode).toBe(200);
      expect((await put('/field/acl.json', { rights: [{ code: 'fee', entities: [{ entity: { type: 'USER', code: w.admin.code }, accessibility: 'WRITE' }, { entity: { type: 'GROUP', code: 'everyone' }, accessibility: 'NONE' }] }] })).statusCode).toBe(200);
      const seen = await get(`${k}/records.json?app=${app}`, w.guestA);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json().records.map((r: { title: { value: string } }) => r.title.value)).toEqual(['for guest A']);
      expect(seen.json().records[0].fee).toBeUndefined();
      expect((await get(`${k}/records.json?app=${app}`, w.guestAB)).json().records).toEqual([]);
      const byFee = await get(`${k}/records.json?app=${app}&query=${encodeURIComponent('fee > 50')}`, w.guestA);
      expect([byFee.statusCode, byFee.json().code]).toEqual([400, 'GAIA_IQ11']);
      // LOGINUSER() names the guest itself.
      const mine = await get(`${k}/records.json?app=${app}&query=${encodeURIComponent('owner in (LOGINUSER())')}`, w.guestA);
      expect(mine.json().records.map((r: { title: { value: string } }) => r.title.value)).toEqual(['for guest A']);
    });
  });

  describe('the guests of a guest space', () => {
    it('lists them to those who read the space, under its own path only', async () => {
      const { A, B } = w.spaces;
      const codes = async (as: Persona) => (await get(`/k/guest/${A}/v1/space/guests.json?id=${A}`, as)).json().guests.map((g: { code: string }) => g.code);
      expect(await codes(w.guestA)).toEqual([w.guestA.code, w.guestAB.code]);
      expect(await codes(w.member)).toEqual([w.guestA.code, w.guestAB.code]);
      // The suspended guest is shown to the space's administrators, marked as such.
      expect(await codes(w.spaceAdmin)).toEqual([w.guestA.code, w.guestAB.code, w.suspended.code]);
      for (const [url, as] of [
        [`/k/guest/${B}/v1/space/guests.json?id=${A}`, w.guestAB],
        [`/k/guest/${A}/v1/space/guests.json?id=${B}`, w.guestAB],
        [`/k/guest/${A}/v1/space/guests.json?id=${A}`, w.guestB],
        [`/k/guest/${A}/v1/space/guests.json?id=${A}`, w.outsider],
        [`/k/v1/space/guests.json?id=${A}`, w.member],
      ] as const) {
        expect(refusal(await get(url, as)), url).toEqual(NO02);
      }
    });
  });

  describe('guests in the mobile app', () => {
    it('refuses the native app for guests with a clear error, not a phone’s browser', async () => {
      const url = `/k/guest/${w.spaces.A}/v1/records.json?app=${w.apps.A1}`;
      const app = await get(url, w.guestA, { 'user-agent': 'Mozilla/5.0 (iPhone) kintone mobile/3.2' });
      expect([app.statusCode, app.json().code]).toEqual([403, 'CB_MB01']);
      expect(app.json().message).toMatch(/browser/);
      const safari = await get(url, w.guestA, { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1' });
      expect(safari.statusCode).toBe(200);
      // A regular user may use the app.
      expect((await get(url, w.member, { 'user-agent': 'kintone mobile/3.2' })).statusCode).toBe(200);
    });
  });
});
