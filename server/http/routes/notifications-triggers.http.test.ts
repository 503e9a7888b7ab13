// Per-record notifications (a saved record comes to meet a condition) and process management
// (status changes, assignments): who hears of them, when, and when not again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
  key: { type: 'SINGLE_LINE_TEXT', code: 'key', label: 'Key', unique: true },
  approver: { type: 'USER_SELECT', code: 'approver', label: 'Approver' },
};

interface Note {
  kind: string;
  toMe: boolean;
  record: { id: string; title: string } | null;
  status?: { action: string; from: string; to: string };
  title?: string;
  summary: string;
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  interface World {
    d: TestDomain;
    app: number;
    alice: Persona;
    bob: Persona;
  }

  async function world(settings: { perRecord?: unknown[]; general?: unknown[]; process?: unknown } = {}): Promise<World> {
    const d = await newDomain(h);
    const alice = await d.addUser('alice');
    const bob = await d.addUser('bob');
    const app = await deployedApp(d, FIELDS);
    const put = async (url: string, payload: Record<string, unknown>) => {
      const res = await d.request({ method: 'PUT', url, as: d.admin, payload: { app, ...payload } });
      expect(res.statusCode, res.body).toBe(200);
    };
    if (settings.perRecord) await put('/k/v1/preview/app/notifications/perRecord.json', { notifications: settings.perRecord });
    if (settings.general) await put('/k/v1/preview/app/notifications/general.json', { notifications: settings.general });
    if (settings.process) await put('/k/v1/preview/app/status.json', settings.process as Record<string, unknown>);
    await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
    return { d, app, alice, bob };
  }

  async function notes(w: World, who: Persona): Promise<Note[]> {
    const res = await w.d.request({ method: 'GET', url: '/v1/notifications.json?limit=100', as: who });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().notifications;
  }

