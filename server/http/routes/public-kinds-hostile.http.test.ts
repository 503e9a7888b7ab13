// Hostile visitors of card, calendar, graph and segment views (security.md §3.5): parameters
// asking for other fields, other groupings or other records change nothing; records outside the
// fixed filter stay unreachable by id, by tab, by date range or through a graph; malformed
// parameters are refused in kintone's error shape without echoing what was sent; and settings
// that would show what the kind cannot, or what the creator may not read, are refused when saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorCalendarJson, VisitorSegmentJson } from '../../../common/api/public-view-kinds.js';
import { type Harness, startApp } from '../../../test/support/app.js';
import { expectErrorBody } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { KIND_SETTINGS, SHOWN, kindsWorld, publishedKind } from '../../../test/support/public-kinds.js';
import { expectNothingHidden, shapeOf, visitor } from '../../../test/support/public-views.js';

const everyone = { type: 'GROUP', code: 'everyone' };

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  it('P1/P6: parameters naming other fields, groups or sums are ignored', async () => {
    const w = await kindsWorld(h);
    const card = await publishedKind(w, 'card');
    const graph = await publishedKind(w, 'graph');
    const extra = 'fields=secret_code&columns=amount_hidden&select=hidden_photo&projection=visibility&filter=visibility%20in%20(%22withheld%22)';
    const plainCards = await visitor(w.d, `${card.path}/cards.json`);
    const hostileCards = await visitor(w.d, `${card.path}/cards.json?${extra}`);
    expect(hostileCards.body).toBe(plainCards.body);
    const plainGraph = await visitor(w.d, `${graph.path}/graph.json`);
    const hostileGraph = await visitor(w.d, `${graph.path}/graph.json?${extra}&groups=visibility&aggregations=amount_hidden&group=visibility`);
    expect(hostileGraph.body).toBe(plainGraph.body);
    expectNothingHidden(w, hostileCards, hostileGraph);
  });

  it('P4: a record outside the filter is unreachable by id through a card, calendar or segment view', async () => {
    const w = await kindsWorld(h);
    for (const kind of ['card', 'calendar', 'segment'] as const) {
      const v = await publishedKind(w, kind);
      const outside = await visitor(w.d, `${v.path}/records/${w.ids.Gamma}.json`);
      const random = await visitor(w.d, `${v.path}/records/987654.json`);
      expectErrorBody(outside, 404, 'CB_PV05');
      expect(shapeOf(outside)).toEqual(shapeOf(random));
      expectNothingHidden(w, outside);
    }
  });

  it('a view answers only its own kind’s path', async () => {
    const w = await kindsWorld(h);
    const card = await publishedKind(w, 'card');
    const segment = await publishedKind(w, 'segment');
    for (const path of [`${card.path}/data.json`, `${card.path}/graph.json`, `${card.path}/segments.json`, `${segment.path}/cards.json`, `${segment.path}/dashboard.json`]) {
      expectErrorBody(await visitor(w.d, path), 404, 'CB_PV05');
    }
  });

  it('P3: a tab is one of the view’s values, never query text, and only narrows the filter', async () => {
    const w = await kindsWorld(h);
    const v = await publishedKind(w, 'segment');
    // Gamma is a "plan" record outside the filter.
    const plan = (await visitor(w.d, `${v.path}/segments.json?tab=plan`)).json() as VisitorSegmentJson;
    expect(plan.records.map((r) => r.values.title?.value)).toEqual(['Alpha']);
    for (const tab of ['withheld', '") or ($id > 0', 'plan" or visibility in ("withheld', 'x'.repeat(1000), 'ｐｌａｎ']) {
      const res = await visitor(w.d, `${v.path}/segments.json?tab=${encodeURIComponent(tab)}`);
      expect(expectErrorBody(res, 400, 'CB_VA01').errors).toEqual({ tab: { messages: ['The value is invalid.'] } });
      expect(res.body).not.toContain(tab.slice(0, 20));
      expectNothingHidden(w, res);
    }
  });

  it('P4: a calendar answers bounded ranges only, and never an event outside the filter', async () => {
    const w = await kindsWorld(h);
    const v = await publishedKind(w, 'calendar');
    const march = (await visitor(w.d, `${v.path}/calendar.json?from=2026-03-01&to=2026-04-01`)).json() as VisitorCalendarJson;
    expect(march.events.map((e) => e.title)).not.toContain('Gamma');
    const refused: Array<[string, string]> = [
      ['from=2026-01-01&to=2026-12-31', 'to'],
      ['from=2026-03-10&to=2026-03-10', 'to'],
      ['from=2026-03-10&to=2026-03-01', 'to'],
      ['from=2026-02-30&to=2026-03-10', 'from'],
      ['from=2026-03-01', 'to'],
      ['to=2026-03-01', 'from'],
      ['from=0000-01-01&to=0000-01-10', 'from'],
    ];
    for (const [query, key] of refused) {
      const res = await visitor(w.d, `${v.path}/calendar.json?${query}`);
      expect(Object.keys(expectErrorBody(res, 400, 'CB_VA01').errors as object), query).toEqual([key]);
    }
    const malformed = await visitor(w.d, `${v.path}/calendar.json?from=${encodeURIComponent('2026-03-01") or ("1')}&to=2026-03-10`);
    expect(Object.keys(expectErrorBody(malformed, 400, 'CB_VA01').errors as object)).toEqual(['from']);
    // Without a range: this month, answered.
    expect((await visitor(w.d, `${v.path}/calendar.json`)).statusCode).toBe(200);
  });

  it('P6/P7: a graph, calendar or segment closes when its creator can no longer read its field', async () => {
    const w = await kindsWorld(h);
    const { d } = w;
    // The member makes the views; the administrator later hides `amount` and `stage` from them.
    const app = await d.request({ method: 'PUT', url: '/k/v1/app/acl.json', as: d.admin, payload: { app: w.app, rights: [{ entity: everyone, appEditable: true, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true, recordImportable: true, recordExportable: true }] } });
    expect(app.statusCode, app.body).toBe(200);
    const asMember = { ...w, manager: d.member };
    const graph = await publishedKind(asMember, 'graph');
    const segment = await publishedKind(asMember, 'segment');
    expect((await visitor(d, `${graph.path}/graph.json`)).statusCode).toBe(200);
    const acl = await d.request({
      method: 'PUT',
      url: '/k/v1/field/acl.json',
      as: d.admin,
      payload: {
        app: w.app,
        rights: ['amount', 'stage'].map((code) => ({ code, entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'admin' } }, { accessibility: 'NONE', entity: everyone }] })),
      },
    });
    expect(acl.statusCode, acl.body).toBe(200);
    for (const path of [`${graph.path}/graph.json`, `${segment.path}/segments.json`]) {
      const res = await visitor(d, path);
      expectErrorBody(res, 404, 'CB_PV05');
      expect(res.body).not.toMatch(/amount|stage/i);
    }
  });

  describe('settings', () => {
    const post = (w: Awaited<ReturnType<typeof kindsWorld>>, kind: string, settings: unknown) =>
      w.d.request({ method: 'POST', url: '/v1/public-views.json', as: w.manager, payload: { app: w.app, kind, title: 'T', settings } });

    it('are refused when a field does not fit the kind, keyed where the problem is', async () => {
      const w = await kindsWorld(h);
      const cases: Array<[string, unknown, string]> = [
        ['card', { card: { title: 'title', image: 'note' } }, 'settings.card.image'],
        ['card', { card: { title: 'photo' } }, 'settings.card.title'],
        ['calendar', { calendar: { title: 'title', start: 'note' } }, 'settings.calendar.start'],
        ['calendar', { calendar: { title: 'title', start: 'start_day', end: 'meeting' } }, 'settings.calendar.end'],
        ['segment', { fields: ['title'], segment: { field: 'title' } }, 'settings.segment.field'],
        ['segment', { fields: ['title'], segment: { field: 'stage', tabs: [{ value: 'nope' }] } }, 'settings.segment.tabs[0].value'],
        ['graph', { graph: { chartType: 'PIE', group: { field: 'stage' }, aggregation: { type: 'SUM', field: 'title' } } }, 'settings.graph.aggregations[0].code'],
        ['graph', { graph: { chartType: 'BAR', group: { field: 'start_day' } } }, 'settings.graph.groups[0].per'],
        ['advancedGraph', { graph: { chartType: 'PIVOT_TABLE', groups: [{ field: 'stage' }], aggregations: [{ type: 'COUNT' }] } }, 'settings.graph.groups'],
        ['calendar', { calendar: { title: 'title' } }, 'settings.calendar.start'],
      ];
      for (const [kind, settings, key] of cases) {
        const res = await post(w, kind, settings);
        expect(Object.keys(expectErrorBody(res, 400, 'CB_VA01').errors as object), `${kind} ${JSON.stringify(settings)}`).toEqual([key]);
      }
      // A field that does not exist is refused like one that may not be shown.
      expectErrorBody(await post(w, 'graph', { graph: { chartType: 'BAR', group: { field: 'nope' } } }), 400, 'CB_PV04');
      expectErrorBody(await post(w, 'card', { card: { title: 'title', image: 'ghost' } }), 400, 'CB_PV04');
    });

    it('P14: a segment needs the filtering feature; cards, calendars and graphs are simple views', async () => {
      const w = await kindsWorld(h, 'light');
      expectErrorBody(await post(w, 'segment', { fields: ['title'], segment: { field: 'stage' } }), 403, 'CB_PV02');
      for (const kind of ['card', 'calendar', 'graph'] as const) {
        const res = await post(w, kind, { ...KIND_SETTINGS[kind], filter: '', sort: [] });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().view.requiredFeatures).toEqual(['simpleViews']);
      }
      expect((await post(w, 'card', { ...KIND_SETTINGS.card, filter: SHOWN })).statusCode).toBe(403);
    });
  });
  // SQLite in a file, as `npm start` runs it: visitors' new answers are read on a read thread.
}, { sqliteFile: true });
