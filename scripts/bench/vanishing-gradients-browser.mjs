/**
 * The vanishing-gradient plot in Chromium at its largest setting (50 hidden layers × 128 units, batch
 * 64): `npm run build`, then
 *   node scripts/bench/vanishing-gradients-browser.mjs [distDir=dist]
 * 1. Worker alone: the built compute worker answers `grad` requests for each kind of control change
 *    (nothing else running). Its own timing per request is the cost of recomputing the plot: gradient
 *    norms, saturation statistics and the result message. Exits 1 when the median of a recomputation
 *    (weights kept, or a depth change) is above one frame (16.7 ms). A new seed also redraws all
 *    819,200 weights from one sequential random stream (the JavaScript reference's, so both paths
 *    give the same network): its rows are printed against the frame but not gated.
 * 2. In the page (reported, not gated): the figure's state is set by the `figstate` event prose links
 *    use; "compute" is the worker's time while the page renders at the same time (on a 2-core machine
 *    they share the CPU), "change→painted" runs from the change to the first frame after the new plot
 *    is in the DOM.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
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
const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// ---- 1. the worker alone ----
const workerFile = readdirSync(join(dist, '_astro')).find((f) => /^compute\.worker-.*\.js$/.test(f));
if (!workerFile) throw new Error(`no compute worker in ${dist}/_astro (run npm run build first)`);
const blank = await browser.newPage();
await blank.goto(server.url);
const WORKER_KINDS = {
  'activation / scale / BN / shortcut': (i) => ({ act: ['sigmoid', 'relu', 'tanh', 'leakyRelu'][i % 4], scale: 1 + (i % 3) * 0.25, bn: i % 5 === 0, res: i % 7 === 0 }),
  'depth ±1': (i) => ({ depth: 49 + (i % 2) }),
  'new seed (uniform init)': (i) => ({ seed: 100 + i }),
  'new seed (He init, normal draws)': (i) => ({ seed: 200 + i, act: 'relu', init: 'he' }),
};
const alone = await blank.evaluate(
  async ({ url, kinds }) => {
    const w = new Worker(url, { type: 'module' });
    const ask = (state) =>
      new Promise((resolve, reject) => {
        w.onmessage = (e) => (e.data.type === 'error' ? reject(new Error(e.data.message)) : resolve(e.data));
        w.postMessage({ type: 'grad', id: 1, state });
      });
    const base = { depth: 50, width: 128, act: 'sigmoid', init: 'standard', scale: 1, bn: false, res: false, seed: 1, step: 300, forget: 0.95, rnn: 1 };
    await new Promise((resolve) => {
      w.onmessage = resolve;
      w.postMessage({ type: 'warmup' });
      w.postMessage({ type: 'grad', id: 0, state: base });
    });
    const out = {};
    for (const [kind, patches] of Object.entries(kinds)) {
      const ms = [];
      let engine = '';
      for (const patch of patches) {
        const r = await ask({ ...base, ...patch });
        ms.push(r.ms);
        engine = r.engine;
      }
      out[kind] = { ms, engine };
    }
    w.terminate();
    return out;
  },
  { url: `/_astro/${workerFile}`, kinds: Object.fromEntries(Object.entries(WORKER_KINDS).map(([k, f]) => [k, Array.from({ length: 30 }, (_, i) => f(i))])) },
);
await blank.close();

// ---- 2. in the page ----
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
console.log(`Vanishing-gradient plot, 50 × 128, batch 64, Chromium ${browser.version()}`);
console.log(`\n1. Worker alone (engine: ${Object.values(alone)[0].engine}), ms per recomputation, ${Object.values(alone)[0].ms.length} per kind`);
console.log(`${'change'.padEnd(36)} ${'median'.padStart(7)} ${'p90'.padStart(7)} ${'max'.padStart(7)}`);
let failed = 0;
for (const [kind, { ms }] of Object.entries(alone)) {
  const s = ms.slice().sort((a, b) => a - b);
  const gated = !kind.startsWith('new seed');
  const ok = median(ms) <= FRAME_MS;
  if (!ok && gated) failed++;
  console.log(`${kind.padEnd(36)} ${median(ms).toFixed(1).padStart(7)} ${s[Math.floor(s.length * 0.9)].toFixed(1).padStart(7)} ${s[s.length - 1].toFixed(1).padStart(7)}${ok ? '' : gated ? '  OVER ONE FRAME' : '  over one frame (not gated: weights redrawn)'}`);
}
console.log(`\n2. In the page (engine: ${engine}; the worker shares the CPU with rendering), medians in ms`);
console.log(`${'change'.padEnd(22)} ${'n'.padStart(3)} ${'compute'.padStart(8)} ${'max'.padStart(7)} ${'change→painted'.padStart(15)}`);
for (const r of rows) {
  console.log(`${r.kind.padEnd(22)} ${String(r.n).padStart(3)} ${r.compute.toFixed(1).padStart(8)} ${r.computeMax.toFixed(1).padStart(7)} ${r.update.toFixed(1).padStart(15)}`);
}
await browser.close();
await server.close();
if (failed) {
  console.error(`${failed} kind(s) of change take more than one frame (${FRAME_MS.toFixed(1)} ms) to recompute in the worker`);
  process.exit(1);
}
