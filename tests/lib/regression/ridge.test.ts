import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDiabetes } from '../../../src/lib/data/diabetes';
import { ridge, ridgePath, ridgePredict } from '../../../src/lib/regression/ridge';
import { ridgeShrink } from '../../../src/lib/regression/ridgeShrink';
import { createRng, normalSampler } from '../../../src/lib/random';
import fx from '../../fixtures/regularization.json';
import { expectClose } from '../../helpers/expectClose';

const diabetes = parseDiabetes(JSON.parse(readFileSync('public/data/diabetes.json', 'utf8')));

/** Random n×p design and targets from a seed (normal entries; well conditioned with high probability). */
function randomData(seed: number, n: number, p: number): { X: number[][]; y: number[] } {
  const normal = normalSampler(createRng(seed));
  const X = Array.from({ length: n }, () => Array.from({ length: p }, () => normal()));
  const y = X.map((row) => row.reduce((s, v, j) => s + v * (j - 1), 0.5) + normal());
  return { X, y };
}

describe('ridge: hand-derived cases', () => {
  it('one feature without intercept: w = Σxy / (Σx² + α)', () => {
    // x = (1, 2, 3), y = (2, 3, 7): Σxy = 2 + 6 + 21 = 29, Σx² = 14
    const X = [[1], [2], [3]];
    const y = [2, 3, 7];
    expectClose(ridge(X, y, 0, { fitIntercept: false }).coef, [29 / 14], { abs: 1e-14 });
    expectClose(ridge(X, y, 6, { fitIntercept: false }).coef, [29 / 20], { abs: 1e-14 });
    expect(ridge(X, y, 6, { fitIntercept: false }).intercept).toBe(0);
  });

  it('one feature with intercept: centred Sxy / (Sxx + α), b = ȳ − w·x̄', () => {
    // x̄ = 2, ȳ = 4; centred x = (−1, 0, 1), y = (−2, −1, 3): Sxy = 5, Sxx = 2
    const X = [[1], [2], [3]];
    const y = [2, 3, 7];
    const m = ridge(X, y, 3);
    expectClose(m.coef, [1], { abs: 1e-14 });
    expectClose(m.intercept, 2, { abs: 1e-14 });
    const ols = ridge(X, y, 0);
    expectClose(ols.coef, [2.5], { abs: 1e-14 });
    expectClose(ols.intercept, -1, { abs: 1e-14 });
  });

  it('α = 0 is least squares: a line through two points, and numpy lstsq on the small set', () => {
    const m = ridge([[1], [3]], [1, 5], 0);
    expectClose(m, { coef: [2], intercept: -1 }, { abs: 1e-14 });
    const s = ridge(fx.small.X, fx.small.y, 0);
    expectClose(s.coef, fx.olsSmall.coef, { abs: 1e-10 });
    expectClose(s.intercept, fx.olsSmall.intercept, { abs: 1e-10 });
  });

  it('orthogonal design: w_j = x_jᵀy / (‖x_j‖² + α)', () => {
    // x₁ = (1, 1, −1, −1), x₂ = (2, −2, 2, −2) are orthogonal with ‖x₁‖² = 4, ‖x₂‖² = 16; no intercept
    // x₁ᵀy = 3 + 1 + 1 + 0 = 5, x₂ᵀy = 6 − 2 − 2 − 0 = 2, so w_j = x_jᵀy / (‖x_j‖² + α)
    const X = [[1, 2], [1, -2], [-1, 2], [-1, -2]];
    const y = [3, 1, -1, 0];
    const m = ridge(X, y, 4, { fitIntercept: false });
    expectClose(m.coef, [5 / 8, 2 / 20], { abs: 1e-14 });
  });

  it('ridgePredict applies ŷ = Xw + b', () => {
    expectClose(ridgePredict({ coef: [2, -1], intercept: 0.5 }, [[1, 1], [0, 2]]), [1.5, -1.5], { abs: 1e-15 });
    expect(() => ridgePredict({ coef: [1], intercept: 0 }, [[1, 2]])).toThrow(RangeError);
  });

  it('rejects impossible arguments with RangeError', () => {
    expect(() => ridge([[1]], [1], -1)).toThrow(RangeError);
    expect(() => ridge([[1]], [1], Number.NaN)).toThrow(RangeError);
    expect(() => ridge([[1], [2]], [1], 1)).toThrow(RangeError);
    expect(() => ridge([], [], 1)).toThrow(RangeError);
    expect(() => ridge([[1, 2], [2, Number.POSITIVE_INFINITY]], [1, 2], 1)).toThrow(RangeError);
    // collinear columns: singular at α = 0, fine for α > 0
    const X = [[1, 2], [2, 4], [3, 6]];
    expect(() => ridge(X, [1, 2, 4], 0)).toThrow(RangeError);
    expect(ridge(X, [1, 2, 4], 0.1).coef.every(Number.isFinite)).toBe(true);
  });
});

