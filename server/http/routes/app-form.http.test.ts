import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';

async function newApp(d: TestDomain) {
  const res = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as: d.admin, payload: { name: 'Orders' } });
  return Number(res.json().app);
}

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名', required: true, maxLength: 100 },
  amount: { type: 'NUMBER', code: 'amount', label: '金額', unit: '円', unitPosition: 'AFTER' },
  status_choice: {
    type: 'DROP_DOWN',
    code: 'status_choice',
    label: '状況',
    options: { 未着手: { label: '未着手', index: 0 }, 完了: { label: '完了', index: 1 } },
  },
  items: {
    type: 'SUBTABLE',
    code: 'items',
    label: '明細',
    fields: { item: { type: 'SINGLE_LINE_TEXT', code: 'item', label: '品目' }, qty: { type: 'NUMBER', code: 'qty', label: '数量' } },
  },
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database(), { DEFAULT_LOCALE: 'ja' });
  });
  afterAll(async () => h.close());

  describe('form fields in preview', () => {
    it('starts an app with the system fields named in the creator’s language', async () => {
      const d = await newDomain(h);
      const app = await newApp(d);
      const res = await d.request({ method: 'GET', url: `/k/v1/preview/app/form/fields.json?app=${app}`, as: d.admin });
      const types = Object.values(res.json().properties as Record<string, { type: string }>).map((p) => p.type).sort();
      expect(types).toEqual(['CATEGORY', 'CREATED_TIME', 'CREATOR', 'MODIFIER', 'RECORD_NUMBER', 'STATUS', 'STATUS_ASSIGNEE', 'UPDATED_TIME']);
      // The admin was created with the domain's default locale (ja here).
      expect(Object.keys(res.json().properties)).toContain('レコード番号');
    });

    it('adds fields with kintone’s defaults, and they go live only on deploy', async () => {
      const d = await newDomain(h);
      const app = await newApp(d);
      const add = await d.request({ method: 'POST', url: '/k/v1/preview/app/form/fields.json', as: d.admin, payload: { app, properties: FIELDS, revision: 2 } });
      expect(add.json()).toEqual({ revision: '3' });
      const preview = (await d.request({ method: 'GET', url: `/k/v1/preview/app/form/fields.json?app=${app}`, as: d.admin })).json();
      expect(preview.revision).toBe('3');
      expect(preview.properties.title).toMatchObject({ type: 'SINGLE_LINE_TEXT', required: true, maxLength: '100', minLength: '', unique: false, defaultValue: '' });
      expect(preview.properties.amount).toMatchObject({ unit: '円', unitPosition: 'AFTER', digit: false, displayScale: '' });
      expect(preview.properties.items.fields.qty).toMatchObject({ type: 'NUMBER', code: 'qty' });

      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
      const live = (await d.request({ method: 'GET', url: `/k/v1/app/form/fields.json?app=${app}`, as: d.member })).json();
      expect(live.revision).toBe('3');
      expect(live.properties.title.label).toBe('件名');
    });

    it('names every problem in the properties and saves none of them', async () => {
      const d = await newDomain(h);
      const app = await newApp(d);
      const res = await d.request({
        method: 'POST',
        url: '/k/v1/preview/app/form/fields.json',
        as: d.admin,
        payload: {
          app,
          properties: {
            ok: { type: 'SINGLE_LINE_TEXT', code: 'ok', label: 'OK' },
            '1bad': { type: 'SINGLE_LINE_TEXT', code: '1bad', label: 'Bad' },
            range: { type: 'NUMBER', code: 'range', label: 'R', minValue: '10', maxValue: '1' },
            __proto__x: { type: 'NO_SUCH_TYPE', code: '__proto__x', label: 'X' },
          },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors).length).toBeGreaterThanOrEqual(3);
      const after = (await d.request({ method: 'GET', url: `/k/v1/preview/app/form/fields.json?app=${app}`, as: d.admin })).json();
      expect(after.properties.ok).toBeUndefined();
      expect(after.revision).toBe('2');
    });

    it('updates and renames a field, and refuses to delete system fields or unknown codes', async () => {
      const d = await newDomain(h);
      const app = await newApp(d);
      await d.request({ method: 'POST', url: '/k/v1/preview/app/form/fields.json', as: d.admin, payload: { app, properties: FIELDS } });
      const upd = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/form/fields.json',
        as: d.admin,
        payload: { app, properties: { title: { code: 'subject', label: '題名' } } },
      });
      expect(upd.statusCode).toBe(200);
      const after = (await d.request({ method: 'GET', url: `/k/v1/preview/app/form/fields.json?app=${app}`, as: d.admin })).json();
      expect(after.properties.title).toBeUndefined();
      expect(after.properties.subject).toMatchObject({ label: '題名', maxLength: '100', required: true });

      const unknown = await d.request({ method: 'PUT', url: '/k/v1/preview/app/form/fields.json', as: d.admin, payload: { app, properties: { nope: { label: 'x' } } } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().code).toBe('GAIA_FC01');

      const system = await d.request({ method: 'DELETE', url: `/k/v1/preview/app/form/fields.json?app=${app}&fields[0]=${encodeURIComponent('レコード番号')}`, as: d.admin });
      expect(system.statusCode).toBe(400);
      const del = await d.request({ method: 'DELETE', url: '/k/v1/preview/app/form/fields.json', as: d.admin, payload: { app, fields: ['amount'] } });
      expect(del.statusCode).toBe(200);
      const final = (await d.request({ method: 'GET', url: `/k/v1/preview/app/form/fields.json?app=${app}`, as: d.admin })).json();
      expect(final.properties.amount).toBeUndefined();
      expect(final.properties.subject).toBeDefined();
    });
  });

  describe('layout and views', () => {
    it('lays out fields by default and keeps a saved layout; deleting a field prunes it', async () => {
      const d = await newDomain(h);
      const app = await newApp(d);
      await d.request({ method: 'POST', url: '/k/v1/preview/app/form/fields.json', as: d.admin, payload: { app, properties: FIELDS } });
      const initial = (await d.request({ method: 'GET', url: `/k/v1/preview/app/form/layout.json?app=${app}`, as: d.admin })).json();
      const codes = JSON.stringify(initial.layout);
      for (const code of ['title', 'amount', 'status_choice', 'items']) expect(codes).toContain(`"${code}"`);

      const layout = [
        { type: 'ROW', fields: [{ type: 'SINGLE_LINE_TEXT', code: 'title', size: { width: '300' } }, { type: 'NUMBER', code: 'amount', size: { width: '120' } }] },
        { type: 'SUBTABLE', code: 'items', fields: [{ type: 'SINGLE_LINE_TEXT', code: 'item', size: { width: '200' } }, { type: 'NUMBER', code: 'qty', size: { width: '80' } }] },
      ];
      const put = await d.request({ method: 'PUT', url: '/k/v1/preview/app/form/layout.json', as: d.admin, payload: { app, layout } });
      expect(put.statusCode).toBe(200);
      await d.request({ method: 'DELETE', url: '/k/v1/preview/app/form/fields.json', as: d.admin, payload: { app, fields: ['amount'] } });
      const saved = (await d.request({ method: 'GET', url: `/k/v1/preview/app/form/layout.json?app=${app}`, as: d.admin })).json();
      expect(saved.layout[0].fields.map((f: { code: string }) => f.code)).toEqual(['title']);

      const badLayout = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/form/layout.json',
        as: d.admin,
        payload: { app, layout: [{ type: 'ROW', fields: [{ type: 'NUMBER', code: 'ghost', size: { width: '1' } }] }] },
      });
      expect(badLayout.statusCode).toBe(400);
    });

    it('replaces the views, keeping ids by name', async () => {
      const d = await newDomain(h);
      const app = await newApp(d);
      await d.request({ method: 'POST', url: '/k/v1/preview/app/form/fields.json', as: d.admin, payload: { app, properties: FIELDS } });
      const first = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/views.json',
        as: d.admin,
        payload: { app, views: { 一覧: { type: 'LIST', index: 0, fields: ['title', 'amount'], filterCond: '', sort: '$id desc' } } },
      });
      expect(first.statusCode).toBe(200);
      const id = first.json().views['一覧'].id;
      const second = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/views.json',
        as: d.admin,
        payload: {
          app,
          views: {
            一覧: { type: 'LIST', index: 1, fields: ['title'] },
            カレンダー: { type: 'CALENDAR', index: 0, date: '作成日時', title: 'title' },
          },
        },
      });
      expect(second.json().views['一覧'].id).toBe(id);
      expect(second.json().views['カレンダー'].id).not.toBe(id);
      const views = (await d.request({ method: 'GET', url: `/k/v1/preview/app/views.json?app=${app}`, as: d.admin })).json().views;
      expect(Object.keys(views).sort()).toEqual(['カレンダー', '一覧'].sort());
      expect(views['一覧'].fields).toEqual(['title']);
    });
  });
});
