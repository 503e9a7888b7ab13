import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryJson } from '../../../common/api/audit.js';
import { sha256 } from '../../domain/auth/secrets.js';
import { listAudit } from '../../domain/audit/list-audit.js';
import { readContext } from '../../domain/context.js';
import { scope, systemActor } from '../../policy/index.js';
import { type Harness, type TestDomain, PASSWORD, basicAuth, newDomain, startApp } from '../../../test/support/app.js';
import { expectErrorBody, signInBrowser, signInRequest } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';

async function audit(d: TestDomain, query = ''): Promise<{ entries: AuditEntryJson[]; totalCount: string }> {
  const res = await d.request({ method: 'GET', url: `/v1/audit.json${query}`, as: d.admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database(), { LOCKOUT_THRESHOLD: '3', LOCKOUT_MINUTES: '15' });
  });
  afterAll(async () => h.close());

  describe('GET /v1/audit.json', () => {
    it('records sign-ins and failures with action, result, actor, address and agent', async () => {
      const d = await newDomain(h);
      const signedInAt = h.clock.now().toISOString();
      await signInBrowser(d, d.member, { 'user-agent': 'AuditProbe/1.0' });
      h.clock.advance(1000);
      expect((await signInRequest(d, 'member', 'not the password')).statusCode).toBe(401);
      h.clock.advance(1000);
      expect((await signInRequest(d, 'ghost', 'whatever')).statusCode).toBe(401);

      const { entries } = await audit(d, '?action=auth.login');
      const [unknown, wrong, ok] = entries.filter((e) => e.actor.kind !== 'user' || e.actor.code === 'member');
      expect(ok).toMatchObject({
        action: 'auth.login',
        result: 'success',
        actor: { kind: 'user', id: String(d.member.id), code: 'member' },
        target: { type: 'user', id: String(d.member.id) },
        ip: '127.0.0.1',
        userAgent: 'AuditProbe/1.0',
        detail: { method: 'session' },
      });
      expect(ok!.at).toBe(signedInAt);
      expect(ok!.id).toMatch(/^aud_/);
      expect(wrong).toMatchObject({
        result: 'failure',
        actor: { kind: 'anonymous', id: null, code: null },
        target: { type: 'user', id: String(d.member.id) },
        detail: { login: 'member', reason: 'wrong-password' },
      });
      expect(unknown).toMatchObject({ result: 'failure', target: null, detail: { login: 'ghost', reason: 'unknown-login' } });
    });

    it('records a lockout and the user changes an administrator makes', async () => {
      const d = await newDomain(h);
      for (let i = 0; i < 3; i++) await signInRequest(d, 'member', `wrong ${i}`);
      await d.request({ method: 'POST', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'sato', name: 'Sato', email: 's@example.com', password: 'sato password 1' }] } });
      await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'sato', valid: false }] } });
      await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'sato', password: 'another password' }] } });
      await d.request({ method: 'DELETE', url: '/v1/users.json?codes[0]=sato', as: d.admin });

      const lockout = (await audit(d, '?action=auth.lockout')).entries;
      expect(lockout).toHaveLength(1);
      expect(lockout[0]).toMatchObject({ result: 'failure', target: { type: 'user', id: String(d.member.id) }, detail: { login: 'member', failures: 3 } });

      const changes = (await audit(d, '?action=user.*')).entries;
      const byAdmin = { kind: 'user', id: String(d.admin.id), code: 'admin' };
      expect(changes.map((e) => e.action).sort()).toEqual(
        ['user.create', 'user.create', 'user.create', 'user.delete', 'user.update', 'user.update.password'].sort(),
      );
      const mine = changes.filter((e) => e.actor.kind === 'user');
      expect(mine).toHaveLength(4);
      for (const e of mine) expect(e.actor).toEqual(byAdmin);
      expect(mine.find((e) => e.action === 'user.update')!.detail).toMatchObject({ code: 'sato', valid: false });
    });

    it('filters by time, actor, action prefix and result, newest first, and pages', async () => {
      const d = await newDomain(h);
      await audit(d); // the administrator's password header is verified (and audited) once
      h.clock.advance(1000);
      const start = h.clock.now().toISOString();
      await signInRequest(d, 'admin', PASSWORD); // t0
      h.clock.advance(60_000);
      const t1 = h.clock.now().toISOString();
      await signInRequest(d, 'member', 'wrong'); // t1
      h.clock.advance(60_000);
      const t2 = h.clock.now();
      await signInRequest(d, 'Member', PASSWORD); // t2
      h.clock.advance(60_000);
      const t3 = h.clock.now().toISOString();

      const all = await audit(d, `?from=${start}&action=auth.*`);
      expect(all.totalCount).toBe('3');
      expect(all.entries.map((e) => e.at)).toEqual([...all.entries.map((e) => e.at)].sort().reverse());
      expect(all.entries.map((e) => [e.actor.code, e.result])).toEqual([['member', 'success'], [null, 'failure'], ['admin', 'success']]);

      const t2InTokyo = new Date(t2.getTime() + 9 * 3_600_000).toISOString().replace('Z', '+09:00');
      const window = await audit(d, `?from=${t1}&to=${encodeURIComponent(t2InTokyo)}&action=auth.*`);
      expect(window.entries.map((e) => e.at)).toEqual([t1]);
      expect((await audit(d, `?to=${t3}&from=${t3}`)).totalCount).toBe('0');

      expect((await audit(d, '?actor=MEMBER&action=auth.login')).entries.map((e) => e.actor.code)).toEqual(['member']);
      expect((await audit(d, '?result=failure')).entries.map((e) => e.detail.login)).toEqual(['member']);
      expect((await audit(d, '?action=auth')).totalCount).toBe('0');
      expect((await audit(d, '?action=auth.log.*')).totalCount).toBe('0');

      const page = await audit(d, `?from=${start}&action=auth.*&offset=1&limit=1`);
      expect(page).toMatchObject({ totalCount: '3', entries: [{ result: 'failure' }] });
      expect((await audit(d, `?from=${start}&action=auth.*&offset=3`)).entries).toEqual([]);
      const viaBody = await d.request({ method: 'GET', url: '/v1/audit.json', payload: { from: start, action: 'auth.*', limit: 2 }, as: d.admin });
      expect(viaBody.json().entries).toHaveLength(2);
    });

    it('refuses invalid filters with CB_VA01 naming the parameter', async () => {
      const d = await newDomain(h);
      const cases: Array<[string, string]> = [
        ['from=yesterday', 'from'],
        ['from=2026-04-01', 'from'],
        ['to=2026-04-01T00:00:00', 'to'],
        ['to=0000-01-01T00:00:00Z', 'to'],
        ['action=auth*', 'action'],
        ['action=auth.*.*', 'action'],
        ["action=x'%20or%201=1", 'action'],
        ['result=maybe', 'result'],
        ['limit=0', 'limit'],
        ['limit=501', 'limit'],
        ['offset=10001', 'offset'],
        ['offset=-1', 'offset'],
        ['actor=', 'actor'],
        [`actor=${'x'.repeat(129)}`, 'actor'],
        ['from[0]=2026-04-01T00:00:00Z', 'from'],
      ];
      for (const [query, key] of cases) {
        const res = await d.request({ method: 'GET', url: `/v1/audit.json?${query}`, as: d.admin });
        const body = expectErrorBody(res, 400, 'CB_VA01');
        expect(Object.keys(body.errors as object), query).toEqual([key]);
      }
      expect((await audit(d, '?offset=10000&limit=500')).entries).toEqual([]);
    });

    it('answers a member 403 CB_NO02 and an anonymous caller 401 CB_AU01', async () => {
      const d = await newDomain(h);
      expectErrorBody(await d.request({ method: 'GET', url: '/v1/audit.json', as: d.member }), 403, 'CB_NO02');
      expectErrorBody(await d.request({ method: 'GET', url: '/v1/audit.json' }), 401, 'CB_AU01');
    });

    it('never shows a row of another domain (T6)', async () => {
      const a = await newDomain(h);
      const b = await newDomain(h);
      await signInRequest(b, 'member', 'wrong');
      await b.request({ method: 'GET', url: '/v1/users.json', as: b.admin });
      await a.request({ method: 'GET', url: '/v1/users.json', as: a.admin });
      const seenByA = (await audit(a, '?limit=500')).entries;
      const seenByB = (await audit(b, '?limit=500')).entries;
      expect(seenByA.length).toBeGreaterThan(0);
      const idsB = new Set(seenByB.map((e) => e.id));
      expect(seenByA.filter((e) => idsB.has(e.id))).toEqual([]);
      expect(seenByA.some((e) => e.result === 'failure')).toBe(false);
      expect(JSON.stringify(seenByA)).not.toContain(b.id);
    });

    it('lists nothing for a scope without audit.read, and only the scope’s domain', async () => {
      const d = await newDomain(h);
      const ctx = readContext(h.services, { actor: systemActor(d.id), locale: 'en', request: { ip: null, userAgent: null, requestId: null } });
      const member = { kind: 'user', domainId: d.id, userId: d.member.id, code: 'member', name: 'member', isAdmin: false, locale: 'en', via: 'password' } as const;
      const page = { offset: 0, limit: 500 };
      expect(await listAudit(ctx, scope(member, 'audit'), {}, page)).toEqual({ entries: [], totalCount: 0 });
      const full = await listAudit(ctx, scope(systemActor(d.id), 'audit'), {}, page);
      expect(full.totalCount).toBeGreaterThan(0);
      expect(full.entries.every((e) => e.action !== 'domain.create' || e.target?.id === d.id)).toBe(true);
    });

    it('never holds a password, token or session id in any entry', async () => {
      const d = await newDomain(h);
      const wrongPassword = 'Wrong-Secret-4f1c9a';
      const newPassword = 'Fresh-Secret-8d2e7b';
      const session = await signInBrowser(d, d.member);
      await signInRequest(d, 'member', wrongPassword);
      await d.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': basicAuth('member', wrongPassword) } });
      await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'member', password: newPassword }] } });
      const again = await signInBrowser(d, { code: 'member', password: newPassword });
      await d.request({
        method: 'DELETE',
        url: '/api/session',
        headers: { cookie: again.cookie, 'x-requested-with': 'XMLHttpRequest', 'x-request-token': again.csrfToken },
      });
      const { entries } = await audit(d, '?limit=500');
      expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.login', 'auth.logout', 'user.update.password']));
      const text = JSON.stringify(entries);
      const csv = (await d.request({ method: 'GET', url: '/v1/audit.csv', as: d.admin })).body;
      const secrets = [
        PASSWORD,
        wrongPassword,
        newPassword,
        session.token,
        session.csrfToken,
        sha256(session.token),
        again.token,
        again.csrfToken,
        sha256(again.token),
        d.admin.auth,
        basicAuth('member', wrongPassword),
        '$argon2',
      ];
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
        expect(csv).not.toContain(secret);
      }
    });
  });
});
