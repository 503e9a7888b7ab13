// Walls a security review of spaces and guest spaces found thin: space facts that take effect at
// once, caches that a rolled-back transaction can never fill, the people a guest-space app may
// name, one guest's share of the cursors, guessing at a guest's password, and guests on the plain
// path (spec/security.md §1–§3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Persona, TestDomain } from '../support/app.js';
import { basicAuth, startApp } from '../support/app.js';
import { eachDatabase } from '../support/db.js';
import { type GuestWorld, guestWorld } from '../support/guest-world.js';
import { addSpace } from '../support/spaces.js';
import { deployedApp } from '../support/apps.js';
import { addGuest, setSpaceGuests } from '../support/guests.js';
import { multipart } from '../support/files.js';

eachDatabase((database) => {
  let h: Harness;
  let w: GuestWorld;
  beforeAll(async () => {
    h = await startApp(database());
    w = await guestWorld(h);
  });
  afterAll(async () => h.close());

  const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, as: Persona, payload?: unknown) =>
    w.d.request({ method, url, as, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  const outcome = (res: { statusCode: number; json(): any }) => [res.statusCode, res.statusCode === 200 ? 'ok' : res.json().code];

  describe('space settings and the per-version space cache', () => {
    it('applies "who may create apps: admins" at once, not after the next directory change', async () => {
      const S = await addSpace(w.d, w.spaceAdmin, { name: 'createApp switch', members: [w.member] });
      // Members may create apps while createApp is EVERYONE.
      expect(outcome(await req('POST', '/k/v1/preview/app.json', w.member, { name: 'before', space: S.id }))).toEqual([200, 'ok']);
      const set = await req('PUT', '/k/v1/space.json', w.spaceAdmin, { id: S.id, permissions: { createApp: 'ADMIN' } });
      expect(set.statusCode, set.body).toBe(200);
      expect((await req('GET', `/k/v1/space.json?id=${S.id}`, w.member)).json().permissions).toEqual({ createApp: 'ADMIN' });
      // The setting is stored, but the role decision still reads the cached facts.
      expect(outcome(await req('POST', '/k/v1/preview/app.json', w.member, { name: 'after', space: S.id }))).toEqual([403, 'CB_NO02']);
    });

    it('applies fixed membership at once: no leaving, joining or following after it is switched on', async () => {
      const S = await addSpace(w.d, w.spaceAdmin, { name: 'fixed switch', members: [w.member] });
      const warm = await req('GET', `/k/v1/space.json?id=${S.id}`, w.member);
      expect(warm.json().fixedMember).toBe(false);
      const set = await req('PUT', '/k/v1/space.json', w.spaceAdmin, { id: S.id, fixedMember: true });
      expect(set.statusCode, set.body).toBe(200);
      expect((await req('GET', `/k/v1/space.json?id=${S.id}`, w.member)).json().fixedMember).toBe(true);
      expect.soft(outcome(await req('PUT', '/k/v1/space/thread/follow.json', w.outsider, { id: S.defaultThread, follow: true }))).toEqual([403, 'CB_NO02']);
      expect.soft(outcome(await req('POST', '/k/v1/space/join.json', w.outsider, { id: S.id }))).toEqual([403, 'CB_NO02']);
      expect.soft(outcome(await req('POST', '/k/v1/space/leave.json', w.member, { id: S.id }))).toEqual([403, 'CB_NO02']);
    });
  });

  const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBe(200);

  /**
   * An administrator's space template that has gone stale, as templates do when the apps they
   * name change: its app looks up an app outside it whose key field has since been deleted, so
   * using the template fails at deploy — after createSpace has inserted the space and its member
   * rows and the app copies were made through spaceFor — and the whole transaction rolls back.
   */
  async function staleTemplate(d: TestDomain): Promise<number> {
    const outside = await deployedApp(d, { key: { type: 'SINGLE_LINE_TEXT', code: 'key', label: 'Key', unique: true } }, { name: 'Outside' });
    const kit = await addSpace(d, d.admin, { name: 'Kit' });
    await deployedApp(
      d,
      { ref: { type: 'SINGLE_LINE_TEXT', code: 'ref', label: 'Ref', lookup: { relatedApp: { app: String(outside) }, relatedKeyField: 'key', fieldMappings: [] } } },
      { name: 'Holder', space: kit.id },
    );
    const saved = await d.request({ method: 'POST', url: '/v1/space/templates.json', as: d.admin, payload: { space: kit.id, name: 'Kit' } });
    ok(saved);
    ok(await d.request({ method: 'DELETE', url: '/k/v1/preview/app/form/fields.json', as: d.admin, payload: { app: outside, fields: ['key'] } }));
    ok(await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app: outside }] } }));
    return Number(saved.json().id);
  }

  describe('the per-version space cache and rolled-back transactions', () => {
    it('never keeps a removed guest in its space because a failed transaction filled the cache (G12, G13)', async () => {
      // A world of its own: the directory version must be counted exactly.
      const v = await guestWorld(h);
      const d = v.d;
      const template = await staleTemplate(d);

      // Using the template inserts the space and its member row (two directory bumps), creates the
      // app copies through spaceFor — which loads the space directory inside the transaction, under
      // the uncommitted version — then fails at deploy and rolls back.
      const failed = await d.request({
        method: 'POST',
        url: '/k/v1/template/space.json',
        as: d.admin,
        payload: { id: template, name: 'Never made', members: [{ entity: { type: 'USER', code: d.admin.code }, isAdmin: true }] },
      });
      expect(failed.statusCode, failed.body).toBe(400);

      // guestA is taken out of A (with the suspended guest: two committed bumps), then the
      // directory moves on a little. At no version may guestA reach A again.
      await setSpaceGuests(d, v.spaces.A, [v.guestAB]);
      const seen: Array<[number, number]> = [];
      for (let i = 0; i < 4; i++) {
        const res = await d.request({ method: 'GET', url: `/k/guest/${v.spaces.A}/v1/records.json?app=${v.apps.A1}`, as: v.guestA });
        seen.push([i, res.statusCode]);
        ok(await d.request({ method: 'POST', url: '/v1/groups.json', as: d.admin, payload: { groups: [{ code: `bump${i}`, name: `bump ${i}` }] } }));
      }
      expect(seen).toEqual(seen.map(([i]) => [i, 403]));
    });

    it('never lets a user’s failed template use make them administrator of the next space someone creates', async () => {
      const v = await guestWorld(h);
      const d = v.d;
      const bob = v.outsider;
      const template = await staleTemplate(d);

      // bob, a plain user, uses it naming himself the administrator: it fails and rolls back, but
      // the space directory it loaded mid-transaction — with a space of the id the next space will
      // get, and bob its administrator — stays cached under the version two bumps ahead.
      const failed = await d.request({
        method: 'POST',
        url: '/k/v1/template/space.json',
        as: bob,
        payload: { id: template, name: 'Decoy', isPrivate: true, members: [{ entity: { type: 'USER', code: bob.code }, isAdmin: true }] },
      });
      expect(failed.statusCode, failed.body).toBe(400);

      // The administrator then makes a private space with one member row: exactly two bumps.
      const secret = await addSpace(d, d.admin, { name: 'Board only', isPrivate: true, body: '<p>merger plans</p>' });
      const asBob = await d.request({ method: 'GET', url: `/k/v1/space.json?id=${secret.id}`, as: bob });
      expect.soft([asBob.statusCode, asBob.json().code]).toEqual([404, 'GAIA_SP01']);
      const takeover = await d.request({
        method: 'PUT',
        url: '/k/v1/space/members.json',
        as: bob,
        payload: { id: secret.id, members: [{ entity: { type: 'USER', code: bob.code }, isAdmin: true }] },
      });
      expect.soft([takeover.statusCode, takeover.json().code]).toEqual([404, 'GAIA_SP01']);
      // Once the directory has moved on, bob must still be nobody there.
      ok(await d.request({ method: 'POST', url: '/v1/groups.json', as: d.admin, payload: { groups: [{ code: 'later', name: 'later' }] } }));
      const later = await d.request({ method: 'GET', url: `/k/v1/space.json?id=${secret.id}`, as: bob });
      expect([later.statusCode, later.json().code]).toEqual([404, 'GAIA_SP01']);
    });
  });

  describe('the user directory through a guest-space app', () => {
    /** An app of guest space A with a two-step flow: Open (its creator) → Review (ONE of: member). */
    async function flowApp(): Promise<{ k: string; app: number }> {
      const { A } = w.spaces;
      const k = `/k/guest/${A}/v1`;
      const app = Number((await req('POST', `${k}/preview/app.json`, w.admin, { name: 'Flow', space: A })).json().app);
      const fields = await req('POST', `${k}/preview/app/form/fields.json`, w.admin, {
        app,
        properties: { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' } },
      });
      expect(fields.statusCode, fields.body).toBe(200);
      const flow = await req('PUT', `${k}/preview/app/status.json`, w.admin, {
        app,
        enable: true,
        states: {
          Open: { name: 'Open', index: 0, assignee: { type: 'ONE', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'Created_by' } }] } },
          Review: { name: 'Review', index: 1, assignee: { type: 'ONE', entities: [{ entity: { type: 'USER', code: w.member.code } }] } },
        },
        actions: [{ name: 'Send', from: 'Open', to: 'Review', filterCond: '' }],
      });
      expect(flow.statusCode, flow.body).toBe(200);
      expect((await req('POST', `${k}/preview/app/deploy.json`, w.admin, { apps: [{ app }] })).statusCode).toBe(200);
      return { k, app };
    }

    it('answers a guest’s process assignee that names an outsider exactly like one that names nobody (G16)', async () => {
      const { k, app } = await flowApp();
      const posted = await req('POST', `${k}/record.json`, w.guestA, { app, record: { title: { value: 'mine' } } });
      expect(posted.statusCode, posted.body).toBe(200);
      const id = Number(posted.json().id);
      const act = async (assignee: string) => {
        const res = await req('PUT', `${k}/record/status.json`, w.guestA, { app, id, action: 'Send', assignee });
        // The message quotes the code sent, whatever it names: compare it with that code taken out.
        return { status: res.statusCode, code: res.json().code, message: String(res.json().message).replace(assignee, '…') };
      };
      const nobody = await act('no-such-login-7f3');
      expect(nobody.status).toBe(400);
      // bob exists (a user in no guest space), guest-b is a guest of space B only: neither may be
      // told apart from a login that does not exist.
      expect.soft(await act(w.outsider.code)).toEqual(nobody);
      expect.soft(await act(`guest/${w.guestB.code}`)).toEqual(nobody);
      expect.soft(await act(w.admin.code)).toEqual(nobody);
    });

    it('keeps record/assignees.json in a guest-space app to the space’s people (G16; architecture "Walls")', async () => {
      const { k, app } = await flowApp();
      const posted = await req('POST', `${k}/record.json`, w.guestA, { app, record: { title: { value: 'to assign' } } });
      expect(posted.statusCode, posted.body).toBe(200);
      const id = Number(posted.json().id);
      const assign = async (code: string) => outcome(await req('PUT', `${k}/record/assignees.json`, w.admin, { app, id, assignees: [code] }));
      const nobody = await assign('no-such-login-7f3');
      expect(nobody).toEqual([400, 'GAIA_IL26']);
      // A guest of space B and a user in no guest space are not people of A: refused like nobody,
      // or A's guests would read B's guest (code and name) in the record's Assignee field.
      expect.soft(await assign(w.outsider.code)).toEqual(nobody);
      expect.soft(await assign(`guest/${w.guestB.code}`)).toEqual(nobody);
      const shown = await req('GET', `${k}/record.json?app=${app}&id=${id}`, w.guestA);
      expect(JSON.stringify(shown.json().record.Assignee)).not.toContain(w.guestB.code);
    });

    it('refuses a Department selection field in a guest-space app, as the template rule already does (kintone)', async () => {
      const { A } = w.spaces;
      const k = `/k/guest/${A}/v1`;
      const app = Number((await req('POST', `${k}/preview/app.json`, w.admin, { name: 'Depts', space: A })).json().app);
      const res = await req('POST', `${k}/preview/app/form/fields.json`, w.admin, {
        app,
        properties: { dept: { type: 'ORGANIZATION_SELECT', code: 'dept', label: 'Department' } },
      });
      expect(res.statusCode, res.body).toBe(400);
    });

    it('refuses a guest’s thread mention of a domain administrator who is not in the space, like an unknown code (G9, G16)', async () => {
      const { A } = w.spaces;
      const boss = await w.d.addUser('boss', { isAdmin: true });
      const k = `/k/guest/${A}/v1`;
      const mention = async (code: string) => {
        const res = await req('POST', `${k}/space/thread/comment.json`, w.guestA, {
          space: A,
          thread: w.threads.A,
          comment: { text: 'hello', mentions: [{ code, type: 'USER' }] },
        });
        return { status: res.statusCode, body: res.statusCode === 200 ? 'posted' : res.json().errors };
      };
      const unknown = await mention('no-such-login-7f3');
      expect(unknown.status).toBe(400);
      expect(await mention(boss.code)).toEqual(unknown);
      // Record comments in the same space already answer so (spacePeople leaves administrators out).
      const rec = await req('POST', `${k}/record/comment.json`, w.guestA, {
        app: w.apps.A1,
        record: 1,
        comment: { text: 'hi', mentions: [{ code: boss.code, type: 'USER' }] },
      });
      expect(rec.statusCode).toBe(400);
    });
  });

  describe('limits', () => {
    it('keeps one guest from taking every cursor of the domain (D4: 3 per actor)', async () => {
      const { A } = w.spaces;
      const made: string[] = [];
      try {
        for (let i = 0; i < 10; i++) {
          const res = await req('POST', `/k/guest/${A}/v1/records/cursor.json`, w.guestA, { app: w.apps.A1, size: 1 });
          if (res.statusCode === 200) made.push(res.json().id);
        }
        const mine = await req('POST', '/k/v1/records/cursor.json', w.member, { app: w.apps.O1, size: 1 });
        if (mine.statusCode === 200) await req('DELETE', `/k/v1/records/cursor.json?id=${mine.json().id}`, w.member);
        expect.soft(made.length).toBeLessThanOrEqual(3);
        expect(mine.statusCode, mine.body).toBe(200);
      } finally {
        for (const id of made) await req('DELETE', `/k/guest/${A}/v1/records/cursor.json?id=${id}`, w.guestA);
      }
    });
  });

  describe('guest accounts', () => {
    it('slows down password guessing on a guest account from many addresses (A2: delay from the 5th failure)', async () => {
      const g = await addGuest(w.d, 'brute-target@partner.example');
      const header = (auth: string, ip: string) =>
        h.app.inject({ method: 'GET', url: '/v1/spaces.json', remoteAddress: ip, headers: { host: w.d.host, 'x-cybozu-authorization': auth } });
      // Ten wrong passwords, each from another address: no per-address budget ever trips.
      for (let i = 0; i < 10; i++) {
        const res = await header(basicAuth(g.code, `guess-${i}`), `198.51.100.${i + 1}`);
        expect([401, 429]).toContain(res.statusCode);
      }
      // The account is now in its delay: even the right password from a fresh address waits...
      const during = await header(g.auth, '203.0.113.9');
      expect(during.statusCode).not.toBe(200);
      // ...and works once the delay (at most 15 minutes) is over; guests are never locked out.
      h.clock.advance(16 * 60_000);
      expect((await header(g.auth, '203.0.113.10')).statusCode).toBe(200);
    });

    it('refuses a guest on the plain path’s upload, like every other plain-path kintone API (api.md "Guest spaces")', async () => {
      const body = multipart([{ name: 'file', filename: 'note.txt', type: 'text/plain', data: 'hello' }]);
      const res = await w.d.request({ method: 'POST', url: '/k/v1/file.json', as: w.guestA, payload: body.payload, headers: body.headers });
      expect(outcome(res)).toEqual([403, 'CB_NO02']);
    });
  });
});
