import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('mail outbox for administrators', () => {
    it('sends a test message to the administrator and shows it in the outbox', async () => {
      const d = await newDomain(h);
      const sent = await d.request({ method: 'POST', url: '/v1/mail/test.json', as: d.admin, payload: { text: 'Hello <b>team</b>' } });
      expect(sent.statusCode).toBe(200);
      const { id } = sent.json();

      let list = await d.request({ method: 'GET', url: '/v1/mail/outbox.json', as: d.admin });
      expect(list.json()).toMatchObject({ totalCount: '1', messages: [{ id, to: 'admin@example.com', status: 'queued' }] });

      await h.mail.runOnce();
      list = await d.request({ method: 'GET', url: '/v1/mail/outbox.json?status=sent', as: d.admin });
      expect(list.json().messages[0]).toMatchObject({ id, status: 'sent', subject: 'Engawa test message' });

      const one = await d.request({ method: 'GET', url: `/v1/mail/message.json?id=${id}`, as: d.admin });
      expect(one.json().message.text).toContain('Hello <b>team</b>');
      expect(one.json().message.html).toContain('Hello &lt;b&gt;team&lt;/b&gt;');
    });

    it('keeps each domain’s mail to itself and members out', async () => {
      const a = await newDomain(h);
      const b = await newDomain(h);
      const sent = await a.request({ method: 'POST', url: '/v1/mail/test.json', as: a.admin, payload: { to: 'someone@example.jp' } });
      const { id } = sent.json();
      const listB = await b.request({ method: 'GET', url: '/v1/mail/outbox.json', as: b.admin });
      expect(listB.json()).toEqual({ messages: [], totalCount: '0' });
      const oneB = await b.request({ method: 'GET', url: `/v1/mail/message.json?id=${id}`, as: b.admin });
      expect(oneB.statusCode).toBe(404);
      expect(oneB.json().code).toBe('GAIA_ML01');
      const member = await a.request({ method: 'GET', url: '/v1/mail/outbox.json', as: a.member });
      expect(member.statusCode).toBe(403);
      const memberSend = await a.request({ method: 'POST', url: '/v1/mail/test.json', as: a.member, payload: {} });
      expect(memberSend.statusCode).toBe(403);
    });

    it('allows only a trickle of test messages per domain', async () => {
      const d = await newDomain(h);
      for (let i = 0; i < 20; i++) {
        expect((await d.request({ method: 'POST', url: '/v1/mail/test.json', as: d.admin, payload: {} })).statusCode).toBe(200);
      }
      const over = await d.request({ method: 'POST', url: '/v1/mail/test.json', as: d.admin, payload: {} });
      expect(over.statusCode).toBe(429);
      expect(over.json().code).toBe('CB_TM01');
      h.clock.advance(3_600_000);
      expect((await d.request({ method: 'POST', url: '/v1/mail/test.json', as: d.admin, payload: {} })).statusCode).toBe(200);
    });

    it('refuses a header-injecting recipient', async () => {
      const d = await newDomain(h);
      const res = await d.request({
        method: 'POST',
        url: '/v1/mail/test.json',
        as: d.admin,
        payload: { to: 'victim@example.com\r\nBcc: all@example.com' },
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors)).toEqual(['to']);
    });
  });
});
