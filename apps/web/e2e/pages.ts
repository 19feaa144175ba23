import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe';
import { collectErrors, waitForHeading } from './browser';
import { signIn } from './session';

/** The password every seeded test person signs in with. */
export const PASSWORD = 'a long enough password';

/** Set E2E_SCREENSHOT_DIR to keep pictures of the pages for a human look. */
const screenshotDir = process.env.E2E_SCREENSHOT_DIR;

/**
 * The pages of one browser test file: each person in a context of their own, signed in; the console
 * errors of every page collected (a file ends by expecting none); all closed together. `env` is read
 * when a page is made, after the file's beforeAll has started the server and the browser.
 */
export function pageKit(env: () => { browser: Browser; url: string }, defaults: BrowserContextOptions = { colorScheme: 'light', viewport: { width: 1280, height: 900 } }) {
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  return {
    errors,
    /** A page signed in as `email` (the first admin when omitted). */
    async pageFor(email?: string, options: BrowserContextOptions = {}): Promise<Page> {
      const { browser, url } = env();
      const context = await browser.newContext({ ...defaults, ...options });
      contexts.push(context);
      const page = await context.newPage();
      const own = collectErrors(page);
      page.on('close', () => errors.push(...own));
      await signIn(page, url, email, email ? PASSWORD : undefined);
      return page;
    },
    async closeAll(): Promise<void> {
      for (const context of contexts) await context.close();
    },
  };
}

/** The page has rendered: its heading, and the shell's footer that comes with the server's answer. */
export async function settle(page: Page, heading: string): Promise<void> {
  await waitForHeading(page, heading);
  await page.getByTestId('server-version').waitFor();
}

/** No serious accessibility violation; a screenshot too when E2E_SCREENSHOT_DIR is set. */
export async function noSeriousViolations(page: Page, screenshot?: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  if (screenshotDir && screenshot) await page.screenshot({ path: path.join(screenshotDir, screenshot), fullPage: true });
}

/** A day `days` from now as the browser's date input takes it (YYYY-MM-DD in the browser's zone). */
export function dayInBrowser(page: Page, days: number): Promise<string> {
  return page.evaluate((ms) => {
    const d = new Date(Date.now() + ms);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days * 24 * 3600_000);
}
