// Scale-out probes on shared state (spec/security.md §3.11: K3, K4, K5): three instances over one
// database, throttling counters in Redis (a RedisLimiter under this run's own prefix, as
// run/instance.ts wires it) and live events on this run's own channel. The instances share one
// clock that never moves here, so no cached answer ages out: whatever is fresh on B is so
// because B saw the change, not because time passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Persona, type TestDomain, basicAuth, newDomain } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { XHR, signInBrowser } from '../../../test/support/browser.js';
import { eachDatabase } from '../../../test/support/db.js';
import { type Instances, readyStream, sessionStatus, startInstances, through } from '../../../test/support/instances.js';
import type { LiveHarness } from '../../../test/support/live.js';
import { publish, publishedView, titlesOf, viewWorld, visitor } from '../../../test/support/public-views.js';
import { WITH_REDIS } from '../../../test/support/redis.js';
import { UNLOCK_FAILURES_PER_PEER } from './public-visit.js';

const everyone = { type: 'GROUP', code: 'everyone' };
/** Sign-ins allowed per address per minute on these instances (LOGIN_RATE_PER_MINUTE). */
const LOGIN_RATE = 6;

describe.skipIf(!WITH_REDIS)('scale-out probes: shared state across instances', () => {
  eachDatabase((database, kind) => {
    let instances: Instances;
    let a: LiveHarness;
    let b: LiveHarness;
    beforeAll(async () => {
      instances = await startInstances(database(), kind, 3, { env: { LOGIN_RATE_PER_MINUTE: String(LOGIN_RATE) }, live: { revalidateMs: 60_000 } });
      [a, b] = instances.all as [LiveHarness, LiveHarness];
    });
    afterAll(async () => instances?.close());

    /** Instance i of three, in turn. */
    const nth = (d: TestDomain, i: number) => through(instances.all[i % 3]!, d);
    const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);

    // On PostgreSQL B keeps the view's lookup (with the app's live revision, which keys the cached
    // page) under the change feed's stamp, moved by PostgreSQL's notification of A's commit, which
    // B waits to have heard before each lookup (storage/change-feed.ts, settled).
    it("K3, P8: a permission change or an unpublish on A reaches B's cached public page at the very next request", async () => {
      const w = await viewWorld(a, 'premium', { byMember: true });
      const onB = through(b, w.d);
      const v = await publishedView(w, { settings: { fields: ['title', 'note'], filter: 'visibility in ("shown")', sort: [{ field: 'title', order: 'asc' }] } });
      const first = await visitor(onB, `${v.path}/data.json`);
      expect(titlesOf(first)).toEqual(['Alpha', 'Beta']);
      expect(first.body).toContain('note of Alpha');
      // Answered again from B's cache: the very same bytes.
      expect((await visitor(onB, `${v.path}/data.json`)).body).toBe(first.body);

      // Through A, the administrator hides `note` from the member who made the view…
      ok(
        await w.d.request({
          method: 'PUT',
          url: '/k/v1/field/acl.json',
          as: w.d.admin,
          payload: { app: w.app, rights: [{ code: 'note', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'admin' } }, { accessibility: 'NONE', entity: everyone }] }] },
        }),
      );
      const noNote = await visitor(onB, `${v.path}/data.json`);
      expect(noNote.statusCode, noNote.body).toBe(200);
      expect(noNote.body).not.toContain('note of');
      expect(noNote.json().view.columns.map((c: { code: string }) => c.code)).toEqual(['title']);
      // …then Beta, by a record permission.
      ok(
        await w.d.request({
          method: 'PUT',
          url: '/k/v1/record/acl.json',
          as: w.d.admin,
          payload: { app: w.app, rights: [{ filterCond: 'title = "Beta"', entities: [{ entity: { type: 'USER', code: 'admin' }, viewable: true, editable: true, deletable: true }] }] },
        }),
      );
      expect(titlesOf(await visitor(onB, `${v.path}/data.json`))).toEqual(['Alpha']);
      expect((await visitor(onB, `${v.path}/records/${w.ids.Beta}.json`)).statusCode).toBe(404);
      // Published and unpublished through A: found and not found on B at once, again and again.
      const u = await publishedView(w, { settings: { fields: ['title'] } });
      for (let i = 0; i < 5; i++) {
        expect((await visitor(onB, `${u.path}/data.json`)).statusCode).toBe(200);
        await publish(w, u.id, false);
        expect((await visitor(onB, `${u.path}/data.json`)).statusCode).toBe(404);
        await publish(w, u.id, true);
      }
    });

    it("K3: a permission change on A reaches the record texts B keeps (render-cache.ts) at the very next request", async () => {
      const d = await newDomain(a);
      const carol = await d.addUser('carol');
      const app = await deployedApp(d, { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' }, salary: { type: 'NUMBER', code: 'salary', label: 'Salary' } }, { as: d.member });
      ok(await d.request({ method: 'POST', url: '/k/v1/records.json', as: d.member, payload: { app, records: [{ title: { value: 'A' }, salary: { value: '300' } }, { title: { value: 'B' }, salary: { value: '500' } }] } }));
      const list = async (who: Persona) => {
        const res = await through(b, d).request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('order by $id asc')}`, as: who });
        expect(res.statusCode, res.body).toBe(200);
        return (res.json().records as Array<Record<string, { value: unknown }>>).map((r) => [r.title!.value, r.salary?.value]);
      };
      expect(await list(carol)).toEqual([
        ['A', '300'],
        ['B', '500'],
      ]);
      ok(
        await d.request({
          method: 'PUT',
          url: '/k/v1/field/acl.json',
          as: d.member,
          payload: { app, rights: [{ code: 'salary', entities: [{ accessibility: 'WRITE', entity: { type: 'USER', code: 'member' } }, { accessibility: 'NONE', entity: everyone }] }] },
        }),
      );
      expect(await list(carol)).toEqual([
        ['A', undefined],
        ['B', undefined],
      ]);
      ok(
        await d.request({
          method: 'PUT',
          url: '/k/v1/record/acl.json',
          as: d.member,
          payload: { app, rights: [{ filterCond: 'title = "B"', entities: [{ entity: { type: 'USER', code: 'member' }, viewable: true, editable: true, deletable: true }] }] },
        }),
      );
      expect(await list(carol)).toEqual([['A', undefined]]);
      // The manager, who may read it all, still gets it all from B.
      expect(await list(d.member)).toEqual([
        ['A', '300'],
        ['B', '500'],
      ]);
    });

    it("K4: wrong view passwords and sign-ins spread over three instances count once, not three times", async () => {
      const w = await viewWorld(a);
      const v = await publishedView(w, { password: 'open sesame' });
      for (let i = 0; i < UNLOCK_FAILURES_PER_PEER; i++) {
        const res = await visitor(nth(w.d, i), `${v.path}/unlock.json`, { method: 'POST', payload: { password: `guess ${i}` } });
        expect([res.statusCode, res.json().code], `guess ${i}`).toEqual([401, 'CB_PV08']);
      }
      // Every instance now refuses that peer, even the right password.
      for (let i = 0; i < 3; i++) {
        const res = await visitor(nth(w.d, i), `${v.path}/unlock.json`, { method: 'POST', payload: { password: 'open sesame' } });
        expect([res.statusCode, res.json().code], `instance ${i}`).toEqual([429, 'CB_PV13']);
      }

      // The lockout threshold, counted over all instances (from a new address each time, so
      // that the per-address rate below plays no part).
      const d = await newDomain(a);
      const carol = await d.addUser('carol');
      const threshold = a.services.config.lockout.threshold;
      const signIn = (who: Persona, password: string, i: number, remoteAddress: string) =>
        nth(d, i).request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: who.code, password }, remoteAddress });
      const wrong = async (who: Persona, i: number) => expect((await signIn(who, 'not the password', i, `192.0.2.${i + (who === carol ? 100 : 1)}`)).json().code).toBe('CB_WA01');
      const right = (who: Persona, i: number) => signIn(who, PASSWORD, i, `192.0.2.${200 + i}`);
      for (let i = 0; i < threshold - 1; i++) await wrong(carol, i);
      // One short of it: not locked (and the right password starts the count again).
      expect((await right(carol, 0)).statusCode).toBe(200);
      for (let i = 0; i < threshold; i++) await wrong(d.member, i);
      for (let i = 0; i < 3; i++) {
        const res = await right(d.member, i);
        expect([res.statusCode, res.json().code], `instance ${i}`).toEqual([401, 'CB_WA01']);
      }
      // Sign-ins per address: LOGIN_RATE in all, whichever instances they reach.
      for (let i = 0; i < LOGIN_RATE; i++) {
        const res = await nth(d, i).request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: `nobody-${i}`, password: 'x' }, remoteAddress: '198.51.100.9' });
        expect(res.json().code, `try ${i}`).toBe('CB_WA01');
      }
      for (let i = 0; i < 3; i++) {
        const res = await nth(d, i).request({ method: 'POST', url: '/api/session', headers: XHR, payload: { login: carol.code, password: PASSWORD }, remoteAddress: '198.51.100.9' });
        expect([res.statusCode, res.json().code], `instance ${i}`).toEqual([429, 'CB_TM01']);
      }
    });

    it('K5: sign-out, suspension and a password change on A are refused on B at the next request', async () => {
      const d = await newDomain(a);
      const onB = through(b, d);
      // Sign-out on A.
      const s = await signInBrowser(d, d.member);
      expect(await sessionStatus(onB, s.cookie)).toBe(200);
      const stream = await readyStream(b, d, s.cookie);
      ok(await d.request({ method: 'DELETE', url: '/api/session', headers: { cookie: s.cookie, ...XHR, 'x-request-token': s.csrfToken } }));
      expect(await sessionStatus(onB, s.cookie)).toBe(401);
      await stream.closed;
      expect(stream.messages.at(-1)).toEqual({ kind: 'session.ended' });

      // Suspension on A: B's session and its remembered password header both end.
      const carol = await d.addUser('carol');
      const c = await signInBrowser(d, carol);
      expect(await sessionStatus(onB, c.cookie)).toBe(200);
      expect((await onB.request({ method: 'GET', url: '/api/session', as: carol })).statusCode).toBe(200);
      ok(await d.request({ method: 'PUT', url: '/v1/users.json', as: d.admin, payload: { users: [{ code: 'carol', valid: false }] } }));
      expect(await sessionStatus(onB, c.cookie)).toBe(401);
      expect((await onB.request({ method: 'GET', url: '/api/session', as: carol })).statusCode).toBe(401);

      // A password change on A, from one of dave's sessions: the other ends on B, and so does the
      // old password header B had verified; the changing session goes on under its new cookie.
      const dave = await d.addUser('dave');
      const other = await signInBrowser(d, dave);
      const mine = await signInBrowser(d, dave);
      expect((await onB.request({ method: 'GET', url: '/api/session', as: dave })).statusCode).toBe(200);
      const changed = await d.request({
        method: 'PUT',
        url: '/v1/me/password.json',
        headers: { cookie: mine.cookie, ...XHR, 'x-request-token': mine.csrfToken },
        payload: { currentPassword: PASSWORD, newPassword: 'dave changed it on A' },
      });
      ok(changed);
      const renewed = changed.cookies.find((k) => k.name === '__Host-engawa_sid')!;
      expect(await sessionStatus(onB, other.cookie)).toBe(401);
      expect(await sessionStatus(onB, mine.cookie)).toBe(401);
      expect(await sessionStatus(onB, `${renewed.name}=${renewed.value}`)).toBe(200);
      expect((await onB.request({ method: 'GET', url: '/api/session', as: dave })).statusCode).toBe(401);
      expect((await onB.request({ method: 'GET', url: '/api/session', headers: { 'x-cybozu-authorization': basicAuth('dave', 'dave changed it on A') } })).statusCode).toBe(200);
    });
  });
});
