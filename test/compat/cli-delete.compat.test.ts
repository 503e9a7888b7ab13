// cli-kintone `record delete` against a real server: it takes API tokens only, and deletes
// every record of the app with one whose app may delete them.
import type { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { deployAndWait, deployedApp, eachKintoneServer, postAsAdmin } from '../support/kintone.js';

eachKintoneServer((server) => {
  let admin: KintoneRestAPIClient;
  beforeAll(() => {
    admin = server().client(server().admin);
  });

  /** A fresh app with two records. */
  async function twoRecords(): Promise<string> {
    const app = await deployedApp(admin, { properties: { title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' } } });
    await admin.record.addRecords({ app, records: [{ title: { value: '一' } }, { title: { value: '二' } }] });
    return app;
  }

  describe('record delete', () => {
    it('is refused by the CLI itself with a password: it takes API tokens only', async () => {
      const s = server();
      const app = await twoRecords();
      const before = s.requests.length;
      const res = await s.cli(['record', 'delete', '--app', app, '--yes']);
      expect(res.code).toBe(1);
      expect(res.stdout).toBe('');
      expect(res.stderr.trim().split('\n').at(-1)).toBe('Authentication required (API token)');
      // Refused before any request; the records stay.
      expect(s.requests.length).toBe(before);
      expect((await admin.record.getRecords({ app, totalCount: true })).totalCount).toBe('2');
    });

    it('refuses a token no app issued (GAIA_IA02) and deletes nothing', async () => {
      const s = server();
      const app = await twoRecords();
      const res = await s.cli(['record', 'delete', '--app', app, '--yes'], {
        as: { username: '', password: '' },
        env: { KINTONE_API_TOKEN: 'NotATokenOfAnyApp0123456789abcdefghijklm' },
      });
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/\[400\] \[GAIA_IA02\] The specified API token does not match the API token generated via an app\./);
      expect((await admin.record.getRecords({ app, totalCount: true })).totalCount).toBe('2');
    });

    it('deletes every record with the app’s API token, and only with the delete right', async () => {
      const s = server();
      const app = await twoRecords();
      const token = async (rights: Record<string, boolean>) => {
        const made = (await postAsAdmin(s, '/k/v1/preview/app/apiToken.json', { app, rights })) as { token: string };
        await deployAndWait(admin, [app]);
        return made.token;
      };
      const viewOnly = await token({ view: true });
      const refused = await s.cli(['record', 'delete', '--app', app, '--yes'], { as: { username: '', password: '' }, env: { KINTONE_API_TOKEN: viewOnly } });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/\[403\] \[GAIA_NO01\]/);
      expect((await admin.record.getRecords({ app, totalCount: true })).totalCount).toBe('2');

      const deleter = await token({ view: true, delete: true });
      const res = await s.cli(['record', 'delete', '--app', app, '--yes'], { as: { username: '', password: '' }, env: { KINTONE_API_TOKEN: deleter } });
      expect(res.stderr).not.toMatch(/ERROR|\[\d{3}\]/);
      expect(res.code).toBe(0);
      expect((await admin.record.getRecords({ app, totalCount: true })).totalCount).toBe('0');
    });
  });
});