describe('ridge: ridgeShrink (the L2 inset) is z / (1 + λ)', () => {
  it('hand values', () => {
    expectClose(ridgeShrink(3, 2), 1, { abs: 1e-15 });
    expectClose(ridgeShrink(-4, 1), -2, { abs: 1e-15 });
    expect(ridgeShrink(0, 5)).toBe(0);
    expect(() => ridgeShrink(1, -0.1)).toThrow(RangeError);
  });
  it('equals one-feature ridge with an orthonormal column (‖x‖ = 1, z = xᵀy)', () => {
    // ridge on a unit column minimises ‖y − xw‖² + λw², i.e. (w − z)² + λw² + const: w = z / (1 + λ)
    const X = [[0.6], [0.8]];
    const y = [2, -1];
    const z = 0.6 * 2 - 0.8 * 1;
    expectClose(ridge(X, y, 1.5, { fitIntercept: false }).coef[0], ridgeShrink(z, 1.5), { abs: 1e-14 });
  });
});

describe('ridge: scikit-learn fixtures (Ridge, solver="cholesky")', () => {
  // sklearn's numbers are rounded to 12 significant digits; our solve differs by rounding only
  it('small random data, with and without intercept, α ∈ {0, 0.1, 1, 10, 100}', () => {
    for (const c of fx.ridgeSmall) {
      const m = ridge(fx.small.X, fx.small.y, c.alpha, { fitIntercept: c.fitIntercept });
      expectClose(m.coef, c.coef, { abs: 1e-10, rel: 1e-10 });
      expectClose(m.intercept, c.intercept, { abs: 1e-10, rel: 1e-10 });
    }
  });
  it('diabetes, with and without intercept, α ∈ {0, 0.01, 0.1, 1, 10}', () => {
    for (const c of fx.ridgeDiabetes) {
      const m = ridge(diabetes.X, diabetes.y, c.alpha, { fitIntercept: c.fitIntercept });
      // coefficients are in the hundreds: 12 significant digits leave ~1e-9 absolute
      expectClose(m.coef, c.coef, { abs: 1e-8, rel: 1e-10 });
      expectClose(m.intercept, c.intercept, { abs: 1e-8, rel: 1e-10 });
    }
  });
});

describe('ridgePath', () => {
  it('equals ridge() at every α, in the order given', () => {
    const alphas = [10, 0, 0.1, 100, 1];
    const path = ridgePath(diabetes.X, diabetes.y, alphas);
    alphas.forEach((a, i) => expectClose(path[i], ridge(diabetes.X, diabetes.y, a), { abs: 1e-12, rel: 1e-12 }));
    expect(() => ridgePath(diabetes.X, diabetes.y, [1, -1])).toThrow(RangeError);
  });
});

describe('ridge: properties (fast-check, seed 42)', () => {
  it('stationarity: Xcᵀ(yc − Xc w) = α w, and Σ residuals = 0 with an intercept', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 20 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (seed, p, extra, alpha) => {
        const n = p + 2 + extra;
        const { X, y } = randomData(seed, n, p);
        const m = ridge(X, y, alpha);
        const r = y.map((yi, i) => yi - X[i]!.reduce((s, v, j) => s + v * m.coef[j]!, m.intercept));
        const scale = Math.max(1, ...y.map(Math.abs)) * n;
        expectClose(r.reduce((s, v) => s + v, 0), 0, { abs: 1e-10 * scale });
        // with Σr = 0, Xcᵀr = Xᵀr
        for (let j = 0; j < p; j++) {
          const g = X.reduce((s, row, i) => s + row[j]! * r[i]!, 0);
          expectClose(g, alpha * m.coef[j]!, { abs: 1e-9 * scale });
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('‖w‖ shrinks monotonically as α grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 5 }), (seed, p) => {
        const { X, y } = randomData(seed, p + 8, p);
        const norms = [0, 0.1, 1, 10, 100, 1000].map((a) => Math.hypot(...ridge(X, y, a).coef));
        for (let i = 1; i < norms.length; i++) expect(norms[i]!).toBeLessThanOrEqual(norms[i - 1]! * (1 + 1e-12));
      }),
      { seed: 42, numRuns: 40 },
    );
  });
});
