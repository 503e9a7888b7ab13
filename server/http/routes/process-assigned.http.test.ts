// "Assigned to me" (GET /v1/records/assigned.json, ours): per app, how many records wait for the
// caller, and one app's records — never counting an app or a record the caller may not read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  owner: { type: 'USER_SELECT', code: 'owner', label: 'Owner' },
};

/** Open → Doing (the owner field's users, all of them). */
const FLOW = {
  enable: true,
  states: {
    Open: { name: 'Open', index: 0, assignee: { type: 'ONE', entities: [] } },
    Doing: { name: 'Doing', index: 1, assignee: { type: 'ALL', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'owner' } }] } },
  },
  actions: [
    { name: 'Start', from: 'Open', to: 'Doing' },
    { name: 'Finish', from: 'Doing', to: 'Open' },
  ],
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function ok(res: Promise<{ statusCode: number; body: string; json(): any }>) {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  }

  /** An app whose records each start and land with the owners given. */
  async function appWith(d: TestDomain, name: string, owners: string[][], flow: Record<string, unknown> | null = FLOW): Promise<{ app: number; ids: number[] }> {
    const app = await deployedApp(d, FIELDS, { name });
    if (flow) {
      await ok(d.request({ method: 'PUT', url: '/k/v1/preview/app/status.json', as: d.admin, payload: { app, ...flow } }));
      await ok(d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } }));
    }
    const ids: number[] = [];
    for (const [i, o] of owners.entries()) {
      const { id } = await ok(
        d.request({ method: 'POST', url: '/k/v1/record.json', as: d.admin, payload: { app, record: { title: { value: `${name} ${i}` }, owner: { value: o.map((code) => ({ code })) } } } }),
      );
      if (flow) await ok(d.request({ method: 'PUT', url: '/k/v1/record/status.json', as: d.admin, payload: { app, id, action: 'Start' } }));
      ids.push(Number(id));
    }
    return { app, ids };
  }

  const assigned = (d: TestDomain, as: Persona, query = '') => ok(d.request({ method: 'GET', url: `/v1/records/assigned.json${query}`, as }));

  describe('assigned to me', () => {
    it('counts per app the records waiting for the caller, within app and record permissions', async () => {
      const d = await newDomain(h);
      const alice = await d.addUser('alice');
      const bob = await d.addUser('bob');
      const tasks = await appWith(d, 'Tasks', [['alice'], ['alice', 'bob'], ['bob'], ['alice']]);
      const bugs = await appWith(d, 'Bugs', [['alice']]);
      await appWith(d, 'Notes', [['alice']], null);
      const secret = await appWith(d, 'Secret', [['alice']]);
      // Secret: only its creator may do anything.
      await ok(
        d.request({
          method: 'PUT',
          url: '/k/v1/app/acl.json',
          as: d.admin,
          payload: { app: secret.app, rights: [{ entity: { type: 'CREATOR' }, appEditable: true, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true }] },
        }),
      );
      // The last Tasks record is hidden from Alice although she is its assignee.
      await ok(
        d.request({
          method: 'PUT',
          url: '/k/v1/record/acl.json',
          as: d.admin,
          payload: {
            app: tasks.app,
            rights: [
              { filterCond: `$id = ${tasks.ids[3]}`, entities: [{ entity: { type: 'USER', code: 'admin' }, viewable: true }] },
              { filterCond: '', entities: [{ entity: { type: 'GROUP', code: 'everyone' }, viewable: true, editable: true }] },
            ],
          },
        }),
      );
      expect(await assigned(d, alice)).toEqual({
        apps: [
          { app: String(tasks.app), name: 'Tasks', totalCount: '2' },
          { app: String(bugs.app), name: 'Bugs', totalCount: '1' },
        ],
      });
      expect(await assigned(d, bob)).toEqual({ apps: [{ app: String(tasks.app), name: 'Tasks', totalCount: '2' }] });
      expect(await assigned(d, d.member)).toEqual({ apps: [] });

      // One app: its records for the caller, newest first, as records.json writes them.
      const one = await assigned(d, alice, `?app=${tasks.app}`);
      expect(one.apps).toEqual([{ app: String(tasks.app), name: 'Tasks', totalCount: '2' }]);
      expect(one.records.map((r: { $id: { value: string } }) => Number(r.$id.value))).toEqual([tasks.ids[1], tasks.ids[0]]);
      expect(one.records[0].Status).toEqual({ type: 'STATUS', value: 'Doing' });
      const paged = await assigned(d, alice, `?app=${tasks.app}&limit=1&offset=1`);
      expect(paged.records.map((r: { $id: { value: string } }) => Number(r.$id.value))).toEqual([tasks.ids[0]]);

      // Once Alice has done her part of the ALL status, the record no longer waits for her.
      await ok(d.request({ method: 'PUT', url: '/k/v1/record/status.json', as: alice, payload: { app: tasks.app, id: tasks.ids[1], action: 'Finish' } }));
      expect((await assigned(d, alice)).apps[0]).toEqual({ app: String(tasks.app), name: 'Tasks', totalCount: '1' });
      expect((await assigned(d, bob)).apps[0]).toEqual({ app: String(tasks.app), name: 'Tasks', totalCount: '2' });
    });

    it('answers an app the caller may not read as missing, and one without process management GAIA_ST02', async () => {
      const d = await newDomain(h);
      const notes = await appWith(d, 'Notes', [], null);
      const missing = await d.request({ method: 'GET', url: '/v1/records/assigned.json?app=9999', as: d.member });
      expect([missing.statusCode, missing.json().code]).toEqual([404, 'GAIA_AP01']);
      const off = await d.request({ method: 'GET', url: `/v1/records/assigned.json?app=${notes.app}`, as: d.member });
      expect([off.statusCode, off.json().code]).toEqual([400, 'GAIA_ST02']);
      const anonymous = await d.request({ method: 'GET', url: '/v1/records/assigned.json' });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});
