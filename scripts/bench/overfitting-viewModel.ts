/**
 * Cost of one view-model update of the overfitting figure (what a slider move or a drag recomputes):
 * `npx tsx scripts/bench/overfitting-viewModel.ts` (the lib-level costs are in scripts/bench/overfitting.ts). Budget: one frame (16 ms) for the worst case n = 200, degree 15.
 */
import { DEFAULT_STATE, N_MAX, withDragged, type OverfitState } from '../../src/components/sims/overfitting/state';
import { baggingView, buildData, degreeCurve, fitView, lambdaCurve } from '../../src/components/sims/overfitting/viewModel';

function time(label: string, fn: () => void, runs = 60): void {
  for (let i = 0; i < 5; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  console.log(`${label.padEnd(58)} ${((performance.now() - t0) / runs).toFixed(2)} ms`);
}

const worst: OverfitState = { ...DEFAULT_STATE, n: N_MAX, deg: 15 };
let k = 0;
time('drag a point (data + fit), n = 200, M = 15', () => {
  const d = buildData({ ...worst, pts: withDragged([], 3, 0.3, (k++ % 10) / 10) });
  fitView(d, 15, 0);
});
time('drag + U-curve (degrees 0–15), n = 200', () => {
  const d = buildData({ ...worst, pts: withDragged([], 3, 0.3, (k++ % 10) / 10) });
  fitView(d, 15, 0);
  degreeCurve(d, 0);
});
const d200 = buildData(worst);
time('λ view (33 values of λ), n = 200, M = 15', () => lambdaCurve(d200, 15));
time('bagging B = 20, n = 200, M = 15', () => baggingView(d200, 15, 0, 20, 1));
time('bagging B = 50, n = 200, M = 15', () => baggingView(d200, 15, 0, 50, 1), 20);
time('default state full update (n = 10, M = 3)', () => {
  const d = buildData(DEFAULT_STATE);
  fitView(d, 3, 0);
  degreeCurve(d, 0);
});
