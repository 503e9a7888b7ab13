// The allow-list reset against people who are not the locked-out administrator (probe A6, with
// A4 and A16): asking tells nobody who is an administrator, mail goes only to the address stored
// for a valid administrator and carries BASE_URL whatever the request says, forged links get one
// answer and then 429, and every ask is audited.
import { describe, expect, it } from 'vitest';
import { randomString } from '../../../common/ids.js';
import { type TestDomain, newDomain } from '../../../test/support/app.js';
import { XHR } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';
import { appWithSmtp } from '../../../test/support/smtp-app.js';
import { fromDb } from '../../storage/dialect.js';

const BASE = 'https://engawa.example.jp';
const LINK = /https:\/\/engawa\.example\.jp\/allow-list-reset\/[A-Za-z0-9_-]{43}/;
const OUTSIDE = '203.0.113.60';
const SETTINGS = '/v1/security/settings.json';

eachDatabase((database) => {
  const { h, smtp } = appWithSmtp(database, { BASE_URL: BASE });

  async function domain(locked = true): Promise<TestDomain & { name: string }> {
    const name = `Dom ${randomString(8)}`;
    const d = await newDomain(h(), name);
    if (locked) {
      const res = await d.request({ method: 'PUT', url: SETTINGS, as: d.admin, payload: { ipRestriction: { enabled: true, allow: ['127.0.0.1'] } } });
      expect(res.statusCode, res.body).toBe(200);
    }
    return { ...d, name };
  }

  const ask = (d: TestDomain, payload: Record<string, unknown>, remoteAddress = OUTSIDE, headers: Record<string, string> = XHR) =>
    d.request({ method: 'POST', url: '/api/allow-list-reset', headers, remoteAddress, payload });
  const open = (d: TestDomain, token: string) => d.request({ method: 'GET', url: `/api/allow-list-reset/${token}`, remoteAddress: OUTSIDE });

  async function queued(d: TestDomain): Promise<Array<{ recipient: string }>> {
    return h().services.db.selectFrom('mailOutbox').select('recipient').where('domainId', '=', d.id).where('template', '=', 'allow-list-reset').execute();
  }

  /** Delivers what is queued and answers the messages about `d` (its name is in every one). */
  async function delivered(d: { name: string }, count: number) {
    await h().mail.runOnce();
    const about = () => smtp().messages.filter((m) => (m.mail.text ?? '').includes(d.name));
    await smtp().waitFor(() => about().length >= count);
    return about();
  }

  async function failures(d: TestDomain): Promise<unknown[]> {
    const rows = await h().services.db
      .selectFrom('auditLog')
      .select(['detail', 'result'])
      .where('domainId', '=', d.id)
      .where('action', '=', 'security.allowList.reset.request')
      .where('result', '=', 'failure')
      .execute();
    return rows.map((r) => fromDb.json<{ reason?: string }>(r.detail, {}).reason).sort();
  }

  describe('asking tells nothing and mails only a valid administrator', () => {
    it('answers a member, a guest, an unknown login and a suspended administrator exactly like the administrator, and mails none of them', async () => {
      const d = await domain();
      await d.addUser('gone', { isAdmin: true, valid: false });
      await addGuest(d, 'visitor@example.com');
      const real = await ask(d, { login: 'admin' });
      expect([real.statusCode, real.json()]).toEqual([200, {}]);
      expect(await queued(d)).toEqual([{ recipient: 'admin@example.com' }]);
      const logins = ['member', 'visitor@example.com', 'guest/visitor@example.com', 'nobody', 'gone'];
      for (const login of logins) {
        const res = await ask(d, { login });
        expect([login, res.statusCode, res.body, res.headers['content-type']]).toEqual([login, real.statusCode, real.body, real.headers['content-type']]);
      }
      expect(await queued(d)).toHaveLength(1);
      expect(await failures(d)).toEqual(['not-administrator', 'suspended', 'unknown-login', 'unknown-login', 'unknown-login']);
      await delivered(d, 1);
    });

    it('sends nothing while the domain has no IP restriction', async () => {
      const d = await domain(false);
      const res = await ask(d, { login: 'admin' });
      expect([res.statusCode, res.json()]).toEqual([200, {}]);
      expect(await queued(d)).toEqual([]);
      expect(await failures(d)).toEqual(['not-restricted']);
    });

    it('mails the stored address with a BASE_URL link, whatever address or host the request names', async () => {
      const d = await domain();
      const res = await ask(d, { login: 'admin', email: 'attacker@evil.example', to: 'attacker@evil.example' }, OUTSIDE, {
        ...XHR,
        'x-forwarded-host': 'evil.example',
        forwarded: 'host=evil.example;proto=http',
      });
      expect([res.statusCode, res.json()]).toEqual([200, {}]);
      const [mail] = await delivered(d, 1);
      expect(mail!.envelope.to).toEqual(['admin@example.com']);
      expect(mail!.mail.text).toMatch(LINK);
      expect(`${mail!.mail.text}${mail!.mail.html}`).not.toContain('evil.example');
      expect(smtp().messages.some((m) => m.envelope.to.includes('attacker@evil.example'))).toBe(false);
    });

    it('limits requests per address, and mails per account, without telling who exists', async () => {
      const d = await domain();
      for (let i = 0; i < 5; i++) expect((await ask(d, { login: 'admin' }, `198.51.100.${i + 1}`)).statusCode).toBe(200);
      // A new request voids the earlier links, but only three were sent at all.
      expect(await queued(d)).toHaveLength(3);
      expect(await failures(d)).toEqual(['too-many', 'too-many']);
      let status = 0;
      for (let i = 0; i < 12 && status !== 429; i++) status = (await ask(d, { login: `someone${i}` }, '192.0.2.70')).statusCode;
      expect(status).toBe(429);
      await delivered(d, 3);
    });

    it('needs the same-origin header to ask and to use a link', async () => {
      const d = await domain();
      const bare = await ask(d, { login: 'admin' }, OUTSIDE, {});
      expect([bare.statusCode, bare.json().code]).toEqual([403, 'CB_CS01']);
      const cross = await d.request({ method: 'POST', url: `/api/allow-list-reset/${'a'.repeat(43)}`, headers: { ...XHR, origin: 'https://evil.example' }, remoteAddress: OUTSIDE, payload: {} });
      expect([cross.statusCode, cross.json().code]).toEqual([403, 'CB_CS01']);
      expect(await queued(d)).toEqual([]);
    });
  });

  describe('forged links', () => {
    it('get one answer whatever their shape, then 429 per address', async () => {
      const d = await domain();
      const bodies = new Set<string>();
      for (const token of ['A'.repeat(43), 'short', '%00../../etc', `${'x'.repeat(42)}!`]) {
        const res = await open(d, encodeURIComponent(token));
        expect([token, res.statusCode, res.json().code]).toEqual([token, 404, 'CB_IR01']);
        bodies.add(JSON.stringify({ ...res.json(), id: '' }));
      }
      const posted = await d.request({ method: 'POST', url: `/api/allow-list-reset/${'B'.repeat(43)}`, headers: XHR, remoteAddress: OUTSIDE, payload: {} });
      expect([posted.statusCode, posted.json().code]).toEqual([404, 'CB_IR01']);
      bodies.add(JSON.stringify({ ...posted.json(), id: '' }));
      expect(bodies.size).toBe(1);
      expect(posted.json().message).toBe('This link is invalid or has expired. Ask for a new link to lift the IP address restriction.');

      let last = 0;
      for (let i = 0; i < 25 && last !== 429; i++) last = (await open(d, `${'x'.repeat(40)}${String(i).padStart(3, '0')}`)).statusCode;
      expect(last).toBe(429);
      // Another address is not held back by this one's guesses.
      const elsewhere = await d.request({ method: 'GET', url: `/api/allow-list-reset/${'C'.repeat(43)}`, remoteAddress: '203.0.113.61' });
      expect(elsewhere.json().code).toBe('CB_IR01');
      expect((await d.request({ method: 'GET', url: SETTINGS, as: d.admin })).json().ipRestriction.enabled).toBe(true);
    });

    it('answers in Japanese for a Japanese browser', async () => {
      const d = await domain();
      const res = await d.request({ method: 'GET', url: `/api/allow-list-reset/${'D'.repeat(43)}`, headers: { 'accept-language': 'ja' }, remoteAddress: '203.0.113.62' });
      expect(res.json().message).toBe('このリンクは無効か、有効期限が切れています。IPアドレス制限の解除をもう一度申し込んでください。');
    });
  });
});
