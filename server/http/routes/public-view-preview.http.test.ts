// A manager's preview: a draft shown as its visitors would see it — published or not, saved or
// not — through the visitors' own reader (fixed filter, chosen fields, sort), only to the people
// who manage the view's app, with nothing written: an unpublished view stays unreachable under
// /public/, and a published one keeps answering its saved settings (no draft reaches its cache).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { expectErrorBody } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest } from '../../../test/support/guests.js';
import { LIST_SETTINGS, type ViewWorld, createView, expectNothingHidden, publish, setViewPlan, titlesOf, viewWorld, visitor } from '../../../test/support/public-views.js';

const PREVIEW = '/v1/public-view/preview.json';
const DRAFT = { fields: ['title'], filter: 'visibility in ("shown")', sort: [{ field: 'title', order: 'desc' }] };

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(() => h.close());

  const preview = (w: ViewWorld, body: Record<string, unknown>, as = w.manager) => w.d.request({ method: 'POST', url: PREVIEW, as, payload: { app: w.app, ...body } });
  const records = (res: { json(): { data: unknown } }) => ({ json: () => res.json().data }) as Parameters<typeof titlesOf>[0];

  describe('a manager', () => {
    it('sees a draft as a visitor would, while the view stays unpublished and unchanged', async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const v = await createView(w);
      const res = await preview(w, { id: v.id, kind: 'list', title: 'Draft title', settings: DRAFT });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().kind).toBe('list');
      expect(titlesOf(records(res))).toEqual(['Beta', 'Alpha']);
      expect(res.json().data.view).toMatchObject({ title: 'Draft title', columns: [{ code: 'title', label: 'Title', type: 'SINGLE_LINE_TEXT' }] });
      expectNothingHidden(w, res);
      expect(res.body).not.toContain('note of');
      // Nothing was written: the URL answers "not found", the view is as it was.
      expectErrorBody(await visitor(w.d, `${v.path}/data.json`), 404, 'CB_PV05');
      const listed = (await w.d.request({ method: 'GET', url: `/v1/public-views.json?app=${w.app}`, as: w.manager })).json().views[0];
      expect(listed).toMatchObject({ published: false, configVersion: 1, title: 'Our houses', settings: { fields: LIST_SETTINGS.fields } });
      // Nor is anything of it reachable under /public/ by the word the preview's links use.
      expectErrorBody(await visitor(w.d, '/public/preview/data.json'), 404, 'CB_PV05');
    });

    it('never puts a draft in the cache a published view answers from, and shows detail pages of the view only', async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const v = await createView(w);
      await publish(w, v.id);
      expect(titlesOf(await visitor(w.d, `${v.path}/data.json`))).toEqual(['Alpha', 'Beta']);
      const drafted = await preview(w, { id: v.id, kind: 'list', settings: DRAFT });
      expect(titlesOf(records(drafted))).toEqual(['Beta', 'Alpha']);
      const again = await visitor(w.d, `${v.path}/data.json`);
      expect(titlesOf(again)).toEqual(['Alpha', 'Beta']);
      expect(again.body).toContain('note of Alpha');
      // A preview's attachment links open nothing: they are signed with a key made for that answer.
      const shown = await preview(w, { id: v.id, kind: 'list', settings: LIST_SETTINGS });
      const url = (shown.json().data.records[0].values.photo.value as Array<{ url: string }>)[0]!.url;
      expect(url).toMatch(/^\/public\/preview\/files\//);
      expect((await visitor(w.d, url.replace('/public/preview/', `${v.path}/`))).statusCode).toBe(404);
      // Detail pages: a record inside the draft's filter, never one outside it.
      const detail = await preview(w, { id: v.id, kind: 'list', settings: DRAFT, record: String(w.ids.Alpha) });
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json().data.record.values.title.value).toBe('Alpha');
      expectErrorBody(await preview(w, { id: v.id, kind: 'list', settings: DRAFT, record: String(w.ids.Gamma) }), 404, 'CB_PV05');
      expectErrorBody(await preview(w, { id: v.id, kind: 'list', settings: { ...DRAFT, detail: { enabled: false } }, record: String(w.ids.Alpha) }), 400, 'CB_PV40');
    });

    it('previews a view not saved yet, of other kinds, paged and searched as visitors would', async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const graph = await preview(w, { kind: 'graph', title: 'By title', settings: { filter: 'visibility in ("shown")', graph: { chartType: 'COLUMN', group: { field: 'title' } } } });
      expect(graph.statusCode, graph.body).toBe(200);
      expect(graph.json()).toMatchObject({ kind: 'graph', data: { view: { title: 'By title', graph: { chartType: 'COLUMN' } } } });
      expect(graph.body).toContain('Alpha');
      expectNothingHidden(w, graph);
      const cards = await preview(w, { kind: 'card', settings: { ...DRAFT, fields: [], pageSize: 1, search: true, card: { title: 'title' } }, page: 2, q: 'a' });
      expect(cards.statusCode, cards.body).toBe(200);
      expect(cards.json().data).toMatchObject({ page: 2, pages: 2, totalCount: 2 });
      expect(titlesOf(records(cards))).toEqual(['Alpha']);
      // Nothing was made.
      expect((await w.d.request({ method: 'GET', url: `/v1/public-views.json?app=${w.app}`, as: w.manager })).json().views).toEqual([]);
    });
  });

  describe('who may preview', () => {
    it('only the people who manage the view’s app, answering for others as for a view that does not exist', async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const { d } = w;
      const v = await createView(w);
      const carol = await d.addUser('carol');
      const guest = await addGuest(d, 'guest@example.com');
      const body = { id: v.id, kind: 'list', settings: DRAFT };
      expectErrorBody(await preview(w, body, carol), 403, 'CB_NO02');
      expectErrorBody(await preview(w, body, guest), 403, 'CB_NO02');
      expectErrorBody(await d.request({ method: 'POST', url: PREVIEW, payload: { app: w.app, ...body } }), 401, 'CB_AU01');
      // A manager of another app naming this view from theirs: as if it did not exist.
      const mine = await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' } }, { as: carol });
      const foreign = await d.request({ method: 'POST', url: PREVIEW, as: carol, payload: { app: mine, ...body } });
      const none = await d.request({ method: 'POST', url: PREVIEW, as: carol, payload: { app: mine, ...body, id: 'pv_00000000000000000000' } });
      expectErrorBody(foreign, 404, 'CB_PV01');
      expect(foreign.json().message).toBe(none.json().message);
      // Another domain's administrator.
      const other = await newDomain(h);
      await setViewPlan(other, 'enterprise');
      expect((await other.request({ method: 'POST', url: PREVIEW, as: other.admin, payload: { app: w.app, ...body } })).statusCode).toBeGreaterThanOrEqual(400);
      // The view's kind is its own.
      expectErrorBody(await preview(w, { ...body, kind: 'card', settings: { ...DRAFT, card: { title: 'title' } } }), 404, 'CB_PV01');
    });

    it('checks the draft as saving it would: fields, filter and the plan', async () => {
      const w = await viewWorld(h, 'light', { byMember: true });
      expectErrorBody(await preview(w, { kind: 'list', settings: { fields: ['title', 'nothing'] } }), 400, 'CB_PV04');
      expectErrorBody(await preview(w, { kind: 'list', settings: { fields: ['title'], filter: 'nothing = "1"' } }), 400, 'GAIA_IQ11');
      expectErrorBody(await preview(w, { kind: 'list', settings: DRAFT }), 403, 'CB_PV02');
      const ok = await preview(w, { kind: 'list', settings: { fields: ['title'] } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(titlesOf(records(ok))).toHaveLength(3);
      // A MyPage is previewed as a visitor: without one there is nobody to match.
      const p = await viewWorld(h, 'premium', { byMember: true });
      const missing = expectErrorBody(await preview(p, { kind: 'myPage', settings: { fields: ['title'], match: [{ field: 'title', attribute: 'code', op: 'prefix' }] } }), 400, 'CB_VA01');
      expect(Object.keys(missing.errors as object)).toEqual(['as.email']);
      const as = await preview(p, { kind: 'myPage', settings: { fields: ['title'], match: [{ field: 'title', attribute: 'code', op: 'prefix' }] }, as: { email: 'kim@example.com', attributes: { code: 'Al' } } });
      expect(titlesOf(records(as))).toEqual(['Alpha']);
    });
  });
});
