// Queries on Related Records fields (`ref.field in (…)`): customers found by their orders, within
// the reference's own condition and filter and what the caller may see of the orders app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function world() {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    const orders = await deployedApp(
      d,
      {
        customer: { type: 'SINGLE_LINE_TEXT', code: 'customer', label: '顧客' },
        state: { type: 'DROP_DOWN', code: 'state', label: '状態', options: { open: { label: 'open', index: '0' }, done: { label: 'done', index: '1' } } },
        amount: { type: 'NUMBER', code: 'amount', label: '金額' },
        memo: { type: 'SINGLE_LINE_TEXT', code: 'memo', label: 'メモ' },
      },
      { as: d.member },
    );
    const customers = await deployedApp(
      d,
      {
        cust_code: { type: 'SINGLE_LINE_TEXT', code: 'cust_code', label: '顧客コード', unique: true },
        rank: { type: 'NUMBER', code: 'rank', label: 'ランク' },
        orders: {
          type: 'REFERENCE_TABLE',
          code: 'orders',
          label: '注文',
          referenceTable: { relatedApp: { app: String(orders) }, condition: { field: 'cust_code', relatedField: 'customer' }, filterCond: 'amount > 0', displayFields: ['state'], sort: '', size: '5' },
        },
      },
      { as: d.member },
    );
    const add = async (app: number, records: object[]) => {
      const res = await d.request({ method: 'POST', url: '/k/v1/records.json', as: d.member, payload: { app, records } });
      expect(res.statusCode, res.body).toBe(200);
    };
    await add(customers, ['C-1', 'C-2', 'C-3', 'C-4'].map((c, i) => ({ cust_code: { value: c }, rank: { value: String(i + 1) } })));
    await add(orders, [
      { customer: { value: 'C-1' }, state: { value: 'open' }, amount: { value: '100' }, memo: { value: '至急' } },
      { customer: { value: 'C-1' }, state: { value: 'done' }, amount: { value: '50' } },
      { customer: { value: 'C-2' }, state: { value: 'done' }, amount: { value: '70' } },
      // Outside the reference's filter (amount > 0): never counts as C-4's order.
      { customer: { value: 'C-4' }, state: { value: 'open' }, amount: { value: '0' } },
    ]);
    return { d, carol, orders, customers };
  }

  async function codes(d: TestDomain, who: Persona, app: number, query: string): Promise<string[] | string> {
    const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&totalCount=true&query=${encodeURIComponent(`${query} order by cust_code asc`)}`, as: who });
    if (res.statusCode !== 200) return `${res.statusCode} ${res.json().code}`;
    expect(res.json().totalCount).toBe(String(res.json().records.length));
    return res.json().records.map((r: { cust_code: { value: string } }) => r.cust_code.value);
  }

  describe('conditions on Related Records fields', () => {
    it('finds records by their related records, within the reference’s condition and filter', async () => {
      const { d, customers } = await world();
      expect(await codes(d, d.member, customers, 'orders.state in ("open")')).toEqual(['C-1']);
      expect(await codes(d, d.member, customers, 'orders.state in ("done")')).toEqual(['C-1', 'C-2']);
      expect(await codes(d, d.member, customers, 'orders.state not in ("open")')).toEqual(['C-2', 'C-3', 'C-4']);
      expect(await codes(d, d.member, customers, 'orders.state in ("done") and rank > 1')).toEqual(['C-2']);
      expect(await codes(d, d.member, customers, 'orders.state in ("open") or rank = 3')).toEqual(['C-1', 'C-3']);
      expect(await codes(d, d.member, customers, 'orders.amount in ("70", "100")')).toEqual(['C-1', 'C-2']);
      expect(await codes(d, d.member, customers, 'orders.memo like "至急"')).toEqual(['C-1']);
    });

    it('refuses operators kintone refuses and fields the related app does not have', async () => {
      const { d, customers } = await world();
      expect(await codes(d, d.member, customers, 'orders.state = "open"')).toBe('400 GAIA_IQ03');
      expect(await codes(d, d.member, customers, 'orders.nothing in ("x")')).toBe('400 GAIA_IQ11');
      expect(await codes(d, d.member, customers, 'rank.state in ("x")')).toBe('400 GAIA_IR02');
    });

    it('sees the related app only as the caller may: its records and fields', async () => {
      const { d, carol, orders, customers } = await world();
      // carol may not see open orders, nor the memo field.
      await d.request({
        method: 'PUT',
        url: '/k/v1/record/acl.json',
        as: d.member,
        payload: { app: orders, rights: [{ filterCond: 'state in ("open")', entities: [{ entity: { type: 'USER', code: 'member' }, viewable: true }] }] },
      });
      await d.request({
        method: 'PUT',
        url: '/k/v1/field/acl.json',
        as: d.member,
        payload: { app: orders, rights: [{ code: 'memo', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } }] }] },
      });
      expect(await codes(d, carol, customers, 'orders.state in ("open")')).toEqual([]);
      expect(await codes(d, d.member, customers, 'orders.state in ("open")')).toEqual(['C-1']);
      expect(await codes(d, carol, customers, 'orders.memo like "至急"')).toBe('400 GAIA_IQ11');
      // Without any right on the orders app, its fields are unknown to her.
      await d.request({ method: 'PUT', url: '/k/v1/app/acl.json', as: d.member, payload: { app: orders, rights: [{ entity: { type: 'CREATOR', code: null }, appEditable: true, recordViewable: true }] } });
      expect(await codes(d, carol, customers, 'orders.state in ("done")')).toBe('400 GAIA_IQ11');
    });

    it('pages a cursor through the same records', async () => {
      const { d, customers } = await world();
      const made = await d.request({ method: 'POST', url: '/k/v1/records/cursor.json', as: d.member, payload: { app: customers, query: 'orders.state in ("done") order by $id asc', size: 1 } });
      expect(made.statusCode, made.body).toBe(200);
      expect(made.json().totalCount).toBe('2');
      const page = await d.request({ method: 'GET', url: `/k/v1/records/cursor.json?id=${made.json().id}`, as: d.member });
      expect(page.json().records[0].cust_code.value).toBe('C-1');
    });
  });
});
