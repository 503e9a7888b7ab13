// Status actions and assignees (record/status.json, records/status.json, record/assignees.json):
// who may run which action when, who the next assignees are (ONE, ALL, ANY; users, groups,
// departments with sub-departments, fields of the record, the app creator), the revisions and
// stamps a move leaves, and the queries that find records by status and assignee.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
  approver: { type: 'USER_SELECT', code: 'approver', label: 'Approver' },
  team: { type: 'ORGANIZATION_SELECT', code: 'team', label: 'Team' },
};

const field = (code: string, includeSubs = false) => ({ entity: { type: 'FIELD_ENTITY', code }, includeSubs });

/**
 * Draft (the creator) → Review (one of the approver field's users) → Sign-off (all of the
 * approvers group) → Sales (any of the sales department and below) → Done (nobody).
 */
const FLOW = {
  enable: true,
  states: {
    Draft: { name: 'Draft', index: 0, assignee: { type: 'ONE', entities: [field('Created_by')] } },
    Review: { name: 'Review', index: 1, assignee: { type: 'ONE', entities: [field('approver')] } },
    'Sign-off': { name: 'Sign-off', index: 2, assignee: { type: 'ALL', entities: [{ entity: { type: 'GROUP', code: 'approvers' } }] } },
    Sales: { name: 'Sales', index: 3, assignee: { type: 'ANY', entities: [{ entity: { type: 'ORGANIZATION', code: 'sales' }, includeSubs: true }] } },
    Done: { name: 'Done', index: 4, assignee: { type: 'ONE', entities: [] } },
    Team: { name: 'Team', index: 5, assignee: { type: 'ANY', entities: [field('team', true), { entity: { type: 'CREATOR' } }] } },
  },
  actions: [
    { name: 'Submit', from: 'Draft', to: 'Review' },
    { name: 'Approve', from: 'Review', to: 'Sign-off', filterCond: 'amount >= 1000' },
    { name: 'Accept', from: 'Review', to: 'Done', filterCond: 'amount < 1000' },
    { name: 'Sign', from: 'Sign-off', to: 'Sales' },
    { name: 'Reject', from: 'Sign-off', to: 'Draft' },
    { name: 'Close', from: 'Sales', to: 'Done' },
    { name: 'Hand over', from: 'Done', to: 'Team' },
    {
      name: 'Withdraw',
      from: 'Review',
      to: 'Draft',
      type: 'SECONDARY',
      executableUser: { entities: [{ entity: { type: 'USER', code: 'carol' } }, field('Created_by')] },
    },
  ],
};

