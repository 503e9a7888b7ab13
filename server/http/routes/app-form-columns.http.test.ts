// DELETE preview/app/form/fields.json with a table column's code: the column goes (from the
// layout and views too), the table keeps at least one column, and records lose that column's
// values once the app is updated.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  items: {
    type: 'SUBTABLE',
    code: 'items',
    label: 'Items',
    fields: { name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: 'Name' }, qty: { type: 'NUMBER', code: 'qty', label: 'Qty' } },
  },
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  it('deletes a table column by its code and keeps the table', async () => {
    const d = await newDomain(h);
    const app = await deployedApp(d, FIELDS, { as: d.member });
    await d.request({ method: 'PUT', url: '/k/v1/preview/app/views.json', as: d.member, payload: { app, views: { All: { type: 'LIST', fields: ['title', 'qty'] } } } });
    const del = await d.request({ method: 'DELETE', url: '/k/v1/preview/app/form/fields.json', as: d.member, payload: { app, fields: ['qty'] } });
    expect(del.statusCode, del.body).toBe(200);
    const { properties } = (await d.request({ method: 'GET', url: `/k/v1/preview/app/form/fields.json?app=${app}`, as: d.member })).json();
    expect(Object.keys(properties.items.fields)).toEqual(['name']);
    const { layout } = (await d.request({ method: 'GET', url: `/k/v1/preview/app/form/layout.json?app=${app}`, as: d.member })).json();
    expect(layout.find((r: { type: string }) => r.type === 'SUBTABLE').fields.map((f: { code: string }) => f.code)).toEqual(['name']);
    const { views } = (await d.request({ method: 'GET', url: `/k/v1/preview/app/views.json?app=${app}`, as: d.member })).json();
    expect(views.All.fields).toEqual(['title']);
  });

  it('refuses to empty a table, and names an unknown code as kintone does', async () => {
    const d = await newDomain(h);
    const app = await deployedApp(d, FIELDS, { as: d.member });
    const empty = await d.request({ method: 'DELETE', url: '/k/v1/preview/app/form/fields.json', as: d.member, payload: { app, fields: ['name', 'qty'] } });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().errors)).toEqual(['fields[0]', 'fields[1]']);
    const withTable = await d.request({ method: 'DELETE', url: '/k/v1/preview/app/form/fields.json', as: d.member, payload: { app, fields: ['name', 'qty', 'items'] } });
    expect(withTable.statusCode, withTable.body).toBe(200);
    const unknown = await d.request({ method: 'DELETE', url: '/k/v1/preview/app/form/fields.json', as: d.member, payload: { app, fields: ['nope'] } });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'GAIA_FC01']);
  });
});
