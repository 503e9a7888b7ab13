// Guest spaces' walls for apps and records (spec/security.md §2 and probes G1–G5, G7, G16, S1,
// S4, R13, R14): an app of a guest space is reached only under its own /k/guest/{id}/v1/ prefix,
// by those who belong to that space; everyone else learns nothing, not even that it exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, Persona } from '../support/app.js';
import { startApp } from '../support/app.js';
import { eachDatabase } from '../support/db.js';
import { type GuestWorld, guestWorld } from '../support/guest-world.js';

eachDatabase((database) => {
  let h: Harness;
  let w: GuestWorld;
  beforeAll(async () => {
    h = await startApp(database());
    w = await guestWorld(h);
  });
  afterAll(async () => h.close());

  const get = (url: string, as: Persona, headers: Record<string, string> = {}) => w.d.request({ method: 'GET', url, as, headers });
  const refusal = (res: { statusCode: number; json(): unknown }) => {
    const { code, message } = res.json() as { code: string; message: string };
    return { status: res.statusCode, code, message };
  };
  const NO02 = { status: 403, code: 'CB_NO02', message: 'No privilege to proceed.' };

  describe('the guest-space prefix', () => {
    it('lets a guest reach its space’s apps under the space’s own prefix only (G1)', async () => {
      const { A, B } = w.spaces;
      const ok = await get(`/k/guest/${A}/v1/records.json?app=${w.apps.A1}`, w.guestA);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().records.map((r: { title: { value: string } }) => r.title.value)).toEqual(['A1 secret']);
      for (const url of [
        `/k/guest/${A}/v1/records.json?app=${w.apps.B1}`,
        `/k/guest/${B}/v1/records.json?app=${w.apps.B1}`,
        `/k/guest/999999/v1/records.json?app=${w.apps.A1}`,
        `/k/guest/${A}/v1/records.json?app=999999`,
        `/k/guest/0${A}/v1/records.json?app=${w.apps.A1}`,
        `/k/guest/${A}/v1/records.json?app=${w.apps.O1}`,
      ]) {
        expect(refusal(await get(url, w.guestA)), url).toEqual(NO02);
      }
    });

    it('never applies one guest space’s membership on another’s path (G2)', async () => {
      const { A, B } = w.spaces;
      expect(refusal(await get(`/k/guest/${A}/v1/records.json?app=${w.apps.B1}`, w.guestAB))).toEqual(NO02);
      expect(refusal(await get(`/k/guest/${B}/v1/record.json?app=${w.apps.A1}&id=1`, w.guestAB))).toEqual(NO02);
      expect((await get(`/k/guest/${B}/v1/records.json?app=${w.apps.B1}`, w.guestAB)).statusCode).toBe(200);
    });

    it('answers GAIA_IL23 on the plain path to those who belong to the space, and nothing to others (G3)', async () => {
      const a1 = `/k/v1/records.json?app=${w.apps.A1}`;
      const il23 = await get(a1, w.guestA);
      expect(il23.statusCode).toBe(400);
      expect(il23.json().code).toBe('GAIA_IL23');
      expect((await get(a1, w.member)).json().code).toBe('GAIA_IL23');
      for (const app of [w.apps.B1, w.apps.P1, w.apps.O1, w.apps.Q1, 999999]) {
        expect(refusal(await get(`/k/v1/records.json?app=${app}`, w.guestA)), String(app)).toEqual(NO02);
      }
      // A user outside the guest space gets the answer of an app that does not exist.
      const outsider = await get(a1, w.outsider);
      const missing = await get('/k/v1/records.json?app=999999', w.outsider);
      expect([outsider.statusCode, outsider.json().code]).toEqual([404, 'GAIA_AP01']);
      expect([missing.statusCode, missing.json().code]).toEqual([404, 'GAIA_AP01']);
    });

    it('lists only the path’s guest space’s apps to a guest, whatever it asks for (G4)', async () => {
      const { A, B } = w.spaces;
      const names = async (url: string) => (await get(url, w.guestAB)).json().apps.map((a: { name: string }) => a.name).sort();
      expect(await names(`/k/guest/${A}/v1/apps.json`)).toEqual(['A1', 'A2']);
      expect(await names(`/k/guest/${A}/v1/apps.json?spaceIds[0]=${B}`)).toEqual([]);
      expect(await names(`/k/guest/${A}/v1/apps.json?ids[0]=${w.apps.B1}&ids[1]=${w.apps.A2}`)).toEqual(['A2']);
      expect(await names(`/k/guest/${A}/v1/apps.json?name=B1`)).toEqual([]);
      expect(refusal(await get('/k/v1/apps.json', w.guestA))).toEqual(NO02);
      // A member's plain list carries the guest-space apps it can see, with their spaceId.
      const mine = (await get('/k/v1/apps.json', w.member)).json().apps as Array<{ name: string; spaceId: string | null }>;
      expect(mine.find((a) => a.name === 'A1')?.spaceId).toBe(String(A));
      expect(mine.map((a) => a.name)).not.toContain('B1');
    });
  });

  describe('spaces bound their apps', () => {
    it('keeps a private space’s apps from non-members despite “everyone” permissions (S1)', async () => {
      const q1 = await get(`/k/v1/records.json?app=${w.apps.Q1}`, w.outsider);
      expect([q1.statusCode, q1.json().code]).toEqual([404, 'GAIA_AP01']);
      expect((await get(`/k/v1/records.json?app=${w.apps.Q1}`, w.member)).statusCode).toBe(200);
      // A public space's apps follow their own permissions: everyone may view.
      expect((await get(`/k/v1/records.json?app=${w.apps.P1}`, w.outsider)).statusCode).toBe(200);
      const listed = (await get('/k/v1/apps.json', w.outsider)).json().apps.map((a: { name: string }) => a.name);
      expect(listed).toContain('P1');
      expect(listed).not.toContain('Q1');
      expect(listed).not.toContain('A1');
    });

    it('refuses moving apps into or out of a guest space, and moves others (S4)', async () => {
      const move = (payload: Record<string, unknown>, as = w.admin) => w.d.request({ method: 'POST', url: '/k/v1/app/move.json', as, payload });
      expect((await move({ app: w.apps.A2, space: null })).statusCode).toBe(400);
      expect((await move({ app: w.apps.O1, space: w.spaces.A })).statusCode).toBe(400);
      expect((await get(`/k/guest/${w.spaces.A}/v1/app.json?id=${w.apps.A2}`, w.admin)).json().spaceId).toBe(String(w.spaces.A));
      expect((await get(`/k/v1/app.json?id=${w.apps.O1}`, w.admin)).json().spaceId).toBeNull();
      expect(refusal(await move({ app: w.apps.A1, space: null }, w.guestA))).toEqual(NO02);
      // Between regular spaces an app moves, and takes the space's visibility with it.
      expect((await move({ app: w.apps.O1, space: w.spaces.Q })).statusCode).toBe(200);
      expect((await get(`/k/v1/records.json?app=${w.apps.O1}`, w.outsider)).statusCode).toBe(404);
      expect((await move({ app: w.apps.O1, space: null })).statusCode).toBe(200);
      expect((await get(`/k/v1/records.json?app=${w.apps.O1}`, w.outsider)).statusCode).toBe(200);
      expect((await w.d.request({ method: 'POST', url: `/k/guest/${w.spaces.A}/v1/app/move.json`, as: w.admin, payload: { app: w.apps.A1 } })).statusCode).toBe(404);
    });

    it('keeps a guest from creating apps or changing their settings', async () => {
      const k = `/k/guest/${w.spaces.A}/v1`;
      const create = await w.d.request({ method: 'POST', url: `${k}/preview/app.json`, as: w.guestA, payload: { name: 'mine', space: w.spaces.A } });
      expect(refusal(create)).toEqual(NO02);
      const settings = await w.d.request({ method: 'PUT', url: `${k}/preview/app/settings.json`, as: w.guestA, payload: { app: w.apps.A1, name: 'x' } });
      expect(refusal(settings)).toEqual(NO02);
      const acl = await w.d.request({ method: 'PUT', url: `${k}/record/acl.json`, as: w.guestA, payload: { app: w.apps.A1, rights: [] } });
      expect(refusal(acl)).toEqual(NO02);
    });
  });

  describe('API tokens and bulk requests', () => {
    it('gives a guest-space app’s token its app under its prefix only (R14)', async () => {
      const k = `/k/guest/${w.spaces.A}/v1`;
      const made = await w.d.request({ method: 'POST', url: `${k}/preview/app/apiToken.json`, as: w.admin, payload: { app: w.apps.A1, rights: { view: true } } });
      expect(made.statusCode, made.body).toBe(200);
      await w.d.request({ method: 'POST', url: `${k}/preview/app/deploy.json`, as: w.admin, payload: { apps: [{ app: w.apps.A1 }] } });
      const token = { 'x-cybozu-api-token': made.json().token };
      const on = (url: string) => w.d.request({ method: 'GET', url, headers: token });
      expect((await on(`${k}/records.json?app=${w.apps.A1}`)).statusCode).toBe(200);
      expect((await on(`/k/v1/records.json?app=${w.apps.A1}`)).json().code).toBe('GAIA_IL23');
      expect(refusal(await on(`/k/guest/${w.spaces.B}/v1/records.json?app=${w.apps.A1}`))).toEqual(NO02);
      expect((await on(`${k}/records.json?app=${w.apps.A2}`)).json().code).toBe('GAIA_IA02');
    });

    it('authorizes every sub-request’s path before any runs (G5)', async () => {
      const k = `/k/guest/${w.spaces.A}/v1`;
      const add = (api: string) => ({ method: 'POST', api, payload: { app: w.apps.A1, record: { title: { value: 'bulk' } } } });
      for (const api of [
        `/k/guest/${w.spaces.B}/v1/record.json`,
        '/k/v1/record.json',
        `/k/guest/${w.spaces.A}/v1/../../${w.spaces.B}/v1/record.json`,
        `https://other.example/k/guest/${w.spaces.A}/v1/record.json`,
        `//other.example/k/guest/${w.spaces.A}/v1/record.json`,
        `${k}/bulkRequest.json`,
        `${k}/space/guests.json`,
      ]) {
        const res = await w.d.request({ method: 'POST', url: `${k}/bulkRequest.json`, as: w.guestA, payload: { requests: [add(`${k}/record.json`), add(api)] } });
        expect([res.statusCode, res.json().code], api).toEqual([400, 'CB_VA01']);
      }
      const count = async () => (await get(`${k}/records.json?app=${w.apps.A1}&query=${encodeURIComponent('title = "bulk"')}&totalCount=true`, w.admin)).json().totalCount;
      expect(await count()).toBe('0');
      const ok = await w.d.request({ method: 'POST', url: `${k}/bulkRequest.json`, as: w.guestA, payload: { requests: [add(`${k}/record.json`)] } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(await count()).toBe('1');
    });
  });

  describe('settings and values inside a guest space', () => {
    const lookupTo = (app: number) => ({
      ref: {
        type: 'SINGLE_LINE_TEXT',
        code: 'ref',
        label: 'Ref',
        lookup: { relatedApp: { app: String(app) }, relatedKeyField: 'レコード番号', fieldMappings: [{ field: 'copied', relatedField: 'title' }], lookupPickerFields: [] },
      },
      copied: { type: 'SINGLE_LINE_TEXT', code: 'copied', label: 'Copied' },
    });

    it('lets a guest-space app look up only apps of the same guest space (G7)', async () => {
      const save = (app: number, related: number, k: string) =>
        w.d.request({ method: 'POST', url: `${k}/preview/app/form/fields.json`, as: w.admin, payload: { app, properties: lookupTo(related) } });
      const inA = `/k/guest/${w.spaces.A}/v1`;
      for (const related of [w.apps.O1, w.apps.B1, w.apps.P1]) {
        const res = await save(w.apps.A2, related, inA);
        expect([res.statusCode, res.json().code], String(related)).toEqual([400, 'CB_VA01']);
        expect(Object.keys(res.json().errors)).toEqual(['properties.ref.lookup.relatedApp.app']);
      }
      // …and no app outside looks into a guest space either.
      const out = await save(w.apps.O1, w.apps.A1, '/k/v1');
      expect(Object.keys(out.json().errors ?? {})).toEqual(['properties.ref.lookup.relatedApp.app']);
    });

    it('refuses a department as a process assignee in a guest-space app (R13)', async () => {
      await w.d.request({ method: 'POST', url: '/v1/organizations.json', as: w.admin, payload: { organizations: [{ code: 'site', name: 'Site' }] } });
      const res = await w.d.request({
        method: 'PUT',
        url: `/k/guest/${w.spaces.A}/v1/preview/app/status.json`,
        as: w.admin,
        payload: {
          app: w.apps.A2,
          enable: true,
          states: {
            Open: { name: 'Open', index: '0', assignee: { type: 'ONE', entities: [] } },
            Check: { name: 'Check', index: '1', assignee: { type: 'ONE', entities: [{ entity: { type: 'ORGANIZATION', code: 'site' } }] } },
          },
          actions: [{ name: 'Send', from: 'Open', to: 'Check' }],
        },
      });
      expect([res.statusCode, res.json().code]).toEqual([400, 'CB_VA01']);
      expect(Object.keys(res.json().errors)).toEqual(['states.Check.assignee.entities[0].entity.type']);
    });

    it('lets people of the space only be chosen in a guest-space app, outsiders answered like unknown codes (G16)', async () => {
      const k = `/k/guest/${w.spaces.A}/v1`;
      const write = (code: string, as: Persona) =>
        w.d.request({ method: 'POST', url: `${k}/record.json`, as, payload: { app: w.apps.A1, record: { owner: { value: [{ code }] } } } });
      for (const code of [w.member.code, w.spaceAdmin.code, `guest/${w.guestAB.code}`]) {
        expect((await write(code, w.guestA)).statusCode, code).toBe(200);
      }
      const outsider = await write(w.outsider.code, w.guestA);
      const unknown = await write('nobody-at-all', w.guestA);
      const otherGuest = await write(`guest/${w.guestB.code}`, w.guestA);
      expect(outsider.statusCode).toBe(400);
      for (const res of [unknown, otherGuest]) {
        expect(res.statusCode).toBe(400);
        expect({ ...res.json(), id: '' }).toEqual({ ...outsider.json(), id: '' });
      }
      // The rule holds for members too: the space's people, not the directory.
      expect((await write(w.outsider.code, w.member)).statusCode).toBe(400);
    });

    it('lets record comments in a guest space mention its own people only (G9)', async () => {
      const k = `/k/guest/${w.spaces.A}/v1`;
      const comment = (mentions: Array<{ code: string; type: string }>, as: Persona = w.guestA) =>
        w.d.request({ method: 'POST', url: `${k}/record/comment.json`, as, payload: { app: w.apps.A1, record: 1, comment: { text: 'see this', mentions } } });
      expect((await comment([{ code: w.member.code, type: 'USER' }, { code: `guest/${w.guestAB.code}`, type: 'USER' }])).statusCode).toBe(200);
      const outsider = await comment([{ code: w.outsider.code, type: 'USER' }]);
      expect([outsider.statusCode, outsider.json().code]).toEqual([400, 'CB_VA01']);
      for (const m of [
        { code: 'no-such-user', type: 'USER' },
        { code: `guest/${w.guestB.code}`, type: 'USER' },
        { code: 'everyone', type: 'GROUP' },
      ]) {
        expect({ ...(await comment([m])).json(), id: '' }, m.code).toEqual({ ...outsider.json(), id: '' });
      }
      const notes = await get('/v1/notifications.json?stream=mine', w.outsider);
      expect(JSON.stringify(notes.json())).not.toContain('see this');
      // A member mentions groups and departments only where they belong to the space.
      await w.d.request({ method: 'POST', url: '/v1/groups.json', as: w.admin, payload: { groups: [{ code: 'crew', name: 'Crew' }, { code: 'board', name: 'Board' }] } });
      const members = (await get(`${k}/space/members.json?id=${w.spaces.A}`, w.admin)).json().members.filter((m: { isImplicit: boolean }) => !m.isImplicit);
      const set = await w.d.request({ method: 'PUT', url: `${k}/space/members.json`, as: w.admin, payload: { id: w.spaces.A, members: [...members, { entity: { type: 'GROUP', code: 'crew' } }] } });
      expect(set.statusCode, set.body).toBe(200);
      expect((await comment([{ code: 'crew', type: 'GROUP' }], w.member)).statusCode).toBe(200);
      const board = await comment([{ code: 'board', type: 'GROUP' }], w.member);
      expect({ ...board.json(), id: '' }).toEqual({ ...(await comment([{ code: 'no-such-group', type: 'GROUP' }], w.member)).json(), id: '' });
      expect(board.statusCode).toBe(400);
    });
  });
});
