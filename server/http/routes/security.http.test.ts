// The domain's security settings: administrators read and change them, piece by piece; bad
// addresses are named; the Basic gate's password is never read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('security settings', () => {
    it('start with nothing restricted, and change piece by piece', async () => {
      const d = await newDomain(h);
      const get = async () => (await d.request({ method: 'GET', url: '/v1/security/settings.json', as: d.admin })).json();
      expect(await get()).toEqual({
        passwordPolicy: { minLength: 0, requiredKinds: 0, reuseCount: 0, expiryDays: 0 },
        allowPasswordReset: true,
        guestTwoStep: false,
        requireTotp: false,
        ipRestriction: { enabled: false, allow: [] },
        basicGate: { enabled: false, user: '', passwordSet: false },
        secureAccess: { enabled: false },
      });
      const put = await d.request({
        method: 'PUT',
        url: '/v1/security/settings.json',
        as: d.admin,
        payload: { guestTwoStep: true, passwordPolicy: { requiredKinds: 3 }, ipRestriction: { enabled: true, allow: ['203.0.113.0/24', '2001:db8::/32', '198.51.100.7', '127.0.0.1'] } },
      });
      expect(put.statusCode, put.body).toBe(200);
      const after = await get();
      expect(after.guestTwoStep).toBe(true);
      expect(after.passwordPolicy).toEqual({ minLength: 0, requiredKinds: 3, reuseCount: 0, expiryDays: 0 });
      expect(after.ipRestriction.allow).toEqual(['203.0.113.0/24', '2001:db8::/32', '198.51.100.7', '127.0.0.1']);
      const gate = await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { basicGate: { enabled: true, user: 'site', password: 'gate password 1' } } });
      expect(gate.statusCode, gate.body).toBe(200);
      expect((await get()).basicGate).toEqual({ enabled: true, user: 'site', passwordSet: true });
      expect(JSON.stringify(await get())).not.toContain('gate password');
      // Each change is audited with the parts it touched (the guests' two-step switch included).
      const audit = await h.services.db.selectFrom('auditLog').select(['action', 'detail', 'actorCode']).where('domainId', '=', d.id).where('action', '=', 'security.settings').orderBy('at').orderBy('id').execute();
      const changed = audit.map((a) => (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail).changed.sort());
      expect(changed).toHaveLength(2);
      expect(changed).toEqual(expect.arrayContaining([['guestTwoStep', 'ipRestriction', 'passwordPolicy'], ['basicGate']]));
      expect(audit.every((a) => a.actorCode === 'admin')).toBe(true);
    });

    it('names each bad address and keeps the settings as they were', async () => {
      const d = await newDomain(h);
      const res = await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { ipRestriction: { enabled: true, allow: ['10.0.0.0/8', '10.0.0.300', 'example.com', '::1/129'] } } });
      expect([res.statusCode, res.json().code]).toEqual([400, 'CB_VA01']);
      expect(Object.keys(res.json().errors).sort()).toEqual(['ipRestriction.allow[1]', 'ipRestriction.allow[2]', 'ipRestriction.allow[3]']);
      const gate = await d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload: { basicGate: { enabled: true } } });
      expect(Object.keys(gate.json().errors).sort()).toEqual(['basicGate', 'ipRestriction']);
      expect((await d.request({ method: 'GET', url: '/v1/security/settings.json', as: d.admin })).json().ipRestriction).toEqual({ enabled: false, allow: [] });
    });

    it('are for administrators only', async () => {
      const d = await newDomain(h);
      for (const method of ['GET', 'PUT'] as const) {
        const res = await d.request({ method, url: '/v1/security/settings.json', as: d.member, ...(method === 'PUT' ? { payload: { guestTwoStep: true } } : {}) });
        expect([res.statusCode, res.json().code]).toEqual([403, 'CB_NO02']);
      }
      expect((await d.request({ method: 'GET', url: '/v1/security/settings.json' })).statusCode).toBe(401);
      const guest = await addGuest(d, 'guest@example.com');
      expect((await d.request({ method: 'GET', url: '/v1/security/settings.json', as: guest })).json().code).toBe('CB_NO02');
      const app = await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' } });
      const made = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.admin, payload: { app, rights: { view: true, appEditable: true } } });
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
      const token = await d.request({ method: 'PUT', url: '/v1/security/settings.json', headers: { 'x-cybozu-api-token': made.json().token }, payload: { guestTwoStep: true } });
      expect([token.statusCode, token.json().code]).toEqual([403, 'GAIA_NO01']);
      expect((await d.request({ method: 'GET', url: '/v1/security/settings.json', as: d.admin })).json().guestTwoStep).toBe(false);
    });
  });
});
