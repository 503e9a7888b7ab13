// Record lists are answered from texts kept in memory (render-cache.ts). Whatever changes what a
// record shows — the record, a name it mentions, the app's fields or code — must show at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
  owner: { type: 'USER_SELECT', code: 'owner', label: '担当' },
  dept: { type: 'ORGANIZATION_SELECT', code: 'dept', label: '部署' },
  team: { type: 'GROUP_SELECT', code: 'team', label: 'チーム' },
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function list(d: TestDomain, app: number, query = '') {
    const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent(query)}`, as: d.member });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res.json().records as Array<Record<string, { type: string; value: any }>>;
  }

  async function world() {
    const d = await newDomain(h);
    for (const [path, body] of [
      ['/v1/organizations.json', { organizations: [{ code: 'sales', name: '営業部' }] }],
      ['/v1/groups.json', { groups: [{ code: 'crew', name: '現場班' }] }],
    ] as const) {
      const res = await d.request({ method: 'POST', url: path, as: d.admin, payload: body });
      expect(res.statusCode, res.body).toBe(200);
    }
    const app = await deployedApp(d, FIELDS, { code: 'SITE' });
    const add = await d.request({
      method: 'POST',
      url: '/k/v1/records.json',
      as: d.member,
      payload: {
        app,
        records: [1, 2, 3].map((i) => ({
          title: { value: `現場 ${i}` },
          owner: { value: [{ code: 'member' }] },
          dept: { value: [{ code: 'sales' }] },
          team: { value: [{ code: 'crew' }] },
        })),
      },
    });
    expect(add.statusCode, add.body).toBe(200);
    return { d, app };
  }

  describe('record lists stay current', () => {
    it('shows an update, and drops a deleted record, on the next read', async () => {
      const { d, app } = await world();
      expect((await list(d, app)).map((r) => r.title!.value)).toEqual(['現場 3', '現場 2', '現場 1']);
      const put = await d.request({ method: 'PUT', url: '/k/v1/record.json', as: d.member, payload: { app, id: 2, record: { title: { value: '現場 2（変更）' } } } });
      expect(put.statusCode, put.body).toBe(200);
      await d.request({ method: 'DELETE', url: `/k/v1/records.json?app=${app}&ids[0]=3`, as: d.admin });
      const after = await list(d, app);
      expect(after.map((r) => [r.title!.value, r.$revision!.value])).toEqual([
        ['現場 2（変更）', '2'],
        ['現場 1', '1'],
      ]);
    });

    it('shows new names of users, departments and groups, and of the creator', async () => {
      const { d, app } = await world();
      const before = (await list(d, app))[0]!;
      expect(before.owner!.value).toEqual([{ code: 'member', name: 'member' }]);
      expect(before.dept!.value).toEqual([{ code: 'sales', name: '営業部' }]);
      for (const [path, body] of [
        ['/v1/users.json', { users: [{ code: 'member', name: '山田 太郎' }] }],
        ['/v1/organizations.json', { organizations: [{ code: 'sales', name: '営業本部' }] }],
        ['/v1/groups.json', { groups: [{ code: 'crew', name: '第一現場班' }] }],
      ] as const) {
        const res = await d.request({ method: 'PUT', url: path, as: d.admin, payload: body });
        expect(res.statusCode, res.body).toBe(200);
      }
      const after = (await list(d, app))[0]!;
      expect(after.owner!.value).toEqual([{ code: 'member', name: '山田 太郎' }]);
      expect(after.Created_by?.value ?? after['作成者']?.value).toEqual({ code: 'member', name: '山田 太郎' });
      expect(after.dept!.value).toEqual([{ code: 'sales', name: '営業本部' }]);
      expect(after.team!.value).toEqual([{ code: 'crew', name: '第一現場班' }]);
    });

    it('shows a new app code in record numbers and a newly deployed field', async () => {
      const { d, app } = await world();
      const before = (await list(d, app))[0]!;
      const numberField = Object.values(before).find((f) => f.type === 'RECORD_NUMBER')!;
      expect(numberField.value).toBe('SITE-3');
      await d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: d.admin, payload: { app, code: 'YARD' } });
      const added = await d.request({
        method: 'POST',
        url: '/k/v1/preview/app/form/fields.json',
        as: d.admin,
        payload: { app, properties: { note: { type: 'SINGLE_LINE_TEXT', code: 'note', label: 'メモ', defaultValue: 'x' } } },
      });
      expect(added.statusCode, added.body).toBe(200);
      const deploy = await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
      expect(deploy.statusCode, deploy.body).toBe(200);
      const after = (await list(d, app))[0]!;
      expect(Object.values(after).find((f) => f.type === 'RECORD_NUMBER')!.value).toBe('YARD-3');
      // Existing records had no value for the new field: it reads as empty, not as its default.
      expect(after.note).toEqual({ type: 'SINGLE_LINE_TEXT', value: '' });
    });

    it('answers the same without the cache (RECORD_CACHE_MB=0)', async () => {
      const { d, app } = await world();
      const cached = await list(d, app);
      const uncachedHarness = await startApp(database(), { RECORD_CACHE_MB: '0' });
      try {
        const res = await uncachedHarness.app.inject({
          method: 'GET',
          url: `/k/v1/records.json?app=${app}`,
          headers: { host: d.host, 'x-cybozu-authorization': d.member.auth },
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().records).toEqual(cached);
      } finally {
        await uncachedHarness.close();
      }
    });

    it('answers the same texts with fields[] as without, restricted to those fields', async () => {
      const { d, app } = await world();
      const whole = await list(d, app);
      const res = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&fields[0]=title&fields[1]=$id`, as: d.member });
      expect(res.json().records).toEqual(whole.map((r) => ({ title: r.title, $id: r.$id })));
    });
  });
});
