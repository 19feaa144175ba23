import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

/**
 * Every click waits for its element to hold still across two animation frames, so a page whose
 * renderer gets no frames turns each later click into a 30-second timeout that names no cause: the
 * DOM answers and `fill` works, but `requestAnimationFrame` never calls back. Headless Chromium
 * composites in its GPU process (software, with --disable-gpu); a GPU process that stops answering
 * stalls every page this way (stopping one reproduces, click for click, a CI run's failed webhooks
 * walk), and when it dies Chromium starts a new one and frames resume. So the open pages
 * are checked before each test and every few seconds during one; for a stalled page the browser's
 * GPU process is restarted, and only if frames still do not come does the test fail, with the cause.
 */
const browsers = new Set<Browser>();

export function watchFrames(browser: Browser): void {
  browsers.add(browser);
  browser.on('disconnected', () => browsers.delete(browser));
}

/** Whether the page runs an animation frame within `withinMs`; a page mid-navigation counts as alive. */
export async function producesFrames(page: Page, withinMs = 2_000): Promise<boolean> {
  // A frozen page never answers the evaluation either: the race bounds the wait on this side too.
  const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), withinMs + 3_000).unref());
  try {
    const inPage = page.evaluate(
      (ms) =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), ms);
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve(true);
          });
        }),
      withinMs,
    );
    return await Promise.race([inPage, late]);
  } catch {
    return true;
  }
}

/** Process ids of the GPU processes of the browsers this process launched (Debian's wrapper script may sit between). */
export function gpuProcesses(): number[] {
  const parentOf = new Map<number, number>();
  const gpu: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid ..." — comm may hold spaces, so read after its ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=gpu-process')) gpu.push(pid);
    } catch {
      // The process ended while being read.
    }
  }
  const launchedHere = (pid: number): boolean => {
    for (let up = parentOf.get(pid), depth = 0; up && depth < 4; up = parentOf.get(up), depth++) if (up === process.pid) return true;
    return false;
  };
  return gpu.filter(launchedHere);
}

/**
 * A page that ran no frame for 3 s, nor in 2 s more, is stalled, not busy (a long task delays the
 * frame and the timer alike); restarting the GPU process mends it. Answers whether frames came back.
 */
async function revive(page: Page): Promise<boolean> {
  if (await producesFrames(page)) return true;
  for (const pid of gpuProcesses()) process.kill(pid, 'SIGKILL');
  const back = await producesFrames(page, 5_000);
  if (back) console.warn(`Chromium ran no animation frame for ${page.url()} in 5 s; a restart of its GPU process brought frames back.`);
  return back;
}

/**
 * Checks every open page of every watched browser and brings a stalled one back; answers the pages it
 * could not bring back. Checks never overlap (the watch and the per-test check share one queue).
 */
let queue: Promise<unknown> = Promise.resolve();
function reviveStalledPages(): Promise<string[]> {
  const run = queue.then(async () => {
    const lost: string[] = [];
    for (const browser of browsers) {
      for (const context of browser.contexts()) {
        for (const page of context.pages()) {
          if (page.isClosed() || (await producesFrames(page, 3_000))) continue;
          if (!(await revive(page))) lost.push(page.url());
        }
      }
    }
    return lost;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Before each test: throws, naming the page, if one stays without frames. */
export async function assertPagesProduceFrames(): Promise<void> {
  const lost = await reviveStalledPages();
  if (lost.length > 0) {
    throw new Error(
      `Chromium has stopped producing frames for ${lost.join(', ')}, and a new GPU process did not bring them back: ` +
        'Playwright cannot click until they come. This is the browser, not the page (e2e/frames.ts).',
    );
  }
}

/**
 * During a test: a stall that begins while a click waits is found within a few seconds and mended,
 * so the click goes on. `pause` is for the test of this guard, which stalls a page on purpose.
 */
let watch: NodeJS.Timeout | undefined;
let paused = false;
let checking = false;
export function watchDuringTests(on: boolean): void {
  clearInterval(watch);
  watch = undefined;
  if (!on) return;
  watch = setInterval(() => {
    if (paused || checking) return;
    checking = true;
    void reviveStalledPages().finally(() => (checking = false));
  }, 3_000).unref();
}
export function pauseWatch(value: boolean): void {
  paused = value;
}
