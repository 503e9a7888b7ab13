// Live events (GET /api/events): who hears what. Every event is checked against the subscriber's
// rights when it happens, and a topic the subscriber cannot read behaves exactly like one that
// does not exist (G11). Streams are read over a real port, as a browser's EventSource would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../../common/api/events.js';
import { PASSWORD, type Persona, type TestDomain, newDomain } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { type BrowserSession, XHR, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest, setSpaceGuests } from '../../../test/support/guests.js';
import { type LiveHarness, type SseStream, openStream, startLiveApp } from '../../../test/support/live.js';
import { addSpace } from '../../../test/support/spaces.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
  kind: { type: 'DROP_DOWN', code: 'kind', label: 'Kind', options: { public: { label: 'public', index: '0' }, private: { label: 'private', index: '1' } } },
};

const isComment = (threadId: number) => (m: LiveMessage) => m.kind === 'thread.comment' && m.threadId === String(threadId);
const isRecord = (recordId: number) => (m: LiveMessage) => m.kind === 'record.changed' && m.recordId === String(recordId);

eachDatabase((database) => {
  let h: LiveHarness;
  beforeAll(async () => {
    h = await startLiveApp(database());
  });
  afterAll(async () => h.close());

  /**
   * admin (domain administrator), member and carol: members of guest space A; bob: in no space,
   * a visitor of public space P; gA: a guest of A; gB: a guest of guest space B.
   */
  async function world() {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    const bob = await d.addUser('bob');
    const A = await addSpace(d, d.admin, { name: 'A', isGuest: true, members: [d.member, carol] });
    const B = await addSpace(d, d.admin, { name: 'B', isGuest: true });
    const P = await addSpace(d, d.admin, { name: 'P', members: [d.member] });
    const gA = await addGuest(d, 'ga@partner.example');
    const gB = await addGuest(d, 'gb@other.example');
    await setSpaceGuests(d, A.id, [gA]);
    await setSpaceGuests(d, B.id, [gB]);
    return { d, carol, bob, gA, gB, A, B, P };
  }
  type World = Awaited<ReturnType<typeof world>>;

  async function signInGuest(d: TestDomain, g: Persona): Promise<BrowserSession> {
    const res = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: g.code, password: PASSWORD, guest: true } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === '__Host-engawa_sid')!;
    return { token: cookie.value, csrfToken: res.json().csrfToken, cookie: `${cookie.name}=${cookie.value}` };
  }

  async function watch(d: TestDomain, s: BrowserSession, query = ''): Promise<SseStream> {
    const stream = await openStream(h, d.host, { cookie: s.cookie, query });
    expect(stream.status, stream.raw()).toBe(200);
    await stream.next((m) => m.kind === 'ready');
    return stream;
  }

  /** Posts a comment in the space's default thread; answers its id. */
  async function comment(w: World, space: { id: number; defaultThread: number }, as: Persona, text: string, mentions: Array<{ code: string; type: 'USER' }> = []): Promise<string> {
    const prefix = space.id === w.P.id ? '/k/v1' : `/k/guest/${space.id}/v1`;
    const res = await w.d.request({ method: 'POST', url: `${prefix}/space/thread/comment.json`, as, payload: { space: space.id, thread: space.defaultThread, comment: { text, mentions } } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id;
  }

  describe('thread comments', () => {
    it('tells a member watching a thread of a new, liked and deleted comment — ids only, never the text', async () => {
      const w = await world();
      const stream = await watch(w.d, await signInBrowser(w.d, w.d.member), `thread=${w.A.defaultThread}`);
      expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers['cache-control']).toBe('no-store, no-transform');
      expect(stream.headers['x-content-type-options']).toBe('nosniff');

      const id = await comment(w, w.A, w.d.admin, 'the secret plan');
      const ids = { spaceId: String(w.A.id), threadId: String(w.A.defaultThread), commentId: id };
      expect(await stream.next(isComment(w.A.defaultThread))).toEqual({ kind: 'thread.comment', ...ids, action: 'added' });
      const base = `/k/guest/${w.A.id}/v1/space/thread/comment`;
      const payload = { space: w.A.id, thread: w.A.defaultThread, comment: Number(id) };
      expect((await w.d.request({ method: 'PUT', url: `${base}/like.json`, as: w.carol, payload: { ...payload, like: true } })).statusCode).toBe(200);
      expect(await stream.next((m) => m.kind === 'thread.comment' && m.action === 'edited')).toEqual({ kind: 'thread.comment', ...ids, action: 'edited' });
      const del = await w.d.request({ method: 'DELETE', url: `${base}.json?space=${w.A.id}&thread=${w.A.defaultThread}&comment=${id}`, as: w.d.admin });
      expect(del.statusCode, del.body).toBe(200);
      expect(await stream.next((m) => m.kind === 'thread.comment' && m.action === 'deleted')).toEqual({ kind: 'thread.comment', ...ids, action: 'deleted' });
      expect(stream.raw()).not.toContain('secret plan');
      stream.close();
    });

    it('gives a guest of another space nothing from that thread, exactly as for a thread that does not exist (G11)', async () => {
      const w = await world();
      const s = await signInGuest(w.d, w.gB);
      // Each stream also watches the guest's own thread, so that silence can be told from delay.
      const probe = await watch(w.d, s, `thread=${w.A.defaultThread}&thread=${w.B.defaultThread}`);
      const unknown = await watch(w.d, s, `thread=2147483000&thread=${w.B.defaultThread}`);
      const { date: _d1, ...probeHeaders } = probe.headers;
      const { date: _d2, ...unknownHeaders } = unknown.headers;
      expect(probeHeaders).toEqual(unknownHeaders);

      await comment(w, w.A, w.d.admin, 'only for A');
      await comment(w, w.B, w.d.admin, 'for B');
      await probe.next(isComment(w.B.defaultThread));
      await unknown.next(isComment(w.B.defaultThread));
      expect(probe.messages.map((m) => m.kind)).toEqual(['ready', 'thread.comment']);
      // Byte for byte alike, but for heartbeats, which come when they come.
      const frames = (s: SseStream) => s.raw().replace(/^: ping\n\n/gm, '');
      expect(frames(probe)).toBe(frames(unknown));
      probe.close();
      unknown.close();
    });

    it('keeps open the stream of a guest taken out of a space when it watched nothing there, and tells it nothing of the space', async () => {
      const w = await world();
      const other = await signInBrowser(w.d, w.d.member);
      const s = await signInGuest(w.d, w.gA);
      // Watching only notifications: this stream stays open when the guest leaves A.
      const quiet = await watch(w.d, s);
      const control = await watch(w.d, other, `thread=${w.A.defaultThread}`);
      await setSpaceGuests(w.d, w.A.id, []);
      const id = await comment(w, w.A, w.d.admin, 'after the guest left');
      await control.next((m) => m.kind === 'thread.comment' && m.commentId === id);
      expect(quiet.messages).toEqual([{ kind: 'ready' }]);
      expect(quiet.isClosed()).toBe(false);
      quiet.close();
      control.close();
    });
  });

  describe('records', () => {
    async function recordWorld() {
      const w = await world();
      const app = await deployedApp(w.d, FIELDS, { as: w.d.member });
      const add = await w.d.request({
        method: 'POST',
        url: '/k/v1/records.json',
        as: w.d.member,
        payload: { app, records: [{ title: { value: 'open' }, kind: { value: 'public' } }, { title: { value: 'mine' }, kind: { value: 'private' }, owner: { value: [{ code: 'member' }] } }] },
      });
      expect(add.statusCode, add.body).toBe(200);
      const [open, mine] = add.json().ids.map(Number) as [number, number];
      const acl = await w.d.request({
        method: 'PUT',
        url: '/k/v1/record/acl.json',
        as: w.d.member,
        payload: {
          app,
          rights: [
            { filterCond: 'kind in ("private")', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'owner' }, viewable: true, editable: true, deletable: true }] },
            { filterCond: '', entities: [{ entity: { type: 'GROUP', code: 'everyone' }, viewable: true, editable: true, deletable: true }] },
          ],
        },
      });
      expect(acl.statusCode, acl.body).toBe(200);
      const edit = (id: number, title: string) =>
        w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.d.member, payload: { app, id, record: { title: { value: title } } } });
      return { ...w, app, open, mine, edit };
    }

    it('tells a reader of a record that it changed and was deleted, and someone who may not read it nothing', async () => {
      const w = await recordWorld();
      const topics = `app=${w.app}&record=${w.app}:${w.mine}`;
      const reader = await watch(w.d, await signInBrowser(w.d, w.d.member), topics);
      const outsider = await watch(w.d, await signInBrowser(w.d, w.carol), topics);

      expect((await w.edit(w.mine, 'mine, edited')).statusCode).toBe(200);
      expect(await reader.next(isRecord(w.mine))).toEqual({ kind: 'record.changed', appId: String(w.app), recordId: String(w.mine), revision: '2' });
      const del = await w.d.request({ method: 'DELETE', url: `/k/v1/records.json?app=${w.app}&ids[0]=${w.mine}`, as: w.d.member });
      expect(del.statusCode, del.body).toBe(200);
      expect(await reader.next((m) => m.kind === 'record.changed' && m.revision === null)).toEqual({ kind: 'record.changed', appId: String(w.app), recordId: String(w.mine), revision: null });

      // The control: a record both may read.
      expect((await w.edit(w.open, 'open, edited')).statusCode).toBe(200);
      await outsider.next(isRecord(w.open));
      await reader.next(isRecord(w.open));
      expect(outsider.messages).toEqual([{ kind: 'ready' }, { kind: 'record.changed', appId: String(w.app), recordId: String(w.open), revision: '2' }]);
      reader.close();
      outsider.close();
    });

    it('tells a single-record watcher of that record only, and a record made private stops reaching those it hides from', async () => {
      const w = await recordWorld();
      const single = await watch(w.d, await signInBrowser(w.d, w.carol), `record=${w.app}:${w.open}`);
      const list = await watch(w.d, await signInBrowser(w.d, w.carol), `app=${w.app}`);
      expect((await w.edit(w.mine, 'not for carol')).statusCode).toBe(200);
      const hide = await w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.d.member, payload: { app: w.app, id: w.open, record: { kind: { value: 'private' }, owner: { value: [{ code: 'member' }] } } } });
      expect(hide.statusCode, hide.body).toBe(200);
      const added = await w.d.request({ method: 'POST', url: '/k/v1/record.json', as: w.d.member, payload: { app: w.app, record: { title: { value: 'new' } } } });
      const fresh = Number(added.json().id);
      expect(await list.next(isRecord(fresh))).toEqual({ kind: 'record.changed', appId: String(w.app), recordId: String(fresh), revision: '1' });
      expect(list.messages.filter((m) => m.kind === 'record.changed')).toHaveLength(1);
      // The single-record stream heard nothing: it was told the answer to the same events.
      await new Promise((r) => setTimeout(r, 100));
      expect(single.messages).toEqual([{ kind: 'ready' }]);
      single.close();
      list.close();
    });

    it('says nothing of a write that was rolled back', async () => {
      const w = await recordWorld();
      const stream = await watch(w.d, await signInBrowser(w.d, w.d.member), `app=${w.app}`);
      const bulk = await w.d.request({
        method: 'POST',
        url: '/k/v1/bulkRequest.json',
        as: w.d.member,
        payload: {
          requests: [
            { method: 'POST', api: '/k/v1/record.json', payload: { app: w.app, record: { title: { value: 'never kept' } } } },
            { method: 'PUT', api: '/k/v1/record.json', payload: { app: w.app, id: w.open, record: { title: { value: 'x' } } } },
            { method: 'PUT', api: '/k/v1/record.json', payload: { app: w.app, id: 999_999, record: { title: { value: 'no such record' } } } },
          ],
        },
      });
      expect(bulk.statusCode).toBe(404);
      const added = await w.d.request({ method: 'POST', url: '/k/v1/record.json', as: w.d.member, payload: { app: w.app, record: { title: { value: 'kept' } } } });
      const kept = Number(added.json().id);
      await stream.next(isRecord(kept));
      expect(stream.messages.filter((m) => m.kind === 'record.changed')).toEqual([{ kind: 'record.changed', appId: String(w.app), recordId: String(kept), revision: '1' }]);
      stream.close();
    });

    it('tells a list page to refetch when many records change at once', async () => {
      const w = await recordWorld();
      const stream = await watch(w.d, await signInBrowser(w.d, w.d.member), `app=${w.app}`);
      // Two hundred records in one transaction (records.json takes a hundred at a time).
      const records = Array.from({ length: 100 }, (_, i) => ({ title: { value: `r${i}` } }));
      const add = { method: 'POST', api: '/k/v1/records.json', payload: { app: w.app, records } };
      const bulk = await w.d.request({ method: 'POST', url: '/k/v1/bulkRequest.json', as: w.d.member, payload: { requests: [add, add] } });
      expect(bulk.statusCode, bulk.body).toBe(200);
      expect(await stream.next((m) => m.kind === 'record.changed')).toEqual({ kind: 'record.changed', appId: String(w.app) });
      stream.close();
    });
  });

  describe('notifications', () => {
    it('tells only the recipient, and nothing but that there is something new', async () => {
      const w = await world();
      const carol = await watch(w.d, await signInBrowser(w.d, w.carol));
      const bob = await watch(w.d, await signInBrowser(w.d, w.bob));
      // bob's stream is open too, but the notification is carol's.
      await comment(w, w.A, w.d.member, 'see this', [{ code: 'carol', type: 'USER' }]);
      expect(await carol.next((m) => m.kind === 'notification')).toEqual({ kind: 'notification' });
      await comment(w, w.P, w.d.member, 'and this', [{ code: 'bob', type: 'USER' }]);
      await bob.next((m) => m.kind === 'notification');
      expect(bob.messages).toEqual([{ kind: 'ready' }, { kind: 'notification' }]);
      expect(carol.raw()).not.toContain('see this');
      carol.close();
      bob.close();
    });
  });
});