type People = Record<'alice' | 'bob' | 'carol' | 'dave' | 'erin', Persona>;

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  interface World {
    d: TestDomain;
    app: number;
    p: People;
  }

  async function world(flow: Record<string, unknown> = FLOW): Promise<World> {
    const d = await newDomain(h);
    const p = {} as People;
    for (const code of ['alice', 'bob', 'carol', 'dave', 'erin'] as const) p[code] = await d.addUser(code);
    const admin = async (method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>) => {
      const res = await d.request({ method, url, as: d.admin, payload });
      expect(res.statusCode, res.body).toBe(200);
    };
    await admin('POST', '/v1/groups.json', { groups: [{ code: 'approvers', name: 'Approvers' }] });
    await admin('PUT', '/v1/userGroups.json', { userGroups: [{ code: 'alice', groups: ['approvers'] }, { code: 'bob', groups: ['approvers'] }] });
    await admin('POST', '/v1/organizations.json', { organizations: [{ code: 'sales', name: 'Sales' }, { code: 'sales-east', name: 'East', parentCode: 'sales' }] });
    await admin('PUT', '/v1/userOrganizations.json', { userOrganizations: [{ code: 'dave', organizations: ['sales-east'] }] });
    const app = await deployedApp(d, FIELDS, { as: d.admin });
    await admin('PUT', '/k/v1/preview/app/status.json', { app, ...flow });
    await admin('POST', '/k/v1/preview/app/deploy.json', { apps: [{ app }] });
    return { d, app, p };
  }

  const add = async (w: World, record: Record<string, unknown>, as: Persona = w.d.member) => {
    const res = await w.d.request({ method: 'POST', url: '/k/v1/record.json', as, payload: { app: w.app, record } });
    expect(res.statusCode, res.body).toBe(200);
    return Number(res.json().id);
  };
  const act = (w: World, as: Persona, id: number, action: string, extra: Record<string, unknown> = {}) =>
    w.d.request({ method: 'PUT', url: '/k/v1/record/status.json', as, payload: { app: w.app, id, action, ...extra } });
  const ok = async (res: Promise<{ statusCode: number; body: string; json(): any }>) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const refused = async (res: Promise<{ statusCode: number; json(): any }>) => {
    const r = await res;
    return [r.statusCode, r.json().code];
  };
  const read = async (w: World, id: number, as: Persona = w.d.admin) => {
    const r = (await ok(w.d.request({ method: 'GET', url: `/k/v1/record.json?app=${w.app}&id=${id}`, as }))).record;
    return { status: r.Status?.value, assignees: r.Assignee?.value.map((a: { code: string }) => a.code), revision: r.$revision.value, record: r };
  };
  const approver = (code: string) => ({ approver: { value: [{ code }] } });

  describe('running actions', () => {
    it('lets the current assignee move a record, choosing the next assignee among the candidates', async () => {
      const w = await world();
      const id = await add(w, { ...approver('alice'), amount: { value: '500' } });
      expect(await read(w, id)).toMatchObject({ status: 'Draft', assignees: ['member'], revision: '1' });
      // Not the assignee: refused, nothing changes.
      expect(await refused(act(w, w.p.alice, id, 'Submit', { assignee: 'alice' }))).toEqual([403, 'GAIA_NT01']);
      // Review is "choose one": the choice is required and must be a candidate.
      expect(await refused(act(w, w.d.member, id, 'Submit'))).toEqual([400, 'GAIA_SA01']);
      expect(await refused(act(w, w.d.member, id, 'Submit', { assignee: 'bob' }))).toEqual([400, 'CB_VA01']);
      expect(await refused(act(w, w.d.member, id, 'Submit', { assignee: 'ghost' }))).toEqual([400, 'GAIA_IL26']);
      expect(await read(w, id)).toMatchObject({ status: 'Draft', revision: '1' });
      // Two revisions: the action and the status.
      expect(await ok(act(w, w.d.member, id, 'Submit', { assignee: 'ALICE', revision: 1 }))).toEqual({ revision: '3' });
      expect(await read(w, id)).toMatchObject({ status: 'Review', assignees: ['alice'], revision: '3' });
    });

    it('refuses an action name the current status has twice, as kintone does', async () => {
      const w = await world({
        ...FLOW,
        actions: [
          { name: 'Submit', from: 'Draft', to: 'Review', filterCond: 'amount > 10' },
          { name: 'Submit', from: 'Draft', to: 'Done', filterCond: 'amount <= 10' },
        ],
      });
      const id = await add(w, { amount: { value: '5' } });
      expect(await refused(act(w, w.d.member, id, 'Submit'))).toEqual([400, 'CB_VA01']);
    });

    it('runs the action whose condition the record meets, and no other', async () => {
      const w = await world();
      const small = await add(w, { ...approver('alice'), amount: { value: '500' } });
      const large = await add(w, { ...approver('alice'), amount: { value: '5000' } });
      for (const id of [small, large]) await ok(act(w, w.d.member, id, 'Submit', { assignee: 'alice' }));
      // Approve is for large amounts, Accept for small ones: each record takes its own.
      expect(await refused(act(w, w.p.alice, small, 'Approve'))).toEqual([400, 'GAIA_IL03']);
      await ok(act(w, w.p.alice, small, 'Accept'));
      expect(await read(w, small)).toMatchObject({ status: 'Done', assignees: [] });
      expect(await refused(act(w, w.p.alice, large, 'Accept'))).toEqual([400, 'GAIA_IL03']);
      await ok(act(w, w.p.alice, large, 'Approve'));
      expect(await read(w, large)).toMatchObject({ status: 'Sign-off', assignees: ['alice', 'bob'] });
      // An action that does not start from the record's status, or does not exist.
      expect(await refused(act(w, w.p.alice, large, 'Submit'))).toEqual([400, 'GAIA_IL03']);
      expect(await refused(act(w, w.p.alice, large, 'Fly'))).toEqual([400, 'GAIA_IL03']);
    });

    it('refuses an action whose condition the record does not meet', async () => {
      const w = await world({
        ...FLOW,
        actions: [{ name: 'Submit', from: 'Draft', to: 'Done', filterCond: 'amount > 100 and title like "ok"' }],
      });
      const id = await add(w, { amount: { value: '50' }, title: { value: 'ok' } });
      expect(await refused(act(w, w.d.member, id, 'Submit'))).toEqual([400, 'GAIA_IL03']);
      await ok(w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.d.member, payload: { app: w.app, id, record: { amount: { value: '150' } } } }));
      await ok(act(w, w.d.member, id, 'Submit'));
      expect((await read(w, id)).status).toBe('Done');
    });

    it('needs every assignee of an ALL status, one after another; the last one moves the record', async () => {
      const w = await world();
      const id = await add(w, { ...approver('alice'), amount: { value: '5000' } });
      await ok(act(w, w.d.member, id, 'Submit', { assignee: 'alice' }));
      await ok(act(w, w.p.alice, id, 'Approve'));
      expect(await read(w, id)).toMatchObject({ status: 'Sign-off', assignees: ['alice', 'bob'], revision: '5' });
      // Alice's own step: one revision, she is done, the record waits for Bob.
      expect(await ok(act(w, w.p.alice, id, 'Sign'))).toEqual({ revision: '6' });
      expect(await read(w, id)).toMatchObject({ status: 'Sign-off', assignees: ['bob'] });
      expect(await refused(act(w, w.p.alice, id, 'Sign'))).toEqual([403, 'GAIA_NT01']);
      expect(await ok(act(w, w.p.bob, id, 'Sign'))).toEqual({ revision: '8' });
      // Sales: anyone of the department and the ones below it (Dave is in East).
      expect(await read(w, id)).toMatchObject({ status: 'Sales', assignees: ['dave'] });
      await ok(act(w, w.p.dave, id, 'Close'));
      expect(await read(w, id)).toMatchObject({ status: 'Done', assignees: [] });
      // Nobody assigned: whoever may see the record may act. Team takes the department field's
      // users (with sub-departments) and the app's creator.
      await ok(w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.d.member, payload: { app: w.app, id, record: { team: { value: [{ code: 'sales' }] } } } }));
      await ok(act(w, w.p.erin, id, 'Hand over'));
      expect(await read(w, id)).toMatchObject({ status: 'Team', assignees: ['dave', 'admin'] });
    });

    it('lets the users of a SECONDARY action run it whether or not they are assignees, and nobody else', async () => {
      const w = await world();
      const id = await add(w, approver('alice'));
      await ok(act(w, w.d.member, id, 'Submit', { assignee: 'alice' }));
      expect(await refused(act(w, w.p.bob, id, 'Withdraw', { assignee: 'member' }))).toEqual([403, 'GAIA_NT01']);
      // Alice is the assignee but not named by Withdraw.
      expect(await refused(act(w, w.p.alice, id, 'Withdraw', { assignee: 'member' }))).toEqual([403, 'GAIA_NT01']);
      await ok(act(w, w.p.carol, id, 'Withdraw', { assignee: 'member' }));
      expect(await read(w, id)).toMatchObject({ status: 'Draft', assignees: ['member'] });
      // The creator is named through the Created_by field.
      await ok(act(w, w.d.member, id, 'Submit', { assignee: 'alice' }));
      await ok(act(w, w.d.member, id, 'Withdraw', { assignee: 'member' }));
    });

    it('refuses an assignee where the next status leaves nobody to choose', async () => {
      const w = await world();
      const id = await add(w, { ...approver('alice'), amount: { value: '5' } });
      await ok(act(w, w.d.member, id, 'Submit', { assignee: 'alice' }));
      expect(await refused(act(w, w.p.alice, id, 'Accept', { assignee: 'bob' }))).toEqual([400, 'GAIA_SA04']);
      // The old SDK sends "" for no assignee.
      await ok(act(w, w.p.alice, id, 'Accept', { assignee: '' }));
    });

    it('stamps the record with who moved it and when, and keeps its values', async () => {
      const w = await world();
      const id = await add(w, { ...approver('alice'), title: { value: 'Keep me' } });
      h.clock.advance(60_000);
      try {
        await ok(act(w, w.d.member, id, 'Submit', { assignee: 'alice' }));
        h.clock.advance(60_000);
        await ok(act(w, w.p.carol, id, 'Withdraw', { assignee: 'member' }));
        const { record } = await read(w, id);
        expect(record.Updated_by.value).toEqual({ code: 'carol', name: 'carol' });
        expect(record.Updated_datetime.value).toBe('2026-04-01T00:02:00Z');
        expect(record.Created_by.value).toEqual({ code: 'member', name: 'member' });
        expect(record.title.value).toBe('Keep me');
      } finally {
        h.clock.advance(-120_000);
      }
    });

    it('answers GAIA_CO02 for a stale revision and GAIA_RE01 for a record that is not there', async () => {
      const w = await world();
      const id = await add(w, approver('alice'));
      expect(await refused(act(w, w.d.member, id, 'Submit', { assignee: 'alice', revision: 7 }))).toEqual([409, 'GAIA_CO02']);
      expect(await refused(act(w, w.d.member, 999, 'Submit', { assignee: 'alice' }))).toEqual([404, 'GAIA_RE01']);
    });

    it('answers GAIA_ST02 while process management is off', async () => {
      const w = await world({ ...FLOW, enable: false });
      const id = await add(w, {});
      expect(await refused(act(w, w.d.member, id, 'Submit'))).toEqual([400, 'GAIA_ST02']);
      expect(await refused(w.d.request({ method: 'PUT', url: '/k/v1/record/assignees.json', as: w.d.admin, payload: { app: w.app, id, assignees: [] } }))).toEqual([
        400,
        'GAIA_ST02',
      ]);
    });
  });

  describe('records the caller may not see (R13)', () => {
    it('answers a record outside the caller’s record permissions as missing, and refuses a condition that fails', async () => {
      const w = await world();
      const hidden = await add(w, { ...approver('alice'), title: { value: 'secret' } });
      const acl = await w.d.request({
        method: 'PUT',
        url: '/k/v1/record/acl.json',
        as: w.d.admin,
        payload: {
          app: w.app,
          rights: [
            { filterCond: 'title = "secret"', entities: [{ entity: { type: 'USER', code: 'member' }, viewable: true, editable: true }] },
            { filterCond: '', entities: [{ entity: { type: 'GROUP', code: 'everyone' }, viewable: true, editable: true }] },
          ],
        },
      });
      expect(acl.statusCode, acl.body).toBe(200);
      await ok(act(w, w.d.member, hidden, 'Submit', { assignee: 'alice' }));
      // Alice is the assignee, but she may not see the record: it is not there for her.
      expect(await refused(act(w, w.p.alice, hidden, 'Approve'))).toEqual([404, 'GAIA_RE01']);
      expect(await refused(act(w, w.p.alice, 424242, 'Approve'))).toEqual([404, 'GAIA_RE01']);
      // A SECONDARY user with no view right either.
      expect(await refused(act(w, w.p.carol, hidden, 'Withdraw', { assignee: 'member' }))).toEqual([404, 'GAIA_RE01']);
    });
  });

  describe('several records at once', () => {
    it('moves them all or none', async () => {
      const w = await world();
      const a = await add(w, approver('alice'));
      const b = await add(w, approver('bob'));
      const put = (records: unknown[]) => w.d.request({ method: 'PUT', url: '/k/v1/records/status.json', as: w.d.member, payload: { app: w.app, records } });
      const bad = await put([
        { id: a, action: 'Submit', assignee: 'alice' },
        { id: b, action: 'Submit', assignee: 'alice' },
      ]);
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'CB_VA01', errors: { 'records[1].assignee': { messages: ['The specified user is not an assignee candidate of the next status.'] } } });
      expect((await read(w, a)).status).toBe('Draft');
      const done = await ok(put([
        { id: a, action: 'Submit', assignee: 'alice' },
        { id: b, action: 'Submit', assignee: 'bob', revision: '1' },
      ]));
      expect(done).toEqual({ records: [{ id: String(a), revision: '3' }, { id: String(b), revision: '3' }] });
      expect(await refused(put(Array.from({ length: 101 }, () => ({ id: a, action: 'Submit' }))))).toEqual([400, 'CB_VA01']);
    });

    it('runs status changes inside bulkRequest with other record writes', async () => {
      const w = await world();
      const a = await add(w, approver('alice'));
      const res = await w.d.request({
        method: 'POST',
        url: '/k/v1/bulkRequest.json',
        as: w.d.member,
        payload: {
          requests: [
            { method: 'PUT', api: '/k/v1/record.json', payload: { app: w.app, id: a, record: { title: { value: 'ready' } } } },
            { method: 'PUT', api: '/k/v1/record/status.json', payload: { app: w.app, id: a, action: 'Submit', assignee: 'alice', revision: 2 } },
            { method: 'PUT', api: '/k/v1/records/status.json', payload: { app: w.app, records: [{ id: a, action: 'Withdraw', assignee: 'member' }] } },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().results).toEqual([{ revision: '2' }, { revision: '4' }, { records: [{ id: String(a), revision: '6' }] }]);
      expect(await read(w, a)).toMatchObject({ status: 'Draft', revision: '6' });
      // One failing sub-request undoes the others.
      const failed = await w.d.request({
        method: 'POST',
        url: '/k/v1/bulkRequest.json',
        as: w.d.member,
        payload: {
          requests: [
            { method: 'PUT', api: '/k/v1/record/status.json', payload: { app: w.app, id: a, action: 'Submit', assignee: 'alice' } },
            { method: 'PUT', api: '/k/v1/record/assignees.json', payload: { app: w.app, id: a, assignees: ['bob'] } },
          ],
        },
      });
      expect(failed.statusCode).toBe(403);
      expect(failed.json().results).toEqual([{}, expect.objectContaining({ code: 'CB_NO02' })]);
      expect((await read(w, a)).status).toBe('Draft');
    });
  });

  describe('changing assignees', () => {
    it('is for app managers: any active users, one for a ONE status, none to open the record to everyone', async () => {
      const w = await world();
      const id = await add(w, approver('alice'));
      const set = (assignees: string[], as: Persona = w.d.admin, revision?: number) =>
        w.d.request({ method: 'PUT', url: '/k/v1/record/assignees.json', as, payload: { app: w.app, id, assignees, revision } });
      expect(await refused(set(['bob'], w.d.member))).toEqual([403, 'CB_NO02']);
      expect(await refused(set(['alice', 'bob']))).toEqual([400, 'CB_VA01']);
      expect(await refused(set(['nobody']))).toEqual([400, 'GAIA_IL26']);
      expect(await refused(set(['bob'], w.d.admin, 5))).toEqual([409, 'GAIA_CO02']);
      expect(await ok(set(['Bob'], w.d.admin, 1))).toEqual({ revision: '2' });
      expect(await read(w, id)).toMatchObject({ status: 'Draft', assignees: ['bob'] });
      expect(await refused(act(w, w.d.member, id, 'Submit', { assignee: 'alice' }))).toEqual([403, 'GAIA_NT01']);
      await ok(set([]));
      await ok(act(w, w.p.erin, id, 'Submit', { assignee: 'alice' }));
      expect(await read(w, id)).toMatchObject({ status: 'Review', assignees: ['alice'], revision: '5' });
    });
  });

  describe('status and assignee in records', () => {
    it('cannot be written through record POST or PUT: they are ignored', async () => {
      const w = await world();
      const id = await add(w, { Status: { value: 'Done' }, Assignee: { value: [{ code: 'bob' }] } });
      expect(await read(w, id)).toMatchObject({ status: 'Draft', assignees: ['member'] });
      await ok(w.d.request({ method: 'PUT', url: '/k/v1/record.json', as: w.d.member, payload: { app: w.app, id, record: { Status: { value: 'Done' }, Assignee: { value: [] } } } }));
      expect(await read(w, id)).toMatchObject({ status: 'Draft', assignees: ['member'] });
    });

    it('is found by the query language: status and assignee, LOGINUSER() included', async () => {
      const w = await world();
      const a = await add(w, approver('alice'));
      const b = await add(w, approver('bob'));
      await add(w, approver('alice'), w.p.carol);
      await ok(act(w, w.d.member, a, 'Submit', { assignee: 'alice' }));
      await ok(act(w, w.d.member, b, 'Submit', { assignee: 'bob' }));
      const ids = async (query: string, as: Persona) => {
        const res = await ok(w.d.request({ method: 'GET', url: `/k/v1/records.json?app=${w.app}&query=${encodeURIComponent(query)}`, as }));
        return res.records.map((r: { $id: { value: string } }) => Number(r.$id.value)).sort((x: number, y: number) => x - y);
      };
      expect(await ids('Assignee in (LOGINUSER())', w.p.alice)).toEqual([a]);
      expect(await ids('Assignee in (LOGINUSER())', w.p.carol)).toHaveLength(1);
      expect(await ids('Assignee in ("bob")', w.d.admin)).toEqual([b]);
      expect(await ids('Status in ("Review") order by Status asc', w.d.admin)).toEqual([a, b]);
      expect(await ids('Status = "Draft"', w.d.admin)).toHaveLength(1);
      expect(await ids('Status not in ("Draft") and Assignee not in ("alice")', w.d.admin)).toEqual([b]);
      // A status the app does not have is refused like an option a drop-down does not have.
      const unknown = await w.d.request({ method: 'GET', url: `/k/v1/records.json?app=${w.app}&query=${encodeURIComponent('Status in ("Nope")')}`, as: w.d.admin });
      expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'GAIA_IQ10']);
    });
  });
});
