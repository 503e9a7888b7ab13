// What visitors of a list view see: the chosen fields of the records inside the fixed filter, in
// the view's order, searched and paged; a detail page per record; never more than the view's
// creator may read now; fresh within seconds of a change.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorListJson } from '../../../common/api/public-views.js';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type ViewWorld, publishedView, viewWorld, visitor } from '../../../test/support/public-views.js';
import { DATA_TTL_MS } from '../../domain/public-views/response-cache.js';
import { MemoryEventBus } from '../../events/bus.js';
import { toDb } from '../../storage/dialect.js';

const everyone = { type: 'GROUP', code: 'everyone' };
const titles = (res: LightMyRequestResponse) => (res.json() as VisitorListJson).records.map((r) => r.values.title?.value);

eachDatabase((database, kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const editRecord = async (w: ViewWorld, id: number, record: Record<string, unknown>) => {
    const res = await w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.manager, payload: { app: w.app, id, record } });
    expect(res.statusCode, res.body).toBe(200);
  };

  describe('a list view', () => {
    it('shows the chosen fields of the records in its filter, in its order, with its text blocks', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w, {
        description: 'Where each house is at',
        settings: {
          fields: ['title', 'note'],
          detail: { fields: ['title', 'note', 'photo'] },
          filter: 'visibility in ("shown")',
          sort: [{ field: 'title', order: 'desc' }],
          blocks: { above: '<h2>Welcome</h2><img src="https://example.com/a.png" onerror="x()">', below: '<p>Bye</p>' },
        },
      });
      const res = await visitor(w.d, `${v.path}/data.json`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as VisitorListJson;
      expect(body.view).toEqual({
        kind: 'list',
        title: 'Our houses',
        description: 'Where each house is at',
        blocks: { above: '<h2>Welcome</h2><img src="https://example.com/a.png" />', below: '<p>Bye</p>' },
        columns: [
          { code: 'title', label: 'Title', type: 'SINGLE_LINE_TEXT' },
          { code: 'note', label: 'Note', type: 'MULTI_LINE_TEXT' },
        ],
        search: false,
        detail: true,
        pageSize: 20,
      });
      expect(body).toMatchObject({ totalCount: 2, page: 1, pages: 1 });
      expect(body.records).toEqual([
        { id: String(w.ids.Beta), values: { title: { type: 'SINGLE_LINE_TEXT', value: 'Beta' }, note: { type: 'MULTI_LINE_TEXT', value: 'note of Beta' } } },
        { id: String(w.ids.Alpha), values: { title: { type: 'SINGLE_LINE_TEXT', value: 'Alpha' }, note: { type: 'MULTI_LINE_TEXT', value: 'note of Alpha' } } },
      ]);
      // Its detail page has its own fields.
      const detail = await visitor(w.d, `${v.path}/records/${w.ids.Alpha}.json`);
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json().view.columns.map((c: { code: string }) => c.code)).toEqual(['title', 'note', 'photo']);
      expect(detail.json().record.values.photo.value).toEqual([
        { name: 'photo-Alpha.txt', contentType: 'text/plain', size: '27', url: expect.stringMatching(new RegExp(`^${v.path}/files/${w.ids.Alpha}/photo/[\\w-]{22}\\?expires=\\d+&sig=[\\w-]{43}$`)) },
      ]);
      // Without its search box, a visitor's text changes nothing.
      expect(titles(await visitor(w.d, `${v.path}/data.json?q=Alpha`))).toEqual(['Beta', 'Alpha']);
    });

    it('has no detail pages when they are switched off, and shows everything without a filter', async () => {
      const w = await viewWorld(h, 'light');
      const v = await publishedView(w, { settings: { fields: ['title'], detail: { enabled: false } } });
      const res = await visitor(w.d, `${v.path}/data.json`);
      expect(res.json().view.detail).toBe(false);
      // No filter: every record, newest first.
      expect(titles(res)).toEqual(['Gamma', 'Beta', 'Alpha']);
      expect((await visitor(w.d, `${v.path}/records/${w.ids.Alpha}.json`)).statusCode).toBe(404);
    });
  });

  describe('reading as the creator', () => {
    it('stops showing a field, a record or the whole view as soon as the creator may not read it', async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const { d } = w;
      const v = await publishedView(w, { settings: { fields: ['title', 'note'], filter: 'visibility in ("shown")' } });
      expect(titles(await visitor(d, `${v.path}/data.json`))).toEqual(['Beta', 'Alpha']);

      // The administrator hides `note` from the member who made the view.
      const noteAcl = await d.request({
        method: 'PUT',
        url: '/k/v1/field/acl.json',
        as: d.admin,
        payload: { app: w.app, rights: [{ code: 'note', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'admin' } }, { accessibility: 'NONE', entity: everyone }] }] },
      });
      expect(noteAcl.statusCode, noteAcl.body).toBe(200);
      const withoutNote = await visitor(d, `${v.path}/data.json`);
      expect(withoutNote.json().view.columns.map((c: { code: string }) => c.code)).toEqual(['title']);
      expect(withoutNote.body).not.toContain('note of');
      expect(Object.keys((await visitor(d, `${v.path}/records/${w.ids.Alpha}.json`)).json().record.values)).toEqual(['title']);

      // …and Beta, by a record permission.
      const recordAcl = await d.request({
        method: 'PUT',
        url: '/k/v1/record/acl.json',
        as: d.admin,
        payload: { app: w.app, rights: [{ filterCond: 'title = "Beta"', entities: [{ entity: { type: 'USER', code: 'admin' }, viewable: true, editable: true, deletable: true }] }] },
      });
      expect(recordAcl.statusCode, recordAcl.body).toBe(200);
      expect(titles(await visitor(d, `${v.path}/data.json`))).toEqual(['Alpha']);
      expect((await visitor(d, `${v.path}/records/${w.ids.Beta}.json`)).statusCode).toBe(404);

      // …and the field the filter is on: the view closes rather than show unfiltered records.
      const filterAcl = await d.request({
        method: 'PUT',
        url: '/k/v1/field/acl.json',
        as: d.admin,
        payload: { app: w.app, rights: [{ code: 'visibility', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'admin' } }, { accessibility: 'NONE', entity: everyone }] }] },
      });
      expect(filterAcl.statusCode, filterAcl.body).toBe(200);
      expect((await visitor(d, `${v.path}/data.json`)).statusCode).toBe(404);
      // Republishing checks again, and says why not.
      const again = await d.request({ method: 'POST', url: '/v1/public-view/publish.json', as: d.member, payload: { id: v.id, published: true } });
      expect(again.statusCode).toBe(400);
    });

    it("shows nothing once its creator is suspended, until a manager's change adopts the view", async () => {
      const w = await viewWorld(h, 'premium', { byMember: true });
      const { d } = w;
      const v = await publishedView(w);
      await h.services.db.updateTable('users').set({ valid: toDb.bool(kind, false) }).where('domainId', '=', d.id).where('id', '=', d.member.id).execute();
      expect((await visitor(d, `${v.path}/data.json`)).statusCode).toBe(404);
      const adopt = await d.request({ method: 'PUT', url: '/v1/public-views.json', as: d.admin, payload: { id: v.id, title: 'Ours now' } });
      expect(adopt.statusCode, adopt.body).toBe(200);
      expect(adopt.json().view.creator).toEqual({ id: String(d.admin.id), code: 'admin' });
      expect(titles(await visitor(d, `${v.path}/data.json`))).toEqual(['Alpha', 'Beta']);
      const audit = (await d.request({ method: 'GET', url: '/v1/audit.json?action=publicView.update', as: d.admin })).json().entries;
      expect(audit[0].detail).toMatchObject({ adoptedFrom: d.member.id });
    });
  });

  describe('freshness', () => {
    it('shows a record change in a list within seconds, and on its detail page at once', async () => {
      const w = await viewWorld(h);
      const v = await publishedView(w);
      expect(titles(await visitor(w.d, `${v.path}/data.json`))).toEqual(['Alpha', 'Beta']);
      expect((await visitor(w.d, `${v.path}/records/${w.ids.Alpha}.json`)).json().record.values.title.value).toBe('Alpha');
      await editRecord(w, w.ids.Alpha, { title: { value: 'Aardvark' } });
      // The detail page is keyed by the record's revision.
      expect((await visitor(w.d, `${v.path}/records/${w.ids.Alpha}.json`)).json().record.values.title.value).toBe('Aardvark');
      // The list is served from the cache for a moment (one page for thousands of visitors)…
      expect(titles(await visitor(w.d, `${v.path}/data.json`))).toEqual(['Alpha', 'Beta']);
      // …and made afresh once DATA_TTL_MS (well within 5 s) has passed.
      expect(DATA_TTL_MS).toBeLessThanOrEqual(5_000);
      h.clock.advance(DATA_TTL_MS);
      expect(titles(await visitor(w.d, `${v.path}/data.json`))).toEqual(['Aardvark', 'Beta']);
      // Moved out of the filter: its page is gone at once, its row within the same seconds.
      await editRecord(w, w.ids.Beta, { visibility: { value: 'withheld' } });
      expect((await visitor(w.d, `${v.path}/records/${w.ids.Beta}.json`)).statusCode).toBe(404);
      h.clock.advance(DATA_TTL_MS);
      expect(titles(await visitor(w.d, `${v.path}/data.json`))).toEqual(['Aardvark']);
    });

    it('with a live-event bus, shows a change at the next request', async () => {
      const bussed = await startApp(database());
      const bus = new MemoryEventBus();
      bussed.services.events = bus;
      try {
        const w = await viewWorld(bussed);
        const v = await publishedView(w);
        expect(titles(await visitor(w.d, `${v.path}/data.json`))).toEqual(['Alpha', 'Beta']);
        await editRecord(w, w.ids.Alpha, { title: { value: 'Aardvark' } });
        await new Promise((resolve) => setImmediate(resolve));
        expect(titles(await visitor(w.d, `${v.path}/data.json`))).toEqual(['Aardvark', 'Beta']);
        // A change of the view itself is seen at once too (its config version is in every key).
        const edit = await w.d.request({ method: 'PUT', url: '/v1/public-views.json', as: w.manager, payload: { id: v.id, title: 'Renamed' } });
        expect(edit.statusCode, edit.body).toBe(200);
        expect((await visitor(w.d, `${v.path}/data.json`)).json().view.title).toBe('Renamed');
      } finally {
        await bus.close();
        await bussed.close();
      }
    });
  });
  // SQLite in a file, as `npm start` runs it: visitors' new answers are read on a read thread.
}, { sqliteFile: true });
