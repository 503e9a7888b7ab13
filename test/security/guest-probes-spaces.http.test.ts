// What a hostile guest or outsider tries, part 3 — spaces and roles (issue 5 part 6;
// spec/security.md §3.2–3.3, probes S2, S3, G15, I7): an outsider hunting for private space Q,
// mass assignment in space writes, a guest's every forbidden change, the guest list of another
// space through one's own path, and the web app's session against the password header.
import { beforeAll, describe, expect, it } from 'vitest';
import { XHR } from '../support/browser.js';
import { answer, json } from '../support/persona-table.js';
import { MISSING, type Method, NO_FILE, type ProbeWorld, eachProbeWorld } from '../support/probe-world.js';

eachProbeWorld((world) => {
  let w: ProbeWorld;
  beforeAll(() => {
    w = world();
  });
  const as: ProbeWorld['as'] = (...args) => w.as(...args);

  describe('spaces and roles', () => {
    it('shows an outsider no trace of private space Q in any answer, list or count (S2)', async () => {
      const bob = w.outsider;
      const seen: string[] = [];
      const ask = async (method: Method, url: string, payload?: unknown) => {
        const res = await as(bob, method, url, payload);
        seen.push(res.body);
        return res;
      };
      const { Q } = w.spaces;
      const same = async (foreign: Array<string | number>, probe: (id: string | number) => [Method, string, unknown?], missing: string | number = MISSING) => {
        const [m, u, b] = probe(missing);
        const expected = answer(await ask(m, u, b), missing);
        expect((expected as { status: number }).status, u).not.toBe(200);
        for (const id of foreign) {
          const [method, url, payload] = probe(id);
          expect(answer(await ask(method, url, payload), id), url).toEqual(expected);
        }
      };
      await same([Q], (id) => ['GET', `/k/v1/space.json?id=${id}`]);
      await same([Q], (id) => ['GET', `/k/v1/space/members.json?id=${id}`]);
      await same([Q], (id) => ['GET', `/k/v1/space/threads.json?space=${id}`]);
      await same([Q], (id) => ['GET', `/k/v1/space/links.json?id=${id}`]);
      await same([Q], (id) => ['GET', `/k/v1/space/search.json?id=${id}&keyword=secret`]);
      await same([Q], (id) => ['GET', `/k/v1/space/cover.json?id=${id}`]);
      await same([Q], (id) => ['PUT', '/v1/spaces/favourite.json', { id, favourite: true }]);
      await same([Q], (id) => ['POST', '/k/v1/space/join.json', { id }]);
      await same([Q], (id) => ['GET', `/k/v1/space/thread/comments.json?space=${id}&thread=${w.threads.Q}`]);
      await same([Q], (id) => ['PUT', '/k/v1/space/thread/comment/like.json', { space: id, thread: w.threads.Q, comment: w.qComment, like: true }]);
      await same([w.threads.Q], (id) => ['GET', `/k/v1/space/thread.json?id=${id}`]);
      await same([w.threads.Q], (id) => ['PUT', '/k/v1/space/thread/follow.json', { id, follow: true }]);
      await same([w.apps.Q1], (id) => ['GET', `/k/v1/app.json?id=${id}`]);
      await same([w.apps.Q1], (id) => ['GET', `/k/v1/records.json?app=${id}&totalCount=true`]);
      await same([w.apps.Q1], (id) => ['POST', '/k/v1/records/cursor.json', { app: id }]);
      await same([w.files.Q1.fileKey, w.files.threadQ.fileKey], (key) => ['GET', `/k/v1/file.json?fileKey=${key}`], NO_FILE);
      // Lists and counts: apps, spaces, statistics, search, links, notifications.
      const apps = async (query: string) => (json(await ask('GET', `/k/v1/apps.json${query}`)).apps as Array<{ name: string }>).map((a) => a.name);
      expect(await apps('')).not.toContain('Q1');
      expect(await apps(`?spaceIds[0]=${Q}`)).toEqual(await apps(`?spaceIds[0]=${MISSING}`));
      expect(await apps(`?ids[0]=${w.apps.Q1}`)).toEqual([]);
      expect(await apps('?name=Q1')).toEqual([]);
      const spaces = json(await ask('GET', '/v1/spaces.json')).spaces.map((x: { id: string }) => Number(x.id));
      expect(spaces).not.toContain(Q);
      const stats = json(await ask('GET', '/k/v1/spaces/statistics.json')).spaces.map((x: { id: string }) => Number(x.id));
      expect(stats).not.toContain(Q);
      expect(json(await w.asAdmin('GET', '/k/v1/spaces/statistics.json')).spaces.map((x: { id: string }) => Number(x.id))).toContain(Q);
      for (const keyword of ['Q1 secret', 'Q thread secret']) {
        expect(json(await ask('GET', `/k/v1/space/search.json?id=${w.spaces.P}&keyword=${encodeURIComponent(keyword)}`)).hits).toEqual([]);
      }
      // P links to Q and Q1: the outsider visiting P sees the URL link only, the member all three.
      const links = [{ type: 'SPACE', space: Q }, { type: 'APP', app: w.apps.Q1 }, { type: 'URL', url: 'https://example.com/' }];
      expect((await as(w.spaceAdmin, 'PUT', '/k/v1/space/links.json', { id: w.spaces.P, links })).statusCode).toBe(200);
      expect(json(await ask('GET', `/k/v1/space/links.json?id=${w.spaces.P}`)).links.map((l: { type: string }) => l.type)).toEqual(['URL']);
      expect(json(await as(w.member, 'GET', `/k/v1/space/links.json?id=${w.spaces.P}`)).links.map((l: { type: string }) => l.type)).toEqual(['SPACE', 'APP', 'URL']);
      // Things happening in Q tell the outsider nothing.
      const mentioned = await as(w.member, 'POST', '/k/v1/space/thread/comment.json', { space: Q, thread: w.threads.Q, comment: { text: 'Q secret for bob', mentions: [{ code: 'bob', type: 'USER' }] } });
      expect(answer(mentioned, 'bob')).toEqual(answer(await as(w.member, 'POST', '/k/v1/space/thread/comment.json', { space: Q, thread: w.threads.Q, comment: { text: 'Q secret for bob', mentions: [{ code: 'nobody-at-all', type: 'USER' }] } }), 'nobody-at-all'));
      const everyone = (code: string) => as(w.member, 'POST', '/k/v1/space/thread/comment.json', { space: Q, thread: w.threads.Q, comment: { text: 'Q news', mentions: [{ code, type: 'GROUP' }] } });
      expect(answer(await everyone('everyone'), 'everyone')).toEqual(answer(await everyone('no-such-group'), 'no-such-group'));
      const told = await as(w.member, 'POST', '/k/v1/space/thread/comment.json', { space: Q, thread: w.threads.Q, comment: { text: 'Q news', mentions: [{ code: 'alice', type: 'USER' }] } });
      expect(told.statusCode, told.body).toBe(200);
      expect(JSON.stringify(json(await as(w.spaceAdmin, 'GET', '/v1/notifications.json?limit=100')))).toContain('Q news');
      json(await ask('GET', '/v1/notifications.json?limit=100'));
      for (const body of seen) {
        for (const trace of ['Private space Q', 'Q1 secret', 'Q thread secret', 'Q secret for bob', 'Q news', '"name":"Q1"']) expect(body).not.toContain(trace);
      }
    });

    it('drops or refuses isGuest, creator, isAdmin, code and e-mail in space writes: no space becomes a guest space (S3)', async () => {
      const alice = w.spaceAdmin;
      const { P, A } = w.spaces;
      const loud = { isGuest: true, creator: { code: 'bob' }, modifier: { code: 'bob' }, isAdmin: true, code: 'hijack', email: 'hijack@evil.example', id: P };
      const put = await as(alice, 'PUT', '/k/v1/space.json', { ...loud, name: 'Public space P' });
      expect(put.statusCode, put.body).toBe(200);
      const p = json(await w.asAdmin('GET', `/k/v1/space.json?id=${P}`));
      expect([p.isGuest, p.isPrivate, p.creator.code, p.name]).toEqual([false, false, 'alice', 'Public space P']);
      expect(JSON.stringify(p)).not.toContain('hijack');
      expect((await as(w.outsider, 'GET', `/k/v1/records.json?app=${w.apps.P1}`)).statusCode).toBe(200);
      expect(json(await as(alice, 'GET', `/k/guest/${P}/v1/space.json?id=${P}`)).code).toBe('CB_NO02');
      // A guest space stays a private guest space whatever its administrator sends.
      expect((await w.asAdmin('PUT', `${w.gA}/space.json`, { id: A, isGuest: false, isPrivate: false })).statusCode).toBe(200);
      const a = json(await w.asAdmin('GET', `${w.gA}/space.json?id=${A}`));
      expect([a.isGuest, a.isPrivate]).toEqual([true, true]);
      expect(json(await as(w.outsider, 'GET', `/k/v1/space.json?id=${A}`)).code).toBe('GAIA_SP01');
      // A member changes neither settings nor members.
      const NO02 = { status: 403, code: 'CB_NO02', message: 'No privilege to proceed.' };
      for (const payload of [{ id: A, isPrivate: false }, { id: A, fixedMember: true }, { id: A, isGuest: false }]) {
        expect(answer(await as(w.member, 'PUT', `${w.gA}/space.json`, payload), ''), JSON.stringify(payload)).toEqual(NO02);
      }
      const members = [{ entity: { type: 'USER', code: 'member' }, isAdmin: true }];
      expect(answer(await as(w.member, 'PUT', `${w.gA}/space/members.json`, { id: A, members }), '')).toEqual(NO02);
      // Creating: only administrators make guest spaces; unknown keys are not stored.
      const asMember = await as(w.member, 'POST', '/k/v1/space.json', { name: 'member guest space', isGuest: true, members });
      expect(answer(asMember, '')).toEqual(NO02);
      const mine = await as(w.member, 'POST', '/k/v1/space.json', { name: 'member space', isGuest: false, creator: { code: 'admin' }, code: 'hijack', members });
      expect(mine.statusCode, mine.body).toBe(200);
      const created = json(await w.asAdmin('GET', `/k/v1/space.json?id=${json(mine).id}`));
      expect([created.isGuest, created.creator.code]).toEqual([false, 'member']);
      const names = json(await w.asAdmin('GET', '/v1/spaces.json')).spaces.map((x: { name: string }) => x.name);
      expect(names).not.toContain('member guest space');
      // A guest is never a member, and `isGuest` on a member row means nothing.
      const withGuest = (code: string) =>
        as(alice, 'PUT', '/k/v1/space/members.json', { id: P, members: [{ entity: { type: 'USER', code: 'alice' }, isAdmin: true }, { entity: { type: 'USER', code }, isGuest: true }] });
      expect(answer(await withGuest(`guest/${w.guestA.code}`), `guest/${w.guestA.code}`)).toEqual(answer(await withGuest('nobody-at-all'), 'nobody-at-all'));
      expect(answer(await withGuest(w.guestA.code), w.guestA.code)).toEqual(answer(await withGuest('nobody-at-all'), 'nobody-at-all'));
      expect((await withGuest('member')).statusCode).toBe(200);
      expect((await as(w.guestA, 'GET', `/k/v1/space.json?id=${P}`)).statusCode).toBe(403);
      // From a template too.
      const saved = await w.asAdmin('POST', '/v1/space/templates.json', { space: P, name: 'P template' });
      expect(saved.statusCode, saved.body).toBe(200);
      const fromTemplate = (extra: object) => as(w.member, 'POST', '/k/v1/template/space.json', { id: json(saved).id, name: 'from template', members, ...extra });
      expect(answer(await fromTemplate({ isGuest: true }), '')).toEqual(NO02);
      const plain = await fromTemplate({ creator: { code: 'admin' } });
      expect(plain.statusCode, plain.body).toBe(200);
      expect(json(await w.asAdmin('GET', `/k/v1/space.json?id=${json(plain).id}`)).isGuest).toBe(false);
    });
  });

  describe('the web app’s session', () => {
    it('gets a guest exactly the answers its password header gets: the web has no side door', async () => {
      const { d, gA, gB } = w;
      const signedIn = await d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: w.guestA.code, password: w.guestA.password, guest: true } });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
      const web = { cookie, ...XHR, 'x-request-token': json(signedIn).csrfToken as string };
      const calls: Array<[Method, string, unknown?]> = [
        ['GET', `${gA}/space.json?id=${w.spaces.A}`],
        ['GET', `${gA}/records.json?app=${w.apps.A1}&query=${encodeURIComponent('order by $id asc limit 1')}`],
        ['GET', `${gB}/space.json?id=${w.spaces.B}`],
        ['GET', `/k/v1/space.json?id=${w.spaces.A}`],
        ['GET', `/k/v1/space.json?id=${w.spaces.Q}`],
        ['GET', `/k/v1/records.json?app=${w.apps.P1}`],
        ['GET', `/k/v1/file.json?fileKey=${w.files.Q1.fileKey}`],
        ['GET', '/v1/users.json'],
        ['GET', '/k/v1/spaces/statistics.json'],
        ['PUT', `${gA}/space/body.json`, { id: w.spaces.A, body: 'defaced' }],
        ['PUT', `${gA}/space/thread.json`, { id: w.otherThread, body: 'defaced' }],
        ['POST', `${gA}/preview/app.json`, { name: 'web app', space: w.spaces.A }],
      ];
      for (const [method, url, payload] of calls) {
        const byHeader = answer(await as(w.guestA, method, url, payload), '');
        const byCookie = answer(await d.request({ method, url, headers: web, ...(payload === undefined ? {} : { payload: payload as object }) }), '');
        expect(byCookie, `${method} ${url}`).toEqual(byHeader);
      }
    });
  });

  describe('setting a guest space’s guests (I7)', () => {
    it('takes the space from the path only: another id in the body is refused, whoever asks', async () => {
      const NO02 = { status: 403, code: 'CB_NO02', message: 'No privilege to proceed.' };
      for (const p of [w.persona('admin')!, w.spaceAdmin, w.member, w.guestAB]) {
        const res = await as(p, 'PUT', `${w.gA}/space/guests.json`, { id: w.spaces.B, guests: [w.guestA.code] });
        expect(answer(res, ''), p.code).toEqual(NO02);
      }
      for (const p of [w.spaceAdmin, w.member]) {
        expect(answer(await as(p, 'PUT', `${w.gB}/space/guests.json`, { id: w.spaces.B, guests: [w.guestA.code] }), ''), p.code).toEqual(NO02);
      }
      expect((await as(w.guestA, 'GET', `${w.gB}/space.json?id=${w.spaces.B}`)).statusCode).toBe(403);
      expect((await as(w.guestB, 'GET', `${w.gB}/space.json?id=${w.spaces.B}`)).statusCode).toBe(200);
    });
  });

  describe('what a guest cannot do (G15)', () => {
    it('refuses every space-, app- and system-level change to a guest with the same CB_NO02, and keeps its own thread editable', async () => {
      const { gA } = w;
      const { A } = w.spaces;
      const snapshot = async () =>
        JSON.stringify([
          json(await w.asAdmin('GET', `${gA}/space.json?id=${A}`)),
          json(await w.asAdmin('GET', `${gA}/space/members.json?id=${A}`)),
          json(await w.asAdmin('GET', `${gA}/space/links.json?id=${A}`)),
          json(await w.asAdmin('GET', `${gA}/preview/app/settings.json?app=${w.apps.A1}`)),
          json(await w.asAdmin('GET', `${gA}/preview/app/form/fields.json?app=${w.apps.A1}`)),
          json(await w.asAdmin('GET', `${gA}/app/acl.json?app=${w.apps.A1}`)),
          json(await w.asAdmin('GET', `${gA}/record/acl.json?app=${w.apps.A1}`)),
          json(await w.asAdmin('GET', `${gA}/preview/app/apiTokens.json?app=${w.apps.A1}`)),
          json(await w.asAdmin('GET', `${gA}/space/thread.json?id=${w.otherThread}`)),
          json(await w.asAdmin('GET', `${gA}/space/thread/comments.json?space=${A}&thread=${w.threads.A}&order=asc&limit=1`)),
          json(await w.asAdmin('GET', '/v1/guests.json')),
          json(await w.asAdmin('GET', '/v1/spaces.json')),
        ]);
      const before = await snapshot();
      const alice = { entity: { type: 'USER', code: 'alice' }, isAdmin: true };
      const calls: Array<[Method, string, unknown?]> = [
        ['PUT', `${gA}/space/body.json`, { id: A, body: '<p>defaced</p>' }],
        ['PUT', `${gA}/space/members.json`, { id: A, members: [alice, { entity: { type: 'USER', code: 'bob' } }] }],
        ['PUT', `${gA}/space/guests.json`, { id: A, guests: [w.guestA.code, w.guestB.code] }],
        ['PUT', `${gA}/space.json`, { id: A, name: 'defaced', fixedMember: true }],
        ['PUT', `${gA}/space/cover.json`, { id: A, coverType: 'PRESET', coverKey: 'RED' }],
        ['PUT', `${gA}/space/links.json`, { id: A, links: [{ type: 'URL', url: 'https://evil.example/' }] }],
        ['DELETE', `${gA}/space.json?id=${A}`],
        ['POST', `${gA}/preview/app.json`, { name: 'guest app', space: A }],
        ['POST', `${gA}/preview/app.json`, { name: 'guest app' }],
        ['PUT', `${gA}/preview/app/settings.json`, { app: w.apps.A1, name: 'defaced' }],
        ['POST', `${gA}/preview/app/form/fields.json`, { app: w.apps.A1, properties: { extra: { type: 'SINGLE_LINE_TEXT', code: 'extra', label: 'Extra' } } }],
        ['PUT', `${gA}/preview/app/views.json`, { app: w.apps.A1, views: {} }],
        ['POST', `${gA}/preview/app/deploy.json`, { apps: [{ app: w.apps.A1 }] }],
        ['PUT', `${gA}/app/acl.json`, { app: w.apps.A1, rights: [] }],
        ['PUT', `${gA}/record/acl.json`, { app: w.apps.A1, rights: [] }],
        ['PUT', `${gA}/field/acl.json`, { app: w.apps.A1, rights: [] }],
        ['GET', `${gA}/app/acl.json?app=${w.apps.A1}`],
        ['GET', `${gA}/preview/app/apiTokens.json?app=${w.apps.A1}`],
        ['POST', `${gA}/preview/app/apiToken.json`, { app: w.apps.A1, rights: { view: true } }],
        ['PUT', `${gA}/space/thread.json`, { id: w.otherThread, body: '<p>defaced</p>' }],
        ['DELETE', `${gA}/space/thread.json?id=${w.otherThread}`],
        ['DELETE', `${gA}/space/thread/comment.json?space=${A}&thread=${w.threads.A}&comment=${w.comment}`],
        ['GET', '/k/v1/spaces/statistics.json'],
        ['POST', '/k/v1/guests.json', { guests: [{ code: 'friend@partner.example', name: 'Friend', password: 'a long guest password', timezone: 'Asia/Tokyo' }] }],
        ['DELETE', `/k/v1/guests.json?guests[0]=${encodeURIComponent(w.guestB.code)}`],
        ['GET', '/v1/guests.json'],
        ['PUT', '/v1/guests/status.json', { guests: [{ code: w.guestB.code, valid: false }] }],
        ['POST', '/k/v1/app/move.json', { app: w.apps.A1, space: null }],
        ['POST', '/k/v1/space.json', { name: 'guest-made space', members: [alice] }],
        ['POST', '/k/v1/space.json', { name: 'guest-made guest space', isGuest: true, members: [alice] }],
        ['POST', '/k/v1/template/space.json', { id: 1, name: 'guest-made', members: [alice] }],
        ['GET', '/v1/space/templates.json'],
        ['POST', '/v1/space/templates.json', { space: A, name: 'guest template' }],
        ['GET', '/k/v1/apps.json'],
        ['POST', '/k/v1/preview/app.json', { name: 'guest app' }],
        ['GET', '/v1/users.json'],
        ['POST', '/v1/users.json', { users: [{ code: 'planted', name: 'Planted', email: 'planted@example.com', password: 'a long enough password' }] }],
        ['GET', '/v1/groups.json'],
        ['GET', '/v1/organizations.json'],
        ['GET', '/v1/audit.json'],
        ['GET', '/v1/mail/outbox.json'],
      ];
      const NO02 = { status: 403, code: 'CB_NO02', message: 'No privilege to proceed.' };
      for (const [method, url, payload] of calls) {
        expect(answer(await as(w.guestA, method, url, payload), ''), `${method} ${url}`).toEqual(NO02);
      }
      expect(await snapshot()).toEqual(before);
      // Its own thread it writes, edits and deletes.
      const made = await as(w.guestA, 'POST', `${gA}/space/thread.json`, { space: A, name: 'guestA’s own' });
      expect(made.statusCode, made.body).toBe(200);
      const id = json(made).id;
      expect((await as(w.guestA, 'PUT', `${gA}/space/thread.json`, { id, name: 'guestA’s own, renamed', body: '<p>mine</p>' })).statusCode).toBe(200);
      expect(json(await w.asAdmin('GET', `${gA}/space/thread.json?id=${id}`)).name).toBe('guestA’s own, renamed');
      expect((await as(w.guestA, 'DELETE', `${gA}/space/thread.json?id=${id}`)).statusCode).toBe(200);
      expect((await w.asAdmin('GET', `${gA}/space/thread.json?id=${id}`)).statusCode).toBe(403);
    });
  });
});
