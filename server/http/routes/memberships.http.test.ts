import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDb } from '../../storage/dialect.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';

type Member = { id: string; code: string; name: string; email: string; valid: boolean };
type Title = { organization: { id: string; code: string; name: string; parentCode: string | null }; title: null; primary: boolean };

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const get = async (d: TestDomain, url: string) => {
    const res = await d.request({ method: 'GET', url, as: d.admin });
    expect(res.statusCode, url).toBe(200);
    return res.json();
  };
  const put = async (d: TestDomain, url: string, payload: Record<string, unknown>) => d.request({ method: 'PUT', url, as: d.admin, payload });
  const setGroups = async (d: TestDomain, userGroups: unknown[]) => put(d, '/v1/userGroups.json', { userGroups });
  const setOrgs = async (d: TestDomain, userOrganizations: unknown[]) => put(d, '/v1/userOrganizations.json', { userOrganizations });
  const groupsOf = async (d: TestDomain, login: string) =>
    (await get(d, `/v1/user/groups.json?code=${login}`)).groups.map((g: { code: string }) => g.code);
  const membersOf = async (d: TestDomain, group: string, query = '') =>
    (await get(d, `/v1/group/users.json?code=${group}${query}`)).users.map((u: Member) => u.code);
  const orgsOf = async (d: TestDomain, login: string) =>
    (await get(d, `/v1/user/organizations.json?code=${login}`)).organizationTitles.map((t: Title) =>
      t.primary ? `*${t.organization.code}` : t.organization.code,
    );
  const orgMembers = async (d: TestDomain, org: string, query = '') =>
    (await get(d, `/v1/organization/users.json?code=${org}${query}`)).userTitles.map((t: { user: Member }) => t.user.code);
  const primaryOf = async (d: TestDomain, login: string) =>
    (await get(d, `/v1/users.json?codes[0]=${login}`)).users[0].primaryOrganization;
  const seedGroups = async (d: TestDomain, ...codes: string[]) => {
    const res = await d.request({ method: 'POST', url: '/v1/groups.json', as: d.admin, payload: { groups: codes.map((code) => ({ code, name: code })) } });
    expect(res.statusCode).toBe(200);
  };
  /** head ─┬─ sales ── tokyo ── shibuya
   *        └─ dev */
  const seedTree = async (d: TestDomain) => {
    const res = await d.request({
      method: 'POST',
      url: '/v1/organizations.json',
      as: d.admin,
      payload: {
        organizations: [
          { code: 'head', name: 'Head office' },
          { code: 'sales', name: 'Sales', parentCode: 'head' },
          { code: 'tokyo', name: 'Tokyo', parentCode: 'sales' },
          { code: 'shibuya', name: 'Shibuya', parentCode: 'tokyo' },
          { code: 'dev', name: 'Development', parentCode: 'head' },
        ],
      },
    });
    expect(res.json().ids).toEqual(['1', '2', '3', '4', '5']);
  };

  describe('groups', () => {
    it('replaces each listed user’s groups and reads them from both sides', async () => {
      const d = await newDomain(h);
      await seedGroups(d, 'all', 'sales', 'dev');
      await d.addUser('sato');
      expect((await setGroups(d, [{ code: 'member', groups: ['all', 'sales'] }, { code: 'sato', groups: ['dev', 'all'] }])).statusCode).toBe(200);
      expect(await groupsOf(d, 'member')).toEqual(['all', 'sales']);
      expect(await membersOf(d, 'all')).toEqual(['member', 'sato']);
      const [first] = (await get(d, '/v1/group/users.json?code=all')).users;
      expect(first).toEqual({ id: String(d.member.id), code: 'member', name: 'member', email: 'member@example.com', valid: true });

      expect((await setGroups(d, [{ code: 'member', groups: ['dev'] }])).json()).toEqual({});
      expect(await groupsOf(d, 'member')).toEqual(['dev']);
      expect(await groupsOf(d, 'sato')).toEqual(['all', 'dev']);
      await setGroups(d, [{ code: 'sato', groups: [] }]);
      expect(await groupsOf(d, 'sato')).toEqual([]);

      const audit = await h.services.db
        .selectFrom('auditLog')
        .select(['detail'])
        .where('domainId', '=', d.id)
        .where('action', '=', 'membership.groups')
        .where('targetId', '=', String(d.member.id))
        .execute();
      const details = audit.map((a) => fromDb.json<Record<string, unknown>>(a.detail, {}));
      expect(details).toContainEqual(expect.objectContaining({ code: 'member', groups: ['dev'], added: ['dev'], removed: ['all', 'sales'] }));
    });

    it('pages a group’s members and takes codes in any case', async () => {
      const d = await newDomain(h);
      await seedGroups(d, 'Team');
      for (const code of ['u1', 'u2', 'u3']) await d.addUser(code);
      await setGroups(d, ['U1', 'u2', 'u3', 'MEMBER'].map((code) => ({ code, groups: ['team'] })));
      expect(await membersOf(d, 'TEAM')).toEqual(['member', 'u1', 'u2', 'u3']);
      expect(await membersOf(d, 'team', '&offset=1&size=2')).toEqual(['u1', 'u2']);
      expect(await groupsOf(d, 'Member')).toEqual(['Team']);
      const body = await d.request({ method: 'GET', url: '/v1/group/users.json', as: d.admin, payload: { code: 'team', size: 1 } });
      expect(body.json().users.map((u: Member) => u.code)).toEqual(['member']);
    });

    it('names every unknown or repeated code and changes no one’s groups', async () => {
      const d = await newDomain(h);
      await seedGroups(d, 'a', 'b');
      await setGroups(d, [{ code: 'member', groups: ['a'] }]);
      const res = await setGroups(d, [
        { code: 'admin', groups: ['b'] },
        { code: 'member', groups: ['b', 'a', 'nope', 'A'] },
        { code: 'ghost', groups: [] },
        { code: 'ADMIN', groups: [] },
      ]);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual({
        'userGroups[1].groups[2]': { messages: ['The specified value is not found.'] },
        'userGroups[1].groups[3]': { messages: ['The value is duplicated in the request.'] },
        'userGroups[2].code': { messages: ['The specified value is not found.'] },
        'userGroups[3].code': { messages: ['The value is duplicated in the request.'] },
      });
      expect(await groupsOf(d, 'admin')).toEqual([]);
      expect(await groupsOf(d, 'member')).toEqual(['a']);
    });

    it('answers GAIA_US01 and GAIA_GR01 for an unknown user or group', async () => {
      const d = await newDomain(h);
      const user = await d.request({ method: 'GET', url: '/v1/user/groups.json?code=ghost', as: d.admin });
      expect(user.statusCode).toBe(400);
      expect(user.json()).toMatchObject({ code: 'GAIA_US01', message: 'The specified user (code: ghost) is not found.' });
      const group = await d.request({ method: 'GET', url: '/v1/group/users.json?code=ghosts', as: d.admin });
      expect(group.json()).toMatchObject({ code: 'GAIA_GR01', message: 'The specified group (code: ghosts) is not found.' });
      const org = await d.request({ method: 'GET', url: '/v1/organization/users.json?code=nowhere', as: d.admin });
      expect(org.json().code).toBe('GAIA_OR01');
    });
  });

  describe('organisations', () => {
    it('makes the first organisation primary unless another listed one is named', async () => {
      const d = await newDomain(h);
      await seedTree(d);
      expect((await setOrgs(d, [{ code: 'member', organizations: ['tokyo', 'dev'] }])).statusCode).toBe(200);
      expect(await orgsOf(d, 'member')).toEqual(['*tokyo', 'dev']);
      expect(await primaryOf(d, 'member')).toBe('3');

      await setOrgs(d, [{ code: 'member', organizations: ['tokyo', 'dev'], primaryOrganization: 'DEV' }]);
      expect(await orgsOf(d, 'member')).toEqual(['tokyo', '*dev']);
      expect(await primaryOf(d, 'member')).toBe('5');
      const [title] = (await get(d, '/v1/user/organizations.json?code=member')).organizationTitles;
      expect(title).toEqual({ organization: { id: '3', code: 'tokyo', name: 'Tokyo', parentCode: 'sales' }, title: null, primary: false });

      await setOrgs(d, [{ code: 'member', organizations: [] }]);
      expect(await orgsOf(d, 'member')).toEqual([]);
      expect(await primaryOf(d, 'member')).toBeNull();
    });

    it('refuses a primary organisation the user is not in, and unknown codes, changing nothing', async () => {
      const d = await newDomain(h);
      await seedTree(d);
      await setOrgs(d, [{ code: 'member', organizations: ['dev'] }]);
      const res = await setOrgs(d, [
        { code: 'admin', organizations: ['head'] },
        { code: 'member', organizations: ['tokyo'], primaryOrganization: 'dev' },
        { code: 'admin2', organizations: ['sales', 'osaka'], primaryOrganization: 'kyoto' },
      ]);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual({
        'userOrganizations[1].primaryOrganization': {
          messages: ['The primary organization must be one of the organizations the user belongs to.'],
        },
        'userOrganizations[2].code': { messages: ['The specified value is not found.'] },
        'userOrganizations[2].organizations[1]': { messages: ['The specified value is not found.'] },
        'userOrganizations[2].primaryOrganization': { messages: ['The specified value is not found.'] },
      });
      expect(await orgsOf(d, 'member')).toEqual(['*dev']);
      expect(await orgsOf(d, 'admin')).toEqual([]);
    });

    it('lists an organisation’s members, and with includeSubs walks the whole subtree once per user', async () => {
      const d = await newDomain(h);
      await seedTree(d);
      for (const code of ['ceo', 'seller', 'deep', 'coder']) await d.addUser(code);
      await setOrgs(d, [
        { code: 'ceo', organizations: ['head'] },
        { code: 'seller', organizations: ['sales', 'tokyo'] },
        { code: 'deep', organizations: ['shibuya'] },
        { code: 'coder', organizations: ['dev'] },
      ]);
      expect(await orgMembers(d, 'sales')).toEqual(['seller']);
      expect(await orgMembers(d, 'sales', '&includeSubs=true')).toEqual(['seller', 'deep']);
      expect(await orgMembers(d, 'HEAD', '&includeSubs=true')).toEqual(['ceo', 'seller', 'deep', 'coder']);
      expect(await orgMembers(d, 'head', '&includeSubs=true&offset=1&size=2')).toEqual(['seller', 'deep']);
      expect(await orgMembers(d, 'head', '&includeSubs=false')).toEqual(['ceo']);
      const body = await d.request({ method: 'GET', url: '/v1/organization/users.json', as: d.admin, payload: { code: 'tokyo', includeSubs: true } });
      expect(body.json().userTitles).toEqual([
        { user: expect.objectContaining({ code: 'seller' }), title: null },
        { user: expect.objectContaining({ code: 'deep' }), title: null },
      ]);
    });
  });

  describe('access', () => {
    const endpoints = [
      ['GET', '/v1/user/groups.json?code=member'],
      ['GET', '/v1/group/users.json?code=all'],
      ['PUT', '/v1/userGroups.json'],
      ['GET', '/v1/user/organizations.json?code=member'],
      ['GET', '/v1/organization/users.json?code=head'],
      ['PUT', '/v1/userOrganizations.json'],
    ] as const;

    it('refuses non-administrators with 403 CB_NO02 and anonymous callers with 401 CB_AU01', async () => {
      const d = await newDomain(h);
      await seedGroups(d, 'all');
      const payload = { userGroups: [{ code: 'member', groups: ['all'] }], userOrganizations: [{ code: 'member', organizations: [] }] };
      for (const [method, url] of endpoints) {
        const member = await d.request({ method, url, as: d.member, payload });
        expect(member.statusCode, url).toBe(403);
        expect(member.json().code).toBe('CB_NO02');
        const anon = await d.request({ method, url, payload });
        expect(anon.statusCode, url).toBe(401);
        expect(anon.json().code).toBe('CB_AU01');
      }
      expect(await groupsOf(d, 'member')).toEqual([]);
    });

    it('keeps domains apart: the same login, group and organisation codes are different people and things', async () => {
      const one = await newDomain(h, 'One');
      const two = await newDomain(h, 'Two');
      await seedGroups(one, 'all');
      await seedGroups(two, 'all', 'two-only');
      await seedTree(one);
      await seedTree(two);
      await two.addUser('two-user');
      await setGroups(two, [{ code: 'member', groups: ['all'] }]);
      await setOrgs(two, [{ code: 'member', organizations: ['dev'] }]);

      expect(await groupsOf(one, 'member')).toEqual([]);
      expect(await membersOf(one, 'all')).toEqual([]);
      expect(await orgsOf(one, 'member')).toEqual([]);
      expect(await orgMembers(one, 'head', '&includeSubs=true')).toEqual([]);
      expect((await one.request({ method: 'GET', url: '/v1/user/groups.json?code=two-user', as: one.admin })).json().code).toBe('GAIA_US01');
      expect((await one.request({ method: 'GET', url: '/v1/group/users.json?code=two-only', as: one.admin })).json().code).toBe('GAIA_GR01');

      const stray = await setGroups(one, [{ code: 'two-user', groups: ['two-only'] }]);
      expect(Object.keys(stray.json().errors)).toEqual(['userGroups[0].code', 'userGroups[0].groups[0]']);
      await setGroups(one, [{ code: 'member', groups: [] }]);
      await setOrgs(one, [{ code: 'member', organizations: ['head'] }]);
      expect(await groupsOf(two, 'member')).toEqual(['all']);
      expect(await orgsOf(two, 'member')).toEqual(['*dev']);
      expect(await primaryOf(two, 'member')).toBe('5');
      expect(await primaryOf(one, 'member')).toBe('1');
    });
  });
});
