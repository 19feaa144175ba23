import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface ViolationSummary {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
  /** axe's own explanation for the first node (e.g. the measured contrast), to act on. */
  detail?: string;
}

/** Runs axe on the whole document and returns the serious and critical violations, readably. */
export async function seriousViolations(page: Page): Promise<ViolationSummary[]> {
  // Measure the settled page: a dialog still fading in has every colour at partial opacity. A
  // transition starts only once its element's style has changed, a frame or two after a popover
  // mounts (Mantine sets the start style, then the end style on the next frame), so wait for
  // frames to pass first, and ask again after more frames in case another one began meanwhile.
  const frames = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const settled = () => page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  for (let round = 0; round < 2; round++) {
    await frames();
    await settled();
  }
  // Evaluated by the browser's debugging protocol, which the page's Content-Security-Policy does
  // not govern: as a <script> tag (page.addScriptTag) it would be an inline script, refused.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => {
    const { axe } = window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } };
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
      detail: violation.nodes[0]?.failureSummary?.split('\n').slice(1).join(' ').trim(),
    }));
}
