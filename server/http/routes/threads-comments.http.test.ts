// Thread comments (space/thread/comment.json, comments.json, comment/like.json): posting with
// text, mentions, files and replies, kintone's limits, pages with older/newer, deleting, likes,
// and the files of comments — downloadable only by those who may read the thread, through its
// own path (G2), and gone with their comment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Persona } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type FileWorld, pngBytes, startFileApp, upload } from '../../../test/support/files.js';
import { type ThreadCalls, type ThreadWorld, guestCode, threadCalls, threadWorld } from '../../../test/support/thread-world.js';

const NOW = '2026-04-01T00:00:00Z';

eachDatabase((database) => {
  let fw: FileWorld;
  let h: Harness;
  beforeAll(async () => {
    fw = await startFileApp(database());
    h = fw.h;
  });
  afterAll(async () => fw.close());

  async function setup(): Promise<{ w: ThreadWorld; t: ThreadCalls }> {
    const w = await threadWorld(h);
    return { w, t: threadCalls(w) };
  }

  const codeOf = (res: { statusCode: number; json(): any }) => [res.statusCode, res.json().code];
  const ids = (res: { json(): any }) => res.json().comments.map((c: { id: string }) => c.id);

  async function uploaded(w: ThreadWorld, as: Persona, name = 'a.txt', type = 'text/plain', data: Buffer | string = 'hello'): Promise<string> {
    const res = await upload(w.d, as, { name, type, data });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().fileKey;
  }

  describe('posting and reading', () => {
    it('posts text, mentions and replies and answers them in the record-comments shape', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.member, 'Q');
      const first = await t.comment(w.member, 'Q', thread, { text: 'Hello\nteam', mentions: [{ code: 'CAROL', type: 'USER' }] });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({ id: expect.stringMatching(/^\d+$/) });
      h.clock.advance(5_000);
      const reply = await t.comment(w.carol, 'Q', thread, { text: 'Thanks' }, { parent: first.json().id });
      expect(reply.statusCode, reply.body).toBe(200);
      h.clock.advance(-5_000);

      const res = await t.comments(w.alice, 'Q', thread);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toStrictEqual({
        comments: [
          {
            id: reply.json().id,
            text: 'Thanks',
            creator: { code: 'carol', name: 'carol' },
            createdAt: '2026-04-01T00:00:05Z',
            mentions: [],
            files: [],
            parent: first.json().id,
            likeCount: '0',
            likedByMe: false,
          },
          {
            id: first.json().id,
            text: 'carol \nHello\nteam',
            creator: { code: 'member', name: 'member' },
            createdAt: NOW,
            mentions: [{ code: 'carol', type: 'USER' }],
            files: [],
            likeCount: '0',
            likedByMe: false,
          },
        ],
        older: false,
        newer: false,
      });
      expect((await t.getThread(w.carol, thread, '/k/v1')).json().commentCount).toBe('2');
    });

    it('pages newest first by default and oldest first on request', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.member, 'P');
      const posted: string[] = [];
      for (let i = 1; i <= 12; i++) posted.push((await t.comment(w.member, 'P', thread, { text: `c${i}` })).json().id);
      const page = async (params: string) => {
        const res = await t.comments(w.bob, 'P', thread, params);
        expect(res.statusCode, res.body).toBe(200);
        return { ids: ids(res), older: res.json().older, newer: res.json().newer };
      };
      const at = (...n: number[]) => n.map((i) => posted[i - 1]);
      expect(await page('')).toEqual({ ids: at(12, 11, 10, 9, 8, 7, 6, 5, 4, 3), older: true, newer: false });
      expect(await page('&offset=10')).toEqual({ ids: at(2, 1), older: false, newer: true });
      expect(await page('&order=asc&limit=3')).toEqual({ ids: at(1, 2, 3), older: false, newer: true });
      expect(await page('&order=asc&offset=5&limit=5')).toEqual({ ids: at(6, 7, 8, 9, 10), older: true, newer: true });
      expect(await page('&limit=0')).toEqual({ ids: [], older: true, newer: false });
      const bad = await t.comments(w.bob, 'P', thread, '&limit=11&order=newest');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual({ limit: { messages: ['The value must be 10 or less.'] }, order: { messages: ['must be one of the enum value'] } });
    });

    it('enforces kintone’s limits: 65,535 characters, 5 files, 10 mentions, text or files', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.member, 'Q');
      const errorsOf = async (comment: Record<string, unknown>) => {
        const res = await t.comment(w.member, 'Q', thread, comment);
        expect(codeOf(res)).toEqual([400, 'CB_VA01']);
        return res.json().errors;
      };
      expect(await errorsOf({ text: 'x'.repeat(65_536) })).toEqual({ 'comment.text': { messages: ['Enter less than 65536 characters.'] } });
      const six = Array.from({ length: 6 }, (_, i) => ({ fileKey: `k${i}` }));
      expect(await errorsOf({ text: 'hi', files: six })).toEqual({ 'comment.files': { messages: ['Specify 5 or fewer items.'] } });
      const eleven = Array.from({ length: 11 }, () => ({ code: 'carol', type: 'USER' }));
      expect(await errorsOf({ text: 'hi', mentions: eleven })).toEqual({ 'comment.mentions': { messages: ['Specify 10 or fewer items.'] } });
      expect(await errorsOf({})).toEqual({ 'comment.text': { messages: ['Required field.'] } });
      expect(await errorsOf({ text: '   ', files: [] })).toEqual({ 'comment.text': { messages: ['Required field.'] } });
      expect(await errorsOf({ text: 'hi', files: [{ fileKey: 'k', width: 99 }] })).toEqual({ 'comment.files[0].width': { messages: ['The value must be 100 or more.'] } });
      // 65,535 characters and 10 mentions are fine.
      const ten = Array.from({ length: 10 }, () => ({ code: 'carol', type: 'USER' }));
      expect((await t.comment(w.member, 'Q', thread, { text: 'x'.repeat(65_535), mentions: ten })).statusCode).toBe(200);
      expect((await t.comments(w.member, 'Q', thread)).json().comments).toHaveLength(1);
    });

    it('refuses a reply to a comment of another thread', async () => {
      const { w, t } = await setup();
      const one = await t.thread(w.member, 'Q');
      const two = await t.thread(w.member, 'Q');
      const c = (await t.comment(w.member, 'Q', one, { text: 'here' })).json().id;
      expect(codeOf(await t.comment(w.member, 'Q', two, { text: 'there' }, { parent: c }))).toEqual([400, 'GAIA_RE02']);
    });

    it('keeps comments of other spaces and threads out of reach (G2)', async () => {
      const { w, t } = await setup();
      const a = await t.thread(w.member, 'A');
      const b = await t.thread(w.gB, 'B');
      const q = await t.thread(w.member, 'Q');
      // B's thread named with A's space under A's prefix, B's space under A's prefix, a missing thread.
      expect(codeOf(await t.comment(w.gAB, 'A', b, { text: 'x' }))).toEqual([403, 'CB_NO02']);
      expect(codeOf(await t.comment(w.gAB, 'B', b, { text: 'x' }, {}, w.k('A')))).toEqual([403, 'CB_NO02']);
      expect(codeOf(await t.comment(w.gAB, 'A', 999_999, { text: 'x' }))).toEqual([403, 'CB_NO02']);
      expect(codeOf(await t.comments(w.gAB, 'A', b))).toEqual([403, 'CB_NO02']);
      expect((await t.comment(w.gAB, 'A', a, { text: 'mine' })).statusCode).toBe(200);
      // Outsiders of a private space: the space is not there; its thread in a public space's name is not either.
      const q1 = await t.comment(w.bob, 'Q', q, { text: 'x' });
      const none = await w.d.request({ method: 'POST', url: '/k/v1/space/thread/comment.json', as: w.bob, payload: { space: 999_999, thread: q, comment: { text: 'x' } } });
      expect(codeOf(q1)).toEqual(codeOf(none));
      expect(codeOf(q1)).toEqual([404, 'GAIA_SP01']);
      expect(codeOf(await t.comment(w.bob, 'P', q, { text: 'x' }))).toEqual([404, 'GAIA_TH01']);
      expect(codeOf(await t.comment(w.bob, 'P', 999_999, { text: 'x' }))).toEqual([404, 'GAIA_TH01']);
    });
  });

  describe('deleting and liking', () => {
    it('lets the author or a space administrator delete a comment, and nobody else', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.member, 'Q');
      const c1 = (await t.comment(w.carol, 'Q', thread, { text: 'one' })).json().id;
      const c2 = (await t.comment(w.carol, 'Q', thread, { text: 'two' })).json().id;
      const del = (as: Persona, comment: string | number) =>
        w.d.request({ method: 'DELETE', url: `/k/v1/space/thread/comment.json?space=${w.spaces.Q.id}&thread=${thread}&comment=${comment}`, as });
      expect(codeOf(await del(w.member, c1))).toEqual([403, 'CB_NO02']);
      expect((await del(w.carol, c1)).statusCode).toBe(200);
      expect(codeOf(await del(w.carol, c1))).toEqual([400, 'GAIA_RE02']);
      expect((await del(w.alice, c2)).statusCode).toBe(200);
      expect((await t.comments(w.member, 'Q', thread)).json().comments).toEqual([]);
      // A guest deletes its own comment, not a member's.
      const a = await t.thread(w.member, 'A');
      const mine = (await t.comment(w.gA, 'A', a, { text: 'guest' })).json().id;
      const theirs = (await t.comment(w.member, 'A', a, { text: 'member' })).json().id;
      const delA = (as: Persona, comment: string) =>
        w.d.request({ method: 'DELETE', url: `${w.k('A')}/space/thread/comment.json?space=${w.spaces.A.id}&thread=${a}&comment=${comment}`, as });
      expect(codeOf(await delA(w.gA, theirs))).toEqual([403, 'CB_NO02']);
      expect((await delA(w.gA, mine)).statusCode).toBe(200);
    });

    it('counts likes once per person and tells each reader whether they like it', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.member, 'Q');
      const c = (await t.comment(w.member, 'Q', thread, { text: 'like me' })).json().id;
      const like = (as: Persona, on: boolean) =>
        w.d.request({ method: 'PUT', url: '/k/v1/space/thread/comment/like.json', as, payload: { space: w.spaces.Q.id, thread, comment: c, like: on } });
      expect((await like(w.carol, true)).json()).toEqual({ likeCount: '1' });
      expect((await like(w.carol, true)).json()).toEqual({ likeCount: '1' });
      expect((await like(w.alice, true)).json()).toEqual({ likeCount: '2' });
      expect((await like(w.alice, false)).json()).toEqual({ likeCount: '1' });
      expect((await like(w.alice, false)).json()).toEqual({ likeCount: '1' });
      const [carolSees] = (await t.comments(w.carol, 'Q', thread)).json().comments;
      expect(carolSees).toMatchObject({ likeCount: '1', likedByMe: true });
      expect((await t.comments(w.alice, 'Q', thread)).json().comments[0].likedByMe).toBe(false);
      expect(codeOf(await like(w.bob, true))).toEqual([404, 'GAIA_SP01']);
    });
  });

  describe('files', () => {
    it('attaches the poster’s uploads, readable by whoever may read the thread and nobody else', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.member, 'Q');
      const text = await uploaded(w, w.member, 'notes.txt', 'text/plain', 'secret notes');
      const image = await uploaded(w, w.member, 'p.png', 'image/png', pngBytes(64));
      const res = await t.comment(w.member, 'Q', thread, { files: [{ fileKey: text, width: 300 }, { fileKey: image, width: '250' }] });
      expect(res.statusCode, res.body).toBe(200);
      const [c] = (await t.comments(w.carol, 'Q', thread)).json().comments;
      expect(c.text).toBe('');
      expect(c.files).toEqual([
        { fileKey: expect.stringMatching(/^\d{14}[0-9A-F]{35}$/), name: 'notes.txt', contentType: 'text/plain', size: '12' },
        { fileKey: expect.stringMatching(/^\d{14}[0-9A-F]{35}$/), name: 'p.png', contentType: 'image/png', size: '64', width: '250' },
      ]);
      const key = c.files[0].fileKey as string;
      const get = (as: Persona, k = '/k/v1') => w.d.request({ method: 'GET', url: `${k}/file.json?fileKey=${key}`, as });
      const ok = await get(w.carol);
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toBe('secret notes');
      const unknown = await w.d.request({ method: 'GET', url: `/k/v1/file.json?fileKey=20260401000000${'A'.repeat(35)}`, as: w.bob });
      for (const who of [w.bob, w.gA]) {
        const refused = await get(who);
        expect(codeOf(refused)).toEqual([404, 'GAIA_BL01']);
        expect(refused.json().message).toBe(unknown.json().message.replace(`20260401000000${'A'.repeat(35)}`, key));
      }
      // The upload key itself no longer works, and another's upload cannot be attached.
      expect(codeOf(await t.comment(w.member, 'Q', thread, { files: [{ fileKey: text }] }))).toEqual([404, 'GAIA_BL01']);
      const carols = await uploaded(w, w.carol);
      expect(codeOf(await t.comment(w.member, 'Q', thread, { text: 'x', files: [{ fileKey: carols }] }))).toEqual([404, 'GAIA_BL01']);
      // Deleting the comment deletes its files.
      const del = await w.d.request({ method: 'DELETE', url: `/k/v1/space/thread/comment.json?space=${w.spaces.Q.id}&thread=${thread}&comment=${res.json().id}`, as: w.member });
      expect(del.statusCode).toBe(200);
      expect(codeOf(await get(w.carol))).toEqual([404, 'GAIA_BL01']);
    });

    it('serves a guest space’s files only under its own prefix, to those in it (G2)', async () => {
      const { w, t } = await setup();
      const thread = await t.thread(w.member, 'A');
      const up = await upload(w.d, w.gA, { name: 'g.txt', type: 'text/plain', data: 'from guest', k: w.k('A') }, [], {});
      expect(up.statusCode, up.body).toBe(200);
      const posted = await t.comment(w.gA, 'A', thread, { text: 'see attached', files: [{ fileKey: up.json().fileKey }], mentions: [{ code: 'member', type: 'USER' }] });
      expect(posted.statusCode, posted.body).toBe(200);
      const key = (await t.comments(w.member, 'A', thread)).json().comments[0].files[0].fileKey as string;
      const get = (as: Persona, k: string) => w.d.request({ method: 'GET', url: `${k}/file.json?fileKey=${key}`, as });
      expect((await get(w.gAB, w.k('A'))).body).toBe('from guest');
      expect((await get(w.member, w.k('A'))).statusCode).toBe(200);
      expect(codeOf(await get(w.gAB, w.k('B')))).toEqual([404, 'GAIA_BL01']);
      expect(codeOf(await get(w.member, '/k/v1'))).toEqual([404, 'GAIA_BL01']);
      expect(codeOf(await get(w.gB, w.k('B')))).toEqual([404, 'GAIA_BL01']);
      expect(codeOf(await get(w.bob, '/k/v1'))).toEqual([404, 'GAIA_BL01']);
    });
  });

  it('lets a guest mention its space’s members and guests by their codes', async () => {
    const { w, t } = await setup();
    const thread = await t.thread(w.member, 'A');
    const res = await t.comment(w.gA, 'A', thread, { text: 'hi', mentions: [{ code: guestCode(w.gAB), type: 'USER' }, { code: 'alice', type: 'USER' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.comments(w.gAB, 'A', thread)).json().comments[0]).toMatchObject({
      text: 'gab alice \nhi',
      mentions: [
        { code: guestCode(w.gAB), type: 'USER' },
        { code: 'alice', type: 'USER' },
      ],
    });
  });
});
