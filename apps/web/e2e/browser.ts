import { chromium, type Browser, type Page } from 'playwright-core';
import { watchFrames } from './frames';

/** The distribution's Chromium, headless, with everything that phones home switched off. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  watchFrames(browser);
  return browser;
}

/**
 * Collects console errors and uncaught page errors for the page's whole life; tests
 * assert the list is empty at the end, so a walk that "works" but logs errors fails.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Waits until the page's h1 reads exactly `text` and returns the document title. */
export async function waitForHeading(page: Page, text: string): Promise<string> {
  await page.waitForFunction((expected) => document.querySelector('h1')?.textContent === expected, text);
  return page.title();
}

/**
 * Picks an option of the header's colour-scheme control the way a person does: by
 * clicking its visible label (the radio input itself is visually hidden). Resolves once
 * the scheme is applied to <html>.
 */
export async function chooseColorScheme(page: Page, option: 'Light' | 'Dark' | 'Match system'): Promise<void> {
  const radio = page.getByRole('radiogroup', { name: 'Colour scheme' }).getByRole('radio', { name: option });
  const id = await radio.getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
  await page.waitForFunction((checkedId) => (document.getElementById(checkedId ?? '') as HTMLInputElement | null)?.checked, id);
}
