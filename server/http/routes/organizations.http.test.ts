import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDb } from '../../storage/dialect.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';

const URL = '/v1/organizations.json';
type Org = { id: string; code: string; name: string; parentCode: string | null; sortOrder: number | null };
const tree = (body: { organizations: Org[] }) => body.organizations.map((o) => `${o.code}<${o.parentCode ?? ''}`);

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const create = async (d: TestDomain, organizations: unknown[]) =>
    d.request({ method: 'POST', url: URL, as: d.admin, payload: { organizations } });
  const update = async (d: TestDomain, organizations: unknown[]) =>
    d.request({ method: 'PUT', url: URL, as: d.admin, payload: { organizations } });
  const list = async (d: TestDomain, query = '') => (await d.request({ method: 'GET', url: `${URL}${query}`, as: d.admin })).json();

  /** head ─┬─ sales ── tokyo
   *        └─ dev */
  const seedTree = async (d: TestDomain) => {
    const res = await create(d, [
      { code: 'head', name: 'Head office', sortOrder: 1 },
      { code: 'sales', name: 'Sales', parentCode: 'head', sortOrder: 2 },
      { code: 'tokyo', name: 'Tokyo', parentCode: 'SALES', sortOrder: 3 },
      { code: 'dev', name: 'Development', parentCode: 'head', sortOrder: 4 },
    ]);
    expect(res.statusCode).toBe(200);
  };

  describe('POST and GET /v1/organizations.json', () => {
    it('creates a whole tree in one call, a parent before its children', async () => {
      const d = await newDomain(h);
      const res = await create(d, [
        { code: 'head', name: '本社', description: 'HQ' },
        { code: 'sales', name: '営業部', parentCode: 'head', sortOrder: 10 },
      ]);
      expect(res.json()).toEqual({ ids: ['1', '2'] });
      expect((await list(d)).organizations).toEqual([
        { id: '2', code: 'sales', name: '営業部', description: '', parentCode: 'head', sortOrder: 10, ctime: '2026-04-01T00:00:00.000Z', mtime: '2026-04-01T00:00:00.000Z' },
        { id: '1', code: 'head', name: '本社', description: 'HQ', parentCode: null, sortOrder: null, ctime: '2026-04-01T00:00:00.000Z', mtime: '2026-04-01T00:00:00.000Z' },
      ]);
    });

    it('lists by sort order (unset last) then id, filters by ids[] and codes[], pages, reads a JSON body', async () => {
      const d = await newDomain(h);
      await create(d, [
        { code: 'c', name: 'C', sortOrder: 5 },
        { code: 'u1', name: 'Unsorted 1' },
        { code: 'a', name: 'A', sortOrder: 1 },
        { code: 'b', name: 'B', sortOrder: 5 },
        { code: 'u2', name: 'Unsorted 2' },
      ]);
      expect(tree(await list(d))).toEqual(['a<', 'c<', 'b<', 'u1<', 'u2<']);
      expect(tree(await list(d, '?ids[0]=2&ids[1]=4'))).toEqual(['b<', 'u1<']);
      expect(tree(await list(d, '?codes[0]=U2&codes[1]=C'))).toEqual(['c<', 'u2<']);
      expect(tree(await list(d, '?offset=2&size=2'))).toEqual(['b<', 'u1<']);
      const body = await d.request({ method: 'GET', url: URL, as: d.admin, payload: { ids: ['3'] } });
      expect(tree(body.json())).toEqual(['a<']);
    });

    it('refuses a parent that comes later, or does not exist, and stores nothing', async () => {
      const d = await newDomain(h);
      const res = await create(d, [
        { code: 'child', name: 'Child', parentCode: 'parent' },
        { code: 'parent', name: 'Parent' },
        { code: 'orphan', name: 'Orphan', parentCode: 'nowhere' },
        { code: 'PARENT', name: 'Again' },
      ]);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual({
        'organizations[0].parentCode': { messages: ['The specified value is not found.'] },
        'organizations[2].parentCode': { messages: ['The specified value is not found.'] },
        'organizations[3].code': { messages: ['The value is duplicated in the request.'] },
      });
      expect((await list(d)).organizations).toEqual([]);
    });

    it('refuses non-administrators with 403 CB_NO02 and anonymous callers with 401 CB_AU01', async () => {
      const d = await newDomain(h);
      for (const method of ['GET', 'POST', 'PUT', 'DELETE'] as const) {
        const payload = { organizations: [{ code: 'x', name: 'x' }], codes: ['x'] };
        const member = await d.request({ method, url: URL, as: d.member, payload });
        expect(member.statusCode, method).toBe(403);
        expect(member.json().code).toBe('CB_NO02');
        const anon = await d.request({ method, url: URL, payload });
        expect(anon.statusCode, method).toBe(401);
        expect(anon.json().code).toBe('CB_AU01');
      }
    });
  });

  describe('PUT /v1/organizations.json', () => {
    it('moves, renames and re-sorts; children follow a renamed parent; null moves to the top', async () => {
      const d = await newDomain(h);
      await seedTree(d);
      const res = await update(d, [
        { code: 'tokyo', parentCode: 'dev', sortOrder: 9 },
        { code: 'head', newCode: 'hq', name: 'Headquarters' },
        { code: 'sales', parentCode: null },
      ]);
      expect(res.statusCode).toBe(200);
      expect(tree(await list(d))).toEqual(['hq<', 'sales<', 'dev<hq', 'tokyo<dev']);
      const audit = await h.services.db
        .selectFrom('auditLog')
        .select(['detail'])
        .where('domainId', '=', d.id)
        .where('action', '=', 'organization.update')
        .execute();
      expect(audit.map((a) => fromDb.json<{ code: string }>(a.detail, { code: '' }).code).sort()).toEqual(['head', 'sales', 'tokyo']);
    });

    it('refuses cycles, naming the parentCode that would close them, and changes nothing', async () => {
      const d = await newDomain(h);
      await seedTree(d);
      const before = tree(await list(d));
      for (const [changes, key] of [
        [[{ code: 'head', parentCode: 'tokyo' }], 'organizations[0].parentCode'],
        [[{ code: 'dev', name: 'Dev', parentCode: 'DEV' }], 'organizations[0].parentCode'],
        [[{ code: 'dev', parentCode: 'sales' }, { code: 'sales', parentCode: 'dev' }], 'organizations[1].parentCode'],
      ] as const) {
        const res = await update(d, [...changes]);
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[key].messages).toEqual(['The organization hierarchy would contain a cycle.']);
      }
      expect(tree(await list(d))).toEqual(before);
      expect((await list(d)).organizations.find((o: Org) => o.code === 'dev').name).toBe('Development');
    });

    it('refuses a new code already taken and an unknown parent', async () => {
      const d = await newDomain(h);
      await seedTree(d);
      const res = await update(d, [{ code: 'dev', newCode: 'Sales' }, { code: 'tokyo', parentCode: 'osaka' }]);
      expect(res.json().errors).toEqual({
        'organizations[0].newCode': { messages: ['This value already exists in another record.'] },
        'organizations[1].parentCode': { messages: ['The specified value is not found.'] },
      });
    });
  });

  describe('DELETE /v1/organizations.json', () => {
    it('refuses to delete an organisation that still has children', async () => {
      const d = await newDomain(h);
      await seedTree(d);
      const res = await d.request({ method: 'DELETE', url: `${URL}?codes[0]=dev&codes[1]=sales`, as: d.admin });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual({
        'codes[1]': { messages: ['The organization has child organizations. Delete or move them first.'] },
      });
      expect(tree(await list(d))).toHaveLength(4);
    });

    it('deletes a branch together with its children, their memberships and primary organisations', async () => {
      const d = await newDomain(h);
      await seedTree(d);
      await d.request({
        method: 'PUT',
        url: '/v1/userOrganizations.json',
        as: d.admin,
        payload: { userOrganizations: [{ code: 'member', organizations: ['tokyo', 'dev'] }] },
      });
      const res = await d.request({ method: 'DELETE', url: URL, as: d.admin, payload: { codes: ['TOKYO', 'sales'] } });
      expect(res.statusCode).toBe(200);
      expect(tree(await list(d))).toEqual(['head<', 'dev<head']);
      const mine = await d.request({ method: 'GET', url: '/v1/user/organizations.json?code=member', as: d.admin });
      expect(mine.json().organizationTitles.map((t: { organization: Org; primary: boolean }) => [t.organization.code, t.primary])).toEqual([['dev', false]]);
      const users = await d.request({ method: 'GET', url: '/v1/users.json?codes[0]=member', as: d.admin });
      expect(users.json().users[0].primaryOrganization).toBeNull();
    });
  });

  describe('between domains', () => {
    it('keeps same ids and same codes apart, and never takes another domain’s parent', async () => {
      const one = await newDomain(h, 'One');
      const two = await newDomain(h, 'Two');
      expect((await create(one, [{ code: 'head', name: 'One HQ' }])).json().ids).toEqual(['1']);
      expect((await create(two, [{ code: 'head', name: 'Two HQ' }, { code: 'two-only', name: 'Two only' }])).json().ids).toEqual(['1', '2']);
      expect(tree(await list(one, '?ids[0]=1&ids[1]=2'))).toEqual(['head<']);
      expect((await list(one)).organizations[0].name).toBe('One HQ');

      const stray = await create(one, [{ code: 'child', name: 'Child', parentCode: 'two-only' }]);
      expect(stray.json().errors['organizations[0].parentCode']).toBeDefined();
      expect((await update(one, [{ code: 'two-only', name: 'Mine now' }])).statusCode).toBe(400);
      expect((await one.request({ method: 'DELETE', url: `${URL}?codes[0]=two-only`, as: one.admin })).statusCode).toBe(400);
      await update(one, [{ code: 'head', name: 'Changed in one' }]);
      await one.request({ method: 'DELETE', url: `${URL}?codes[0]=head`, as: one.admin });
      expect((await list(two)).organizations.map((o: Org) => o.name)).toEqual(['Two HQ', 'Two only']);
    });
  });
});
