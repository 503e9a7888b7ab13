// Steps several flows share, written as a person does them: by label and role, in English
// (each tab's browser language is en-US unless a test says otherwise).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Fills the login page at `origin` (the guests' page with `guest`) and presses Login. */
export async function submitSignIn(page: Page, origin: string, login: string, password: string, options: { guest?: boolean } = {}): Promise<void> {
  await page.goto(`${origin}${options.guest ? '/login/guest' : '/login'}`);
  await page.getByLabel(options.guest ? 'E-mail address' : 'Login name').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Login' }).click();
}

/** Waits for the portal and answers the names of the spaces it lists. */
export async function portalSpaces(page: Page): Promise<string[]> {
  await page.getByRole('heading', { name: 'Portal', level: 1 }).waitFor();
  const spaces = page.getByRole('region', { name: 'Spaces' });
  await spaces.locator('.tile, .empty').first().waitFor();
  return spaces.locator('.tile__name').allTextContents();
}

/** The page is no wider than the screen: nothing needs sideways scrolling on a phone. */
export async function expectNoSideScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}
