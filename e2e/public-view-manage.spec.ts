// Managing a public view's visitors in Chromium: an app manager turns on e-mail authentication
// for registered addresses only, imports visitors by CSV — a file with a bad row is refused
// first, naming the row, and nothing is registered — then the good file, and the list shows
// them; one is removed. A scheduled sync's result shown as the run ends, without a reload. A list
// view's search form made in the view's editor. The visitors screen on a 375 px phone in Japanese.
import { describe, expect, it } from 'vitest';
import { openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, submitSignIn } from './support/pages.js';
import { SHOTS, houseWorld, madeView } from './support/public-views.js';
import { runDueSyncs } from '../server/domain/public-views/visitors/sync-schedule.js';
import { call, useWebServer } from './support/server.js';

const csv = (text: string) => ({ name: 'visitors.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

describe('public view management: e-mail authentication and visitors', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('turns on e-mail authentication and imports visitors by CSV, a bad file refused first', async () => {
    const w = await houseWorld(server());
    const view = await madeView(w);
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, w.d.origin, w.d.admin.code, w.d.admin.password);
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views`);
    await page.getByRole('link', { name: 'Visitors and e-mail authentication of "Our houses"' }).click();
    await page.getByRole('heading', { name: 'Visitors of "Our houses"', level: 2 }).waitFor();
    await page.getByRole('navigation', { name: 'View pages' }).getByRole('link', { name: 'E-mail authentication and visitors' }).waitFor();

    // E-mail authentication: off at first, then registered addresses only.
    const auth = page.getByRole('group', { name: 'E-mail authentication' });
    expect(await auth.getByRole('radio', { name: 'Off' }).isChecked()).toBe(true);
    await auth.getByRole('radio', { name: 'Registered addresses only' }).check();
    await page.getByRole('button', { name: 'Save e-mail authentication' }).click();
    await page.getByRole('status').getByText('E-mail authentication saved.').waitFor();
    const views = await call(w.d, w.d.admin, 'GET', `/v1/public-views.json?app=${w.app}`);
    expect(views.views.find((v: { id: string }) => v.id === view.id).emailAuth).toBe('registered');

    await page.getByText('No registered visitors yet.', { exact: false }).waitFor();
    await page.getByText('0 of 300 visitors registered', { exact: false }).waitFor();

    // A file with a bad second row: refused whole, the row named, nothing registered.
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(csv('email,name,plan\nann@example.com,Ann,gold\nnot-an-address,Bob,silver\n'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The CSV file has errors; nothing was registered.' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Row 2, email:');
    expect(await alert.textContent()).not.toContain('Row 1');
    await page.screenshot({ path: `${SHOTS}/public-view-visitors-csv-error.png`, fullPage: true });
    const none = await call(w.d, w.d.admin, 'GET', `/v1/public-view/visitors.json?id=${view.id}`);
    expect(none.totalCount).toBe(0);
    await page.getByText('No registered visitors yet.', { exact: false }).waitFor();

    // The corrected file.
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(csv('email,name,plan\nann@example.com,Ann,gold\nbob@example.com,Bob,silver\n'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').getByText('2 added, 0 updated, 0 removed.').waitFor();
    const table = page.getByRole('table', { name: 'Registered visitors' });
    await table.getByRole('cell', { name: 'bob@example.com', exact: true }).waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toEqual([expect.stringContaining('ann@example.com'), expect.stringContaining('bob@example.com')]);
    expect(rows[0]).toContain('Ann');
    expect(rows[0]).toContain('plan=gold');
    expect(rows[0]).toContain('CSV');
    await page.getByText('2 of 300 visitors registered', { exact: false }).waitFor();
    await page.screenshot({ path: `${SHOTS}/public-view-visitors.png`, fullPage: true });

    // Removing one asks first.
    await table.getByRole('button', { name: 'Remove bob@example.com' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await table.getByRole('cell', { name: 'bob@example.com', exact: true }).waitFor({ state: 'detached' });
    expect(await table.locator('tbody tr').count()).toBe(1);
    await tab.close();
  });

  it('syncs visitors from an app’s e-mail and attribute fields and says how many came', async () => {
    const w = await houseWorld(server());
    const view = await madeView(w);
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, w.d.origin, w.d.admin.code, w.d.admin.password);
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/${view.id}/visitors`);
    const sync = page.getByRole('form', { name: 'Sync from an app' });
    await sync.getByLabel('App', { exact: true }).selectOption({ label: 'Houses' });
    await sync.getByLabel('E-mail field').selectOption({ label: 'Contact' });
    await sync.getByRole('group', { name: 'Attribute fields' }).getByLabel('Stage', { exact: true }).check();
    expect(await sync.getByLabel('Attribute key for Stage').inputValue()).toBe('stage');
    await sync.getByRole('button', { name: 'Sync now' }).click();
    // Two addresses among 27 houses: the rest repeat one of them and are skipped.
    await sync.getByRole('status').getByText('2 added, 0 updated, 0 removed.', { exact: false }).waitFor();
    const table = page.getByRole('table', { name: 'Registered visitors' });
    await table.getByRole('cell', { name: 'kim@example.com', exact: true }).waitFor();
    expect(await table.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('App'), expect.stringContaining('App')]);
    await tab.close();
  });

  it('shows a scheduled sync’s result as soon as the run ends, without a reload', async () => {
    const w = await houseWorld(server());
    const view = await madeView(w);
    await call(w.d, w.d.admin, 'PUT', '/v1/public-view/visitors/sync/schedule.json', { id: view.id, app: w.app, emailField: 'contact', attributes: { stage: 'stage' }, every: 'hourly' });
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, w.d.origin, w.d.admin.code, w.d.admin.password);
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/${view.id}/visitors`);
    const last = page.getByRole('group', { name: 'Last run' });
    await last.getByText('Not run yet.').waitFor();
    // The run falls due and the sweep runs it, in the server, while the page stays open.
    server().h.clock.advance(61 * 60_000);
    expect(await runDueSyncs(server().h.services)).toBeGreaterThanOrEqual(1);
    await last.getByText('2 added, 0 updated, 0 removed.', { exact: false }).waitFor({ timeout: 20_000 });
    // The visitors it brought are listed too.
    await page.getByRole('table', { name: 'Registered visitors' }).getByRole('cell', { name: 'kim@example.com', exact: true }).waitFor();
    await tab.close();
  });

  it('adds a search form to a list view, its objection shown beside the editor', async () => {
    const w = await houseWorld(server());
    const view = await madeView(w);
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, w.d.origin, w.d.admin.code, w.d.admin.password);
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/${view.id}`);
    await page.getByRole('heading', { name: 'Edit view', level: 2 }).waitFor();
    const editor = page.getByRole('group', { name: 'Search form', exact: true });
    await editor.getByRole('button', { name: 'Add search item' }).click();
    await editor.getByRole('button', { name: 'Add search item' }).click();
    const first = editor.getByRole('group', { name: 'Search item 1' });
    await first.getByLabel('Label').fill('Words');
    // No text field ticked: the server refuses the item, beside the editor.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.locator('.field-error').waitFor();
    await first.getByRole('group', { name: 'Text fields searched' }).getByLabel('House').check();
    const second = editor.getByRole('group', { name: 'Search item 2' });
    await second.getByLabel('Kind').selectOption({ label: 'Choice' });
    await second.getByLabel('Field', { exact: true }).selectOption({ label: 'Stage' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'Public views', level: 2 }).waitFor();
    const views = await call(w.d, w.d.admin, 'GET', `/v1/public-views.json?app=${w.app}`);
    expect(views.views.find((v: { id: string }) => v.id === view.id).settings.searchForm).toEqual([
      { kind: 'text', key: 'item1', label: 'Words', fields: ['title'] },
      { kind: 'choice', key: 'item2', label: '', field: 'stage' },
    ]);
    await tab.close();
  });

  it('works on a 375 px phone in Japanese', async () => {
    const w = await houseWorld(server());
    const view = await madeView(w);
    await call(w.d, w.d.admin, 'POST', '/v1/public-view/visitors.json', { id: view.id, visitors: [{ email: 'kim@example.com', name: 'キム', attributes: { plan: 'gold' } }] });
    // Signing in applies the account's language: this manager reads Japanese.
    await call(w.d, w.d.admin, 'PUT', '/v1/users.json', { users: [{ code: w.d.admin.code, locale: 'ja' }] });
    const tab = await openTab(browser(), { width: 375, locale: 'ja-JP' });
    const { page } = tab;
    await page.goto(`${w.d.origin}/login`);
    await page.getByLabel('ログイン名').fill(w.d.admin.code);
    await page.getByLabel('パスワード', { exact: true }).fill(w.d.admin.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.locator('.shell__main h1').first().waitFor();
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/${view.id}/visitors`);
    await page.getByRole('heading', { name: '「Our houses」の閲覧者', level: 2 }).waitFor();
    await page.getByRole('group', { name: 'メールアドレス認証' }).getByRole('radio', { name: '登録済みのメールアドレスのみ' }).waitFor();
    await page.getByRole('table', { name: '登録ユーザー' }).getByRole('cell', { name: 'kim@example.com', exact: true }).waitFor();
    await page.getByLabel('CSVファイル', { exact: true }).waitFor();
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/public-view-visitors-375-ja.png`, fullPage: true });
    await tab.close();
  });
});
