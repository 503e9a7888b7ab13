// Threads (space/thread.json, space/threads.json, space/thread/follow.json): creating, reading,
// editing and deleting, who may do each — creators their own, space administrators any, guests
// their own and never another's (G15) —, single-thread spaces, following, and privacy: a thread
// out of reach answers exactly like one that does not exist, and a guest prefix only ever
// reaches its own space's threads (G2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type ThreadCalls, type ThreadWorld, threadCalls, threadWorld } from '../../../test/support/thread-world.js';

const NOW = '2026-04-01T00:00:00Z';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function setup(): Promise<{ w: ThreadWorld; t: ThreadCalls }> {
    const w = await threadWorld(h);
    return { w, t: threadCalls(w) };
  }

  const codeOf = (res: { statusCode: number; json(): any }) => [res.statusCode, res.json().code];

  describe('creating and reading', () => {
    it('creates a thread with a sanitised body, followed by its creator, and reads it back', async () => {
      const { w, t } = await setup();
      const res = await t.createThread(w.member, 'Q', { name: ' Plans ', body: '<b>Hi</b><script>alert(1)</script><img src=x onerror=alert(1)>' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ id: expect.stringMatching(/^\d+$/) });
      const id = Number(res.json().id);

      const got = await t.getThread(w.carol, id, '/k/v1');
      expect(got.statusCode, got.body).toBe(200);
      expect(got.json()).toStrictEqual({
        id: String(id),
        space: String(w.spaces.Q.id),
        name: 'Plans',
        body: '<b>Hi</b><img src="x" />',
        isDefault: false,
        creator: { code: 'member', name: 'member' },
        createdAt: NOW,
        modifier: { code: 'member', name: 'member' },
        modifiedAt: NOW,
        following: false,
        commentCount: '0',
      });
      expect((await t.getThread(w.member, id, '/k/v1')).json().following).toBe(true);
    });

    it('lists a space’s threads newest first, a page at a time, with the default thread marked', async () => {
      const { w, t } = await setup();
      const ids = [await t.thread(w.member, 'P', { name: 'one' }), await t.thread(w.alice, 'P', { name: 'two' })];
      const list = async (params: string) => {
        const res = await w.d.request({ method: 'GET', url: `/k/v1/space/threads.json?space=${w.spaces.P.id}${params}`, as: w.bob });
        expect(res.statusCode, res.body).toBe(200);
        return res.json();
      };
      const all = await list('');
      expect(all.totalCount).toBe('3');
      expect(all.threads.map((x: { id: string }) => Number(x.id))).toEqual([ids[1], ids[0], w.spaces.P.defaultThread]);
      expect(all.threads.map((x: { isDefault: boolean }) => x.isDefault)).toEqual([false, false, true]);
      const page = await list('&offset=1&limit=1');
      expect(page.threads.map((x: { name: string }) => x.name)).toEqual(['one']);
      expect(page.totalCount).toBe('3');
      const bad = await w.d.request({ method: 'GET', url: `/k/v1/space/threads.json?space=${w.spaces.P.id}&limit=101`, as: w.bob });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual({ limit: { messages: ['The value must be 100 or less.'] } });
    });

    it('refuses names and bodies out of bounds', async () => {
      const { w, t } = await setup();
      const long = await t.createThread(w.member, 'Q', { name: 'x'.repeat(129), body: 'y'.repeat(65_536) });
      expect(long.statusCode).toBe(400);
      expect(long.json().errors).toEqual({ name: { messages: ['Enter less than 129 characters.'] }, body: { messages: ['Enter less than 65536 characters.'] } });
      const empty = await t.createThread(w.member, 'Q', { name: '  ' });
      expect(empty.json().errors).toEqual({ name: { messages: ['Required field.'] } });
    });

    it('keeps a single-thread space to its one thread: no new thread, no name, no deleting it', async () => {
      const { w, t } = await setup();
      const refused = await t.createThread(w.alice, 'S');
      expect(codeOf(refused)).toEqual([400, 'CB_VA01']);
      expect(refused.json().errors).toEqual({ space: { messages: ['This space has a single thread. Turn on multiple threads in the space settings first.'] } });
      const thread = w.spaces.S.defaultThread;
      const named = await t.updateThread(w.alice, { id: thread, name: 'Renamed' }, '/k/v1');
      expect(codeOf(named)).toEqual([400, 'CB_VA01']);
      expect(named.json().errors).toHaveProperty('name');
      const body = await t.updateThread(w.alice, { id: thread, body: '<p>Announcement</p>' }, '/k/v1');
      expect(body.statusCode, body.body).toBe(200);
      expect((await t.getThread(w.member, thread, '/k/v1')).json()).toMatchObject({ body: '<p>Announcement</p>', name: '', isDefault: true, modifier: { code: 'alice' } });
      const gone = await t.deleteThread(w.alice, thread, '/k/v1');
      expect(codeOf(gone)).toEqual([400, 'CB_VA01']);
      expect(gone.json().errors).toEqual({ id: { messages: ['The first thread of a space cannot be deleted.'] } });
      // The default thread of a multi-thread space stays too.
      expect(codeOf(await t.deleteThread(w.admin, w.spaces.P.defaultThread, '/k/v1'))).toEqual([400, 'CB_VA01']);
    });

    it('lets visitors of a public space read threads but not start them', async () => {
      const { w, t } = await setup();
      const id = await t.thread(w.member, 'P');
      expect((await t.getThread(w.bob, id, '/k/v1')).statusCode).toBe(200);
      expect(codeOf(await t.createThread(w.bob, 'P'))).toEqual([403, 'CB_NO02']);
    });
  });

  describe('editing and deleting', () => {
    it('lets the creator and space administrators edit and delete, and nobody else', async () => {
      const { w, t } = await setup();
      const id = await t.thread(w.member, 'Q', { name: 'mine' });
      expect((await t.updateThread(w.member, { id, name: 'still mine', body: '<i>x</i>' }, '/k/v1')).statusCode).toBe(200);
      expect(codeOf(await t.updateThread(w.carol, { id, name: 'taken' }, '/k/v1'))).toEqual([403, 'CB_NO02']);
      expect(codeOf(await t.deleteThread(w.carol, id, '/k/v1'))).toEqual([403, 'CB_NO02']);
      h.clock.advance(60_000);
      expect((await t.updateThread(w.alice, { id, name: 'moderated' }, '/k/v1')).statusCode).toBe(200);
      expect((await t.getThread(w.carol, id, '/k/v1')).json()).toMatchObject({
        name: 'moderated',
        body: '<i>x</i>',
        creator: { code: 'member' },
        modifier: { code: 'alice' },
        modifiedAt: '2026-04-01T00:01:00Z',
      });
      h.clock.advance(-60_000);
      expect((await t.deleteThread(w.alice, id, '/k/v1')).statusCode).toBe(200);
      expect(codeOf(await t.getThread(w.member, id, '/k/v1'))).toEqual([404, 'GAIA_TH01']);
      const own = await t.thread(w.carol, 'Q');
      expect((await t.deleteThread(w.carol, own, '/k/v1')).statusCode).toBe(200);
    });

    it('lets a guest create, edit and delete its own threads but not touch others’ (G15)', async () => {
      const { w, t } = await setup();
      const k = w.k('A');
      const mine = await t.thread(w.gA, 'A', { name: 'from the partner' });
      const theirs = await t.thread(w.member, 'A', { name: 'internal' });
      expect((await t.updateThread(w.gA, { id: mine, name: 'renamed', body: 'b' }, k)).statusCode).toBe(200);
      expect(codeOf(await t.updateThread(w.gA, { id: theirs, name: 'hijacked' }, k))).toEqual([403, 'CB_NO02']);
      expect(codeOf(await t.deleteThread(w.gA, theirs, k))).toEqual([403, 'CB_NO02']);
      expect(codeOf(await t.updateThread(w.gAB, { id: mine, body: 'x' }, k))).toEqual([403, 'CB_NO02']);
      expect(codeOf(await t.deleteThread(w.gA, w.spaces.A.defaultThread, k))).toEqual([403, 'CB_NO02']);
      expect((await t.getThread(w.gA, theirs, k)).json().name).toBe('internal');
      expect((await t.deleteThread(w.gA, mine, k)).statusCode).toBe(200);
      // The space administrator may remove a guest's thread.
      const another = await t.thread(w.gAB, 'A');
      expect((await t.deleteThread(w.alice, another, k)).statusCode).toBe(200);
    });
  });

  describe('privacy', () => {
    it('answers a thread of a private space to outsiders exactly like a thread that does not exist', async () => {
      const { w, t } = await setup();
      const id = await t.thread(w.member, 'Q');
      const missing = 999_999;
      const calls = (tid: number) => [
        t.getThread(w.bob, tid, '/k/v1'),
        t.updateThread(w.bob, { id: tid, name: 'x' }, '/k/v1'),
        t.deleteThread(w.bob, tid, '/k/v1'),
        w.d.request({ method: 'PUT', url: '/k/v1/space/thread/follow.json', as: w.bob, payload: { id: tid, follow: true } }),
      ];
      const real = await Promise.all(calls(id));
      const none = await Promise.all(calls(missing));
      for (const [i, res] of real.entries()) {
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('GAIA_TH01');
        expect(res.json().message).toBe(none[i]!.json().message.replace(String(missing), String(id)));
      }
      const list = await w.d.request({ method: 'GET', url: `/k/v1/space/threads.json?space=${w.spaces.Q.id}`, as: w.bob });
      const noList = await w.d.request({ method: 'GET', url: '/k/v1/space/threads.json?space=999999', as: w.bob });
      expect([list.statusCode, list.json().code]).toEqual([noList.statusCode, noList.json().code]);
      expect(list.statusCode).toBe(404);
      expect(codeOf(await t.createThread(w.bob, 'Q'))).toEqual([404, list.json().code]);
    });

    it('reaches a guest space’s threads only under its own prefix (G2)', async () => {
      const { w, t } = await setup();
      const a = await t.thread(w.member, 'A');
      const b = await t.thread(w.gB, 'B');
      const kA = w.k('A');
      // gAB belongs to both spaces, yet B's thread under A's prefix is no thread at all.
      for (const id of [b, 999_999]) {
        expect(codeOf(await t.getThread(w.gAB, id, kA))).toEqual([403, 'CB_NO02']);
        expect(codeOf(await t.updateThread(w.gAB, { id, body: 'x' }, kA))).toEqual([403, 'CB_NO02']);
        expect(codeOf(await t.deleteThread(w.gAB, id, kA))).toEqual([403, 'CB_NO02']);
      }
      expect((await t.getThread(w.gAB, b, w.k('B'))).statusCode).toBe(200);
      // A guest of A only, under B's prefix: the gate refuses before anything is looked at.
      expect(codeOf(await t.getThread(w.gA, b, w.k('B')))).toEqual([403, 'CB_NO02']);
      // A thread created under another space's prefix.
      expect(codeOf(await t.createThread(w.gAB, 'B', {}, kA))).toEqual([403, 'CB_NO02']);
      // The plain path: to those who belong, "use the guest path"; to others, nothing.
      expect(codeOf(await t.getThread(w.member, a, '/k/v1'))).toEqual([400, 'GAIA_IL23']);
      expect(codeOf(await t.getThread(w.gA, a, '/k/v1'))).toEqual([400, 'GAIA_IL23']);
      expect(codeOf(await t.getThread(w.bob, a, '/k/v1'))).toEqual([404, 'GAIA_TH01']);
      expect(codeOf(await t.getThread(w.gB, a, '/k/v1'))).toEqual([403, 'CB_NO02']);
      // A guest never reaches a regular space's thread.
      const q = await t.thread(w.member, 'Q');
      expect(codeOf(await t.getThread(w.gA, q, '/k/v1'))).toEqual([403, 'CB_NO02']);
      expect(codeOf(await t.getThread(w.gA, q, kA))).toEqual([403, 'CB_NO02']);
    });
  });

  describe('following', () => {
    const follow = (w: ThreadWorld, as: ThreadWorld['member'], id: number, on: boolean, k = '/k/v1') =>
      w.d.request({ method: 'PUT', url: `${k}/space/thread/follow.json`, as, payload: { id, follow: on } });

    it('follows and unfollows, and says so when the thread is read', async () => {
      const { w, t } = await setup();
      const id = await t.thread(w.member, 'Q');
      expect((await follow(w, w.carol, id, true)).statusCode).toBe(200);
      expect((await follow(w, w.carol, id, true)).statusCode).toBe(200);
      expect((await t.getThread(w.carol, id, '/k/v1')).json().following).toBe(true);
      expect((await follow(w, w.member, id, false)).statusCode).toBe(200);
      expect((await t.getThread(w.member, id, '/k/v1')).json().following).toBe(false);
      const mine = await t.thread(w.gA, 'A');
      expect((await follow(w, w.gA, mine, false, w.k('A'))).json()).toEqual({});
      expect((await t.getThread(w.gA, mine, w.k('A'))).json().following).toBe(false);
    });

    it('refuses following and unfollowing while the space’s membership is fixed', async () => {
      const { w, t } = await setup();
      const id = await t.thread(w.member, 'F');
      expect(codeOf(await follow(w, w.member, id, false))).toEqual([403, 'CB_NO02']);
      expect(codeOf(await follow(w, w.alice, id, true))).toEqual([403, 'CB_NO02']);
      expect((await t.getThread(w.member, id, '/k/v1')).json().following).toBe(true);
    });
  });
});
