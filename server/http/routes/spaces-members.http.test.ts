// GET and PUT space/members.json, join and leave: kintone's member list (explicit rows, then
// users who belong through a group or department), who may change it, and fixed membership.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest, setSpaceGuests } from '../../../test/support/guests.js';
import { addSpace } from '../../../test/support/spaces.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const members = async (d: TestDomain, as: Persona, id: number, prefix = '/k/v1') => {
    const res = await d.request({ method: 'GET', url: `${prefix}/space/members.json?id=${id}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().members;
  };
  const setMembers = (d: TestDomain, as: Persona, id: number, list: unknown[], prefix = '/k/v1') =>
    d.request({ method: 'PUT', url: `${prefix}/space/members.json`, as, payload: { id, members: list } });
  const post = (d: TestDomain, as: Persona, what: 'join' | 'leave', id: number) => d.request({ method: 'POST', url: `/k/v1/space/${what}.json`, as, payload: { id } });
  const code = (res: { statusCode: number; json(): { code?: string } }) => [res.statusCode, res.json().code];
  const user = (c: string, isAdmin = false) => ({ entity: { type: 'USER', code: c }, isAdmin, isImplicit: false });

  /** Groups `team` (alice, bob) and departments head ─ sales ─ tokyo, with carol in tokyo and dave in head. */
  async function directory(d: TestDomain) {
    const [alice, bob, carol, dave] = [await d.addUser('alice'), await d.addUser('bob'), await d.addUser('carol'), await d.addUser('dave')];
    const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);
    ok(await d.request({ method: 'POST', url: '/v1/groups.json', as: d.admin, payload: { groups: [{ code: 'team', name: 'Team' }] } }));
    ok(await d.request({ method: 'PUT', url: '/v1/userGroups.json', as: d.admin, payload: { userGroups: [{ code: 'alice', groups: ['team'] }, { code: 'bob', groups: ['team'] }] } }));
    const organizations = [
      { code: 'head', name: 'Head' },
      { code: 'sales', name: 'Sales', parentCode: 'head' },
      { code: 'tokyo', name: 'Tokyo', parentCode: 'sales' },
    ];
    ok(await d.request({ method: 'POST', url: '/v1/organizations.json', as: d.admin, payload: { organizations } }));
    const userOrganizations = [
      { code: 'carol', organizations: ['tokyo'] },
      { code: 'dave', organizations: ['head'] },
    ];
    ok(await d.request({ method: 'PUT', url: '/v1/userOrganizations.json', as: d.admin, payload: { userOrganizations } }));
    return { alice, bob, carol, dave };
  }

  describe('GET /k/v1/space/members.json', () => {
    it('lists member rows, then users who belong through a group or department', async () => {
      const d = await newDomain(h);
      const { alice } = await directory(d);
      await d.addUser('sleepy');
      const s = await addSpace(d, d.member, {
        members: [
          { entity: { type: 'USER', code: 'alice' } },
          { entity: { type: 'USER', code: 'sleepy' } },
          { entity: { type: 'GROUP', code: 'team' }, isAdmin: true },
          { entity: { type: 'ORGANIZATION', code: 'sales' }, includeSubs: true },
          { entity: { type: 'ORGANIZATION', code: 'head' }, includeSubs: false },
        ],
      });
      // A member suspended later stays a row, but is not listed.
      await h.services.db.updateTable('users').set({ valid: h.services.dialect === 'postgres' ? false : 0 }).where('domainId', '=', d.id).where('code', '=', 'sleepy').execute();
      const list = await members(d, alice, s.id);
      expect(list).toEqual([
        user('member', true),
        user('alice'),
        { entity: { type: 'GROUP', code: 'team' }, isAdmin: true, isImplicit: false },
        { entity: { type: 'ORGANIZATION', code: 'head' }, isAdmin: false, isImplicit: false, includeSubs: false },
        { entity: { type: 'ORGANIZATION', code: 'sales' }, isAdmin: false, isImplicit: false, includeSubs: true },
        { entity: { type: 'USER', code: 'bob' }, isAdmin: true, isImplicit: true },
        { entity: { type: 'USER', code: 'carol' }, isAdmin: false, isImplicit: true },
        { entity: { type: 'USER', code: 'dave' }, isAdmin: false, isImplicit: true },
      ]);
      const space = (await d.request({ method: 'GET', url: `/k/v1/space.json?id=${s.id}`, as: alice })).json();
      expect(space.memberCount).toBe('5');
    });

    it('lists every user for the group everyone, and never guests', async () => {
      const d = await newDomain(h);
      const g = await addSpace(d, d.admin, { isGuest: true, members: [{ entity: { type: 'GROUP', code: 'everyone' } }] });
      const guest = await addGuest(d, 'g@example.com');
      await setSpaceGuests(d, g.id, [guest]);
      const list = await members(d, guest, g.id, `/k/guest/${g.id}/v1`);
      expect(list).toEqual([
        user('admin', true),
        { entity: { type: 'GROUP', code: 'everyone' }, isAdmin: false, isImplicit: false },
        { entity: { type: 'USER', code: 'member' }, isAdmin: false, isImplicit: true },
      ]);
    });

    it('answers like GET space.json to those who may not see the space', async () => {
      const d = await newDomain(h);
      const outsider = await d.addUser('outsider');
      const s = await addSpace(d, d.member, { isPrivate: true });
      expect(code(await d.request({ method: 'GET', url: `/k/v1/space/members.json?id=${s.id}`, as: outsider }))).toEqual([404, 'GAIA_SP01']);
      const g = await addSpace(d, d.admin, { isGuest: true, members: [d.member] });
      expect(code(await d.request({ method: 'GET', url: `/k/v1/space/members.json?id=${g.id}`, as: d.member }))).toEqual([400, 'GAIA_IL23']);
    });
  });

  describe('PUT /k/v1/space/members.json', () => {
    it('replaces the members for a space administrator', async () => {
      const d = await newDomain(h);
      const { alice } = await directory(d);
      const s = await addSpace(d, d.member);
      const res = await setMembers(d, d.member, s.id, [
        { entity: { type: 'USER', code: 'alice' }, isAdmin: true },
        { entity: { type: 'ORGANIZATION', code: 'tokyo' }, includeSubs: true },
        { entity: { type: 'GROUP', code: 'team' }, includeSubs: true },
      ]);
      expect(res.statusCode, res.body).toBe(200);
      expect(await members(d, alice, s.id)).toEqual([
        user('alice', true),
        { entity: { type: 'GROUP', code: 'team' }, isAdmin: false, isImplicit: false },
        { entity: { type: 'ORGANIZATION', code: 'tokyo' }, isAdmin: false, isImplicit: false, includeSubs: true },
        { entity: { type: 'USER', code: 'bob' }, isAdmin: false, isImplicit: true },
        { entity: { type: 'USER', code: 'carol' }, isAdmin: false, isImplicit: true },
      ]);
      // The old administrator is a visitor now: the space is public.
      expect(code(await setMembers(d, d.member, s.id, [user('member', true)]))).toEqual([403, 'CB_NO02']);
    });

    it('checks the list as creation does, and needs an administrator', async () => {
      const d = await newDomain(h);
      const s = await addSpace(d, d.member);
      const bad = await setMembers(d, d.member, s.id, [{ entity: { type: 'USER', code: 'ghost' }, isAdmin: true }, { entity: { type: 'USER', code: 'guest/x@example.com' } }]);
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().errors)).toEqual(['members[0].entity', 'members[1].entity']);
      const noAdmin = await setMembers(d, d.member, s.id, [{ entity: { type: 'USER', code: 'member' } }]);
      expect(noAdmin.json().errors).toEqual({ members: { messages: ['Specify at least one space administrator.'] } });
      expect(code(await setMembers(d, d.member, s.id, []))).toEqual([400, 'CB_VA01']);
      expect(await members(d, d.member, s.id)).toEqual([user('member', true)]);
    });

    it('is refused to members, guests and the wrong path', async () => {
      const d = await newDomain(h);
      const g = await addSpace(d, d.admin, { isGuest: true, members: [d.member] });
      const guest = await addGuest(d, 'g@example.com');
      await setSpaceGuests(d, g.id, [guest]);
      const prefix = `/k/guest/${g.id}/v1`;
      const list = [user('member', true)];
      expect(code(await setMembers(d, d.member, g.id, list, prefix))).toEqual([403, 'CB_NO02']);
      expect(code(await setMembers(d, guest, g.id, list, prefix))).toEqual([403, 'CB_NO02']);
      expect(code(await setMembers(d, d.admin, g.id, list))).toEqual([400, 'GAIA_IL23']);
      expect((await setMembers(d, d.admin, g.id, list, prefix)).statusCode).toBe(200);
      expect(await members(d, d.member, g.id, prefix)).toEqual([user('member', true)]);
    });
  });

  describe('join and leave', () => {
    it('lets a user join a public space and leave it again', async () => {
      const d = await newDomain(h);
      const alice = await d.addUser('alice');
      const s = await addSpace(d, d.member);
      expect((await post(d, alice, 'join', s.id)).statusCode).toBe(200);
      expect(await members(d, alice, s.id)).toEqual([user('member', true), user('alice')]);
      expect(code(await post(d, alice, 'join', s.id))).toEqual([403, 'CB_NO02']);
      expect((await post(d, alice, 'leave', s.id)).statusCode).toBe(200);
      expect(await members(d, alice, s.id)).toEqual([user('member', true)]);
      expect(code(await post(d, alice, 'leave', s.id))).toEqual([403, 'CB_NO02']);
    });

    it('keeps the last administrator, and those who belong through a group', async () => {
      const d = await newDomain(h);
      const { alice } = await directory(d);
      const s = await addSpace(d, d.member, { members: [{ entity: { type: 'GROUP', code: 'team' } }] });
      const last = await post(d, d.member, 'leave', s.id);
      expect(last.statusCode).toBe(400);
      expect(last.json().errors).toEqual({ id: { messages: ['The last administrator of a space cannot leave it.'] } });
      expect(code(await post(d, alice, 'leave', s.id))).toEqual([403, 'CB_NO02']);
      expect((await setMembers(d, d.member, s.id, [user('member', true), { entity: { type: 'GROUP', code: 'team' }, isAdmin: true }])).statusCode).toBe(200);
      expect((await post(d, d.member, 'leave', s.id)).statusCode).toBe(200);
    });

    it('is blocked by fixed membership, private spaces and guest spaces', async () => {
      const d = await newDomain(h);
      const alice = await d.addUser('alice');
      const fixed = await addSpace(d, d.member, { fixedMember: true, members: [alice] });
      const bob = await d.addUser('bob');
      expect(code(await post(d, bob, 'join', fixed.id))).toEqual([403, 'CB_NO02']);
      expect(code(await post(d, alice, 'leave', fixed.id))).toEqual([403, 'CB_NO02']);
      const priv = await addSpace(d, d.member, { isPrivate: true });
      expect(code(await post(d, bob, 'join', priv.id))).toEqual([404, 'GAIA_SP01']);
      const g = await addSpace(d, d.admin, { isGuest: true });
      expect(code(await post(d, bob, 'join', g.id))).toEqual([404, 'GAIA_SP01']);
      const guest = await addGuest(d, 'g@example.com');
      await setSpaceGuests(d, g.id, [guest]);
      const onPath = (what: string) => d.request({ method: 'POST', url: `/k/guest/${g.id}/v1/space/${what}.json`, as: guest, payload: { id: g.id } });
      expect(code(await onPath('join'))).toEqual([403, 'CB_NO02']);
      expect(code(await onPath('leave'))).toEqual([403, 'CB_NO02']);
    });
  });
});
