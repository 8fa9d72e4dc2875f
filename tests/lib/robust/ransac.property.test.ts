import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leastSquaresLine, ransacLine } from '../../../src/lib/robust/ransac';
import { lineResidual } from '../../../src/lib/robust/line';
import { lineWithOutliers } from '../../../src/lib/data/lineWithOutliers';
import { expectClose } from '../../helpers/expectClose';

describe('ransacLine: seeded properties', () => {
  it('no outliers and a threshold every candidate satisfies → RANSAC equals least squares on all points', () => {
    // x_i = i + jitter (|jitter| ≤ 0.25, so any two x differ by ≥ 0.5), y_i = m·x_i + b + e_i with |e_i| ≤ ε.
    // A candidate through two points deviates from the true line by ≤ ε + (2ε / 0.5)·(n − 1 + 0.5) over the
    // data, and each point by ≤ ε from it, so every point is within t = ε(2 + 4n) of every candidate:
    // all points are inliers of the first trial and the refit is least squares on everything.
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 80, maxLength: 80 }),
        (n, m, b, eps, seed, u) => {
          const points = Array.from({ length: n }, (_, i) => {
            const x = i + 0.25 * u[2 * i]!;
            return { x, y: m * x + b + eps * u[2 * i + 1]! };
          });
          const threshold = eps * (2 + 4 * n) * (1 + 1e-9);
          const res = ransacLine(points, { threshold, seed, maxTrials: 5 });
          expect(res.inliers.every(Boolean)).toBe(true);
          const ls = leastSquaresLine(points);
          // the same computation on the same points in the same order: equal to rounding (abs 1e-12)
          expectClose({ slope: res.slope, intercept: res.intercept }, ls, { abs: 1e-12, rel: 1e-12 });
          for (const p of points) expect(lineResidual(p, ls)).toBeLessThanOrEqual(threshold);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });

  it('below 50% outliers and 200 trials it recovers the line within the noise', () => {
    // noise σ = 0.05, threshold 4σ; the tolerance 0.2 = 4σ at the ends of x ∈ [0, 10] is far wider than
    // the refit's standard error (≈ σ·2/√n_in) and admits the few outliers that fall inside the band
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 80 }),
        fc.double({ min: 0, max: 0.45, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }),
        (n, outlierRatio, slope, intercept, seed) => {
          const data = lineWithOutliers({ n, outlierRatio, slope, intercept, noise: 0.05, seed });
          const res = ransacLine(data.points, { threshold: 0.2, seed: seed + 1, maxTrials: 200 });
          for (const x of [0, 10]) {
            expect(Math.abs(res.slope * x + res.intercept - (slope * x + intercept))).toBeLessThanOrEqual(0.2);
          }
          // most generated inliers are in the consensus set: the band is 4σ around the true line, but the
          // best 2-point candidate is itself off by up to ~2σ, so a few 2–3σ points can fall outside it
          const kept = data.isOutlier.filter((o, i) => !o && res.inliers[i]).length;
          const nIn = data.isOutlier.filter((o) => !o).length;
          expect(kept).toBeGreaterThanOrEqual(0.85 * nIn);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  it('mask length is n, trials are well-formed and deterministic for a seed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -20, max: 20 }), y: fc.double({ min: -50, max: 50, noNaN: true }) }), { minLength: 2, maxLength: 30 }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom<'vertical' | 'perpendicular'>('vertical', 'perpendicular'),
        fc.option(fc.constantFrom(0.5, 0.9, 0.99), { nil: undefined }),
        (points, threshold, seed, residual, stopProbability) => {
          fc.pre(points.some((p) => p.x !== points[0]!.x));
          const opts = { threshold, seed, residual, stopProbability, maxTrials: 60 };
          let a;
          try {
            a = ransacLine(points, opts);
          } catch (e) {
            // only possible when every trial drew an equal-x pair
            expect(e).not.toBeInstanceOf(RangeError);
            return;
          }
          const b = ransacLine(points, opts);
          expect(a.inliers).toHaveLength(points.length);
          // determinism: bit-for-bit equal, checked through the float helper at the smallest tolerance
          expectClose(b, a, { abs: Number.MIN_VALUE });
          let best = 0;
          for (const t of a.trials) {
            const [i, j] = t.sample;
            expect(i !== j && i >= 0 && j >= 0 && i < points.length && j < points.length).toBe(true);
            expect(t.skipped).toBe(points[i]!.x === points[j]!.x);
            if (t.line) expect(Number.isFinite(t.line.slope) && Number.isFinite(t.line.intercept)).toBe(true);
            expect(t.becameBest).toBe(t.inlierCount > best);
            best = Math.max(best, t.inlierCount);
          }
          expect(a.trials.length).toBeLessThanOrEqual(60);
          expect(a.inliers.filter(Boolean).length).toBe(best);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});
