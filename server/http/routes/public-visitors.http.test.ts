// Registered visitors, managed by the view's app managers: by hand, by CSV (all or nothing, every
// bad row named) and synchronised from an app as the manager reads it; the plan's limit refuses
// a change beyond it with nothing kept; nobody else manages them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { MEMBER_LIST, memberView, memberWorld } from '../../../test/support/public-visitors.js';

const URL = '/v1/public-view/visitors.json';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(() => h.close());

  async function world(plan: 'premium' | 'professional' = 'premium') {
    const w = await memberWorld(h, plan);
    const v = await memberView(w, { settings: MEMBER_LIST });
    const list = async () => (await w.d.request({ method: 'GET', url: `${URL}?id=${v.id}`, as: w.d.admin })).json();
    return { w, v, list };
  }

  it('adds, replaces, lists and removes visitors; only the app\'s managers may', async () => {
    const { w, v, list } = await world();
    const add = await w.d.request({ method: 'POST', url: URL, as: w.d.admin, payload: { id: v.id, visitors: [{ email: ' Alice@Example.com ', name: 'Alice', attributes: { team: 'red' } }, { email: 'bob@example.com' }] } });
    expect(add.json()).toEqual({ added: 2, updated: 0 });
    await w.d.request({ method: 'POST', url: URL, as: w.d.admin, payload: { id: v.id, visitors: [{ email: 'alice@example.com', name: 'Alice B.' }] } });
    const page = await list();
    expect(page.visitors.map((x: { email: string; name: string; source: string }) => [x.email, x.name, x.source])).toEqual([
      ['alice@example.com', 'Alice B.', 'manual'],
      ['bob@example.com', '', 'manual'],
    ]);
    expect([page.totalCount, page.domainCount, page.limit]).toEqual([2, 2, 300]);
    const bad = await w.d.request({ method: 'POST', url: URL, as: w.d.admin, payload: { id: v.id, visitors: [{ email: 'a@b.c,d@e.f' }, { email: 'x@example.com' }, { email: 'X@example.com' }] } });
    expect([bad.statusCode, Object.keys(bad.json().errors).sort()]).toEqual([400, ['visitors[0].email', 'visitors[2].email']]);
    for (const as of [w.d.member]) {
      const res = await w.d.request({ method: 'GET', url: `${URL}?id=${v.id}`, as });
      expect([res.statusCode, res.json().code]).toEqual([404, 'CB_PV01']);
    }
    const del = await w.d.request({ method: 'DELETE', url: URL, as: w.d.admin, payload: { id: v.id, emails: ['BOB@example.com'] } });
    expect(del.json()).toEqual({ removed: 1 });
    expect((await list()).totalCount).toBe(1);
  });

  it('imports a CSV all or nothing, naming every bad row', async () => {
    const { w, v, list } = await world();
    const imp = (csv: string, replace = false) => w.d.request({ method: 'POST', url: `${URL.replace('.json', '')}/import.json`, as: w.d.admin, payload: { id: v.id, csv, replace } });
    const bad = await imp('email,name,team\nalice@example.com,Alice,red\nnot-an-address,X,blue\nalice@example.com,Again,red\nc@example.com,"C, Jr.",green,extra\n');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'CB_PV37']);
    expect(Object.keys(bad.json().errors).sort()).toEqual(['rows[2].email', 'rows[3].email', 'rows[4]']);
    expect((await list()).totalCount).toBe(0);
    const ok = await imp('\ufeffemail,name,team\r\nalice@example.com,Alice,red\r\n"carol@example.com","Carol ""C"", Jr.",green\r\n');
    expect(ok.json()).toEqual({ added: 2, updated: 0, removed: 0 });
    const carol = (await list()).visitors.find((x: { email: string }) => x.email === 'carol@example.com');
    expect([carol.name, carol.attributes, carol.source]).toEqual(['Carol "C", Jr.', { team: 'green' }, 'csv']);
    const replaced = await imp('email\ncarol@example.com\n', true);
    expect(replaced.json()).toEqual({ added: 0, updated: 1, removed: 1 });
  });

  it('syncs from an app as the manager reads it, removing those the app no longer lists', async () => {
    const { w, v, list } = await world();
    const sync = () =>
      w.d.request({ method: 'POST', url: `${URL.replace('.json', '')}/sync.json`, as: w.d.admin, payload: { id: v.id, app: w.app, emailField: 'owner', nameField: 'title', attributes: { team: 'team', level: 'amount' } } });
    const first = await sync();
    expect(first.statusCode, first.body).toBe(200);
    expect([first.json().added, first.json().skipped]).toEqual([2, 2]); // alice thrice, bob once
    const alice = (await list()).visitors.find((x: { email: string }) => x.email === 'alice@example.com');
    expect([alice.source, alice.attributes]).toEqual(['app', { team: 'red', level: '10' }]);
    // Bob's record is removed: the next sync removes Bob.
    await w.d.request({ method: 'DELETE', url: '/k/v1/records.json', as: w.d.admin, payload: { app: w.app, ids: [w.ids.B1] } });
    expect((await sync()).json().removed).toBe(1);
    // A field that is not an address, or an app the manager may not read.
    const wrong = await w.d.request({ method: 'POST', url: `${URL.replace('.json', '')}/sync.json`, as: w.d.admin, payload: { id: v.id, app: w.app, emailField: 'amount' } });
    expect([wrong.statusCode, wrong.json().code]).toEqual([400, 'CB_PV39']);
  });

  it('syncs only the records the syncing manager may read', async () => {
    const { w, v, list } = await world();
    // Records owned by bob are hidden from the admin by a record ACL.
    const acl = await w.d.request({
      method: 'PUT',
      url: '/k/v1/record/acl.json',
      as: w.d.admin,
      payload: { app: w.app, rights: [{ filterCond: 'owner = "bob@example.com"', entities: [{ entity: { type: 'USER', code: 'member' }, viewable: true, editable: true, deletable: true, includeSubs: false }] }] },
    });
    expect(acl.statusCode, acl.body).toBe(200);
    await w.d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: w.d.admin, payload: { apps: [{ app: w.app }] } });
    for (let i = 0; i < 50; i++) {
      const s = await w.d.request({ method: 'GET', url: `/k/v1/preview/app/deploy.json?apps[0]=${w.app}`, as: w.d.admin });
      if (s.json().apps?.[0]?.status !== 'PROCESSING') break;
    }
    await w.d.request({ method: 'POST', url: `${URL.replace('.json', '')}/sync.json`, as: w.d.admin, payload: { id: v.id, app: w.app, emailField: 'owner' } });
    expect((await list()).visitors.map((x: { email: string }) => x.email)).toEqual(['alice@example.com']);
  });

  it('refuses visitors beyond the plan\'s limit, keeping nothing of the change', async () => {
    const { w, v, list } = await world();
    const many = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ email: `v${from + i}@example.com` }));
    expect((await w.d.request({ method: 'POST', url: URL, as: w.d.admin, payload: { id: v.id, visitors: many(300) } })).statusCode).toBe(200);
    const over = await w.d.request({ method: 'POST', url: URL, as: w.d.admin, payload: { id: v.id, visitors: many(2, 300) } });
    expect([over.statusCode, over.json().code]).toEqual([403, 'CB_PV36']);
    expect(over.json().message).toContain('300');
    expect((await list()).totalCount).toBe(300);
  });
});
