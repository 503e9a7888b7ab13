// Importing records from a CSV file in real Chromium: a preview that names each cell's problem,
// columns matched by field name, and all or nothing — one row the server refuses imports none,
// and more rows than one bulk request holds still go in at once.
import { describe, expect, it } from 'vitest';
import { SHOTS } from './support/assets.js';
import { openTab } from './support/chromium.js';
import { signIn, useSiteReports } from './support/record-forms.js';
import { call } from './support/server.js';

describe('record forms: CSV import', () => {
  const w = useSiteReports();
  const { browser } = w;

  it('imports a CSV file after a preview, all or nothing', async () => {
    const { d, app } = w;
    const tab = await openTab(browser());
    const { page } = tab;
    await signIn(page, d);
    await page.goto(`${d.origin}/app/${app}/import`);
    await page.getByRole('heading', { name: 'Import from File' }).waitFor();
    const csv = (lines: string[]) => ({ name: 'records.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`) });
    const head = 'Title,Reference,Amount,Tags,Priority,Ignored';

    // The preview shows each cell's problem, and nothing can be imported while there are some.
    await page.getByLabel('CSV file').setInputFiles(csv([head, 'One,CSV-1,1,Safety,Urgent,x']));
    await page.getByText('The value, "Urgent", is not in options.').first().waitFor();
    expect(await page.getByRole('button', { name: 'Import 1 records' }).isDisabled()).toBe(true);

    const good = [head, ...[1, 2, 3, 4, 5].map((n) => `Row ${n},CSV-${n},${n * 10},"Safety\nCost",High,x`)];
    await page.getByLabel('CSV file').setInputFiles(csv(good));
    await page.getByText('5 records in the file').waitFor();
    // Columns were matched by field name; the unknown one is left out.
    expect(await page.getByLabel('Amount').inputValue()).toBe('amount');
    expect(await page.getByLabel('Ignored').inputValue()).toBe('');
    const preview = page.getByRole('table');
    await preview.getByRole('cell', { name: 'Safety, Cost' }).first().waitFor();
    expect(await preview.getByRole('row').count()).toBe(6);
    await page.screenshot({ path: `${SHOTS}/record-import-preview.png`, fullPage: true });
    await page.getByRole('button', { name: 'Import 5 records' }).click();
    await page.getByText('5 records were imported.').waitFor();
    const added = await call(d, d.admin, 'GET', `/k/v1/records.json?app=${app}&query=${encodeURIComponent('ref like "CSV-" order by ref asc')}`);
    expect(added.records.map((r: any) => [r.title.value, r.amount.value, r.tags.value, r.priority.value])).toEqual(
      [1, 2, 3, 4, 5].map((n) => [`Row ${n}`, String(n * 10), ['Safety', 'Cost'], 'High']),
    );

    // One row the server refuses: nothing is imported, and the row is named.
    await page.reload();
    const bad = [head, 'Fine,BAD-1,1,,,', 'Fine too,BAD-2,2,,,', 'Too much,BAD-3,500,,,', 'Fine again,BAD-4,4,,,'];
    await page.getByLabel('CSV file').setInputFiles(csv(bad));
    await page.getByRole('button', { name: 'Import 4 records' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Nothing was imported.').waitFor();
    await alert.getByText('Row 4: The value must be 100 or less.').waitFor();
    const none = await call(d, d.admin, 'GET', `/k/v1/records.json?app=${app}&query=${encodeURIComponent('ref like "BAD-"')}`);
    expect(none.records).toEqual([]);

    // More than one bulkRequest holds (2,000): our import endpoint, still all at once.
    await page.reload();
    const many = [head, ...Array.from({ length: 2001 }, (_, i) => `Bulk ${i},MANY-${i},${i % 100},,Low,`)];
    await page.getByLabel('CSV file').setInputFiles(csv(many));
    await page.getByRole('button', { name: 'Import 2001 records' }).click();
    await page.getByText('2001 records were imported.').waitFor({ timeout: 30_000 });
    const counted = await call(d, d.admin, 'GET', `/k/v1/records.json?app=${app}&totalCount=true&limit=1&query=${encodeURIComponent('ref like "MANY-"')}`);
    expect(counted.totalCount).toBe('2001');
    await tab.close();
  });
});
