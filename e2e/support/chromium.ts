// Debian's Chromium driven by playwright-core: one browser per test file, a fresh context (no
// cookies, no storage) per test. Every tab records page errors and console errors — a CSP
// violation is one — and closing it asserts there were none.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  // playwright gives each launch a new temporary profile (user-data dir), removed on close.
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
}

/** The file's browser: launched before its tests, closed after them. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());
  return () => {
    if (!browser) throw new Error('browser not launched yet');
    return browser;
  };
}

export interface Tab {
  page: Page;
  context: BrowserContext;
  /** Page errors and console errors seen so far (failed requests excepted: tests check those). */
  problems: string[];
  /** Closes the context, asserting that nothing went wrong in the page. */
  close(): Promise<void>;
}

export interface TabOptions {
  /** The browser's language (navigator.languages, Accept-Language). Default en-US. */
  locale?: string;
  width?: number;
  height?: number;
}

export async function openTab(browser: Browser, options: TabOptions = {}): Promise<Tab> {
  const phone = options.width !== undefined && options.width < 500;
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: { width: options.width ?? 1200, height: options.height ?? (phone ? 740 : 800) },
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // "Failed to load resource" is Chromium's line for any 4xx answer, which the app expects
    // (GET /api/session says 401 to nobody signed in).
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
  });
  return {
    page,
    context,
    problems,
    close: async () => {
      await context.close();
      expect(problems).toEqual([]);
    },
  };
}
