import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseUrl, launch, watchConsole } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(query = ''): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}notes/overfitting/${query}#fig-overfitting`);
  await page.locator('#fig-overfitting').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.getElementById('fig-overfitting')?.closest('astro-island')?.hasAttribute('ssr'));
  await page.waitForTimeout(300);
  return { page, problems };
}
const summary = (page: Page) => page.locator('#fig-overfitting [role="status"]').innerText();

it('dragging a training point re-fits and stores the point in the URL', async () => {
  const { page, problems } = await open();
  const before = await summary(page);
  const handle = page.locator('#fig-overfitting .ovf-train [data-draggable]').nth(4);
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 60, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => summary(page)).not.toBe(before);
  await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('overfitting') ?? '')).toMatch(/pts:4_/);
  await expect(page.locator('#fig-overfitting button', { hasText: '还原拖动的点' }).count()).resolves.toBe(1);
  expect(problems).toEqual([]);
  await page.close();
});

it('keyboard: [ ] select a point, arrow keys move it', async () => {
  const { page } = await open();
  const before = await summary(page);
  await page.locator('#fig-overfitting .ovf-drag').focus();
  await page.keyboard.press(']');
  await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(() => summary(page)).not.toBe(before);
  await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('overfitting') ?? '')).toMatch(/pts:1_/);
  await page.close();
});

it('the bias²/variance study runs in a worker and reports its numbers', async () => {
  const { page, problems } = await open('?overfitting=v1,deg:9,view:bv');
  await expect.poll(() => summary(page), { timeout: 20000 }).toContain('偏差²');
  expect(await page.locator('#fig-overfitting .sim-table tbody tr').count()).toBe(16);
  expect(problems).toEqual([]);
  await page.close();
});

it('"添加噪声点" adds noisy points and changes the fit', async () => {
  const { page } = await open('?overfitting=v1,n:20,deg:9');
  const before = await summary(page);
  await page.locator('#fig-overfitting button', { hasText: '添加噪声点' }).click();
  await expect.poll(() => summary(page)).toContain('23 个训练点');
  expect(await summary(page)).not.toBe(before);
  await page.close();
});
