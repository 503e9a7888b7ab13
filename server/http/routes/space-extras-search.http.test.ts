// Search inside a space (space/search.json) over the world of test/support/guest-world.ts: a guest
// finds what its guest space holds and it may read — never another space's threads, comments or
// records, never a field hidden from it (probe G10), never markup in an excerpt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Persona } from '../../../test/support/app.js';
import { startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type GuestWorld, guestWorld } from '../../../test/support/guest-world.js';

type Hit = { type: string; space: string; thread?: string; comment?: string; app?: string; record?: string; title: string; excerpt: string };

eachDatabase((database) => {
  let h: Harness;
  let w: GuestWorld;
  let deals: number;
  const ids: Record<string, string> = {};

  const ok = <R extends { statusCode: number; body: string }>(res: R): R => {
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const gk = (space: number) => `/k/guest/${space}/v1`;

  beforeAll(async () => {
    h = await startApp(database());
    w = await guestWorld(h);
    const { A, B, P } = w.spaces;
    ok(await w.d.request({ method: 'PUT', url: `${gk(A)}/space/thread.json`, as: w.admin, payload: { id: w.threads.A, body: '<p>The <b>Kiwi</b> plan for <i>spring</i></p>' } }));
    const comment = async (as: Persona, k: string, space: number, thread: number, text: string) =>
      ok(await w.d.request({ method: 'POST', url: `${k}/space/thread/comment.json`, as, payload: { space, thread, comment: { text } } })).json().id as string;
    ids.commentA = await comment(w.guestA, gk(A), A, w.threads.A, 'kiwi crates arrive Monday <img src=x onerror=alert(1)>');
    await comment(w.guestA, gk(A), A, w.threads.A, 'nothing to see');
    await comment(w.guestB, gk(B), B, w.threads.B, 'kiwi from space B');
    await comment(w.member, '/k/v1', P, w.threads.P, 'kiwi in the public space');

    // An app of A with a field only the administrator may see.
    deals = await deployedApp(
      w.d,
      {
        title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
        secret: { type: 'SINGLE_LINE_TEXT', code: 'secret', label: 'Secret' },
        notes: { type: 'RICH_TEXT', code: 'notes', label: 'Notes' },
      },
      { name: 'Deals', guestSpace: A },
    );
    ok(
      await w.d.request({
        method: 'PUT',
        url: `${gk(A)}/field/acl.json`,
        as: w.admin,
        payload: { app: deals, rights: [{ code: 'secret', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'admin' } }, { accessibility: 'NONE', entity: { type: 'GROUP', code: 'everyone' } }] }] },
      }),
    );
    const add = async (k: string, app: number, record: Record<string, { value: string }>) =>
      ok(await w.d.request({ method: 'POST', url: `${k}/record.json`, as: w.admin, payload: { app, record } })).json().id as string;
    ids.hiddenOnly = await add(gk(A), deals, { title: { value: 'Deal one' }, secret: { value: 'kiwi secret price' } });
    ids.deal = await add(gk(A), deals, { title: { value: 'Big KIWI deal' }, secret: { value: 'kiwi margin' }, notes: { value: '<p>call <b>them</b></p>' } });
    ids.markup = await add(gk(A), deals, { title: { value: 'Markup only' }, notes: { value: '<p class="kiwi">plain</p>' } });
    ids.rich = await add(gk(A), deals, { title: { value: 'Rich' }, notes: { value: '<p>fresh <b>kiwi</b> &lt;script&gt;alert(1)&lt;/script&gt;</p>' } });
    ids.b1 = await add(gk(B), w.apps.B1, { title: { value: 'kiwi in B1' } });
    await add('/k/v1', w.apps.P1, { title: { value: 'kiwi in P1' } });
  });
  afterAll(async () => h.close());

  const search = (as: Persona, space: number, keyword: string, k = gk(space), extra = '') =>
    w.d.request({ method: 'GET', url: `${k}/space/search.json?id=${space}&keyword=${encodeURIComponent(keyword)}${extra}`, as });

  describe('space search', () => {
    it('gives a guest its guest space’s thread, comment and record hits, and nothing hidden or from elsewhere', async () => {
      const res = ok(await search(w.guestA, w.spaces.A, 'kiwi'));
      const hits = res.json().hits as Hit[];
      const A = String(w.spaces.A);
      expect(hits.every((hit) => hit.space === A)).toBe(true);
      expect(hits.filter((x) => x.type === 'THREAD')).toEqual([{ type: 'THREAD', space: A, thread: String(w.threads.A), title: 'Guest space A', excerpt: 'The Kiwi plan for spring' }]);
      expect(hits.filter((x) => x.type === 'COMMENT')).toEqual([
        { type: 'COMMENT', space: A, thread: String(w.threads.A), comment: ids.commentA, title: 'Guest space A', excerpt: 'kiwi crates arrive Monday' },
      ]);
      const records = hits.filter((x) => x.type === 'RECORD');
      expect(records.map((x) => [x.app, x.record])).toEqual([
        [String(deals), ids.rich],
        [String(deals), ids.deal],
      ]);
      expect(records.find((x) => x.record === ids.deal)).toMatchObject({ title: 'Big KIWI deal', excerpt: 'Big KIWI deal' });
      // Text that spelled out a tag is not passed on as one.
      expect(records.find((x) => x.record === ids.rich)!.excerpt).toBe('fresh kiwi alert(1)');
      expect(res.body).not.toContain('secret');
      expect(res.body).not.toContain('margin');
      expect(res.body).not.toContain('space B');
      expect(res.body).not.toMatch(/<[a-z/!?]/i);
      expect(res.json().hasMore).toBe(false);
    });

    it('shows the administrator the records found only through the field hidden from the guest', async () => {
      const hits = ok(await search(w.admin, w.spaces.A, 'kiwi')).json().hits as Hit[];
      const records = hits.filter((x) => x.type === 'RECORD').map((x) => x.record);
      expect(records).toEqual([ids.rich, ids.deal, ids.hiddenOnly]);
      expect(hits.find((x) => x.record === ids.hiddenOnly)!.excerpt).toBe('kiwi secret price');
      // Markup is not text: a class attribute naming the keyword finds nothing.
      expect(records).not.toContain(ids.markup);
    });

    it('finds app names, pages through hits and checks the keyword', async () => {
      const apps = ok(await search(w.member, w.spaces.A, 'dea', undefined)).json().hits as Hit[];
      expect(apps).toEqual([
        { type: 'APP', space: String(w.spaces.A), app: String(deals), title: 'Deals', excerpt: 'Deals' },
        expect.objectContaining({ type: 'RECORD', record: ids.deal }),
        expect.objectContaining({ type: 'RECORD', record: ids.hiddenOnly, title: 'Deal one' }),
      ]);
      const first = ok(await search(w.guestA, w.spaces.A, 'kiwi', undefined, '&limit=2')).json();
      expect(first.hits.map((x: Hit) => x.type)).toEqual(['THREAD', 'COMMENT']);
      expect(first.hasMore).toBe(true);
      const second = ok(await search(w.guestA, w.spaces.A, 'kiwi', undefined, '&limit=2&offset=2')).json();
      expect(second.hits.map((x: Hit) => x.type)).toEqual(['RECORD', 'RECORD']);
      expect(second.hasMore).toBe(false);

      for (const keyword of ['', ' ', 'x'.repeat(101)]) {
        const bad = await search(w.guestA, w.spaces.A, keyword);
        expect(bad.statusCode).toBe(400);
        expect(bad.json().errors).toHaveProperty(['keyword']);
      }
    });

    it('answers other spaces as kintone does: guest prefixes, private spaces, plain paths', async () => {
      const { A, B, P, Q } = w.spaces;
      // A guest of A asking about B, under either prefix, or about the public space.
      expect((await search(w.guestA, B, 'kiwi')).json().code).toBe('CB_NO02');
      expect((await search(w.guestA, B, 'kiwi', gk(A))).json().code).toBe('CB_NO02');
      expect((await search(w.guestA, P, 'kiwi', '/k/v1')).json().code).toBe('CB_NO02');
      // A guest of A and B gets each space's own hits under its own prefix only.
      const inB = ok(await search(w.guestAB, B, 'kiwi')).json().hits as Hit[];
      expect(inB.map((x) => x.type).sort()).toEqual(['COMMENT', 'RECORD']);
      expect(inB.every((x) => x.space === String(B))).toBe(true);
      expect((await search(w.guestAB, B, 'kiwi', gk(A))).json().code).toBe('CB_NO02');
      // A user outside the private space cannot tell it from a missing one; a member uses A's prefix.
      const q = await search(w.outsider, Q, 'kiwi', '/k/v1');
      const missing = await search(w.outsider, 999_999, 'kiwi', '/k/v1');
      expect([q.statusCode, q.json().code]).toEqual([missing.statusCode, missing.json().code]);
      expect((await search(w.member, A, 'kiwi', '/k/v1')).json().code).toBe('GAIA_IL23');
      // A visitor of the public space searches it.
      const visitor = ok(await search(w.outsider, P, 'kiwi', '/k/v1')).json().hits as Hit[];
      expect(visitor.map((x) => x.type)).toEqual(['COMMENT', 'RECORD']);
    });
  });
});
