// Two settings of a public view in the management screens, in Chromium. Embedding: an app manager
// lists the sites that may show the view in a frame; a site that is not an https origin is
// refused beside the field, naming it, and nothing is saved; the corrected list is saved and the
// visitor page names those sites in its frame-ancestors; with a password the editor says how
// visitors sign in inside the frame (public-view-framed.spec.ts proves it); on a plan without access restrictions the refusal says which plan unlocks it.
// Scheduled sync: turned on hourly from the sync form's choices (refused first on a plan without
// registered visitors), its run's counts and then a refused run's reason shown, turned off.
// Both screens on a 375 px phone in Japanese.
import { describe, expect, it } from 'vitest';
import { runDueSyncs } from '../server/domain/public-views/visitors/sync-schedule.js';
import { setViewPlan } from '../test/support/public-views.js';
import { type Tab, openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, submitSignIn } from './support/pages.js';
import { type HouseWorld, SHOTS, houseWorld, madeView, strangerTab } from './support/public-views.js';
import { type WebServer, call, useWebServer } from './support/server.js';

const HOUR = 3_600_000;
const SCHEDULE = '/v1/public-view/visitors/sync/schedule.json';

describe('public view management: embedding and scheduled sync', () => {
  const browser = useChromium();
  const server = useWebServer();

  async function signedIn(w: HouseWorld): Promise<Tab> {
    const tab = await openTab(browser());
    await submitSignIn(tab.page, w.d.origin, w.d.admin.code, w.d.admin.password);
    await tab.page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    return tab;
  }

  const viewOf = async (w: HouseWorld, id: string) => ((await call(w.d, w.d.admin, 'GET', `/v1/public-views.json?app=${w.app}`)).views as Array<{ id: string; frameAncestors: string[]; hasPassword: boolean }>).find((v) => v.id === id)!;

  it('saves the sites that may embed a view, a bad one refused beside the field and named', async () => {
    const w = await houseWorld(server());
    const view = await madeView(w);
    const tab = await signedIn(w);
    const { page } = tab;
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/${view.id}`);
    await page.getByRole('heading', { name: 'Edit view', level: 2 }).waitFor();
    const sites = page.getByLabel('Sites that may embed this view');
    expect(await sites.inputValue()).toBe('');
    // The rule and how sign-in works inside a frame are read with the field.
    const description = await sites.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(description).toContain('Premium plan or above');
    expect(description).toContain('works inside these sites’ frames when this server is reached over HTTPS');

    await sites.fill('https://shop.example\nhttp://blog.example/news');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const field = page.locator('.pvm-embed');
    await field.locator('.field-error').getByText('Site 2 (http://blog.example/news): The value is invalid.').waitFor();
    expect(await sites.getAttribute('aria-invalid')).toBe('true');
    expect(await field.locator('.field-error').textContent()).not.toContain('shop.example');
    await page.screenshot({ path: `${SHOTS}/public-view-embedding-error.png`, fullPage: true });
    expect((await viewOf(w, view.id)).frameAncestors).toEqual([]);

    // Corrected: saved as origins (the trailing slash dropped) and back to the list.
    await sites.fill('https://shop.example\nhttps://partner.example:8443/\n');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'Public views', level: 2 }).waitFor();
    expect((await viewOf(w, view.id)).frameAncestors).toEqual(['https://shop.example', 'https://partner.example:8443']);

    // The visitor page may now be framed by those sites only.
    const visitor = await strangerTab(browser());
    const answer = await visitor.page.goto(view.url);
    expect(answer?.headers()['content-security-policy']).toContain('frame-ancestors https://shop.example https://partner.example:8443');
    expect(answer?.headers()['x-frame-options']).toBeUndefined();
    await visitor.close();

    // With a password, the editor says how visitors sign in inside the frame.
    await page.getByRole('link', { name: 'Edit "Our houses"' }).click();
    expect(await sites.inputValue()).toBe('https://shop.example\nhttps://partner.example:8443');
    await page.getByLabel('Visitors must enter a password').check();
    await page.getByRole('note').getByText('Visitors sign in inside the frame: with the password, or by an e-mail code', { exact: false }).waitFor();
    await page.screenshot({ path: `${SHOTS}/public-view-embedding.png`, fullPage: true });
    await page.getByLabel('Visitors must enter a password').uncheck();

    // On a plan without access restrictions the refusal sits beside the sites, naming the plan.
    await setViewPlan(w.d, 'standard');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await field.locator('.field-error').getByText('It needs the premium plan or above', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Back to public views' }).click();
    // The list and the editor say what the view lacks now, and which plan unlocks it.
    await page.getByRole('note').getByText('your plan lacks Embedding in other sites (Premium plan or above)', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Edit "Our houses"' }).click();
    await field.getByRole('note').getByText('Embedding in other sites (Premium plan or above)', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Back to public views' }).click();
    await page.locator('.pvm-plans summary').click();
    const row = page.getByRole('row', { name: /Embedding in other sites/ });
    expect((await row.getByRole('cell').allTextContents()).join('')).toBe('––✓✓✓');
    await tab.close();
  });

  it('turns a scheduled sync on from the sync form, shows its runs, and turns it off', async () => {
    const s: WebServer = server();
    const w = await houseWorld(s, 'standard');
    const view = await madeView(w);
    const tab = await signedIn(w);
    const { page } = tab;
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/${view.id}/visitors`);
    const sync = page.getByRole('form', { name: 'Sync from an app' });
    const schedule = sync.getByRole('group', { name: 'Scheduled sync' });
    await schedule.getByText('Not scheduled', { exact: false }).waitFor();
    // Nothing chosen yet: nothing to schedule.
    expect(await schedule.getByRole('button', { name: 'Turn on scheduled sync' }).isDisabled()).toBe(true);
    await sync.getByLabel('App', { exact: true }).selectOption({ label: 'Houses' });
    await sync.getByLabel('E-mail field').selectOption({ label: 'Contact' });
    await sync.getByRole('group', { name: 'Attribute fields' }).getByLabel('Stage', { exact: true }).check();
    await schedule.getByLabel('Repeat').selectOption({ label: 'Every hour' });

    // Registered visitors need Premium: the refusal is shown under the controls.
    await schedule.getByRole('button', { name: 'Turn on scheduled sync' }).click();
    await schedule.getByRole('alert').getByText('It needs the premium plan or above', { exact: false }).waitFor();
    expect((await call(w.d, w.d.admin, 'GET', `${SCHEDULE}?id=${view.id}`)).schedule).toBeNull();

    await setViewPlan(w.d, 'premium');
    await schedule.getByRole('button', { name: 'Turn on scheduled sync' }).click();
    await schedule.getByRole('status').getByText('Scheduled sync saved.').waitFor();
    await schedule.getByText(`Scheduled: every hour, next around`, { exact: false }).waitFor();
    await schedule.getByText(`as ${w.d.admin.code}.`, { exact: false }).waitFor();
    await schedule.getByRole('group', { name: 'Last run' }).getByText('Not run yet.').waitFor();
    expect((await call(w.d, w.d.admin, 'GET', `${SCHEDULE}?id=${view.id}`)).schedule).toMatchObject({ app: String(w.app), emailField: 'contact', attributes: { stage: 'stage' }, every: 'hourly' });

    // An hour on, the sweep runs it; the page, reopened, has the form as scheduled and the counts.
    s.h.clock.advance(HOUR);
    expect(await runDueSyncs(s.h.services)).toBe(1);
    await page.reload();
    await schedule.getByRole('group', { name: 'Last run' }).getByText('2 added, 0 updated, 0 removed.', { exact: false }).waitFor();
    // The form fills in as the app's fields arrive (after the schedule, under a loaded machine).
    await expect.poll(() => sync.getByLabel('E-mail field').inputValue()).toBe('contact');
    await expect.poll(() => sync.getByLabel('Attribute key for Stage').inputValue()).toBe('stage');
    await expect.poll(() => schedule.getByLabel('Repeat').inputValue()).toBe('hourly');
    await page.getByRole('table', { name: 'Registered visitors' }).getByRole('cell', { name: 'kim@example.com', exact: true }).waitFor();
    await page.screenshot({ path: `${SHOTS}/public-view-sync-schedule.png`, fullPage: true });

    // A run the plan no longer allows changes nothing and is kept as the last run's reason.
    await setViewPlan(w.d, 'standard');
    s.h.clock.advance(HOUR);
    expect(await runDueSyncs(s.h.services)).toBe(1);
    await setViewPlan(w.d, 'premium');
    await page.reload();
    const last = schedule.getByRole('group', { name: 'Last run' });
    await last.getByText('Failed, nothing changed.', { exact: false }).waitFor();
    expect(await last.textContent()).toContain('It needs the premium plan or above');

    // Turned off.
    await schedule.getByRole('button', { name: 'Turn off scheduled sync' }).click();
    await schedule.getByRole('status').getByText('Scheduled sync turned off.').waitFor();
    await schedule.getByText('Not scheduled', { exact: false }).waitFor();
    expect((await call(w.d, w.d.admin, 'GET', `${SCHEDULE}?id=${view.id}`)).schedule).toBeNull();
    await tab.close();
  });

  it('shows both on a 375 px phone in Japanese', async () => {
    const w = await houseWorld(server());
    const view = await madeView(w, { frameAncestors: ['https://shop.example'] });
    await call(w.d, w.d.admin, 'PUT', SCHEDULE, { id: view.id, app: w.app, emailField: 'contact', every: 'daily' });
    await call(w.d, w.d.admin, 'PUT', '/v1/users.json', { users: [{ code: w.d.admin.code, locale: 'ja' }] });
    const tab = await openTab(browser(), { width: 375, locale: 'ja-JP' });
    const { page } = tab;
    await page.goto(`${w.d.origin}/login`);
    await page.getByLabel('ログイン名').fill(w.d.admin.code);
    await page.getByLabel('パスワード', { exact: true }).fill(w.d.admin.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.locator('.shell__main h1').first().waitFor();
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/${view.id}`);
    expect(await page.getByLabel('このビューを埋め込めるサイト').inputValue()).toBe('https://shop.example');
    await page.getByText('フレーム内のメールアドレス認証は確認コードで行います', { exact: false }).waitFor();
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/public-view-embedding-375-ja.png`, fullPage: true });

    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/${view.id}/visitors`);
    const schedule = page.getByRole('group', { name: '定期同期' });
    await schedule.getByText('定期同期: 1日ごと', { exact: false }).waitFor();
    await schedule.getByRole('group', { name: '前回の実行' }).getByText('まだ実行されていません。').waitFor();
    await schedule.getByRole('button', { name: '定期同期をオフにする' }).waitFor();
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/public-view-sync-schedule-375-ja.png`, fullPage: true });
    await tab.close();
  });
});
