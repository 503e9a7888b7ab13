// An administrator locked out by the IP allow-list lifts it by e-mail (probe A6), end to end
// through a real SMTP server: ask from outside, receive the link at the stored address, open it
// from outside, the restriction is off, sign in as usual. The link works once, for an hour, and
// only while its account is still a valid administrator; it signs nobody in.
import { describe, expect, it } from 'vitest';
import { randomString } from '../../../common/ids.js';
import { PASSWORD, type TestDomain, newDomain } from '../../../test/support/app.js';
import { XHR, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { appWithSmtp } from '../../../test/support/smtp-app.js';
import type { ReceivedMail } from '../../../test/support/smtp.js';
import { fromDb } from '../../storage/dialect.js';

const BASE = 'https://engawa.example.jp';
const LINK = /https:\/\/engawa\.example\.jp\/allow-list-reset\/([A-Za-z0-9_-]{43})/;
const OUTSIDE = '203.0.113.50';
const SETTINGS = '/v1/security/settings.json';

eachDatabase((database) => {
  const { h, smtp } = appWithSmtp(database, { BASE_URL: BASE });

  /** A domain whose allow-list admits only 127.0.0.1 (where inject comes from by default). */
  async function lockedDomain(extra: Record<string, unknown> = {}): Promise<TestDomain & { name: string }> {
    const name = `Dom ${randomString(8)}`;
    const d = await newDomain(h(), name);
    const res = await d.request({ method: 'PUT', url: SETTINGS, as: d.admin, payload: { ipRestriction: { enabled: true, allow: ['127.0.0.1'] }, ...extra } });
    expect(res.statusCode, res.body).toBe(200);
    return { ...d, name };
  }

  const ask = (d: TestDomain, login: string, remoteAddress = OUTSIDE) =>
    d.request({ method: 'POST', url: '/api/allow-list-reset', headers: XHR, remoteAddress, payload: { login } });
  const open = (d: TestDomain, token: string, remoteAddress = OUTSIDE) => d.request({ method: 'GET', url: `/api/allow-list-reset/${token}`, remoteAddress });
  const use = (d: TestDomain, token: string, remoteAddress = OUTSIDE) =>
    d.request({ method: 'POST', url: `/api/allow-list-reset/${token}`, headers: XHR, remoteAddress, payload: {} });
  const signIn = (d: TestDomain, login: string, remoteAddress = OUTSIDE) =>
    d.request({ method: 'POST', url: '/api/session', headers: XHR, remoteAddress, payload: { login, password: PASSWORD } });

  /** Mail that reached `to` about this domain (every test domain's admin is admin@example.com). */
  const mailsFor = (d: { name: string }, to: string) => smtp().messages.filter((m) => m.envelope.to.includes(to) && (m.mail.text ?? '').includes(d.name));

  async function askAndReceive(d: TestDomain & { name: string }, login: string, to: string): Promise<ReceivedMail> {
    const before = mailsFor(d, to).length;
    const res = await ask(d, login);
    expect([res.statusCode, res.json()]).toEqual([200, {}]);
    await h().mail.runOnce();
    await smtp().waitFor(() => mailsFor(d, to).length > before);
    return mailsFor(d, to)[before]!;
  }

  const tokenOf = (mail: ReceivedMail) => LINK.exec(mail.mail.text ?? '')![1]!;

  async function settings(d: TestDomain) {
    const res = await d.request({ method: 'GET', url: SETTINGS, as: d.admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  const audits = (d: TestDomain, action: string) =>
    h().services.db.selectFrom('auditLog').select(['actorKind', 'targetType', 'targetId', 'result', 'detail', 'ip']).where('domainId', '=', d.id).where('action', '=', action).execute();

  describe('a locked-out administrator lifts the allow-list from outside', () => {
    it('asks, receives the link at the stored address, opens and uses it, then signs in normally from outside', async () => {
      const d = await lockedDomain();
      const earlier = await signInBrowser(d, d.admin);
      // Locked out: header, an old session and the sign-in page all refuse from outside.
      for (const res of [
        await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin, remoteAddress: OUTSIDE }),
        await d.request({ method: 'GET', url: '/api/session', headers: { cookie: earlier.cookie }, remoteAddress: OUTSIDE }),
        await signIn(d, 'admin'),
      ]) {
        expect([res.statusCode, res.json().code]).toEqual([403, 'CB_IP01']);
      }

      const mail = await askAndReceive(d, 'admin', 'admin@example.com');
      expect(mail.envelope.to).toEqual(['admin@example.com']);
      expect(mail.mail.subject).toBe('Lift the IP address restriction');
      expect(mail.mail.text).toContain(`restriction of ${d.name} for the administrator "admin"`);
      expect(mail.mail.text).toContain('switches the IP address restriction off for everyone');
      expect(mail.mail.text).toContain('works once, for 60 minutes');
      expect(mail.mail.text).toContain('someone knows your login name. Nothing changes unless the link is opened');
      const token = tokenOf(mail);
      expect(mail.mail.html).toContain(`href="${BASE}/allow-list-reset/${token}"`);
      // Kept hashed: the token itself is nowhere in the table.
      const stored = await h().services.db.selectFrom('allowListResets').selectAll().where('domainId', '=', d.id).execute();
      expect(stored.map((r) => [Number(r.userId), r.tokenHash.length, r.tokenHash.includes(token), r.usedAt])).toEqual([[d.admin.id, 64, false, null]]);

      // Opening tells whose link it is and changes nothing.
      expect((await open(d, token)).json()).toEqual({ login: 'admin' });
      expect((await signIn(d, 'admin')).json().code).toBe('CB_IP01');

      const used = await use(d, token);
      expect([used.statusCode, used.json()]).toEqual([200, {}]);
      // It signs nobody in.
      expect(used.headers['set-cookie']).toBeUndefined();
      const after = await settings(d);
      expect(after.ipRestriction).toEqual({ enabled: false, allow: ['127.0.0.1'] });
      const signedIn = await signIn(d, 'admin');
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      expect((await d.request({ method: 'GET', url: '/v1/users.json', as: d.admin, remoteAddress: OUTSIDE })).statusCode).toBe(200);

      // Once only.
      for (const again of [await open(d, token), await use(d, token)]) {
        expect([again.statusCode, again.json().code]).toEqual([404, 'CB_IR01']);
      }

      const asked = await audits(d, 'security.allowList.reset.request');
      expect(asked).toMatchObject([{ actorKind: 'anonymous', targetType: 'user', targetId: String(d.admin.id), result: 'success', ip: OUTSIDE }]);
      const reset = await audits(d, 'security.allowList.reset');
      expect(reset).toMatchObject([{ targetType: 'user', targetId: String(d.admin.id), result: 'success', ip: OUTSIDE }]);
      expect(fromDb.json(reset[0]!.detail, {})).toMatchObject({ login: 'admin' });
      expect(await audits(d, 'security.settings')).toHaveLength(2); // switched on, then off by the link

      // The outbox keeps a copy without the link's secret once SMTP delivered the message.
      const kept = await h().services.db.selectFrom('mailOutbox').selectAll().where('domainId', '=', d.id).where('template', '=', 'allow-list-reset').executeTakeFirstOrThrow();
      expect(kept.status).toBe('sent');
      for (const part of [kept.textBody, kept.htmlBody, JSON.stringify(fromDb.json(kept.params, {}))]) {
        expect(part).not.toContain(token);
        expect(part).toContain(`${BASE}/allow-list-reset/••••••`);
      }
    });

    it('switches the gates that apply only with it off too, keeping their user and the list, and works past the Basic gate', async () => {
      const d = await lockedDomain({ basicGate: { enabled: true, user: 'gate', password: 'gate password 1' } });
      // From outside with no Basic credentials: the public route answers all the same.
      const token = tokenOf(await askAndReceive(d, 'admin', 'admin@example.com'));
      expect((await use(d, token)).statusCode).toBe(200);
      const after = await settings(d);
      expect([after.ipRestriction, after.basicGate, after.secureAccess]).toEqual([
        { enabled: false, allow: ['127.0.0.1'] },
        { enabled: false, user: 'gate', passwordSet: true },
        { enabled: false },
      ]);
      // Settings stay consistent: the administrator can save other changes, and switch it on again.
      const again = await d.request({ method: 'PUT', url: SETTINGS, as: d.admin, payload: { ipRestriction: { enabled: true } } });
      expect(again.statusCode, again.body).toBe(200);
    });

    it('writes to an administrator in the account’s language', async () => {
      const d = await lockedDomain();
      await d.addUser('kanri', { isAdmin: true });
      const set = await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'kanri', locale: 'ja' }] } });
      expect(set.statusCode, set.body).toBe(200);
      const mail = await askAndReceive(d, 'kanri', 'kanri@example.com');
      expect(mail.mail.subject).toBe('IPアドレス制限の解除');
      expect((await use(d, tokenOf(mail))).statusCode).toBe(200);
    });

    it('lets one of two browsers use a link, and a new request voids the earlier link', async () => {
      const d = await lockedDomain();
      const first = tokenOf(await askAndReceive(d, 'admin', 'admin@example.com'));
      const second = tokenOf(await askAndReceive(d, 'admin', 'admin@example.com'));
      expect(second).not.toBe(first);
      expect((await open(d, first)).json().code).toBe('CB_IR01');
      const both = await Promise.all([use(d, second), use(d, second, '203.0.113.51')]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 404]);
      expect(await audits(d, 'security.allowList.reset')).toHaveLength(1);
    });

    it('expires after an hour, leaving the restriction on', async () => {
      const d = await lockedDomain();
      const token = tokenOf(await askAndReceive(d, 'admin', 'admin@example.com'));
      h().clock.advance(59 * 60_000);
      expect((await open(d, token)).statusCode).toBe(200);
      h().clock.advance(60_000);
      for (const late of [await open(d, token), await use(d, token)]) {
        expect([late.statusCode, late.json().code]).toEqual([404, 'CB_IR01']);
      }
      expect((await settings(d)).ipRestriction.enabled).toBe(true);
      expect((await signIn(d, 'admin')).json().code).toBe('CB_IP01');
    });

    it('dies when its account is suspended or no longer an administrator', async () => {
      const d = await lockedDomain();
      await d.addUser('boss', { isAdmin: true });
      await d.addUser('chief', { isAdmin: true });
      const boss = tokenOf(await askAndReceive(d, 'boss', 'boss@example.com'));
      const chief = tokenOf(await askAndReceive(d, 'chief', 'chief@example.com'));
      const change = await d.request({
        method: 'PUT',
        url: '/v1/users.json',
        as: d.admin,
        payload: { users: [{ code: 'boss', valid: false }, { code: 'chief', isAdmin: false }] },
      });
      expect(change.statusCode, change.body).toBe(200);
      for (const token of [boss, chief]) {
        for (const res of [await open(d, token), await use(d, token)]) expect([res.statusCode, res.json().code]).toEqual([404, 'CB_IR01']);
      }
      expect((await settings(d)).ipRestriction.enabled).toBe(true);
    });
  });
});
