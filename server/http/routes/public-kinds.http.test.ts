// What visitors of card, calendar, graph and segment views see: the records inside the fixed
// filter, through the view's own fields, in the kind's shape — cards with signed image links,
// events of a bounded date range, totals aggregated by the report engine, tabs that narrow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorCalendarJson, VisitorCardsJson, VisitorGraphJson, VisitorSegmentJson } from '../../../common/api/public-view-kinds.js';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { SHOWN, kindsWorld, publishedKind } from '../../../test/support/public-kinds.js';
import { expectNothingHidden, visitor } from '../../../test/support/public-views.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('a card view', () => {
    it('shows a page of cards: title, image through a signed link, its few fields; a detail page as a list', async () => {
      const w = await kindsWorld(h);
      const v = await publishedKind(w, 'card');
      const res = await visitor(w.d, `${v.path}/cards.json`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as VisitorCardsJson;
      expect(body.view).toMatchObject({ kind: 'card', card: { title: 'title', image: 'photo' }, pageSize: 24, detail: true });
      expect(body.view.columns.map((c) => c.code)).toEqual(['title', 'photo', 'note']);
      expect(body.records.map((r) => r.values.title?.value)).toEqual(['Alpha', 'Beta', 'Delta']);
      expect(body).toMatchObject({ totalCount: 3, page: 1, pages: 1 });
      const [photo] = body.records[0]!.values.photo!.value as Array<{ url: string }>;
      expect(photo!.url).toMatch(new RegExp(`^${v.path}/files/${w.ids.Alpha}/photo/[\\w-]{22}\\?expires=\\d+&sig=[\\w-]{43}$`));
      const image = await visitor(w.d, photo!.url);
      expect(image.statusCode, image.body).toBe(200);
      expect(image.body).toBe('contents of photo-Alpha.png');
      const detail = await visitor(w.d, `${v.path}/records/${w.ids.Beta}.json`);
      expect(detail.statusCode, detail.body).toBe(200);
      expect(Object.keys(detail.json().record.values).sort()).toEqual(['note', 'photo', 'title']);
      expectNothingHidden(w, res, detail);
    });
    it('pages its cards and searches them when it has a search box, never past its filter', async () => {
      const w = await kindsWorld(h);
      const v = await publishedKind(w, 'card', { fields: [], card: { title: 'title' }, filter: SHOWN, sort: [{ field: 'title', order: 'asc' }], pageSize: 1, search: true });
      const page = async (query: string) => (await visitor(w.d, `${v.path}/cards.json?${query}`)).json() as VisitorCardsJson;
      expect(await page('page=2')).toMatchObject({ totalCount: 3, page: 2, pages: 3, records: [{ id: String(w.ids.Beta) }] });
      expect((await page('page=999999999')).page).toBe(10_001);
      expect((await page('page=-1')).page).toBe(1);
      expect((await page('q=Delta')).records.map((r) => r.values.title?.value)).toEqual(['Delta']);
      // Gamma matches the text but not the filter.
      expect((await page('q=Gamma')).totalCount).toBe(0);
      expect((await page('')).view.card).toEqual({ title: 'title', image: null });
    });
  });

  describe('a calendar view', () => {
    it('answers the events of a date range inside the filter: id, title, start, end, all-day', async () => {
      const w = await kindsWorld(h);
      const v = await publishedKind(w, 'calendar');
      const res = await visitor(w.d, `${v.path}/calendar.json?from=2026-03-01&to=2026-04-01`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as VisitorCalendarJson;
      expect(body.view.calendar).toMatchObject({ mode: 'month', allDay: true });
      expect(body).toMatchObject({ from: '2026-03-01', to: '2026-04-01', truncated: false });
      expect(body.events).toEqual([
        { id: String(w.ids.Alpha), title: 'Alpha', start: '2026-03-02', end: '2026-03-04', allDay: true },
        { id: String(w.ids.Beta), title: 'Beta', start: '2026-03-10', end: '2026-03-10', allDay: true },
      ]);
      // A span that began before the range still meets it; a range past every record is empty.
      const spanning = await visitor(w.d, `${v.path}/calendar.json?from=2026-03-04&to=2026-03-05`);
      expect((spanning.json() as VisitorCalendarJson).events.map((e) => e.title)).toEqual(['Alpha']);
      const april = await visitor(w.d, `${v.path}/calendar.json?from=2026-04-01&to=2026-05-01`);
      expect((april.json() as VisitorCalendarJson).events.map((e) => e.title)).toEqual(['Delta']);
      // An event's detail page is the list's.
      const detail = await visitor(w.d, `${v.path}/records/${w.ids.Alpha}.json`);
      expect(detail.statusCode, detail.body).toBe(200);
      expectNothingHidden(w, res, spanning, april, detail);
    });

    it('places records by a date-time field in the calendar time zone', async () => {
      const w = await kindsWorld(h);
      const v = await publishedKind(w, 'calendar', { calendar: { title: 'title', start: 'meeting', mode: 'week' }, filter: SHOWN });
      const res = await visitor(w.d, `${v.path}/calendar.json?from=2026-03-01&to=2026-03-08`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as VisitorCalendarJson;
      expect(body.view.calendar).toMatchObject({ mode: 'week', allDay: false, timeZone: 'Asia/Tokyo' });
      expect(body.events).toEqual([{ id: String(w.ids.Alpha), title: 'Alpha', start: '2026-03-02T01:00:00Z', end: '2026-03-02T01:00:00Z', allDay: false }]);
      // 16:00 UTC on 31 March is 1 April in Tokyo.
      const april = await visitor(w.d, `${v.path}/calendar.json?from=2026-04-01&to=2026-04-02`);
      expect((april.json() as VisitorCalendarJson).events.map((e) => e.title)).toEqual(['Beta']);
    });
  });

  describe('a graph view', () => {
    it('aggregates the records inside the filter by its own group and sum, without records', async () => {
      const w = await kindsWorld(h);
      const v = await publishedKind(w, 'graph');
      const res = await visitor(w.d, `${v.path}/graph.json`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as VisitorGraphJson;
      expect(body.view).toMatchObject({ kind: 'graph', graph: { chartType: 'BAR' } });
      expect(body.data.groups[0]).toMatchObject({ code: 'stage', label: 'Stage' });
      // Gamma's 1000 is in "plan" too, but outside the filter.
      expect([...body.data.rows].sort((a, b) => a.values[0]!.localeCompare(b.values[0]!))).toEqual([
        { keys: ['plan'], count: 1, values: ['10'] },
        { keys: ['build'], count: 1, values: ['20'] },
        { keys: ['done'], count: 1, values: ['5'] },
      ]);
      expect(body.data.totals).toEqual({ count: 3, values: ['35'] });
      expect(res.body).not.toContain(String(w.ids.Alpha + 1000));
      expectNothingHidden(w, res);
      // No detail pages, no list: a graph shows no records.
      expect((await visitor(w.d, `${v.path}/records/${w.ids.Alpha}.json`)).statusCode).toBe(404);
      expect((await visitor(w.d, `${v.path}/data.json`)).statusCode).toBe(404);
    });

    it('an advanced graph: several series, stacked, a date period, axis options, a cross table', async () => {
      const w = await kindsWorld(h);
      const v = await publishedKind(w, 'advancedGraph', {
        graph: {
          chartType: 'COLUMN',
          chartMode: 'STACKED',
          groups: [{ field: 'start_day', per: 'MONTH' }, { field: 'stage' }],
          aggregations: [{ type: 'COUNT' }, { type: 'MAX', field: 'amount' }],
          axis: { x: { title: 'Month' }, y: { title: 'Amount', min: 0, max: 100 } },
        },
        filter: SHOWN,
      });
      const res = await visitor(w.d, `${v.path}/graph.json`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as VisitorGraphJson;
      expect(body.view.graph).toEqual({ chartType: 'COLUMN', chartMode: 'STACKED', axis: { x: { title: 'Month' }, y: { title: 'Amount', min: 0, max: 100 } } });
      expect(body.data.groups[0]!.categories.map((c) => c.key)).toEqual(['2026-03', '2026-04']);
      expect(body.data.series.length).toBeGreaterThan(1);
      expect(body.data.totals).toEqual({ count: 3, values: ['3', '20'] });
      const pivot = await publishedKind(w, 'advancedGraph', {
        graph: { chartType: 'PIVOT_TABLE', groups: [{ field: 'stage' }, { field: 'start_day', per: 'MONTH' }], aggregations: [{ type: 'SUM', field: 'amount' }] },
        filter: SHOWN,
      });
      const table = (await visitor(w.d, `${pivot.path}/graph.json`)).json() as VisitorGraphJson;
      expect(table.data.pivot?.total).toEqual(['35']);
      expectNothingHidden(w, res);
    });
  });

  describe('a segment view', () => {
    it('splits the records into tabs by a field, each a list page inside the filter', async () => {
      const w = await kindsWorld(h);
      const v = await publishedKind(w, 'segment');
      const first = await visitor(w.d, `${v.path}/segments.json`);
      expect(first.statusCode, first.body).toBe(200);
      const body = first.json() as VisitorSegmentJson;
      expect(body.view.segment).toEqual({
        field: { code: 'stage', label: 'Stage', type: 'DROP_DOWN' },
        tabs: [
          { value: 'plan', label: 'plan' },
          { value: 'build', label: 'build' },
          { value: 'done', label: 'done' },
        ],
      });
      // Gamma is in "plan" too, but outside the filter.
      expect(body).toMatchObject({ tab: 'plan', totalCount: 1 });
      expect(body.records.map((r) => r.values.title?.value)).toEqual(['Alpha']);
      const build = (await visitor(w.d, `${v.path}/segments.json?tab=build`)).json() as VisitorSegmentJson;
      expect(build.records.map((r) => r.values.title?.value)).toEqual(['Beta']);
      expectNothingHidden(w, first);
    });

    it('shows only the tabs it lists, with their labels', async () => {
      const w = await kindsWorld(h);
      const v = await publishedKind(w, 'segment', { fields: ['title'], segment: { field: 'stage', tabs: [{ value: 'done', label: 'Finished' }, { value: 'plan' }] }, filter: SHOWN });
      const body = (await visitor(w.d, `${v.path}/segments.json`)).json() as VisitorSegmentJson;
      expect(body.view.segment.tabs).toEqual([
        { value: 'done', label: 'Finished' },
        { value: 'plan', label: 'plan' },
      ]);
      expect(body.records.map((r) => r.values.title?.value)).toEqual(['Delta']);
      expect((await visitor(w.d, `${v.path}/segments.json?tab=build`)).statusCode).toBe(400);
    });
  });
  // SQLite in a file, as `npm start` runs it: visitors' new answers are read on a read thread.
}, { sqliteFile: true });
