// The editors of the kinds beyond the simple ones, in Chromium: an advanced graph (two groups, two
// series, stacked, axis options — a bound the server refuses shown beside the graph first), a
// dashboard laid out from views of its app and of another (grouped by app), text and an image
// link, and a MyPage matching the visitor's address, a numeric attribute ("level"), a date and
// "contains". Each is saved through the form and
// read back through the API; the dashboard and MyPage editors on a 375 px phone in Japanese.
import { describe, expect, it } from 'vitest';
import { openTab, useChromium } from './support/chromium.js';
import { expectNoSideScroll, submitSignIn } from './support/pages.js';
import { HOUSE_LIST, SHOTS, houseWorld, madeView } from './support/public-views.js';
import { deployedApp } from '../test/support/apps.js';
import { call, useWebServer } from './support/server.js';

describe('public view editors: advanced graph, dashboard, MyPage', () => {
  const browser = useChromium();
  const server = useWebServer();

  async function signedIn(origin: string, code: string, password: string, options: { width?: number; locale?: string } = {}) {
    const tab = await openTab(browser(), options);
    if (options.locale === 'ja-JP') {
      await tab.page.goto(`${origin}/login`);
      await tab.page.getByLabel('ログイン名').fill(code);
      await tab.page.getByLabel('パスワード', { exact: true }).fill(password);
      await tab.page.getByRole('button', { name: 'ログイン' }).click();
    } else {
      await submitSignIn(tab.page, origin, code, password);
    }
    await tab.page.locator('.shell__main h1').first().waitFor();
    return tab;
  }

  it('makes an advanced graph with two groups, two series, stacked, and axis options', async () => {
    const w = await houseWorld(server());
    const tab = await signedIn(w.d.origin, w.d.admin.code, w.d.admin.password);
    const { page } = tab;
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/new`);
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Advanced graph view' });
    await page.getByLabel('Title', { exact: true }).fill('Budgets by stage');
    const graph = page.getByRole('group', { name: 'Graph', exact: true });
    await graph.getByLabel('Display mode').selectOption({ label: 'Stacked' });
    await graph.getByLabel('Group 1', { exact: true }).selectOption({ label: 'Handover' });
    expect(await graph.getByLabel('Period').inputValue()).toBe('MONTH');
    await graph.getByRole('button', { name: 'Add group' }).click();
    await graph.getByLabel('Group 2', { exact: true }).selectOption({ label: 'Stage' });
    await graph.getByRole('button', { name: 'Add aggregation' }).click();
    await graph.getByLabel('Aggregation 2', { exact: true }).selectOption({ label: 'Sum' });
    await graph.getByLabel('Aggregation 2: Field').selectOption({ label: 'Budget' });
    await graph.getByLabel('Vertical axis: title').fill('Yen');
    await graph.getByLabel('Vertical axis: minimum').fill('zero');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    // A bound that is not a number: the server's objection beside the graph, nothing made.
    await graph.locator('.field-error').waitFor();
    await graph.getByLabel('Vertical axis: minimum').fill('0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('This URL is shown only this once.', { exact: false }).waitFor();
    const views = await call(w.d, w.d.admin, 'GET', `/v1/public-views.json?app=${w.app}`);
    const made = views.views.find((v: { title: string }) => v.title === 'Budgets by stage');
    expect(made.kind).toBe('advancedGraph');
    expect(made.settings.graph).toEqual({
      chartType: 'COLUMN',
      chartMode: 'STACKED',
      groups: [{ field: 'due', per: 'MONTH' }, { field: 'stage' }],
      aggregations: [{ type: 'COUNT' }, { type: 'SUM', field: 'amount' }],
      sorts: [],
      axis: { x: { title: '' }, y: { title: 'Yen', min: 0 } },
    });
    // Edited again: the form reads the saved graph back.
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/${made.id}`);
    expect(await page.getByRole('group', { name: 'Graph', exact: true }).getByLabel('Group 2', { exact: true }).inputValue()).toBe('stage');
    expect(await page.getByLabel('Vertical axis: title').inputValue()).toBe('Yen');
    await page.screenshot({ path: `${SHOTS}/public-view-advanced-graph-editor.png`, fullPage: true });
    await tab.close();
  });

  it('lays out a dashboard of views of this app and another, text and an image link', async () => {
    const w = await houseWorld(server());
    const list = await madeView(w);
    const stages = await call(w.d, w.d.admin, 'POST', '/v1/public-views.json', { app: w.app, title: 'Stages', kind: 'graph', settings: { graph: { chartType: 'PIE', group: { field: 'stage' } } } });
    const graphId = stages.view.id as string;
    // A view of another app the same manager manages.
    const offices = await deployedApp(w.d, { name: { type: 'SINGLE_LINE_TEXT', code: 'name', label: 'Name' } }, { name: 'Offices' });
    const officeList = (await call(w.d, w.d.admin, 'POST', '/v1/public-views.json', { app: offices, title: 'Office list', settings: { fields: ['name'] } })).view.id as string;
    const tab = await signedIn(w.d.origin, w.d.admin.code, w.d.admin.password);
    const { page } = tab;
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/new`);
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Dashboard view' });
    await page.getByLabel('Title', { exact: true }).fill('Site board');
    const board = page.getByRole('group', { name: 'Dashboard layout' });
    await board.getByRole('button', { name: 'Add a view' }).click();
    const first = board.getByRole('group', { name: 'Block 1: View' });
    // Each of the app's views by its title and type, an unpublished one said so.
    expect(await first.getByLabel('View', { exact: true }).locator('option').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Stages — Graph view \(not published/)]));
    // Grouped by app, this app first.
    expect(await first.getByLabel('View', { exact: true }).locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')))).toEqual(['Houses (this app)', 'Offices']);
    expect(await first.getByLabel('View', { exact: true }).locator('optgroup[label="Offices"] option').allTextContents()).toEqual([expect.stringMatching(/^Office list — List view/)]);
    await first.getByLabel('View', { exact: true }).selectOption(list.id);
    await first.getByLabel('Width (columns)').selectOption('8');
    await board.getByRole('button', { name: 'Add a view' }).click();
    const second = board.getByRole('group', { name: 'Block 2: View' });
    await second.getByLabel('View', { exact: true }).selectOption(graphId);
    await second.getByLabel('Column', { exact: true }).selectOption('9');
    await second.getByLabel('Row', { exact: true }).fill('1');
    await board.getByRole('button', { name: 'Add text' }).click();
    await board.getByRole('textbox', { name: 'Block 3: Text' }).click();
    await page.keyboard.type('Open days every Saturday');
    await board.getByRole('button', { name: 'Add an image link' }).click();
    const image = board.getByRole('group', { name: 'Block 4: Image link' });
    await image.getByLabel('Image address (https://…)').fill('https://example.com/plan.png');
    await image.getByLabel('Link text').fill('Site plan');
    await board.getByRole('button', { name: 'Add a view' }).click();
    await board.getByRole('group', { name: 'Block 5: View' }).getByLabel('View', { exact: true }).selectOption(officeList);
    // The text moves first.
    await board.getByRole('button', { name: 'Move block 3 up' }).click();
    expect(await board.getByRole('img', { name: /Layout sketch/ }).getAttribute('aria-label')).toContain('Block 1 (1, 1; 8×4)');
    await page.screenshot({ path: `${SHOTS}/public-view-dashboard-editor.png`, fullPage: true });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('This URL is shown only this once.', { exact: false }).waitFor();
    const views = await call(w.d, w.d.admin, 'GET', `/v1/public-views.json?app=${w.app}`);
    const made = views.views.find((v: { title: string }) => v.title === 'Site board');
    expect(made.settings.dashboard.items).toEqual([
      { type: 'view', view: list.id, x: 0, y: 0, w: 8, h: 4 },
      { type: 'text', html: '<p>Open days every Saturday</p>', x: 0, y: 4, w: 12, h: 2 },
      { type: 'view', view: graphId, x: 8, y: 0, w: 4, h: 4 },
      { type: 'image', url: 'https://example.com/plan.png', alt: 'Site plan', x: 0, y: 6, w: 12, h: 1 },
      { type: 'view', view: officeList, x: 0, y: 7, w: 12, h: 4 },
    ]);
    await tab.close();
  });

  it('matches a MyPage’s records with the visitor’s address and level, on a phone in Japanese', async () => {
    const w = await houseWorld(server());
    await call(w.d, w.d.admin, 'PUT', '/v1/users.json', { users: [{ code: w.d.admin.code, locale: 'ja' }] });
    const tab = await signedIn(w.d.origin, w.d.admin.code, w.d.admin.password, { width: 375, locale: 'ja-JP' });
    const { page } = tab;
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/new`);
    await page.getByLabel('種類', { exact: true }).selectOption({ label: 'Myページビュー' });
    await page.getByLabel('タイトル', { exact: true }).fill('わたしの家');
    const fields = page.getByRole('group', { name: 'リストに表示するフィールド' });
    for (const label of ['House', 'Budget']) await fields.getByLabel(label, { exact: true }).check();
    const match = page.getByRole('group', { name: 'ログインした閲覧者との照合' });
    const one = match.getByRole('group', { name: '条件 1' });
    await one.getByLabel('レコードのフィールド').selectOption({ label: 'Contact' });
    await match.getByRole('button', { name: '条件を追加' }).click();
    const two = match.getByRole('group', { name: '条件 2' });
    await two.getByLabel('比較').selectOption({ label: '以下' });
    await two.getByLabel('属性名').fill('level');
    await two.getByLabel('レコードのフィールド').selectOption({ label: 'Budget' });
    // A date comparison offers date fields only, and says what the attribute must be.
    await match.getByRole('button', { name: '条件を追加' }).click();
    const three = match.getByRole('group', { name: '条件 3' });
    await three.getByLabel('比較').selectOption({ label: 'より後（日付）' });
    await three.getByText('属性は YYYY-MM-DD 形式の日付です', { exact: false }).waitFor();
    expect(await three.getByLabel('レコードのフィールド').locator('option').allTextContents()).toEqual(['', 'Handover']);
    await three.getByLabel('属性名').fill('since');
    await three.getByLabel('レコードのフィールド').selectOption({ label: 'Handover' });
    // "Contains": text and multi-choice fields.
    await match.getByRole('button', { name: '条件を追加' }).click();
    const four = match.getByRole('group', { name: '条件 4' });
    await four.getByLabel('比較').selectOption({ label: 'を含む' });
    await four.getByLabel('属性名').fill('tag');
    await four.getByLabel('レコードのフィールド').selectOption({ label: 'Tags' });
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/public-view-mypage-editor-375-ja.png`, fullPage: true });
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('このURLが表示されるのは今回だけです。', { exact: false }).waitFor();
    const views = await call(w.d, w.d.admin, 'GET', `/v1/public-views.json?app=${w.app}`);
    const made = views.views.find((v: { title: string }) => v.title === 'わたしの家');
    expect(made.settings.match).toEqual([
      { field: 'contact', attribute: 'email', op: 'eq' },
      { field: 'amount', attribute: 'level', op: 'le' },
      { field: 'due', attribute: 'since', op: 'after' },
      { field: 'tags', attribute: 'tag', op: 'contains' },
    ]);
    expect(made.settings.fields).toEqual(['title', 'amount']);
    // The dashboard editor fits a phone too.
    await call(w.d, w.d.admin, 'POST', '/v1/public-views.json', { app: w.app, title: 'Our houses', settings: HOUSE_LIST });
    await page.goto(`${w.d.origin}/app/${w.app}/settings/public-views/new`);
    await page.getByLabel('種類', { exact: true }).selectOption({ label: 'ダッシュボードビュー' });
    await page.getByRole('button', { name: 'ビューを追加' }).click();
    await page.getByRole('button', { name: 'テキストを追加' }).click();
    await page.getByRole('img', { name: /レイアウトの見取り図/ }).waitFor();
    await expectNoSideScroll(page);
    // And the advanced graph's, with every row of it in use.
    await page.getByLabel('種類', { exact: true }).selectOption({ label: '高度なグラフビュー' });
    const graph = page.getByRole('group', { name: 'グラフ', exact: true });
    await graph.getByLabel('大分類', { exact: true }).selectOption({ label: 'Handover' });
    await graph.getByRole('button', { name: '分類を追加' }).click();
    await graph.getByRole('button', { name: '集計を追加' }).click();
    await graph.getByRole('button', { name: 'ソートを追加' }).click();
    await graph.getByLabel('縦軸のタイトル').waitFor();
    await expectNoSideScroll(page);
    await page.screenshot({ path: `${SHOTS}/public-view-advanced-graph-editor-375-ja.png`, fullPage: true });
    await tab.close();
  });
});
