import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名', required: true },
  code: { type: 'SINGLE_LINE_TEXT', code: 'code', label: 'コード', unique: true },
  price: { type: 'NUMBER', code: 'price', label: '単価' },
  qty: { type: 'NUMBER', code: 'qty', label: '数量', defaultValue: '1' },
  total: { type: 'CALC', code: 'total', label: '合計', expression: 'price * qty', format: 'NUMBER' },
  due: { type: 'DATE', code: 'due', label: '期限' },
  tags: { type: 'CHECK_BOX', code: 'tags', label: 'タグ', options: { A: { label: 'A', index: 0 }, B: { label: 'B', index: 1 } } },
  owner: { type: 'USER_SELECT', code: 'owner', label: '担当' },
  items: {
    type: 'SUBTABLE',
    code: 'items',
    label: '明細',
    fields: {
      item: { type: 'SINGLE_LINE_TEXT', code: 'item', label: '品目' },
      amount: { type: 'NUMBER', code: 'amount', label: '金額' },
    },
  },
  items_total: { type: 'CALC', code: 'items_total', label: '明細合計', expression: 'SUM(amount)', format: 'NUMBER' },
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('records', () => {
    it('adds a record with defaults and formulas, and reads it back in kintone’s shape', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS, { code: 'ORD' });
      const add = await d.request({
        method: 'POST',
        url: '/k/v1/record.json',
        as: d.member,
        payload: {
          app,
          record: {
            title: { value: '見積' },
            price: { value: '1500' },
            due: { value: '2026-5-1' },
            tags: { value: ['B', 'A'] },
            owner: { value: [{ code: 'admin' }] },
            items: { value: [{ value: { item: { value: 'ねじ' }, amount: { value: 100 } } }, { value: { item: { value: 'ボルト' }, amount: { value: '250' } } }] },
          },
        },
      });
      expect(add.statusCode, add.body).toBe(200);
      expect(add.json()).toEqual({ id: '1', revision: '1' });

      const get = await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=1`, as: d.member });
      const r = get.json().record;
      expect(r.$id).toEqual({ type: '__ID__', value: '1' });
      expect(r.$revision).toEqual({ type: '__REVISION__', value: '1' });
      expect(r.title.value).toBe('見積');
      expect(r.qty.value).toBe('1');
      expect(r.total.value).toBe('1500');
      expect(r.due.value).toBe('2026-05-01');
      expect(r.tags.value).toEqual(['A', 'B']);
      expect(r.owner.value).toEqual([{ code: 'admin', name: 'admin' }]);
      expect(r.items.value).toHaveLength(2);
      expect(r.items.value[0]).toMatchObject({ id: expect.stringMatching(/^\d+$/), value: { item: { type: 'SINGLE_LINE_TEXT', value: 'ねじ' } } });
      expect(r.items_total.value).toBe('350');
      const number = Object.values(r).find((f) => (f as { type: string }).type === 'RECORD_NUMBER') as { value: string };
      expect(number.value).toBe('ORD-1');
      const creator = Object.values(r).find((f) => (f as { type: string }).type === 'CREATOR') as { value: unknown };
      expect(creator.value).toEqual({ code: 'member', name: 'member' });
    });

    it('names every invalid value across many records and adds none', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const res = await d.request({
        method: 'POST',
        url: '/k/v1/records.json',
        as: d.member,
        payload: {
          app,
          records: [
            { title: { value: 'ok' } },
            { title: { value: '' }, price: { value: 'abc' } },
            { title: { value: 'x' }, tags: { value: ['Z'] }, owner: { value: [{ code: 'nobody' }] } },
          ],
        },
      });
      expect(res.statusCode).toBe(400);
      const keys = Object.keys(res.json().errors);
      expect(keys).toEqual(expect.arrayContaining(['records[1].title.value', 'records[1][price].value', 'records[2].tags.values[0].value', 'records[2].owner.values[0].value']));
      expect(keys.some((k) => k.startsWith('records[0]'))).toBe(false);
      const none = await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=1`, as: d.member });
      expect(none.statusCode).toBe(404);
      expect(none.json().code).toBe('GAIA_RE01');
    });

    it('refuses more than 100 records with kintone’s message', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const records = Array.from({ length: 101 }, (_, i) => ({ title: { value: `r${i}` } }));
      const res = await d.request({ method: 'POST', url: '/k/v1/records.json', as: d.member, payload: { app, records } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.records.messages).toEqual(['A maximum of 100 records can be added at one time.']);
    });

    it('keeps unique fields unique, within a request and against stored records', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app, record: { title: { value: 'a' }, code: { value: 'K-1' } } } });
      const dup = await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app, record: { title: { value: 'b' }, code: { value: 'K-1' } } } });
      expect(dup.statusCode).toBe(400);
      expect(dup.json().errors['record.code.value'].messages).toEqual(['This value already exists in another record.']);
      const both = await d.request({
        method: 'POST',
        url: '/k/v1/records.json',
        as: d.member,
        payload: { app, records: [{ title: { value: 'c' }, code: { value: 'K-2' } }, { title: { value: 'd' }, code: { value: 'K-2' } }] },
      });
      expect(both.statusCode).toBe(400);
      // Changing the value frees the old one.
      await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app, id: 1, record: { code: { value: 'K-9' } } } });
      const reuse = await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app, record: { title: { value: 'e' }, code: { value: 'K-1' } } } });
      expect(reuse.statusCode).toBe(200);
    });

    it('updates by id and by updateKey with revisions, merging table rows by id', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await d.request({
        method: 'POST',
        url: '/k/v1/record.json',
        as: d.member,
        payload: { app, record: { title: { value: 'a' }, code: { value: 'K-1' }, price: { value: 10 }, items: { value: [{ value: { item: { value: 'x' }, amount: { value: 1 } } }, { value: { item: { value: 'y' }, amount: { value: 2 } } }] } } },
      });
      const before = (await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=1`, as: d.member })).json().record;
      const [rowX] = before.items.value;

      const stale = await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app, id: 1, revision: 5, record: { title: { value: 'z' } } } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('GAIA_CO02');

      const put = await d.request({
        method: 'PUT',
        url: '/k/v1/record.json',
        as: d.admin,
        payload: { app, id: 1, revision: 1, record: { qty: { value: 3 }, items: { value: [{ id: rowX.id, value: { amount: { value: 5 } } }] } } },
      });
      expect(put.json()).toEqual({ revision: '2' });
      const after = (await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=1`, as: d.member })).json().record;
      expect(after.title.value).toBe('a');
      expect(after.total.value).toBe('30');
      expect(after.items.value).toEqual([{ id: rowX.id, value: { item: { type: 'SINGLE_LINE_TEXT', value: 'x' }, amount: { type: 'NUMBER', value: '5' } } }]);
      expect(after.items_total.value).toBe('5');
      const modifier = Object.values(after).find((f) => (f as { type: string }).type === 'MODIFIER') as { value: unknown };
      expect(modifier.value).toEqual({ code: 'admin', name: 'admin' });

      const byKey = await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app, updateKey: { field: 'code', value: 'K-1' }, record: { title: { value: 'by key' } } } });
      expect(byKey.json()).toEqual({ revision: '3' });
      const missing = await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app, id: 99, record: {} } });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('GAIA_RE01');
    });

    it('upserts: updates existing keys, inserts unknown keys and non-existent ids', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app, record: { title: { value: 'a' }, code: { value: 'K-1' } } } });
      const res = await d.request({
        method: 'PUT',
        url: '/k/v1/records.json',
        as: d.member,
        payload: {
          app,
          upsert: true,
          records: [
            { updateKey: { field: 'code', value: 'K-1' }, record: { title: { value: 'updated' } } },
            { updateKey: { field: 'code', value: 'K-2' }, record: { title: { value: 'inserted' } } },
            { id: '9007199254740991', record: { title: { value: 'from the CLI' } } },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().records).toEqual([
        { id: '1', revision: '2', operation: 'UPDATE' },
        { id: '2', revision: '1', operation: 'INSERT' },
        { id: '3', revision: '1', operation: 'INSERT' },
      ]);
      const inserted = (await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=2`, as: d.member })).json().record;
      expect(inserted.code.value).toBe('K-2');
    });

    it('deletes records all or nothing, honouring revisions and nulls', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      await d.request({ method: 'POST', url: '/k/v1/records.json', as: d.member, payload: { app, records: [{ title: { value: 'a' } }, { title: { value: 'b' } }] } });
      const bad = await d.request({ method: 'DELETE', url: `/k/v1/records.json?app=${app}&ids[0]=1&ids[1]=7`, as: d.member });
      expect(bad.statusCode).toBe(404);
      expect((await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=1`, as: d.member })).statusCode).toBe(200);
      const stale = await d.request({ method: 'DELETE', url: '/k/v1/records.json', as: d.member, payload: { app, ids: [1, 2], revisions: [null, 9] } });
      expect(stale.statusCode).toBe(409);
      const ok = await d.request({ method: 'DELETE', url: '/k/v1/records.json', as: d.member, payload: { app, ids: [1, 2], revisions: [null, 1] } });
      expect(ok.statusCode).toBe(200);
      expect((await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=2`, as: d.member })).statusCode).toBe(404);
    });

    it('answers another domain’s records like missing ones', async () => {
      const a = await newDomain(h);
      const b = await newDomain(h);
      const appA = await deployedApp(a, FIELDS);
      await a.request({ method: 'POST', url: '/k/v1/record.json', as: a.member, payload: { app: appA, record: { title: { value: 'secret' } } } });
      const res = await b.request({ method: 'GET', url: `/k/v1/record.json?app=${appA}&id=1`, as: b.admin });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('GAIA_AP01');
    });
  });
});

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('record attachments', () => {
    it('downloads a file only while its record holds it', async () => {
      const d = await newDomain(h);
      const other = await newDomain(h);
      const { upload, download, attachViaRecord } = await import('../../../test/support/files.js');
      const up = await upload(d, d.member, { name: '図面.pdf', type: 'application/pdf', data: '%PDF-1.4 test' });
      const attached = await attachViaRecord(d, d.member, up.json().fileKey);
      expect(attached).toMatchObject({ name: '図面.pdf', contentType: 'application/pdf', size: '13' });
      const ok = await download(d, d.admin, attached.fileKey);
      expect(ok.statusCode).toBe(200);
      expect(ok.body).toBe('%PDF-1.4 test');
      expect((await download(other, other.admin, attached.fileKey)).statusCode).toBe(404);

      // Replacing the file in the record removes the old one.
      const up2 = await upload(d, d.member, { name: 'v2.pdf', type: 'application/pdf', data: '%PDF-1.4 v2' });
      const put = await d.request({
        method: 'PUT',
        url: '/k/v1/record.json',
        as: d.member,
        payload: { app: attached.app, id: attached.record, record: { attachment: { value: [{ fileKey: up2.json().fileKey }] } } },
      });
      expect(put.statusCode, put.body).toBe(200);
      const old = await download(d, d.admin, attached.fileKey);
      expect(old.statusCode).toBe(404);
      expect(old.json().code).toBe('GAIA_BL01');

      const current = (await d.request({ method: 'GET', url: `/k/v1/record.json?app=${attached.app}&id=${attached.record}`, as: d.member })).json().record.attachment.value[0];
      await d.request({ method: 'DELETE', url: '/k/v1/records.json', as: d.member, payload: { app: attached.app, ids: [attached.record] } });
      expect((await download(d, d.admin, current.fileKey)).statusCode).toBe(404);
    });
  });
});
