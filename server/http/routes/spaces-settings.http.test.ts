// PUT space.json, PUT space/body.json and DELETE space.json: what a space administrator may
// change, what nobody may (probe S3), hostile announcement bodies (X4), and what deleting a space
// takes with it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Persona, type TestDomain, newDomain } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type FileWorld, fileRows, filesOnDisk, startFileApp, upload } from '../../../test/support/files.js';
import { addGuest, setSpaceGuests } from '../../../test/support/guests.js';
import { addSpace } from '../../../test/support/spaces.js';

eachDatabase((database) => {
  let w: FileWorld;
  beforeAll(async () => {
    w = await startFileApp(database());
  });
  afterAll(async () => w.close());

  const put = (d: TestDomain, as: Persona, url: string, payload: Record<string, unknown>, prefix = '/k/v1') =>
    d.request({ method: 'PUT', url: `${prefix}/${url}`, as, payload });
  const read = async (d: TestDomain, as: Persona, id: number, prefix = '/k/v1') => {
    const res = await d.request({ method: 'GET', url: `${prefix}/space.json?id=${id}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const code = (res: { statusCode: number; json(): { code?: string } }) => [res.statusCode, res.json().code];

  async function world() {
    const d = await newDomain(w.h);
    const boss = await d.addUser('boss');
    const outsider = await d.addUser('outsider');
    const s = await addSpace(d, boss, { name: 'Team', members: [d.member] });
    return { d, boss, outsider, s };
  }

  describe('PUT /k/v1/space.json', () => {
    it('changes settings for a space administrator and records who did', async () => {
      const { d, boss, s } = await world();
      const res = await put(d, boss, 'space.json', {
        id: String(s.id),
        name: 'Renamed',
        isPrivate: true,
        fixedMember: true,
        useMultiThread: true,
        showAnnouncement: false,
        showThreadList: false,
        showAppList: false,
        showMemberList: false,
        showRelatedLinkList: false,
        permissions: { createApp: 'ADMIN' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({});
      w.h.clock.advance(1000);
      const space = await read(d, d.member, s.id);
      expect(space).toMatchObject({
        name: 'Renamed',
        isPrivate: true,
        fixedMember: true,
        useMultiThread: true,
        showAnnouncement: false,
        showThreadList: false,
        showAppList: false,
        showMemberList: false,
        showRelatedLinkList: false,
        permissions: { createApp: 'ADMIN' },
        modifier: { code: 'boss', name: 'boss' },
      });
      const audit = await w.h.services.db.selectFrom('auditLog').select(['actorCode', 'detail']).where('domainId', '=', d.id).where('action', '=', 'space.update').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actorCode).toBe('boss');
    });

    it('keeps multiple threads on, and only changes what is sent', async () => {
      const { d, boss, s } = await world();
      expect((await put(d, boss, 'space.json', { id: s.id, useMultiThread: true })).statusCode).toBe(200);
      expect((await put(d, boss, 'space.json', { id: s.id, useMultiThread: false, fixedMember: true })).statusCode).toBe(200);
      const space = await read(d, boss, s.id);
      expect(space.useMultiThread).toBe(true);
      expect(space.fixedMember).toBe(true);
      expect(space.name).toBe('Team');
      expect(space.showRelatedLinkList).toBe(true);
    });

    it('drops isGuest, creator and other unknown keys, and keeps a guest space private (S3)', async () => {
      const { d, boss, s } = await world();
      const res = await put(d, boss, 'space.json', { id: s.id, isGuest: true, creator: { code: 'outsider' }, code: 'x', isAdmin: true, email: 'e@x' });
      expect(res.statusCode, res.body).toBe(200);
      const space = await read(d, boss, s.id);
      expect(space.isGuest).toBe(false);
      expect(space.creator.code).toBe('boss');
      const row = await w.h.services.db.selectFrom('spaces').select('isGuest').where('domainId', '=', d.id).where('id', '=', s.id).executeTakeFirstOrThrow();
      expect(Boolean(row.isGuest)).toBe(false);

      const g = await addSpace(d, d.admin, { isGuest: true });
      const prefix = `/k/guest/${g.id}/v1`;
      expect((await put(d, d.admin, 'space.json', { id: g.id, isPrivate: false, name: 'Guests' }, prefix)).statusCode).toBe(200);
      const guestSpace = await read(d, d.admin, g.id, prefix);
      expect(guestSpace.isPrivate).toBe(true);
      expect(guestSpace.name).toBe('Guests');
    });

    it('refuses members, outsiders and guests', async () => {
      const { d, outsider, s } = await world();
      expect(code(await put(d, d.member, 'space.json', { id: s.id, name: 'x' }))).toEqual([403, 'CB_NO02']);
      expect(code(await put(d, outsider, 'space.json', { id: s.id, name: 'x' }))).toEqual([403, 'CB_NO02']);
      const priv = await addSpace(d, d.member, { isPrivate: true });
      expect(code(await put(d, outsider, 'space.json', { id: priv.id, name: 'x' }))).toEqual([404, 'GAIA_SP01']);
      expect(code(await put(d, outsider, 'space.json', { id: 99999, name: 'x' }))).toEqual([404, 'GAIA_SP01']);

      const g = await addSpace(d, d.admin, { isGuest: true, members: [d.member] });
      const guest = await addGuest(d, 'g@example.com');
      await setSpaceGuests(d, g.id, [guest]);
      const prefix = `/k/guest/${g.id}/v1`;
      expect(code(await put(d, guest, 'space.json', { id: g.id, name: 'x' }, prefix))).toEqual([403, 'CB_NO02']);
      expect(code(await put(d, d.member, 'space.json', { id: g.id, name: 'x' }, prefix))).toEqual([403, 'CB_NO02']);
      expect(code(await put(d, d.admin, 'space.json', { id: g.id, name: 'x' }))).toEqual([400, 'GAIA_IL23']);
      expect((await read(d, d.admin, g.id, prefix)).name).toBe('Test space');
      expect(code(await put(d, d.member, 'space.json', { id: s.id, name: '' }))).toEqual([400, 'CB_VA01']);
    });
  });

  describe('PUT /k/v1/space/body.json', () => {
    it('keeps formatting and strips script, event handlers and javascript: links (X4)', async () => {
      const { d, boss, s } = await world();
      const hostile = [
        '<h2 style="color: red">News</h2>',
        '<p onclick="steal()">Hello <b>all</b><script>alert(1)</script></p>',
        '<img src="x" onerror="alert(2)">',
        '<a href="javascript:alert(3)">click</a>',
        '<a href="https://example.com/" onmouseover="x()">ok</a>',
        '<iframe src="https://evil.example/"></iframe>',
        '<svg onload="alert(4)"><circle /></svg>',
        '<div style="background-image: url(javascript:alert(5))">bg</div>',
        '<form action="https://evil.example/"><input name="p"></form>',
      ].join('');
      const res = await put(d, boss, 'space/body.json', { id: s.id, body: hostile });
      expect(res.statusCode, res.body).toBe(200);
      const body: string = (await read(d, d.member, s.id)).body;
      expect(body).toContain('<h2 style="color:red">News</h2>');
      expect(body).toContain('Hello <b>all</b>');
      expect(body).toContain('<a href="https://example.com/" rel="noopener noreferrer" target="_blank">ok</a>');
      for (const bad of ['script', 'onerror', 'onclick', 'onmouseover', 'onload', 'javascript:', 'iframe', 'svg', '<form', '<input', 'url(']) {
        expect(body.toLowerCase()).not.toContain(bad);
      }
    });

    it('is for space administrators only', async () => {
      const { d, boss, outsider, s } = await world();
      expect(code(await put(d, d.member, 'space/body.json', { id: s.id, body: 'x' }))).toEqual([403, 'CB_NO02']);
      expect(code(await put(d, outsider, 'space/body.json', { id: s.id, body: 'x' }))).toEqual([403, 'CB_NO02']);
      expect(code(await put(d, boss, 'space/body.json', { id: s.id }))).toEqual([400, 'CB_VA01']);
      expect((await put(d, d.admin, 'space/body.json', { id: s.id, body: '<p>by the administrator</p>' })).statusCode).toBe(200);
      expect((await read(d, boss, s.id)).body).toBe('<p>by the administrator</p>');
    });
  });

  describe('DELETE /k/v1/space.json', () => {
    it('deletes the space with its threads, members, favourites, apps, records and files', async () => {
      const { d, boss, s } = await world();
      const db = w.h.services.db;
      const created = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as: boss, payload: { name: 'Docs', space: s.id } });
      const app = Number(created.json().app);
      const fields = { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'T' }, file: { type: 'FILE', code: 'file', label: 'F' } };
      expect((await d.request({ method: 'POST', url: '/k/v1/preview/app/form/fields.json', as: boss, payload: { app, properties: fields } })).statusCode).toBe(200);
      expect((await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: boss, payload: { apps: [{ app }] } })).statusCode).toBe(200);
      const up = await upload(d, boss, { name: 'a.txt', type: 'text/plain', data: 'hello' });
      const added = await d.request({ method: 'POST', url: '/k/v1/record.json', as: boss, payload: { app, record: { title: { value: 'findme' }, file: { value: [{ fileKey: up.json().fileKey }] } } } });
      expect(added.statusCode, added.body).toBe(200);
      expect((await d.request({ method: 'PUT', url: '/v1/spaces/favourite.json', as: d.member, payload: { id: s.id, favourite: true } })).statusCode).toBe(200);
      const other = await addSpace(d, boss, { name: 'Other' });
      expect(await filesOnDisk(w.filesDir)).toHaveLength(1);

      expect(code(await d.request({ method: 'DELETE', url: `/k/v1/space.json?id=${s.id}`, as: d.member }))).toEqual([403, 'CB_NO02']);
      const res = await d.request({ method: 'DELETE', url: `/k/v1/space.json?id=${s.id}`, as: boss });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({});

      expect(code(await d.request({ method: 'GET', url: `/k/v1/space.json?id=${s.id}`, as: boss }))).toEqual([404, 'GAIA_SP01']);
      expect(code(await d.request({ method: 'GET', url: `/k/v1/app.json?id=${app}`, as: boss }))).toEqual([404, 'GAIA_AP01']);
      const count = async (table: 'spaceThreads' | 'spaceMembers' | 'spaceFavourites' | 'records' | 'apps' | 'recordSearch') => {
        const q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('domainId', '=', d.id);
        return Number((await q.executeTakeFirstOrThrow()).n);
      };
      expect(await count('spaceThreads')).toBe(1); // the other space's
      expect(await count('spaceMembers')).toBe(1);
      expect(await count('spaceFavourites')).toBe(0);
      expect(await count('records')).toBe(0);
      expect(await count('apps')).toBe(0);
      expect(await count('recordSearch')).toBe(0);
      expect(await fileRows(w.h, d.id)).toEqual([]);
      // The bytes go after the commit, without holding up the answer.
      await vi.waitFor(async () => expect(await filesOnDisk(w.filesDir)).toEqual([]), { timeout: 5_000 });
      expect((await read(d, boss, other.id)).name).toBe('Other');
      const audit = await db.selectFrom('auditLog').select(['action', 'targetId']).where('domainId', '=', d.id).where('action', '=', 'space.delete').execute();
      expect(audit).toEqual([{ action: 'space.delete', targetId: String(s.id) }]);
    });

    it('deletes a guest space under its own path only, and keeps its guests’ accounts', async () => {
      const d = await newDomain(w.h);
      const g = await addSpace(d, d.admin, { isGuest: true });
      const guest = await addGuest(d, 'g@example.com');
      await setSpaceGuests(d, g.id, [guest]);
      expect(code(await d.request({ method: 'DELETE', url: `/k/v1/space.json?id=${g.id}`, as: d.admin }))).toEqual([400, 'GAIA_IL23']);
      expect(code(await d.request({ method: 'DELETE', url: `/k/guest/${g.id}/v1/space.json?id=${g.id}`, as: guest }))).toEqual([403, 'CB_NO02']);
      expect((await d.request({ method: 'DELETE', url: `/k/guest/${g.id}/v1/space.json?id=${g.id}`, as: d.admin })).statusCode).toBe(200);
      const account = await w.h.services.db.selectFrom('users').select('id').where('domainId', '=', d.id).where('id', '=', guest.id).execute();
      expect(account).toHaveLength(1);
      expect(code(await d.request({ method: 'GET', url: `/k/guest/${g.id}/v1/space.json?id=${g.id}`, as: d.admin }))).toEqual([403, 'CB_NO02']);
    });
  });
});
