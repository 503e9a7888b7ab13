// Ours for the web app: access.json, people.json, member-candidates.json and the likers of a
// thread comment, over test/support/thread-world.ts (guest spaces A and B, private Q, public P,
// fixed F).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Persona } from '../../../test/support/app.js';
import { startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type ThreadCalls, type ThreadWorld, guestCode, threadCalls, threadWorld } from '../../../test/support/thread-world.js';

eachDatabase((database) => {
  let h: Harness;
  let w: ThreadWorld;
  let c: ThreadCalls;
  beforeAll(async () => {
    h = await startApp(database());
    w = await threadWorld(h);
    c = threadCalls(w);
  });
  afterAll(async () => h.close());

  const get = (as: Persona, url: string) => w.d.request({ method: 'GET', url, as });

  describe('GET /v1/space/access.json', () => {
    it('answers each role with what the space rules let it do', async () => {
      const admin = (await get(w.alice, `/v1/space/access.json?id=${w.spaces.Q.id}`)).json();
      expect(admin).toEqual({
        role: 'admin',
        may: { manage: true, join: false, leave: true, links: true, createApp: true, createThread: true, editAnyThread: true, comment: true, follow: true, favourite: true },
      });
      const member = (await get(w.member, `/v1/space/access.json?id=${w.spaces.Q.id}`)).json();
      expect(member.role).toBe('member');
      expect(member.may).toMatchObject({ manage: false, leave: true, createThread: true, editAnyThread: false });
      const visitor = (await get(w.bob, `/v1/space/access.json?id=${w.spaces.P.id}`)).json();
      expect(visitor.role).toBe('visitor');
      expect(visitor.may).toMatchObject({ manage: false, join: true, createThread: false, comment: true });
      const guest = (await get(w.gA, `/v1/space/access.json?id=${w.spaces.A.id}`)).json();
      expect(guest.role).toBe('guest');
      expect(guest.may).toMatchObject({ manage: false, join: false, leave: false, links: false, createThread: true, comment: true });
      // Fixed membership: nobody joins, leaves or follows on their own.
      const fixed = (await get(w.member, `/v1/space/access.json?id=${w.spaces.F.id}`)).json();
      expect(fixed.may).toMatchObject({ leave: false, follow: false });
    });

    it('answers spaces the caller cannot see as not found, guests with CB_NO02', async () => {
      const outsider = await get(w.bob, `/v1/space/access.json?id=${w.spaces.Q.id}`);
      expect(outsider.statusCode).toBe(404);
      expect(outsider.json().code).toBe('GAIA_SP01');
      const guest = await get(w.gA, `/v1/space/access.json?id=${w.spaces.B.id}`);
      expect(guest.statusCode).toBe(403);
      expect(guest.json().code).toBe('CB_NO02');
      expect((await get(w.gA, `/v1/space/access.json?id=${w.spaces.P.id}`)).statusCode).toBe(403);
    });
  });

  describe('GET /v1/space/people.json', () => {
    it('names the members and the guests of a guest space, for members and guests alike', async () => {
      for (const as of [w.member, w.gA]) {
        const res = await get(as, `/v1/space/people.json?id=${w.spaces.A.id}`);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json();
        expect(body.truncated).toBe(false);
        const users = body.members.filter((m: { type: string }) => m.type === 'USER').map((m: { code: string; isAdmin: boolean }) => [m.code, m.isAdmin]);
        expect(users).toEqual(expect.arrayContaining([[w.alice.code, true], [w.member.code, false], [w.carol.code, false]]));
        expect(body.members.every((m: { name: string }) => typeof m.name === 'string' && m.name.length > 0)).toBe(true);
        expect(body.guests.map((g: { code: string }) => g.code).sort()).toEqual([guestCode(w.gA), guestCode(w.gAB)].sort());
        expect(body.guests[0]).toEqual(expect.objectContaining({ email: expect.any(String), company: expect.any(String), valid: true }));
      }
    });

    it('keeps a space the caller cannot see out of reach', async () => {
      expect((await get(w.gB, `/v1/space/people.json?id=${w.spaces.A.id}`)).statusCode).toBe(403);
      expect((await get(w.bob, `/v1/space/people.json?id=${w.spaces.Q.id}`)).statusCode).toBe(404);
      const publicSpace = await get(w.bob, `/v1/space/people.json?id=${w.spaces.P.id}`);
      expect(publicSpace.statusCode).toBe(200);
      expect(publicSpace.json().guests).toEqual([]);
    });
  });

  describe('GET /v1/space/member-candidates.json', () => {
    it('finds users by part of their name or code for users, and nothing for guests', async () => {
      const res = await get(w.member, '/v1/space/member-candidates.json?kind=USER&keyword=CAR');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().entities).toEqual([expect.objectContaining({ type: 'USER', code: w.carol.code })]);
      const groups = await get(w.member, '/v1/space/member-candidates.json?kind=GROUP');
      expect(groups.statusCode).toBe(200);
      expect(Array.isArray(groups.json().entities)).toBe(true);
      // Guests are never offered as members, and guests may not search the directory.
      const noGuests = (await get(w.member, '/v1/space/member-candidates.json?kind=USER&keyword=partner')).json();
      expect(noGuests.entities).toEqual([]);
      expect((await get(w.gA, '/v1/space/member-candidates.json?kind=USER')).statusCode).toBe(403);
    });

    it('validates its input', async () => {
      const res = await get(w.member, '/v1/space/member-candidates.json?kind=GUEST');
      expect(res.statusCode).toBe(400);
    });
  });

  describe('GET /v1/space/thread/comment/likes.json', () => {
    it('lists who liked a comment to the thread readers, and no one else', async () => {
      const thread = await c.thread(w.alice, 'A');
      const posted = await c.comment(w.member, 'A', thread, { text: 'Like me' });
      expect(posted.statusCode, posted.body).toBe(200);
      const comment = Number(posted.json().id);
      const like = (as: Persona) =>
        w.d.request({ method: 'PUT', url: `${w.k('A')}/space/thread/comment/like.json`, as, payload: { space: w.spaces.A.id, thread, comment, like: true } });
      expect((await like(w.gA)).statusCode).toBe(200);
      expect((await like(w.carol)).statusCode).toBe(200);
      const url = `/v1/space/thread/comment/likes.json?space=${w.spaces.A.id}&thread=${thread}&comment=${comment}`;
      const res = await get(w.member, url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().likeCount).toBe('2');
      expect(res.json().users.map((u: { code: string }) => u.code).sort()).toEqual([guestCode(w.gA), w.carol.code].sort());
      expect((await get(w.gB, url)).statusCode).toBe(403);
      expect((await get(w.bob, url)).statusCode).toBe(404);
      const missing = await get(w.member, `/v1/space/thread/comment/likes.json?space=${w.spaces.A.id}&thread=${thread}&comment=999999`);
      expect(missing.json().code).toBe('GAIA_RE02');
    });
  });
});
