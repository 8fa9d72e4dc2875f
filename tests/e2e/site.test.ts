import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, PAGES, SLUGS, watchConsole } from './browser';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean; reducedMotion?: 'reduce' | 'no-preference' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(baseUrl() + path, { waitUntil: 'load' });
  return { page, problems, close: () => context.close() };
}

async function scrollThrough(page: Page) {
  // Bring every figure on screen so client:visible islands hydrate.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 500) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 40));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(600);
}

describe('every page', () => {
  for (const path of PAGES) {
    it(`/${path} loads with no console errors and no serious or critical axe violations`, async () => {
      const { page, problems, close } = await open(path);
      await scrollThrough(page);
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v: { id: string; impact: string; nodes: { target: string[] }[] }) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      const serious = result.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
      expect(problems).toEqual([]);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await close();
    });
  }
  it('dark mode has no serious or critical axe violations either (contrast)', async () => {
    for (const path of ['', 'notes/ransac/']) {
      const { page, close } = await open(path, { colorScheme: 'dark' });
      await scrollThrough(page);
      await page.evaluate(axeSource);
      const serious = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical').map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
      expect(serious, path).toEqual([]);
      await close();
    }
  });
  it('the 404 page is in Chinese and offers search', async () => {
    const { page, close } = await open('no-such-page/');
    expect(await page.locator('h1').textContent()).toContain('没有找到');
    expect(await page.locator('form[role="search"] input[name="q"]').count()).toBe(1);
    await close();
  });
});

describe('navigation', () => {
  it('home lists the six topics in order and links to each page; prev/next and sidebar work', async () => {
    const { page, problems, close } = await open('');
    const titles = await page.locator('.cards h2').allTextContents();
    expect(titles).toHaveLength(6);
    await page.locator('.cards a').first().click();
    await page.waitForURL(/notes\/vanishing-gradients\/$/);
    expect(await page.locator('.sidebar a[aria-current="page"]:visible').count()).toBe(1);
    await page.locator('.prev-next a[rel="next"]').click();
    await page.waitForURL(/notes\/overfitting\/$/);
    await page.locator('.sidebar a:visible', { hasText: 'RANSAC' }).click();
    await page.waitForURL(/notes\/ransac\/$/);
    expect(problems).toEqual([]);
    await close();
  });
  it('the skip link moves focus to the main content', async () => {
    const { page, close } = await open(`notes/${SLUGS[0]}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await close();
  });
});

describe('linking a section', () => {
  it('the copy-link button beside a heading copies the full URL with the ASCII id and says so', async () => {
    const { page, close } = await open(`notes/${SLUGS[0]}/`);
    const wrap = page.locator('.heading').first();
    const id = await wrap.locator('h2, h3').getAttribute('id');
    expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    const button = wrap.locator('a.copy-link');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseUrl()}notes/${SLUGS[0]}/#${id}`);
    expect(await button.textContent()).toContain('已复制');
    // The live region is filled 30 ms after it is cleared (so screen readers announce a repeat): poll.
    await expect.poll(() => page.locator('[role="status"]').filter({ hasText: '已复制本节链接' }).count()).toBe(1);
    await close();
  });
  it('landing on #id puts the heading below the sticky header and highlights it', async () => {
    const { page, close } = await open(`notes/${SLUGS[0]}/`);
    const ids = await page.locator('.heading h2').evaluateAll((hs) => hs.map((h) => h.id));
    const target = ids[Math.min(2, ids.length - 1)]!;
    await page.goto(`${baseUrl()}notes/${SLUGS[0]}/#${target}`);
    await page.waitForTimeout(800);
    const top = await page.locator(`#${target}`).evaluate((h) => h.getBoundingClientRect().top);
    const header = await page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().bottom);
    expect(top).toBeGreaterThanOrEqual(header);
    expect(top).toBeLessThan(header + 120);
    expect(await page.locator('.heading:has(:target)').count()).toBe(1);
    await close();
  });
  it('a GitHub-style Chinese id from the original notes lands on the same heading', async () => {
    const { page, close } = await open(`notes/vanishing-gradients/#${encodeURIComponent('原因')}`);
    await page.waitForTimeout(500);
    const heading = page.locator('.heading:has(#原因) h2');
    expect(await heading.textContent()).toBe('原因');
    const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(250);
    await close();
  });
});

describe('dark mode', () => {
  it('follows the system setting, toggles, and remembers the choice without a flash', async () => {
    const { page, close } = await open(`notes/${SLUGS[1]}/`, { colorScheme: 'dark' });
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await bg()).toBe('rgb(20, 22, 26)');
    await page.locator('[data-theme-toggle]').click();
    expect(await bg()).toBe('rgb(255, 255, 255)');
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('false');
    // Reload: the inline head script applies the saved choice before the first paint.
    await page.reload();
    const firstPaintTheme = await page.evaluate(() => document.documentElement.dataset['theme']);
    expect(firstPaintTheme).toBe('light');
    expect(await bg()).toBe('rgb(255, 255, 255)');
    await close();
  });
});

describe('without JavaScript', () => {
  it('pages render their text, navigation and pre-rendered figures', async () => {
    for (const slug of SLUGS) {
      const { page, close } = await open(`notes/${slug}/`, { javaScriptEnabled: false });
      expect((await page.locator('article.note').innerText()).length).toBeGreaterThan(1000);
      expect(await page.locator('.sidebar a:visible').count()).toBe(6);
      expect(await page.locator('.toc a').count()).toBeGreaterThan(2);
      const figures = await page.locator('figure.sim svg.chart').count();
      expect(figures, `${slug} should pre-render its figure`).toBeGreaterThan(0);
      await close();
    }
  });
});
