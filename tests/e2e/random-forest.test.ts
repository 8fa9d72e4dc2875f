import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseUrl, launch, watchConsole } from './browser';

/** Figure-specific checks of the random-forest figure: worker training, fast tree-count slider, grow one tree. */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const summary = (page: Page) => page.locator('#fig-random-forest [role="status"]').innerText();

async function open(query = ''): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}notes/random-forest/${query}#fig-random-forest`);
  await page.locator('#fig-random-forest').scrollIntoViewIfNeeded();
  await expect.poll(() => summary(page), { timeout: 20000 }).toMatch(/^\d+ 棵树的随机森林/);
  return { page, problems };
}

it('the tree-count slider re-averages the worker grids within a frame and updates the summary', async () => {
  const { page, problems } = await open();
  const slider = page.getByLabel('树的数量 B', { exact: true });
  const before = await page.locator('#fig-random-forest .rf-surface path').first().getAttribute('d');
  const ms = await slider.evaluate(async (el) => {
    const input = el as HTMLInputElement;
    const t0 = performance.now();
    input.value = '150';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  });
  // One frame on an idle laptop is ~16 ms + two rAFs; CI shares 2 cores with builds, so allow slack.
  expect(ms).toBeLessThan(250);
  await expect.poll(() => summary(page)).toContain('150 棵树的随机森林');
  expect(await page.locator('#fig-random-forest .rf-surface path').first().getAttribute('d')).not.toBe(before);
  expect(problems).toEqual([]);
  await page.close();
});

it('«种一棵树» adds a tree and selects it; turning bootstrap off explains the missing OOB error', async () => {
  const { page, problems } = await open('?random-forest=v1,trees:10');
  await page.getByRole('button', { name: '种一棵树' }).click();
  await expect.poll(() => summary(page)).toContain('11 棵树的随机森林');
  await expect.poll(() => summary(page)).toContain('第 11 棵树的自助采样');
  await page.getByRole('switch', { name: '自助采样（bootstrap）' }).check({ force: true });
  await page.getByRole('switch', { name: '自助采样（bootstrap）' }).uncheck({ force: true });
  await expect.poll(() => summary(page), { timeout: 20000 }).toContain('袋外误差无从计算');
  expect(await page.locator('#fig-random-forest').innerText()).not.toMatch(/NaN|undefined/);
  expect(problems).toEqual([]);
  await page.close();
});
