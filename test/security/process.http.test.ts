// Hostile probes on process management (spec/security.md §3.4 R13): acting without being the
// assignee, an action whose condition fails, a non-manager setting assignees, the status of a
// record one may not read — and the same ids from another domain. A refused call changes nothing.
//
// kintone answers a non-assignee with 403 GAIA_NT01 ("Only Assignee can change the status."),
// which clients see; Engawa follows it rather than the catalogue's CB_NO02 (same status).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../support/app.js';
import { deployedApp } from '../support/apps.js';
import { eachDatabase } from '../support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: 'Title' },
  amount: { type: 'NUMBER', code: 'amount', label: 'Amount' },
};

const FLOW = {
  enable: true,
  states: {
    Open: { name: 'Open', index: 0, assignee: { type: 'ONE', entities: [{ entity: { type: 'FIELD_ENTITY', code: 'Created_by' } }] } },
    Closed: { name: 'Closed', index: 1, assignee: { type: 'ONE', entities: [] } },
  },
  actions: [{ name: 'Close', from: 'Open', to: 'Closed', filterCond: 'amount < 100' }],
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function ok(d: TestDomain, as: Persona, method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>) {
    const res = await d.request({ method, url, as, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  /** An app where the member's records are hidden from everyone else but the administrator. */
  async function world() {
    const d = await newDomain(h);
    const mallory = await d.addUser('mallory');
    const app = await deployedApp(d, FIELDS);
    await ok(d, d.admin, 'PUT', '/k/v1/preview/app/status.json', { app, ...FLOW });
    await ok(d, d.admin, 'POST', '/k/v1/preview/app/deploy.json', { apps: [{ app }] });
    await ok(d, d.admin, 'PUT', '/k/v1/record/acl.json', {
      app,
      rights: [
        {
          filterCond: 'title = "private"',
          entities: [
            { entity: { type: 'FIELD_ENTITY', code: 'Created_by' }, viewable: true, editable: true },
            { entity: { type: 'USER', code: 'admin' }, viewable: true, editable: true },
          ],
        },
        { filterCond: '', entities: [{ entity: { type: 'GROUP', code: 'everyone' }, viewable: true, editable: true }] },
      ],
    });
    const open = Number((await ok(d, d.member, 'POST', '/k/v1/record.json', { app, record: { amount: { value: '5' } } })).id);
    const big = Number((await ok(d, d.member, 'POST', '/k/v1/record.json', { app, record: { amount: { value: '500' } } })).id);
    const hidden = Number((await ok(d, d.member, 'POST', '/k/v1/record.json', { app, record: { title: { value: 'private' }, amount: { value: '5' } } })).id);
    return { d, app, mallory, open, big, hidden };
  }

  const code = async (res: Promise<{ statusCode: number; json(): any }>) => {
    const r = await res;
    return [r.statusCode, r.json().code];
  };

  describe('R13', () => {
    it('refuses a non-assignee, a failing condition, a non-manager’s assignees and an unreadable record, and changes nothing', async () => {
      const { d, app, mallory, open, big, hidden } = await world();
      const status = (as: Persona, id: number) => d.request({ method: 'PUT', url: '/k/v1/record/status.json', as, payload: { app, id, action: 'Close' } });
      expect(await code(status(mallory, open))).toEqual([403, 'GAIA_NT01']);
      expect(await code(status(d.member, big))).toEqual([400, 'GAIA_IL03']);
      const assignees = d.request({ method: 'PUT', url: '/k/v1/record/assignees.json', as: mallory, payload: { app, id: open, assignees: ['mallory'] } });
      expect(await code(assignees)).toEqual([403, 'CB_NO02']);
      // The hidden record and one that never existed answer alike, on every call.
      for (const id of [hidden, 987654]) {
        expect(await code(status(mallory, id))).toEqual([404, 'GAIA_RE01']);
        const many = d.request({ method: 'PUT', url: '/k/v1/records/status.json', as: mallory, payload: { app, records: [{ id, action: 'Close' }] } });
        expect(await code(many)).toEqual([404, 'GAIA_RE01']);
        const set = d.request({ method: 'PUT', url: '/k/v1/record/assignees.json', as: mallory, payload: { app, id, assignees: [] } });
        expect(await code(set)).toEqual([404, 'GAIA_RE01']);
      }
      // Nothing moved.
      const list = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('Status in ("Open")')}`, as: d.admin });
      expect(list.json().records).toHaveLength(3);
      for (const r of list.json().records) expect(r.$revision.value).toBe('1');
      // Mallory's "assigned to me" knows nothing of them.
      const mine = await d.request({ method: 'GET', url: '/v1/records/assigned.json', as: mallory });
      expect(mine.json()).toEqual({ apps: [] });
    });

    it('answers another domain’s app as missing', async () => {
      const { app, open } = await world();
      const other = await newDomain(h);
      const res = other.request({ method: 'PUT', url: '/k/v1/record/status.json', as: other.admin, payload: { app, id: open, action: 'Close' } });
      expect(await code(res)).toEqual([404, 'GAIA_AP01']);
      const settings = other.request({ method: 'GET', url: `/k/v1/app/status.json?app=${app}`, as: other.admin });
      expect(await code(settings)).toEqual([404, 'GAIA_AP01']);
    });
  });
});