  async function write(w: World, method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>, as: Persona = w.d.member) {
    const res = await w.d.request({ method, url, as, payload: { app: w.app, ...payload } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  describe('per-record notifications', () => {
    const big = { filterCond: 'amount >= 1000', title: 'Big deal', targets: [{ entity: { type: 'FIELD_ENTITY', code: 'approver' } }, { entity: { type: 'USER', code: 'bob' } }] };

    it('fire when a record is added meeting the condition, "To me" for every target', async () => {
      const w = await world({ perRecord: [big] });
      await write(w, 'POST', '/k/v1/records.json', {
        records: [
          { title: { value: 'small' }, amount: { value: 10 }, approver: { value: [{ code: 'alice' }] } },
          { title: { value: 'large' }, amount: { value: 5000 }, approver: { value: [{ code: 'alice' }] } },
        ],
      });
      for (const who of [w.alice, w.bob]) {
        expect((await notes(w, who)).map((n) => [n.kind, n.toMe, n.title, n.record?.title, n.summary])).toEqual([['perRecord', true, 'Big deal', 'large', 'Big deal: large']]);
      }
    });

    it('fire when an edit makes a record meet it, not again while it keeps meeting it, and again after it stopped', async () => {
      const w = await world({ perRecord: [big] });
      const { id } = await write(w, 'POST', '/k/v1/record.json', { record: { title: { value: 'deal' }, amount: { value: 10 } } });
      const edit = (amount: number) => write(w, 'PUT', '/k/v1/record.json', { id, record: { amount: { value: amount } } });
      await edit(2000);
      expect(await notes(w, w.bob)).toHaveLength(1);
      await edit(3000);
      expect(await notes(w, w.bob)).toHaveLength(1);
      await edit(5);
      await edit(4000);
      expect(await notes(w, w.bob)).toHaveLength(2);
    });

    it('fire for records an upsert inserts or changes, and count fields the writer may not see', async () => {
      const w = await world({ perRecord: [{ ...big, filterCond: 'title like "urgent" and amount > 0' }] });
      await w.d.request({
        method: 'PUT',
        url: '/k/v1/field/acl.json',
        as: w.d.admin,
        payload: { app: w.app, rights: [{ code: 'title', entities: [{ accessibility: 'NONE', entity: { type: 'USER', code: 'member' } }, { accessibility: 'WRITE', entity: { type: 'GROUP', code: 'everyone' } }] }] },
      });
      await write(w, 'POST', '/k/v1/record.json', { record: { key: { value: 'k1' }, title: { value: 'not yet' }, amount: { value: 1 } } }, w.d.admin);
      await write(w, 'PUT', '/k/v1/records.json', {
        upsert: true,
        records: [
          { updateKey: { field: 'key', value: 'k1' }, record: { title: { value: 'now urgent' } } },
          { updateKey: { field: 'key', value: 'k2' }, record: { title: { value: 'urgent too' }, amount: { value: 1 } } },
        ],
      }, w.d.admin);
      expect((await notes(w, w.bob)).map((n) => n.record?.title).sort()).toEqual(['now urgent', 'urgent too']);
      // member may not see the title, yet its edit of the amount brings a record to the condition.
      await write(w, 'POST', '/k/v1/record.json', { record: { key: { value: 'k3' }, title: { value: 'urgent later' }, amount: { value: 0 } } }, w.d.admin);
      const k3 = (await w.d.request({ method: 'GET', url: `/k/v1/records.json?app=${w.app}&query=${encodeURIComponent('key = "k3"')}`, as: w.d.admin })).json().records[0].$id.value;
      await write(w, 'PUT', '/k/v1/record.json', { id: k3, record: { amount: { value: 9 } } });
      expect(await notes(w, w.bob)).toHaveLength(3);
    });
  });

  describe('process management', () => {
    const approver = { entity: { type: 'FIELD_ENTITY', code: 'approver' }, includeSubs: false };
    const flow = {
      enable: true,
      states: {
        Draft: { name: 'Draft', index: 0, assignee: { type: 'ONE', entities: [] } },
        Review: { name: 'Review', index: 1, assignee: { type: 'ONE', entities: [approver] } },
        Done: { name: 'Done', index: 2, assignee: { type: 'ONE', entities: [] } },
      },
      actions: [
        { name: 'Submit', from: 'Draft', to: 'Review' },
        { name: 'Approve', from: 'Review', to: 'Done' },
      ],
    };

    it('tells the new assignee "To me", the status watchers in "All", and per-record conditions on the status', async () => {
      const w = await world({
        process: flow,
        general: [{ entity: { type: 'USER', code: 'bob' }, statusChanged: true }],
        perRecord: [{ filterCond: 'Status in ("Done")', title: 'Finished', targets: [{ entity: { type: 'FIELD_ENTITY', code: 'Created_by' } }] }],
      });
      const { id } = await write(w, 'POST', '/k/v1/record.json', { record: { title: { value: 'Expense' }, approver: { value: [{ code: 'alice' }] } } });
      await write(w, 'PUT', '/k/v1/record/status.json', { id, action: 'Submit', assignee: 'alice' });
      expect((await notes(w, w.alice)).map((n) => [n.kind, n.toMe, n.status?.to, n.summary])).toEqual([['assigned', true, 'Review', 'You were assigned: Expense (Review)']]);
      expect((await notes(w, w.bob)).map((n) => [n.kind, n.toMe, n.status])).toEqual([['statusChanged', false, { action: 'Submit', from: 'Draft', to: 'Review' }]]);
      expect(await notes(w, w.d.member)).toEqual([]);
      await write(w, 'PUT', '/k/v1/record/status.json', { id, action: 'Approve' }, w.alice);
      expect((await notes(w, w.d.member)).map((n) => [n.kind, n.title])).toEqual([['perRecord', 'Finished']]);
      expect((await notes(w, w.bob)).map((n) => n.summary)).toEqual(['alice changed the status: Expense (Review → Done)', 'member changed the status: Expense (Draft → Review)']);
    });

    it('tells users an app manager assigns', async () => {
      const w = await world({ process: flow });
      const { id } = await write(w, 'POST', '/k/v1/record.json', { record: { title: { value: 'Task' } } });
      for (const who of ['alice', 'bob', 'bob', 'member']) await write(w, 'PUT', '/k/v1/record/assignees.json', { id, assignees: [who] }, w.d.admin);
      expect((await notes(w, w.alice)).map((n) => n.kind)).toEqual(['assigned']);
      // Kept on as assignee: told once.
      expect((await notes(w, w.bob)).map((n) => n.kind)).toEqual(['assigned']);
      expect((await notes(w, w.d.member)).map((n) => [n.kind, n.toMe, n.status?.to])).toEqual([['assigned', true, 'Draft']]);
    });
  });
});
