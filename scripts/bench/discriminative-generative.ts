/**
 * Speed check for the discriminative-vs-generative figure (src/lib/classify).
 * Run: npx tsx scripts/bench/discriminative-generative.ts
 * Prints the median ms per operation and exits 1 if a target is missed by more than 2×.
 * Targets: one frame (16 ms) for refitting logistic regression + naive Bayes (+ GDA) on n = 500 and
 * drawing their 100 × 100 probability surfaces; the learning curve (20 sizes × 50 repeats) runs in a
 * worker one repeat per chunk, so a chunk should take ≤ 250 ms (progress at least 4× a second) and
 * the whole curve ≤ 15 s.
 */
import { gdaProbaGrid } from '../../src/lib/classify/probabilityGrid';
import { fitGDA } from '../../src/lib/classify/gda';
import { fitGaussianNB } from '../../src/lib/classify/gaussianNB';
import { geometricSizes, learningCurveChunk, combineLearningCurve, type LearningCurveConfig } from '../../src/lib/classify/learningCurve';
import { fitLogistic } from '../../src/lib/classify/logistic';
import { logisticProbaGrid, nbProbaGrid } from '../../src/lib/classify/probabilityGrid';
import { classDensityGrid } from '../../src/lib/classify/densityGrid';
import { gaussianClasses } from '../../src/lib/data/gaussianClasses';

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function bench(fn: () => unknown, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const rows: { op: string; ms: number; target: number }[] = [];
const data = gaussianClasses({ n: 500, separation: 2, class0: { sigmaX: 1.4, sigmaY: 0.6, rotation: 0.5 }, class1: { sigmaX: 0.8, sigmaY: 1.1 }, breakAssumption: 'heavyTail', seed: 1 });
const extent = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };
const G = 100;

rows.push({ op: 'fit logistic (C = 1e4), n = 500', ms: bench(() => fitLogistic(data.X, data.y, { C: 1e4 }), 30), target: 16 });
rows.push({ op: 'fit naive Bayes, n = 500', ms: bench(() => fitGaussianNB(data.X, data.y), 30), target: 16 });
rows.push({ op: 'refit LR + NB and both 100×100 surfaces (one frame)', ms: bench(() => {
  logisticProbaGrid(fitLogistic(data.X, data.y, { C: 1e4 }), extent, G);
  nbProbaGrid(fitGaussianNB(data.X, data.y), extent, G);
}, 30), target: 16 });
rows.push({ op: 'refit LR + NB + GDA, 3 surfaces + 2 density grids', ms: bench(() => {
  logisticProbaGrid(fitLogistic(data.X, data.y, { C: 1e4 }), extent, G);
  nbProbaGrid(fitGaussianNB(data.X, data.y), extent, G);
  const gda = fitGDA(data.X, data.y, { sharedCovariance: false });
  gdaProbaGrid(gda, extent, G);
  classDensityGrid(gda, 0, extent, G);
  classDensityGrid(gda, 1, extent, G);
}, 30), target: 16 });

const config: LearningCurveConfig = { sizes: geometricSizes(10, 1000, 20), repeats: 50, seed: 1 };
rows.push({ op: 'learning curve chunk (1 repeat × 20 sizes, worker)', ms: bench(() => learningCurveChunk(config, 0, 1), 5, 1), target: 250 });
const t0 = performance.now();
const partials = [];
for (let r = 0; r < config.repeats; r++) partials.push(learningCurveChunk(config, r, r + 1));
combineLearningCurve(partials);
rows.push({ op: 'learning curve total (20 sizes × 50 repeats, worker)', ms: performance.now() - t0, target: 15000 });

let failed = false;
console.log('operation'.padEnd(56), 'median ms'.padStart(10), 'target'.padStart(8), ' status');
for (const r of rows) {
  const status = r.ms <= r.target ? 'ok' : r.ms <= 2 * r.target ? 'slow (within 2×)' : 'MISSED';
  if (r.ms > 2 * r.target) failed = true;
  console.log(r.op.padEnd(56), r.ms.toFixed(2).padStart(10), String(r.target).padStart(8), ' ' + status);
}
process.exit(failed ? 1 : 0);
