import { describe, expect, it } from 'vitest';
import { ransacLine } from '../../../src/lib/robust/ransac';
import { expectClose } from '../../helpers/expectClose';
import fixture from '../../fixtures/ransac.json';

/**
 * scikit-learn RANSACRegressor(residual_threshold, max_trials, stop_probability, loss='absolute_error')
 * on data built so that every successful fit has the same inlier set (inliers within 1e-3 of a line,
 * outliers ≥ 3 away, threshold 0.5): the generator checks that 5 random_state values agree. Our random
 * stream differs from numpy's, so we compare the outcome, not the trials, for several seeds.
 */
describe('ransacLine vs scikit-learn RANSACRegressor', () => {
  for (const c of fixture.ransac) {
    it(`${c.name}: same inlier mask and refit line (n = ${c.points.length})`, () => {
      for (const seed of [1, 2, 3, 17]) {
        const res = ransacLine(c.points, { threshold: c.threshold, maxTrials: c.maxTrials, stopProbability: c.stopProbability, seed });
        expect(res.inliers, `seed ${seed}`).toEqual(c.inliers);
        // same inlier set, same least-squares problem: agreement to rounding (rel 1e-9)
        expectClose({ slope: res.slope, intercept: res.intercept }, { slope: c.slope, intercept: c.intercept }, { abs: 1e-9, rel: 1e-9 });
        // sklearn's n_trials_ equals N(w) for every random_state here; we stop at N(w) too, unless the
        // full inlier set turned up only after N(w) trials, in which case the loop ends right then
        const full = res.trials.findIndex((t) => t.inlierCount === c.inliers.filter(Boolean).length);
        expect(res.trials.length, `seed ${seed}`).toBe(Math.min(c.maxTrials, Math.max(c.nTrials[0]!, full + 1)));
      }
    });
  }

  it('the refit line is close to the generating line (inlier noise ≤ 1e-3)', () => {
    for (const c of fixture.ransac) {
      const res = ransacLine(c.points, { threshold: c.threshold, seed: 5, maxTrials: c.maxTrials });
      expectClose({ slope: res.slope, intercept: res.intercept }, { slope: c.trueSlope, intercept: c.trueIntercept }, { abs: 2e-3 });
    }
  });

  it('perpendicular residuals give the same mask where outliers stay > 0.5 away orthogonally (|slope| ≤ 2)', () => {
    // an outlier at vertical distance ≥ 3 is ≥ 3/√(1 + m²) ≥ 1.34 away orthogonally when |m| ≤ 2
    for (const c of fixture.ransac.filter((k) => Math.abs(k.trueSlope) <= 2)) {
      const res = ransacLine(c.points, { threshold: c.threshold, seed: 8, maxTrials: c.maxTrials, residual: 'perpendicular' });
      expect(res.inliers, c.name).toEqual(c.inliers);
      expectClose({ slope: res.slope, intercept: res.intercept }, { slope: c.slope, intercept: c.intercept }, { abs: 1e-9, rel: 1e-9 });
    }
  });
});
