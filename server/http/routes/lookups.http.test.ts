import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

async function world(d: TestDomain) {
  const customers = await deployedApp(d, {
    cust_code: { type: 'SINGLE_LINE_TEXT', code: 'cust_code', label: '顧客コード', unique: true },
    cust_name: { type: 'SINGLE_LINE_TEXT', code: 'cust_name', label: '顧客名' },
    rank: { type: 'NUMBER', code: 'rank', label: 'ランク' },
  });
  await d.request({
    method: 'POST',
    url: '/k/v1/records.json',
    as: d.member,
    payload: {
      app: customers,
      records: [
        { cust_code: { value: 'C-1' }, cust_name: { value: '山田工務店' }, rank: { value: 3 } },
        { cust_code: { value: 'C-2' }, cust_name: { value: '佐藤建設' }, rank: { value: 1 } },
      ],
    },
  });
  const orders = await deployedApp(d, {
    customer: {
      type: 'SINGLE_LINE_TEXT',
      code: 'customer',
      label: '顧客',
      lookup: {
        relatedApp: { app: String(customers) },
        relatedKeyField: 'cust_code',
        fieldMappings: [
          { field: 'customer_name', relatedField: 'cust_name' },
          { field: 'customer_rank', relatedField: 'rank' },
        ],
        lookupPickerFields: ['cust_code', 'cust_name'],
      },
    },
    customer_name: { type: 'SINGLE_LINE_TEXT', code: 'customer_name', label: '顧客名' },
    customer_rank: { type: 'NUMBER', code: 'customer_rank', label: 'ランク' },
    note: { type: 'SINGLE_LINE_TEXT', code: 'note', label: 'メモ' },
  });
  return { customers, orders };
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('lookups', () => {
    it('copies the source record’s fields on save, ignoring values sent for the copies', async () => {
      const d = await newDomain(h);
      const { orders } = await world(d);
      const add = await d.request({
        method: 'POST',
        url: '/k/v1/record.json',
        as: d.member,
        payload: { app: orders, record: { customer: { value: 'C-1' }, customer_name: { value: 'forged' } } },
      });
      expect(add.statusCode, add.body).toBe(200);
      const r = (await d.request({ method: 'GET', url: `/k/v1/record.json?app=${orders}&id=${add.json().id}`, as: d.member })).json().record;
      expect(r.customer_name.value).toBe('山田工務店');
      expect(r.customer_rank.value).toBe('3');
    });

    it('answers an unknown key with GAIA_LO04 and stores nothing', async () => {
      const d = await newDomain(h);
      const { orders } = await world(d);
      const res = await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app: orders, record: { customer: { value: 'C-404' } } } });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('GAIA_LO04');
      expect(res.json().errors).toBeUndefined();
      const list = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${orders}`, as: d.member });
      expect(list.json().records).toEqual([]);
    });

    it('keeps copies when other fields change, refreshes them when the key is sent, clears them with the key', async () => {
      const d = await newDomain(h);
      const { customers, orders } = await world(d);
      const { id } = (await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app: orders, record: { customer: { value: 'C-1' } } } })).json();
      await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app: customers, updateKey: { field: 'cust_code', value: 'C-1' }, record: { cust_name: { value: '山田建築' } } } });
      await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app: orders, id, record: { note: { value: 'x' } } } });
      const get = async () => (await d.request({ method: 'GET', url: `/k/v1/record.json?app=${orders}&id=${id}`, as: d.member })).json().record;
      expect((await get()).customer_name.value).toBe('山田工務店');
      await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app: orders, id, record: { customer: { value: 'C-1' } } } });
      expect((await get()).customer_name.value).toBe('山田建築');
      await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app: orders, id, record: { customer: { value: '' } } } });
      const cleared = await get();
      expect(cleared.customer_name.value).toBe('');
      expect(cleared.customer_rank.value).toBe('');
    });
  });
});

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  it('refuses lookups and related records that point at a missing or foreign app, or a non-unique key', async () => {
    const a = await newDomain(h);
    const b = await newDomain(h);
    const { customers } = await world(a);
    const foreign = await deployedApp(b, { k: { type: 'SINGLE_LINE_TEXT', code: 'k', label: 'k', unique: true } });
    const created = await a.request({ method: 'POST', url: '/k/v1/preview/app.json', as: a.admin, payload: { name: 'X' } });
    const app = Number(created.json().app);
    const lookupTo = (target: number, key: string) => ({
      ref: { type: 'SINGLE_LINE_TEXT', code: 'ref', label: 'ref', lookup: { relatedApp: { app: String(target) }, relatedKeyField: key, fieldMappings: [] } },
    });
    for (const [props, key] of [
      [lookupTo(foreign + 1000, 'cust_code'), 'properties.ref.lookup.relatedApp.app'],
      [lookupTo(customers, 'cust_name'), 'properties.ref.lookup.relatedKeyField'],
    ] as const) {
      const res = await a.request({ method: 'POST', url: '/k/v1/preview/app/form/fields.json', as: a.admin, payload: { app, properties: props } });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors)).toContain(key);
    }
    const related = await a.request({
      method: 'POST',
      url: '/k/v1/preview/app/form/fields.json',
      as: a.admin,
      payload: {
        app,
        properties: {
          orders: {
            type: 'REFERENCE_TABLE',
            code: 'orders',
            label: '関連',
            referenceTable: { relatedApp: { app: String(customers) }, condition: { field: 'Record_number', relatedField: 'nope' }, displayFields: ['cust_name'] },
          },
        },
      },
    });
    expect(related.statusCode).toBe(400);
    expect(Object.keys(related.json().errors)).toContain('properties.orders.referenceTable.condition.relatedField');
  });
});
