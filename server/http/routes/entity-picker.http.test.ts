import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest, setSpaceGuests } from '../../../test/support/guests.js';
import { addSpace } from '../../../test/support/spaces.js';

const PICKER = '/v1/app/entity-picker.json';
const PEOPLE = { users: { type: 'USER_SELECT', code: 'users', label: 'People' } };

async function groupsAndDepartments(d: TestDomain): Promise<void> {
  for (const [url, key, items] of [
    ['/v1/groups.json', 'groups', [{ code: 'sales', name: 'Sales team' }, { code: 'qa', name: 'Quality' }]],
    ['/v1/organizations.json', 'organizations', [{ code: 'hq', name: 'Head office' }, { code: 'osaka', name: 'Osaka branch' }]],
  ] as const) {
    const res = await d.request({ method: 'POST', url, as: d.admin, payload: { [key]: items } });
    expect(res.statusCode, res.body).toBe(200);
  }
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('entity picker', () => {
    it('offers the domain’s users, departments and groups for an app outside guest spaces, by keyword', async () => {
      const d = await newDomain(h);
      await d.addUser('yamada');
      await d.addUser('suzuki');
      await d.addUser('gone', { valid: false });
      await groupsAndDepartments(d);
      const app = await deployedApp(d, PEOPLE);
      const pick = async (query: string) => {
        const res = await d.request({ method: 'GET', url: `${PICKER}?app=${app}&${query}`, as: d.member });
        expect(res.statusCode, res.body).toBe(200);
        return (res.json().entities as Array<{ type: string; code: string; name: string }>).map((e) => `${e.type}:${e.code}`);
      };
      expect(await pick('kind=USER')).toEqual(['USER:admin', 'USER:member', 'USER:yamada', 'USER:suzuki']);
      expect(await pick('kind=USER&keyword=YAMA')).toEqual(['USER:yamada']);
      expect(await pick('kind=USER&limit=2')).toHaveLength(2);
      expect(await pick('kind=GROUP&keyword=team')).toEqual(['GROUP:sales']);
      expect(await pick('kind=ORGANIZATION')).toEqual(['ORGANIZATION:hq', 'ORGANIZATION:osaka']);
      // `%` is a character, not a wildcard.
      expect(await pick('kind=USER&keyword=%25')).toEqual([]);
    });

    it('offers only the guest space’s people in its apps, and no group or department to a guest', async () => {
      const d = await newDomain(h);
      const inside = await d.addUser('inside');
      await d.addUser('outside');
      await groupsAndDepartments(d);
      const space = await addSpace(d, d.admin, {
        isGuest: true,
        isPrivate: true,
        members: [inside, { entity: { type: 'GROUP', code: 'sales' } }],
      });
      const guest = await addGuest(d, 'partner@example.com', { name: 'Partner' });
      const stranger = await addGuest(d, 'stranger@example.com');
      await setSpaceGuests(d, space.id, [guest]);
      const app = await deployedApp(d, PEOPLE, { guestSpace: space.id });
      const pick = async (as: typeof guest, kind: string) => {
        const res = await d.request({ method: 'GET', url: `${PICKER}?app=${app}&kind=${kind}`, as });
        expect(res.statusCode, res.body).toBe(200);
        return (res.json().entities as Array<{ code: string }>).map((e) => e.code).sort();
      };
      expect(await pick(inside, 'USER')).toEqual(['admin', 'guest/partner@example.com', 'inside'].sort());
      expect(await pick(inside, 'GROUP')).toEqual(['sales']);
      expect(await pick(inside, 'ORGANIZATION')).toEqual([]);
      expect(await pick(guest, 'USER')).toEqual(['admin', 'guest/partner@example.com', 'inside'].sort());
      expect(await pick(guest, 'GROUP')).toEqual([]);
      // Someone outside the space learns nothing: the app answers as missing.
      const outsider = await d.request({ method: 'GET', url: `${PICKER}?app=${app}&kind=USER`, as: d.member });
      expect(outsider.statusCode).toBe(404);
      const other = await d.request({ method: 'GET', url: `${PICKER}?app=${app}&kind=USER`, as: stranger });
      expect([403, 404]).toContain(other.statusCode);
    });

    it('checks its input and refuses anonymous callers', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, PEOPLE);
      const bad = await d.request({ method: 'GET', url: `${PICKER}?app=${app}&kind=ROBOT`, as: d.member });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('CB_VA01');
      const anonymous = await d.request({ method: 'GET', url: `${PICKER}?app=${app}&kind=USER` });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});
