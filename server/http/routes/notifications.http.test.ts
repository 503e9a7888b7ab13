// The notification inbox: who hears of added and edited records and of comments, "To me" and
// "All", unread counts, marking read, and that each user reaches only their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { sweepNotifications } from '../../domain/notifications/sweep.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  price: { type: 'NUMBER', code: 'price', label: 'Price' },
  owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
};

interface Note {
  id: string;
  kind: string;
  toMe: boolean;
  read: boolean;
  sender: { code: string; name: string } | null;
  app: { id: string; name: string };
  record: { id: string; number: string; title: string } | null;
  comment: { id: string; text: string } | null;
  fields?: Array<{ code: string; label: string }>;
  summary: string;
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  interface World {
    d: TestDomain;
    app: number;
    alice: Persona;
    bob: Persona;
    carol: Persona;
  }

  /** An app whose record additions and edits reach the group "sales" (alice, bob) and each record's owner. */
  async function world(general?: unknown[]): Promise<World> {
    const d = await newDomain(h);
    const alice = await d.addUser('alice');
    const bob = await d.addUser('bob');
    const carol = await d.addUser('carol');
    await d.request({ method: 'POST', url: '/v1/groups.json', as: d.admin, payload: { groups: [{ code: 'sales', name: 'Sales' }] } });
    await d.request({ method: 'PUT', url: '/v1/userGroups.json', as: d.admin, payload: { userGroups: [{ code: 'alice', groups: ['sales'] }, { code: 'bob', groups: ['sales'] }] } });
    const app = await deployedApp(d, FIELDS, { name: 'Orders', code: 'ORD' });
    const put = await d.request({
      method: 'PUT',
      url: '/k/v1/preview/app/notifications/general.json',
      as: d.admin,
      payload: {
        app,
        notifications: general ?? [
          { entity: { type: 'GROUP', code: 'sales' }, recordAdded: true, recordEdited: true },
          { entity: { type: 'FIELD_ENTITY', code: 'owner' }, recordAdded: true, recordEdited: true, commentAdded: true },
          { entity: { type: 'FIELD_ENTITY', code: 'Created_by' }, commentAdded: true },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
    return { d, app, alice, bob, carol };
  }

  async function inbox(w: World, who: Persona, query = ''): Promise<{ notifications: Note[]; unread: { toMe: string; all: string } }> {
    const res = await w.d.request({ method: 'GET', url: `/v1/notifications.json${query}`, as: who });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function add(w: World, who: Persona, record: Record<string, unknown>): Promise<string> {
    const res = await w.d.request({ method: 'POST', url: '/k/v1/record.json', as: who, payload: { app: w.app, record } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  }

  describe('records added and edited', () => {
    it('reach the group in "All" and the owner "To me", never the writer', async () => {
      const w = await world();
      const id = await add(w, w.alice, { title: { value: 'Widget' }, owner: { value: [{ code: 'carol' }] } });
      expect(await inbox(w, w.alice)).toEqual({ notifications: [], unread: { toMe: '0', all: '0' } });
      const bob = await inbox(w, w.bob);
      expect(bob.unread).toEqual({ toMe: '0', all: '1' });
      expect(bob.notifications).toMatchObject([
        {
          kind: 'recordAdded',
          toMe: false,
          read: false,
          sender: { code: 'alice', name: 'alice' },
          app: { id: String(w.app), name: 'Orders' },
          record: { id, number: `ORD-${id}`, title: 'Widget' },
          comment: null,
          summary: 'alice added a record: Widget',
        },
      ]);
      const carol = await inbox(w, w.carol);
      expect(carol.unread).toEqual({ toMe: '1', all: '1' });
      expect(carol.notifications[0]).toMatchObject({ kind: 'recordAdded', toMe: true });
      expect((await inbox(w, w.carol, '?stream=toMe')).notifications).toHaveLength(1);
      expect((await inbox(w, w.bob, '?stream=toMe')).notifications).toHaveLength(0);
      // Nobody outside the settings hears of it.
      expect((await inbox(w, w.d.member)).notifications).toEqual([]);
    });

    it('name the fields an edit changed, and tell nothing of a save that changed nothing', async () => {
      const w = await world();
      const id = await add(w, w.alice, { title: { value: 'Widget' }, price: { value: 10 } });
      const edit = await w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.carol, payload: { app: w.app, id, record: { price: { value: 12 } } } });
      expect(edit.statusCode, edit.body).toBe(200);
      await w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.carol, payload: { app: w.app, id, record: { price: { value: 12 } } } });
      const bob = await inbox(w, w.bob);
      expect(bob.notifications.map((n) => n.kind)).toEqual(['recordEdited', 'recordAdded']);
      expect(bob.notifications[0]).toMatchObject({ sender: { code: 'carol' }, fields: [{ code: 'price', label: 'Price' }], summary: 'carol edited a record: Widget (Price)' });
    });

    it('written through an API token come from Administrator and reach everyone named', async () => {
      const w = await world();
      const made = await w.d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: w.d.admin, payload: { app: w.app, rights: { view: true, add: true } } });
      await w.d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: w.d.admin, payload: { apps: [{ app: w.app }] } });
      const res = await w.d.request({ method: 'POST', url: '/k/v1/record.json', headers: { 'x-cybozu-api-token': made.json().token }, payload: { app: w.app, record: { title: { value: 'By token' } } } });
      expect(res.statusCode, res.body).toBe(200);
      for (const who of [w.alice, w.bob]) {
        expect((await inbox(w, who)).notifications[0]).toMatchObject({ kind: 'recordAdded', sender: { code: 'Administrator', name: 'Administrator' } });
      }
    });

    it('in bulk, one notification per record and recipient', async () => {
      const w = await world();
      const res = await w.d.request({
        method: 'POST',
        url: '/k/v1/records.json',
        as: w.d.admin,
        payload: { app: w.app, records: Array.from({ length: 30 }, (_, i) => ({ title: { value: `R${i}` }, owner: { value: i % 2 ? [{ code: 'carol' }] : [] } })) },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((await inbox(w, w.alice, '?limit=100')).unread).toEqual({ toMe: '0', all: '30' });
      expect((await inbox(w, w.carol, '?limit=100')).unread).toEqual({ toMe: '15', all: '15' });
    });

    it('write nothing for an app without such settings', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await d.request({ method: 'POST', url: '/k/v1/records.json', as: d.admin, payload: { app, records: [{ title: { value: 'a' } }, { title: { value: 'b' } }] } });
      const rows = await h.services.db.selectFrom('notifications').select('id').where('domainId', '=', d.id).execute();
      expect(rows).toEqual([]);
    });
  });

