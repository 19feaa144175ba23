import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { assertPagesProduceFrames, gpuProcesses, pauseWatch, producesFrames } from './frames';

// The harness's own guard (e2e/frames.ts), checked against the fault it exists for: a GPU process
// that stops answering leaves pages whose DOM works but whose clicks wait for frames forever.
describe('a page without frames is found and brought back before the next test', () => {
  let browser: Browser;
  let page: Page;
  let clicks = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 800, height: 600 } })).newPage();
    await page.exposeFunction('clicked', () => clicks++);
    await page.setContent('<button onclick="window.clicked()">Press</button>');
  });

  afterAll(async () => {
    for (const pid of gpuProcesses()) process.kill(pid, 'SIGCONT');
    await browser?.close();
  });

  it('a stopped GPU process stalls clicks; the check before a test restarts it and clicks work again', async () => {
    pauseWatch(true);
    expect(await producesFrames(page)).toBe(true);
    const stopped = gpuProcesses();
    expect(stopped).toHaveLength(1);
    process.kill(stopped[0]!, 'SIGSTOP');
    // A frame already on its way may still arrive; after that, none does.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await producesFrames(page, 1_000)).toBe(false);
    await expect(page.getByRole('button', { name: 'Press' }).click({ timeout: 1_000 })).rejects.toThrow(/Timeout/);

    await assertPagesProduceFrames();
    pauseWatch(false);
    expect(gpuProcesses()).not.toContain(stopped[0]);
    await page.getByRole('button', { name: 'Press' }).click();
    expect(clicks).toBe(1);
  });

  it('a stall that begins while a click waits is mended by the watch, and the click goes on', async () => {
    const [gpu] = gpuProcesses();
    process.kill(gpu!, 'SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.getByRole('button', { name: 'Press' }).click({ timeout: 15_000 });
    expect(clicks).toBe(2);
    expect(gpuProcesses()).not.toContain(gpu);
  });
});
