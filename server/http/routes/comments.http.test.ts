// Record comments (record/comments.json, record/comment.json): numbering per record, pages in
// both orders with kintone's older/newer, mentions, who may take a comment back, and the
// record's privacy — a comment is reached only through a record its reader may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
  kind: { type: 'DROP_DOWN', code: 'kind', label: '公開', options: { public: { label: 'public', index: '0' }, private: { label: 'private', index: '1' } } },
};
const NOW = '2026-04-01T00:00:00Z';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  interface World {
    d: TestDomain;
    app: number;
    carol: Persona;
    /** Records 1 and 2 (public), 3 (private: only its owner, the member, sees it). */
    records: number[];
  }

  async function world(): Promise<World> {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    const app = await deployedApp(d, FIELDS, { as: d.member });
    const add = await d.request({
      method: 'POST',
      url: '/k/v1/records.json',
      as: d.member,
      payload: { app, records: ['public', 'public', 'private'].map((kind, i) => ({ title: { value: `記録${i + 1}` }, kind: { value: kind } })) },
    });
    expect(add.statusCode, add.body).toBe(200);
    return { d, app, carol, records: add.json().ids.map(Number) };
  }

  const list = (w: World, as: Persona, record: number, params = '') =>
    w.d.request({ method: 'GET', url: `/k/v1/record/comments.json?app=${w.app}&record=${record}${params}`, as });
  const post = (w: World, as: Persona, record: number, comment: Record<string, unknown>) =>
    w.d.request({ method: 'POST', url: '/k/v1/record/comment.json', as, payload: { app: w.app, record, comment } });
  const remove = (w: World, as: Persona, record: number, comment: number) =>
    w.d.request({ method: 'DELETE', url: `/k/v1/record/comment.json?app=${w.app}&record=${record}&comment=${comment}`, as });
  const ids = (res: { json(): any }) => res.json().comments.map((c: { id: string }) => c.id);

  async function postMany(w: World, record: number, n: number): Promise<void> {
    for (let i = 1; i <= n; i++) {
      const res = await post(w, w.d.member, record, { text: `c${i}` });
      expect(res.statusCode, res.body).toBe(200);
    }
  }

  /** Makes record 3 private to its owner: carol no longer sees it. */
  async function hideThird(w: World): Promise<void> {
    const acl = await w.d.request({
      method: 'PUT',
      url: '/k/v1/record/acl.json',
      as: w.d.member,
      payload: {
        app: w.app,
        rights: [
          { filterCond: 'kind in ("private")', entities: [{ entity: { type: 'USER', code: 'member' }, viewable: true, editable: true, deletable: true }] },
          { filterCond: '', entities: [{ entity: { type: 'GROUP', code: 'everyone' }, viewable: true, editable: true, deletable: true }] },
        ],
      },
    });
    expect(acl.statusCode, acl.body).toBe(200);
  }

  describe('posting and reading', () => {
    it('numbers comments per record and answers them in kintone’s shape', async () => {
      const w = await world();
      const first = await post(w, w.d.member, w.records[0]!, { text: '一行目\n二行目' });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({ id: '1' });
      h.clock.advance(65_500);
      expect((await post(w, w.carol, w.records[0]!, { text: 'second' })).json()).toEqual({ id: '2' });
      h.clock.advance(-65_500);
      expect((await post(w, w.carol, w.records[1]!, { text: 'elsewhere' })).json()).toEqual({ id: '1' });

      const res = await list(w, w.carol, w.records[0]!);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toStrictEqual({
        comments: [
          { id: '2', text: 'second', createdAt: '2026-04-01T00:01:05Z', creator: { code: 'carol', name: 'carol' }, mentions: [] },
          { id: '1', text: '一行目\n二行目', createdAt: NOW, creator: { code: 'member', name: 'member' }, mentions: [] },
        ],
        older: false,
        newer: false,
      });
    });

    it('pages newest first by default and oldest first on request, saying what lies on either side', async () => {
      const w = await world();
      const record = w.records[0]!;
      await postMany(w, record, 12);
      const page = async (params: string) => {
        const res = await list(w, w.carol, record, params);
        expect(res.statusCode, res.body).toBe(200);
        return { ids: ids(res), older: res.json().older, newer: res.json().newer };
      };
      expect(await page('')).toEqual({ ids: ['12', '11', '10', '9', '8', '7', '6', '5', '4', '3'], older: true, newer: false });
      expect(await page('&offset=10')).toEqual({ ids: ['2', '1'], older: false, newer: true });
      expect(await page('&order=asc&limit=3')).toEqual({ ids: ['1', '2', '3'], older: false, newer: true });
      expect(await page('&order=asc&offset=5&limit=5')).toEqual({ ids: ['6', '7', '8', '9', '10'], older: true, newer: true });
      expect(await page('&order=desc&offset=9&limit=3')).toEqual({ ids: ['3', '2', '1'], older: false, newer: true });
      expect(await page('&order=asc&offset=12')).toEqual({ ids: [], older: true, newer: false });
      expect(await page('&limit=0')).toEqual({ ids: [], older: true, newer: false });
      // A record without comments.
      expect((await list(w, w.carol, w.records[1]!)).json()).toEqual({ comments: [], older: false, newer: false });
    });

    it('never gives a number twice on a record, even after the newest comment is deleted', async () => {
      const w = await world();
      await postMany(w, w.records[0]!, 2);
      expect((await remove(w, w.d.member, w.records[0]!, 2)).statusCode).toBe(200);
      expect((await post(w, w.d.member, w.records[0]!, { text: 'again' })).json()).toEqual({ id: '3' });
      expect(ids(await list(w, w.d.member, w.records[0]!))).toEqual(['3', '1']);
    });

    it('refuses bad parameters with kintone’s errors keys', async () => {
      const w = await world();
      const r = w.records[0]!;
      const errorsOf = async (res: { statusCode: number; json(): any }) => {
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('CB_VA01');
        return res.json().errors;
      };
      expect(await errorsOf(await list(w, w.carol, r, '&order=newest'))).toEqual({ order: { messages: ['must be one of the enum value'] } });
      expect(await errorsOf(await list(w, w.carol, r, '&limit=11&offset=-1'))).toEqual({
        limit: { messages: ['The value must be 10 or less.'] },
        offset: { messages: ['The value must be 0 or more.'] },
      });
      expect(await errorsOf(await w.d.request({ method: 'GET', url: `/k/v1/record/comments.json?app=${w.app}`, as: w.carol }))).toEqual({ record: { messages: ['Required field.'] } });
      expect(await errorsOf(await post(w, w.carol, r, { text: '' }))).toEqual({ 'comment.text': { messages: ['Required field.'] } });
      expect(await errorsOf(await post(w, w.carol, r, { text: 'x'.repeat(65_536) }))).toEqual({ 'comment.text': { messages: ['Enter less than 65536 characters.'] } });
      expect(await errorsOf(await post(w, w.carol, r, { text: 'hi', mentions: [{ code: 'carol', type: 'ROBOT' }] }))).toEqual({
        'comment.mentions[0].type': { messages: ['must be one of the enum value'] },
      });
      const eleven = Array.from({ length: 11 }, () => ({ code: 'carol', type: 'USER' }));
      expect(await errorsOf(await post(w, w.carol, r, { text: 'hi', mentions: eleven }))).toEqual({ 'comment.mentions': { messages: ['Specify 10 or fewer items.'] } });
      expect(await errorsOf(await w.d.request({ method: 'POST', url: '/k/v1/record/comment.json', as: w.carol, payload: { app: w.app, record: r } }))).toEqual({
        comment: { messages: ['Required field.'] },
      });
      // The longest text kintone takes is kept whole.
      expect((await post(w, w.carol, r, { text: 'y'.repeat(65_535) })).json()).toEqual({ id: '1' });
      expect((await list(w, w.carol, r)).json().comments[0].text).toHaveLength(65_535);
    });
  });

  describe('mentions', () => {
    async function directory(w: World): Promise<void> {
      for (const [url, payload] of [
        ['/v1/groups.json', { groups: [{ code: 'Sales', name: '営業' }] }],
        ['/v1/organizations.json', { organizations: [{ code: 'east', name: '東' }] }],
      ] as const) {
        const res = await w.d.request({ method: 'POST', url, as: w.d.admin, payload });
        expect(res.statusCode, res.body).toBe(200);
      }
    }

    it('keeps each mention as the directory spells it and puts the names in front of the text', async () => {
      const w = await world();
      await directory(w);
      const mentions = [
        { code: 'CAROL', type: 'USER' },
        { code: 'sales', type: 'GROUP' },
        { code: 'east', type: 'ORGANIZATION' },
        { code: 'everyone', type: 'GROUP' },
      ];
      const res = await post(w, w.d.member, w.records[0]!, { text: 'ご確認ください。', mentions });
      expect(res.statusCode, res.body).toBe(200);
      const [comment] = (await list(w, w.carol, w.records[0]!)).json().comments;
      expect(comment.text).toBe('carol 営業 東 Everyone \nご確認ください。');
      expect(comment.mentions).toEqual([
        { code: 'carol', type: 'USER' },
        { code: 'Sales', type: 'GROUP' },
        { code: 'east', type: 'ORGANIZATION' },
        { code: 'everyone', type: 'GROUP' },
      ]);
      // Names are today's: a renamed group shows its new name.
      const renamed = await w.d.request({ method: 'PUT', url: '/v1/groups.json', as: w.d.admin, payload: { groups: [{ code: 'Sales', name: '営業部' }] } });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect((await list(w, w.carol, w.records[0]!)).json().comments[0].text).toBe('carol 営業部 東 Everyone \nご確認ください。');
    });

    it('refuses users, groups and departments that do not exist, naming each, and stores nothing', async () => {
      const w = await world();
      await directory(w);
      const res = await post(w, w.d.member, w.records[0]!, {
        text: 'hello',
        mentions: [
          { code: 'carol', type: 'USER' },
          { code: 'nobody', type: 'USER' },
          { code: 'east', type: 'GROUP' },
          { code: 'Sales', type: 'ORGANIZATION' },
        ],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('CB_VA01');
      const notFound = { messages: ['The specified user, department or group is not found.'] };
      expect(res.json().errors).toEqual({ 'comment.mentions[1].code': notFound, 'comment.mentions[2].code': notFound, 'comment.mentions[3].code': notFound });
      expect((await list(w, w.d.member, w.records[0]!)).json().comments).toEqual([]);
      // The failed post took no number.
      expect((await post(w, w.d.member, w.records[0]!, { text: 'ok' })).json()).toEqual({ id: '1' });
    });
  });

  describe('deleting', () => {
    it('lets only the author take a comment back; a missing one answers GAIA_RE02', async () => {
      const w = await world();
      const r = w.records[0]!;
      await postMany(w, r, 2);
      for (const who of [w.carol, w.d.admin]) {
        const res = await remove(w, who, r, 1);
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('CB_NO02');
      }
      const done = await remove(w, w.d.member, r, 1);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toEqual({});
      expect(ids(await list(w, w.carol, r))).toEqual(['2']);
      for (const [who, id] of [[w.d.member, 1], [w.d.member, 99], [w.carol, 1], [w.d.member, 9_007_199_254_740_991]] as const) {
        const res = await remove(w, who, r, id);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'GAIA_RE02', message: 'The specified comment does not exist. The comment may have been deleted.' });
      }
      // Comment 2 exists on record 1 only.
      expect((await remove(w, w.d.member, w.records[1]!, 2)).json().code).toBe('GAIA_RE02');
    });

    it('deletes a record’s comments with the record', async () => {
      const w = await world();
      const r = w.records[0]!;
      await postMany(w, r, 3);
      await postMany(w, w.records[1]!, 1);
      const del = await w.d.request({ method: 'DELETE', url: `/k/v1/records.json?app=${w.app}&ids[0]=${r}`, as: w.d.member });
      expect(del.statusCode, del.body).toBe(200);
      const rows = async (table: 'recordComments' | 'recordCommentCounters') =>
        (await h.services.db.selectFrom(table).select('recordId').where('domainId', '=', w.d.id).where('appId', '=', w.app).execute()).map((x) => Number(x.recordId));
      expect(await rows('recordComments')).toEqual([w.records[1]]);
      expect(await rows('recordCommentCounters')).toEqual([w.records[1]]);
      expect((await list(w, w.d.member, r)).json().code).toBe('GAIA_RE01');
      expect(ids(await list(w, w.d.member, w.records[1]!))).toEqual(['1']);
    });
  });

  describe('who may', () => {
    it('answers a record outside the caller’s scope exactly as a missing one, on every verb (probe R8)', async () => {
      const w = await world();
      const hidden = w.records[2]!;
      await postMany(w, hidden, 2);
      await hideThird(w);
      expect(ids(await list(w, w.d.member, hidden))).toEqual(['2', '1']);

      const same = (a: { json(): any }, b: { json(): any }, ida: number, idb: number) =>
        expect({ ...a.json(), id: '', message: a.json().message.replace(String(ida), '#') }).toEqual({ ...b.json(), id: '', message: b.json().message.replace(String(idb), '#') });
      const calls = [
        (record: number) => list(w, w.carol, record),
        (record: number) => post(w, w.carol, record, { text: 'peek' }),
        (record: number) => remove(w, w.carol, record, 1),
      ];
      for (const call of calls) {
        const outside = await call(hidden);
        const missing = await call(999);
        expect(outside.statusCode).toBe(404);
        expect(outside.json().code).toBe('GAIA_RE01');
        same(outside, missing, hidden, 999);
      }
      // Nothing carol sent reached the record.
      expect(ids(await list(w, w.d.member, hidden))).toEqual(['2', '1']);
    });

    it('keeps comments but refuses them while the app has them switched off', async () => {
      const w = await world();
      const r = w.records[0]!;
      await postMany(w, r, 1);
      const toggle = async (enableComments: boolean) => {
        const put = await w.d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: w.d.member, payload: { app: w.app, enableComments } });
        expect(put.statusCode, put.body).toBe(200);
        const deploy = await w.d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: w.d.member, payload: { apps: [{ app: w.app }] } });
        expect(deploy.statusCode, deploy.body).toBe(200);
      };
      await toggle(false);
      for (const res of [await list(w, w.carol, r), await post(w, w.carol, r, { text: 'x' }), await remove(w, w.d.member, r, 1), await list(w, w.carol, 999)]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('CB_NO02');
      }
      await toggle(true);
      expect(ids(await list(w, w.carol, r))).toEqual(['1']);
    });

    it('follows the app permissions: no trace for someone who cannot see the app, CB_NO02 without the view right', async () => {
      const w = await world();
      const r = w.records[0]!;
      await postMany(w, r, 1);
      const acl = await w.d.request({
        method: 'PUT',
        url: '/k/v1/app/acl.json',
        as: w.d.member,
        payload: { app: w.app, rights: [{ entity: { type: 'CREATOR', code: null }, appEditable: true, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true }] },
      });
      expect(acl.statusCode, acl.body).toBe(200);
      for (const res of [await list(w, w.carol, r), await post(w, w.carol, r, { text: 'x' }), await remove(w, w.carol, r, 1)]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('GAIA_AP01');
      }
      // The administrator manages the app but has no row giving the view right.
      for (const res of [await list(w, w.d.admin, r), await post(w, w.d.admin, r, { text: 'x' })]) {
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('CB_NO02');
      }
      expect(ids(await list(w, w.d.member, r))).toEqual(['1']);
    });
  });
});
