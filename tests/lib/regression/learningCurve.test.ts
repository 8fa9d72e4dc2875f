import { describe, expect, it } from 'vitest';
import { learningCurve } from '../../../src/lib/regression/learningCurve';
import { createRng } from '../../../src/lib/random';

describe('learningCurve', () => {
  const sizes = [4, 6, 10, 20, 50, 100];
  const curve = learningCurve({ sizes, degree: 3, noise: 0.3, repeats: 20, validationSize: 300 }, createRng(1));
  it('is deterministic for a seed and returns one point per size', () => {
    expect(learningCurve({ sizes, degree: 3, repeats: 20, validationSize: 300 }, createRng(1))).toEqual(curve);
    expect(curve.map((p) => p.n)).toEqual(sizes);
  });
  it('degree 3 through 4 points interpolates: training MSE ≈ 0 (< 1e-12)', () => {
    expect(curve[0]!.trainMse).toBeLessThan(1e-12);
  });
  it('with more data training MSE rises and validation MSE falls, both towards σ² = 0.09', () => {
    // E[train MSE] = σ²(1 − p/n) and E[validation MSE] ≥ σ² for least squares with a correct-enough model;
    // at n = 100 (p = 4) both lie within 0.03 of σ², given sin 2πx's small cubic bias.
    const last = curve[curve.length - 1]!;
    expect(last.trainMse).toBeGreaterThan(curve[1]!.trainMse);
    expect(last.validationMse).toBeLessThan(curve[1]!.validationMse);
    expect(Math.abs(last.trainMse - 0.09)).toBeLessThan(0.03);
    expect(Math.abs(last.validationMse - 0.09)).toBeLessThan(0.03);
    expect(last.validationMse).toBeGreaterThan(last.trainMse);
  });
  it('RMS values are square roots of the mean MSEs; the median is at most the max', () => {
    for (const p of curve) {
      expect(p.trainRms).toBe(Math.sqrt(p.trainMse));
      expect(p.validationRms).toBe(Math.sqrt(p.validationMse));
      expect(Number.isFinite(p.validationMseMedian)).toBe(true);
    }
  });
  it('rejects bad sizes and repeats', () => {
    expect(() => learningCurve({ sizes: [0] }, createRng(1))).toThrow(/sizes/);
    expect(() => learningCurve({ sizes: [5], repeats: 0 }, createRng(1))).toThrow(/repeats/);
  });
});
