// cli-kintone (@kintone/cli) as a user runs it against a listening server: its version, and how it
// reports what the server refuses. Record export, import and delete need the records API; they
// go in a file of their own (cli-records.compat.test.ts) using the same helpers: `server().cli`
// runs a command with the credentials in its environment and `workDir` as its directory,
// `deployedApp(client, { properties: allFieldProperties() })` gives it an app with every field type.
import { describe, expect, it } from 'vitest';
import { addApp, eachKintoneServer, runCli } from '../support/kintone.js';

/** The one line the CLI logs for a failure, as "[status] [code] message (id)". */
function errorLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.includes('ERROR:'));
  expect(lines).toHaveLength(1);
  return lines[0]!.replace(/^\[[^\]]+\] ERROR: /, '');
}

describe('cli-kintone', () => {
  it('prints its version', async () => {
    const res = await runCli(['--version'], {});
    expect(res).toEqual({ code: 0, stdout: '1.19.2\n', stderr: '' });
  });
});

eachKintoneServer((server) => {
  describe('cli-kintone record export', () => {
    it('reports an unknown app with the GAIA_AP01 message and exits 1', async () => {
      const res = await server().cli(['record', 'export', '--app', '999999']);
      expect(res.code).toBe(1);
      expect(res.stdout).toBe('');
      expect(errorLine(res.stderr)).toMatch(/^\[404\] \[GAIA_AP01\] The app \(ID: 999999\) not found\. The app may have been deleted\. \([0-9A-Za-z]{20}\)$/);
    });

    it('reports another user’s app that was never deployed as unknown', async () => {
      const s = server();
      const app = await addApp(s.client(s.admin));
      const res = await s.cli(['record', 'export', '--app', app], { as: s.member });
      expect(res.code).toBe(1);
      expect(errorLine(res.stderr)).toMatch(new RegExp(`^\\[404\\] \\[GAIA_AP01\\] The app \\(ID: ${app}\\) not found\\.`));
    });

    it('reports a wrong password with CB_WA01 and exits 1', async () => {
      const res = await server().cli(['record', 'export', '--app', '1'], { as: { username: 'admin', password: 'not the password' } });
      expect(res.code).toBe(1);
      expect(res.stdout).toBe('');
      expect(errorLine(res.stderr)).toMatch(/^\[401\] \[CB_WA01\] Password authentication failed\. Check your login name and password\. \([0-9A-Za-z]{20}\)$/);
    });

    it('reports an API token no app issued with GAIA_IA02', async () => {
      const res = await server().cli(['record', 'export', '--app', '1'], {
        as: { username: '', password: '' },
        env: { KINTONE_API_TOKEN: 'NotATokenOfAnyApp0123456789abcdefghijklm' },
      });
      expect(res.code).toBe(1);
      expect(errorLine(res.stderr)).toMatch(/^\[400\] \[GAIA_IA02\] The specified API token does not match the API token generated via an app\./);
    });
  });
});
