// Probe A18 for what the browser session changes besides the password and TOTP (those have their
// own files): making, changing and deleting an app's API tokens asks the signed-in person for the
// current password — missing or wrong is a clear field error, and a wrong one counts like a wrong
// password at sign-in — while password headers (scripts, kintone clients) are not asked. One's own
// e-mail address cannot be changed from the personal pages at all (an administrator changing their
// own through the users API is asked for the password: users-reauth.http.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { type BrowserSession, XHR, expectErrorBody, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';

const TOKEN = '/k/v1/preview/app/apiToken.json';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const fromBrowser = (d: TestDomain, b: BrowserSession, method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, payload: object) =>
    d.request({ method, url, headers: { ...XHR, cookie: b.cookie, 'x-request-token': b.csrfToken }, payload });

  const failedLogins = async (d: TestDomain, id: number) =>
    Number((await h.services.db.selectFrom('users').select('failedLogins').where('domainId', '=', d.id).where('id', '=', id).executeTakeFirstOrThrow()).failedLogins);

  describe('API tokens from a browser session', () => {
    it('are made, changed and deleted only with the current password', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, {}, { as: d.member });
      const b = await signInBrowser(d, d.member);
      const rights = { view: true };

      const missing = await fromBrowser(d, b, 'POST', TOKEN, { app, rights });
      expectErrorBody(missing, 400, 'CB_VA01');
      expect(missing.json().errors).toEqual({ currentPassword: { messages: ['Required field.'] } });
      const wrong = await fromBrowser(d, b, 'POST', TOKEN, { app, rights, currentPassword: 'not mine' });
      expectErrorBody(wrong, 400, 'CB_VA01');
      expect(wrong.json().errors).toEqual({ currentPassword: { messages: ['The current password is incorrect.'] } });
      expect(await failedLogins(d, d.member.id)).toBe(1);
      const list = async () => (await fromBrowser(d, b, 'GET', `/k/v1/preview/app/apiTokens.json?app=${app}`, {})).json().tokens;
      expect(await list()).toEqual([]);

      const made = await fromBrowser(d, b, 'POST', TOKEN, { app, rights, currentPassword: d.member.password });
      expect(made.statusCode, made.body).toBe(200);
      const { id } = made.json();
      expect(made.json().token).toMatch(/^[0-9a-z]{40}$/);

      expectErrorBody(await fromBrowser(d, b, 'PUT', TOKEN, { app, id, rights: { view: true, add: true } }), 400, 'CB_VA01');
      const changed = await fromBrowser(d, b, 'PUT', TOKEN, { app, id, rights: { view: true, add: true }, currentPassword: d.member.password });
      expect(changed.statusCode, changed.body).toBe(200);
      expect((await list())[0].rights.add).toBe(true);

      expectErrorBody(await fromBrowser(d, b, 'DELETE', TOKEN, { app, id, currentPassword: 'not mine' }), 400, 'CB_VA01');
      expect((await list()).map((t: { id: string }) => t.id)).toEqual([id]);
      const deleted = await fromBrowser(d, b, 'DELETE', TOKEN, { app, id, currentPassword: d.member.password });
      expect(deleted.statusCode, deleted.body).toBe(200);
      expect(await list()).toEqual([]);
    });

    it('are not asked of a password header, which carries the password itself', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, {}, { as: d.member });
      const made = await d.request({ method: 'POST', url: TOKEN, as: d.admin, payload: { app, rights: { view: true } } });
      expect(made.statusCode, made.body).toBe(200);
    });
  });

  describe('own e-mail address', () => {
    it('is not changed through one’s own profile, whatever the session sends', async () => {
      const d = await newDomain(h);
      const b = await signInBrowser(d, d.member);
      const res = await fromBrowser(d, b, 'PUT', '/v1/me/profile.json', { name: 'Member', email: 'attacker@example.net' });
      expect(res.statusCode, res.body).toBe(200);
      const profile = await fromBrowser(d, b, 'GET', '/v1/me/profile.json', {});
      expect(profile.json()).toMatchObject({ name: 'Member', email: 'member@example.com' });
    });
  });
});
