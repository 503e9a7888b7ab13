// Apps through @kintone/rest-api-client against a listening server: create, read, list, app
// settings, deploy and revert, and the errors a client's caller sees. Form fields are in
// app-form.compat.test.ts, layout and views in app-layout.compat.test.ts.
import type { KintoneRestAPIClient } from '@kintone/rest-api-client';
import qs from 'qs';
import { describe, expect, it } from 'vitest';
import { addApp, deployAndWait, deployedApp, eachKintoneServer, errorText, kintoneError, uniqueName } from '../support/kintone.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/**
 * kintone sets an app's code in its settings screen only; Engawa also takes `code` in PUT
 * app/settings (our addition, outside the client's types), which is how these tests get codes.
 */
function setAppCode(client: KintoneRestAPIClient, app: string, code: string) {
  return client.app.updateAppSettings({ app, code } as Parameters<KintoneRestAPIClient['app']['updateAppSettings']>[0]);
}

eachKintoneServer((server) => {
  describe('creating, reading and deploying an app', () => {
    it('creates an app in preview that getApp only finds once deployed', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const name = uniqueName('案件管理');
      const created = await admin.app.addApp({ name });
      expect(created).toEqual({ app: expect.stringMatching(/^[1-9]\d*$/), revision: '2' });
      // Without a space the client posts at once (with one, it would first GET the space).
      expect(s.requests.at(-1)).toEqual({ method: 'POST', url: '/k/v1/preview/app.json', override: undefined, status: 200 });
      const { app } = created;

      const notYet = await kintoneError(admin.app.getApp({ id: app }), 404, 'GAIA_AP01');
      expect(errorText(notYet)).toBe(`The app (ID: ${app}) not found. The app may have been deleted.`);

      await deployAndWait(admin, [app]);
      expect(await admin.app.getApp({ id: app })).toEqual({
        appId: app,
        code: '',
        name,
        description: '',
        spaceId: null,
        threadId: null,
        createdAt: expect.stringMatching(ISO),
        creator: { code: 'admin', name: 'admin' },
        modifiedAt: expect.stringMatching(ISO),
        modifier: { code: 'admin', name: 'admin' },
      });
      // The member sees the deployed app too, as kintone's default app permissions allow.
      expect((await s.client(s.member).app.getApp({ id: Number(app) })).name).toBe(name);
      // The wait polled GET preview/app/deploy with `apps[0]` in the query string, as the CLI does.
      expect(s.requests).toContainEqual(expect.objectContaining({ method: 'GET', url: `/k/v1/preview/app/deploy.json?apps%5B0%5D=${app}`, status: 200 }));
      expect(await admin.app.getDeployStatus({ apps: [app] })).toEqual({ apps: [{ app, status: 'SUCCESS' }] });
    });

    it('keeps settings changes in preview until deploy, and revert discards them', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const name = uniqueName('日報');
      const app = await deployedApp(admin, { name });
      const defaults = await admin.app.getAppSettings({ app });
      expect(defaults).toEqual({
        name,
        description: '',
        icon: { type: 'PRESET', key: expect.any(String) },
        theme: 'WHITE',
        titleField: { selectionMode: 'AUTO', code: '' },
        enableThumbnails: true,
        enableBulkDeletion: false,
        enableComments: true,
        enableDuplicateRecord: true,
        enableInlineRecordEditing: true,
        enableHistory: true,
        numberPrecision: { digits: '16', decimalPlaces: '4', roundingMode: 'HALF_EVEN' },
        firstMonthOfFiscalYear: '4',
        code: '',
        revision: '2',
      });

      const renamed = uniqueName('週報');
      const changes = {
        name: renamed,
        description: '<b>週次の報告</b>',
        icon: { type: 'PRESET' as const, key: 'APP39' },
        theme: 'GREEN' as const,
        enableComments: false,
        enableBulkDeletion: true,
        numberPrecision: { digits: '20', decimalPlaces: '2', roundingMode: 'UP' as const },
        firstMonthOfFiscalYear: '1',
      };
      expect(await admin.app.updateAppSettings({ app, ...changes, revision: '2' })).toEqual({ revision: '3' });
      expect(await admin.app.getAppSettings({ app, preview: true })).toEqual({ ...defaults, ...changes, revision: '3' });
      expect(await admin.app.getAppSettings({ app })).toEqual(defaults);
      expect((await admin.app.getApp({ id: app })).name).toBe(name);

      await deployAndWait(admin, [app]);
      expect(await admin.app.getAppSettings({ app })).toEqual({ ...defaults, ...changes, revision: '3' });
      expect((await admin.app.getApp({ id: app })).name).toBe(renamed);

      await admin.app.updateAppSettings({ app, name: 'やめた名前', theme: 'RED' });
      await deployAndWait(admin, [app], { revert: true });
      const reverted = await admin.app.getAppSettings({ app, preview: true });
      expect({ name: reverted.name, theme: reverted.theme }).toEqual({ name: renamed, theme: 'GREEN' });
      expect((await admin.app.getApp({ id: app })).name).toBe(renamed);
    });

    it('sets a manual title field and an app code that getApp then reports', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const app = await deployedApp(admin, { properties: { 件名: { type: 'SINGLE_LINE_TEXT', code: '件名', label: '件名' } } });
      const code = `C${app}_${uniqueName('x').slice(2)}`;
      await setAppCode(admin, app, code);
      await admin.app.updateAppSettings({ app, titleField: { selectionMode: 'MANUAL', code: '件名' } });
      await deployAndWait(admin, [app]);
      expect(await admin.app.getAppSettings({ app })).toMatchObject({ code, titleField: { selectionMode: 'MANUAL', code: '件名' } });
      expect((await admin.app.getApp({ id: app })).code).toBe(code);
    });
  });

  describe('listing apps', () => {
    it('filters by ids (beyond qs’s 20-item default), codes, name, offset and limit', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const tag = uniqueName('List');
      const apps: string[] = [];
      for (let i = 0; i < 25; i++) apps.push(await addApp(admin, `${tag}_${String(i).padStart(2, '0')}`));
      await setAppCode(admin, apps[3]!, `${tag}_THREE`);
      await setAppCode(admin, apps[7]!, `${tag}_SEVEN`);
      await deployAndWait(admin, apps);

      const all = await admin.app.getApps({ ids: apps });
      expect(all.apps.map((a) => a.appId)).toEqual(apps);
      expect(all.apps[24]).toMatchObject({ appId: apps[24], name: `${tag}_24`, creator: { code: 'admin' } });
      // The query string really carried index 24: qs.stringify writes ids[24]=… for the 25th.
      expect(s.requests.at(-1)?.url).toContain(`ids%5B24%5D=${apps[24]}`);

      const byCode = await admin.app.getApps({ codes: [`${tag}_SEVEN`, `${tag}_THREE`, `${tag}_three`] });
      expect(byCode.apps.map((a) => [a.appId, a.code])).toEqual([
        [apps[3], `${tag}_THREE`],
        [apps[7], `${tag}_SEVEN`],
      ]);

      const byName = await admin.app.getApps({ name: `${tag}_1`.toLowerCase() });
      expect(byName.apps.map((a) => a.name)).toEqual(Array.from({ length: 10 }, (_, i) => `${tag}_1${i}`));

      const page = await admin.app.getApps({ ids: apps, offset: 5, limit: 10 });
      expect(page.apps.map((a) => a.appId)).toEqual(apps.slice(5, 15));
      expect((await admin.app.getApps({ name: tag, offset: 20 })).apps.map((a) => a.appId)).toEqual(apps.slice(20));
    });

    it('still answers a GET whose URL passes 4,096 characters, sent as POST with X-HTTP-Method-Override', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const tag = uniqueName('Long');
      const apps: string[] = [];
      const codes: string[] = [];
      for (let i = 0; i < 3; i++) {
        const app = await addApp(admin, `${tag}_長い名前の一覧_${i}`);
        const code = `${tag}_${i}_${'c'.repeat(40)}`;
        await setAppCode(admin, app, code);
        apps.push(app);
        codes.push(code);
      }
      await deployAndWait(admin, apps);

      // 100 ids and 100 long codes: the real apps among ids that exist nowhere.
      const ids = [...apps, ...Array.from({ length: 97 }, (_, i) => String(900_000 + i))];
      const allCodes = [...codes, ...Array.from({ length: 97 }, (_, i) => `Nothing_${i}_${'z'.repeat(40)}`)];
      const params = { ids, codes: allCodes, name: `${tag}_長い名前の一覧`, limit: 100, offset: 0 };
      expect(`${s.baseUrl}/k/v1/apps.json?${qs.stringify(params)}`.length).toBeGreaterThan(4096);

      const found = await admin.app.getApps(params);
      expect(found.apps.map((a) => [a.appId, a.code])).toEqual(apps.map((a, i) => [a, codes[i]]));
      expect(s.requests.at(-1)).toEqual({ method: 'GET', url: '/k/v1/apps.json', override: 'GET', status: 200 });
    });
  });

  describe('errors as the client reports them', () => {
    it('an unknown app is GAIA_AP01 404 on every app API', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const e = await kintoneError(admin.app.getApp({ id: 999999 }), 404, 'GAIA_AP01');
      expect(errorText(e)).toBe('The app (ID: 999999) not found. The app may have been deleted.');
      expect(e.errors).toBeUndefined();
      await kintoneError(admin.app.getFormFields({ app: 999999 }), 404, 'GAIA_AP01');
      await kintoneError(admin.app.getAppSettings({ app: 999999, preview: true }), 404, 'GAIA_AP01');
      await kintoneError(admin.app.updateAppSettings({ app: 999999, name: 'x' }), 404, 'GAIA_AP01');
      await kintoneError(admin.app.deployApp({ apps: [{ app: 999999 }] }), 404, 'GAIA_AP01');
      await kintoneError(admin.app.getDeployStatus({ apps: [999999] }), 404, 'GAIA_AP01');
      // Another user's app that was never deployed does not exist for the member either.
      const hidden = await addApp(admin);
      await kintoneError(s.client(s.member).app.getAppSettings({ app: hidden, preview: true }), 404, 'GAIA_AP01');
    });

    it('a wrong password or an unknown login is CB_WA01 401, with the same message', async () => {
      const s = server();
      const wrong = await kintoneError(s.client({ username: 'admin', password: 'not the password' }).app.getApps({}), 401, 'CB_WA01');
      const unknown = await kintoneError(s.client({ username: uniqueName('nobody'), password: 'whatever' }).app.getApps({}), 401, 'CB_WA01');
      expect(errorText(wrong)).toBe('Password authentication failed. Check your login name and password.');
      expect(errorText(unknown)).toBe(errorText(wrong));
      expect(wrong.id).not.toBe(unknown.id);
    });

    it('a member changing another user’s app is CB_NO02 403 and changes nothing', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const member = s.client(s.member);
      const name = uniqueName('管理者のアプリ');
      const app = await deployedApp(admin, { name });
      const e = await kintoneError(member.app.updateAppSettings({ app, name: '乗っ取り' }), 403, 'CB_NO02');
      expect(errorText(e)).toBe('No privilege to proceed.');
      await kintoneError(member.app.addFormFields({ app, properties: { x: { type: 'NUMBER', code: 'x', label: 'x' } } }), 403, 'CB_NO02');
      await kintoneError(member.app.getAppSettings({ app, preview: true }), 403, 'CB_NO02');
      await kintoneError(member.app.deployApp({ apps: [{ app }] }), 403, 'CB_NO02');
      expect((await member.app.getAppSettings({ app })).name).toBe(name);
      expect((await admin.app.getAppSettings({ app, preview: true })).name).toBe(name);
    });

    it('a stale revision is GAIA_CO02 409 and changes nothing', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const name = uniqueName('改訂');
      const app = await deployedApp(admin, { name });
      const e = await kintoneError(admin.app.updateAppSettings({ app, name: 'X', revision: 1 }), 409, 'GAIA_CO02');
      expect(errorText(e)).toBe('The specified revision is not the latest. Another user may have updated the record.');
      await kintoneError(admin.app.deployApp({ apps: [{ app, revision: 99 }] }), 409, 'GAIA_CO02');
      expect(await admin.app.getAppSettings({ app, preview: true })).toMatchObject({ name, revision: '2' });
      // -1, like an absent revision, skips the check.
      expect(await admin.app.updateAppSettings({ app, name: 'Y', revision: -1 })).toEqual({ revision: '3' });
    });

    it('invalid input is CB_VA01 400 with `errors` naming each parameter', async () => {
      const s = server();
      const admin = s.client(s.admin);
      const e = await kintoneError(admin.app.addApp({ name: 'x'.repeat(65) }), 400, 'CB_VA01');
      expect(errorText(e)).toBe('Missing or invalid input.');
      expect(Object.keys(e.errors)).toEqual(['name']);
      expect(e.errors.name).toEqual({ messages: [expect.any(String)] });
      const limit = await kintoneError(admin.app.getApps({ limit: 101 }), 400, 'CB_VA01');
      expect(Object.keys(limit.errors)).toEqual(['limit']);
    });
  });
});
