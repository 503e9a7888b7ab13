// X-Cybozu-Authorization for an account under a second factor (probes A7, A8, A1, A2): refused
// before the password is looked at, so the right and the wrong password get one and the same
// answer, and every try counts — toward the lockout for a user, the slow-down for a guest, who is
// never locked out. Accounts without a second factor keep kintone's usual answers.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { type Harness, type TestDomain, basicAuth, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };
// LOCKOUT_THRESHOLD in the test harness.
const THRESHOLD = 10;

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const settings = (d: TestDomain, payload: object) => d.request({ method: 'PUT', url: '/v1/security/settings.json', as: d.admin, payload });
  const header = (d: TestDomain, login: string, password: string) =>
    d.request({ method: 'GET', url: '/v1/me/profile.json', headers: { 'x-cybozu-authorization': basicAuth(login, password) } });
  const signIn = (d: TestDomain, login: string, password: string, guest = false) =>
    d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login, password, ...(guest ? { guest: true } : {}) } });

  /** The answer without its per-request id: what a caller could compare. */
  function answer(res: LightMyRequestResponse): unknown {
    const { id, ...rest } = res.json();
    expect(typeof id).toBe('string');
    return { status: res.statusCode, ...rest };
  }

  it('gives a user under a second factor one answer for the right and the wrong password', async () => {
    const d = await newDomain(h);
    expect((await settings(d, { requireTotp: true })).statusCode).toBe(200);
    const right = answer(await header(d, 'member', d.member.password));
    const wrong = answer(await header(d, 'member', 'not the password'));
    expect(right).toEqual(wrong);
    expect(right).toMatchObject({ status: 401, code: 'CB_TS03' });
    expect((right as { message: string }).message).toContain('X-Cybozu-Authorization');
    const ja = await d.request({ method: 'GET', url: '/v1/me/profile.json', headers: { 'x-cybozu-authorization': d.member.auth, 'accept-language': 'ja' } });
    expect(ja.json().message).toContain('2段階認証');
  });

  it('keeps kintone’s answers for an account without a second factor', async () => {
    const d = await newDomain(h);
    expect((await header(d, 'member', d.member.password)).statusCode).toBe(200);
    const wrong = await header(d, 'member', 'not the password');
    expect([wrong.statusCode, wrong.json().code]).toEqual([401, 'CB_WA01']);
  });

  it('counts each try toward the user’s lockout, right password or not (A1)', async () => {
    const d = await newDomain(h);
    await settings(d, { requireTotp: true });
    for (let i = 0; i < THRESHOLD; i++) {
      const res = await header(d, 'member', i % 2 ? d.member.password : `wrong ${i}`);
      expect(res.json().code).toBe('CB_TS03');
    }
    // Locked: even the right password at the sign-in page is refused, like a wrong one.
    const locked = await signIn(d, 'member', d.member.password);
    expect([locked.statusCode, locked.json().code]).toEqual([401, 'CB_WA01']);
    const audit = await h.services.db
      .selectFrom('auditLog')
      .select(['action', 'result'])
      .where('domainId', '=', d.id)
      .where('action', 'in', ['auth.login', 'auth.lockout'])
      .where('result', '=', 'failure')
      .execute();
    expect(audit.filter((a) => a.action === 'auth.lockout')).toHaveLength(1);
    // The lockout ends like any other: the right password signs in again (to enrol, here).
    h.clock.advance(31 * 60_000);
    const after = await signIn(d, 'member', d.member.password);
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().totpSetupRequired).toBe(true);
  });

  it('slows a guest under two-step verification down but never locks it out (A2, A8)', async () => {
    const d = await newDomain(h);
    const g = await addGuest(d, 'slow@example.com');
    await settings(d, { guestTwoStep: true });
    const right = answer(await header(d, g.code, g.password));
    const wrong = answer(await header(d, g.code, 'not the password'));
    expect(right).toEqual(wrong);
    expect(right).toMatchObject({ status: 401, code: 'CB_TS03' });
    for (let i = 0; i < 3; i++) await header(d, g.code, g.password);
    // Five tries: the account waits 30 s, and answers every sign-in like a wrong password meanwhile.
    const waiting = await signIn(d, g.code, g.password, true);
    expect([waiting.statusCode, waiting.json().code]).toEqual([401, 'CB_WA01']);
    h.clock.advance(31_000);
    const after = await signIn(d, g.code, g.password, true);
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().twoStep.kind).toBe('email');
    const row = await h.services.db.selectFrom('users').select(['failedLogins']).where('domainId', '=', d.id).where('id', '=', g.id).executeTakeFirstOrThrow();
    expect(Number(row.failedLogins)).toBe(5);
  });
});
