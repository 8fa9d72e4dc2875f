import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, watchConsole } from './browser';

/** RANSAC-specific browser checks: stepping, adding/dragging points, the worker study, reduced motion. */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(query = '', reducedMotion: 'reduce' | 'no-preference' = 'no-preference') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}notes/ransac/${query}#fig-ransac`);
  await page.locator('#fig-ransac').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const island = document.getElementById('fig-ransac')?.closest('astro-island');
    return island !== null && island !== undefined && !island.hasAttribute('ssr');
  });
  await page.waitForTimeout(300);
  return { page, problems, close: () => context.close() };
}

const summary = (page: Page) => page.locator('#fig-ransac [role="status"]').innerText();
const param = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('ransac'));

describe('RANSAC figure', () => {
  it('steps through the note\'s five steps and the two outcomes with the buttons', async () => {
    const { page, problems, close } = await open();
    const fig = page.locator('#fig-ransac');
    await fig.getByRole('button', { name: '从第 1 次开始' }).click();
    await expect.poll(() => summary(page)).toContain('第 1/17 次迭代，第 1 步');
    for (let ph = 2; ph <= 5; ph++) {
      await fig.getByRole('button', { name: '下一步' }).click();
      await expect.poll(() => summary(page)).toContain(`第 ${ph} 步`);
    }
    await fig.getByRole('button', { name: /3\s*局内点够多吗/ }).click();
    await expect.poll(() => summary(page)).toContain('第 3 步');
    await expect.poll(() => param(page)).toBe('v1,t:1,ph:3');
    await fig.getByRole('button', { name: '看最终结果' }).click();
    await expect.poll(() => summary(page)).toContain('RANSAC 迭代 17 次');
    expect(problems).toEqual([]);
    await close();
  });

  it('adds an outlier by click and by keyboard, and a dragged point goes in the URL', async () => {
    const { page, problems, close } = await open();
    const svg = page.locator('#fig-ransac svg.rsc-scatter');
    const box = (await svg.boundingBox())!;
    // empty top-left corner of the plot
    await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.06);
    await expect.poll(() => summary(page)).toContain('共 61 个点');
    await page.locator('#fig-ransac details.rsc-edit > summary').click();
    const add = page.locator('#fig-ransac').getByRole('button', { name: '添加局外点' });
    await add.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => summary(page)).toContain('共 62 个点');
    await expect.poll(() => param(page)).toMatch(/^v1,add:[-\d._]+$/);
    // drag the generated point nearest the plot's centre (clear of the sticky header)
    await page.evaluate(() => document.querySelector('#fig-ransac svg.rsc-scatter')!.scrollIntoView({ block: 'center', behavior: 'instant' }));
    const [x, y, i] = await page.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('#fig-ransac svg.rsc-scatter')!.getBoundingClientRect();
      const cs = Array.from(document.querySelectorAll<SVGCircleElement>('#fig-ransac svg.rsc-scatter circle.rsc-pt'));
      const at = cs.map((c) => c.getBoundingClientRect()).map((r) => [r.x + r.width / 2, r.y + r.height / 2] as const);
      const d = at.map(([px, py]) => (px - svg.x - svg.width / 2) ** 2 + (py - svg.y - svg.height / 2) ** 2);
      const k = d.indexOf(Math.min(...d));
      return [at[k]![0], at[k]![1], k];
    });
    await page.mouse.move(x!, y!);
    await page.mouse.down();
    await page.mouse.move(x! + 40, y! - 60, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => param(page)).toContain(`mv:${i}_`);
    expect(await page.locator('#fig-ransac').innerText()).not.toMatch(/NaN|undefined/);
    expect(problems).toEqual([]);
    await close();
  });

  it('runs the success-rate study in a worker with progress', async () => {
    const { page, problems, close } = await open();
    await expect.poll(() => page.locator('#fig-ransac .rsc-study-status').innerText(), { timeout: 20000 }).toContain('已完成 400 次');
    expect(await page.locator('#fig-ransac svg.rsc-success circle.rsc-emp-clean').count()).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await close();
  });

  it('with reduced motion there is no play button; stepping still works', async () => {
    const { page, problems, close } = await open('?ransac=v1,t:2', 'reduce');
    expect(await page.locator('#fig-ransac').getByRole('button', { name: '播放' }).count()).toBe(0);
    await page.locator('#fig-ransac').getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => summary(page)).toContain('第 2/17 次迭代，第 2 步');
    expect(problems).toEqual([]);
    await close();
  });
});
