// Public views in Chromium. An app manager makes a list view in App Settings (an objection of the
// server shown beside the filter), publishes it and gets the URL once, edits it and regenerates
// the URL (the old one then finds nothing); a stranger in a fresh context opens it, searches, pages and opens a record, and the field the view did not choose is
// nowhere in the page. The password gate, the network refusal, the busy page and "not found" for
// an unpublished view; a record change after the cache's few seconds; a phone in Japanese.
import { describe, expect, it } from 'vitest';
import { DATA_TTL_MS } from '../server/domain/public-views/response-cache.js';
import { setViewPlan } from '../test/support/public-views.js';
import { openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, submitSignIn } from './support/pages.js';
import { SHOTS, expectNothingWithheld, houseName, houseWorld, madeView, strangerTab, thisMonth } from './support/public-views.js';
import { call, useWebServer } from './support/server.js';

describe('public views', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('a manager makes and publishes a list view; a stranger searches, pages and opens a record', async () => {
    const w = await houseWorld(server());
    const manager = await openTab(browser());
    const { page } = manager;
    await submitSignIn(page, w.d.origin, w.d.admin.code, w.d.admin.password);
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await page.goto(`${w.d.origin}/app/${w.app}/settings/app`);
    await page.getByRole('link', { name: 'Public views' }).click();
    await page.getByRole('heading', { name: 'Public views', level: 2 }).waitFor();
    await page.getByText('No public views yet.').waitFor();
    await page.getByRole('link', { name: 'Create view' }).click();

    await page.getByLabel('Title', { exact: true }).fill('Our houses');
    const listFields = page.getByRole('group', { name: 'Fields on the list' });
    for (const label of ['House', 'Budget', 'Photo']) await listFields.getByLabel(label, { exact: true }).check();
    // Budget before House: moved up once.
    await listFields.getByRole('button', { name: 'Move "Budget" up' }).click();
    await page.getByLabel('Show the same fields as the list').uncheck();
    const detailFields = page.getByRole('group', { name: 'Fields on the detail page' });
    for (const label of ['Note', 'Story', 'Handover', 'Rooms']) await detailFields.getByLabel(label, { exact: true }).check();
    // A filter the server refuses (no order by in a view's filter): its message beside the filter.
    await page.getByRole('button', { name: 'Edit as query' }).click();
    await page.getByLabel('Condition (query)').fill('visibility in ("shown") order by title asc');
    await page.getByRole('button', { name: 'Add sort key' }).click();
    const sort = page.getByRole('group', { name: 'Sort' });
    await sort.getByLabel('Field').selectOption({ label: 'House' });
    await page.getByLabel('Records per page').fill('10');
    await page.getByLabel('Show a search box').check();
    await page.getByRole('textbox', { name: 'Above the list' }).click();
    await page.keyboard.type('Welcome, visitors');
    await page.getByRole('button', { name: 'Save' }).click();
    const filterBox = page.getByRole('group', { name: 'Fixed filter' });
    await filterBox.locator('.field-error').getByText('This filter cannot be used in a public view.', { exact: false }).waitFor();
    await page.screenshot({ path: `${SHOTS}/public-views-editor-error.png`, fullPage: true });
    await page.getByLabel('Condition (query)').fill('visibility in ("shown")');
    await page.getByRole('button', { name: 'Save' }).click();

    // The URL, this once.
    await page.getByText('This URL is shown only this once.', { exact: false }).waitFor();
    const url = await page.getByRole('textbox', { name: 'Public URL' }).inputValue();
    expect(url).toMatch(new RegExp(`^${w.d.origin}/public/[A-Za-z0-9_-]{43}$`));
    await page.getByRole('button', { name: 'Back to public views' }).click();
    const item = page.locator('.pvm-item', { hasText: 'Our houses' });
    await item.getByText('Unpublished').waitFor();
    expect(await item.textContent()).toContain('List view');

    // Not yet published: a stranger finds nothing.
    const early = await strangerTab(browser());
    await early.page.goto(url);
    await early.page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await early.close();

    await item.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('dialog').getByText('Anyone with the public URL will be able to see it.', { exact: false }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await item.getByText('Published', { exact: true }).waitFor();
    await page.screenshot({ path: `${SHOTS}/public-views-manage.png`, fullPage: true });

    // Edit: the description changes, the rest is kept.
    await item.getByRole('link', { name: 'Edit "Our houses"' }).click();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Our houses');
    expect(await page.getByLabel('Records per page').inputValue()).toBe('10');
    await page.getByLabel('Description').fill('Where each house is at');
    await page.getByRole('button', { name: 'Save' }).click();
    await item.getByText('Published', { exact: true }).waitFor();

    // Regenerate: a new URL, shown once; the old one stops working.
    await item.getByRole('button', { name: 'Regenerate URL' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Regenerate URL' }).click();
    const fresh = await page.getByRole('textbox', { name: 'Public URL' }).inputValue();
    expect(fresh).not.toBe(url);
    await manager.close();
    const old = await strangerTab(browser());
    await old.page.goto(url);
    await old.page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await old.close();

    const tab = await strangerTab(browser());
    const v = tab.page;
    await v.goto(fresh);
    await v.getByRole('heading', { name: 'Our houses', level: 1 }).waitFor();
    await v.getByText('Where each house is at').waitFor();
    await v.getByText('Welcome, visitors').waitFor();
    await v.getByText('1 - 10 (of 25)').first().waitFor();
    expect(await v.locator('.pv-table thead th').allTextContents()).toEqual(['Details', 'Budget', 'House', 'Photo']);
    expect(await v.locator('.pv-table tbody tr').count()).toBe(10);
    expect(await v.locator('.pv-table tbody tr').first().textContent()).toContain(houseName(1));
    // House 01's photo: a thumbnail from the view's signed link.
    const thumb = v.locator('.pv-thumb img').first();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await thumb.getAttribute('src')).toMatch(/^\/public\/[\w-]{43}\/files\/\d+\/photo\/[\w-]+\?expires=\d+&sig=[\w-]+$/);
    await expectNothingWithheld(tab);
    await v.screenshot({ path: `${SHOTS}/public-view-list-desktop.png`, fullPage: true });

    await v.getByRole('navigation', { name: 'Pages' }).first().getByRole('link', { name: 'Next' }).click();
    await v.getByText('11 - 20 (of 25)').first().waitFor();
    expect(v.url()).toContain('page=2');
    await v.getByRole('navigation', { name: 'Pages' }).first().getByRole('link', { name: 'Next' }).click();
    await v.getByText('21 - 25 (of 25)').first().waitFor();
    await expectNothingWithheld(tab);

    await v.getByLabel('Keyword').fill('House 07');
    await v.getByRole('button', { name: 'Search' }).click();
    await v.getByText('1 - 1 (of 1)').first().waitFor();
    // Searching for what the filter withholds finds nothing.
    await v.getByLabel('Keyword').fill('Withheld');
    await v.getByRole('button', { name: 'Search' }).click();
    await v.getByText('There is nothing to display.').waitFor();
    await v.getByRole('link', { name: 'Clear' }).click();
    await v.getByText('1 - 10 (of 25)').first().waitFor();

    await v.getByRole('row', { name: new RegExp(houseName(1)) }).getByRole('link', { name: 'Details' }).click();
    await v.getByRole('heading', { name: 'Our houses', level: 1 }).waitFor();
    const fields = v.locator('.pv-fields');
    await fields.getByText('Built with').waitFor();
    expect(await fields.locator('dt').allTextContents()).toEqual(['Budget', 'House', 'Photo', 'Note', 'Story', 'Handover', 'Rooms']);
    const text = await fields.textContent();
    for (const s of ['House 01', '1000', 'Note of 1', 'second line', thisMonth(1), 'Kitchen', 'front.png']) expect(text).toContain(s);
    expect(await fields.locator('strong').textContent()).toBe('care');
    await expectNothingWithheld(tab);
    await v.screenshot({ path: `${SHOTS}/public-view-detail-desktop.png`, fullPage: true });
    // A deep link survives a reload; Back returns to the list.
    await v.reload();
    await fields.getByText('Kitchen').waitFor();
    await v.getByRole('link', { name: 'Back' }).click();
    await v.getByText('1 - 10 (of 25)').first().waitFor();

    // A record outside the filter, by id: not found.
    await v.goto(`${fresh}/records/${w.ids[26]}`);
    await v.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await expectNothingWithheld(tab);
    await tab.close();
  });

  it('asks for the password, refuses a wrong one, and shows the view after the right one', async () => {
    const w = await houseWorld(server());
    const { url } = await madeView(w, { password: 'open sesame 42' });
    const tab = await strangerTab(browser());
    const { page } = tab;
    await page.goto(url);
    await page.getByRole('heading', { name: 'Password needed', level: 1 }).waitFor();
    expect(await page.content()).not.toContain('House 01');
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Show page' }).click();
    await page.getByRole('alert').getByText('The password is not correct.').waitFor();
    await page.screenshot({ path: `${SHOTS}/public-view-password.png`, fullPage: true });
    await page.getByLabel('Password', { exact: true }).fill('open sesame 42');
    await page.getByRole('button', { name: 'Show page' }).click();
    await page.getByText('1 - 10 (of 25)').first().waitFor();
    // The unlock lasts: a detail page and a reload need no password again.
    await page.getByRole('row', { name: new RegExp(houseName(2)) }).getByRole('link', { name: 'Details' }).click();
    await page.locator('.pv-fields').getByText('Note of 2').waitFor();
    await page.reload();
    await page.locator('.pv-fields').getByText('Note of 2').waitFor();
    await tab.close();

    // Another stranger is asked again.
    const other = await strangerTab(browser());
    await other.page.goto(url);
    await other.page.getByRole('heading', { name: 'Password needed', level: 1 }).waitFor();
    await other.close();

    // After a downgrade the manager sees what the plan lacks, and visitors find nothing.
    await setViewPlan(w.d, 'standard');
    const manager = await openTab(browser());
    await submitSignIn(manager.page, w.d.origin, w.d.admin.code, w.d.admin.password);
    await manager.page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await manager.page.goto(`${w.d.origin}/app/${w.app}/settings/public-views`);
    await manager.page.getByRole('note').getByText('Password protection (Premium plan or above)', { exact: false }).waitFor();
    await manager.page.getByText('Plans and what they unlock').click();
    await manager.page.getByRole('row', { name: /IP restriction/ }).waitFor();
    await manager.page.screenshot({ path: `${SHOTS}/public-views-missing-plan.png`, fullPage: true });
    await manager.close();
    const later = await strangerTab(browser());
    await later.page.goto(url);
    await later.page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await later.close();
  });

  it('answers not found for an unpublished view and an unknown token, and refuses other networks', async () => {
    const w = await houseWorld(server());
    const hidden = await madeView(w, {}, false);
    const fenced = await madeView(w, { title: 'Office only', ipAllow: ['192.0.2.0/24'] });
    const tab = await strangerTab(browser());
    const { page } = tab;
    await page.goto(hidden.url);
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await page.screenshot({ path: `${SHOTS}/public-view-not-found.png` });
    await page.goto(`${w.d.origin}/public/${'A'.repeat(43)}`);
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await page.goto(fenced.url);
    await page.getByRole('heading', { name: 'Access refused', level: 1 }).waitFor();
    expect(await page.content()).not.toContain('Office only');
    await tab.close();
  });

  it('shows a record change after the cache’s few seconds', async () => {
    const w = await houseWorld(server());
    const { url } = await madeView(w);
    const tab = await strangerTab(browser());
    const { page } = tab;
    await page.goto(url);
    await page.getByText(houseName(1), { exact: true }).waitFor();
    await call(w.d, w.d.admin, 'PUT', '/k/v1/record.json', { app: w.app, id: w.ids[0], record: { title: { value: 'House 01 renovated' } } });
    // The server's clock is the test's: let the cache's lifetime (at most 5 s) pass.
    expect(DATA_TTL_MS).toBeLessThanOrEqual(5_000);
    server().h.clock.advance(DATA_TTL_MS);
    await page.reload();
    await page.getByText('House 01 renovated').waitFor();
    await tab.close();
  });

  it('says it is busy, with the time to wait, when a visitor asks too often', async () => {
    const w = await houseWorld(server());
    const { url } = await madeView(w);
    const path = new URL(url).pathname;
    // This address's budget for the domain's views (300 a minute), spent by other requests.
    for (let i = 0; i < 300; i++) await w.d.request({ method: 'GET', url: `${path}/data.json` });
    const tab = await strangerTab(browser());
    const { page } = tab;
    await page.goto(url);
    await page.getByRole('heading', { name: 'Busy right now', level: 1 }).waitFor();
    await page.getByText(/Trying again in \d+ s\./).waitFor();
    await page.screenshot({ path: `${SHOTS}/public-view-busy.png` });
    // A minute later the page comes back by itself.
    server().h.clock.advance(61_000);
    await page.getByRole('button', { name: 'Retry now' }).click();
    await page.getByText('1 - 10 (of 25)').first().waitFor();
    await tab.close();
  });

  it('works on a 375 px phone in Japanese, and switches to English', async () => {
    const w = await houseWorld(server());
    const { url } = await madeView(w);
    const tab = await strangerTab(browser(), { locale: 'ja-JP', width: 375 });
    const { page } = tab;
    await page.goto(url);
    await page.getByText('1 - 10（全 25 件）').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await page.getByRole('button', { name: '検索' }).waitFor();
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/public-view-list-375-ja.png`, fullPage: true });
    await page.getByRole('row', { name: new RegExp(houseName(1)) }).getByRole('link', { name: '詳細' }).click();
    await page.locator('.pv-fields').getByText('Kitchen').waitFor();
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/public-view-detail-375-ja.png`, fullPage: true });
    await page.getByRole('link', { name: /戻る/ }).click();
    await page.getByText('1 - 10（全 25 件）').first().waitFor();
    await page.getByRole('button', { name: '言語: English' }).click();
    await page.getByText('1 - 10 (of 25)').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The choice is kept for this browser.
    await page.reload();
    await page.getByText('1 - 10 (of 25)').first().waitFor();
    await tab.close();
  });
});
