/**
 * Page-weight and layout-stability budgets, measured in Chromium against a built site.
 *
 *   JS before interaction  ≤ 10 KB gzip   (scripts a page loads with no scrolling or input)
 *   JS with all figures    ≤ 60 KB gzip   (after scrolling every figure into view; shared chunks counted once)
 *   search code            0 before the reader opens search
 *   cumulative layout shift = 0.00 on every topic page (figures are pre-rendered at their final size)
 *
 * Usage: node scripts/budgets.mjs [distDir=dist] [base=/]   — prints a table, exits 1 over budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const dist = process.argv[2] ?? process.env.DIST_DIR ?? 'dist';
const base = process.argv[3] ?? process.env.E2E_BASE ?? '/';
const BEFORE = 10 * 1024;
const AFTER = 60 * 1024;
const PAGES = ['', 'search/', ...['vanishing-gradients', 'overfitting', 'regularization', 'random-forest', 'discriminative-vs-generative', 'ransac'].map((s) => `notes/${s}/`)];
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const gzCache = new Map();
function gzipBytes(pathname) {
  if (!gzCache.has(pathname)) {
    const file = join(dist, decodeURIComponent(pathname.slice(base.length)));
    gzCache.set(pathname, gzipSync(readFileSync(file), { level: 9 }).length);
  }
  return gzCache.get(pathname);
}
/** Inline scripts count too: they are part of the HTML but they are JS the page runs. */
function inlineScriptBytes(html) {
  return Array.from(html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g), (m) => m[1])
    .filter((s) => s.trim())
    .reduce((sum, s) => sum + gzipSync(Buffer.from(s), { level: 9 }).length, 0);
}

const server = await serve({ dir: dist, base });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const rows = [];
let failed = false;
for (const path of PAGES) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const scripts = new Set();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (r.request().resourceType() === 'script' || u.pathname.endsWith('.js') || u.pathname.endsWith('.mjs')) scripts.add(u.pathname);
  });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  const inline = inlineScriptBytes(html);
  const before = [...scripts];
  const beforeBytes = before.reduce((s, p) => s + gzipBytes(p), 0) + inline;
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
  const after = [...scripts].filter((p) => !/\/pagefind\//.test(p) && !/search-ui/.test(p));
  const afterBytes = after.reduce((s, p) => s + gzipBytes(p), 0) + inline;
  if (process.env.BUDGET_DEBUG) console.log(path, after.map((p) => `${p} ${(gzipBytes(p) / 1024).toFixed(1)}`).join("\n  "));
  const searchLoaded = [...scripts].some((p) => /pagefind|search-ui/.test(p)) && path !== 'search/';
  const cls = await page.evaluate(() => window.__cls);
  const workers = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /worker/i.test(e.name)).map((e) => new URL(e.name).pathname));
  const workerBytes = workers.reduce((s, p) => s + gzipBytes(p), 0);
  const ok = beforeBytes <= BEFORE && afterBytes <= AFTER && !searchLoaded && (path.startsWith('notes/') ? cls < 0.005 : true);
  if (!ok) failed = true;
  rows.push({ page: `/${path}`, before: (beforeBytes / 1024).toFixed(1), after: (afterBytes / 1024).toFixed(1), worker: (workerBytes / 1024).toFixed(1), cls: cls.toFixed(3), search: searchLoaded ? 'LOADED' : 'no', ok: ok ? 'ok' : 'OVER' });
  await context.close();
}
await browser.close();
await server.close();

console.log(`\nJS budget (KB gzip; before interaction ≤ ${BEFORE / 1024}, with all figures hydrated ≤ ${AFTER / 1024}; workers reported separately) and CLS`);
console.log('page'.padEnd(40), 'before'.padStart(7), 'after'.padStart(7), 'worker'.padStart(7), 'CLS'.padStart(6), 'search'.padStart(7), '');
for (const r of rows) console.log(r.page.padEnd(40), r.before.padStart(7), r.after.padStart(7), r.worker.padStart(7), r.cls.padStart(6), r.search.padStart(7), r.ok);
process.exit(failed ? 1 : 0);
