// The "Related apps & spaces" widget (space/links.json) and kintone's spaces/statistics.json, over
// the world of test/support/guest-world.ts (guest spaces A and B, public P, private Q).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../test/support/app.js';
import { startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type GuestWorld, guestWorld } from '../../../test/support/guest-world.js';

eachDatabase((database) => {
  let h: Harness;
  let w: GuestWorld;
  beforeAll(async () => {
    h = await startApp(database());
    w = await guestWorld(h);
  });
  afterAll(async () => h.close());

  const put = (as: GuestWorld['admin'], space: number, links: unknown[], guest = false) =>
    w.d.request({ method: 'PUT', url: `${guest ? `/k/guest/${space}` : '/k'}/v1/space/links.json`, as, payload: { id: space, links } });
  const get = (as: GuestWorld['admin'], space: number, guest = false) =>
    w.d.request({ method: 'GET', url: `${guest ? `/k/guest/${space}` : '/k'}/v1/space/links.json?id=${space}`, as });

  describe('related links', () => {
    it('shows each reader only the apps and spaces it can open', async () => {
      const { P, Q } = w.spaces;
      const links = [
        { type: 'APP', app: w.apps.P1 },
        { type: 'APP', app: w.apps.Q1 },
        { type: 'APP', app: w.apps.O1 },
        { type: 'SPACE', space: Q },
        { type: 'URL', url: 'https://example.com/manual', title: 'Manual' },
      ];
      const res = await put(w.spaceAdmin, P, links);
      expect(res.statusCode, res.body).toBe(200);
      expect((await get(w.member, P)).json().links).toEqual([
        { type: 'APP', app: String(w.apps.P1), name: 'P1' },
        { type: 'APP', app: String(w.apps.Q1), name: 'Q1' },
        { type: 'APP', app: String(w.apps.O1), name: 'O1' },
        { type: 'SPACE', space: String(Q), name: 'Private space Q' },
        { type: 'URL', url: 'https://example.com/manual', title: 'Manual' },
      ]);
      // A visitor of the public space: nothing of the private space Q, not even its name.
      const visitor = await get(w.outsider, P);
      expect(visitor.statusCode).toBe(200);
      expect(visitor.json().links).toEqual([
        { type: 'APP', app: String(w.apps.P1), name: 'P1' },
        { type: 'APP', app: String(w.apps.O1), name: 'O1' },
        { type: 'URL', url: 'https://example.com/manual', title: 'Manual' },
      ]);
      expect(visitor.body).not.toContain('Q1');
      // Visitors read links but do not change them; members do.
      expect((await put(w.outsider, P, [])).statusCode).toBe(403);
      expect((await put(w.member, P, [{ type: 'URL', url: 'http://intranet.example/' }])).statusCode).toBe(200);
      expect((await get(w.outsider, P)).json().links).toEqual([{ type: 'URL', url: 'http://intranet.example/', title: '' }]);
    });

    it('refuses what the writer cannot open, unsafe URLs, duplicates and more than 50 links', async () => {
      const { P } = w.spaces;
      // The outsider is a member of nothing: Q1 is as unknown to it as an app that does not exist.
      const own = await w.d.request({ method: 'POST', url: '/k/v1/space.json', as: w.outsider, payload: { name: 'Bob’s', members: [{ entity: { type: 'USER', code: w.outsider.code }, isAdmin: true }] } });
      const bobSpace = Number(own.json().id);
      const hidden = await put(w.outsider, bobSpace, [{ type: 'APP', app: w.apps.Q1 }]);
      const missing = await put(w.outsider, bobSpace, [{ type: 'APP', app: 999_999 }]);
      expect(hidden.statusCode).toBe(400);
      expect(hidden.json().errors).toEqual(missing.json().errors);
      expect(hidden.json().errors).toEqual({ 'links[0].app': { messages: ['The link target is not found, or it cannot be linked from this space.'] } });
      expect((await put(w.outsider, bobSpace, [{ type: 'SPACE', space: w.spaces.Q }])).json().errors).toHaveProperty(['links[0].space']);

      const script = await put(w.spaceAdmin, P, [{ type: 'URL', url: 'javascript:alert(1)', title: 'x' }]);
      expect(script.statusCode).toBe(400);
      expect(script.json().errors['links[0].url'].messages).toEqual(['Specify a URL that starts with http:// or https://.']);
      const twice = await put(w.spaceAdmin, P, [{ type: 'APP', app: w.apps.P1 }, { type: 'APP', app: w.apps.P1 }]);
      expect(twice.json().errors).toEqual({ 'links[1]': { messages: ['The value is duplicated in the request.'] } });
      const many = Array.from({ length: 51 }, (_, i) => ({ type: 'URL', url: `https://example.com/${i}` }));
      expect((await put(w.spaceAdmin, P, many)).json().errors).toHaveProperty(['links']);
    });

    it('lets a guest space link only to its own apps, and never lets guests change links', async () => {
      const { A, B } = w.spaces;
      const ok = await put(w.spaceAdmin, A, [{ type: 'APP', app: w.apps.A2 }], true);
      expect(ok.statusCode, ok.body).toBe(200);
      const answers = [];
      for (const link of [{ type: 'APP', app: w.apps.B1 }, { type: 'APP', app: w.apps.O1 }, { type: 'APP', app: 999_999 }]) {
        const res = await put(w.admin, A, [link], true);
        expect(res.statusCode).toBe(400);
        answers.push(res.json().errors);
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect((await put(w.admin, A, [{ type: 'SPACE', space: w.spaces.P }], true)).json().errors).toHaveProperty(['links[0].space']);

      expect((await get(w.guestA, A, true)).json().links).toEqual([{ type: 'APP', app: String(w.apps.A2), name: 'A2' }]);
      expect((await put(w.guestA, A, [], true)).json().code).toBe('CB_NO02');
      // Guest-path rules: plain path to a guest space, another guest space's prefix, another's guest.
      expect((await get(w.member, A)).json().code).toBe('GAIA_IL23');
      expect((await w.d.request({ method: 'GET', url: `/k/guest/${B}/v1/space/links.json?id=${A}`, as: w.guestAB })).json().code).toBe('CB_NO02');
      expect((await get(w.guestB, A, true)).json().code).toBe('CB_NO02');
      expect((await get(w.guestA, w.spaces.P)).json().code).toBe('CB_NO02');
    });
  });

  describe('spaces/statistics.json', () => {
    it('gives administrators every space, users their own and public ones, guests nothing', async () => {
      const all = await w.d.request({ method: 'GET', url: '/k/v1/spaces/statistics.json', as: w.admin });
      expect(all.statusCode, all.body).toBe(200);
      const byId = new Map((all.json().spaces as Array<{ id: string }>).map((s) => [Number(s.id), s]));
      for (const id of Object.values(w.spaces)) expect(byId.has(id)).toBe(true);
      expect(byId.get(w.spaces.A)).toMatchObject({
        name: 'Guest space A',
        isGuest: true,
        isPrivate: true,
        administratorCount: '2',
        // admin, alice, member, and three guests
        memberCount: '6',
        threadCount: '1',
        appCount: '2',
        creator: { code: 'admin', name: 'admin' },
        modifier: { code: expect.any(String) },
      });

      const outsider = await w.d.request({ method: 'GET', url: '/k/v1/spaces/statistics.json', as: w.outsider });
      const seen = (outsider.json().spaces as Array<{ id: string }>).map((s) => Number(s.id));
      expect(seen).toContain(w.spaces.P);
      for (const id of [w.spaces.A, w.spaces.B, w.spaces.Q]) expect(seen).not.toContain(id);

      const page = await w.d.request({ method: 'GET', url: '/k/v1/spaces/statistics.json?offset=1&limit=1', as: w.admin });
      expect(page.json().spaces).toHaveLength(1);
      expect(page.json().spaces[0].id).toBe((all.json().spaces as Array<{ id: string }>)[1]!.id);

      expect((await w.d.request({ method: 'GET', url: '/k/v1/spaces/statistics.json', as: w.guestA })).statusCode).toBe(403);
      expect((await w.d.request({ method: 'GET', url: `/k/guest/${w.spaces.A}/v1/spaces/statistics.json`, as: w.admin })).statusCode).toBe(404);
    });
  });
});
