/**
 * Speed check for src/lib/robust (RANSAC). Run: npx tsx scripts/bench/ransac.ts
 * Prints the median ms per operation over repeated runs; exits 1 if a target ("one frame" = 16 ms)
 * is missed by more than 2x.
 */
import { lineWithOutliers } from '../../src/lib/data/lineWithOutliers';
import { ransacLine } from '../../src/lib/robust/ransac';
import { ransacCircle } from '../../src/lib/robust/ransacCircle';
import { ransacSuccessChunk, type SuccessStudyConfig } from '../../src/lib/robust/ransacSuccessRate';

const FRAME_MS = 16;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function bench(fn: (k: number) => unknown, repeats: number): number {
  for (let k = 0; k < 5; k++) fn(k); // warm-up (JIT)
  const times: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    fn(k);
    times.push(performance.now() - t0);
  }
  return median(times);
}

const data = lineWithOutliers({ n: 1000, outlierRatio: 0.4, noise: 0.2, slope: 1.5, intercept: -2, seed: 1 });
const ring = data.points.map((p, k) => (k % 2 ? p : { x: 5 + 3 * Math.cos(k), y: 5 + 3 * Math.sin(k) }));
const study: SuccessStudyConfig = {
  data: { n: 100, outlierRatio: 0.5, noise: 0.1 },
  threshold: 0.3,
  trialCounts: [1, 2, 4, 8, 16, 32, 64],
  runs: 1000,
  seed: 1,
};

const rows: { name: string; ms: number; target: number }[] = [
  { name: 'ransacLine 1,000 points × 500 trials (vertical)', ms: bench((k) => ransacLine(data.points, { threshold: 0.6, maxTrials: 500, seed: k }), 40), target: FRAME_MS },
  { name: 'ransacLine 1,000 points × 500 trials (perpendicular)', ms: bench((k) => ransacLine(data.points, { threshold: 0.6, maxTrials: 500, seed: k, residual: 'perpendicular' }), 40), target: FRAME_MS },
  { name: 'ransacCircle 1,000 points × 500 trials (stretch)', ms: bench((k) => ransacCircle(ring, { threshold: 0.2, maxTrials: 500, seed: k }), 40), target: FRAME_MS },
  { name: 'lineWithOutliers 1,000 points', ms: bench((k) => lineWithOutliers({ n: 1000, outlierRatio: 0.4, seed: k }), 40), target: FRAME_MS },
  { name: 'success study chunk: 20 runs × 64 trials × 100 points (worker)', ms: bench((k) => ransacSuccessChunk(study, 20 * (k % 50), 20 * (k % 50) + 20), 40), target: FRAME_MS },
];

let failed = false;
console.log('operation'.padEnd(66) + 'median ms'.padStart(10) + 'target'.padStart(9) + '  status');
for (const r of rows) {
  const status = r.ms <= r.target ? 'ok' : r.ms <= 2 * r.target ? 'slow (within 2x)' : 'FAIL (> 2x target)';
  if (r.ms > 2 * r.target) failed = true;
  console.log(r.name.padEnd(66) + r.ms.toFixed(2).padStart(10) + String(r.target).padStart(9) + '  ' + status);
}
process.exit(failed ? 1 : 0);
