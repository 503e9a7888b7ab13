// The permission table: every persona × action × app of a seeded world, with the answer each
// must get (issue 4 "Tests"). One row per persona and app; a cell is the status and code of
// the call, or "ok". Read it as the specification of who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Persona, type TestDomain, newDomain, startApp } from '../support/app.js';
import { deployedApp } from '../support/apps.js';
import { eachDatabase } from '../support/db.js';

const FIELDS = { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' } };
const ALL = { appEditable: true, recordViewable: true, recordAddable: true, recordEditable: true, recordDeletable: true, recordImportable: true, recordExportable: true };
const VIEW = { recordViewable: true };

type Action = 'app' | 'list' | 'get' | 'add' | 'edit' | 'delete' | 'settings' | 'acl' | 'token';
const ACTIONS: Action[] = ['app', 'list', 'get', 'add', 'edit', 'delete', 'settings', 'acl', 'token'];

/**
 * Apps: `open` (the defaults), `crew` (the crew group views, the site department and below may do
 * everything, nobody else anything), `mine` (only its creator, carol).
 * Personas: admin (administrator, named by no row), carol (creates every app), dave (in crew),
 * erin (in site-east, below site), frank (nobody), and tokens of `open`.
 */
const EXPECTED: Record<string, Record<Action, string>> = {
  'admin open': { app: 'ok', list: 'ok', get: 'ok', add: 'ok', edit: 'ok', delete: 'ok', settings: 'ok', acl: 'ok', token: 'ok' },
  'admin crew': { app: 'ok', list: '403 CB_NO02', get: '403 CB_NO02', add: '403 CB_NO02', edit: '403 CB_NO02', delete: '403 CB_NO02', settings: 'ok', acl: 'ok', token: 'ok' },
  'admin mine': { app: 'ok', list: '403 CB_NO02', get: '403 CB_NO02', add: '403 CB_NO02', edit: '403 CB_NO02', delete: '403 CB_NO02', settings: 'ok', acl: 'ok', token: 'ok' },
  'carol open': { app: 'ok', list: 'ok', get: 'ok', add: 'ok', edit: 'ok', delete: 'ok', settings: 'ok', acl: 'ok', token: 'ok' },
  'carol crew': { app: 'ok', list: 'ok', get: 'ok', add: 'ok', edit: 'ok', delete: 'ok', settings: 'ok', acl: 'ok', token: 'ok' },
  'carol mine': { app: 'ok', list: 'ok', get: 'ok', add: 'ok', edit: 'ok', delete: 'ok', settings: 'ok', acl: 'ok', token: 'ok' },
  'dave open': { app: 'ok', list: 'ok', get: 'ok', add: 'ok', edit: 'ok', delete: 'ok', settings: '403 CB_NO02', acl: '403 CB_NO02', token: '403 CB_NO02' },
  'dave crew': { app: 'ok', list: 'ok', get: 'ok', add: '403 CB_NO02', edit: '403 CB_NO02', delete: '403 CB_NO02', settings: '403 CB_NO02', acl: '403 CB_NO02', token: '403 CB_NO02' },
  'dave mine': { app: '404 GAIA_AP01', list: '404 GAIA_AP01', get: '404 GAIA_AP01', add: '404 GAIA_AP01', edit: '404 GAIA_AP01', delete: '404 GAIA_AP01', settings: '404 GAIA_AP01', acl: '404 GAIA_AP01', token: '404 GAIA_AP01' },
  'erin open': { app: 'ok', list: 'ok', get: 'ok', add: 'ok', edit: 'ok', delete: 'ok', settings: '403 CB_NO02', acl: '403 CB_NO02', token: '403 CB_NO02' },
  'erin crew': { app: 'ok', list: 'ok', get: 'ok', add: 'ok', edit: 'ok', delete: 'ok', settings: 'ok', acl: 'ok', token: 'ok' },
  'erin mine': { app: '404 GAIA_AP01', list: '404 GAIA_AP01', get: '404 GAIA_AP01', add: '404 GAIA_AP01', edit: '404 GAIA_AP01', delete: '404 GAIA_AP01', settings: '404 GAIA_AP01', acl: '404 GAIA_AP01', token: '404 GAIA_AP01' },
  'frank open': { app: 'ok', list: 'ok', get: 'ok', add: 'ok', edit: 'ok', delete: 'ok', settings: '403 CB_NO02', acl: '403 CB_NO02', token: '403 CB_NO02' },
  'frank crew': { app: '404 GAIA_AP01', list: '404 GAIA_AP01', get: '404 GAIA_AP01', add: '404 GAIA_AP01', edit: '404 GAIA_AP01', delete: '404 GAIA_AP01', settings: '404 GAIA_AP01', acl: '404 GAIA_AP01', token: '404 GAIA_AP01' },
  'frank mine': { app: '404 GAIA_AP01', list: '404 GAIA_AP01', get: '404 GAIA_AP01', add: '404 GAIA_AP01', edit: '404 GAIA_AP01', delete: '404 GAIA_AP01', settings: '404 GAIA_AP01', acl: '404 GAIA_AP01', token: '404 GAIA_AP01' },
  'viewToken open': { app: 'ok', list: 'ok', get: 'ok', add: '403 GAIA_NO01', edit: '403 GAIA_NO01', delete: '403 GAIA_NO01', settings: '403 GAIA_NO01', acl: '403 GAIA_NO01', token: '403 GAIA_NO01' },
  'viewToken crew': { app: '400 GAIA_IA02', list: '400 GAIA_IA02', get: '400 GAIA_IA02', add: '400 GAIA_IA02', edit: '400 GAIA_IA02', delete: '400 GAIA_IA02', settings: '400 GAIA_IA02', acl: '400 GAIA_IA02', token: '403 GAIA_NO01' },
  'allToken open': { app: 'ok', list: 'ok', get: 'ok', add: 'ok', edit: 'ok', delete: 'ok', settings: 'ok', acl: 'ok', token: '403 GAIA_NO01' },
};

eachDatabase((database) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp(database());
  });
  afterAll(async () => h.close());

  interface World {
    d: TestDomain;
    people: Record<'admin' | 'carol' | 'dave' | 'erin' | 'frank', Persona>;
    apps: Record<'open' | 'crew' | 'mine', number>;
    tokens: Record<'viewToken' | 'allToken', string>;
  }

  async function world(): Promise<World> {
    const d = await newDomain(h);
    const [carol, dave, erin, frank] = [await d.addUser('carol'), await d.addUser('dave'), await d.addUser('erin'), await d.addUser('frank')];
    const post = async (url: string, payload: object, method: 'POST' | 'PUT' = 'POST', as = d.admin) => {
      const res = await d.request({ method, url, as, payload });
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      return res.json();
    };
    await post('/v1/groups.json', { groups: [{ code: 'crew', name: '現場班' }] });
    await post('/v1/organizations.json', { organizations: [{ code: 'site', name: '現場' }, { code: 'site-east', name: '現場東', parentCode: 'site' }] });
    await post('/v1/userGroups.json', { userGroups: [{ code: 'dave', groups: ['crew'] }] }, 'PUT');
    await post('/v1/userOrganizations.json', { userOrganizations: [{ code: 'erin', organizations: ['site-east'] }] }, 'PUT');
    const apps = {
      open: await deployedApp(d, FIELDS, { as: carol }),
      crew: await deployedApp(d, FIELDS, { as: carol }),
      mine: await deployedApp(d, FIELDS, { as: carol }),
    };
    await post('/k/v1/app/acl.json', {
      app: apps.crew,
      rights: [
        { entity: { type: 'CREATOR', code: null }, ...ALL },
        { entity: { type: 'GROUP', code: 'crew' }, ...VIEW },
        { entity: { type: 'ORGANIZATION', code: 'site' }, includeSubs: true, ...ALL },
      ],
    }, 'PUT', carol);
    await post('/k/v1/app/acl.json', { app: apps.mine, rights: [{ entity: { type: 'CREATOR', code: null }, ...ALL }] }, 'PUT', carol);
    const token = async (rights: object) => (await post('/k/v1/preview/app/apiToken.json', { app: apps.open, rights }, 'POST', carol)).token as string;
    const tokens = { viewToken: await token({ view: true }), allToken: await token({ view: true, add: true, edit: true, delete: true, manage: true }) };
    await post('/k/v1/preview/app/deploy.json', { apps: [{ app: apps.open }] }, 'POST', carol);
    return { d, people: { admin: d.admin, carol, dave, erin, frank }, apps, tokens };
  }

  /** One record per call that changes records, so each call acts on a record that exists. */
  async function call(w: World, who: string, app: number, action: Action): Promise<string> {
    const seed = await w.d.request({ method: 'POST', url: '/k/v1/record.json', as: w.people.carol, payload: { app, record: { title: { value: 'x' } } } });
    const id = seed.json().id as string;
    const auth =
      who === 'viewToken' || who === 'allToken'
        ? { headers: { 'x-cybozu-api-token': w.tokens[who] } }
        : { as: w.people[who as keyof World['people']] };
    const req = {
      app: { method: 'GET', url: `/k/v1/app.json?id=${app}` },
      list: { method: 'GET', url: `/k/v1/records.json?app=${app}` },
      get: { method: 'GET', url: `/k/v1/record.json?app=${app}&id=${id}` },
      add: { method: 'POST', url: '/k/v1/record.json', payload: { app, record: { title: { value: 'y' } } } },
      edit: { method: 'PUT', url: '/k/v1/record.json', payload: { app, id, record: { title: { value: 'z' } } } },
      delete: { method: 'DELETE', url: `/k/v1/records.json?app=${app}&ids[0]=${id}` },
      settings: { method: 'PUT', url: '/k/v1/preview/app/settings.json', payload: { app, description: 'changed' } },
      acl: { method: 'GET', url: `/k/v1/app/acl.json?app=${app}` },
      token: { method: 'GET', url: `/k/v1/preview/app/apiTokens.json?app=${app}` },
    }[action] as { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object };
    const res = await w.d.request({ ...req, ...auth });
    return res.statusCode === 200 ? 'ok' : `${res.statusCode} ${res.json().code}`;
  }

  describe('who may do what', () => {
    it('answers every persona, action and app as the table says', async () => {
      const w = await world();
      const actual: Record<string, Record<string, string>> = {};
      for (const row of Object.keys(EXPECTED)) {
        const [who, appName] = row.split(' ') as [string, 'open' | 'crew' | 'mine'];
        actual[row] = {};
        for (const action of ACTIONS) actual[row][action] = await call(w, who, w.apps[appName], action);
      }
      expect(actual).toEqual(EXPECTED);
    });
  });
});
