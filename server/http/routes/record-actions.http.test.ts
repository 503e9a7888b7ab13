// record/actions.json and app/rights.json (ours): the actions offered are exactly those
// record/status.json accepts from the caller — by status, condition, assignee and executable
// user — with the next status's candidates; the rights are the caller's app permission row; and
// both answer as missing where the app or record is unseen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
  approver: { type: 'USER_SELECT', code: 'approver', label: 'Approver' },
};

const field = (code: string) => ({ entity: { type: 'FIELD_ENTITY', code } });

const FLOW = {
  enable: true,
  states: {
    Draft: { name: 'Draft', index: 0, assignee: { type: 'ONE', entities: [field('Created_by')] } },
    Review: { name: 'Review', index: 1, assignee: { type: 'ONE', entities: [field('approver'), { entity: { type: 'USER', code: 'bob' } }] } },
    Done: { name: 'Done', index: 2, assignee: { type: 'ONE', entities: [] } },
  },
  actions: [
    { name: 'Submit', from: 'Draft', to: 'Review' },
    { name: 'Fast track', from: 'Draft', to: 'Done', filterCond: 'amount < 100' },
    { name: 'Accept', from: 'Review', to: 'Done' },
    { name: 'Withdraw', from: 'Review', to: 'Draft', type: 'SECONDARY', executableUser: { entities: [field('Created_by')] } },
  ],
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function world(): Promise<{ d: TestDomain; app: number; alice: Persona; bob: Persona }> {
    const d = await newDomain(h);
    const alice = await d.addUser('alice');
    const bob = await d.addUser('bob');
    const app = await deployedApp(d, FIELDS);
    for (const [url, payload] of [
      ['/k/v1/preview/app/status.json', { app, ...FLOW }],
      ['/k/v1/preview/app/deploy.json', { apps: [{ app }] }],
    ] as const) {
      const res = await d.request({ method: url.endsWith('deploy.json') ? 'POST' : 'PUT', url, as: d.admin, payload });
      expect(res.statusCode, res.body).toBe(200);
    }
    return { d, app, alice, bob };
  }

  const actions = async (d: TestDomain, as: Persona, app: number, id: number) => {
    const res = await d.request({ method: 'GET', url: `/k/v1/record/actions.json?app=${app}&id=${id}`, as });
    return { status: res.statusCode, body: res.json() };
  };
  const add = async (d: TestDomain, app: number, record: object, as: Persona) => {
    const res = await d.request({ method: 'POST', url: '/k/v1/record.json', as, payload: { app, record } });
    expect(res.statusCode, res.body).toBe(200);
    return Number(res.json().id);
  };

  describe('record/actions.json', () => {
    it('offers the assignee the actions from the status whose conditions hold, with the next candidates', async () => {
      const { d, app, alice } = await world();
      const small = await add(d, app, { amount: { value: '50' }, approver: { value: [{ code: 'alice' }] } }, d.member);
      const big = await add(d, app, { amount: { value: '500' }, approver: { value: [{ code: 'alice' }] } }, d.member);
      const mine = await actions(d, d.member, app, small);
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual({
        enabled: true,
        actions: [
          {
            name: 'Submit',
            to: 'Review',
            type: 'PRIMARY',
            assignee: { type: 'ONE', candidates: [{ code: 'alice', name: 'alice' }, { code: 'bob', name: 'bob' }] },
          },
          { name: 'Fast track', to: 'Done', type: 'PRIMARY', assignee: { type: 'ONE', candidates: [] } },
        ],
      });
      expect((await actions(d, d.member, app, big)).body.actions.map((a: { name: string }) => a.name)).toEqual(['Submit']);
      // Not the assignee: nothing to press.
      expect((await actions(d, alice, app, small)).body).toEqual({ enabled: true, actions: [] });
    });

    it('offers a SECONDARY action to its executable users only, and matches what record/status.json accepts', async () => {
      const { d, app, alice, bob } = await world();
      const id = await add(d, app, { amount: { value: '500' }, approver: { value: [{ code: 'alice' }] } }, d.member);
      const submit = await d.request({ method: 'PUT', url: '/k/v1/record/status.json', as: d.member, payload: { app, id, action: 'Submit', assignee: 'alice' } });
      expect(submit.statusCode, submit.body).toBe(200);
      expect((await actions(d, alice, app, id)).body.actions.map((a: { name: string }) => a.name)).toEqual(['Accept']);
      expect((await actions(d, d.member, app, id)).body.actions.map((a: { name: string }) => a.name)).toEqual(['Withdraw']);
      expect((await actions(d, bob, app, id)).body.actions).toEqual([]);
      const refused = await d.request({ method: 'PUT', url: '/k/v1/record/status.json', as: bob, payload: { app, id, action: 'Accept' } });
      expect(refused.statusCode).toBe(403);
    });

    it('says so while process management is off, and answers a record the caller cannot see as missing', async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const id = await add(d, app, { title: { value: 'x' } }, d.member);
      expect((await actions(d, d.member, app, id)).body).toEqual({ enabled: false, actions: [] });
      const missing = await actions(d, d.member, app, id + 100);
      expect([missing.status, missing.body.code]).toEqual([404, 'GAIA_RE01']);
      const outsider = await d.addUser('outsider');
      const acl = await d.request({
        method: 'PUT',
        url: '/k/v1/app/acl.json',
        as: d.admin,
        payload: { app, rights: [{ entity: { type: 'USER', code: 'member' }, recordViewable: true, recordAddable: true }] },
      });
      expect(acl.statusCode, acl.body).toBe(200);
      const unseen = await actions(d, outsider, app, id);
      expect([unseen.status, unseen.body.code]).toEqual([404, 'GAIA_AP01']);
    });
  });

  describe('app/rights.json', () => {
    it("answers the caller's row of the app's permissions", async () => {
      const d = await newDomain(h);
      const app = await deployedApp(d, FIELDS);
      const reader = await d.addUser('reader');
      const outsider = await d.addUser('outsider');
      const acl = await d.request({
        method: 'PUT',
        url: '/k/v1/app/acl.json',
        as: d.admin,
        payload: {
          app,
          rights: [
            { entity: { type: 'USER', code: 'reader' }, recordViewable: true, recordExportable: true },
            { entity: { type: 'USER', code: 'member' }, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true },
          ],
        },
      });
      expect(acl.statusCode, acl.body).toBe(200);
      const rights = async (as: Persona) => {
        const res = await d.request({ method: 'GET', url: `/k/v1/app/rights.json?app=${app}`, as });
        return [res.statusCode, res.json()];
      };
      expect(await rights(reader)).toEqual([200, { rights: { view: true, add: false, edit: false, delete: false, manage: false, import: false, export: true } }]);
      expect(await rights(d.member)).toEqual([200, { rights: { view: true, add: true, edit: true, delete: true, manage: false, import: false, export: false } }]);
      // Administrators may always manage; their record rights come from the rows.
      expect((await rights(d.admin))[1].rights).toMatchObject({ manage: true, view: false });
      const [status, body] = await rights(outsider);
      expect([status, body.code]).toEqual([404, 'GAIA_AP01']);
    });
  });
});
