// Probe A18 for the administrators' user API: a browser session that changes its own password or
// e-mail address (where a reset link goes) through PUT /v1/users.json gives its current password
// first, as one's own password page and API tokens ask, so a stolen administrator's cookie cannot
// take the account over silently. Other users, one's other fields and password headers are not
// asked; a refusal saves nothing of the request, and a wrong password counts toward the lockout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, PASSWORD, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { type BrowserSession, XHR, expectErrorBody, signInBrowser, signInRequest } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';

const NEW_PASSWORD = 'a brand new admin password';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database(), { LOCKOUT_THRESHOLD: '3' });
  });
  afterAll(async () => h.close());

  const put = (d: TestDomain, b: BrowserSession, payload: object) =>
    d.request({ method: 'PUT', url: '/v1/users.json', headers: { ...XHR, cookie: b.cookie, 'x-request-token': b.csrfToken }, payload });

  /** What a refused request must leave as it was: every account's names, address and password. */
  const accounts = (d: TestDomain) =>
    h.services.db.selectFrom('users').select(['id', 'code', 'name', 'email', 'passwordHash', 'updatedAt']).where('domainId', '=', d.id).orderBy('id').execute();

  const failedLogins = async (d: TestDomain, id: number) =>
    Number((await h.services.db.selectFrom('users').select('failedLogins').where('domainId', '=', d.id).where('id', '=', id).executeTakeFirstOrThrow()).failedLogins);

  const required = { currentPassword: { messages: ['Required field.'] } };
  const incorrect = { currentPassword: { messages: ['The current password is incorrect.'] } };

  function expectRefused(res: Awaited<ReturnType<typeof put>>, errors: object): void {
    expectErrorBody(res, 400, 'CB_VA01');
    expect(res.json().errors).toEqual(errors);
  }

  /** A missing and a wrong current password each refuse it all; only the wrong one counts. */
  async function expectAsked(d: TestDomain, b: BrowserSession, users: object[]): Promise<void> {
    const before = await accounts(d);
    expectRefused(await put(d, b, { users }), required);
    expect(await failedLogins(d, d.admin.id)).toBe(0);
    expectRefused(await put(d, b, { users, currentPassword: 'not mine' }), incorrect);
    expect(await failedLogins(d, d.admin.id)).toBe(1);
    expect(await accounts(d)).toEqual(before);
  }

  describe('one’s own password from a browser session', () => {
    it('is changed only with the current password; a refusal saves nothing of the request', async () => {
      const d = await newDomain(h);
      const b = await signInBrowser(d, d.admin);
      const users = [
        { code: 'member', name: 'Renamed' },
        { code: 'admin', password: NEW_PASSWORD },
      ];
      await expectAsked(d, b, users);

      const done = await put(d, b, { users, currentPassword: PASSWORD });
      expect(done.statusCode, done.body).toBe(200);
      expect((await accounts(d)).find((u) => u.code === 'member')?.name).toBe('Renamed');
      expect((await signInRequest(d, 'admin', PASSWORD)).statusCode).toBe(401);
      await signInBrowser(d, { code: 'admin', password: NEW_PASSWORD });
    });

    it('counts wrong current passwords toward the lockout, like a wrong password at sign-in', async () => {
      const d = await newDomain(h);
      const b = await signInBrowser(d, d.admin);
      for (let i = 0; i < 3; i++) expectRefused(await put(d, b, { users: [{ code: 'admin', password: NEW_PASSWORD }], currentPassword: `guess ${i}` }), incorrect);
      const row = await h.services.db.selectFrom('users').select('lockedUntil').where('domainId', '=', d.id).where('id', '=', d.admin.id).executeTakeFirstOrThrow();
      expect(row.lockedUntil).not.toBeNull();
      expect((await signInRequest(d, 'admin', PASSWORD)).statusCode).toBe(401);
    });
  });

  describe('one’s own e-mail address from a browser session', () => {
    it('is changed only with the current password, whatever case names the account', async () => {
      const d = await newDomain(h);
      const b = await signInBrowser(d, d.admin);
      const users = [{ code: 'ADMIN', email: 'attacker@example.net' }];
      await expectAsked(d, b, users);

      const done = await put(d, b, { users, currentPassword: PASSWORD });
      expect(done.statusCode, done.body).toBe(200);
      expect((await accounts(d)).find((u) => u.code === 'admin')?.email).toBe('attacker@example.net');
    });

    it('is not asked when the same address comes back with other fields of one’s own', async () => {
      const d = await newDomain(h);
      const b = await signInBrowser(d, d.admin);
      const res = await put(d, b, { users: [{ code: 'admin', email: 'admin@example.com', name: 'Boss', locale: 'ja', phone: '03-0000-0000' }] });
      expect(res.statusCode, res.body).toBe(200);
      expect((await accounts(d)).find((u) => u.code === 'admin')?.name).toBe('Boss');
    });
  });

  describe('what is not asked', () => {
    it('another user’s password and e-mail address, from a browser session', async () => {
      const d = await newDomain(h);
      const b = await signInBrowser(d, d.admin);
      const res = await put(d, b, { users: [{ code: 'member', password: NEW_PASSWORD, email: 'member@example.org' }] });
      expect(res.statusCode, res.body).toBe(200);
      await signInBrowser(d, { code: 'member', password: NEW_PASSWORD });
    });

    it('one’s own password and e-mail address with a password header, which carries the password itself', async () => {
      const d = await newDomain(h);
      const res = await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'admin', password: NEW_PASSWORD, email: 'boss@example.org' }] } });
      expect(res.statusCode, res.body).toBe(200);
      await signInBrowser(d, { code: 'admin', password: NEW_PASSWORD });
    });
  });
});
