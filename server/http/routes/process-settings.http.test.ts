// Process management settings (app/status.json): what a new app answers, turning it on and off,
// editing states and actions in preview with kintone's rules, and what deploy does to records —
// the first status for records that have none, renamed states followed, occupied states kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
  approver: { type: 'USER_SELECT', code: 'approver', label: 'Approver' },
  notes: { type: 'MULTI_LINE_TEXT', code: 'notes', label: 'Notes' },
};

const creator = { entity: { type: 'FIELD_ENTITY', code: 'Created_by' } };

/** A three-step flow: Draft (the creator), Review (the approver field), Done. */
const FLOW = {
  enable: true,
  states: {
    Draft: { name: 'Draft', index: 0, assignee: { type: 'ONE', entities: [creator] } },
    Review: { name: 'Review', index: 1, assignee: { type: 'ONE', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'approver' } }] } },
    Done: { name: 'Done', index: 2, assignee: { type: 'ONE', entities: [] } },
  },
  actions: [
    { name: 'Submit', from: 'Draft', to: 'Review', filterCond: '' },
    { name: 'Approve', from: 'Review', to: 'Done', filterCond: 'amount < 1000', type: 'PRIMARY' },
  ],
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function world() {
    const d = await newDomain(h);
    const app = await deployedApp(d, FIELDS);
    return { d, app };
  }

  const put = (d: TestDomain, app: number, body: Record<string, unknown>, as: Persona = d.admin) =>
    d.request({ method: 'PUT', url: '/k/v1/preview/app/status.json', as, payload: { app, ...body } });
  const get = async (d: TestDomain, app: number, stage: 'live' | 'preview', as: Persona = d.admin) => {
    const res = await d.request({ method: 'GET', url: `/k/v1/${stage === 'live' ? '' : 'preview/'}app/status.json?app=${app}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const deploy = async (d: TestDomain, app: number) => {
    const res = await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const record = async (d: TestDomain, app: number, id: string | number, as: Persona = d.admin) => {
    const res = await d.request({ method: 'GET', url: `/k/v1/record.json?app=${app}&id=${id}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().record;
  };
  const add = async (d: TestDomain, app: number, record: Record<string, unknown> = {}, as: Persona = d.admin) => {
    const res = await d.request({ method: 'POST', url: '/k/v1/record.json', as, payload: { app, record } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };
  const errorsOf = (res: { statusCode: number; json(): any; body: string }) => {
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('CB_VA01');
    return Object.keys(res.json().errors).sort();
  };

  describe('reading', () => {
    it('answers a new app with process management off and nothing configured', async () => {
      const { d, app } = await world();
      const live = await get(d, app, 'live');
      expect(live).toEqual({ enable: false, states: null, actions: null, revision: expect.any(String) });
      expect(await get(d, app, 'preview')).toEqual({ ...live, revision: expect.any(String) });
      // Whoever reads the app reads the live settings; only managers read preview.
      expect((await d.request({ method: 'GET', url: `/k/v1/app/status.json?app=${app}`, as: d.member })).statusCode).toBe(200);
      const preview = await d.request({ method: 'GET', url: `/k/v1/preview/app/status.json?app=${app}`, as: d.member });
      expect([preview.statusCode, preview.json().code]).toEqual([403, 'CB_NO02']);
      const missing = await d.request({ method: 'GET', url: `/k/v1/app/status.json?app=99999`, as: d.admin });
      expect([missing.statusCode, missing.json().code]).toEqual([404, 'GAIA_AP01']);
    });
  });

  describe('saving', () => {
    it('turns process management on with kintone’s starting flow, in preview until deployed', async () => {
      const { d, app } = await world();
      const res = await put(d, app, { enable: true });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ revision: expect.stringMatching(/^\d+$/) });
      const none = { type: 'ONE', entities: [] };
      expect(await get(d, app, 'preview')).toEqual({
        enable: true,
        states: {
          'Not started': { name: 'Not started', index: '0', assignee: none },
          'In progress': { name: 'In progress', index: '1', assignee: none },
          Completed: { name: 'Completed', index: '2', assignee: none },
        },
        actions: [
          { name: 'Start', from: 'Not started', to: 'In progress', filterCond: '', type: 'PRIMARY' },
          { name: 'Complete', from: 'In progress', to: 'Completed', filterCond: '', type: 'PRIMARY' },
        ],
        revision: res.json().revision,
      });
      expect((await get(d, app, 'live')).enable).toBe(false);
      // The status and assignee fields switch on with it.
      const fields = await d.request({ method: 'GET', url: `/k/v1/preview/app/form/fields.json?app=${app}`, as: d.admin });
      expect(fields.json().properties.Status).toEqual({ type: 'STATUS', code: 'Status', label: 'Status', enabled: true });
      expect(fields.json().properties.Assignee).toEqual({ type: 'STATUS_ASSIGNEE', code: 'Assignee', label: 'Assignee', enabled: true });
      await deploy(d, app);
      expect((await get(d, app, 'live')).enable).toBe(true);
    });

    it('stores states, assignees and actions as sent, and answers them in kintone’s shape', async () => {
      const { d, app } = await world();
      await d.addUser('alice');
      const res = await put(d, app, {
        ...FLOW,
        actions: [
          ...FLOW.actions,
          { name: 'Withdraw', from: 'Review', to: 'Draft', type: 'SECONDARY', executableUser: { entities: [{ entity: { type: 'USER', code: 'alice' } }] } },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      const got = await get(d, app, 'preview');
      expect(got.states.Draft).toEqual({ name: 'Draft', index: '0', assignee: { type: 'ONE', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'Created_by' }, includeSubs: false }] } });
      expect(got.actions).toEqual([
        { name: 'Submit', from: 'Draft', to: 'Review', filterCond: '', type: 'PRIMARY' },
        { name: 'Approve', from: 'Review', to: 'Done', filterCond: 'amount < 1000', type: 'PRIMARY' },
        {
          name: 'Withdraw',
          from: 'Review',
          to: 'Draft',
          filterCond: '',
          type: 'SECONDARY',
          executableUser: { entities: [{ entity: { type: 'USER', code: 'alice' }, includeSubs: false }] },
        },
      ]);
      // Left out: kept. `enable` alone switches without touching the flow.
      expect((await put(d, app, { enable: false })).statusCode).toBe(200);
      const off = await get(d, app, 'preview');
      expect(off).toEqual({ ...got, enable: false, revision: off.revision });
    });

    it('renames, reorders, adds and deletes states by the name they have, and actions follow a rename', async () => {
      const { d, app } = await world();
      expect((await put(d, app, FLOW)).statusCode).toBe(200);
      const res = await put(d, app, {
        states: {
          Draft: { name: 'Open', index: 0 },
          Done: { index: 5 },
          Checked: { name: 'Checked', index: 3, assignee: { type: 'ANY', entities: [{ entity: { type: 'CREATOR' } }] } },
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      const got = await get(d, app, 'preview');
      expect(Object.keys(got.states)).toEqual(['Open', 'Checked', 'Done']);
      // A renamed state keeps its assignees; a new one with assignees keeps them as sent.
      expect(got.states.Open.assignee.entities).toEqual([{ entity: { type: 'FIELD_ENTITY', code: 'Created_by' }, includeSubs: false }]);
      expect(got.states.Checked.assignee).toEqual({ type: 'ANY', entities: [{ entity: { type: 'CREATOR', code: null }, includeSubs: false }] });
      // Review is gone, and with it every action to or from it.
      expect(got.actions).toEqual([]);
      // A new state sent without assignees gets "the creator", as kintone does.
      expect((await put(d, app, { states: { ...got.states, Later: { name: 'Later', index: 9 } } })).statusCode).toBe(200);
      expect((await get(d, app, 'preview')).states.Later.assignee).toEqual({ type: 'ONE', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'Created_by' }, includeSubs: false }] });
    });

    it('follows renamed fields in assignees', async () => {
      const { d, app } = await world();
      expect((await put(d, app, FLOW)).statusCode).toBe(200);
      const renamed = await d.request({
        method: 'PUT',
        url: '/k/v1/preview/app/form/fields.json',
        as: d.admin,
        payload: { app, properties: { approver: { code: 'boss' }, Created_by: { code: 'Author' } } },
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      const got = await get(d, app, 'preview');
      expect(got.states.Review.assignee.entities).toEqual([{ entity: { type: 'FIELD_ENTITY', code: 'boss' }, includeSubs: false }]);
      expect(got.states.Draft.assignee.entities).toEqual([{ entity: { type: 'FIELD_ENTITY', code: 'Author' }, includeSubs: false }]);
    });

    it('refuses broken settings naming every problem, and saves nothing', async () => {
      const { d, app } = await world();
      expect((await put(d, app, FLOW)).statusCode).toBe(200);
      const before = await get(d, app, 'preview');
      const res = await put(d, app, {
        states: {
          Draft: { name: 'x'.repeat(65), index: 0, assignee: { type: 'ALL', entities: [creator] } },
          Review: { index: 1, assignee: { type: 'ONE', entities: [{ entity: { type: 'USER', code: 'nobody' } }, { entity: { type: 'FIELD_ENTITY', code: 'title' } }] } },
          New: { name: 'Other', index: 1 },
          Extra: { name: 'Extra', index: 2, assignee: { type: 'ANY', entities: [{ entity: { type: 'CUSTOM_FIELD', code: 'boss' } }, { entity: { type: 'FIELD_ENTITY', code: 'gone' } }] } },
        },
        actions: [
          { name: 'Go', from: 'Nowhere', to: 'Review', filterCond: 'notes like "x"' },
          { name: 'Back', from: 'Review', to: 'Extra', filterCond: 'missing = 1' },
          { name: 'Odd', from: 'Review', to: 'Extra', type: 'SECONDARY' },
          { name: 'Bad', from: 'Review', to: 'Gone', filterCond: 'amount >' },
        ],
      });
      expect(errorsOf(res)).toEqual(
        [
          'states.Draft.name',
          'states.Draft.assignee',
          'states.Review.assignee.entities[0].entity.code',
          'states.Review.assignee.entities[1].entity.code',
          'states.New.name',
          'states.New.index',
          'states.Extra.assignee.entities[0].entity.type',
          'states.Extra.assignee.entities[1].entity.code',
          'actions[0].from',
          'actions[0].filterCond',
          'actions[1].filterCond',
          'actions[2].executableUser',
          'actions[3].to',
          'actions[3].filterCond',
        ].sort(),
      );
      expect(res.json().errors['states.Draft.name'].messages).toEqual(['Enter less than 65 characters.']);
      expect(res.json().errors['states.Draft.assignee'].messages).toEqual(['The first status can have no assignee or the record creator (type ONE) only.']);
      expect(await get(d, app, 'preview')).toEqual(before);
    });

    it('keeps the first status: it can be renamed, not replaced by a new one', async () => {
      const { d, app } = await world();
      expect((await put(d, app, FLOW)).statusCode).toBe(200);
      const res = await put(d, app, { states: { Start: { name: 'Start', index: 0, assignee: { type: 'ONE', entities: [] } }, Review: { index: 1 }, Done: { index: 2 } } });
      expect(errorsOf(res)).toEqual(['states.Start']);
      // Moving an existing state to the front is a reorder, not a new first status.
      expect((await put(d, app, { states: { Done: { index: 0 }, Draft: { index: 1 }, Review: { index: 2 } } })).statusCode).toBe(200);
    });

    it('needs the right to manage the app and a current revision', async () => {
      const { d, app } = await world();
      const refused = await put(d, app, FLOW, d.member);
      expect([refused.statusCode, refused.json().code]).toEqual([403, 'CB_NO02']);
      const stale = await put(d, app, { ...FLOW, revision: 1 });
      expect([stale.statusCode, stale.json().code]).toEqual([409, 'GAIA_CO02']);
      const current = (await get(d, app, 'preview')).revision;
      expect((await put(d, app, { ...FLOW, revision: current })).statusCode).toBe(200);
    });
  });

  describe('deploying', () => {
    it('gives existing records the first status and its assignees, and new ones start there too', async () => {
      const { d, app } = await world();
      const old = await add(d, app, { title: { value: 'before' } }, d.member);
      // Off: no status in records.
      expect((await record(d, app, old)).Status).toBeUndefined();
      expect((await put(d, app, FLOW)).statusCode).toBe(200);
      await deploy(d, app);
      const r = await record(d, app, old);
      expect(r.Status).toEqual({ type: 'STATUS', value: 'Draft' });
      expect(r.Assignee).toEqual({ type: 'STATUS_ASSIGNEE', value: [{ code: 'member', name: 'member' }] });
      // The record itself was not edited.
      expect(r.$revision.value).toBe('1');
      const fresh = await record(d, app, await add(d, app, { title: { value: 'after' } }));
      expect(fresh.Status.value).toBe('Draft');
      expect(fresh.Assignee.value).toEqual([{ code: 'admin', name: 'admin' }]);
    });

    it('hides statuses while off and brings each record back to its status when on again', async () => {
      const { d, app } = await world();
      expect((await put(d, app, FLOW)).statusCode).toBe(200);
      await deploy(d, app);
      const id = await add(d, app, { approver: { value: [{ code: 'member' }] } });
      const moved = await d.request({ method: 'PUT', url: '/k/v1/record/status.json', as: d.admin, payload: { app, id, action: 'Submit', assignee: 'member' } });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await put(d, app, { enable: false })).statusCode).toBe(200);
      await deploy(d, app);
      const off = await record(d, app, id);
      expect(off.Status).toBeUndefined();
      expect(off.Assignee).toBeUndefined();
      const refused = await d.request({ method: 'PUT', url: '/k/v1/record/status.json', as: d.member, payload: { app, id, action: 'Approve' } });
      expect([refused.statusCode, refused.json().code]).toEqual([400, 'GAIA_ST02']);
      // Queries naming the status or the assignees are refused too, as kintone does.
      for (const query of ['Status in ("Review")', 'Assignee in (LOGINUSER())', 'order by Status asc']) {
        const q = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent(query)}`, as: d.admin });
        expect([q.statusCode, q.json().code], query).toEqual([400, 'GAIA_ST02']);
      }
      const made = await add(d, app);
      expect((await put(d, app, { enable: true })).statusCode).toBe(200);
      await deploy(d, app);
      expect((await record(d, app, id)).Status.value).toBe('Review');
      expect((await record(d, app, id)).Assignee.value).toEqual([{ code: 'member', name: 'member' }]);
      // Made while off: it starts now.
      expect((await record(d, app, made)).Status.value).toBe('Draft');
    });

    it('renames the records of a renamed status, and refuses to delete a status that holds records', async () => {
      const { d, app } = await world();
      expect((await put(d, app, FLOW)).statusCode).toBe(200);
      await deploy(d, app);
      const id = await add(d, app);
      const empty = { type: 'ONE', entities: [] };
      expect(errorsOf(await put(d, app, { states: { Review: { index: 1, assignee: empty }, Done: { index: 2 } } }))).toEqual(['states.Draft']);
      // Swapping two names moves each record once.
      expect((await put(d, app, { states: { Draft: { name: 'Done', index: 0 }, Review: { index: 1 }, Done: { name: 'Draft', index: 2 } } })).statusCode).toBe(200);
      await deploy(d, app);
      expect((await record(d, app, id)).Status.value).toBe('Done');
      const query = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('Status in ("Done")')}`, as: d.admin });
      expect(query.json().records.map((r: { $id: { value: string } }) => r.$id.value)).toEqual([id]);
      // Done (formerly Draft) holds the record; Review holds none and may go.
      expect(errorsOf(await put(d, app, { states: { Review: { index: 0, assignee: empty }, Draft: { index: 1 } } }))).toEqual(['states.Done']);
      expect((await put(d, app, { states: { Done: { index: 0 }, Draft: { index: 2 } } })).statusCode).toBe(200);
      await deploy(d, app);
      expect((await get(d, app, 'live')).states).toEqual({
        Done: { name: 'Done', index: '0', assignee: { type: 'ONE', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'Created_by' }, includeSubs: false }] } },
        Draft: { name: 'Draft', index: '2', assignee: { type: 'ONE', entities: [] } },
      });
    });
  });
});
