import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const IMPORT = '/v1/records/import.json';

async function reportsApp(d: TestDomain): Promise<number> {
  return deployedApp(d, {
    ref: { type: 'SINGLE_LINE_TEXT', code: 'ref', label: 'Reference', unique: true },
    amount: { type: 'NUMBER', code: 'amount', label: 'Amount', maxValue: '100' },
  });
}

async function count(d: TestDomain, app: number): Promise<number> {
  const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&totalCount=true&limit=1`, as: d.admin });
  return Number(res.json().totalCount);
}

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ ref: { value: `R-${from + i}` }, amount: { value: (from + i) % 100 } }));

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('record import', () => {
    it('adds more records than one bulkRequest holds, in one go', async () => {
      const d = await newDomain(h);
      const app = await reportsApp(d);
      const res = await d.request({ method: 'POST', url: IMPORT, as: d.member, payload: { app, mode: 'add', records: rows(2105) } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ added: '2105', updated: '0' });
      expect(await count(d, app)).toBe(2105);
    });

    it('keeps nothing when one record is refused, naming it by its place in the import', async () => {
      const d = await newDomain(h);
      const app = await reportsApp(d);
      const records = rows(250);
      records[180] = { ref: { value: 'R-bad' }, amount: { value: 500 } };
      const res = await d.request({ method: 'POST', url: IMPORT, as: d.member, payload: { app, mode: 'add', records } });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('CB_VA01');
      expect(Object.keys(res.json().errors)).toEqual(['records[180].amount.value']);
      expect(await count(d, app)).toBe(0);
      // A duplicate across steps is refused too, and still nothing stays.
      const twice = [...rows(150), ...rows(1, 3)];
      const dup = await d.request({ method: 'POST', url: IMPORT, as: d.member, payload: { app, mode: 'add', records: twice } });
      expect(dup.statusCode).toBe(400);
      expect(await count(d, app)).toBe(0);
    });

    it('updates records by a key field and adds the rest', async () => {
      const d = await newDomain(h);
      const app = await reportsApp(d);
      await d.request({ method: 'POST', url: IMPORT, as: d.member, payload: { app, mode: 'add', records: rows(3) } });
      const items = [0, 1, 2, 3].map((i) => ({ updateKey: { field: 'ref', value: `R-${i}` }, record: { amount: { value: 42 } } }));
      const res = await d.request({ method: 'POST', url: IMPORT, as: d.member, payload: { app, mode: 'upsert', records: items } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ added: '1', updated: '3' });
      const list = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('order by ref asc')}`, as: d.member });
      expect(list.json().records.map((r: any) => [r.ref.value, r.amount.value])).toEqual([
        ['R-0', '42'],
        ['R-1', '42'],
        ['R-2', '42'],
        ['R-3', '42'],
      ]);
    });

    it('needs the add right, and checks its input', async () => {
      const d = await newDomain(h);
      const app = await reportsApp(d);
      await d.request({
        method: 'PUT',
        url: '/k/v1/app/acl.json',
        as: d.admin,
        payload: { app, rights: [{ entity: { type: 'GROUP', code: 'everyone' }, recordViewable: true }, { entity: { type: 'CREATOR' }, appEditable: true, recordViewable: true, recordAddable: true }] },
      });
      const refused = await d.request({ method: 'POST', url: IMPORT, as: d.member, payload: { app, mode: 'add', records: rows(2) } });
      expect(refused.statusCode).toBe(403);
      expect(await count(d, app)).toBe(0);
      const empty = await d.request({ method: 'POST', url: IMPORT, as: d.admin, payload: { app, mode: 'add', records: [] } });
      expect(empty.statusCode).toBe(400);
      const anonymous = await d.request({ method: 'POST', url: IMPORT, payload: { app, mode: 'add', records: rows(1) } });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});
