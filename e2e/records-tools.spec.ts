// The record list's tools in real Chromium: exporting the list as CSV with progress, drawing a
// graph, and bulk-deleting the records a filter matches after a question that names their count.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SHOTS } from './support/assets.js';
import { openTab, useChromium } from './support/chromium.js';
import { signedIn, thisMonth, world } from './support/records.js';
import { useWebServer } from './support/server.js';

describe('records: the list’s tools', () => {
  const browser = useChromium();
  const server = useWebServer();

  it('exports the list as CSV with progress, draws a graph, and bulk-deletes a filter’s records', async () => {
    const w = await world(server());
    const tab = await openTab(browser());
    const { page } = tab;
    await signedIn(tab, w.d, w.d.member);
    await page.goto(`${w.d.origin}/app/${w.app}`);
    await page.getByText('1 - 20 (of 30)').first().waitFor();

    await page.getByRole('button', { name: 'Export to File' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export to File' });
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Orders.csv');
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFRecord number,Title,Amount,Kind,Due,Owner,Secret\r\n')).toBe(true);
    expect(csv).toContain(`\r\n1,Item 1,1234.5,B,${thisMonth(2)},sato,hidden-1\r\n`);
    expect(csv.trim().split('\r\n')).toHaveLength(31);
    await dialog.getByText('30 records were exported.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByLabel('Graph').selectOption({ label: 'By kind' });
    const graph = page.getByRole('region', { name: 'Graph: By kind' });
    await graph.locator('canvas').first().waitFor();
    expect(await graph.getByRole('row', { name: 'A 10' }).count()).toBe(1);
    expect(await graph.locator('tfoot').textContent()).toContain('30');
    await page.screenshot({ path: `${SHOTS}/records-graph-desktop.png`, fullPage: true });

    // Bulk deletion of what the filter matches, after a confirmation that names the count.
    await page.goto(`${w.d.origin}/app/${w.app}?q=${encodeURIComponent('kind in ("C")')}`);
    await page.getByText('1 - 10 (of 10)').first().waitFor();
    await page.getByRole('button', { name: 'Bulk Deletion' }).click();
    const confirm = page.getByRole('dialog', { name: 'Bulk Deletion' });
    await confirm.getByText('Delete the 10 records that match the filter? This cannot be undone.').waitFor();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByText('Deleted.').waitFor();
    await confirm.getByRole('button', { name: 'OK' }).click();
    await page.getByText('No records match the conditions.').waitFor();
    await page.goto(`${w.d.origin}/app/${w.app}`);
    await page.getByText('1 - 20 (of 20)').first().waitFor();
    await tab.close();
  });
});
