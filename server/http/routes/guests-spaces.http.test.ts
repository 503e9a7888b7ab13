// PUT /k/guest/{id}/v1/space/guests.json: who may set a guest space's guests, on which path, and
// what a change leaves behind (the account stays; the audit log has every change).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { toDb } from '../../storage/dialect.js';
import { addGuest, seedSpace, setSpaceGuests } from '../../../test/support/guests.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const put = (d: TestDomain, url: string, id: number | string, guests: string[], as: Persona = d.admin) =>
    d.request({ method: 'PUT', url, as, payload: { id, guests } });
  const guestsOf = async (d: TestDomain, space: number) => {
    const rows = await h.services.db.selectFrom('spaceGuests').select('userId').where('domainId', '=', d.id).where('spaceId', '=', space).orderBy('userId').execute();
    return rows.map((r) => Number(r.userId));
  };

  async function world() {
    const d = await newDomain(h);
    const spaceAdmin = await d.addUser('sa');
    const a = await addGuest(d, 'a@example.com');
    const b = await addGuest(d, 'b@example.com');
    const space = await seedSpace(h, d, { admins: [spaceAdmin], members: [d.member] });
    const other = await seedSpace(h, d, { admins: [spaceAdmin] });
    return { d, spaceAdmin, a, b, space, other };
  }

  describe('PUT /k/guest/{id}/v1/space/guests.json', () => {
    it('replaces the guests of a guest space; a guest taken out keeps its account', async () => {
      const { d, spaceAdmin, a, b, space } = await world();
      const url = `/k/guest/${space}/v1/space/guests.json`;
      const first = await put(d, url, space, ['a@example.com', 'B@Example.com'], spaceAdmin);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({});
      expect(await guestsOf(d, space)).toEqual([a.id, b.id].sort((x, y) => x - y));

      expect((await put(d, url, String(space), ['b@example.com'], d.admin)).statusCode).toBe(200);
      expect(await guestsOf(d, space)).toEqual([b.id]);
      const stillThere = await d.request({ method: 'GET', url: '/api/session', as: a });
      expect(stillThere.statusCode).toBe(200);
      expect((await put(d, url, space, [])).statusCode).toBe(200);
      expect(await guestsOf(d, space)).toEqual([]);

      const audit = await h.services.db
        .selectFrom('auditLog')
        .select(['action', 'actorCode', 'targetId'])
        .where('domainId', '=', d.id)
        .where('action', 'like', 'space.guest.%')
        .orderBy('at')
        .orderBy('id')
        .execute();
      expect(audit.map((r) => r.action).sort()).toEqual(['space.guest.add', 'space.guest.add', 'space.guest.remove', 'space.guest.remove'].sort());
      expect(audit.every((r) => r.targetId === String(space))).toBe(true);
      expect(audit.filter((r) => r.actorCode === 'sa')).toHaveLength(2);
    });

    it('lets one guest belong to several guest spaces independently', async () => {
      const { d, a, space, other } = await world();
      await setSpaceGuests(d, space, [a]);
      await setSpaceGuests(d, other, [a]);
      await setSpaceGuests(d, space, []);
      expect(await guestsOf(d, space)).toEqual([]);
      expect(await guestsOf(d, other)).toEqual([a.id]);
      const listed = await d.request({ method: 'GET', url: '/v1/guests.json?codes[0]=a@example.com', as: d.admin });
      expect(listed.json().guests[0].spaces).toEqual([{ id: String(other), name: `space ${other}` }]);
    });

    it('is refused on the plain path, with a body id other than the path’s, and for a space that is no guest space', async () => {
      const { d, spaceAdmin, space, other } = await world();
      const regular = await seedSpace(h, d, { isGuest: false, admins: [spaceAdmin] });
      for (const [url, id] of [
        ['/k/v1/space/guests.json', space],
        [`/k/guest/${space}/v1/space/guests.json`, other],
        [`/k/guest/${other}/v1/space/guests.json`, space],
        [`/k/guest/${regular}/v1/space/guests.json`, regular],
        ['/k/guest/999999/v1/space/guests.json', 999999],
        ['/k/guest/abc/v1/space/guests.json', space],
      ] as const) {
        for (const as of [d.admin, spaceAdmin]) {
          const res = await put(d, url, id, ['a@example.com'], as);
          expect(res.statusCode, `${url} ${id}`).toBe(403);
          expect(res.json()).toMatchObject({ code: 'CB_NO02', message: 'No privilege to proceed.' });
        }
      }
      expect(await guestsOf(d, space)).toEqual([]);
    });

    it('is for the space’s administrators: members, outsiders and its own guests are refused', async () => {
      const { d, a, space } = await world();
      await setSpaceGuests(d, space, [a]);
      const outsider = await d.addUser('outsider');
      const url = `/k/guest/${space}/v1/space/guests.json`;
      for (const as of [d.member, outsider, a]) {
        const res = await put(d, url, space, ['a@example.com', 'b@example.com'], as);
        expect(res.statusCode, as.code).toBe(403);
        expect(res.json().code).toBe('CB_NO02');
      }
      const anon = await d.request({ method: 'PUT', url, payload: { id: space, guests: [] } });
      expect(anon.json().code).toBe('CB_AU01');
      expect(await guestsOf(d, space)).toEqual([a.id]);
    });

    it('refuses unknown, suspended and regular users’ addresses alike, and changes nothing', async () => {
      const { d, a, space } = await world();
      await setSpaceGuests(d, space, [a]);
      await d.addUser('user@example.com');
      await d.request({ method: 'PUT', url: '/v1/guests/status.json', as: d.admin, payload: { guests: [{ code: 'b@example.com', valid: false }] } });
      const res = await put(d, `/k/guest/${space}/v1/space/guests.json`, space, ['a@example.com', 'nobody@example.com', 'b@example.com', 'user@example.com', 'member']);
      expect(res.statusCode).toBe(400);
      const errors = res.json().errors;
      expect(Object.keys(errors)).toEqual(['guests[1]', 'guests[2]', 'guests[3]', 'guests[4]']);
      expect(new Set(Object.values(errors).map((e) => JSON.stringify(e))).size).toBe(1);
      expect(errors['guests[1]'].messages).toEqual(['The specified guest user is not found or is suspended.']);
      expect(await guestsOf(d, space)).toEqual([a.id]);
    });

    it('drops what tied a removed guest to the space: thread follows and the favourite', async () => {
      const { d, a, space, other } = await world();
      await setSpaceGuests(d, space, [a]);
      await setSpaceGuests(d, other, [a]);
      const db = h.services.db;
      const now = toDb.time(h.clock.now());
      for (const [id, s] of [[9001, space], [9002, other]] as const) {
        await db
          .insertInto('spaceThreads')
          .values({ domainId: d.id, id, spaceId: s, name: 't', body: null, creatorId: d.admin.id, createdAt: now, modifierId: d.admin.id, modifiedAt: now })
          .execute();
        await db.insertInto('threadFollowers').values({ domainId: d.id, threadId: id, userId: a.id }).execute();
        await db.insertInto('spaceFavourites').values({ domainId: d.id, userId: a.id, spaceId: s, createdAt: now }).execute();
      }
      await setSpaceGuests(d, space, []);
      const follows = await db.selectFrom('threadFollowers').select('threadId').where('domainId', '=', d.id).execute();
      expect(follows.map((f) => Number(f.threadId))).toEqual([9002]);
      const favourites = await db.selectFrom('spaceFavourites').select('spaceId').where('domainId', '=', d.id).execute();
      expect(favourites.map((f) => Number(f.spaceId))).toEqual([other]);
    });
  });
});
