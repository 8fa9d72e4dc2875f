import { describe, expect, it } from 'vitest';
import { combineLearningCurve, geometricSizes, learningCurve, learningCurveChunk, type LearningCurveConfig } from '../../../src/lib/classify/learningCurve';
import fixture from '../../fixtures/classify.json';
import { expectClose } from '../../helpers/expectClose';

const lc = fixture.learningCurve;

/** Mean of (logistic − naive Bayes) error over the sizes selected by `pick`. */
function gap(sizes: number[], logistic: number[], nb: number[], pick: (n: number) => boolean): number {
  const idx = sizes.map((n, i) => (pick(n) ? i : -1)).filter((i) => i >= 0);
  return idx.reduce((s, i) => s + logistic[i]! - nb[i]!, 0) / idx.length;
}

describe('learning curve', () => {
  it('geometricSizes reproduces the fixture sizes (same rule as the Python script)', () => {
    expect(geometricSizes(10, 1000, 20)).toEqual(lc.sizes);
  });
  it('sklearn curve (fixture): naive Bayes wins at small n, logistic regression at large n', () => {
    expect(gap(lc.sizes, lc.mean.logistic, lc.mean.naiveBayes, (n) => n <= 60)).toBeGreaterThan(0.01);
    expect(gap(lc.sizes, lc.mean.logistic, lc.mean.naiveBayes, (n) => n >= 300)).toBeLessThan(-0.02);
  });
  it('our curve on the same distribution shows the same crossover and the same asymptotes', () => {
    const config: LearningCurveConfig = { sizes: [16, 21, 26, 34, 43, 400, 800], repeats: 24, testSize: 1000, seed: 11 };
    const r = learningCurve(config);
    expect(r.failures).toEqual([]);
    expect(gap(r.sizes, r.mean.logistic, r.mean.naiveBayes, (n) => n <= 60)).toBeGreaterThan(0);
    expect(gap(r.sizes, r.mean.logistic, r.mean.naiveBayes, (n) => n >= 300)).toBeLessThan(-0.02);
    // At n = 800 both libraries are near their asymptotes; sklearn at 785 (SE ≈ 0.002 there, ours ≈ 0.004).
    const i785 = lc.sizes.indexOf(785);
    expectClose(r.mean.logistic[6], lc.mean.logistic[i785], { abs: 0.015 });
    expectClose(r.mean.naiveBayes[6], lc.mean.naiveBayes[i785], { abs: 0.015 });
    expectClose(r.mean.gda[6], lc.mean.gda[i785], { abs: 0.015 });
  });
  it('chunked runs combine to the same result as one run', () => {
    const config: LearningCurveConfig = { sizes: [6, 20], repeats: 5, testSize: 200, seed: 3, data: { kind: 'gaussian2d', options: { breakAssumption: 'heavyTail' } } };
    const whole = learningCurve(config);
    const parts = combineLearningCurve([learningCurveChunk(config, 3, 5), learningCurveChunk(config, 0, 1), learningCurveChunk(config, 1, 3)]);
    expectClose(parts.mean, whole.mean, { abs: 1e-12 });
    expectClose(parts.stderr, whole.stderr, { abs: 1e-9 });
    expect(parts.count).toEqual(whole.count);
  });
  it('rejects sizes that leave a class with fewer than 2 points, and bad repeat ranges', () => {
    expect(() => learningCurve({ sizes: [3], repeats: 1, seed: 1 })).toThrow(/need at least 2 per class/);
    expect(() => learningCurveChunk({ sizes: [10], repeats: 2, seed: 1 }, 1, 3)).toThrow(RangeError);
  });
});
