/**
 * The vanishing-gradient plot in Chromium at its largest setting (50 hidden layers × 128 units, batch
 * 64), as a reader gets it: `npm run build`, then
 *   node scripts/bench/vanishing-gradients-browser.mjs [distDir=dist]
 * For each kind of control change it sets the figure's state (the `figstate` event prose links use),
 * and records
 *   - compute: the worker's time for the new gradient norms (the figure's data-grad-ms), and
 *   - update: from the change to the first frame after the new plot is in the DOM (worker round trip,
 *     Preact render and paint included).
 * Prints medians per kind and the engine used (WebAssembly relaxed SIMD / SIMD / JavaScript).
 * Exits 1 when the median compute time of any kind is above one frame (16.7 ms).
 */
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';

const dist = process.argv[2] ?? 'dist';
const FRAME_MS = 1000 / 60;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const BASE = 'v1,depth:50,width:128';
const REPEATS = 6;
/** Each kind: the state patches to cycle through; each differs from the one before and a cycle ends at the base state. */
const KINDS = {
  'activation': ['act:relu', 'act:tanh', 'act:leakyRelu', 'act:sigmoid'],
  'scale': ['scale:1.5', 'scale:0.75', 'scale:2', 'scale:1'],
  'BatchNorm / shortcut': ['bn:1', 'bn:1,res:1', 'res:1', ''],
  'init, same family': ['init:xavier', 'init:standard'],
  'init, other family': ['init:he', 'init:standard'],
  'depth ±1': ['depth:49', 'depth:50'],
  'new seed': ['seed:2', 'seed:3', 'seed:4', 'seed:5', 'seed:6', ''], // '' = seed 1 again
};

const server = await serve({ dir: dist });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${server.url}notes/vanishing-gradients/?vanishing-gradients=${BASE}`);
const fig = page.locator('.vg').first();
await fig.scrollIntoViewIfNeeded();
await page.waitForFunction(() => {
  const el = document.querySelector('.vg');
  return el && el.getAttribute('data-grad-key')?.startsWith('50|128|') && el.getAttribute('data-grad-engine') !== 'prerendered';
}, null, { timeout: 60_000 });
const engine = await fig.getAttribute('data-grad-engine');

/** Sets the state and resolves with { compute, update } once the new plot has been painted. */
async function change(patch) {
  const state = patch.startsWith('depth:') ? `v1,width:128,${patch}` : `${BASE}${patch ? `,${patch}` : ''}`;
  return page.evaluate(
    (state) =>
      new Promise((resolve, reject) => {
        const el = document.querySelector('.vg');
        const before = el.getAttribute('data-grad-key');
        const timer = setTimeout(() => reject(new Error(`no update for ${state}`)), 20_000);
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (el.getAttribute('data-grad-key') === before) return;
          obs.disconnect();
          requestAnimationFrame(() => {
            clearTimeout(timer);
            resolve({ compute: Number(el.getAttribute('data-grad-ms')), update: performance.now() - t0, engine: el.getAttribute('data-grad-engine') });
          });
        });
        obs.observe(el, { attributes: true, attributeFilter: ['data-grad-key'] });
        window.dispatchEvent(new CustomEvent('figstate', { detail: { fig: 'vanishing-gradients', state } }));
      }),
    state,
  );
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
// Warm-up: one pass over every kind (first compilation of each code path).
for (const patches of Object.values(KINDS)) for (const p of patches) await change(p);

const rows = [];
for (const [kind, patches] of Object.entries(KINDS)) {
  const compute = [];
  const update = [];
  for (let r = 0; r < REPEATS; r++) {
    for (const p of patches) {
      const m = await change(p);
      if (m.engine !== engine) throw new Error(`engine changed from ${engine} to ${m.engine}`);
      compute.push(m.compute);
      update.push(m.update);
    }
  }
  rows.push({ kind, n: compute.length, compute: median(compute), computeMax: Math.max(...compute), update: median(update) });
}
await browser.close();
await server.close();

console.log(`Vanishing-gradient plot, 50 × 128, batch 64, Chromium ${browser.version()} — engine: ${engine}`);
console.log(`${'change'.padEnd(22)} ${'n'.padStart(3)} ${'compute median ms'.padStart(18)} ${'max'.padStart(7)} ${'change→painted median ms'.padStart(25)}`);
let failed = 0;
for (const r of rows) {
  const ok = r.compute <= FRAME_MS;
  if (!ok) failed++;
  console.log(`${r.kind.padEnd(22)} ${String(r.n).padStart(3)} ${r.compute.toFixed(1).padStart(18)} ${r.computeMax.toFixed(1).padStart(7)} ${r.update.toFixed(1).padStart(25)}${ok ? '' : '  OVER ONE FRAME'}`);
}
if (failed) {
  console.error(`${failed} kind(s) of change take more than one frame (${FRAME_MS.toFixed(1)} ms) to compute`);
  process.exit(1);
}
