// A dashboard: other views of the domain (of this app or another) with text and images in a
// grid, answered in one request — each member's data made as its own visitor would get it, each
// member checked on every request; a member unpublished, deleted, locked by its own password or
// no longer the manager's to show is unavailable, never its data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorCardsJson, VisitorDashboardJson, VisitorGraphJson } from '../../../common/api/public-view-kinds.js';
import { type Harness, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { expectErrorBody } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type KindsWorld, KIND_SETTINGS, kindsWorld, publishedKind } from '../../../test/support/public-kinds.js';
import { createView, expectNothingHidden, publish, visitor } from '../../../test/support/public-views.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const cell = (x: number, y: number, w = 6, hh = 4) => ({ x, y, w, h: hh });
  const dashboard = async (w: KindsWorld, items: unknown[]) => publishedKind(w, 'dashboard', { dashboard: { items } }, { title: 'Our dashboard' });

  describe('a dashboard', () => {
    it('answers its layout and every member’s data in one request, members of other apps too', async () => {
      const w = await kindsWorld(h);
      const card = await publishedKind(w, 'card');
      const graph = await publishedKind(w, 'graph');
      // A list of another app the same manager manages.
      const other = await deployedApp(w.d, { name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: 'Name' } }, { as: w.manager });
      const added = await w.d.request({ method: 'POST', url: '/k/v1/record.json', as: w.manager, payload: { app: other, record: { name: { value: 'Other one' } } } });
      expect(added.statusCode, added.body).toBe(200);
      const list = await createView({ ...w, app: other }, { settings: { fields: ['name'] } });
      await publish(w, list.id);
      const dash = await dashboard(w, [
        { type: 'text', html: '<h2>Hello</h2><script>alert(1)</script>', ...cell(0, 0, 12, 1) },
        { type: 'view', view: card.id, ...cell(0, 1) },
        { type: 'view', view: graph.id, ...cell(6, 1) },
        { type: 'view', view: list.id, ...cell(0, 5) },
        { type: 'image', url: 'https://example.com/logo.png', alt: 'Logo', ...cell(6, 5) },
      ]);
      const res = await visitor(w.d, `${dash.path}/dashboard.json`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as VisitorDashboardJson;
      expect(body.view).toMatchObject({ kind: 'dashboard', title: 'Our dashboard', columns: 12 });
      expect(body.items.map((i) => [i.type, 'available' in i ? i.available : null])).toEqual([
        ['text', null],
        ['view', true],
        ['view', true],
        ['view', true],
        ['image', null],
      ]);
      expect(body.items[0]).toEqual({ type: 'text', html: '<h2>Hello</h2>', x: 0, y: 0, w: 12, h: 1 });
      expect(body.items[4]).toEqual({ type: 'image', url: 'https://example.com/logo.png', alt: 'Logo', x: 6, y: 5, w: 6, h: 4 });
      const cards = (body.items[1] as { data: VisitorCardsJson }).data;
      expect(cards.records.map((r) => r.values.title?.value)).toEqual(['Alpha', 'Beta', 'Delta']);
      expect((body.items[2] as { data: VisitorGraphJson }).data.data.totals).toEqual({ count: 3, values: ['35'] });
      expect(JSON.stringify((body.items[3] as { data: unknown }).data)).toContain('Other one');
      expectNothingHidden(w, res);

      // A member's images and detail pages go through the dashboard's path and gates.
      const [photo] = cards.records[0]!.values.photo!.value as Array<{ url: string }>;
      expect(photo!.url.startsWith(`${dash.path}/members/1/files/${w.ids.Alpha}/photo/`)).toBe(true);
      const image = await visitor(w.d, photo!.url);
      expect(image.statusCode, image.body).toBe(200);
      const detail = await visitor(w.d, `${dash.path}/members/1/records/${w.ids.Alpha}.json`);
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json().record.values.title.value).toBe('Alpha');
      // …never a record outside the member's filter, nor one of a member without detail pages.
      const outside = await visitor(w.d, `${dash.path}/members/1/records/${w.ids.Gamma}.json`);
      expectErrorBody(outside, 404, 'CB_PV05');
      expect((await visitor(w.d, `${dash.path}/members/2/records/${w.ids.Alpha}.json`)).statusCode).toBe(404);
      expect((await visitor(w.d, `${dash.path}/members/0/records/${w.ids.Alpha}.json`)).statusCode).toBe(404);
      expect((await visitor(w.d, `${dash.path}/members/99/records/${w.ids.Alpha}.json`)).statusCode).toBe(404);
      // The member's own URL keeps its own links.
      const own = (await visitor(w.d, `${card.path}/cards.json`)).json() as VisitorCardsJson;
      expect((own.records[0]!.values.photo!.value as Array<{ url: string }>)[0]!.url.startsWith(`${card.path}/files/`)).toBe(true);
    });

    it('shows a member unpublished, deleted or locked by its own password as unavailable, at once', async () => {
      const w = await kindsWorld(h);
      const card = await publishedKind(w, 'card');
      const graph = await publishedKind(w, 'graph');
      const locked = await publishedKind(w, 'segment', KIND_SETTINGS.segment, { password: 'a long password' });
      const dash = await dashboard(w, [
        { type: 'view', view: card.id, ...cell(0, 0) },
        { type: 'view', view: graph.id, ...cell(6, 0) },
        { type: 'view', view: locked.id, ...cell(0, 4) },
      ]);
      const available = async () => ((await visitor(w.d, `${dash.path}/dashboard.json`)).json() as VisitorDashboardJson).items.map((i) => (i as { available: boolean }).available);
      expect(await available()).toEqual([true, true, false]);
      await publish(w, card.id, false);
      const del = await w.d.request({ method: 'DELETE', url: '/v1/public-views.json', as: w.manager, payload: { id: graph.id } });
      expect(del.statusCode, del.body).toBe(200);
      const res = await visitor(w.d, `${dash.path}/dashboard.json`);
      expect((res.json() as VisitorDashboardJson).items).toEqual([
        { type: 'view', member: 0, available: false, x: 0, y: 0, w: 6, h: 4 },
        { type: 'view', member: 1, available: false, x: 6, y: 0, w: 6, h: 4 },
        { type: 'view', member: 2, available: false, x: 0, y: 4, w: 6, h: 4 },
      ]);
      expect(res.body).not.toContain('Alpha');
      expect((await visitor(w.d, `${dash.path}/members/0/records/${w.ids.Alpha}.json`)).statusCode).toBe(404);
    });

    it("keeps its own password in front of its layout, its members' pages and their files", async () => {
      const w = await kindsWorld(h);
      const card = await publishedKind(w, 'card');
      const dash = await publishedKind(w, 'dashboard', { dashboard: { items: [{ type: 'view', view: card.id, ...cell(0, 0) }] } }, { password: 'a long password' });
      for (const path of ['dashboard.json', `members/0/records/${w.ids.Alpha}.json`, `members/0/files/${w.ids.Alpha}/photo/x?expires=1&sig=x`]) {
        const res = await visitor(w.d, `${dash.path}/${path}`);
        expectErrorBody(res, 401, 'CB_PV07');
        expectNothingHidden(w, res);
      }
    });

    it('offers its editor the views of every app the manager manages, with the apps’ names, and exactly those save', async () => {
      const w = await kindsWorld(h);
      const card = await publishedKind(w, 'card');
      const graph = await publishedKind(w, 'graph');
      const dash = await dashboard(w, [{ type: 'text', html: 'x', ...cell(0, 0) }]);
      const other = await deployedApp(w.d, { name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: 'Name' } }, { as: w.manager, name: 'Other app' });
      const otherList = await createView({ ...w, app: other }, { settings: { fields: ['name'] } });
      // The member manages an app of their own, and nothing of the administrator's.
      const own = await deployedApp(w.d, { name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: 'Name' } }, { as: w.d.member, name: 'Member app' });
      const mine = await w.d.request({ method: 'POST', url: '/v1/public-views.json', as: w.d.member, payload: { app: own, title: 'Mine', settings: { fields: ['name'] } } });
      expect(mine.statusCode, mine.body).toBe(200);
      const candidates = async (as: typeof w.manager, app: number) => w.d.request({ method: 'GET', url: `/v1/public-views.json?app=${app}&members=true`, as });

      const res = await candidates(w.manager, w.app);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { views: Array<{ id: string; app: string }>; apps: Array<{ id: string; name: string }> };
      const ids = body.views.map((v) => v.id);
      // This app's views first; never a dashboard (it cannot hold one).
      expect(ids.slice(0, 2).sort()).toEqual([card.id, graph.id].sort());
      expect(ids).toContain(otherList.id);
      expect(ids).not.toContain(dash.id);
      expect(body.apps.slice(0, 1)).toEqual([{ id: String(w.app), name: 'Test app' }]);
      expect(body.apps).toContainEqual({ id: String(other), name: 'Other app' });
      expect(body.views.find((v) => v.id === otherList.id)!.app).toBe(String(other));
      // Whatever it offers, saving takes.
      const items = ids.map((view, i) => ({ type: 'view', view, ...cell(0, i * 4) }));
      const saved = await w.d.request({ method: 'POST', url: '/v1/public-views.json', as: w.manager, payload: { app: w.app, kind: 'dashboard', title: 'All', settings: { dashboard: { items } } } });
      expect(saved.statusCode, saved.body).toBe(200);

      const members = await candidates(w.d.member, own);
      expect(members.statusCode, members.body).toBe(200);
      expect(members.json()).toMatchObject({ views: [{ id: mine.json().view.id, title: 'Mine' }], apps: [{ id: String(own), name: 'Member app' }] });
      expect(members.body).not.toContain(card.id);
      expect(members.body).not.toContain('Other app');
      expect((await candidates(w.d.member, w.app)).statusCode).not.toBe(200);
      // Without `members`, an app's own views, of every kind.
      const plain = await w.d.request({ method: 'GET', url: `/v1/public-views.json?app=${w.app}`, as: w.manager });
      expect((plain.json().views as Array<{ id: string }>).map((v) => v.id).sort()).toEqual([card.id, graph.id, dash.id, saved.json().view.id].sort());
    });

    it('takes only views its manager could manage, of kinds a dashboard holds', async () => {
      const w = await kindsWorld(h);
      const adminsCard = await publishedKind(w, 'card');
      // The member manages an app of their own, not the administrator's.
      const own = await deployedApp(w.d, { name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: 'Name' } }, { as: w.d.member });
      const post = (items: unknown[]) =>
        w.d.request({ method: 'POST', url: '/v1/public-views.json', as: w.d.member, payload: { app: own, kind: 'dashboard', title: 'Mine', settings: { dashboard: { items } } } });
      const refused = await post([{ type: 'view', view: adminsCard.id, ...cell(0, 0) }]);
      expect(expectErrorBody(refused, 400, 'CB_VA01').errors).toEqual({ 'settings.dashboard.items[0].view': { messages: ['The specified value is not found.'] } });
      const dash = await dashboard(w, [{ type: 'text', html: 'x', ...cell(0, 0) }]);
      const nested = await w.d.request({
        method: 'POST',
        url: '/v1/public-views.json',
        as: w.manager,
        payload: { app: w.app, kind: 'dashboard', title: 'Nested', settings: { dashboard: { items: [{ type: 'view', view: dash.id, ...cell(0, 0) }] } } },
      });
      expect(expectErrorBody(nested, 400, 'CB_VA01').errors).toHaveProperty(['settings.dashboard.items[0].view']);
      const offGrid = await w.d.request({
        method: 'POST',
        url: '/v1/public-views.json',
        as: w.manager,
        payload: { app: w.app, kind: 'dashboard', title: 'Wide', settings: { dashboard: { items: [{ type: 'text', html: 'x', ...cell(8, 0, 6) }] } } },
      });
      expect(expectErrorBody(offGrid, 400, 'CB_VA01').errors).toHaveProperty(['settings.dashboard.items[0].w']);
    });
  });
  // SQLite in a file, as `npm start` runs it: visitors' new answers are read on a read thread.
}, { sqliteFile: true });
