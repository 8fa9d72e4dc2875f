/**
 * Speed of the vanishing-gradient figures' updates in Node: `node scripts/build-wasm.mjs && npx tsx
 * scripts/bench/vanishing-gradients.ts`.
 * Prints the median ms per update over repeated runs; exits 1 when a target (one frame = 16 ms) is
 * missed by more than 2×.
 */
import { readFileSync } from 'node:fs';
import { createFastGradientProbe } from '../../src/lib/nn/fastProbe';
import { backprop, initFlatNet, initNet, type InitOptions } from '../../src/lib/nn/mlp';
import { createGradientProbe, makeProbeTask } from '../../src/lib/nn/gradientNorms';
import { createTrainState, trainSteps } from '../../src/lib/nn/train';
import { lstmGradientNorms, rnnGradientNorms } from '../../src/lib/nn/recurrent';

const FRAME_MS = 16;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(fn: () => unknown, repeats: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const ts: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

interface Row {
  name: string;
  ms: number;
  target: number | null;
}
const rows: Row[] = [];

// The figure: depth 50 × width 128, batch 64, per-layer ‖∂L/∂W_l‖_F after a control change. The
// figure's worker uses the WebAssembly SIMD probe (src/lib/nn/fastProbe.ts); Chromium's numbers, with
// relaxed SIMD, come from scripts/bench/vanishing-gradients-browser.mjs.
const depth = 50;
const width = 128;
const sizes = [width, ...new Array<number>(depth - 1).fill(width), 1];
const task = makeProbeTask({ inputDim: width, batchSize: 64, seed: 1 });
const fast = createFastGradientProbe(readFileSync(new URL('../../src/wasm/build/nn-kernels.wasm', import.meta.url)));
const configs: [string, Omit<InitOptions, 'sizes' | 'seed'>][] = [
  ['sigmoid/standard', { activation: 'sigmoid', init: 'standard' }],
  ['relu/he', { activation: 'relu', init: 'he' }],
  ['tanh/xavier +res +BN', { activation: 'tanh', init: 'xavier', residual: true, batchNorm: true }],
];
for (const [label, cfg] of configs) {
  let flip = false;
  rows.push({
    name: `wasm: scale / activation change (weights kept), ${label}`,
    ms: time(() => fast.norms({ ...cfg, sizes, seed: 1, scale: (flip = !flip) ? 1 : 1.25 }, task), 21),
    target: FRAME_MS,
  });
  let deeper = false;
  rows.push({
    name: `wasm: depth 49 ↔ 50 (last layers drawn), ${label}`,
    ms: time(() => fast.norms({ ...cfg, sizes: (deeper = !deeper) ? sizes : sizes.slice(1), seed: 1 }, task), 21),
    target: FRAME_MS,
  });
  let seed = 100;
  rows.push({ name: `wasm: new seed (all weights drawn), ${label}`, ms: time(() => fast.norms({ ...cfg, sizes, seed: seed++ }, task), 21), target: FRAME_MS });
}
// The f64 JavaScript path (the fallback without WebAssembly SIMD, and the main thread's path for small nets).
for (const [label, cfg] of configs) {
  let seed = 1;
  const flat = initFlatNet({ ...cfg, sizes, seed });
  const probe = createGradientProbe(task);
  rows.push({ name: `js: gradient norms only, ${label}`, ms: time(() => probe.norms(flat), 9), target: null });
  rows.push({ name: `js: init + gradient norms, ${label}`, ms: time(() => probe.norms(initFlatNet({ ...cfg, sizes, seed: seed++ })), 9), target: null });
}
// Smaller figures for comparison (no target): width 64, and width 128 on a batch of 32.
for (const [w, n] of [[64, 64], [128, 32]] as const) {
  const sz = [w, ...new Array<number>(depth - 1).fill(w), 1];
  const p = createGradientProbe(makeProbeTask({ inputDim: w, batchSize: n, seed: 1 }));
  const f = initFlatNet({ sizes: sz, activation: 'relu', init: 'he', seed: 1 });
  rows.push({ name: `js: gradient norms only, 50×${w}, batch ${n}, relu/he`, ms: time(() => p.norms(f), 15), target: null });
}
const net = initNet({ sizes, activation: 'relu', init: 'he', seed: 1 });
rows.push({ name: 'backprop() number[][] API, 50×128, batch 64 (reference)', ms: time(() => backprop(net, task.X, task.Y), 5, 1), target: null });

// The training heatmap: one SGD step of a 10 × 32 net on minibatches of 16 (runs in a worker).
const small = initNet({ sizes: [8, ...new Array<number>(9).fill(32), 1], activation: 'sigmoid', init: 'xavier', seed: 2 });
const smallTask = makeProbeTask({ inputDim: 8, batchSize: 256, seed: 3 });
const state = createTrainState(small, 1);
rows.push({ name: 'trainSteps: 10 SGD steps, 10×32, batch 16', ms: time(() => trainSteps(state, smallTask, 10), 15), target: FRAME_MS });

// The recurrent panel: T = 50, H = 16.
rows.push({ name: 'rnnGradientNorms T=50 H=16', ms: time(() => rnnGradientNorms({ seed: 1 }), 15), target: FRAME_MS });
rows.push({ name: 'lstmGradientNorms T=50 H=16', ms: time(() => lstmGradientNorms({ seed: 1, forgetBias: 3 }), 15), target: FRAME_MS });

const nameWidth = Math.max(...rows.map((r) => r.name.length));
console.log(`${'operation'.padEnd(nameWidth)}  median ms  target  status`);
let failed = 0;
for (const r of rows) {
  const status = r.target === null ? 'info' : r.ms <= r.target ? 'ok' : r.ms <= 2 * r.target ? 'slow (<2×)' : 'MISSED (>2×)';
  if (r.target !== null && r.ms > 2 * r.target) failed++;
  console.log(`${r.name.padEnd(nameWidth)}  ${r.ms.toFixed(2).padStart(9)}  ${(r.target === null ? '-' : String(r.target)).padStart(6)}  ${status}`);
}
if (failed > 0) {
  console.error(`${failed} target(s) missed by more than 2×`);
  process.exit(1);
}
