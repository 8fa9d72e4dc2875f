/**
 * View-model update cost of the discriminative-vs-generative figure (what one control change costs on
 * the main thread): data + logistic regression + generative model + 3–5 grids of 100 × 100 + test error
 * on 2000 fresh points + sampling. Run: npx tsx scripts/bench/discriminative-generative-view.ts
 * Target: one frame (16 ms) at n = 500; exits 1 if missed by more than 2×.
 */
import { computeScene } from '../../src/components/sims/discriminative-generative/viewModel';
import { DEFAULT_STATE, type DgState } from '../../src/components/sims/discriminative-generative/state';

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const rows: [string, number][] = [];
const cases: [string, Partial<DgState>][] = [
  ['default (naive Bayes), n = 200', {}],
  ['naive Bayes, n = 500', { n: 500 }],
  ['LDA, n = 500', { n: 500, gen: 'lda' }],
  ['QDA, separate covariances, n = 500', { n: 500, gen: 'qda', shared: false }],
  ['naive Bayes + sample, heavy tail, n = 1000', { n: 1000, smp: 1, brk: 'heavyTail', out: 0.05 }],
];
for (const [name, patch] of cases) {
  const times: number[] = [];
  for (let k = 0; k < 25; k++) {
    const s = { ...DEFAULT_STATE, ...patch, sep: 2 + (k % 10) * 0.05 };
    const t = performance.now();
    computeScene(s);
    if (k >= 5) times.push(performance.now() - t);
  }
  rows.push([name, median(times)]);
}
let failed = false;
for (const [name, ms] of rows) {
  const target = name.includes('n = 1000') ? 32 : 16;
  if (ms > 2 * target) failed = true;
  console.log(name.padEnd(48), `${ms.toFixed(2)} ms`.padStart(10), `target ${target}`);
}
process.exit(failed ? 1 : 0);
