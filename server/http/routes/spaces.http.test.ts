// POST and GET space.json: creating a space (ours, in kintone's style) and reading it in
// kintone's shape, with the path rules of guest spaces and the answers of spec/security.md §2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { addGuest, setSpaceGuests } from '../../../test/support/guests.js';
import { addSpace } from '../../../test/support/spaces.js';

const FIELDS = { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' } };

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  const create = (d: TestDomain, as: Persona, payload: Record<string, unknown>) => d.request({ method: 'POST', url: '/k/v1/space.json', as, payload });
  const get = (d: TestDomain, as: Persona, id: number | string, prefix = '/k/v1') => d.request({ method: 'GET', url: `${prefix}/space.json?id=${id}`, as });
  const admin = (code: string) => ({ entity: { type: 'USER', code }, isAdmin: true });

  /** An app in a space, deployed; `rights` replaces its permissions before the deploy. */
  async function spaceApp(d: TestDomain, as: Persona, space: number, name: string, rights?: unknown[], prefix = '/k/v1'): Promise<number> {
    const created = await d.request({ method: 'POST', url: `${prefix}/preview/app.json`, as, payload: { name, space } });
    expect(created.statusCode, created.body).toBe(200);
    const app = Number(created.json().app);
    const fields = await d.request({ method: 'POST', url: `${prefix}/preview/app/form/fields.json`, as, payload: { app, properties: FIELDS } });
    expect(fields.statusCode, fields.body).toBe(200);
    if (rights) {
      const acl = await d.request({ method: 'PUT', url: `${prefix}/preview/app/acl.json`, as, payload: { app, rights } });
      expect(acl.statusCode, acl.body).toBe(200);
    }
    const deploy = await d.request({ method: 'POST', url: `${prefix}/preview/app/deploy.json`, as, payload: { apps: [{ app }] } });
    expect(deploy.statusCode, deploy.body).toBe(200);
    return app;
  }

  describe('POST /k/v1/space.json', () => {
    it('creates a space with its default thread and members, and answers ids as strings', async () => {
      const d = await newDomain(h);
      const res = await create(d, d.member, {
        name: '  Sales  ',
        members: [admin(d.member.code), { entity: { type: 'GROUP', code: 'everyone' } }],
        body: '<p onclick="x()">Hi<script>alert(1)</script></p>',
        isCreator: true,
      });
      expect(res.statusCode, res.body).toBe(200);
      const { id, defaultThread } = res.json();
      expect(typeof id).toBe('string');
      expect(typeof defaultThread).toBe('string');
      expect(Object.keys(res.json()).sort()).toEqual(['defaultThread', 'id']);

      const thread = await h.services.db.selectFrom('spaceThreads').selectAll().where('domainId', '=', d.id).where('id', '=', Number(defaultThread)).executeTakeFirstOrThrow();
      expect(Number(thread.spaceId)).toBe(Number(id));
      expect(thread.name).toBe('');
      const rows = await h.services.db.selectFrom('spaceMembers').select(['entityType', 'entityId']).where('domainId', '=', d.id).where('spaceId', '=', Number(id)).orderBy('entityType').execute();
      expect(rows.map((r) => [r.entityType, Number(r.entityId)])).toEqual([['GROUP', 0], ['USER', d.member.id]]);

      const space = (await get(d, d.member, id)).json();
      expect(space.name).toBe('Sales');
      expect(space.body).toBe('<p>Hi</p>');
      const audit = await h.services.db.selectFrom('auditLog').select(['action', 'targetId']).where('domainId', '=', d.id).where('action', '=', 'space.create').execute();
      expect(audit).toEqual([{ action: 'space.create', targetId: id }]);
    });

    it('names the default thread after the space when it starts with multiple threads', async () => {
      const d = await newDomain(h);
      const s = await addSpace(d, d.member, { name: 'Projects', useMultiThread: true });
      const thread = await h.services.db.selectFrom('spaceThreads').select('name').where('domainId', '=', d.id).where('id', '=', s.defaultThread).executeTakeFirstOrThrow();
      expect(thread.name).toBe('Projects');
      expect((await get(d, d.member, s.id)).json().showRelatedLinkList).toBe(true);
    });

    it('refuses bad input in kintone’s error shape', async () => {
      const d = await newDomain(h);
      const suspended = await d.addUser('sleepy', { valid: false });
      await addGuest(d, 'g@example.com');
      await h.services.db.deleteFrom('users').where('domainId', '=', d.id).where('id', '=', (await d.addUser('gone')).id).execute();
      const bad = async (payload: Record<string, unknown>) => {
        const res = await create(d, d.member, payload);
        expect(res.statusCode, res.body).toBe(400);
        const body = res.json();
        expect(body.code).toBe('CB_VA01');
        expect(typeof body.id).toBe('string');
        expect(body.message).toBe('Missing or invalid input.');
        return body.errors as Record<string, { messages: string[] }>;
      };
      expect(Object.keys(await bad({ members: [admin(d.member.code)] }))).toEqual(['name']);
      expect(await bad({ name: ' ', members: [admin(d.member.code)] })).toEqual({ name: { messages: ['Required field.'] } });
      expect(Object.keys(await bad({ name: 'x'.repeat(129), members: [admin(d.member.code)] }))).toEqual(['name']);
      expect(Object.keys(await bad({ name: 'x', members: [] }))).toEqual(['members']);
      expect(Object.keys(await bad({ name: 'x', members: [{ entity: { type: 'APP', code: 'a' } }] }))).toEqual(['members[0].entity.type']);

      const notFound = { messages: ['The specified user, department or group is not found, or the user is suspended.'] };
      const errors = await bad({
        name: 'x',
        members: [
          admin(d.member.code),
          { entity: { type: 'USER', code: 'nobody' } },
          { entity: { type: 'USER', code: suspended.code } },
          { entity: { type: 'USER', code: 'gone' } },
          { entity: { type: 'USER', code: 'guest/g@example.com' } },
          { entity: { type: 'USER', code: 'g@example.com' } },
          { entity: { type: 'GROUP', code: 'no-such-group' } },
          { entity: { type: 'ORGANIZATION', code: 'no-such-org' } },
          { entity: { type: 'USER', code: d.member.code.toUpperCase() } },
        ],
      });
      expect(errors).toEqual({
        'members[1].entity': notFound,
        'members[2].entity': notFound,
        'members[3].entity': notFound,
        'members[4].entity': notFound,
        'members[5].entity': notFound,
        'members[6].entity': notFound,
        'members[7].entity': notFound,
        'members[8].entity': { messages: ['The value is duplicated in the request.'] },
      });
      expect(await bad({ name: 'x', members: [{ entity: { type: 'USER', code: d.member.code } }] })).toEqual({
        members: { messages: ['Specify at least one space administrator.'] },
      });
      const count = await h.services.db.selectFrom('spaces').select((eb) => eb.fn.countAll<number>().as('n')).where('domainId', '=', d.id).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });

    it('lets administrators only create guest spaces, which are always private', async () => {
      const d = await newDomain(h);
      const refused = await create(d, d.member, { name: 'G', isGuest: true, members: [admin(d.member.code)] });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('CB_NO02');
      const s = await addSpace(d, d.admin, { name: 'G', isGuest: true, isPrivate: false });
      const space = (await get(d, d.admin, s.id, `/k/guest/${s.id}/v1`)).json();
      expect(space.isGuest).toBe(true);
      expect(space.isPrivate).toBe(true);
    });

    it('is not served under a guest space’s path, and refuses guests', async () => {
      const d = await newDomain(h);
      const g = await addSpace(d, d.admin, { isGuest: true });
      const onGuestPath = await d.request({ method: 'POST', url: `/k/guest/${g.id}/v1/space.json`, as: d.admin, payload: { name: 'x', members: [admin('admin')] } });
      expect(onGuestPath.statusCode).toBe(404);
      const guest = await addGuest(d, 'g@example.com');
      await setSpaceGuests(d, g.id, [guest]);
      const byGuest = await create(d, guest, { name: 'x', members: [admin('admin')] });
      expect(byGuest.statusCode).toBe(403);
      expect(byGuest.json().code).toBe('CB_NO02');
    });
  });

  describe('GET /k/v1/space.json', () => {
    it('answers kintone’s shape, with only the apps the reader may see', async () => {
      const d = await newDomain(h);
      const carol = await d.addUser('carol');
      const s = await addSpace(d, carol, { name: 'Team', members: [d.member] });
      const open = await spaceApp(d, carol, s.id, 'Open');
      await spaceApp(d, carol, s.id, 'Closed', [{ entity: { type: 'CREATOR', code: null }, appEditable: true, recordViewable: true, recordAddable: true }]);
      const preview = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as: carol, payload: { name: 'Draft', space: s.id } });
      expect(preview.statusCode).toBe(200);

      const res = await get(d, d.member, s.id);
      expect(res.statusCode, res.body).toBe(200);
      const at = h.clock.now().toISOString();
      expect(res.json()).toEqual({
        id: String(s.id),
        name: 'Team',
        defaultThread: String(s.defaultThread),
        isPrivate: false,
        creator: { code: 'carol', name: 'carol' },
        modifier: { code: 'carol', name: 'carol' },
        memberCount: '2',
        coverType: 'PRESET',
        coverKey: 'GREEN',
        coverUrl: '/static/space-covers/green.png',
        body: null,
        useMultiThread: false,
        isGuest: false,
        attachedApps: [
          {
            appId: String(open),
            code: '',
            name: 'Open',
            description: '',
            threadId: String(s.defaultThread),
            createdAt: at,
            creator: { code: 'carol', name: 'carol' },
            modifiedAt: at,
            modifier: { code: 'carol', name: 'carol' },
          },
        ],
        fixedMember: false,
        showAnnouncement: true,
        showThreadList: true,
        showAppList: true,
        showMemberList: true,
        showRelatedLinkList: null,
        permissions: { createApp: 'EVERYONE' },
      });
      expect((await get(d, carol, s.id)).json().attachedApps.map((a: { name: string }) => a.name)).toEqual(['Open', 'Closed']);
    });

    it('blanks a suspended creator', async () => {
      const d = await newDomain(h);
      const carol = await d.addUser('carol');
      const s = await addSpace(d, carol, { members: [d.member] });
      await h.services.db.updateTable('users').set({ valid: h.services.dialect === 'postgres' ? false : 0 }).where('domainId', '=', d.id).where('id', '=', carol.id).execute();
      const space = (await get(d, d.member, s.id)).json();
      expect(space.creator).toEqual({ code: '', name: '' });
      expect(space.memberCount).toBe('1');
    });

    it('answers a private space to a non-member exactly like a missing one (S2)', async () => {
      const d = await newDomain(h);
      const outsider = await d.addUser('outsider');
      const s = await addSpace(d, d.member, { isPrivate: true });
      const hidden = await get(d, outsider, s.id);
      const missing = await get(d, outsider, 99999);
      expect(hidden.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      const strip = (b: { id: string; message: string; code: string }) => ({ code: b.code, message: b.message.replace(String(s.id), 'N').replace('99999', 'N') });
      expect(strip(hidden.json())).toEqual(strip(missing.json()));
      expect(hidden.json().code).toBe('GAIA_SP01');
      expect((await get(d, d.member, s.id)).statusCode).toBe(200);
      expect((await get(d, d.admin, s.id)).statusCode).toBe(200);
      const pub = await addSpace(d, d.member);
      expect((await get(d, outsider, pub.id)).statusCode).toBe(200);
    });

    it('serves a guest space under its own path only', async () => {
      const d = await newDomain(h);
      const outsider = await d.addUser('outsider');
      const g = await addSpace(d, d.admin, { isGuest: true, members: [d.member] });
      const other = await addSpace(d, d.admin, { isGuest: true, members: [d.member] });
      const plain = await addSpace(d, d.member);

      const onPlain = await get(d, d.member, g.id);
      expect(onPlain.statusCode).toBe(400);
      expect(onPlain.json().code).toBe('GAIA_IL23');
      expect((await get(d, d.member, g.id, `/k/guest/${g.id}/v1`)).statusCode).toBe(200);
      for (const [who, prefix, id] of [
        [d.member, `/k/guest/${other.id}/v1`, g.id],
        [d.member, `/k/guest/${g.id}/v1`, plain.id],
        [outsider, `/k/guest/${g.id}/v1`, g.id],
        [d.member, '/k/guest/99999/v1', g.id],
      ] as const) {
        const res = await get(d, who, id, prefix);
        expect(res.statusCode, `${who.code} ${prefix} ${id}`).toBe(403);
        expect(res.json().code).toBe('CB_NO02');
      }
      const hidden = await get(d, outsider, g.id);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe('GAIA_SP01');
    });

    it('lets a guest read its guest space under its path, and nothing else', async () => {
      const d = await newDomain(h);
      const g = await addSpace(d, d.admin, { isGuest: true, members: [d.member] });
      const other = await addSpace(d, d.admin, { isGuest: true });
      const plain = await addSpace(d, d.member);
      const guest = await addGuest(d, 'g@example.com');
      await setSpaceGuests(d, g.id, [guest]);
      const inside = await get(d, guest, g.id, `/k/guest/${g.id}/v1`);
      expect(inside.statusCode, inside.body).toBe(200);
      expect(inside.json().isGuest).toBe(true);
      for (const [prefix, id] of [
        [`/k/guest/${other.id}/v1`, other.id],
        ['/k/v1', plain.id],
        ['/k/v1', other.id],
        ['/k/v1', 99999],
      ] as const) {
        const res = await get(d, guest, id, prefix);
        expect(res.statusCode, `${prefix} ${id}`).toBe(403);
        expect(res.json().code).toBe('CB_NO02');
      }
    });

    it('refuses bad ids and anonymous callers', async () => {
      const d = await newDomain(h);
      const bad = await d.request({ method: 'GET', url: '/k/v1/space.json?id=abc', as: d.member });
      expect(bad.statusCode).toBe(400);
      expect(Object.keys(bad.json().errors)).toEqual(['id']);
      const anonymous = await d.request({ method: 'GET', url: '/k/v1/space.json?id=1' });
      expect(anonymous.statusCode).toBe(401);
    });

    it('refuses API tokens, even one of an app in the space', async () => {
      const d = await newDomain(h);
      const s = await addSpace(d, d.member);
      const app = await spaceApp(d, d.member, s.id, 'Tokens');
      const made = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.member, payload: { app, rights: { view: true, manage: true } } });
      expect(made.statusCode, made.body).toBe(200);
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app }] } });
      const headers = { 'x-cybozu-api-token': made.json().token as string };
      for (const [method, url, payload] of [
        ['GET', `/k/v1/space.json?id=${s.id}`, undefined],
        ['GET', `/k/v1/space/members.json?id=${s.id}`, undefined],
        ['POST', '/k/v1/space.json', { name: 'x', members: [admin('member')] }],
        ['PUT', '/k/v1/space.json', { id: s.id, name: 'x' }],
      ] as const) {
        const res = await d.request({ method, url, headers, ...(payload ? { payload } : {}) });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().code).toBe('GAIA_NO01');
      }
    });
  });
});
