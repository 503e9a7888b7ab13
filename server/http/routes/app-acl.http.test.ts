// App permissions (app/acl.json) as users meet them: who sees an app, who may add, edit, delete
// and manage, in the order kintone decides it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../../../test/support/app.js';
import { deployedApp } from '../../../test/support/apps.js';
import { eachDatabase } from '../../../test/support/db.js';

const FIELDS = { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' } };

type Row = { entity: { type: string; code: string | null }; includeSubs?: boolean } & Partial<Record<(typeof FLAGS)[number], boolean>>;
const FLAGS = ['appEditable', 'recordViewable', 'recordAddable', 'recordEditable', 'recordDeletable', 'recordImportable', 'recordExportable'] as const;
const all = Object.fromEntries(FLAGS.map((f) => [f, true]));
const viewOnly = { recordViewable: true };

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  async function world() {
    const d = await newDomain(h);
    const carol = await d.addUser('carol');
    const app = await deployedApp(d, FIELDS, { as: d.member });
    const seed = await d.request({ method: 'POST', url: '/k/v1/record.json', as: d.member, payload: { app, record: { title: { value: '最初' } } } });
    expect(seed.statusCode, seed.body).toBe(200);
    return { d, carol, app };
  }

  async function setAcl(d: TestDomain, as: Persona, app: number, rights: Row[], stage: 'live' | 'preview' = 'live') {
    const url = stage === 'live' ? '/k/v1/app/acl.json' : '/k/v1/preview/app/acl.json';
    return d.request({ method: 'PUT', url, as, payload: { app, rights } });
  }

  /** What `who` can do on the app, as status codes of one call per right. */
  async function probe(d: TestDomain, who: Persona, app: number) {
    const code = async (p: Promise<{ statusCode: number; json(): any }>) => {
      const r = await p;
      return r.statusCode === 200 ? 'ok' : r.json().code;
    };
    return {
      app: await code(d.request({ method: 'GET', url: `/k/v1/app.json?id=${app}`, as: who })),
      view: await code(d.request({ method: 'GET', url: `/k/v1/records.json?app=${app}`, as: who })),
      add: await code(d.request({ method: 'POST', url: '/k/v1/record.json', as: who, payload: { app, record: { title: { value: 'x' } } } })),
      edit: await code(d.request({ method: 'PUT', url: '/k/v1/record.json', as: who, payload: { app, id: 1, record: { title: { value: 'y' } } } })),
      manage: await code(d.request({ method: 'GET', url: `/k/v1/app/acl.json?app=${app}`, as: who })),
    };
  }

  describe('app permissions', () => {
    it('gives a new app’s creator everything and everyone view, add, edit and delete', async () => {
      const { d, carol, app } = await world();
      const acl = await d.request({ method: 'GET', url: `/k/v1/app/acl.json?app=${app}`, as: d.member });
      expect(acl.statusCode, acl.body).toBe(200);
      expect(acl.json().rights).toEqual([
        { entity: { type: 'CREATOR', code: null }, includeSubs: false, ...all },
        {
          entity: { type: 'GROUP', code: 'everyone' },
          includeSubs: false,
          appEditable: false,
          recordViewable: true,
          recordAddable: true,
          recordEditable: true,
          recordDeletable: true,
          recordImportable: false,
          recordExportable: false,
        },
      ]);
      expect(await probe(d, carol, app)).toEqual({ app: 'ok', view: 'ok', add: 'ok', edit: 'ok', manage: 'CB_NO02' });
    });

    it('lets the first row that names someone decide, with everyone always last', async () => {
      const { d, carol, app } = await world();
      const put = await setAcl(d, d.member, app, [
        { entity: { type: 'GROUP', code: 'everyone' }, ...all },
        { entity: { type: 'USER', code: 'carol' }, ...viewOnly },
        { entity: { type: 'CREATOR', code: null }, ...all },
      ]);
      expect(put.statusCode, put.body).toBe(200);
      expect(await probe(d, carol, app)).toEqual({ app: 'ok', view: 'ok', add: 'CB_NO02', edit: 'CB_NO02', manage: 'CB_NO02' });
      // The creator row, though below carol's, still comes before everyone.
      expect((await probe(d, d.member, app)).manage).toBe('ok');
    });

    it('hides the app entirely from someone no row names, in lists too', async () => {
      const { d, carol, app } = await world();
      await setAcl(d, d.member, app, [{ entity: { type: 'CREATOR', code: null }, ...all }]);
      expect(await probe(d, carol, app)).toEqual({ app: 'GAIA_AP01', view: 'GAIA_AP01', add: 'GAIA_AP01', edit: 'GAIA_AP01', manage: 'GAIA_AP01' });
      const list = await d.request({ method: 'GET', url: '/k/v1/apps.json', as: carol });
      expect(list.json().apps).toEqual([]);
      const mine = await d.request({ method: 'GET', url: '/k/v1/apps.json', as: d.member });
      expect(mine.json().apps.map((a: { appId: string }) => a.appId)).toEqual([String(app)]);
    });

    it('lets administrators manage any app but gives them record rights only through the rows', async () => {
      const { d, app } = await world();
      await setAcl(d, d.member, app, [{ entity: { type: 'CREATOR', code: null }, ...all }]);
      expect(await probe(d, d.admin, app)).toEqual({ app: 'ok', view: 'CB_NO02', add: 'CB_NO02', edit: 'CB_NO02', manage: 'ok' });
    });

    it('matches departments with or without the ones below, and groups, as memberships change', async () => {
      const { d, carol, app } = await world();
      const orgs = await d.request({
        method: 'POST',
        url: '/v1/organizations.json',
        as: d.admin,
        payload: { organizations: [{ code: 'head', name: '本社' }, { code: 'site', name: '現場', parentCode: 'head' }] },
      });
      expect(orgs.statusCode, orgs.body).toBe(200);
      await d.request({ method: 'POST', url: '/v1/groups.json', as: d.admin, payload: { groups: [{ code: 'crew', name: '現場班' }] } });
      await d.request({ method: 'PUT', url: '/v1/userOrganizations.json', as: d.admin, payload: { userOrganizations: [{ code: 'carol', organizations: ['site'] }] } });

      await setAcl(d, d.member, app, [
        { entity: { type: 'CREATOR', code: null }, ...all },
        { entity: { type: 'ORGANIZATION', code: 'head' }, includeSubs: false, ...all },
      ]);
      expect((await probe(d, carol, app)).app).toBe('GAIA_AP01');
      await setAcl(d, d.member, app, [
        { entity: { type: 'CREATOR', code: null }, ...all },
        { entity: { type: 'GROUP', code: 'crew' }, ...viewOnly },
        { entity: { type: 'ORGANIZATION', code: 'head' }, includeSubs: true, ...all },
      ]);
      expect((await probe(d, carol, app)).manage).toBe('ok');
      // Joining a group higher up the list narrows her rights at once.
      await d.request({ method: 'PUT', url: '/v1/userGroups.json', as: d.admin, payload: { userGroups: [{ code: 'carol', groups: ['crew'] }] } });
      expect(await probe(d, carol, app)).toEqual({ app: 'ok', view: 'ok', add: 'CB_NO02', edit: 'CB_NO02', manage: 'CB_NO02' });
    });

    it('keeps preview rows apart until deploy, and deploys with a live PUT', async () => {
      const { d, carol, app } = await world();
      const preview = await setAcl(d, d.member, app, [{ entity: { type: 'CREATOR', code: null }, ...all }], 'preview');
      expect(preview.statusCode, preview.body).toBe(200);
      expect((await probe(d, carol, app)).view).toBe('ok');
      const live = await d.request({ method: 'GET', url: `/k/v1/app/acl.json?app=${app}`, as: d.member });
      expect(live.json().rights).toHaveLength(2);
      const deploy = await d.request({ method: 'POST', url: '/k/v1/preview/app/deploy.json', as: d.member, payload: { apps: [{ app }] } });
      expect(deploy.statusCode).toBe(200);
      expect((await probe(d, carol, app)).view).toBe('GAIA_AP01');
    });

    it('refuses unknown users, groups and departments and rights without the ones they need', async () => {
      const { d, app } = await world();
      const res = await setAcl(d, d.member, app, [
        { entity: { type: 'USER', code: 'nobody' }, ...viewOnly },
        { entity: { type: 'GROUP', code: 'ghosts' }, ...viewOnly },
        { entity: { type: 'CREATOR', code: null }, recordEditable: true },
        { entity: { type: 'GROUP', code: 'everyone' }, recordViewable: true, recordImportable: true },
      ]);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('CB_VA01');
      expect(Object.keys(res.json().errors).sort()).toEqual([
        'rights[0].entity.code',
        'rights[1].entity.code',
        'rights[2].recordEditable',
        'rights[3].recordImportable',
      ]);
      // Nothing was saved.
      const acl = await d.request({ method: 'GET', url: `/k/v1/preview/app/acl.json?app=${app}`, as: d.member });
      expect(acl.json().rights).toHaveLength(2);
    });

    it('lets only app managers read or change permissions', async () => {
      const { d, carol, app } = await world();
      const put = await setAcl(d, carol, app, [{ entity: { type: 'USER', code: 'carol' }, ...all }]);
      expect(put.statusCode).toBe(403);
      expect(put.json().code).toBe('CB_NO02');
      for (const url of ['/k/v1/record/acl.json', '/k/v1/field/acl.json', '/k/v1/preview/app/acl.json']) {
        const res = await d.request({ method: 'GET', url: `${url}?app=${app}`, as: carol });
        expect(res.statusCode, url).toBe(403);
      }
    });
  });
});
