import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIABETES_FEATURES, parseDiabetes } from '../../../src/lib/data/diabetes';
import { lasso, lassoAlphaMax, lassoPath, lassoPredict } from '../../../src/lib/regression/lasso';
import { softThreshold } from '../../../src/lib/regression/softThreshold';
import { createRng, normalSampler, shuffle } from '../../../src/lib/random';
import fx from '../../fixtures/regularization.json';
import { expectClose } from '../../helpers/expectClose';

const diabetes = parseDiabetes(JSON.parse(readFileSync('public/data/diabetes.json', 'utf8')));

/** Index of the first row (α index) at which each feature is non-zero, or null. */
function firstEntry(coefs: number[][]): (number | null)[] {
  const p = coefs[0]!.length;
  return Array.from({ length: p }, (_, j) => {
    const i = coefs.findIndex((row) => row[j] !== 0);
    return i < 0 ? null : i;
  });
}

/** Xcᵀr / n at a fitted model (X, y centred when fitIntercept): the lasso's KKT gradient. */
function kktGradient(X: number[][], y: number[], coef: number[], intercept: number): number[] {
  const n = X.length;
  const p = coef.length;
  const r = y.map((yi, i) => yi - X[i]!.reduce((s, v, j) => s + v * coef[j]!, intercept));
  const xMean = Array.from({ length: p }, (_, j) => X.reduce((s, row) => s + row[j]!, 0) / n);
  return Array.from({ length: p }, (_, j) => X.reduce((s, row, i) => s + (row[j]! - xMean[j]!) * r[i]!, 0) / n);
}

describe('lasso: hand-derived cases', () => {
  // columns (1, 1, −1, −1) and (1, −1, 1, −1): XᵀX / n = I, so w_j = S(x_jᵀy / n, α) (soft thresholding)
  const X = [[1, 1], [1, -1], [-1, 1], [-1, -1]];
  const y = [3, 1, -1, 0];
  // x₁ᵀy / 4 = (3 + 1 + 1 + 0) / 4 = 1.25,  x₂ᵀy / 4 = (3 − 1 − 1 − 0) / 4 = 0.25

  it('orthonormal design: soft-thresholded correlations, with an exact 0, in two sweeps', () => {
    const m = lasso(X, y, 0.5, { fitIntercept: false });
    expectClose(m.coef, [0.75, 0], { abs: 1e-15 });
    expect(Object.is(m.coef[1], 0)).toBe(true);
    // sweep 1 reaches the optimum, sweep 2 changes nothing and the duality gap is 0
    expect(m.iterations).toBe(2);
    expectClose(lasso(X, y, 0.1, { fitIntercept: false }).coef, [1.15, 0.15], { abs: 1e-15 });
    expectClose(lasso(X, y, 0.1, { fitIntercept: false }).coef, [softThreshold(1.25, 0.1), softThreshold(0.25, 0.1)], { abs: 1e-15 });
  });

  it('with an intercept the same design (already centred) gives b = ȳ', () => {
    const m = lasso(X, y, 0.5);
    expectClose(m.coef, [0.75, 0], { abs: 1e-15 });
    expectClose(m.intercept, 0.75, { abs: 1e-15 });
    expectClose(lassoPredict(m, [[1, 0]]), [1.5], { abs: 1e-15 });
  });

  it('α ≥ α_max gives all exact zeros after one sweep; α_max = ‖Xcᵀyc‖∞ / n', () => {
    expectClose(lassoAlphaMax(X, y), 1.25, { abs: 1e-15 });
    expectClose(lassoAlphaMax(X, y, { fitIntercept: false }), 1.25, { abs: 1e-15 });
    const m = lasso(X, y, 1.25);
    expect(m.coef.every((w) => Object.is(w, 0))).toBe(true);
    expect(m.iterations).toBe(1);
    expectClose(m.intercept, 0.75, { abs: 1e-15 });
    // just below α_max the strongest feature enters
    expect(lasso(X, y, 1.2).coef[0]).toBeGreaterThan(0);
  });

  it('a constant target with an intercept gives zeros after one sweep (zero duality gap)', () => {
    const m = lasso(X, [2, 2, 2, 2], 0.1);
    expect(m.coef.every((w) => Object.is(w, 0))).toBe(true);
    expect(m.iterations).toBe(1);
    expectClose(m.intercept, 2, { abs: 1e-15 });
  });

  it('rejects impossible arguments with RangeError', () => {
    expect(() => lasso(X, y, -0.1)).toThrow(RangeError);
    expect(() => lasso(X, y, 0.1, { tol: -1 })).toThrow(RangeError);
    expect(() => lasso(X, y, 0.1, { maxIter: 0 })).toThrow(RangeError);
    expect(() => lasso(X, y, 0.1, { warmStart: [1] })).toThrow(RangeError);
    expect(() => lasso(X, [1, 2], 0.1)).toThrow(RangeError);
    expect(() => lassoPath(X, y, [0.1, Number.NaN])).toThrow(RangeError);
  });
});

