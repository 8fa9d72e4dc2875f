import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseUrl, launch, watchConsole } from './browser';

/** Figure-specific checks: the w* handle by keyboard and pointer, the worker's paths and CV buttons. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}notes/regularization/#fig-regularization`);
  await page.locator('#fig-regularization').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.getElementById('fig-regularization')?.closest('astro-island')?.hasAttribute('ssr'));
  return { page, problems };
}
const summary = (page: Page) => page.locator('#fig-regularization [role="status"]').innerText();

it('loads the diabetes paths in a worker and the CV buttons move the cursor', async () => {
  const { page, problems } = await open();
  await expect.poll(() => summary(page), { timeout: 15000 }).toContain('Lasso 保留 4 个变量');
  await expect.poll(() => summary(page), { timeout: 15000 }).toContain('一个标准误规则选');
  await page.locator('#fig-regularization button', { hasText: 'α 取一个标准误规则' }).click();
  await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('regularization'))).toBe('v1,lam:-0.7');
  expect(problems).toEqual([]);
  await page.close();
});

it('arrow keys on the focused w* handle move the optimum; dragging it does too', async () => {
  const { page, problems } = await open();
  const handle = page.locator('#fig-regularization .rg-handle').first();
  await handle.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.locator('#fig-regularization .rg-handle').first().getAttribute('aria-valuetext')).toBe('w* = (2.00, 0.80)');
  const box = (await page.locator('#fig-regularization svg.rg-geo').first().boundingBox())!;
  // drag to the upper left of the plane: w* ≈ (−2, 2) → the L1 solution leaves the w₂ = 0 corner
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.25);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => summary(page)).not.toContain('w₂ 恰为 0');
  expect(await page.locator('#fig-regularization').innerText()).not.toMatch(/NaN|undefined/);
  expect(problems).toEqual([]);
  await page.close();
});

/** Height of the figure and of each of its blocks (legend, live sentence, …), top to bottom. */
const blockHeights = (page: Page) =>
  page.evaluate(() => {
    const fig = document.getElementById('fig-regularization')!;
    const blocks = [fig, ...fig.querySelectorAll('.rg-layout > *, .sim-controls, .sim-actions, .sim-summary, .sim-table, .sim-caption')];
    return blocks.map((e) => `${e.className || e.tagName}: ${e.getBoundingClientRect().height.toFixed(1)}`);
  });

for (const [width, height] of [
  [1280, 800],
  [412, 823],
] as const) {
  it(`at ${width}×${height} the pre-rendered figure has its final size: nothing moves when the paths and CV arrive`, async () => {
    const viewport = { width, height };
    const ssr = await browser.newPage({ viewport, javaScriptEnabled: false });
    await ssr.goto(`${baseUrl()}notes/regularization/`);
    const before = await blockHeights(ssr);
    await ssr.close();

    const page = await browser.newPage({ viewport });
    const problems = watchConsole(page);
    await page.addInitScript(() => {
      const w = window as unknown as { __shifts: string[] };
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources: { node: Node | null }[] }[]) {
          const fig = document.getElementById('fig-regularization');
          // shifts of the figure itself or of anything after it (KaTeX font swaps above it are not the figure's)
          const mine = e.sources.filter((s) => s.node && fig && (fig.contains(s.node) || fig.compareDocumentPosition(s.node) & Node.DOCUMENT_POSITION_FOLLOWING));
          if (!e.hadRecentInput && mine.length) w.__shifts.push(`${e.value.toFixed(4)} ${mine.map((s) => (s.node as Element).className || s.node!.nodeName).join(', ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${baseUrl()}notes/regularization/`);
    await page.locator('#fig-regularization').scrollIntoViewIfNeeded();
    await expect.poll(() => summary(page), { timeout: 15000 }).toContain('一个标准误规则选');
    await page.waitForTimeout(300);
    expect(await blockHeights(page)).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
}
