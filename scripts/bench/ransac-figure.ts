/**
 * Speed check for the RANSAC figure's view model (what runs on every control change or drag).
 * Run: npx tsx scripts/bench/ransac-figure.ts — prints median ms per update; exits 1 beyond 2× a frame (16 ms).
 */
import { DEFAULT_STATE, MAX_ADDED, type RansacState } from '../../src/components/sims/ransac/state';
import { buildView, suggestedOutlier } from '../../src/components/sims/ransac/viewModel';

const FRAME_MS = 16;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function bench(make: (k: number) => RansacState, repeats = 60): number {
  for (let k = 0; k < 5; k++) buildView(make(k));
  const times: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const state = make(k);
    const t0 = performance.now();
    buildView(state);
    times.push(performance.now() - t0);
  }
  return median(times);
}

const added = Array.from({ length: MAX_ADDED }, (_, k) => suggestedOutlier(k)).flatMap((p) => [p.x, p.y]);
const rows = [
  { name: 'default (60 points, 17 iterations), threshold drag', ms: bench((k) => ({ ...DEFAULT_STATE, th: 0.3 + (k % 20) * 0.05 })) },
  { name: 'step-through: iteration t, step 1–5', ms: bench((k) => ({ ...DEFAULT_STATE, t: 1 + (k % 17), ph: 1 + (k % 5) })) },
  { name: 'largest: 200 points + 20 added, 500 iterations, perpendicular', ms: bench((k) => ({ ...DEFAULT_STATE, n: 200, add: added, iters: 500, res: 'perp', th: 0.4 + (k % 10) * 0.05, t: 250 })) },
  { name: 'auto budget at 80% outliers (p = 0.999)', ms: bench((k) => ({ ...DEFAULT_STATE, out: 0.8, mode: 'auto', p: 0.999, seed: 1 + k })) },
];
let failed = false;
console.log('view-model update'.padEnd(66) + 'median ms'.padStart(10) + '  target ' + FRAME_MS);
for (const r of rows) {
  if (r.ms > 2 * FRAME_MS) failed = true;
  console.log(r.name.padEnd(66) + r.ms.toFixed(2).padStart(10) + '  ' + (r.ms <= FRAME_MS ? 'ok' : r.ms <= 2 * FRAME_MS ? 'slow' : 'FAIL'));
}
process.exit(failed ? 1 : 0);
