// GET /public/{token}/view.json: the kind of view a token names and what the page needs to start,
// behind the same gates as every visitor request — an unknown, unpublished or regenerated view is
// the one "not found", a pending password is that gate's answer — and cached like the others.
// Also: a calendar asked without dates answers the month it is in its creator's time zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorViewStartJson } from '../../../common/api/public-view-start.js';
import type { VisitorCalendarJson } from '../../../common/api/public-view-kinds.js';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { SHOWN, kindsWorld, publishedKind } from '../../../test/support/public-kinds.js';
import { VISITOR_COOKIE, cookieOf, createView, expectNothingHidden, publish, publishedView, shapeOf, viewWorld, visitor } from '../../../test/support/public-views.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('view.json', () => {
    it('names the kind and title of a published view, with a validator', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w);
      const res = await visitor(w.d, `${v.path}/view.json`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ kind: 'list', title: 'Our houses', signIn: false } satisfies VisitorViewStartJson);
      expect(res.headers.etag).toBeDefined();
      const again = await visitor(w.d, `${v.path}/view.json`, { headers: { 'if-none-match': String(res.headers.etag) } });
      expect(again.statusCode).toBe(304);
      expectNothingHidden(w, res);
    });

    it('names every kind, and a calendar its time zone', async () => {
      const w = await kindsWorld(h);
      for (const kind of ['card', 'calendar', 'graph', 'segment'] as const) {
        const v = await publishedKind(w, kind);
        const body = (await visitor(w.d, `${v.path}/view.json`)).json() as VisitorViewStartJson;
        expect(body.kind).toBe(kind);
        expect(body.timeZone).toBe(kind === 'calendar' ? 'Asia/Tokyo' : undefined);
      }
      const card = await publishedKind(w, 'card');
      const dash = await publishedKind(w, 'dashboard', { dashboard: { items: [{ type: 'view', view: card.id, x: 0, y: 0, w: 6, h: 4 }] } }, { title: 'Our dashboard' });
      expect((await visitor(w.d, `${dash.path}/view.json`)).json()).toEqual({ kind: 'dashboard', title: 'Our dashboard', signIn: false });
      const advanced = await publishedKind(w, 'advancedGraph', { graph: { chartType: 'BAR', groups: [{ field: 'stage' }], aggregations: [{ type: 'COUNT' }] }, filter: SHOWN });
      expect((await visitor(w.d, `${advanced.path}/view.json`)).json().kind).toBe('advancedGraph');
    });

    it('answers an unknown, unpublished or regenerated view as every other path does', async () => {
      const w = await viewWorld(h);
      const hidden = await createView(w);
      const shown = await publishedView(w);
      const regen = await w.d.request({ method: 'POST', url: '/v1/public-view/regenerate.json', as: w.manager, payload: { id: shown.id } });
      expect(regen.statusCode, regen.body).toBe(200);
      const unknown = `/public/${'A'.repeat(43)}`;
      const answers = [];
      for (const path of [hidden.path, shown.path, unknown]) {
        for (const leaf of ['view.json', 'data.json']) answers.push(shapeOf(await visitor(w.d, `${path}/${leaf}`)));
      }
      expect(answers[0]).toMatchObject({ status: 404, code: 'CB_PV05' });
      for (const a of answers) expect(a).toEqual(answers[0]);
    });

    it('is behind the password like the data: pending gates answer as they do elsewhere', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w, { password: 'open sesame 1' });
      const locked = await visitor(w.d, `${v.path}/view.json`);
      const data = await visitor(w.d, `${v.path}/data.json`);
      expect(shapeOf(locked)).toEqual(shapeOf(data));
      expect(locked.statusCode).toBe(401);
      expect(locked.body).not.toContain('Our houses');
      const unlock = await visitor(w.d, `${v.path}/unlock.json`, { method: 'POST', payload: { password: 'open sesame 1' } });
      expect(unlock.statusCode, unlock.body).toBe(200);
      const cookie = cookieOf(unlock, VISITOR_COOKIE)!;
      const open = await visitor(w.d, `${v.path}/view.json`, { headers: { cookie } });
      expect(open.statusCode, open.body).toBe(200);
      expect(open.json()).toMatchObject({ kind: 'list', title: 'Our houses' });
      expect(open.headers['cache-control']).toBe('no-store');
    });

    it('follows a change of the view at once (its config version is in the key)', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w);
      expect((await visitor(w.d, `${v.path}/view.json`)).json().title).toBe('Our houses');
      const put = await w.d.request({ method: 'PUT', url: '/v1/public-views.json', as: w.manager, payload: { id: v.id, title: 'Our homes' } });
      expect(put.statusCode, put.body).toBe(200);
      expect((await visitor(w.d, `${v.path}/view.json`)).json().title).toBe('Our homes');
      await publish(w, v.id, false);
      expect((await visitor(w.d, `${v.path}/view.json`)).statusCode).toBe(404);
    });
  });

  describe("a calendar's default month", () => {
    it('is the month it is in the creator’s time zone, not in UTC', async () => {
      const w = await kindsWorld(h);
      const v = await publishedKind(w, 'calendar');
      // 2026-04-30 20:00 UTC is already 1 May in Tokyo, and still 30 April in New York.
      h.clock.current = new Date('2026-04-30T20:00:00.000Z');
      try {
        const tokyo = (await visitor(w.d, `${v.path}/calendar.json`)).json() as VisitorCalendarJson;
        expect({ from: tokyo.from, to: tokyo.to }).toEqual({ from: '2026-05-01', to: '2026-06-01' });
        await h.services.db.updateTable('users').set({ timezone: 'America/New_York' }).where('domainId', '=', w.d.id).where('id', '=', w.manager.id).execute();
        const put = await w.d.request({ method: 'PUT', url: '/v1/public-views.json', as: w.manager, payload: { id: v.id, title: 'Calendar NY' } });
        expect(put.statusCode, put.body).toBe(200);
        const ny = (await visitor(w.d, `${v.path}/calendar.json`)).json() as VisitorCalendarJson;
        expect({ from: ny.from, to: ny.to, zone: ny.view.calendar.timeZone }).toEqual({ from: '2026-04-01', to: '2026-05-01', zone: 'America/New_York' });
        expect((await visitor(w.d, `${v.path}/view.json`)).json().timeZone).toBe('America/New_York');
      } finally {
        h.clock.current = new Date('2026-04-01T00:00:00.000Z');
      }
    });
  });
});
