import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.mjs';
import { basePath, launch, PAGES } from './browser';

/** The built site under its own Content-Security-Policy header (dist/_headers), as a host would serve it. */
const dist = process.env['DIST_DIR'] ?? 'dist';
const headersFile = readFileSync(`${dist}/_headers`, 'utf8');
const policy = headersFile.match(/Content-Security-Policy: (.+)/)![1]!;

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  browser = await launch();
  server = await serve({ dir: dist, base: basePath(), headers: { 'content-security-policy': policy } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Content-Security-Policy', () => {
  it('is strict for scripts: no unsafe-inline, no unsafe-eval', () => {
    const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src'))!;
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
  });

  for (const path of PAGES) {
    it(`/${path} runs with zero violations: figures hydrate and search works`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          (window as unknown as { __csp: string[] }).__csp ??= [];
          (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await page.goto(server.url + path);
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 500) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 50));
        }
      });
      await page.waitForTimeout(800);
      const islands = await page.locator('astro-island').count();
      const hydrated = await page.locator('astro-island:not([ssr])').count();
      expect(hydrated).toBe(islands);
      await page.keyboard.press('Control+k');
      const input = page.locator('[data-search-dialog] [data-search-input]');
      if (path !== 'search/') {
        await input.fill('过拟合');
        await page.locator('[data-search-dialog] a[role="option"]').first().waitFor({ timeout: 10000 });
      }
      const fromPage = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
      expect([...fromPage, ...violations]).toEqual([]);
      await page.close();
    });
  }
});
