// API tokens as kintone clients use them (X-Cybozu-API-Token), and as hostile callers try them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = {
  title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
  owner: { type: 'USER_SELECT', code: 'owner', label: '担当' },
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function token(d: TestDomain, app: number, rights: Record<string, boolean>, deploy = true): Promise<{ id: string; token: string }> {
    const made = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.member, payload: { app, rights } });
    expect(made.statusCode, made.body).toBe(200);
    if (deploy) await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app }] } });
    return made.json();
  }

  async function world() {
    const d = await newDomain(h);
    const app = await deployedApp(d, FIELDS, { as: d.member });
    const other = await deployedApp(d, FIELDS, { as: d.member });
    await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app, record: { title: { value: '一件目' }, owner: { value: [{ code: 'member' }] } } } });
    return { d, app, other };
  }

  const withToken = (d: TestDomain, tokens: string, opts: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object }) =>
    d.request({ ...opts, headers: { 'x-cybozu-api-token': tokens } });

  describe('API tokens', () => {
    it('work from the next deploy, with exactly their own flags', async () => {
      const { d, app } = await world();
      const view = await token(d, app, { view: true }, false);
      expect(view.token).toMatch(/^[0-9a-z]{40}$/);
      const list = await d.request({ method: 'GET', url: `/k/v1/preview/app/apiTokens.json?app=${app}`, as: d.member });
      expect(list.json().tokens).toEqual([
        expect.objectContaining({ id: view.id, hint: view.token.slice(-4), rights: { view: true, add: false, edit: false, delete: false, manage: false }, live: false }),
      ]);
      expect(JSON.stringify(list.json())).not.toContain(view.token);
      const early = await withToken(d, view.token, { method: 'GET', url: `/k/v1/records.json?app=${app}` });
      expect(early.statusCode).toBe(400);
      expect(early.json().code).toBe('GAIA_IA02');

      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app }] } });
      const read = await withToken(d, view.token, { method: 'GET', url: `/k/v1/records.json?app=${app}` });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json().records).toHaveLength(1);
      const add = await withToken(d, view.token, { method: 'POST', url: '/k/v1/record.json', payload: { app, record: { title: { value: 'x' } } } });
      expect(add.statusCode).toBe(403);
      expect(add.json().code).toBe('GAIA_NO01');
    });

    it('write records as Administrator, and never match LOGINUSER()', async () => {
      const { d, app } = await world();
      const t = await token(d, app, { view: true, add: true });
      const add = await withToken(d, t.token, { method: 'POST', url: '/k/v1/record.json', payload: { app, record: { title: { value: 'トークンから' } } } });
      expect(add.statusCode, add.body).toBe(200);
      const got = await withToken(d, t.token, { method: 'GET', url: `/k/v1/record.json?app=${app}&id=${add.json().id}` });
      const creator = Object.values(got.json().record as Record<string, { type: string; value: unknown }>).find((f) => f.type === 'CREATOR');
      expect(creator!.value).toEqual({ code: 'Administrator', name: 'Administrator' });
      const mine = await withToken(d, t.token, { method: 'GET', url: `/k/v1/records.json?app=${app}&query=${encodeURIComponent('owner in (LOGINUSER())')}` });
      expect(mine.json().records).toEqual([]);
    });

    it('answer another app, other APIs and bad headers the way kintone does', async () => {
      const { d, app, other } = await world();
      const t = await token(d, app, { view: true, add: true, edit: true, delete: true, manage: true });
      const o = await token(d, other, { view: true });
      const cases: Array<[string, Promise<{ statusCode: number; json(): any }>, number, string]> = [
        ['another app', withToken(d, t.token, { method: 'GET', url: `/k/v1/records.json?app=${other}` }), 400, 'GAIA_IA02'],
        ['users API', withToken(d, t.token, { method: 'GET', url: '/v1/users.json' }), 403, 'GAIA_NO01'],
        ['making tokens', withToken(d, t.token, { method: 'POST', url: '/k/v1/preview/app/apiToken.json', payload: { app, rights: { view: true } } }), 403, 'GAIA_NO01'],
        ['unknown token', withToken(d, 'x'.repeat(40), { method: 'GET', url: `/k/v1/records.json?app=${app}` }), 400, 'GAIA_IA02'],
        ['the same token twice', withToken(d, `${t.token},${t.token}`, { method: 'GET', url: `/k/v1/records.json?app=${app}` }), 200, ''],
        ['ten tokens', withToken(d, Array(10).fill(t.token).join(','), { method: 'GET', url: `/k/v1/records.json?app=${app}` }), 400, 'CB_VA01'],
      ];
      for (const [name, call, status, code] of cases) {
        const res = await call;
        expect(res.statusCode, name).toBe(status);
        if (code) expect(res.json().code, name).toBe(code);
      }
      // Two different tokens of one app in one request.
      const second = await token(d, app, { view: true });
      const dup = await withToken(d, `${t.token},${second.token}`, { method: 'GET', url: `/k/v1/records.json?app=${app}` });
      expect(dup.statusCode).toBe(400);
      expect(dup.json().code).toBe('GAIA_DA03');
      // Tokens of two apps together reach both.
      const both = await withToken(d, `${t.token},${o.token}`, { method: 'GET', url: `/k/v1/records.json?app=${other}` });
      expect(both.statusCode, both.body).toBe(200);
    });

    it('yield to a password header and are not taken from the query string', async () => {
      const { d, app } = await world();
      const t = await token(d, app, { view: true });
      const both = await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, headers: { 'x-cybozu-api-token': t.token }, payload: { app, record: { title: { value: 'by member' } } } });
      expect(both.statusCode, both.body).toBe(200);
      const query = await d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}&token=${t.token}&x-cybozu-api-token=${t.token}` });
      expect(query.statusCode).toBe(401);
    });

    it('stop working once deleted and deployed, and come back on revert before that', async () => {
      const { d, app } = await world();
      const t = await token(d, app, { view: true });
      const read = () => withToken(d, t.token, { method: 'GET', url: `/k/v1/records.json?app=${app}` });
      const del = await d.request({ method: 'DELETE', url: `/k/v1/preview/app/apiToken.json?app=${app}&id=${t.id}`, as: d.member });
      expect(del.statusCode, del.body).toBe(200);
      expect((await read()).statusCode).toBe(200);
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app }], revert: true } });
      const listed = await d.request({ method: 'GET', url: `/k/v1/preview/app/apiTokens.json?app=${app}`, as: d.member });
      expect(listed.json().tokens).toHaveLength(1);
      await d.request({ method: 'DELETE', url: `/k/v1/preview/app/apiToken.json?app=${app}&id=${t.id}`, as: d.member });
      await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app }] } });
      expect((await read()).json().code).toBe('GAIA_IA02');
    });

    it('ignore record and field permissions, as kintone does', async () => {
      const { d, app } = await world();
      await d.request({
        method: 'PUT',
        url: '/k/v1/record/acl.json',
        as: d.member,
        payload: { app, rights: [{ filterCond: '', entities: [{ entity: { type: 'USER', code: 'member' }, viewable: true }] }] },
      });
      const t = await token(d, app, { view: true });
      expect((await withToken(d, t.token, { method: 'GET', url: `/k/v1/records.json?app=${app}` })).json().records).toHaveLength(1);
    });

    it('are made only by people who manage the app, at most twenty', async () => {
      const { d, app } = await world();
      const carol = await d.addUser('carol');
      const refused = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: carol, payload: { app, rights: { view: true } } });
      expect(refused.statusCode).toBe(403);
      for (let i = 0; i < 20; i++) await token(d, app, { view: true }, false);
      const tooMany = await d.request({ method: 'POST', url: '/k/v1/preview/app/apiToken.json', as: d.member, payload: { app, rights: { view: true } } });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().errors.app).toBeDefined();
    });
  });
});
