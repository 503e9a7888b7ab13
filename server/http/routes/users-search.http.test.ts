import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachDatabase } from '../../../test/support/db.js';
import { type Harness, newDomain, startApp } from '../../../test/support/app.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const codes = (res: { json(): { users: Array<{ code: string }> } }) => res.json().users.map((u) => u.code);

  describe('GET /v1/users/search.json', () => {
    it('lists every user with the total, in the list order, and pages with offset/size', async () => {
      const d = await newDomain(h);
      await d.addUser('carol');
      await d.addUser('dave');
      let res = await d.request({ method: 'GET', url: '/v1/users/search.json', as: d.admin });
      expect(res.statusCode).toBe(200);
      expect(codes(res)).toEqual(['admin', 'member', 'carol', 'dave']);
      expect(res.json().totalCount).toBe('4');
      expect(res.json().users[0]).toMatchObject({ id: String(d.admin.id), isAdmin: true, locked: false });
      res = await d.request({ method: 'GET', url: '/v1/users/search.json?offset=1&size=2', as: d.admin });
      expect(codes(res)).toEqual(['member', 'carol']);
      expect(res.json().totalCount).toBe('4');
    });

    it('finds a text in the login name, display name or e-mail address, ignoring ASCII case', async () => {
      const d = await newDomain(h);
      const created = await d.request({
        method: 'POST',
        url: '/v1/users.json',
        as: d.admin,
        payload: {
          users: [
            { code: 'sato', name: '佐藤 花子', email: 'hanako@Example.JP', password: 'a long passphrase 1' },
            { code: 'suzuki', name: 'Suzuki Ichiro', email: 'ichiro@corp.example', password: 'a long passphrase 2' },
          ],
        },
      });
      expect(created.statusCode).toBe(200);
      const search = (q: string) => d.request({ method: 'GET', url: `/v1/users/search.json?q=${encodeURIComponent(q)}`, as: d.admin });
      expect(codes(await search('SATO'))).toEqual(['sato']);
      expect(codes(await search('佐藤'))).toEqual(['sato']);
      expect(codes(await search('example.jp'))).toEqual(['sato']);
      expect(codes(await search('ICHIRO'))).toEqual(['suzuki']);
      const both = await search('s');
      expect(codes(both)).toEqual(['sato', 'suzuki']);
      expect(both.json().totalCount).toBe('2');
      expect(codes(await search('nobody'))).toEqual([]);
    });

    it('takes % and _ literally, never as wildcards', async () => {
      const d = await newDomain(h);
      await d.addUser('a_b');
      await d.addUser('axb');
      const res = await d.request({ method: 'GET', url: `/v1/users/search.json?q=${encodeURIComponent('a_b')}`, as: d.admin });
      expect(codes(res)).toEqual(['a_b']);
      const percent = await d.request({ method: 'GET', url: `/v1/users/search.json?q=${encodeURIComponent('%')}`, as: d.admin });
      expect(codes(percent)).toEqual([]);
    });

    it('keeps to active or suspended users with valid', async () => {
      const d = await newDomain(h);
      await d.addUser('gone', { valid: false });
      const suspended = await d.request({ method: 'GET', url: '/v1/users/search.json?valid=false', as: d.admin });
      expect(codes(suspended)).toEqual(['gone']);
      const active = await d.request({ method: 'GET', url: '/v1/users/search.json?valid=true', as: d.admin });
      expect(codes(active)).toEqual(['admin', 'member']);
      expect(active.json().totalCount).toBe('2');
    });

    it('never lists guests nor another domain’s users', async () => {
      const d = await newDomain(h);
      const other = await newDomain(h);
      await other.addUser('elsewhere');
      const guest = await d.request({
        method: 'POST',
        url: '/k/v1/guests.json',
        as: d.admin,
        payload: { guests: [{ code: 'partner@example.com', name: 'Partner', password: 'a long passphrase 3', timezone: 'Asia/Tokyo' }] },
      });
      expect(guest.statusCode).toBe(200);
      const res = await d.request({ method: 'GET', url: '/v1/users/search.json?size=100', as: d.admin });
      expect(codes(res)).toEqual(['admin', 'member']);
      expect(codes(await d.request({ method: 'GET', url: '/v1/users/search.json?q=partner', as: d.admin }))).toEqual([]);
    });

    it('refuses members with 403 CB_NO02, anonymous callers with 401, and a bad size with CB_VA01', async () => {
      const d = await newDomain(h);
      const member = await d.request({ method: 'GET', url: '/v1/users/search.json', as: d.member });
      expect(member.statusCode).toBe(403);
      expect(member.json().code).toBe('CB_NO02');
      const anon = await d.request({ method: 'GET', url: '/v1/users/search.json' });
      expect(anon.statusCode).toBe(401);
      const size = await d.request({ method: 'GET', url: '/v1/users/search.json?size=101', as: d.admin });
      expect(size.statusCode).toBe(400);
      expect(size.json().code).toBe('CB_VA01');
    });
  });
});
