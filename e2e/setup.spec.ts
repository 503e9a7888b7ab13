// The first start of a fresh install: the one-time setup link (as the server prints it) opens the
// setup page, which creates the first administrator, who then logs in and sees the portal. Once
// used, the link is dead. A database of its own: the default domain answers any host only while
// no domain is bound to one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFirstRun } from '../server/domain/auth/first-run.js';
import { DATABASE_KINDS, type TestDatabase, openTestDatabase } from '../test/support/db.js';
import { openTab, useChromium } from './support/chromium.js';
import { portalSpaces } from './support/pages.js';
import { type WebServer, startWebServer } from './support/server.js';

describe('first-run setup', () => {
  const browser = useChromium();

  for (const kind of DATABASE_KINDS) {
    describe(kind, () => {
      let database: TestDatabase;
      let server: WebServer;
      beforeAll(async () => {
        database = await openTestDatabase(kind);
        server = await startWebServer(database);
      });
      afterAll(async () => {
        await server?.close();
        await database?.close();
      });

      it('creates the first administrator from the setup link, who logs in to the portal', async () => {
        const first = await prepareFirstRun(server.h.services);
        if (first.state !== 'setup-link') throw new Error(`expected a setup link, got ${first.state}`);
        const link = `http://localhost:${server.port}${new URL(first.url).pathname}${new URL(first.url).hash}`;
        const tab = await openTab(browser());
        const { page } = tab;
        await page.goto(link);
        await page.getByRole('heading', { name: 'Engawa setup' }).waitFor();
        await page.getByLabel('Login name').fill('chief');
        await page.getByLabel('Display name').fill('Chief Admin');
        await page.getByLabel('E-mail address').fill('not an address');
        await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
        await page.getByRole('button', { name: 'Create administrator' }).click();
        // The server's message for the field, beside it; the form keeps what was typed.
        await page.locator('.field--invalid').getByLabel('E-mail address').waitFor();
        await page.getByLabel('E-mail address').fill('chief@example.com');
        await page.getByRole('button', { name: 'Create administrator' }).click();

        await page.waitForURL(`http://localhost:${server.port}/login`);
        await page.getByText('The administrator has been created. Log in.').waitFor();
        expect(await page.getByLabel('Login name').inputValue()).toBe('chief');
        await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
        await page.getByRole('button', { name: 'Login' }).click();
        expect(await portalSpaces(page)).toEqual([]);
        await page.getByText('Chief Admin').waitFor();

        await page.goto(link);
        await page.getByText('Setup is already complete.').waitFor();
        await tab.close();
      });
    });
  }
});
