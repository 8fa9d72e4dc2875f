/**
 * Speed check for the L1/L2 regularisation figures: `npx tsx scripts/bench/regularization.ts`.
 *
 * Targets ("one frame" = 16 ms): a 100-point lasso path on the diabetes data (warm starts + Gram
 * sweeps), and one drag event of the geometry panel (L1 and L2 constrained solutions + 5 contour
 * ellipses each). Prints the median of repeated runs and exits 1 if a target is missed by more than 2×.
 * Rows without a target are reported for information (they would run in a worker if ever slow).
 */
import { readFileSync } from 'node:fs';
import { parseDiabetes } from '../../src/lib/data/diabetes';
import { constrainedGeometry, quadraticFromCorrelation, type Vec2 } from '../../src/lib/regression/constrained';
import { crossValidateLasso, crossValidateRidge } from '../../src/lib/regression/crossValidation';
import { lasso, lassoAlphaMax, lassoPath } from '../../src/lib/regression/lasso';
import { ridgePath } from '../../src/lib/regression/ridge';
import { computePaths } from '../../src/components/sims/regularization/paths';
import { DEFAULT_STATE } from '../../src/components/sims/regularization/state';
import { geometryView, insetView, logAlphaGrid, pathsView, summaryText, type PathsData } from '../../src/components/sims/regularization/viewModel';

const FRAME_MS = 16;

const diabetes = parseDiabetes(JSON.parse(readFileSync(new URL('../../public/data/diabetes.json', import.meta.url), 'utf8')));
const { X, y } = diabetes;

/** sklearn's default grid: 100 log-spaced α from α_max down to 1e-3·α_max. */
const alphaMax = lassoAlphaMax(X, y);
const alphas = Array.from({ length: 100 }, (_, i) => alphaMax * 10 ** ((-3 * i) / 99));

function median(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median wall time of `fn` in ms over `runs` runs after `warmup` unmeasured runs. */
function time(fn: () => unknown, runs: number, warmup = 5): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

// one drag: w* moves along a circle; each event recomputes both solutions and 2 × 5 contour ellipses
const A = quadraticFromCorrelation(0.6, [1, 1.5]);
let dragStep = 0;
function dragEvent(): unknown {
  dragStep++;
  const phi = dragStep * 0.05;
  const wStar: Vec2 = [2.5 * Math.cos(phi), 2 * Math.sin(phi) + 0.3];
  return constrainedGeometry(A, wStar, 1);
}

// the figure's view-model updates: one geometry drag event (state → everything both panels draw plus the
// summary sentence), and one λ-cursor move over the precomputed 121-point paths
const grid = logAlphaGrid();
const figData: PathsData = { logAlphas: grid, ...computePaths(X, y, grid), cvLasso: null, cvRidge: null };
let vmStep = 0;
function geometryUpdate(): unknown {
  vmStep++;
  const phi = vmStep * 0.05;
  const g = geometryView({ ...DEFAULT_STATE, wx: 2.5 * Math.cos(phi), wy: 2 * Math.sin(phi) + 0.3 });
  return summaryText(g, null, '', insetView('op', 1));
}
function cursorUpdate(): unknown {
  vmStep++;
  return pathsView(figData, -4 + (vmStep % 121) * 0.05);
}

interface Row {
  name: string;
  ms: number;
  target: number | null;
}

const rows: Row[] = [
  { name: 'lassoPath, diabetes 442×10, 100 α (warm starts, Gram)', ms: time(() => lassoPath(X, y, alphas), 30), target: FRAME_MS },
  { name: 'geometry drag event: L1 + L2 solutions + 10 ellipses', ms: time(dragEvent, 2000, 200), target: FRAME_MS },
  { name: 'figure view model: geometry drag update (+ summary)', ms: time(geometryUpdate, 2000, 200), target: FRAME_MS },
  { name: 'figure view model: λ-cursor move (pathsView)', ms: time(cursorUpdate, 2000, 200), target: FRAME_MS },
  { name: 'figure worker: both 121-point paths (computePaths)', ms: time(() => computePaths(X, y, grid), 10, 2), target: null },
  { name: 'lasso, diabetes, one α = 0.1 (cold start)', ms: time(() => lasso(X, y, 0.1), 30), target: null },
  { name: 'ridgePath, diabetes, 100 α', ms: time(() => ridgePath(X, y, alphas), 20), target: null },
  { name: '5-fold CV lasso, diabetes, 100 α', ms: time(() => crossValidateLasso(X, y, alphas), 10, 2), target: null },
  { name: '5-fold CV ridge, diabetes, 100 α', ms: time(() => crossValidateRidge(X, y, alphas), 10, 2), target: null },
];

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'operation'.padEnd(width)}  median ms  target ms  status`);
let failed = false;
for (const r of rows) {
  const status = r.target === null ? 'info' : r.ms <= r.target ? 'ok' : r.ms <= 2 * r.target ? 'slow (within 2x)' : 'FAIL (> 2x)';
  if (r.target !== null && r.ms > 2 * r.target) failed = true;
  console.log(`${r.name.padEnd(width)}  ${r.ms.toFixed(3).padStart(9)}  ${(r.target === null ? '-' : String(r.target)).padStart(9)}  ${status}`);
}
process.exit(failed ? 1 : 0);
