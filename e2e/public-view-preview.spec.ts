// A manager's preview in Chromium: from the view's editor, the draft on the form — a field
// unticked, not saved, the view never published — drawn as visitors would get it, paged, searched
// and opened to a detail page inside the panel, with nothing withheld and the visitor URL still
// "not found"; an advanced graph drawn with its table; a draft dashboard with its member's images
// and a member's detail page; a MyPage previewed as one visitor on a 375 px phone in Japanese.
import { describe, expect, it } from 'vitest';
import { openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, submitSignIn } from './support/pages.js';
import { HOUSE_LIST, NEVER_ON_PAGE, SHOTS, houseName, houseWorld, madeView, strangerTab } from './support/public-views.js';
import { call, useWebServer } from './support/server.js';

describe('public view preview', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('shows the unsaved draft of an unpublished view as visitors would see it, without publishing it', async () => {
    const w = await houseWorld(server());
    const view = await madeView(w, {}, false);
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, w.d.origin, w.d.admin.code, w.d.admin.password);
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    const editor = `${w.d.origin}/app/${w.app}/settings/public-views/${view.id}`;
    await page.goto(editor);
    await page.getByRole('heading', { name: 'Edit view', level: 2 }).waitFor();
    // A draft: the photo no longer shown (not saved).
    await page.getByRole('group', { name: 'Fields on the list' }).getByLabel('Photo', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { name: 'Our houses', level: 1 }).waitFor();
    await preview.getByText('Welcome, visitors').waitFor();
    await preview.getByText('1 - 10 (of 25)').first().waitFor();
    expect(await preview.locator('.pv-table thead th').allTextContents()).toEqual(['Details', 'House', 'Budget', 'Stage']);
    expect(await preview.locator('.pv-table tbody tr').first().textContent()).toContain(houseName(1));
    // Paging, searching and a detail page happen inside the panel; the editor stays where it is.
    await preview.getByRole('link', { name: 'Next' }).first().click();
    await preview.getByText('11 - 20 (of 25)').first().waitFor();
    await preview.getByRole('searchbox').fill('House 2');
    await preview.getByRole('button', { name: 'Search' }).click();
    await preview.getByText('1 - 6 (of 6)').first().waitFor();
    await preview.getByRole('link', { name: 'Details' }).first().click();
    await preview.getByRole('heading', { name: 'Our houses', level: 1 }).waitFor();
    await preview.getByText('Kitchen', { exact: false }).or(preview.locator('.pv-fields')).first().waitFor();
    expect(await preview.locator('.pv-fields dt').allTextContents()).toEqual(['House', 'Note', 'Budget', 'Stage', 'Tags', 'Story', 'Handover', 'Site', 'Photo', 'Rooms']);
    await page.screenshot({ path: `${SHOTS}/public-view-preview-detail.png`, fullPage: true });
    await preview.getByRole('button', { name: 'Back to the view' }).click();
    await preview.getByText('1 - 6 (of 6)').first().waitFor();
    expect(page.url()).toBe(editor);
    const text = (await preview.textContent()) ?? '';
    for (const word of NEVER_ON_PAGE) expect(text).not.toContain(word);
    await page.screenshot({ path: `${SHOTS}/public-view-preview.png`, fullPage: true });
    // Nothing was saved or published.
    const views = await call(w.d, w.d.admin, 'GET', `/v1/public-views.json?app=${w.app}`);
    expect(views.views[0]).toMatchObject({ published: false, configVersion: 1, settings: { fields: HOUSE_LIST.fields } });
    const stranger = await strangerTab(browser());
    await stranger.page.goto(view.url);
    await stranger.page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await stranger.close();

    // A search form added to the draft: its items in the preview, narrowing with the search box.
    const form = page.getByRole('group', { name: 'Search form', exact: true });
    await form.getByRole('button', { name: 'Add search item' }).click();
    await form.getByRole('group', { name: 'Search item 1' }).getByLabel('Kind').selectOption({ label: 'Choice' });
    await form.getByRole('group', { name: 'Search item 1' }).getByLabel('Field', { exact: true }).selectOption({ label: 'Stage' });
    await page.getByRole('button', { name: 'Update preview' }).click();
    const items = preview.getByRole('form', { name: 'Search form' });
    await items.getByRole('group', { name: 'Stage' }).getByLabel('Build').check();
    await items.getByRole('button', { name: 'Search' }).click();
    await preview.getByText('1 - 3 (of 3)').first().waitFor();
    expect(await preview.locator('.pv-table tbody tr').allTextContents()).toEqual([expect.stringContaining('House 20'), expect.stringContaining('House 22'), expect.stringContaining('House 24')]);

    // An advanced graph: drawn by ECharts, its figures as a table too.
    const graph = await call(w.d, w.d.admin, 'POST', '/v1/public-views.json', {
      app: w.app,
      title: 'Budgets',
      kind: 'advancedGraph',
      settings: { filter: 'visibility in ("shown")', graph: { chartType: 'COLUMN', chartMode: 'STACKED', groups: [{ field: 'stage' }], aggregations: [{ type: 'COUNT' }, { type: 'SUM', field: 'amount' }], axis: { y: { title: 'Yen' } } } },
    });
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/${graph.view.id}`);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const g = page.getByRole('region', { name: 'Preview' });
    await g.getByRole('heading', { name: 'Budgets', level: 1 }).waitFor();
    await g.locator('.pv-graph canvas').first().waitFor();
    await g.locator('.pv-graph__table tbody tr').first().waitFor();
    expect(await g.locator('.pv-graph__table tbody tr').count()).toBe(2);
    await tab.close();
  });

  it('shows a draft dashboard’s member images and opens a member’s detail page in the panel', async () => {
    const w = await houseWorld(server());
    const cards = await call(w.d, w.d.admin, 'POST', '/v1/public-views.json', {
      app: w.app,
      title: 'House cards',
      kind: 'card',
      settings: { fields: ['amount'], detail: { enabled: true, fields: ['title', 'note', 'photo'] }, filter: 'visibility in ("shown")', card: { title: 'title', image: 'photo' }, sort: [{ field: 'title', order: 'asc' }], pageSize: 4 },
    });
    // A member shows while published; the dashboard itself is a draft, never published.
    await call(w.d, w.d.admin, 'POST', '/v1/public-view/publish.json', { id: cards.view.id, published: true });
    const board = await call(w.d, w.d.admin, 'POST', '/v1/public-views.json', {
      app: w.app,
      title: 'Site board',
      kind: 'dashboard',
      settings: { dashboard: { items: [{ type: 'view', view: cards.view.id, x: 0, y: 0, w: 12, h: 6 }] } },
    });
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, w.d.origin, w.d.admin.code, w.d.admin.password);
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    const editor = `${w.d.origin}/app/${w.app}/settings/public-views/${board.view.id}`;
    await page.goto(editor);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { name: 'House cards', level: 2 }).waitFor();
    // The member's card image is drawn (for this session only: the link is signed for it).
    const image = preview.locator('img.pv-card__image').first();
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await image.getAttribute('src')).toMatch(/^\/v1\/public-view\/preview\/file\?/);
    // A member's record opens in the panel, as the member's visitor would see it.
    await preview.getByRole('link', { name: houseName(1) }).click();
    await preview.locator('.pv-fields').waitFor();
    expect(await preview.locator('.pv-fields dt').allTextContents()).toEqual(['House', 'Note', 'Photo']);
    const photo = preview.locator('.pv-fields img').first();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(page.url()).toBe(editor);
    for (const word of NEVER_ON_PAGE) expect((await preview.textContent()) ?? '').not.toContain(word);
    await page.screenshot({ path: `${SHOTS}/public-view-preview-member-detail.png`, fullPage: true });
    await preview.getByRole('button', { name: 'Back to the view' }).click();
    await preview.getByRole('heading', { name: 'House cards', level: 2 }).waitFor();
    // A stranger with the image's address gets nothing.
    const src = await preview.locator('img.pv-card__image').first().getAttribute('src');
    const stranger = await strangerTab(browser());
    const res = await stranger.page.goto(`${w.d.origin}${src}`);
    expect(res?.status()).not.toBe(200);
    await stranger.close();
    await tab.close();
  });

  it('previews a MyPage as one visitor, on a 375 px phone in Japanese', async () => {
    const w = await houseWorld(server());
    const made = await call(w.d, w.d.admin, 'POST', '/v1/public-views.json', {
      app: w.app,
      title: 'わたしの家',
      kind: 'myPage',
      settings: { ...HOUSE_LIST, match: [{ field: 'contact', attribute: 'email' }] },
    });
    await call(w.d, w.d.admin, 'PUT', '/v1/users.json', { users: [{ code: w.d.admin.code, locale: 'ja' }] });
    const tab = await openTab(browser(), { width: 375, locale: 'ja-JP' });
    const { page } = tab;
    await page.goto(`${w.d.origin}/login`);
    await page.getByLabel('ログイン名').fill(w.d.admin.code);
    await page.getByLabel('パスワード', { exact: true }).fill(w.d.admin.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.locator('.shell__main h1').first().waitFor();
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/${made.view.id}`);
    await page.getByRole('button', { name: 'プレビュー', exact: true }).click();
    const preview = page.getByRole('region', { name: 'プレビュー' });
    await preview.getByLabel('プレビューする閲覧者（メールアドレス）').fill('kim@example.com');
    await preview.getByRole('button', { name: 'この閲覧者として表示' }).click();
    await preview.getByRole('heading', { name: 'わたしの家', level: 1 }).waitFor();
    await preview.getByText('1 - 3（全 3 件）').first().waitFor();
    const rows = await preview.locator('.pv-table tbody tr').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows.join(' ')).toContain(houseName(3));
    expect(rows.join(' ')).not.toContain(houseName(4));
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/public-view-preview-mypage-375-ja.png`, fullPage: true });
    await tab.close();
  });
});
