/**
 * Cost of one update of the vanishing-gradients figure's view model (what a control change does):
 * `npx tsx scripts/bench/vanishing-gradients-figure.ts`. Median ms over repeats; the main thread only
 * runs settings whose estimate is under SYNC_BUDGET_MS, the rest (up to 50 × 128) go to the worker,
 * so the table also says where each row runs.
 */
import { DEFAULT_STATE, type VgState } from '../../src/components/sims/vanishing-gradients/state';
import {
  activationView, canComputeSync, computeGradients, gradientView, recurrentView, trainingView,
} from '../../src/components/sims/vanishing-gradients/viewModel';
import { initNet } from '../../src/lib/nn/mlp';
import { createTrainState, trainSteps } from '../../src/lib/nn/train';
import { CLIP_NORM, LEARNING_RATE, sizesFor, TRAIN_BATCH, trainingTask } from '../../src/components/sims/vanishing-gradients/viewModel';

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function time(fn: (i: number) => unknown, repeats: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn(i);
  const ts: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn(i + warmup);
    ts.push(performance.now() - t0);
  }
  return median(ts);
}
const S = (p: Partial<VgState>): VgState => ({ ...DEFAULT_STATE, ...p });
const rows: [string, number, string][] = [];
const update = (s: VgState) => (i: number) => {
  const st = { ...s, seed: 1 + (i % 50) };
  const r = computeGradients(st);
  gradientView(st, r, r);
  activationView(st.act, r);
};
for (const [label, p] of [
  ['default 10 × 32 sigmoid', {}],
  ['20 × 64 ReLU + He', { depth: 20, width: 64, act: 'relu', init: 'he' }],
  ['30 × 32 +BN +res', { depth: 30, bn: true, res: true }],
  ['50 × 128 sigmoid (largest)', { depth: 50, width: 128 }],
  ['50 × 128 tanh +BN +res (largest)', { depth: 50, width: 128, act: 'tanh', bn: true, res: true }],
] as [string, Partial<VgState>][]) {
  const s = S(p);
  rows.push([`control change → gradient plot, ${label}`, time(update(s), label.includes('largest') ? 7 : 25), canComputeSync(s) ? 'main thread' : 'worker']);
}
rows.push(['RNN/LSTM panel (forget-gate slider), T = 50, H = 16', time((i) => recurrentView(S({ forget: (i % 100) / 100 })), 15), 'worker']);
const recs = trainSteps(createTrainState(initNet({ sizes: sizesFor(DEFAULT_STATE), activation: 'sigmoid', init: 'standard', seed: 1 }), 1), trainingTask(32), 300, { learningRate: LEARNING_RATE, batchSize: TRAIN_BATCH, clipNorm: CLIP_NORM }).records;
rows.push(['training cursor move (trainingView over 300 records)', time((i) => trainingView(recs, i % 300, 300), 50), 'main thread']);
for (const [label, p] of [['10 × 32', {}], ['50 × 128', { depth: 50, width: 128 }]] as [string, Partial<VgState>][]) {
  const s = S(p);
  const net = initNet({ sizes: sizesFor(s), activation: s.act, init: s.init, seed: 1 });
  const ms = time(() => trainSteps(createTrainState(net, 1), trainingTask(s.width), 1, { learningRate: LEARNING_RATE, batchSize: TRAIN_BATCH, clipNorm: CLIP_NORM }), 5, 1);
  rows.push([`one SGD step, ${label} (300 steps ≈ ${((ms * 300) / 1000).toFixed(1)} s)`, ms, 'worker']);
}
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`${'update'.padEnd(w)}  median ms  runs on`);
for (const [name, ms, where] of rows) console.log(`${name.padEnd(w)}  ${ms.toFixed(2).padStart(9)}  ${where}`);