describe('lasso: scikit-learn fixtures (Lasso, lasso_path, lars_path)', () => {
  it('small data: alphaMax, coefficients and iteration counts at sklearn defaults (tol 1e-4, 1000 sweeps)', () => {
    expectClose(lassoAlphaMax(fx.small.X, fx.small.y), fx.alphaMaxSmall, { rel: 1e-11 });
    for (const c of fx.lassoSmall) {
      const opts = { fitIntercept: c.fitIntercept };
      const m = lasso(fx.small.X, fx.small.y, c.alpha, opts);
      // same iterates as sklearn's cd_fast up to rounding, hence the same stopping sweep
      expect(m.iterations, `alpha ${c.alpha}, intercept ${c.fitIntercept}`).toBe(c.nIter);
      expectClose(m.coef, c.coef, { abs: 1e-10 });
      expectClose(m.intercept, c.intercept, { abs: 1e-10 });
      // zeros where sklearn has zeros
      expect(m.coef.map((w) => w === 0)).toEqual(c.coef.map((w) => w === 0));
      const t = lasso(fx.small.X, fx.small.y, c.alpha, { ...opts, tol: 1e-12, maxIter: 100000 });
      expectClose(t.coef, c.tightCoef, { abs: 1e-10 });
      expectClose(t.intercept, c.tightIntercept, { abs: 1e-10 });
    }
  });

  it('wide data (p = 12 > n = 8, residual sweeps): coefficients and iteration counts', () => {
    for (const c of fx.lassoWide) {
      const opts = { fitIntercept: c.fitIntercept };
      const m = lasso(fx.wide.X, fx.wide.y, c.alpha, opts);
      expect(m.iterations, `alpha ${c.alpha}, intercept ${c.fitIntercept}`).toBe(c.nIter);
      expectClose(m.coef, c.coef, { abs: 1e-10 });
      expectClose(m.intercept, c.intercept, { abs: 1e-10 });
      expect(m.coef.map((w) => w === 0)).toEqual(c.coef.map((w) => w === 0));
      const t = lasso(fx.wide.X, fx.wide.y, c.alpha, { ...opts, tol: 1e-12, maxIter: 100000 });
      expectClose(t.coef, c.tightCoef, { abs: 1e-9 });
    }
  });

  it('diabetes: coefficients and iteration counts at sklearn defaults, and tightly converged', () => {
    expectClose(lassoAlphaMax(diabetes.X, diabetes.y), fx.alphaMaxDiabetes, { rel: 1e-11 });
    for (const c of fx.lassoDiabetes) {
      const opts = { fitIntercept: c.fitIntercept };
      const m = lasso(diabetes.X, diabetes.y, c.alpha, opts);
      expect(m.iterations, `alpha ${c.alpha}, intercept ${c.fitIntercept}`).toBe(c.nIter);
      // coefficients are O(100..800): 12 significant digits in the fixture leave ~1e-9
      expectClose(m.coef, c.coef, { abs: 1e-8 });
      expectClose(m.intercept, c.intercept, { abs: 1e-8 });
      expect(m.coef.map((w) => w === 0)).toEqual(c.coef.map((w) => w === 0));
      const t = lasso(diabetes.X, diabetes.y, c.alpha, { ...opts, tol: 1e-12, maxIter: 100000 });
      expectClose(t.coef, c.tightCoef, { abs: 1e-8 });
    }
  });

  it('diabetes lasso path on sklearn’s 100-α grid matches lasso_path, zero pattern included', () => {
    const { alphas, coefs, tightCoefs } = fx.lassoPathDiabetes;
    const path = lassoPath(diabetes.X, diabetes.y, alphas);
    expectClose(path, coefs, { abs: 1e-8 });
    path.forEach((row, i) => expect(row.map((w) => w === 0), `alpha #${i}`).toEqual(coefs[i]!.map((w) => w === 0)));
    const tight = lassoPath(diabetes.X, diabetes.y, alphas, { tol: 1e-12, maxIter: 100000 });
    expectClose(tight, tightCoefs, { abs: 1e-8 });
    expectClose(alphas[0]!, lassoAlphaMax(diabetes.X, diabetes.y), { rel: 1e-11 });
  });

  it('entry order along the path matches sklearn’s lasso_path and LARS (Efron et al. 2004: bmi, ltg, bp, hdl, …)', () => {
    const path = lassoPath(diabetes.X, diabetes.y, fx.lassoPathDiabetes.alphas);
    const ours = firstEntry(path);
    expect(ours).toEqual(fx.lassoPathDiabetes.firstEntry);
    // LARS entry order (exact breakpoints) must be consistent with our grid: entry indices non-decreasing
    const order = fx.larsDiabetes.entryOrder;
    for (let k = 1; k < order.length; k++) {
      expect(ours[order[k]!]!).toBeGreaterThanOrEqual(ours[order[k - 1]!]!);
    }
    // Efron et al. (2004), Fig. 1: bmi (3), ltg (9), bp (4), hdl (7) enter first
    expect(fx.larsDiabetes.entryNames.slice(0, 4)).toEqual(['bmi', 's5', 'bp', 's3']);
    expect(order.slice(0, 4).map((j) => DIABETES_FEATURES[j]!.key)).toEqual(['bmi', 's5', 'bp', 's3']);
  });

  it('between LARS breakpoints the lasso equals the (linear) LARS-lasso path, support included', () => {
    const { alphas, coefs } = fx.larsDiabetes;
    for (let k = 0; k + 1 < alphas.length; k++) {
      const mid = (alphas[k]! + alphas[k + 1]!) / 2;
      const expected = coefs[k]!.map((w, j) => (w + coefs[k + 1]![j]!) / 2);
      // lars_path fits no intercept (X is centred, y is not), so neither do we
      const m = lasso(diabetes.X, diabetes.y, mid, { fitIntercept: false, tol: 1e-12, maxIter: 100000 });
      expectClose(m.coef, expected, { abs: 1e-7 });
      expect(m.coef.map((w) => w !== 0), `segment ${k}`).toEqual(expected.map((w) => w !== 0));
    }
  });
});

