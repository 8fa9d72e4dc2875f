import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineWithOutliers } from '../../../src/lib/data/lineWithOutliers';
import { expectClose } from '../../helpers/expectClose';

describe('lineWithOutliers', () => {
  it('noise 0 and no outliers: every point is exactly on the line', () => {
    const d = lineWithOutliers({ n: 20, slope: -2, intercept: 3, noise: 0, outlierRatio: 0, seed: 1 });
    expect(d.isOutlier.every((o) => !o)).toBe(true);
    for (const p of d.points) expectClose(p.y, -2 * p.x + 3, { abs: 1e-12 });
  });

  it('outlier count is round(ratio·n) and every point lies in the box', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 200 }), fc.double({ min: 0, max: 0.8, noNaN: true }), fc.integer({ min: 0, max: 1e6 }), (n, ratio, seed) => {
        const d = lineWithOutliers({ n, outlierRatio: ratio, seed });
        expect(d.points).toHaveLength(n);
        expect(d.isOutlier.filter(Boolean).length).toBe(Math.round(ratio * n));
        for (const p of d.points) expect(p.x >= d.xRange[0] && p.x <= d.xRange[1]).toBe(true);
        d.points.forEach((p, i) => {
          if (d.isOutlier[i]) expect(p.y >= d.yRange[0] && p.y <= d.yRange[1]).toBe(true);
        });
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('default box: y = x on [0, 10] is widened by 10/4 + 1 = 3.5 each side', () => {
    const d = lineWithOutliers({ n: 5, seed: 3 });
    expectClose(d.yRange, [-3.5, 13.5], { abs: 1e-12 });
    expectClose(d.xRange, [0, 10], { abs: 1e-12 });
  });

  it('inlier noise has standard deviation σ (n = 4000: sample sd within 5%)', () => {
    const d = lineWithOutliers({ n: 4000, slope: 0.5, intercept: 1, noise: 0.3, outlierRatio: 0.2, seed: 9 });
    const r = d.points.filter((_, i) => !d.isOutlier[i]).map((p) => p.y - (0.5 * p.x + 1));
    const mean = r.reduce((s, v) => s + v, 0) / r.length;
    const sd = Math.sqrt(r.reduce((s, v) => s + (v - mean) ** 2, 0) / (r.length - 1));
    // sd of the sample sd ≈ σ/√(2·3200) ≈ 0.004, so 5% (0.015) is ~4 standard errors
    expectClose(sd, 0.3, { rel: 0.05 });
    expectClose(mean, 0, { abs: 0.03 });
  });

  it('is deterministic for a seed, different for another', () => {
    const a = lineWithOutliers({ n: 30, seed: 5 });
    expectClose(lineWithOutliers({ n: 30, seed: 5 }), a, { abs: Number.MIN_VALUE });
    expect(lineWithOutliers({ n: 30, seed: 6 }).points[0]!.x).not.toBe(a.points[0]!.x);
  });

  it('rejects impossible arguments with RangeError', () => {
    expect(() => lineWithOutliers({ n: 1, seed: 1 })).toThrow(/n must be/);
    expect(() => lineWithOutliers({ n: 10, outlierRatio: 0.9, seed: 1 })).toThrow(/outlierRatio .* got 0.9/);
    expect(() => lineWithOutliers({ n: 10, outlierRatio: -0.1, seed: 1 })).toThrow(RangeError);
    expect(() => lineWithOutliers({ n: 10, noise: -1, seed: 1 })).toThrow(RangeError);
    expect(() => lineWithOutliers({ n: 10, xRange: [3, 3], seed: 1 })).toThrow(RangeError);
    expect(() => lineWithOutliers({ n: 10, yRange: [5, 1], seed: 1 })).toThrow(RangeError);
    expect(() => lineWithOutliers({ n: 3, outlierRatio: 0.8, seed: 1 })).toThrow(/fewer than 2 inliers/);
  });
});