  describe('comments', () => {
    it('notify the mentioned "To me", the record’s people, and earlier commenters in "All"', async () => {
      const w = await world();
      const id = await add(w, w.alice, { title: { value: 'Widget' }, owner: { value: [{ code: 'carol' }] } });
      await w.d.request({ method: 'POST', url: '/k/v1/record/comment.json', as: w.d.member, payload: { app: w.app, record: id, comment: { text: 'first' } } });
      const posted = await w.d.request({
        method: 'POST',
        url: '/k/v1/record/comment.json',
        as: w.bob,
        payload: { app: w.app, record: id, comment: { text: 'Please check.', mentions: [{ code: 'admin', type: 'USER' }] } },
      });
      expect(posted.statusCode, posted.body).toBe(200);
      const admin = await inbox(w, w.d.admin);
      expect(admin.notifications[0]).toMatchObject({ kind: 'mention', toMe: true, sender: { code: 'bob' }, comment: { id: '2', text: 'admin \nPlease check.' } });
      // The creator (alice) and the owner (carol) hear of both comments "to me"; member, who commented first, of the second in "All".
      const alice = await inbox(w, w.alice);
      expect(alice.notifications.filter((n) => n.kind === 'commentAdded').map((n) => [n.comment?.id, n.toMe])).toEqual([
        ['2', true],
        ['1', true],
      ]);
      expect((await inbox(w, w.carol)).notifications.filter((n) => n.kind === 'commentAdded')).toHaveLength(2);
      const member = await inbox(w, w.d.member);
      expect(member.notifications.map((n) => [n.kind, n.toMe, n.comment?.text])).toEqual([['commentAdded', false, 'admin \nPlease check.']]);
      // bob posted: nothing for bob.
      expect((await inbox(w, w.bob)).notifications.filter((n) => n.comment)).toEqual([]);
    });

    it('expand a mentioned group, and tell nothing to someone who mentions themselves', async () => {
      const w = await world([]);
      const id = await add(w, w.d.admin, { title: { value: 'Widget' } });
      await w.d.request({
        method: 'POST',
        url: '/k/v1/record/comment.json',
        as: w.alice,
        payload: { app: w.app, record: id, comment: { text: 'team', mentions: [{ code: 'sales', type: 'GROUP' }] } },
      });
      expect((await inbox(w, w.bob)).notifications.map((n) => [n.kind, n.toMe, n.comment?.text])).toEqual([['mention', true, 'Sales \nteam']]);
      expect((await inbox(w, w.alice)).notifications).toEqual([]);
    });

    it('follow notifyToCommenter', async () => {
      const w = await world([]);
      await w.d.request({ method: 'PUT', url: '/k/v1/preview/app/notifications/general.json', as: w.d.admin, payload: { app: w.app, notifyToCommenter: false } });
      await w.d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: w.d.admin, payload: { apps: [{ app: w.app }] } });
      const id = await add(w, w.d.admin, { title: { value: 'Widget' } });
      await w.d.request({ method: 'POST', url: '/k/v1/record/comment.json', as: w.alice, payload: { app: w.app, record: id, comment: { text: 'one' } } });
      await w.d.request({ method: 'POST', url: '/k/v1/record/comment.json', as: w.bob, payload: { app: w.app, record: id, comment: { text: 'two' } } });
      expect((await inbox(w, w.alice)).notifications).toEqual([]);
    });
  });

  describe('reading', () => {
    it('pages newest first, counts unread, and marks read by id or all at once', async () => {
      const w = await world();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await add(w, w.alice, { title: { value: `R${i}` } }));
      const page = await inbox(w, w.bob, '?offset=1&limit=2');
      expect(page.notifications.map((n) => n.record?.title)).toEqual(['R3', 'R2']);
      expect(page.unread).toEqual({ toMe: '0', all: '5' });
      const read = await w.d.request({ method: 'PUT', url: '/v1/notifications/read.json', as: w.bob, payload: { ids: page.notifications.map((n) => n.id) } });
      expect(read.statusCode, read.body).toBe(200);
      expect((await inbox(w, w.bob)).unread).toEqual({ toMe: '0', all: '3' });
      expect((await inbox(w, w.bob, '?unreadOnly=true')).notifications.map((n) => n.record?.title)).toEqual(['R4', 'R1', 'R0']);
      expect((await inbox(w, w.bob)).notifications.map((n) => n.read)).toEqual([false, true, true, false, false]);
      await w.d.request({ method: 'PUT', url: '/v1/notifications/read.json', as: w.bob, payload: { all: true } });
      expect((await inbox(w, w.bob)).unread).toEqual({ toMe: '0', all: '0' });
    });

    it('reaches only one’s own notifications', async () => {
      const w = await world();
      await add(w, w.carol, { title: { value: 'Widget' } });
      const alices = (await inbox(w, w.alice)).notifications.map((n) => n.id);
      // bob marking alice's notification read changes nothing for alice.
      await w.d.request({ method: 'PUT', url: '/v1/notifications/read.json', as: w.bob, payload: { ids: alices } });
      expect((await inbox(w, w.alice)).unread.all).toBe('1');
      const other = await newDomain(h);
      expect((await other.request({ method: 'GET', url: '/v1/notifications.json', as: other.admin })).json().notifications).toEqual([]);
    });

    it('asks for one of ids and all, and a signed-in user', async () => {
      const w = await world();
      const neither = await w.d.request({ method: 'PUT', url: '/v1/notifications/read.json', as: w.bob, payload: {} });
      expect(neither.statusCode).toBe(400);
      const both = await w.d.request({ method: 'PUT', url: '/v1/notifications/read.json', as: w.bob, payload: { ids: ['1'], all: true } });
      expect(both.statusCode).toBe(400);
      const anonymous = await w.d.request({ method: 'GET', url: '/v1/notifications.json' });
      expect(anonymous.statusCode).toBe(401);
      const bad = await w.d.request({ method: 'GET', url: '/v1/notifications.json?stream=mine&limit=101', as: w.bob });
      expect(Object.keys(bad.json().errors).sort()).toEqual(['limit', 'stream']);
    });

    it('keeps notifications 70 days', async () => {
      const w = await world();
      await add(w, w.alice, { title: { value: 'Old' } });
      h.clock.advance(69 * 86_400_000);
      await add(w, w.alice, { title: { value: 'New' } });
      expect((await inbox(w, w.bob)).notifications.map((n) => n.record?.title)).toEqual(['New', 'Old']);
      h.clock.advance(2 * 86_400_000);
      expect((await inbox(w, w.bob)).notifications.map((n) => n.record?.title)).toEqual(['New']);
      expect(await sweepNotifications(h.services)).toBeGreaterThanOrEqual(1);
      const rows = await h.services.db.selectFrom('notifications').select('id').where('domainId', '=', w.d.id).where('recipientId', '=', w.bob.id).execute();
      expect(rows).toHaveLength(1);
    });
  });
});
