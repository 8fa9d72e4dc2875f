import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, watchConsole } from './browser';
import type { FigureCase } from './figureCase';

/** Every figure registers a case in tests/e2e/figures/<topic>.ts; these checks run for each. */
const cases = Object.values(import.meta.glob<{ default: FigureCase }>('./figures/*.ts', { eager: true })).map((m) => m.default);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });
});
afterAll(async () => {
  await browser?.close();
});

async function openFigure(c: FigureCase, query = ''): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(`${baseUrl()}notes/${c.slug}/${query}#fig-${c.fig}`);
  await hydrated(page, c);
  return { page, problems };
}

/** Astro removes the `ssr` attribute from an island once it has hydrated. */
async function hydrated(page: Page, c: FigureCase) {
  await page.locator(`#fig-${c.fig}`).scrollIntoViewIfNeeded();
  await page.waitForFunction((fig) => {
    const el = document.getElementById(`fig-${fig}`);
    const island = el?.closest('astro-island');
    return island !== null && island !== undefined && !island.hasAttribute('ssr');
  }, c.fig);
  await page.waitForTimeout(300);
}

const summary = (page: Page, c: FigureCase) => page.locator(`#fig-${c.fig} [role="status"]`).first().innerText();

it('every topic has a figure case', () => {
  expect(cases.map((c) => c.slug).sort()).toEqual(cases.map((c) => c.slug).sort());
  expect(cases.length).toBeGreaterThan(0);
});

describe.each(cases)('figure $fig on $slug', (c) => {
  it('hydrates, loads its state from the URL, and says so in the live summary', async () => {
    const { page, problems } = await openFigure(c, `?${c.fig}=${c.state}`);
    await expect.poll(() => summary(page, c), { timeout: 15000 }).toContain(c.summaryContains);
    const text = await page.locator(`#fig-${c.fig}`).innerText();
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('survives hostile URL state: no crash, no injected markup, no NaN', async () => {
    const hostile = ['<img src=x onerror=window.__pwned=1>', 'v1,<script>window.__pwned=1</script>', 'v1,' + 'a:b,'.repeat(500), 'v999,n:5', 'v1,seed:-1e400,n:NaN,x:Infinity', '%00%ff', 'v1,__proto__:1,constructor:1'];
    for (const h of hostile) {
      const { page, problems } = await openFigure(c, `?${c.fig}=${encodeURIComponent(h)}`);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator(`#fig-${c.fig} script, #fig-${c.fig} img[src="x"]`).count()).toBe(0);
      expect((await summary(page, c)).length).toBeGreaterThan(0);
      expect(await page.locator(`#fig-${c.fig}`).innerText()).not.toMatch(/NaN|undefined/);
      expect(problems, h).toEqual([]);
      await page.close();
    }
  });

  it('"copy link" gives a URL that reproduces the same state', async () => {
    const { page } = await openFigure(c, `?${c.fig}=${c.state}`);
    await expect.poll(() => summary(page, c), { timeout: 15000 }).toContain(c.summaryContains);
    const before = await summary(page, c);
    await page.locator(`#fig-${c.fig} button`, { hasText: '复制此状态的链接' }).click();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toContain(`${c.fig}=v`);
    expect(url).toContain(`#fig-${c.fig}`);
    const other = await context.newPage();
    await other.goto(url);
    await hydrated(other, c);
    await expect.poll(() => summary(other, c), { timeout: 15000 }).toBe(before);
    await other.close();
    await page.close();
  });

  it('a link in the prose sets the figure to the state it describes', async () => {
    const { page, problems } = await openFigure(c);
    const links = page.locator(`a[data-fig-link="${c.fig}"]`);
    expect(await links.count()).toBeGreaterThan(0);
    const href = (await links.first().getAttribute('href'))!;
    const state = new URLSearchParams(href.split('#')[0]!.slice(1)).get(c.fig)!;
    await links.first().click();
    await expect.poll(() => page.evaluate((fig) => new URLSearchParams(location.search).get(fig), c.fig)).toBe(state);
    // The figure now shows the state a fresh load of that URL shows.
    await page.waitForTimeout(500);
    const shown = await summary(page, c);
    const fresh = await context.newPage();
    await fresh.goto(`${baseUrl()}notes/${c.slug}/?${c.fig}=${state}#fig-${c.fig}`);
    await hydrated(fresh, c);
    await expect.poll(() => summary(fresh, c), { timeout: 15000 }).toBe(shown);
    await fresh.close();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('every control is reachable and operable by keyboard; axe finds nothing serious afterwards', async () => {
    const { page, problems } = await openFigure(c);
    const focusables = await page.locator(`#fig-${c.fig} :is(button, input, select, summary, a[href], [tabindex="0"]):visible`).count();
    expect(focusables).toBeGreaterThan(2);
    await page.locator(`#fig-${c.fig} :is(button, input, select, summary, a[href], [tabindex="0"]):visible`).first().focus();
    const visited = new Set<string>();
    for (let i = 0; i < focusables * 2 + 5; i++) {
      const info = await page.evaluate((fig) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || !document.getElementById(`fig-${fig}`)?.contains(el)) return null;
        el.dataset['tabVisit'] ??= String(Math.random());
        return { key: el.dataset['tabVisit'], tag: el.tagName, type: (el as HTMLInputElement).type };
      }, c.fig);
      if (!info) break;
      visited.add(info.key!);
      if (info.tag === 'INPUT' && info.type === 'range') await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
    }
    // Radio groups take one tab stop; everything else should be visited.
    const tabStops = await page.evaluate((fig) => {
      const fig_ = document.getElementById(`fig-${fig}`)!;
      const els = Array.from(fig_.querySelectorAll<HTMLElement>('button, input, select, summary, a[href], [tabindex="0"]')).filter((e) => e.offsetParent !== null && !(e as HTMLButtonElement).disabled);
      const radios = new Set(els.filter((e) => (e as HTMLInputElement).type === 'radio').map((e) => (e as HTMLInputElement).name));
      return els.filter((e) => (e as HTMLInputElement).type !== 'radio').length + radios.size;
    }, c.fig);
    expect(visited.size).toBeGreaterThanOrEqual(tabStops);
    await page.evaluate(axeSource);
    const serious = await page.evaluate(async (fig) => {
      // @ts-expect-error injected
      const r = await window.axe.run(document.getElementById(`fig-${fig}`), { resultTypes: ['violations'] });
      return r.violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical').map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    }, c.fig);
    expect(serious).toEqual([]);
    expect(await page.locator(`#fig-${c.fig}`).innerText()).not.toMatch(/NaN|undefined/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
