// Notifications by e-mail, through a real SMTP server: each user chooses it for themselves; the
// mail is written when the worker sends it, in the recipient's language, from what they may see
// then — a hidden field is never in it, and a mail about something they lost access to (or after
// they turned e-mail off) is dropped at send time (probe G13).
import { describe, expect, it } from 'vitest';
import { type Persona, type TestDomain, PASSWORD, basicAuth, newDomain } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { appWithSmtp } from '../../../test/support/smtp-app.js';
import type { ReceivedMail } from '../../../test/support/smtp.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  salary: { type: 'NUMBER', code: 'salary', label: 'Salary' },
};

eachDatabase((database) => {
  const { h, smtp } = appWithSmtp(database, { BASE_URL: 'https://engawa.example.jp' });

  interface World {
    d: TestDomain;
    app: number;
    alice: Persona;
    bob: Persona;
    yuki: Persona;
  }

  /** alice (English) and yuki (Japanese) chose e-mail; bob did not. All three hear of every add and edit. */
  async function world(): Promise<World> {
    const d = await newDomain(h());
    const alice = await d.addUser('alice');
    const bob = await d.addUser('bob');
    const made = await d.request({
      method: 'POST',
      url: '/v1/users.json',
      as: d.admin,
      payload: { users: [{ code: 'yuki', name: '雪', email: 'yuki@example.com', password: PASSWORD, locale: 'ja' }] },
    });
    expect(made.statusCode, made.body).toBe(200);
    const yuki = { id: Number(made.json().ids[0]), code: 'yuki', password: PASSWORD, auth: basicAuth('yuki', PASSWORD) };
    for (const who of [alice, yuki]) {
      const res = await d.request({ method: 'PUT', url: '/v1/me/notifications.json', as: who, payload: { notifyByEmail: true } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const app = await deployedApp(d, FIELDS, { name: 'Payroll', code: 'PAY' });
    const notifications = ['alice', 'bob', 'yuki'].map((code) => ({ entity: { type: 'USER', code }, recordAdded: true, recordEdited: true }));
    await d.request({ method: 'PUT', url: '/k/v1/preview/app/notifications/general.json', as: d.admin, payload: { app, notifications } });
    await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
    return { d, app, alice, bob, yuki };
  }

  const sentCount = async () => (await h().services.db.selectFrom('mailOutbox').select('id').where('status', '=', 'sent').execute()).length;

  /** Sends what is queued and answers the mail that arrived meanwhile. */
  async function send(): Promise<ReceivedMail[]> {
    const before = smtp().messages.length;
    const sentBefore = await sentCount();
    await h().mail.runOnce();
    const expected = before + (await sentCount()) - sentBefore;
    // The relay has accepted each by now; its parser may still be reading the last one.
    if (expected > before) await smtp().waitFor(() => smtp().messages.length >= expected);
    return smtp().messages.slice(before);
  }

  async function outbox(w: World, status: string): Promise<Array<{ to: string }>> {
    const res = await w.d.request({ method: 'GET', url: `/v1/mail/outbox.json?status=${status}`, as: w.d.admin });
    return res.json().messages;
  }

  async function add(w: World, record: Record<string, unknown>): Promise<string> {
    const res = await w.d.request({ method: 'POST', url: '/k/v1/record.json', as: w.d.admin, payload: { app: w.app, record } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  }

  describe('notifications by e-mail', () => {
    it('is each user’s own choice, off until chosen', async () => {
      const w = await world();
      expect((await w.d.request({ method: 'GET', url: '/v1/me/notifications.json', as: w.bob })).json()).toEqual({ notifyByEmail: false });
      expect((await w.d.request({ method: 'GET', url: '/v1/me/notifications.json', as: w.alice })).json()).toEqual({ notifyByEmail: true });
      const bad = await w.d.request({ method: 'PUT', url: '/v1/me/notifications.json', as: w.bob, payload: { notifyByEmail: 'yes' } });
      expect(bad.statusCode).toBe(400);
    });

    it('goes to those who chose it, in their language, written when sent', async () => {
      const w = await world();
      const id = await add(w, { title: { value: 'April run' } });
      const mails = await send();
      expect(mails.map((m) => m.envelope.to).sort()).toEqual([['alice@example.com'], ['yuki@example.com']]);
      const alice = mails.find((m) => m.envelope.to[0] === 'alice@example.com')!.mail;
      expect(alice.subject).toBe('admin added a record: April run');
      expect(alice.text).toContain('App: Payroll');
      expect(alice.text).toContain(`Record: April run (PAY-${id})`);
      expect(alice.text).toContain('https://engawa.example.jp/');
      expect(alice.html).toContain('April run');
      const yuki = mails.find((m) => m.envelope.to[0] === 'yuki@example.com')!.mail;
      expect(yuki.subject).toBe('adminさんがレコードを追加しました: April run');
      expect(yuki.text).toContain('アプリ: Payroll');
    });

    it('never carries a field the recipient may not see, and is dropped when it would tell only of one (R10)', async () => {
      const w = await world();
      const id = await add(w, { title: { value: 'Pay' }, salary: { value: 100 } });
      await send();
      const acl = await w.d.request({
        method: 'PUT',
        url: '/k/v1/field/acl.json',
        as: w.d.admin,
        payload: {
          app: w.app,
          rights: [{ code: 'salary', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'admin' } }, { accessibility: 'READ', entity: { type: 'USER', code: 'yuki' } }, { accessibility: 'NONE', entity: { type: 'GROUP', code: 'everyone' } }] }],
        },
      });
      expect(acl.statusCode, acl.body).toBe(200);
      await w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.d.admin, payload: { app: w.app, id, record: { salary: { value: 987654 } } } });
      const first = await send();
      expect(first.map((m) => m.envelope.to[0])).toEqual(['yuki@example.com']);
      expect(first[0]!.mail.text).toContain('変更されたフィールド: Salary');
      expect((await outbox(w, 'dropped')).map((m) => m.to)).toEqual(['alice@example.com']);
      await w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.d.admin, payload: { app: w.app, id, record: { salary: { value: 555 }, title: { value: 'Pay rise' } } } });
      const second = await send();
      const alice = second.find((m) => m.envelope.to[0] === 'alice@example.com')!.mail;
      expect(alice.subject).toBe('admin edited a record: Pay rise (Title)');
      for (const text of [alice.subject ?? '', alice.text ?? '', String(alice.html)]) {
        expect(text).not.toMatch(/salary|555|987654/i);
      }
    });

    it('is dropped at send time for a recipient who lost access or turned e-mail off since (G13)', async () => {
      const w = await world();
      await add(w, { title: { value: 'Secret plan' } });
      await w.d.request({
        method: 'PUT',
        url: '/k/v1/app/acl.json',
        as: w.d.admin,
        payload: { app: w.app, rights: [{ entity: { type: 'CREATOR' }, appEditable: true, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true }, { entity: { type: 'USER', code: 'yuki' }, recordViewable: true }] },
      });
      await w.d.request({ method: 'PUT', url: '/v1/me/notifications.json', as: w.yuki, payload: { notifyByEmail: false } });
      expect(await send()).toEqual([]);
      expect((await outbox(w, 'dropped')).map((m) => m.to).sort()).toEqual(['alice@example.com', 'yuki@example.com']);
      expect(await outbox(w, 'sent')).toEqual([]);
    });
  });
});
