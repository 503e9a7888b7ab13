// Hostile probes on records, fields and API tokens (spec/security.md §3.4, group R): a caller
// must learn nothing about records outside their scope or fields they may not see — not by
// filtering, sorting, counting, paging, keys, duplicates, files or another app's token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../support/app.js';
import { deployedApp } from '../support/apps.js';
import { eachDatabase } from '../support/db.js';
import { download, upload } from '../support/files.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
  salary: { type: 'NUMBER', code: 'salary', label: '給与' },
  bonus: { type: 'CALC', code: 'bonus', label: '賞与', expression: 'salary * 2', format: 'NUMBER' },
  badge: { type: 'SINGLE_LINE_TEXT', code: 'badge', label: '社員番号', unique: true },
  doc: { type: 'FILE', code: 'doc', label: '資料' },
  items: {
    type: 'SUBTABLE',
    code: 'items',
    label: '明細',
    fields: { secret_note: { type: 'SINGLE_LINE_TEXT', code: 'secret_note', label: '内部メモ' } },
  },
  kind: { type: 'DROP_DOWN', code: 'kind', label: '区分', options: { open: { label: 'open', index: '0' }, closed: { label: 'closed', index: '1' } } },
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  /**
   * member manages the app; carol (U_OUT-like) may see only `open` records, and neither the
   * salary nor the table. Record 1 is open, record 2 closed.
   */
  async function world() {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    const app = await deployedApp(d, FIELDS, { as: d.member });
    const file = await upload(d, d.member, { name: 'payslip.pdf', type: 'application/pdf', data: '%PDF-1.4 secret' });
    const add = await d.request({
      method: 'POST',
      url: '/k/v1/records.json',
      as: d.member,
      payload: {
        app,
        records: [
          { title: { value: '公開' }, salary: { value: '400' }, badge: { value: 'B-1' }, kind: { value: 'open' }, items: { value: [{ value: { secret_note: { value: 'n1' } } }] } },
          { title: { value: '非公開' }, salary: { value: '900' }, badge: { value: 'B-2' }, kind: { value: 'closed' }, doc: { value: [{ fileKey: file.json().fileKey }] } },
        ],
      },
    });
    expect(add.statusCode, add.body).toBe(200);
    await d.request({
      method: 'PUT',
      url: '/k/v1/record/acl.json',
      as: d.member,
      payload: {
        app,
        rights: [
          {
            filterCond: 'kind in ("closed")',
            entities: [{ entity: { type: 'USER', code: 'member' }, viewable: true, editable: true, deletable: true }],
          },
        ],
      },
    });
    const acl = await d.request({
      method: 'PUT',
      url: '/k/v1/field/acl.json',
      as: d.member,
      payload: {
        app,
        rights: ['salary', 'items', 'badge'].map((code) => ({
          code,
          entities: [
            { accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } },
            { accessibility: 'NONE', entity: { type: 'GROUP', code: 'everyone' } },
          ],
        })),
      },
    });
    expect(acl.statusCode, acl.body).toBe(200);
    const fileKey = (await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=2`, as: d.member })).json().record.doc.value[0].fileKey as string;
    return { d, app, carol, fileKey };
  }

  const get = (d: TestDomain, who: Persona, url: string) => d.request({ method: 'GET', url, as: who });
  const query = (app: number, q: string, extra = '') => `/k/v1/records.json?app=${app}&query=${encodeURIComponent(q)}${extra}`;

  describe('R1–R3 hidden fields cannot be filtered, sorted, counted or asked for', () => {
    it('answers every use of a hidden field like a field that does not exist', async () => {
      const { d, app, carol } = await world();
      const unknown = (await get(d, carol, query(app, 'nothing_here > 1'))).json();
      for (const q of [
        'salary > 1000000',
        'salary in ("400")',
        'title like "公" or salary > 0',
        'secret_note = "n1"',
        'secret_note like "n"',
        'order by salary desc',
        'order by secret_note asc',
      ]) {
        const res = await get(d, carol, query(app, q, '&totalCount=true'));
        expect(res.statusCode, q).toBe(400);
        const body = res.json();
        expect(body.code, q).toBe('GAIA_IQ11');
        expect(Object.keys(body).sort(), q).toEqual(Object.keys(unknown).sort());
      }
      const asked = await get(d, carol, `/k/v1/records.json?app=${app}&fields[0]=salary&fields[1]=items&fields[2]=title`);
      expect(asked.json().records).toEqual([{ title: { type: 'SINGLE_LINE_TEXT', value: '公開' } }]);
    });

    it('R12 shows a calculation over a hidden field, which follows its own permission', async () => {
      const { d, app, carol } = await world();
      const r = (await get(d, carol, `/k/v1/record.json?app=${app}&id=1`)).json().record;
      expect(r.salary).toBeUndefined();
      expect(r.bonus.value).toBe('800');
    });
  });

  describe('R4 cursors', () => {
    it('refuses hidden fields, belongs to its maker, and follows permissions changed mid-way', async () => {
      const { d, app, carol } = await world();
      const hidden = await d.request({ method: 'POST', url: '/k/v1/records/cursor.json', as: carol, payload: { app, query: 'salary > 0' } });
      expect(hidden.json().code).toBe('GAIA_IQ11');
      const mine = await d.request({ method: 'POST', url: '/k/v1/records/cursor.json', as: d.member, payload: { app, size: 1, query: 'order by $id asc' } });
      const stolen = await get(d, carol, `/k/v1/records/cursor.json?id=${mine.json().id}`);
      expect(stolen.statusCode).toBe(404);
      expect(stolen.json().code).toBe('GAIA_CN01');

      const first = await get(d, d.member, `/k/v1/records/cursor.json?id=${mine.json().id}`);
      expect(first.json().records[0].salary.value).toBe('400');
      // The manager takes the salary away from themself between two pages.
      await d.request({
        method: 'PUT',
        url: '/k/v1/field/acl.json',
        as: d.member,
        payload: { app, rights: [{ code: 'salary', entities: [{ accessibility: 'NONE', entity: { type: 'GROUP', code: 'everyone' } }] }] },
      });
      const second = await get(d, d.member, `/k/v1/records/cursor.json?id=${mine.json().id}`);
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json().records[0].salary).toBeUndefined();
    });
  });

  describe('R5, R6 keys and duplicates', () => {
    it('never confirms a hidden unique value by a duplicate error', async () => {
      const { d, app, carol } = await world();
      // badge is hidden: writing it is refused before any duplicate check could answer.
      const res = await d.request({ method: 'POST', url: '/k/v1/record.json', as: carol, payload: { app, record: { title: { value: 'x' }, badge: { value: 'B-2' } } } });
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('B-2');
      // Where the caller may write the field, the duplicate error names neither record nor value.
      const dup = await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app, record: { badge: { value: 'B-2' } } } });
      expect(dup.statusCode).toBe(400);
      expect(dup.body).not.toMatch(/B-2|"2"|ID: 2/);
    });
  });

  describe('R7 writes to what one may not write', () => {
    it('refuses a hidden table row, in a bulk request too, and writes nothing', async () => {
      const { d, app, carol } = await world();
      const row = await d.request({ method: 'PUT', url: '/k/v1/record.json', as: carol, payload: { app, id: 1, record: { items: { value: [{ value: { secret_note: { value: 'mine' } } }] } } } });
      expect(row.statusCode).toBe(403);
      const bulk = await d.request({
        method: 'POST',
        url: '/k/v1/bulkRequest.json',
        as: carol,
        payload: {
          requests: [
            { method: 'PUT', api: '/k/v1/record.json', payload: { app, id: 1, record: { title: { value: 'changed' } } } },
            { method: 'PUT', api: '/k/v1/record.json', payload: { app, id: 1, record: { salary: { value: '1' } } } },
          ],
        },
      });
      expect(bulk.statusCode).toBe(403);
      expect(bulk.json().results[1].code).toBe('CB_NO02');
      const r = (await get(d, d.member, `/k/v1/record.json?app=${app}&id=1`)).json().record;
      expect([r.title.value, r.salary.value, r.items.value[0].value.secret_note.value]).toEqual(['公開', '400', 'n1']);
    });
  });

  describe('R8, R11 records outside the scope', () => {
    it('are missing from paging queries as the CLI sends them, and from files', async () => {
      const { d, app, carol, fileKey } = await world();
      const page = await get(d, carol, query(app, '$id > 0 order by $id asc limit 500'));
      expect(page.json().records.map((r: { $id: { value: string } }) => r.$id.value)).toEqual(['1']);
      const file = await download(d, carol, fileKey);
      expect(file.statusCode).toBe(404);
      expect(file.json().code).toBe('GAIA_BL01');
      expect(file.body).not.toContain('secret');
    });
  });

  describe('F1 files of hidden fields', () => {
    it('are not downloadable by someone who may not read the field', async () => {
      const { d, app, carol, fileKey } = await world();
      // Open record 2 to carol, but hide its attachment field from her.
      await d.request({ method: 'PUT', url: '/k/v1/record/acl.json', as: d.member, payload: { app, rights: [] } });
      await d.request({
        method: 'PUT',
        url: '/k/v1/field/acl.json',
        as: d.member,
        payload: { app, rights: [{ code: 'doc', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } }] }] },
      });
      expect((await get(d, carol, `/k/v1/record.json?app=${app}&id=2`)).json().record.doc).toBeUndefined();
      const file = await download(d, carol, fileKey);
      expect(file.statusCode).toBe(404);
      expect((await download(d, d.member, fileKey)).statusCode).toBe(200);
    });
  });

  describe('R14 a token of one app', () => {
    it('reaches neither another app nor its files nor its settings', async () => {
      const { d, app, fileKey } = await world();
      const other = await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' } }, { as: d.member });
      const made = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.member, payload: { app: other, rights: { view: true, add: true, edit: true, delete: true, manage: true } } });
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app: other }] } });
      const headers = { 'x-cybozu-api-token': made.json().token as string };
      for (const url of [`/k/v1/records.json?app=${app}`, `/k/v1/app/form/fields.json?app=${app}`, `/k/v1/app/acl.json?app=${app}`, `/k/v1/record.json?app=${app}&id=1`]) {
        const res = await d.request({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().code, url).toBe('GAIA_IA02');
      }
      const file = await d.request({ method: 'GET', url: `/k/v1/file.json?fileKey=${encodeURIComponent(fileKey)}`, headers });
      expect(file.statusCode).toBe(404);
      const write = await d.request({ method: 'DELETE', url: `/k/v1/records.json?app=${app}&ids[0]=1`, headers });
      expect(write.json().code).toBe('GAIA_IA02');
    });
  });
});
