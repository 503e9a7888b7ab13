// Thread notifications in the inbox (/v1/notifications.json): new threads, mentions ("To me"),
// comments in followed threads ("All"), likes; who may be mentioned (G9, G16: an outsider, a
// guest of elsewhere, a group a guest names — refused exactly like an unknown code, and nobody
// hears of it); and what a reader sees is decided when they read it: a guest taken out of the
// space, a user who left a private one, sees nothing of its notifications any more, in the
// inbox or by mail (G13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { setSpaceGuests } from '../../../test/support/guests.js';
import { type ThreadCalls, type ThreadWorld, guestCode, threadCalls, threadWorld } from '../../../test/support/thread-world.js';
import { notificationMail } from '../../domain/notifications/mail.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database(), { BASE_URL: 'https://engawa.example.jp' });
  });
  afterAll(async () => h.close());

  async function setup(): Promise<{ w: ThreadWorld; t: ThreadCalls }> {
    const w = await threadWorld(h);
    return { w, t: threadCalls(w) };
  }

  const kinds = (page: { notifications: Array<{ kind: string; toMe: boolean }> }) => page.notifications.map((n) => `${n.kind}:${n.toMe ? 'toMe' : 'all'}`);

  describe('who hears of what', () => {
    it('tells the mentioned “to me”, followers “all”, and never the one who acted', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.member, 'Q', { name: 'Budget' });
      const posted = await t.comment(w.carol, 'Q', thread, { text: 'Please check', mentions: [{ code: 'alice', type: 'USER' }] });
      expect(posted.statusCode, posted.body).toBe(200);

      const alice = await t.inbox(w.alice);
      expect(kinds(alice)).toEqual(['mention:toMe', 'threadCreated:all']);
      expect(alice.unread).toEqual({ toMe: '1', all: '2' });
      expect(alice.notifications[0]).toStrictEqual({
        id: expect.any(String),
        kind: 'mention',
        toMe: true,
        read: false,
        createdAt: '2026-04-01T00:00:00Z',
        sender: { code: 'carol', name: 'carol' },
        app: null,
        record: null,
        space: { id: String(w.spaces.Q.id), name: 'Private Q' },
        thread: { id: String(thread), name: 'Budget' },
        comment: { id: posted.json().id, text: 'alice \nPlease check' },
        summary: 'carol mentioned you in a comment: Private Q / Budget',
      });
      expect(alice.notifications[1].summary).toBe('member created a thread: Private Q / Budget');
      // The creator follows the thread: the comment reaches them as "all"; carol hears of nothing she did.
      expect(kinds(await t.inbox(w.member))).toEqual(['commentAdded:all']);
      expect(kinds(await t.inbox(w.carol))).toEqual(['threadCreated:all']);
      // bob is in no part of Q; the domain administrator is no member of it either.
      expect((await t.inbox(w.bob)).notifications).toEqual([]);
      expect((await t.inbox(w.admin)).notifications).toEqual([]);
    });

    it('tells every member and guest of the space “to me” of a thread created with notifyAll', async () => {
      const { w, t } = await setup();
      await t.thread(w.gA, 'A', { name: 'Kick-off', notifyAll: true });
      for (const who of [w.admin, w.alice, w.member, w.carol, w.gAB]) {
        const page = await t.inbox(who);
        expect(kinds(page)).toEqual(['threadCreated:toMe']);
        expect(page.notifications[0]).toMatchObject({ sender: { code: guestCode(w.gA), name: 'ga' }, thread: { name: 'Kick-off' } });
      }
      for (const who of [w.gA, w.gB, w.bob]) expect((await t.inbox(who)).notifications).toEqual([]);
      await t.thread(w.gA, 'A', { name: 'Quiet' });
      expect(kinds(await t.inbox(w.gAB))).toEqual(['threadCreated:all', 'threadCreated:toMe']);
    });

    it('tells the author of a liked comment, once', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.alice, 'P');
      const c = (await t.comment(w.member, 'P', thread, { text: 'Nice' })).json().id;
      const like = (on: boolean) =>
        w.d.request({ method: 'PUT', url: '/k/v1/space/thread/comment/like.json', as: w.bob, payload: { space: w.spaces.P.id, thread, comment: c, like: on } });
      await like(true);
      await like(false);
      await like(true);
      const page = await t.inbox(w.member);
      expect(kinds(page)).toEqual(['commentLiked:all', 'commentLiked:all', 'threadCreated:all']);
      expect(page.notifications[0]).toMatchObject({ sender: { code: 'bob' }, comment: { id: c, text: 'Nice' }, summary: 'bob liked your comment: Public P / ' + page.notifications[0].thread.name });
    });
  });

  describe('who may be mentioned', () => {
    it('refuses outsiders exactly like unknown codes, and tells nobody (G9, G16)', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.member, 'Q');
      const refusal = async (as: ThreadWorld['member'], space: 'Q' | 'A', th: number, code: string, type = 'USER') => {
        const res = await t.comment(as, space, th, { text: 'psst', mentions: [{ code: 'member', type: 'USER' }, { code, type }] });
        expect(res.statusCode, res.body).toBe(400);
        const { id: _id, ...body } = res.json();
        return body;
      };
      const unknown = await refusal(w.carol, 'Q', thread, 'no-such-user');
      expect(unknown).toEqual({
        code: 'CB_VA01',
        message: 'Missing or invalid input.',
        errors: { 'comment.mentions[1].code': { messages: ['The specified user, department or group is not found.'] } },
      });
      // bob (a user outside the private space), a guest of a guest space, the Everyone group (not a member of Q).
      expect(await refusal(w.carol, 'Q', thread, 'bob')).toEqual(unknown);
      expect(await refusal(w.carol, 'Q', thread, guestCode(w.gA))).toEqual(unknown);
      expect(await refusal(w.carol, 'Q', thread, 'everyone', 'GROUP')).toEqual(unknown);
      expect(await refusal(w.carol, 'Q', thread, 'no-such-group', 'GROUP')).toEqual(unknown);

      // A guest: users and guests of its own space only, never groups or departments.
      const a = await t.thread(w.member, 'A');
      expect(await refusal(w.gA, 'A', a, 'bob')).toEqual(unknown);
      expect(await refusal(w.gA, 'A', a, guestCode(w.gB))).toEqual(unknown);
      expect(await refusal(w.gA, 'A', a, 'everyone', 'GROUP')).toEqual(unknown);
      expect(await refusal(w.gA, 'A', a, 'no-such-department', 'ORGANIZATION')).toEqual(unknown);

      // Nothing was posted, nobody heard of anything.
      expect((await t.comments(w.member, 'Q', thread)).json().comments).toEqual([]);
      for (const who of [w.bob, w.gB, w.member]) expect((await t.inbox(who)).notifications).toEqual([]);
      expect(kinds(await t.inbox(w.gA))).toEqual(['threadCreated:all']);
      expect(kinds(await t.inbox(w.alice))).toEqual(['threadCreated:all', 'threadCreated:all']);
    });

    it('lets anyone in a public space be mentioned, groups included, but no guest', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.member, 'P');
      const res = await t.comment(w.member, 'P', thread, { text: 'all hands', mentions: [{ code: 'everyone', type: 'GROUP' }] });
      expect(res.statusCode, res.body).toBe(200);
      for (const who of [w.bob, w.carol, w.admin]) expect(kinds(await t.inbox(who))).toContain('mention:toMe');
      for (const who of [w.gA, w.gB]) expect((await t.inbox(who)).notifications).toEqual([]);
      expect((await t.comment(w.member, 'P', thread, { text: 'x', mentions: [{ code: guestCode(w.gA), type: 'USER' }] })).statusCode).toBe(400);
    });
  });

  describe('decided when read (G13)', () => {
    it('hides a removed guest’s old notifications, in the inbox and in mail', async () => {
      const { w, t } = await setup();
      const optIn = await w.d.request({ method: 'PUT', url: '/v1/me/notifications.json', as: w.gA, payload: { notifyByEmail: true } });
      expect(optIn.statusCode, optIn.body).toBe(200);
      const thread = await t.thread(w.member, 'A', { name: 'Contract' });
      await t.comment(w.member, 'A', thread, { text: 'Draft attached', mentions: [{ code: guestCode(w.gA), type: 'USER' }] });
      const before = await t.inbox(w.gA);
      expect(kinds(before)).toEqual(['mention:toMe', 'threadCreated:all']);
      const id = Number(before.notifications[0].id);
      const mail = await notificationMail(h.services, w.d.id, id);
      expect(mail?.content).toMatchObject({ appName: null, space: 'Guest space A', thread: 'Contract', comment: `ga \nDraft attached` });

      await setSpaceGuests(w.d, w.spaces.A.id, [w.gAB]);
      expect(await t.inbox(w.gA)).toEqual({ notifications: [], unread: { toMe: '0', all: '0' } });
      expect(await notificationMail(h.services, w.d.id, id)).toBeNull();
      // gAB, still in the space, still sees its own.
      expect(kinds(await t.inbox(w.gAB))).toEqual(['threadCreated:all']);
    });

    it('hides them from a user who left a private space, and from everyone once the thread is gone', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.member, 'Q');
      await t.comment(w.member, 'Q', thread, { text: 'hi', mentions: [{ code: 'carol', type: 'USER' }] });
      expect(kinds(await t.inbox(w.carol))).toEqual(['mention:toMe', 'threadCreated:all']);
      const members = [
        { entity: { type: 'USER', code: 'alice' }, isAdmin: true },
        { entity: { type: 'USER', code: 'member' }, isAdmin: false },
      ];
      const put = await w.d.request({ method: 'PUT', url: '/k/v1/space/members.json', as: w.alice, payload: { id: w.spaces.Q.id, members } });
      expect(put.statusCode, put.body).toBe(200);
      expect(await t.inbox(w.carol)).toEqual({ notifications: [], unread: { toMe: '0', all: '0' } });
      expect(kinds(await t.inbox(w.alice))).toEqual(['threadCreated:all']);
      expect((await t.deleteThread(w.member, thread, '/k/v1')).statusCode).toBe(200);
      expect((await t.inbox(w.alice)).notifications).toEqual([]);
    });
  });
});
