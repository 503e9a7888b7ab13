// Field permissions (field/acl.json) and records/acl/evaluate.json: a field someone may not see
// is absent from everything they get, unknown to their queries, and refused on write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
  salary: { type: 'NUMBER', code: 'salary', label: '給与' },
  ref: { type: 'SINGLE_LINE_TEXT', code: 'ref', label: '管理番号', unique: true },
  note: { type: 'SINGLE_LINE_TEXT', code: 'note', label: '備考' },
  owner: { type: 'USER_SELECT', code: 'owner', label: '担当' },
};

const everyone = { type: 'GROUP', code: 'everyone' };

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function world() {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    const app = await deployedApp(d, FIELDS, { as: d.member });
    const add = await d.request({
      method: 'POST',
      url: '/k/v1/records.json',
      as: d.member,
      payload: {
        app,
        records: [
          { title: { value: 'A' }, salary: { value: '300' }, ref: { value: 'R-1' }, note: { value: 'n1' }, owner: { value: [{ code: 'member' }] } },
          { title: { value: 'B' }, salary: { value: '500' }, ref: { value: 'R-2' }, note: { value: 'n2' }, owner: { value: [{ code: 'carol' }] } },
        ],
      },
    });
    expect(add.statusCode, add.body).toBe(200);
    // Warm the shared cache of record texts with the manager's full view first.
    await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}`, as: d.member });
    const acl = await d.request({
      method: 'PUT',
      url: '/k/v1/field/acl.json',
      as: d.member,
      payload: {
        app,
        rights: [
          {
            code: 'salary',
            entities: [
              { accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } },
              { accessibility: 'READ', entity: { type: 'FIELD_ENTITY', code: 'owner' } },
              { accessibility: 'NONE', entity: everyone },
            ],
          },
          { code: 'ref', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } }] },
          { code: 'note', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } }, { accessibility: 'READ', entity: everyone }] },
        ],
      },
    });
    expect(acl.statusCode, acl.body).toBe(200);
    return { d, app, carol };
  }

  const list = async (d: TestDomain, who: Persona, app: number, extra = '') => {
    const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('order by $id asc')}${extra}`, as: who });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().records as Array<Record<string, { value: unknown }>>;
  };

  describe('field permissions', () => {
    it('leaves hidden fields out of lists, single reads and cursors, record by record', async () => {
      const { d, app, carol } = await world();
      const seen = await list(d, carol, app);
      expect(seen.map((r) => [r.title!.value, r.salary?.value, 'ref' in r])).toEqual([
        ['A', undefined, false],
        ['B', '500', false], // she owns B, so she reads its salary
      ]);
      const one = await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=1`, as: carol });
      expect(Object.keys(one.json().record)).not.toContain('salary');
      const cursor = await d.request({ method: 'POST', url: '/k/v1/records/cursor.json', as: carol, payload: { app, fields: ['title', 'salary', 'ref'] } });
      const page = await d.request({ method: 'GET', url: `/k/v1/records/cursor.json?id=${cursor.json().id}`, as: carol });
      expect(page.json().records.map((r: Record<string, unknown>) => Object.keys(r).sort())).toEqual([['salary', 'title'], ['title']]);
      // The manager still gets everything, from the same cache.
      expect((await list(d, d.member, app)).map((r) => r.salary!.value)).toEqual(['300', '500']);
      // fields[] naming a hidden field just leaves it out.
      expect((await list(d, carol, app, '&fields[0]=ref&fields[1]=title')).map((r) => Object.keys(r))).toEqual([['title'], ['title']]);
    });

    it('treats hidden fields as unknown in queries, sorts, counts and update keys', async () => {
      const { d, app, carol } = await world();
      for (const query of ['salary > 100', 'title = "A" or salary > 100', 'order by salary desc', 'ref = "R-1"']) {
        const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&totalCount=true&query=${encodeURIComponent(query)}`, as: carol });
        expect(res.statusCode, query).toBe(400);
        expect(res.json().code, query).toBe('GAIA_IQ11');
      }
      const missing = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('nothing > 100')}`, as: carol });
      expect(missing.json().message).toBe(
        (await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('salary > 100')}`, as: carol })).json().message.replace('salary', 'nothing'),
      );
      const upsert = await d.request({
        method: 'PUT',
        url: '/k/v1/records.json',
        as: carol,
        payload: { app, upsert: true, records: [{ updateKey: { field: 'ref', value: 'R-1' }, record: { title: { value: 'x' } } }] },
      });
      expect(upsert.json().code).toBe('GAIA_IQ11');
    });

    it('refuses writes to fields one may only read or not see, writing nothing', async () => {
      const { d, app, carol } = await world();
      const tries = [
        { method: 'PUT' as const, url: '/k/v1/record.json', payload: { app, id: 2, record: { salary: { value: '9' } } } },
        { method: 'PUT' as const, url: '/k/v1/record.json', payload: { app, id: 1, record: { note: { value: 'mine' } } } },
        { method: 'POST' as const, url: '/k/v1/record.json', payload: { app, record: { title: { value: 'C' }, salary: { value: '1' } } } },
        { method: 'PUT' as const, url: '/k/v1/records.json', payload: { app, records: [{ id: 1, record: { title: { value: 'ok' } } }, { id: 2, record: { ref: { value: 'R-9' } } }] } },
      ];
      for (const t of tries) {
        const res = await d.request({ ...t, as: carol });
        expect(res.statusCode, JSON.stringify(t.payload)).toBe(403);
        expect(res.json().code).toBe('CB_NO02');
        expect(res.body).not.toContain('500');
      }
      expect((await list(d, d.member, app)).map((r) => [r.title!.value, r.salary!.value, r.note!.value, r.ref!.value])).toEqual([
        ['A', '300', 'n1', 'R-1'],
        ['B', '500', 'n2', 'R-2'],
      ]);
      const ok = await d.request({ method: 'PUT', url: '/k/v1/record.json', as: carol, payload: { app, id: 1, record: { title: { value: 'A2' } } } });
      expect(ok.statusCode, ok.body).toBe(200);
    });

    it('evaluates rights per record and field, listing only fields one may see', async () => {
      const { d, app, carol } = await world();
      const res = await d.request({ method: 'GET', url: `/k/v1/records/acl/evaluate.json?app=${app}&ids[0]=1&ids[1]=2`, as: carol });
      expect(res.statusCode, res.body).toBe(200);
      const [a, b] = res.json().rights;
      expect(a.id).toBe('1');
      expect(a.record).toEqual({ viewable: true, editable: true, deletable: true });
      expect(a.fields.salary).toBeUndefined();
      expect(a.fields.ref).toBeUndefined();
      expect(a.fields.note).toEqual({ viewable: true, editable: false });
      expect(a.fields.title).toEqual({ viewable: true, editable: true });
      expect(b.fields.salary).toEqual({ viewable: true, editable: false });
      const missing = await d.request({ method: 'GET', url: `/k/v1/records/acl/evaluate.json?app=${app}&ids[0]=1&ids[1]=99`, as: carol });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('GAIA_RE01');
    });

    it('copies no value a lookup’s writer may not read in the source app, and refuses a hidden key', async () => {
      const { d, app, carol } = await world();
      const form = await d.request({ method: 'GET', url: `/k/v1/app/form/fields.json?app=${app}`, as: d.member });
      const numberCode = Object.values(form.json().properties as Record<string, { type: string; code: string }>).find((p) => p.type === 'RECORD_NUMBER')!.code;
      const lookup = (key: string, mappings: Array<[string, string]>) => ({
        relatedApp: { app: String(app) },
        relatedKeyField: key,
        fieldMappings: mappings.map(([field, relatedField]) => ({ field, relatedField })),
        lookupPickerFields: [],
      });
      const dest = await deployedApp(
        d,
        {
          by_ref: { type: 'SINGLE_LINE_TEXT', code: 'by_ref', label: '管理番号で参照', lookup: lookup('ref', [['copied', 'title']]) },
          by_number: { type: 'SINGLE_LINE_TEXT', code: 'by_number', label: '番号で参照', lookup: lookup(numberCode, [['pay', 'salary'], ['remark', 'note']]) },
          copied: { type: 'SINGLE_LINE_TEXT', code: 'copied', label: '件名' },
          pay: { type: 'NUMBER', code: 'pay', label: '給与' },
          remark: { type: 'SINGLE_LINE_TEXT', code: 'remark', label: '備考' },
        },
        { as: d.member },
      );
      const add = (who: typeof carol, record: object) => d.request({ method: 'POST', url: '/k/v1/record.json', as: who, payload: { app: dest, record } });
      const read = async (id: string) => (await d.request({ method: 'GET', url: `/k/v1/record.json?app=${dest}&id=${id}`, as: d.member })).json().record;

      const hiddenKey = await add(carol, { by_ref: { value: 'R-1' } });
      expect(hiddenKey.statusCode).toBe(400);
      expect(hiddenKey.json().code).toBe('GAIA_LO04');

      const one = await add(carol, { by_number: { value: '1' } });
      expect(one.statusCode, one.body).toBe(200);
      expect([(await read(one.json().id)).pay.value, (await read(one.json().id)).remark.value]).toEqual(['', 'n1']);
      const two = await add(carol, { by_number: { value: '2' } }); // she owns record 2: its salary is hers to read
      expect((await read(two.json().id)).pay.value).toBe('500');
      const manager = await add(d.member, { by_number: { value: '1' } });
      expect((await read(manager.json().id)).pay.value).toBe('300');
    });

    it('refuses permissions for fields that do not exist or cannot carry them', async () => {
      const { d, app } = await world();
      const res = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/field/acl.json',
        as: d.member,
        payload: { app, rights: [{ code: 'nothing', entities: [] }, { code: 'title', entities: [{ accessibility: 'READ', entity: { type: 'FIELD_ENTITY', code: 'note' } }] }] },
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors).sort()).toEqual(['rights[0].code', 'rights[1].entities[0].entity.code']);
    });
  });
});
