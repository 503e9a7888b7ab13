// An app's form layout and views through @kintone/rest-api-client, in preview and, after
// deploy, live, over the form with one field of every type.
import { describe, expect, it } from 'vitest';
import { ALL_FIELD_TYPES, appWithEveryField } from './all-field-types.js';
import { deployAndWait, eachKintoneServer, kintoneError } from '../support/kintone.js';

/** A layout placing every field of the all-types form, with decorations, a table and a group. */
const LAYOUT = [
  {
    type: 'ROW',
    fields: [
      { type: 'SINGLE_LINE_TEXT', code: 'title', size: { width: '400' } },
      { type: 'LABEL', label: '<b>見出し</b>', size: { width: '200' } },
    ],
  },
  {
    type: 'ROW',
    fields: [
      { type: 'NUMBER', code: 'price', size: { width: '120' } },
      { type: 'CALC', code: 'total', size: { width: '120' } },
      { type: 'SPACER', elementId: 'gap', size: { width: '50', height: '20' } },
      { type: 'RADIO_BUTTON', code: 'priority', size: { width: '150' } },
    ],
  },
  { type: 'ROW', fields: [{ type: 'HR', size: { width: '600' } }] },
  {
    type: 'ROW',
    fields: ['tags', 'regions', 'stage', 'due', 'start', 'meeting', 'site', 'attachments', 'owner', 'department', 'team'].map((code) => ({
      type: (ALL_FIELD_TYPES[code]!.sent.type as string),
      code,
      size: { width: '193' },
    })),
  },
  {
    type: 'SUBTABLE',
    code: 'items',
    fields: [
      { type: 'SINGLE_LINE_TEXT', code: 'item_name', size: { width: '200' } },
      { type: 'NUMBER', code: 'quantity', size: { width: '80' } },
      { type: 'CALC', code: 'subtotal', size: { width: '100' } },
    ],
  },
  {
    type: 'GROUP',
    code: 'section',
    layout: [
      {
        type: 'ROW',
        fields: [
          { type: 'MULTI_LINE_TEXT', code: 'notes', size: { width: '400', innerHeight: '100' } },
          { type: 'RICH_TEXT', code: 'body', size: { width: '400', innerHeight: '200' } },
        ],
      },
    ],
  },
] as const;

eachKintoneServer((server) => {
  describe('form layout', () => {
    it('lays out fields without a saved layout one per row, in the order they were added', async () => {
      const s = server();
      const { admin, app } = await appWithEveryField(s.client(s.admin));
      const initial = await admin.app.getFormLayout({ app, preview: true });
      expect(initial.revision).toBe('3');
      const placed = initial.layout.map((row) => (row.type === 'ROW' ? row.fields.map((f) => ('code' in f ? f.code : f.type)).join() : `${row.type}:${row.code}`));
      expect(placed).toEqual(Object.keys(ALL_FIELD_TYPES).map((code) => (code === 'items' ? 'SUBTABLE:items' : code === 'section' ? 'GROUP:section' : code)));
    });

    it('keeps a saved layout exactly, live only after deploy', async () => {
      const s = server();
      const { admin, app } = await appWithEveryField(s.client(s.admin));
      expect(await admin.app.updateFormLayout({ app, layout: structuredClone(LAYOUT) as never, revision: '3' })).toEqual({ revision: '4' });
      const saved = await admin.app.getFormLayout({ app, preview: true });
      expect(saved).toStrictEqual({ layout: LAYOUT, revision: '4' });
      expect((await admin.app.getFormLayout({ app })).layout).toStrictEqual([]);

      await deployAndWait(admin, [app]);
      expect(await admin.app.getFormLayout({ app })).toStrictEqual(saved);
      expect(await s.client(s.member).app.getFormLayout({ app })).toStrictEqual(saved);
    });

    it('refuses a layout naming a field that does not exist, and a stale revision', async () => {
      const s = server();
      const { admin, app } = await appWithEveryField(s.client(s.admin));
      const bad = [{ type: 'ROW' as const, fields: [{ type: 'NUMBER', code: 'missing', size: { width: '100' } }] }];
      const e = await kintoneError(admin.app.updateFormLayout({ app, layout: bad }), 400, 'CB_VA01');
      expect(Object.keys(e.errors)).toEqual(['layout[0].fields[0].code']);
      await kintoneError(admin.app.updateFormLayout({ app, layout: structuredClone(LAYOUT) as never, revision: '2' }), 409, 'GAIA_CO02');
    });
  });

  describe('views', () => {
    it('replaces the views, answering their ids, keeping ids by name; live only after deploy', async () => {
      const s = server();
      const { admin, app } = await appWithEveryField(s.client(s.admin));
      expect(await admin.app.getViews({ app, preview: true })).toEqual({ views: {}, revision: '3' });

      const views = {
        一覧: { type: 'LIST' as const, index: 0, fields: ['Record_number', 'title', 'price', 'stage'], filterCond: 'price > 100', sort: 'price desc' },
        予定: { type: 'CALENDAR' as const, index: 1, date: 'due', title: 'title', filterCond: '', sort: 'Record_number asc' },
        カスタム: { type: 'CUSTOM' as const, index: 2, html: '<div id="board"></div>', pager: false, device: 'ANY' as const },
      };
      const put = await admin.app.updateViews({ app, views, revision: '3' });
      expect(put).toEqual({
        views: { 一覧: { id: expect.stringMatching(/^\d+$/) }, 予定: { id: expect.stringMatching(/^\d+$/) }, カスタム: { id: expect.stringMatching(/^\d+$/) } },
        revision: '4',
      });
      const ids = Object.values(put.views).map((v) => v.id);
      expect(new Set(ids).size).toBe(3);

      const got = await admin.app.getViews({ app, preview: true });
      expect(got).toStrictEqual({
        views: {
          一覧: { ...views.一覧, index: '0', id: put.views.一覧!.id, name: '一覧' },
          予定: { ...views.予定, index: '1', id: put.views.予定!.id, name: '予定' },
          カスタム: { ...views.カスタム, index: '2', id: put.views.カスタム!.id, name: 'カスタム', filterCond: '', sort: '' },
        },
        revision: '4',
      });
      expect((await admin.app.getViews({ app })).views).toEqual({});

      // A second PUT is the whole set: 予定 goes, 一覧 keeps its id, 新規 gets a new one.
      const again = await admin.app.updateViews({
        app,
        views: { 新規: { type: 'LIST', index: 0, fields: ['title'] }, 一覧: { type: 'LIST', index: 1, fields: ['title'] } },
      });
      expect(again.views.一覧).toEqual(put.views.一覧);
      expect(ids).not.toContain(again.views.新規!.id);
      await deployAndWait(admin, [app]);
      const live = await admin.app.getViews({ app });
      expect(Object.keys(live.views).sort()).toEqual(['一覧', '新規'].sort());
      expect(live.views.新規).toMatchObject({ type: 'LIST', index: '0', fields: ['title'], filterCond: '', sort: '' });
      await kintoneError(admin.app.updateViews({ app, views: {}, revision: '4' }), 409, 'GAIA_CO02');
    });
  });
});
