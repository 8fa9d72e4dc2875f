import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, basePath, launch, watchConsole } from './browser';
import { SEARCH_CASES } from './searchCases';

let browser: Browser;
let page: Page;
let problems: string[];
beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  problems = watchConsole(page);
});
afterAll(async () => {
  await browser?.close();
});

describe('search UI', () => {
  it('does not load search code or the index before search is opened', async () => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${baseUrl()}notes/overfitting/`);
    await page.waitForTimeout(800);
    expect(requested.filter((u) => /pagefind|search-ui/.test(u))).toEqual([]);
    page.removeAllListeners('request');
  });
  it('opens with Ctrl+K, finds results, moves with arrow keys and opens a result with Enter', async () => {
    await page.goto(`${baseUrl()}notes/overfitting/`);
    await page.keyboard.press('Control+k');
    const input = page.locator('[data-search-dialog] [data-search-input]');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill('随机森林');
    await page.locator('[data-search-dialog] a[role="option"]').first().waitFor();
    expect(await page.locator('[data-search-dialog] mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const selected = page.locator('[data-search-dialog] a[aria-selected="true"]');
    expect(await selected.count()).toBe(1);
    const href = await selected.getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname + u.hash === href);
    expect(href).toContain(`${basePath()}notes/`);
  });
  it('a first search in a fresh browser transfers at most 150 KB (Pagefind code, wasm, index chunks, result data)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const fresh = await context.newPage();
    const sizes: Promise<number>[] = [];
    const urls: string[] = [];
    fresh.on('requestfinished', (req) => {
      if (!/\/pagefind\/|search-ui/.test(req.url())) return;
      urls.push(req.url());
      sizes.push(
        req.sizes().then((sz) => {
          if (sz.responseBodySize <= 0) throw new Error(`no body size for ${req.url()}`);
          return sz.responseBodySize + sz.responseHeadersSize;
        }),
      );
    });
    await fresh.goto(`${baseUrl()}notes/overfitting/`);
    await fresh.keyboard.press('Control+k');
    await fresh.locator('[data-search-dialog] [data-search-input]').fill('过拟合');
    await fresh.locator('[data-search-dialog] a[role="option"]').first().waitFor();
    await fresh.waitForTimeout(500);
    const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
    // No Pagefind worker (noWorker) and small index chunks (scripts/pagefind.mjs): ≈ 125 KB measured.
    expect(urls.filter((u) => u.includes('pagefind-worker'))).toEqual([]);
    expect(total / 1024).toBeLessThanOrEqual(150);
    await context.close();
  });
  it('shows 5 results first and the rest with 「显示更多结果」, keeping keyboard navigation', async () => {
    await page.goto(`${baseUrl()}notes/overfitting/`);
    await page.keyboard.press('Control+k');
    const dialog = page.locator('[data-search-dialog]');
    await dialog.locator('[data-search-input]').fill('模型');
    const pages = dialog.locator('a.search-result-page');
    await expect.poll(() => pages.count()).toBe(5);
    const more = dialog.locator('button.search-more');
    await expect(more.isVisible()).resolves.toBe(true);
    const rest = Number(/还有 (\d+) 篇/.exec((await more.textContent()) ?? '')?.[1]);
    expect(rest).toBeGreaterThan(0);
    await more.click();
    await expect.poll(() => pages.count()).toBe(Math.min(5 + rest, 10));
    // Focus is back in the input with the first new result active, so arrow keys and Enter go on working.
    expect(await dialog.locator('[data-search-input]').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await dialog.locator('a[aria-selected="true"]').getAttribute('class')).toBe('search-result-page');
    expect(await dialog.locator('a[aria-selected="true"]').getAttribute('href')).toBe(await pages.nth(5).getAttribute('href'));
    if (rest <= 5) expect(await more.isVisible()).toBe(false);
    await page.keyboard.press('Escape');
  });
  it('opens with "/" and closes with Escape', async () => {
    await page.goto(`${baseUrl()}`);
    await page.keyboard.press('/');
    await page.locator('[data-search-dialog][open]').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-search-dialog][open]').count()).toBe(0);
  });
  it('the search page keeps the query in the URL', async () => {
    await page.goto(`${baseUrl()}search/?q=${encodeURIComponent('局内点')}`);
    await page.locator('[data-search-page] a[role="option"]').first().waitFor();
    expect(await page.locator('[data-search-page] a[role="option"]').first().getAttribute('href')).toContain('notes/ransac/');
    await page.locator('[data-search-page] [data-search-input]').fill('bagging');
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('q'))).toBe('bagging');
  });
  it('empty, very long and markup-laden queries give no error and inject no markup', async () => {
    const hostile = ['', '   ', 'x'.repeat(5000), '<img src=x onerror="window.__pwned=1">', '"><script>window.__pwned=1</script>', '&lt;b&gt;', '%3Cscript%3E'];
    for (const q of hostile) {
      await page.goto(`${baseUrl()}search/?q=${encodeURIComponent(q)}`);
      await page.waitForTimeout(400);
      const input = page.locator('[data-search-page] [data-search-input]');
      await input.fill(q);
      await page.waitForTimeout(400);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('[data-search-page] img, [data-search-page] script').count()).toBe(0);
    }
    expect(problems).toEqual([]);
  });
});

async function query(q: string): Promise<{ url: string; subs: string[] }[]> {
  // A string, not a function: Vitest would rewrite a dynamic import() inside a function body.
  const script = `(async () => {
    window.__pf ??= import(${JSON.stringify(`${basePath()}pagefind/pagefind.js`)}).then(async (pf) => {
      await pf.options({ baseUrl: ${JSON.stringify(basePath())} });
      await pf.init();
      return pf;
    });
    const pf = await window.__pf;
    const r = await pf.search(${JSON.stringify(q)});
    const data = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
    return data.map((d) => ({ url: d.url, subs: d.sub_results.map((s) => s.url) }));
  })()`;
  return page.evaluate(script);
}

describe('search quality (the real index)', () => {
  beforeAll(async () => {
    await page.goto(`${baseUrl()}`);
  });
  for (const c of SEARCH_CASES) {
    it(`"${c.query}" → ${c.page}${c.section ? `#${c.section}` : ''}`, async () => {
      const results = await query(c.query);
      const hit = results.slice(0, c.within ?? 3).find((r) => r.url.includes(`notes/${c.page}/`));
      expect(hit, `top results: ${JSON.stringify(results.map((r) => r.url))}`).toBeDefined();
      if (c.section) expect(hit!.subs.some((s) => s.endsWith(`#${c.section}`)), JSON.stringify(hit!.subs)).toBe(true);
    });
  }
});
