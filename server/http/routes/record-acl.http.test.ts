// Record permissions (record/acl.json): which records each person finds, opens, edits and
// deletes. A record outside someone's scope must look exactly like one that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
  key: { type: 'SINGLE_LINE_TEXT', code: 'key', label: 'キー', unique: true },
  owner: { type: 'USER_SELECT', code: 'owner', label: '担当' },
  dept: { type: 'ORGANIZATION_SELECT', code: 'dept', label: '部署' },
  kind: {
    type: 'DROP_DOWN',
    code: 'kind',
    label: '公開',
    options: { public: { label: 'public', index: '0' }, private: { label: 'private', index: '1' }, site: { label: 'site', index: '2' } },
  },
};

const everyone = { type: 'GROUP', code: 'everyone' };

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  interface World {
    d: TestDomain;
    app: number;
    people: Record<'member' | 'carol' | 'dave', Persona>;
  }

  /** Nine records: public, private to member / carol / nobody, and site records of two departments. */
  async function world(): Promise<World> {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    const dave = await d.addUser('dave');
    await d.request({
      method: 'POST',
      url: '/v1/organizations.json',
      as: d.admin,
      payload: { organizations: [{ code: 'east', name: '東' }, { code: 'east-1', name: '東1', parentCode: 'east' }, { code: 'west', name: '西' }] },
    });
    await d.request({ method: 'PUT', url: '/v1/userOrganizations.json', as: d.admin, payload: { userOrganizations: [{ code: 'dave', organizations: ['east-1'] }] } });
    const app = await deployedApp(d, FIELDS, { as: d.member });
    const rec = (key: string, kind: string, owner: string[] = [], dept: string[] = []) => ({
      title: { value: `記録 ${key}` },
      key: { value: key },
      kind: { value: kind },
      owner: { value: owner.map((code) => ({ code })) },
      dept: { value: dept.map((code) => ({ code })) },
    });
    const add = await d.request({
      method: 'POST',
      url: '/k/v1/records.json',
      as: d.member,
      payload: {
        app,
        records: [
          rec('p1', 'public'),
          rec('p2', 'public'),
          rec('m1', 'private', ['member']),
          rec('c1', 'private', ['carol']),
          rec('c2', 'private', ['carol', 'member']),
          rec('n1', 'private'),
          rec('e1', 'site', [], ['east']),
          rec('w1', 'site', [], ['west']),
          rec('x1', 'site'),
        ],
      },
    });
    expect(add.statusCode, add.body).toBe(200);
    const acl = await d.request({
      method: 'PUT',
      url: '/k/v1/record/acl.json',
      as: d.member,
      payload: {
        app,
        rights: [
          {
            filterCond: 'kind in ("private")',
            entities: [{ entity: { type: 'FIELD_ENTITY', code: 'owner' }, viewable: true, editable: true, deletable: false }],
          },
          {
            filterCond: 'kind in ("site")',
            entities: [
              { entity: { type: 'FIELD_ENTITY', code: 'dept' }, viewable: true, editable: false, deletable: false, includeSubs: true },
              { entity: { type: 'USER', code: 'member' }, viewable: true, editable: true, deletable: true },
            ],
          },
          { filterCond: '', entities: [{ entity: everyone, viewable: true, editable: false, deletable: false }] },
        ],
      },
    });
    expect(acl.statusCode, acl.body).toBe(200);
    return { d, app, people: { member: d.member, carol, dave } };
  }

  async function keysSeen(w: World, who: Persona, query = 'order by $id asc'): Promise<{ keys: string[]; total: string }> {
    const res = await w.d.request({ method: 'GET', url: `/k/v1/records.json?app=${w.app}&totalCount=true&query=${encodeURIComponent(query)}`, as: who });
    expect(res.statusCode, res.body).toBe(200);
    return { keys: res.json().records.map((r: { key: { value: string } }) => r.key.value), total: res.json().totalCount };
  }

  const EXPECTED = {
    member: ['p1', 'p2', 'm1', 'c2', 'e1', 'w1', 'x1'],
    carol: ['p1', 'p2', 'c1', 'c2'],
    dave: ['p1', 'p2', 'e1'],
  };

  describe('record permissions', () => {
    it('lists, counts and searches only the records each person may view', async () => {
      const w = await world();
      for (const [name, keys] of Object.entries(EXPECTED)) {
        const who = w.people[name as keyof typeof EXPECTED];
        expect(await keysSeen(w, who), name).toEqual({ keys, total: String(keys.length) });
        // Filtering cannot reach past the scope, not even on the fields that decide it.
        const searched = await keysSeen(w, who, 'title like "記録" and kind in ("private", "site") order by $id asc');
        expect(searched.keys, name).toEqual(keys.filter((k) => !k.startsWith('p')));
      }
    });

    it('pages through the same records with a cursor', async () => {
      const w = await world();
      const created = await w.d.request({ method: 'POST', url: '/k/v1/records/cursor.json', as: w.people.carol, payload: { app: w.app, query: 'order by $id asc', size: 2 } });
      expect(created.json().totalCount).toBe('4');
      const keys: string[] = [];
      for (;;) {
        const page = await w.d.request({ method: 'GET', url: `/k/v1/records/cursor.json?id=${created.json().id}`, as: w.people.carol });
        keys.push(...page.json().records.map((r: { key: { value: string } }) => r.key.value));
        if (!page.json().next) break;
      }
      expect(keys).toEqual(EXPECTED.carol);
    });

    it('answers a record outside the scope exactly as one that does not exist', async () => {
      const w = await world();
      const all = await keysSeen(w, w.people.member);
      expect(all.keys).toHaveLength(7);
      const hidden = await w.d.request({ method: 'GET', url: `/k/v1/record.json?app=${w.app}&id=4`, as: w.people.dave }); // c1
      const missing = await w.d.request({ method: 'GET', url: `/k/v1/record.json?app=${w.app}&id=999`, as: w.people.dave });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe('GAIA_RE01');
      expect({ ...hidden.json(), id: '', message: hidden.json().message.replace('4', '#') }).toEqual({ ...missing.json(), id: '', message: missing.json().message.replace('999', '#') });

      for (const res of [
        await w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.people.dave, payload: { app: w.app, id: 4, record: { title: { value: 'x' } } } }),
        await w.d.request({ method: 'DELETE', url: `/k/v1/records.json?app=${w.app}&ids[0]=1&ids[1]=4`, as: w.people.member }),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('GAIA_RE01');
      }
    });

    it('never inserts over a hidden record on upsert, which would betray it', async () => {
      const w = await world();
      const res = await w.d.request({
        method: 'PUT',
        url: '/k/v1/records.json',
        as: w.people.dave,
        payload: { app: w.app, upsert: true, records: [{ updateKey: { field: 'key', value: 'c1' }, record: { title: { value: 'mine now' } } }] },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('GAIA_RE01');
      const byId = await w.d.request({
        method: 'PUT',
        url: '/k/v1/records.json',
        as: w.people.dave,
        payload: { app: w.app, upsert: true, records: [{ id: 4, record: { title: { value: 'mine now' } } }] },
      });
      expect(byId.json().code).toBe('GAIA_RE01');
      expect((await keysSeen(w, w.people.member)).total).toBe('7');
    });

    it('lets people edit and delete only where their entity says so', async () => {
      const w = await world();
      const put = (who: Persona, id: number) => w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: who, payload: { app: w.app, id, record: { title: { value: '変更' } } } });
      const del = (who: Persona, id: number) => w.d.request({ method: 'DELETE', url: `/k/v1/records.json?app=${w.app}&ids[0]=${id}`, as: who });
      expect((await put(w.people.carol, 4)).statusCode).toBe(200); // c1: her own private record
      expect((await put(w.people.carol, 1)).json().code).toBe('CB_NO02'); // p1: view only
      expect((await del(w.people.carol, 4)).json().code).toBe('CB_NO02'); // private: never deletable
      expect((await put(w.people.dave, 7)).json().code).toBe('CB_NO02'); // e1: his department views only
      expect((await del(w.people.member, 7)).statusCode).toBe(200); // site: member may delete
    });

    it('follows changes of department membership at once', async () => {
      const w = await world();
      await w.d.request({ method: 'PUT', url: '/v1/userOrganizations.json', as: w.d.admin, payload: { userOrganizations: [{ code: 'dave', organizations: ['west'] }] } });
      expect((await keysSeen(w, w.people.dave)).keys).toEqual(['p1', 'p2', 'w1']);
    });

    it('agrees between the list and single reads for every record and person', async () => {
      const w = await world();
      for (const who of Object.values(w.people)) {
        const listed = new Set((await keysSeen(w, who)).keys);
        for (let id = 1; id <= 9; id++) {
          const one = await w.d.request({ method: 'GET', url: `/k/v1/record.json?app=${w.app}&id=${id}`, as: who });
          const key = one.statusCode === 200 ? one.json().record.key.value : null;
          expect(one.statusCode === 200, `${who.code} #${id}`).toBe(key !== null && listed.has(key));
        }
      }
    });

    it('refuses conditions and entities that cannot work', async () => {
      const w = await world();
      const res = await w.d.request({
        method: 'PUT',
        url: '/k/v1/preview/record/acl.json',
        as: w.people.member,
        payload: {
          app: w.app,
          rights: [
            { filterCond: 'title = ', entities: [] },
            { filterCond: 'nothing = "x"', entities: [] },
            { filterCond: '', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'title' }, viewable: true }] },
            { filterCond: '', entities: [{ entity: { type: 'USER', code: 'ghost' }, viewable: true }] },
          ],
        },
      });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json().errors).sort()).toEqual([
        'rights[0].filterCond',
        'rights[1].filterCond',
        'rights[2].entities[0].entity.code',
        'rights[3].entities[0].entity.code',
      ]);
    });
  });
});
