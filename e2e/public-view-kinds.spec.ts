// The view kinds beyond the list, as a stranger sees them in Chromium: cards with their images, a
// calendar drawn by FullCalendar, graphs drawn by ECharts (with their figures as a table), tabs of
// a segment view, a dashboard of several views and text (one column on a phone), and a list's
// search form. Each is made through the management API, published, and opened in a fresh context.
import { describe, expect, it } from 'vitest';
import type { Tab } from './support/chromium.js';
import { expectNoSideScroll } from './support/pages.js';
import { HOUSE_LIST, SHOTS, expectNothingWithheld, houseName, houseWorld, madeView, strangerTab, thisMonth } from './support/public-views.js';
import { useChromium } from './support/chromium.js';
import { openTab } from './support/chromium.js';
import { submitSignIn } from './support/pages.js';
import { type WebDomain, useWebServer } from './support/server.js';

const LIST_CORE = { filter: 'visibility in ("shown")', blocks: { above: '', below: '' } };

describe('public view kinds', () => {
  const browser = useChromium();
  const server = useWebServer();

  async function open(url: string, options = {}): Promise<Tab> {
    const tab = await strangerTab(browser(), options);
    await tab.page.goto(url);
    return tab;
  }

  /** Makes a view in App Settings as the app's manager and answers its URL. */
  async function madeInSettings(d: WebDomain, app: number, fill: (tab: Tab) => Promise<void>): Promise<string> {
    const tab = await openTab(browser());
    const { page } = tab;
    await submitSignIn(page, d.origin, d.admin.code, d.admin.password);
    await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
    await page.goto(`${d.origin}/app/${app}/settings/public-views/new`);
    await fill(tab);
    const title = await page.getByLabel('Title', { exact: true }).inputValue();
    await page.getByRole('button', { name: 'Save' }).click();
    const url = await page.getByRole('textbox', { name: 'Public URL' }).inputValue();
    await page.getByRole('button', { name: 'Back to public views' }).click();
    const item = page.locator('.pvm-item', { hasText: title });
    await item.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publish', exact: true }).click();
    await item.getByText('Published', { exact: true }).waitFor();
    await tab.close();
    return url;
  }

  it('a manager makes a card view and a graph view in App Settings', async () => {
    const w = await houseWorld(server());
    const cardsUrl = await madeInSettings(w.d, w.app, async ({ page }) => {
      await page.getByLabel('Type').selectOption({ label: 'Card view' });
      await page.getByLabel('Title', { exact: true }).fill('Cards made here');
      const kind = page.getByRole('group', { name: 'Card view' });
      await kind.getByLabel('Card title').selectOption({ label: 'House' });
      await kind.getByLabel('Card image (attachment)').selectOption({ label: 'Photo' });
      await page.getByRole('group', { name: 'Fields on the list' }).getByLabel('Stage', { exact: true }).check();
      await page.getByRole('button', { name: 'Edit as query' }).click();
      await page.getByLabel('Condition (query)').fill('visibility in ("shown")');
      await page.screenshot({ path: `${SHOTS}/public-views-editor-card.png`, fullPage: true });
    });
    const cards = await open(cardsUrl);
    await cards.page.getByRole('heading', { name: 'Cards made here', level: 1 }).waitFor();
    expect(await cards.page.locator('.pv-card').count()).toBe(20);
    expect(await cards.page.locator('.pv-card').first().locator('dt').allTextContents()).toEqual(['Stage']);
    await expectNothingWithheld(cards);
    await cards.close();

    const graphUrl = await madeInSettings(w.d, w.app, async ({ page }) => {
      await page.getByLabel('Type').selectOption({ label: 'Graph view' });
      await page.getByLabel('Title', { exact: true }).fill('Budget by stage');
      const kind = page.getByRole('group', { name: 'Graph view' });
      await kind.getByLabel('Chart type').selectOption({ label: 'Pie' });
      await kind.getByLabel('Group by').selectOption({ label: 'Stage' });
      await kind.getByLabel('Aggregation').selectOption({ label: 'Sum' });
      await kind.getByLabel('Field to aggregate').selectOption({ label: 'Budget' });
      await page.getByRole('button', { name: 'Edit as query' }).click();
      await page.getByLabel('Condition (query)').fill('visibility in ("shown")');
    });
    const graph = await open(graphUrl);
    await graph.page.getByRole('img', { name: 'Budget by stage' }).locator('canvas').waitFor();
    expect(await graph.page.getByRole('table', { name: 'Figures' }).locator('tfoot').textContent()).toContain('325000');
    await graph.close();
  });

  it('a card view: a grid of cards with the image, the title and a few fields', async () => {
    const w = await houseWorld(server());
    const { url } = await madeView(w, {
      kind: 'card',
      title: 'House cards',
      settings: { ...LIST_CORE, fields: ['amount', 'stage'], card: { title: 'title', image: 'photo' }, sort: [{ field: 'title', order: 'asc' }], pageSize: 12, search: true },
    });
    const tab = await open(url);
    const { page } = tab;
    await page.getByRole('heading', { name: 'House cards', level: 1 }).waitFor();
    await page.getByText('1 - 12 (of 25)').first().waitFor();
    const cards = page.locator('.pv-card');
    expect(await cards.count()).toBe(12);
    const first = cards.first();
    expect(await first.getByRole('heading', { level: 2 }).textContent()).toBe(houseName(1));
    await expect.poll(() => first.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await first.locator('dt').allTextContents()).toEqual(['Budget', 'Stage']);
    await expectNothingWithheld(tab);
    await page.screenshot({ path: `${SHOTS}/public-view-cards.png`, fullPage: true });
    await page.getByLabel('Keyword').fill('House 12');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 - 1 (of 1)').first().waitFor();
    await page.getByRole('link', { name: houseName(12) }).click();
    await page.locator('.pv-fields').getByText('12000').waitFor();
    await tab.close();
  });

  it('a calendar view: records on the month by their date, each opening its record', async () => {
    const w = await houseWorld(server());
    const { url } = await madeView(w, { kind: 'calendar', title: 'Handovers', settings: { ...LIST_CORE, calendar: { title: 'title', start: 'due' } } });
    const tab = await open(url);
    const { page } = tab;
    await page.getByRole('heading', { name: 'Handovers', level: 1 }).waitFor();
    await page.locator('.pv-calendar').getByText(houseName(3), { exact: true }).waitFor();
    await expectNothingWithheld(tab);
    await page.screenshot({ path: `${SHOTS}/public-view-calendar.png`, fullPage: true });
    await page.locator('.pv-calendar').getByText(houseName(3), { exact: true }).click();
    await page.locator('.pv-fields').getByText(thisMonth(3)).waitFor();
    await page.getByRole('link', { name: /Back/ }).click();
    await page.locator('.pv-calendar').getByText(houseName(3), { exact: true }).waitFor();
    await tab.close();
  });

  it('a graph and an advanced graph: charts drawn by ECharts, the figures as a table', async () => {
    const w = await houseWorld(server());
    const graph = await madeView(w, { kind: 'graph', title: 'Houses by stage', settings: { ...LIST_CORE, graph: { chartType: 'COLUMN', group: { field: 'stage' }, aggregation: { type: 'COUNT' } } } });
    const tab = await open(graph.url);
    const { page } = tab;
    await page.getByRole('heading', { name: 'Houses by stage', level: 1 }).waitFor();
    await page.getByRole('img', { name: 'Houses by stage' }).locator('canvas').waitFor();
    const table = page.getByRole('table', { name: 'Figures' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('tfoot').textContent()).toContain('25');
    await expectNothingWithheld(tab);
    await page.screenshot({ path: `${SHOTS}/public-view-graph.png`, fullPage: true });
    await tab.close();

    const advanced = await madeView(w, {
      kind: 'advancedGraph',
      title: 'Budgets',
      settings: { ...LIST_CORE, graph: { chartType: 'BAR', chartMode: 'STACKED', groups: [{ field: 'stage' }], aggregations: [{ type: 'SUM', field: 'amount' }, { type: 'COUNT' }], axis: { x: { title: 'Yen' } } } },
    });
    const tab2 = await open(advanced.url);
    await tab2.page.getByRole('img', { name: 'Budgets' }).locator('canvas').waitFor();
    // Sum of 1000…25000: 325000.
    expect(await tab2.page.getByRole('table', { name: 'Figures' }).locator('tfoot').textContent()).toContain('325000');
    await tab2.page.screenshot({ path: `${SHOTS}/public-view-advanced-graph.png`, fullPage: true });
    await tab2.close();
  });

  it('a segment view: tabs by a field’s values, each a list', async () => {
    const w = await houseWorld(server());
    const { url } = await madeView(w, { kind: 'segment', title: 'By stage', settings: { ...LIST_CORE, fields: ['title', 'amount'], sort: [{ field: 'title', order: 'asc' }], pageSize: 20, segment: { field: 'stage' } } });
    const tab = await open(url);
    const { page } = tab;
    await page.getByRole('heading', { name: 'By stage', level: 1 }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Stage' });
    expect(await tabs.getByRole('link').allTextContents()).toEqual(['Plan', 'Build']);
    await page.getByText('1 - 13 (of 13)').first().waitFor();
    expect(await page.locator('.pv-table tbody tr').first().textContent()).toContain(houseName(1));
    await tabs.getByRole('link', { name: 'Build' }).click();
    await page.getByText('1 - 12 (of 12)').first().waitFor();
    expect(await page.locator('.pv-table tbody tr').first().textContent()).toContain(houseName(2));
    expect(await tabs.getByRole('link', { name: 'Build' }).getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: `${SHOTS}/public-view-segment.png`, fullPage: true });
    await page.reload();
    await page.getByText('1 - 12 (of 12)').first().waitFor();
    await expectNothingWithheld(tab);
    await tab.close();
  });

  it('a dashboard: text, a list and a graph on one grid, one column on a phone', async () => {
    const w = await houseWorld(server());
    const list = await madeView(w, { title: 'Latest houses', settings: { ...HOUSE_LIST, pageSize: 5 } });
    const graph = await madeView(w, { kind: 'graph', title: 'Stages', settings: { ...LIST_CORE, graph: { chartType: 'PIE', group: { field: 'stage' } } } });
    const { url } = await madeView(w, {
      kind: 'dashboard',
      title: 'Our site',
      settings: {
        blocks: { above: '', below: '' },
        dashboard: {
          items: [
            { type: 'text', html: '<h2>Hello from the site office</h2>', x: 0, y: 0, w: 12, h: 1 },
            { type: 'view', view: list.id, x: 0, y: 1, w: 7, h: 4 },
            { type: 'view', view: graph.id, x: 7, y: 1, w: 5, h: 4 },
          ],
        },
      },
    });
    const tab = await open(url);
    const { page } = tab;
    await page.getByRole('heading', { name: 'Our site', level: 1 }).waitFor();
    await page.getByText('Hello from the site office').waitFor();
    await page.getByRole('heading', { name: 'Latest houses', level: 2 }).waitFor();
    await page.getByRole('img', { name: 'Stages' }).locator('canvas').waitFor();
    expect(await page.locator('.pv-dashboard .pv-table tbody tr').count()).toBe(5);
    await expectNothingWithheld(tab);
    await page.screenshot({ path: `${SHOTS}/public-view-dashboard.png`, fullPage: true });
    // A member's record opens behind the dashboard's own path.
    await page.getByRole('row', { name: new RegExp(houseName(1)) }).getByRole('link', { name: 'Details' }).click();
    expect(page.url()).toMatch(/\/members\/1\/records\/\d+$/);
    await page.locator('.pv-fields').getByText('Kitchen').waitFor();
    await tab.close();

    const phone = await open(url, { width: 375, locale: 'ja-JP' });
    await phone.page.getByRole('heading', { name: 'Latest houses', level: 2 }).waitFor();
    await phone.page.getByRole('img', { name: 'Stages' }).locator('canvas').waitFor();
    await expectNoSideScroll(phone.page);
    const boxes = await phone.page.locator('.pv-dashboard__item').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(new Set(boxes.map(Math.round)).size).toBe(1);
    await phone.page.screenshot({ path: `${SHOTS}/public-view-dashboard-375-ja.png`, fullPage: true });
    await phone.close();
  });

  it('a list’s search form: text, choices and a number range narrow the records', async () => {
    const w = await houseWorld(server());
    const { url } = await madeView(w, {
      title: 'Find a house',
      settings: {
        ...HOUSE_LIST,
        searchForm: [
          { kind: 'text', key: 'name', label: 'Name', fields: ['title'] },
          { kind: 'choice', key: 'stage', label: 'Stage', field: 'stage' },
          { kind: 'numberRange', key: 'budget', label: 'Budget', field: 'amount' },
        ],
      },
    });
    const tab = await open(url);
    const { page } = tab;
    const form = page.getByRole('form', { name: 'Search form' });
    await form.waitFor();
    await page.getByText('1 - 10 (of 25)').first().waitFor();
    await form.getByRole('group', { name: 'Stage' }).getByLabel('Build').check();
    await form.getByLabel('Budget from').fill('5000');
    await form.getByLabel('Budget to').fill('10000');
    await form.getByRole('button', { name: 'Search' }).click();
    // Build (even numbers) with budgets 5000–10000: houses 6, 8 and 10.
    await page.getByText('1 - 3 (of 3)').first().waitFor();
    expect(page.url()).toContain('f.stage=Build');
    await page.screenshot({ path: `${SHOTS}/public-view-search-form.png`, fullPage: true });
    await form.getByLabel('Name').fill('House 08');
    await form.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 - 1 (of 1)').first().waitFor();
    await form.getByRole('link', { name: 'Clear' }).click();
    await page.getByText('1 - 10 (of 25)').first().waitFor();
    await expectNothingWithheld(tab);
    await tab.close();
  });
});
