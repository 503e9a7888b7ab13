// Tenancy for spaces, threads, comments and guests (spec/security.md §3.1, probes T3, T4, T6):
// two domains built the same way hold the same numeric ids — space A is space A in both, and so
// are its threads, comments, apps and guests' e-mail addresses — and yet nothing of one is ever
// reached, changed, listed or counted from the other. An object only the other domain has is
// answered exactly like one that does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, basicAuth, startApp } from '../support/app.js';
import { XHR } from '../support/browser.js';
import { eachDatabase } from '../support/db.js';
import { addGuest, setSpaceGuests } from '../support/guests.js';
import { type TableWorld, answer, json, tableWorld } from '../support/persona-table.js';
import { addSpace } from '../support/spaces.js';

const MISSING = 999999;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

eachDatabase((database) => {
  let h: Harness;
  let a: TableWorld;
  let b: TableWorld;
  beforeAll(async () => {
    h = await startApp(database());
    a = await tableWorld(h);
    b = await tableWorld(h);
  });
  afterAll(async () => h.close());

  /** As domain `w`'s administrator, the same request with a real id and a missing one: one answer. */
  const sameAsMissing = async (w: TableWorld, probe: (id: string | number) => [Method, string, unknown?], foreign: string | number, missing: string | number = MISSING) => {
    const [m, u, p] = probe(missing);
    const expected = answer(await w.asAdmin(m, u, p), missing);
    expect((expected as { status: number }).status, u).not.toBe(200);
    const [method, url, payload] = probe(foreign);
    expect(answer(await w.asAdmin(method, url, payload), foreign), `${method} ${url}`).toEqual(expected);
  };

  describe('T3 the same ids in two domains', () => {
    it('builds both domains with the same ids for spaces, threads, comments, apps and guests', () => {
      expect(a.d.id).not.toBe(b.d.id);
      expect(b.spaces).toEqual(a.spaces);
      expect(b.threads).toEqual(a.threads);
      expect([b.otherThread, b.comment, b.ownThread]).toEqual([a.otherThread, a.comment, a.ownThread]);
      expect(b.apps).toEqual(a.apps);
      expect([b.guestA.id, b.guestA.code]).toEqual([a.guestA.id, a.guestA.code]);
    });

    it('changes a space, a thread and a comment of one domain only', async () => {
      const { A } = a.spaces;
      expect((await a.asAdmin('PUT', `${a.gA}/space.json`, { id: A, name: 'A of domain a' })).statusCode).toBe(200);
      expect((await a.asAdmin('PUT', `${a.gA}/space/body.json`, { id: A, body: '<p>board of a</p>' })).statusCode).toBe(200);
      expect((await a.asAdmin('PUT', `${a.gA}/space/thread.json`, { id: a.otherThread, body: '<p>thread of a</p>' })).statusCode).toBe(200);
      const liked = await a.asAdmin('PUT', `${a.gA}/space/thread/comment/like.json`, { space: A, thread: a.threads.A, comment: a.comment, like: true });
      expect(json(liked).likeCount).toBe('1');
      const posted = await a.call('guestA', 'POST', `${a.gA}/space/thread/comment.json`, { space: A, thread: a.threads.A, comment: { text: 'only in a' } });
      expect(posted.statusCode, posted.body).toBe(200);
      expect((await a.asAdmin('DELETE', `${a.gA}/space/thread.json?id=${a.ownThread.member}`)).statusCode).toBe(200);
      await setSpaceGuests(a.d, A, [a.guestA]);

      const space = json(await b.asAdmin('GET', `${b.gA}/space.json?id=${A}`));
      expect([space.name, space.body]).toEqual(['Guest space A', null]);
      expect(json(await b.asAdmin('GET', `${b.gA}/space/thread.json?id=${b.otherThread}`)).body).toBeNull();
      expect((await b.asAdmin('GET', `${b.gA}/space/thread.json?id=${b.ownThread.member}`)).statusCode).toBe(200);
      const comments = json(await b.asAdmin('GET', `${b.gA}/space/thread/comments.json?space=${A}&thread=${b.threads.A}&order=asc`)).comments;
      expect(comments.find((c: { id: string }) => Number(c.id) === b.comment).likeCount).toBe('0');
      expect(JSON.stringify(comments)).not.toContain('only in a');
      // guestAB was taken out of a's A only.
      expect((await b.call('guestA', 'GET', `${b.gA}/space.json?id=${A}`)).statusCode).toBe(200);
      expect((await b.d.request({ method: 'GET', url: `${b.gA}/space.json?id=${A}`, as: b.guestAB })).statusCode).toBe(200);
      expect((await a.d.request({ method: 'GET', url: `${a.gA}/space.json?id=${A}`, as: a.guestAB })).statusCode).toBe(403);
    });

    it('answers a space, thread or comment only the other domain has like one that does not exist', async () => {
      // New objects in b: a guest space, a thread and a comment whose ids a has not used.
      const X = await addSpace(b.d, b.persona('admin')!, { name: 'Only in b', isGuest: true, useMultiThread: true });
      const kX = `/k/guest/${X.id}/v1`;
      const thread = Number(json(await b.asAdmin('POST', `${b.gA}/space/thread.json`, { space: b.spaces.A, name: 'b-only thread' })).id);
      // a posted one comment more than b so far: b's third new comment has an id a never used.
      let comment = 0;
      for (let i = 0; i < 3; i++) {
        comment = Number(json(await b.asAdmin('POST', `${b.gA}/space/thread/comment.json`, { space: b.spaces.A, thread: b.threads.A, comment: { text: 'b-only comment' } })).id);
      }
      const { A } = a.spaces;
      await sameAsMissing(a, (id) => ['GET', `/k/guest/${id}/v1/space.json?id=${id}`], X.id);
      await sameAsMissing(a, (id) => ['GET', `/k/v1/space.json?id=${id}`], X.id);
      await sameAsMissing(a, (id) => ['GET', `/k/v1/space/members.json?id=${id}`], X.id);
      await sameAsMissing(a, (id) => ['GET', `/k/v1/space/thread.json?id=${id}`], X.defaultThread);
      await sameAsMissing(a, (id) => ['GET', `${a.gA}/space/thread.json?id=${id}`], thread);
      await sameAsMissing(a, (id) => ['PUT', `${a.gA}/space/thread.json`, { id, body: 'x' }], thread);
      await sameAsMissing(a, (id) => ['DELETE', `${a.gA}/space/thread.json?id=${id}`], thread);
      await sameAsMissing(a, (id) => ['GET', `${a.gA}/space/thread/comments.json?space=${A}&thread=${id}`], thread);
      await sameAsMissing(a, (id) => ['PUT', `${a.gA}/space/thread/comment/like.json`, { space: A, thread: a.threads.A, comment: id, like: true }], comment);
      await sameAsMissing(a, (id) => ['DELETE', `${a.gA}/space/thread/comment.json?space=${A}&thread=${a.threads.A}&comment=${id}`], comment);
      await sameAsMissing(a, (id) => ['POST', `${a.gA}/space/thread/comment.json`, { space: A, thread: a.threads.A, parent: id, comment: { text: 'reply' } }], comment);
      await sameAsMissing(a, (id) => ['PUT', `/k/guest/${id}/v1/space/guests.json`, { id, guests: [a.guestA.code] }], X.id);
      // b's guest space under its own prefix, asked on a's host, is not a guest space there.
      expect(answer(await a.asAdmin('GET', `${kX}/space.json?id=${X.id}`), X.id)).toMatchObject({ status: 403, code: 'CB_NO02' });
      expect((await b.asAdmin('GET', `${kX}/space.json?id=${X.id}`)).statusCode).toBe(200);
      expect(JSON.stringify(json(await b.asAdmin('GET', `${b.gA}/space/thread/comments.json?space=${A}&thread=${b.threads.A}`)))).toContain('b-only comment');
    });
  });

  describe('T4 keys of one domain on the other', () => {
    it('answers a’s file keys and upload keys on b like random ones, under every path', async () => {
      const random = 'no-such-file-key-0123456789';
      for (const key of [a.files.A1.fileKey, a.files.threadA.fileKey, a.files.Q1.fileKey, a.files.P1.fileKey]) {
        for (const k of [b.gA, '/k/v1']) {
          await sameAsMissing(b, (id) => ['GET', `${k}/file.json?fileKey=${id}`], key, random);
        }
      }
      const upload = await a.upload(a.persona('admin')!, a.gA, 'a.txt', 'uploaded on a');
      const attach = (key: string) => b.asAdmin('POST', `${b.gA}/record.json`, { app: b.apps.A1, record: { doc: { value: [{ fileKey: key }] } } });
      expect(answer(await attach(upload), upload)).toEqual(answer(await attach(random), random));
      const comment = (key: string) => b.asAdmin('POST', `${b.gA}/space/thread/comment.json`, { space: b.spaces.A, thread: b.threads.A, comment: { text: 'file', files: [{ fileKey: key }] } });
      expect(answer(await comment(upload), upload)).toEqual(answer(await comment(random), random));
      const cover = (key: string) => b.asAdmin('PUT', `${b.gA}/space/cover.json`, { id: b.spaces.A, coverType: 'BLOB', fileKey: key });
      expect(answer(await cover(upload), upload)).toEqual(answer(await cover(random), random));
    });
  });

  describe('T6 a guest e-mail in both domains, and lists', () => {
    it('makes one address two guest accounts: own passwords, own sessions, own suspension', async () => {
      const email = 'shared@partner.example';
      const inA = await addGuest(a.d, email, { password: 'the password in domain a' });
      const inB = await addGuest(b.d, email, { password: 'the password in domain b' });
      await setSpaceGuests(a.d, a.spaces.B, [a.guestAB, a.guestB, inA]);
      await setSpaceGuests(b.d, b.spaces.B, [b.guestAB, b.guestB, inB]);
      const read = (w: TableWorld, auth: string) => w.d.request({ method: 'GET', url: `${w.gB}/space.json?id=${w.spaces.B}`, headers: { 'x-cybozu-authorization': auth } });
      expect((await read(a, inA.auth)).statusCode).toBe(200);
      expect((await read(b, inB.auth)).statusCode).toBe(200);
      h.clock.advance(61_000);
      expect(answer(await read(a, basicAuth(email, inB.password)), '')).toMatchObject({ status: 401, code: 'CB_WA01' });
      h.clock.advance(61_000);
      expect((await read(b, basicAuth(email, inA.password))).statusCode).toBe(401);
      // a's session is no session on b.
      const signedIn = await a.d.request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: email, password: inA.password, guest: true } });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
      expect(answer(await b.d.request({ method: 'GET', url: `${b.gB}/space.json?id=${b.spaces.B}`, headers: { cookie } }), '')).toMatchObject({ status: 401, code: 'CB_AU01' });
      // Suspended and then deleted in a, it lives on in b.
      expect((await a.asAdmin('PUT', '/v1/guests/status.json', { guests: [{ code: email, valid: false }] })).statusCode).toBe(200);
      expect((await read(b, inB.auth)).statusCode).toBe(200);
      expect((await a.asAdmin('DELETE', `/k/v1/guests.json?guests[0]=${encodeURIComponent(email)}`)).statusCode).toBe(200);
      const listed = json(await b.asAdmin('GET', `/v1/guests.json?codes[0]=${encodeURIComponent(email)}`)).guests;
      expect(listed.map((g: { code: string; valid: boolean; spaces: Array<{ id: string }> }) => [g.code, g.valid, g.spaces.map((s) => Number(s.id))])).toEqual([[email, true, [b.spaces.B]]]);
      expect((await read(b, inB.auth)).statusCode).toBe(200);
    });

    it('lists, counts and searches no row of the other domain', async () => {
      const admin = b.persona('admin')!;
      const only = await addGuest(b.d, 'b-only@partner.example');
      const Y = await addSpace(b.d, admin, { name: 'b-only space', members: [b.member] });
      const said = await b.asAdmin('POST', `${b.gA}/space/thread/comment.json`, { space: b.spaces.A, thread: b.threads.A, comment: { text: 'zebra crossing in b' } });
      expect(said.statusCode, said.body).toBe(200);
      expect((await b.d.request({ method: 'POST', url: `${b.gA}/space/thread.json`, as: b.member, payload: { space: b.spaces.A, name: 'b-only news', notifyAll: true } })).statusCode).toBe(200);

      const guests = json(await a.asAdmin('GET', '/v1/guests.json')).guests.map((g: { code: string }) => g.code);
      expect(guests).not.toContain(only.code);
      const spaces = json(await a.asAdmin('GET', '/v1/spaces.json')).spaces;
      expect(spaces.map((s: { name: string }) => s.name)).not.toContain('b-only space');
      const stats = json(await a.asAdmin('GET', '/k/v1/spaces/statistics.json')).spaces as Array<{ id: string; name: string; threadCount: string }>;
      expect(stats.map((s) => Number(s.id))).not.toContain(Y.id);
      expect(stats.find((s) => Number(s.id) === a.spaces.A)?.threadCount).toBe(
        String(json(await a.asAdmin('GET', `${a.gA}/space/threads.json?space=${a.spaces.A}&limit=100`)).threads.length),
      );
      expect(json(await a.asAdmin('GET', `${a.gA}/space/search.json?id=${a.spaces.A}&keyword=zebra`)).hits).toEqual([]);
      expect(json(await b.asAdmin('GET', `${b.gA}/space/search.json?id=${b.spaces.A}&keyword=zebra`)).hits).toHaveLength(1);
      for (const who of ['spaceAdmin', 'guestA'] as const) {
        expect(JSON.stringify(json(await a.call(who, 'GET', '/v1/notifications.json?limit=100')))).not.toContain('b-only news');
        expect(JSON.stringify(json(await b.call(who, 'GET', '/v1/notifications.json?limit=100')))).toContain('b-only news');
      }
      const audit = JSON.stringify(json(await a.asAdmin('GET', '/v1/audit.json?limit=500')));
      for (const trace of [only.code, 'b-only space', b.d.id]) expect(audit).not.toContain(trace);
    });
  });
});
