// MyPage and search forms, as hostile visitors try them: a signed-in visitor sees only the
// records matching their verified address (and attributes) — never another's by id, search,
// paging or a parameter naming someone else (P10, P4); search-form values narrow the fixed
// filter and never widen it; unknown items and values outside the options are refused (P2, P3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';
import { MEMBER_LIST, XHR, memberView, memberWorld, register, setEmailAuth, signInFromOutbox, titles } from '../../../test/support/public-visitors.js';

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(() => h.close());

  describe('MyPage', () => {
    async function myPage(match: unknown[] = [{ field: 'owner', attribute: 'email' }]) {
      const w = await memberWorld(h);
      const v = await memberView(w, { kind: 'myPage', settings: { ...MEMBER_LIST, match } });
      await register(w, v.id, [
        { email: 'alice@example.com', attributes: { team: 'red' } },
        { email: 'bob@example.com', attributes: { team: 'blue' } },
      ]);
      return { w, v };
    }

    it('shows the signed-in visitor their own records inside the filter, and nothing without sign-in', async () => {
      const { w, v } = await myPage();
      const anon = await w.d.request({ method: 'GET', url: `${v.path}/data.json` });
      expect([anon.statusCode, anon.json().code]).toEqual([401, 'CB_PV30']);
      expect(anon.body).not.toContain('A1');
      const alice = await signInFromOutbox(h, w, v.path, 'alice@example.com');
      expect(titles(await w.d.request({ method: 'GET', url: `${v.path}/data.json`, cookies: alice }))).toEqual(['A1', 'A2']);
      const bob = await signInFromOutbox(h, w, v.path, 'bob@example.com');
      expect(titles(await w.d.request({ method: 'GET', url: `${v.path}/data.json`, cookies: bob }))).toEqual(['B1']);
      // Alice's answer, cached, is never Bob's (P9).
      expect(titles(await w.d.request({ method: 'GET', url: `${v.path}/data.json`, cookies: alice }))).toEqual(['A1', 'A2']);
    });

    it('never shows another visitor\'s record by id, parameter, edited cookie, search or paging (P10, P4)', async () => {
      const { w, v } = await myPage();
      const alice = await signInFromOutbox(h, w, v.path, 'alice@example.com');
      const get = (url: string, cookies = alice) => w.d.request({ method: 'GET', url, cookies });
      const bobRecord = await get(`${v.path}/records/${w.ids.B1}.json`);
      const random = await get(`${v.path}/records/999999.json`);
      expect([bobRecord.statusCode, bobRecord.json().code]).toEqual([404, 'CB_PV05']);
      expect(bobRecord.json().message).toBe(random.json().message);
      expect((await get(`${v.path}/records/${w.ids.A1}.json`)).statusCode).toBe(200);
      // The withheld record stays out even though it is Alice's.
      expect((await get(`${v.path}/records/${w.ids.H1}.json`)).statusCode).toBe(404);
      for (const q of ['email=bob@example.com', 'email=Bob@Example.com', 'owner=bob@example.com', 'email=alice@example.com,bob@example.com', 'page=2', 'page=-1', 'q=bob']) {
        const res = await get(`${v.path}/data.json?${q}`);
        expect(res.body).not.toContain('B1');
      }
      // An edited cookie is nobody.
      const secret = Object.values(alice)[0]!;
      const edited = { '__Secure-engawa_pvm': `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}` };
      expect((await get(`${v.path}/data.json`, edited)).statusCode).toBe(401);
      // Addresses that only look like Bob's, or lists, are refused at sign-in.
      for (const email of ['bоb@example.com', 'alice@example.com,bob@example.com', 'alice@example.com bob@example.com']) {
        const res = await w.d.request({ method: 'POST', url: `${v.path}/sign-in.json`, headers: XHR, payload: { email } });
        expect([res.statusCode, res.json().code]).toEqual([400, 'CB_PV31']);
      }
    });

    it('matches registered attributes too, and a visitor without one sees nothing', async () => {
      const { w, v } = await myPage([{ field: 'team', attribute: 'team' }]);
      await setEmailAuth(w, v.id, 'anyone');
      const alice = await signInFromOutbox(h, w, v.path, 'alice@example.com');
      expect(titles(await w.d.request({ method: 'GET', url: `${v.path}/data.json`, cookies: alice }))).toEqual(['A1', 'A2']);
      const stranger = await signInFromOutbox(h, w, v.path, 'carol@example.com');
      expect(titles(await w.d.request({ method: 'GET', url: `${v.path}/data.json`, cookies: stranger }))).toEqual([]);
    });

    it('refuses a match on a field that cannot hold an address, and MyPage below Premium', async () => {
      const w = await memberWorld(h);
      const bad = await w.d.request({ method: 'POST', url: '/v1/public-views.json', as: w.d.admin, payload: { app: w.app, title: 'x', kind: 'myPage', settings: { ...MEMBER_LIST, match: [{ field: 'due' }] } } });
      expect([bad.statusCode, bad.json().code]).toEqual([400, 'CB_PV38']);
      const s = await memberWorld(h, 'standard');
      const low = await s.d.request({ method: 'POST', url: '/v1/public-views.json', as: s.d.admin, payload: { app: s.app, title: 'x', kind: 'myPage', settings: { ...MEMBER_LIST, match: [{ field: 'owner' }] } } });
      expect([low.statusCode, low.json().code]).toEqual([403, 'CB_PV02']);
    });
  });

  describe('search forms', () => {
    const FORM = [
      { kind: 'text', key: 'text', fields: ['title'] },
      { kind: 'choice', key: 'kind', field: 'kind' },
      { kind: 'dateRange', key: 'due', field: 'due' },
      { kind: 'numberRange', key: 'amount', field: 'amount' },
    ];
    async function formView(plan: 'standard' | 'light' = 'standard') {
      const w = await memberWorld(h, plan);
      const v = await memberView(w, { settings: { ...MEMBER_LIST, searchForm: FORM } });
      return { w, v };
    }

    it('narrows by each item, ANDed with the fixed filter, and describes the form', async () => {
      const { w, v } = await formView();
      const list = (q: string) => w.d.request({ method: 'GET', url: `${v.path}/data.json?${q}` });
      const all = await list('');
      expect(all.json().view.searchForm).toEqual([
        { key: 'text', kind: 'text', label: 'Title' },
        { key: 'kind', kind: 'choice', label: 'Kind', options: ['house', 'flat', 'shop'] },
        { key: 'due', kind: 'dateRange', label: 'Due' },
        { key: 'amount', kind: 'numberRange', label: 'Amount' },
      ]);
      expect(titles(await list('f.kind=house'))).toEqual(['A1']); // H1 is a house too, withheld
      expect(titles(await list('f.kind=house&f.kind=shop'))).toEqual(['A1', 'B1']);
      expect(titles(await list('f.due.from=2026-04-01&f.due.to=2026-05-15'))).toEqual(['A1', 'A2']);
      expect(titles(await list('f.amount.from=15'))).toEqual(['A2', 'B1']);
      expect(titles(await list('f.text=A&f.amount.to=15'))).toEqual(['A1']);
      // Values that try to escape the tree are literals (P3).
      for (const text of ['") or ($id > 0', '\\"', '＂) or (', 'x'.repeat(200)]) expect(titles(await list(`f.text=${encodeURIComponent(text)}`))).toEqual([]);
      expect(titles(await list('f.text=H1'))).toEqual([]);
    });

    it('refuses unknown items, values outside the options, bad dates and numbers (P2)', async () => {
      const { w, v } = await formView();
      for (const q of ['f.visibility=withheld', 'f.kind=withheld', 'f.kind=HOUSE', 'f.due=2026-04-01', 'f.due.from=2026-02-30', 'f.amount.from=1e9', 'f.text.from=a', `f.text=${'x'.repeat(201)}`, 'f.text=a&f.text=b']) {
        const res = await w.d.request({ method: 'GET', url: `${v.path}/data.json?${q}` });
        expect([q, res.statusCode, res.json().code]).toEqual([q, 400, 'CB_PV35']);
        expect(res.body).not.toContain('visibility');
      }
    });

    it('is checked when saved: fields the list shows, of a fitting type; refused below Standard', async () => {
      const w = await memberWorld(h);
      const make = (searchForm: unknown) => w.d.request({ method: 'POST', url: '/v1/public-views.json', as: w.d.admin, payload: { app: w.app, title: 'x', settings: { ...MEMBER_LIST, searchForm } } });
      const hidden = await make([{ kind: 'choice', key: 'v', field: 'visibility' }]);
      expect([hidden.statusCode, hidden.json().code]).toEqual([400, 'CB_PV34']);
      expect((await make([{ kind: 'numberRange', key: 'k', field: 'kind' }])).json().code).toBe('CB_PV34');
      expect((await make([{ kind: 'text', key: 'a', fields: ['title'] }, { kind: 'text', key: 'A', fields: ['title'] }])).json().code).toBe('CB_VA01');
      const light = await memberWorld(h, 'light');
      const res = await light.d.request({ method: 'POST', url: '/v1/public-views.json', as: light.d.admin, payload: { app: light.app, title: 'x', settings: { fields: ['title', 'kind'], searchForm: [{ kind: 'choice', key: 'k', field: 'kind' }] } } });
      expect([res.statusCode, res.json().code]).toEqual([403, 'CB_PV02']);
    });
  });
});