describe('lasso: path mechanics', () => {
  it('lassoPath returns rows in the order of the alphas given', () => {
    const alphas = fx.lassoPathDiabetes.alphas.slice(0, 30);
    const sorted = lassoPath(diabetes.X, diabetes.y, alphas);
    const perm = shuffle(
      alphas.map((_, i) => i),
      createRng(5),
    );
    const shuffled = lassoPath(
      diabetes.X,
      diabetes.y,
      perm.map((i) => alphas[i]!),
    );
    // identical computations in the same decreasing order, so agreement is to rounding at most
    perm.forEach((i, k) => expectClose(shuffled[k], sorted[i], { abs: 1e-12 }));
  });

  it('a warm start at the solution stops after one sweep with the same coefficients', () => {
    const cold = lasso(diabetes.X, diabetes.y, 0.3, { tol: 1e-10, maxIter: 100000 });
    const warm = lasso(diabetes.X, diabetes.y, 0.3, { tol: 1e-10, warmStart: cold.coef });
    expect(warm.iterations).toBe(1);
    // the single sweep may move each coefficient by up to tol·max|w| (the stopping rule's own bound)
    expectClose(warm.coef, cold.coef, { abs: 1e-10 * Math.max(...cold.coef.map(Math.abs)) });
  });
});

describe('lasso: KKT conditions at every solution (fast-check, seed 42)', () => {
  // Stationarity of (1/2n)‖y − Xw − b‖² + α‖w‖₁ with g = Xcᵀr / n:
  //   g_j = α·sign(w_j) for w_j ≠ 0,   |g_j| ≤ α for w_j = 0.
  // Solved to tol = 1e-13 (duality gap < 1e-13‖y‖²); asserted to |error| ≤ 1e-6·(α + max|g|at 0).
  it('holds on random data, both n > p (Gram sweeps) and n ≤ p (residual sweeps)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 3, max: 20 }),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.02, max: 1.2, noNaN: true }),
        fc.boolean(),
        (seed, n, p, frac, fitIntercept) => {
          const normal = normalSampler(createRng(seed));
          const X = Array.from({ length: n }, () => Array.from({ length: p }, () => normal()));
          const y = X.map((row) => 2 * row[0]! - (row[p - 1] ?? 0) + normal() + 1);
          const amax = lassoAlphaMax(X, y, { fitIntercept });
          const alpha = frac * amax;
          const m = lasso(X, y, alpha, { fitIntercept, tol: 1e-13, maxIter: 200000 });
          const g = fitIntercept
            ? kktGradient(X, y, m.coef, m.intercept)
            : Array.from({ length: p }, (_, j) => X.reduce((s, row, i) => s + row[j]! * (y[i]! - row.reduce((t, v, k) => t + v * m.coef[k]!, 0)), 0) / n);
          const tol = 1e-6 * (alpha + amax);
          m.coef.forEach((w, j) => {
            if (w === 0) expect(Math.abs(g[j]!)).toBeLessThanOrEqual(alpha + tol);
            else expectClose(g[j]!, alpha * Math.sign(w), { abs: tol });
          });
          if (frac >= 1) expect(m.coef.every((w) => w === 0)).toBe(true);
        },
      ),
      { seed: 42, numRuns: 80 },
    );
  });
});
