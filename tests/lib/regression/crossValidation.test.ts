import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDiabetes } from '../../../src/lib/data/diabetes';
import { crossValidateLasso, crossValidateRidge, kFoldIndices } from '../../../src/lib/regression/crossValidation';
import fx from '../../fixtures/regularization.json';
import { expectClose } from '../../helpers/expectClose';

const diabetes = parseDiabetes(JSON.parse(readFileSync('public/data/diabetes.json', 'utf8')));

describe('kFoldIndices', () => {
  it('matches sklearn KFold(5) without shuffle on 23 rows (first 23 mod 5 folds one larger)', () => {
    expect(kFoldIndices(23, 5)).toEqual(fx.cvDiabetes.foldTestIndices);
  });

  it('seeded shuffle: a partition of 0..n−1 with sklearn’s fold sizes, reproducible from the seed (fast-check, seed 42)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 2, max: 10 }), fc.integer({ min: 0, max: 1e6 }), (n, kRaw, seed) => {
        const k = Math.min(kRaw, n);
        const folds = kFoldIndices(n, k, { shuffle: true, seed });
        expect(folds.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(folds.map((f) => f.length)).toEqual(kFoldIndices(n, k).map((f) => f.length));
        expect(kFoldIndices(n, k, { shuffle: true, seed })).toEqual(folds);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('rejects k outside [2, n]', () => {
    expect(() => kFoldIndices(5, 1)).toThrow(RangeError);
    expect(() => kFoldIndices(5, 6)).toThrow(RangeError);
  });
});

describe('cross-validation along an α grid: scikit-learn fixtures (cross_val_score, KFold(5), MSE)', () => {
  it('lasso on diabetes (sklearn fitted to tol 1e-12; ours to the same tolerance)', () => {
    const cv = crossValidateLasso(diabetes.X, diabetes.y, fx.cvDiabetes.lassoAlphas, { k: 5, tol: 1e-12, maxIter: 100000 });
    // MSEs are ~3000: relative 1e-9
    expectClose(cv.foldMse, fx.cvDiabetes.lassoFoldMse, { rel: 1e-9 });
  });

  it('ridge on diabetes', () => {
    const cv = crossValidateRidge(diabetes.X, diabetes.y, fx.cvDiabetes.ridgeAlphas, { k: 5 });
    expectClose(cv.foldMse, fx.cvDiabetes.ridgeFoldMse, { rel: 1e-10 });
    const mean = fx.cvDiabetes.ridgeFoldMse.map((r) => r.reduce((s, v) => s + v, 0) / r.length);
    expectClose(cv.meanMse, mean, { rel: 1e-10 });
    expect(cv.bestIndex).toBe(mean.indexOf(Math.min(...mean)));
  });
});

describe('cross-validation summary statistics', () => {
  it('mean, standard error sd/√k, best α and the one-SE α agree with those computed from sklearn’s fold errors', () => {
    const alphas = fx.cvDiabetes.lassoAlphas;
    const cv = crossValidateLasso(diabetes.X, diabetes.y, alphas, { k: 5, tol: 1e-12, maxIter: 100000 });
    const folds = fx.cvDiabetes.lassoFoldMse;
    const mean = folds.map((r) => r.reduce((s, v) => s + v, 0) / r.length);
    // sample standard deviation over the 5 folds (ddof = 1), divided by √5 (ESL §7.10)
    const se = folds.map((r, a) => Math.sqrt(r.reduce((s, v) => s + (v - mean[a]!) ** 2, 0) / 4 / 5));
    expectClose(cv.meanMse, mean, { rel: 1e-9 });
    expectClose(cv.stdError, se, { rel: 1e-6 });
    const best = mean.indexOf(Math.min(...mean));
    expect(cv.bestIndex).toBe(best);
    // one-SE rule: the largest α (sparsest model) whose mean error is within one SE of the best
    const within = alphas.map((_, a) => a).filter((a) => mean[a]! <= mean[best]! + se[best]!);
    const oneSe = within.reduce((b, a) => (alphas[a]! > alphas[b]! ? a : b), best);
    expect(cv.oneSeIndex).toBe(oneSe);
    expect(alphas[cv.oneSeIndex]!).toBeGreaterThanOrEqual(alphas[cv.bestIndex]!);
  });

  it('rejects an empty or negative α grid', () => {
    expect(() => crossValidateRidge([[1], [2], [3]], [1, 2, 3], [], { k: 3 })).toThrow(RangeError);
    expect(() => crossValidateLasso([[1], [2], [3]], [1, 2, 3], [-1], { k: 3 })).toThrow(RangeError);
  });
});
