import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { eachDatabase } from '../../../test/support/db.js';

async function newApp(d: TestDomain, as: Persona = d.admin, name = '案件管理') {
  const res = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as, payload: { name } });
  expect(res.statusCode).toBe(200);
  return Number(res.json().app);
}

async function deploy(d: TestDomain, app: number, as: Persona = d.admin) {
  const res = await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as, payload: { apps: [{ app }] } });
  expect(res.statusCode).toBe(200);
}

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  describe('creating and deploying apps', () => {
    it('creates an app in preview that only becomes live when deployed', async () => {
      const d = await newDomain(h);
      const res = await d.request({ method: 'POST', url: '/k/v1/preview/app.json', as: d.member, payload: { name: '日報' } });
      expect(res.json()).toEqual({ app: expect.stringMatching(/^\d+$/), revision: '2' });
      const app = res.json().app;

      expect((await d.request({ method: 'GET', url: `/k/v1/app.json?id=${app}`, as: d.member })).statusCode).toBe(404);
      const preview = await d.request({ method: 'GET', url: `/k/v1/preview/app/settings.json?app=${app}`, as: d.member });
      expect(preview.json()).toMatchObject({ name: '日報', revision: '2', theme: 'WHITE' });

      await deploy(d, Number(app), d.member);
      const live = await d.request({ method: 'GET', url: `/k/v1/app.json?id=${app}`, as: d.member });
      expect(live.statusCode).toBe(200);
      expect(live.json()).toMatchObject({ appId: app, name: '日報', spaceId: null, creator: { code: 'member', name: 'member' } });
      const status = await d.request({ method: 'GET', url: `/k/v1/preview/app/deploy.json?apps[0]=${app}`, as: d.member });
      expect(status.json()).toEqual({ apps: [{ app, status: 'SUCCESS' }] });
    });

    it('keeps live and preview settings apart until deploy, and revert discards preview changes', async () => {
      const d = await newDomain(h);
      const app = await newApp(d);
      await deploy(d, app);
      const put = await d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: d.admin, payload: { app, name: '新しい名前', revision: 2 } });
      expect(put.json()).toEqual({ revision: '3' });
      expect((await d.request({ method: 'GET', url: `/k/v1/app/settings.json?app=${app}`, as: d.admin })).json().name).toBe('案件管理');

      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }], revert: true } });
      expect((await d.request({ method: 'GET', url: `/k/v1/preview/app/settings.json?app=${app}`, as: d.admin })).json().name).toBe('案件管理');

      await d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: d.admin, payload: { app, name: '顧客管理' } });
      await deploy(d, app);
      expect((await d.request({ method: 'GET', url: `/k/v1/app.json?id=${app}`, as: d.member })).json().name).toBe('顧客管理');
    });

    it('refuses a stale revision with 409 GAIA_CO02 and changes nothing', async () => {
      const d = await newDomain(h);
      const app = await newApp(d);
      const res = await d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: d.admin, payload: { app, name: 'X', revision: 1 } });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('GAIA_CO02');
      const dep = await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app, revision: 99 }] } });
      expect(dep.statusCode).toBe(409);
      expect((await d.request({ method: 'GET', url: `/k/v1/app.json?id=${app}`, as: d.admin })).statusCode).toBe(404);
    });

    it('deploys several apps all or nothing', async () => {
      const d = await newDomain(h);
      const own = await newApp(d, d.member, 'Mine');
      const other = await d.addUser('other');
      const theirs = await newApp(d, other, 'Theirs');
      await deploy(d, theirs, other);
      // The member may deploy its own app but not the other user's: nothing is deployed.
      const res = await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app: own }, { app: theirs }] } });
      expect(res.statusCode).toBe(403);
      expect((await d.request({ method: 'GET', url: `/k/v1/app.json?id=${own}`, as: d.member })).statusCode).toBe(404);
    });

    it('lists live apps with kintone’s filters', async () => {
      const d = await newDomain(h);
      const ids = [];
      for (const name of ['Sales Report', 'sales pipeline', '在庫']) {
        const id = await newApp(d, d.admin, name);
        await deploy(d, id);
        ids.push(id);
      }
      await newApp(d, d.admin, 'Sales draft (not deployed)');
      const all = await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member });
      expect(all.json().apps.map((a: { name: string }) => a.name)).toEqual(['Sales Report', 'sales pipeline', '在庫']);
      const byName = await d.request({ method: 'GET', url: '/k/v1/apps.json?name=SALES', as: d.member });
      expect(byName.json().apps).toHaveLength(2);
      const byId = await d.request({ method: 'GET', url: `/k/v1/apps.json?ids[0]=${ids[2]}`, as: d.member });
      expect(byId.json().apps.map((a: { appId: string }) => a.appId)).toEqual([String(ids[2])]);
      const paged = await d.request({ method: 'GET', url: '/k/v1/apps.json?limit=1&offset=1', as: d.member });
      expect(paged.json().apps.map((a: { name: string }) => a.name)).toEqual(['sales pipeline']);
      const wildcard = await d.request({ method: 'GET', url: '/k/v1/apps.json?name=%25', as: d.member });
      expect(wildcard.json().apps).toEqual([]);
    });

    it('gives an app a code that prefixes nothing twice in a domain', async () => {
      const d = await newDomain(h);
      const a = await newApp(d);
      const b = await newApp(d);
      await d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: d.admin, payload: { app: a, code: 'SALES' } });
      await deploy(d, a);
      expect((await d.request({ method: 'GET', url: `/k/v1/app.json?id=${a}`, as: d.admin })).json().code).toBe('SALES');
      const dup = await d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: d.admin, payload: { app: b, code: 'SALES' } });
      expect(dup.statusCode).toBe(400);
      expect(Object.keys(dup.json().errors)).toEqual(['code']);
      const bad = await d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: d.admin, payload: { app: b, code: '1abc' } });
      expect(bad.statusCode).toBe(400);
      const byCode = await d.request({ method: 'GET', url: '/k/v1/apps.json?codes[0]=SALES', as: d.member });
      expect(byCode.json().apps).toHaveLength(1);
    });
  });

  describe('who may see and change apps', () => {
    it('answers an unknown app and another domain’s app the same way', async () => {
      const a = await newDomain(h);
      const b = await newDomain(h);
      const app = await newApp(a);
      await deploy(a, app);
      const foreign = await b.request({ method: 'GET', url: `/k/v1/app.json?id=${app}`, as: b.admin });
      const unknown = await b.request({ method: 'GET', url: '/k/v1/app.json?id=999999', as: b.admin });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().code).toBe('GAIA_AP01');
      expect({ ...foreign.json(), id: '', message: '' }).toEqual({ ...unknown.json(), id: '', message: '' });
      expect((await b.request({ method: 'GET', url: '/k/v1/apps.json', as: b.admin })).json().apps).toEqual([]);
    });

    it('lets members read a live app but not change its settings', async () => {
      const d = await newDomain(h);
      const app = await newApp(d);
      await deploy(d, app);
      expect((await d.request({ method: 'GET', url: `/k/v1/app/form/fields.json?app=${app}`, as: d.member })).statusCode).toBe(200);
      const put = await d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: d.member, payload: { app, name: 'mine' } });
      expect(put.statusCode).toBe(403);
      expect(put.json().code).toBe('CB_NO02');
      const preview = await d.request({ method: 'GET', url: `/k/v1/preview/app/form/fields.json?app=${app}`, as: d.member });
      expect(preview.statusCode).toBe(403);
    });

    it('hides another user’s undeployed app entirely', async () => {
      const d = await newDomain(h);
      const other = await d.addUser('other');
      const app = await newApp(d, other);
      const res = await d.request({ method: 'GET', url: `/k/v1/preview/app/settings.json?app=${app}`, as: d.member });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('GAIA_AP01');
    });

    it('records app creation, settings changes and deploys in the audit log', async () => {
      const d = await newDomain(h);
      const app = await newApp(d);
      await d.request({ method: 'PUT', url: '/k/v1/preview/app/settings.json', as: d.admin, payload: { app, description: 'x' } });
      await deploy(d, app);
      const audit = await d.request({ method: 'GET', url: '/v1/audit.json?action=app.*', as: d.admin });
      expect(audit.json().entries.map((e: { action: string }) => e.action).sort()).toEqual(['app.create', 'app.deploy', 'app.settings']);
    });
  });
});

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  it('refuses to deploy a broken formula with GAIA_IL01, in the caller’s language', async () => {
    const d = await newDomain(h);
    const app = await newApp(d);
    await d.request({
      method: 'POST',
      url: '/k/v1/preview/app/form/fields.json',
      as: d.admin,
      payload: { app, properties: { total: { type: 'CALC', code: 'total', label: '合計', expression: 'price * ' } } },
    });
    const res = await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.admin, payload: { apps: [{ app }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('GAIA_IL01');
    expect(res.json().message).toContain('合計');
    expect((await d.request({ method: 'GET', url: `/k/v1/app.json?id=${app}`, as: d.admin })).statusCode).toBe(404);
  });
});
