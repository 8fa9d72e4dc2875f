import { describe, it } from 'vitest';
import fx from '../../fixtures/polynomial.json';
import { evaluatePolynomial, fitPolynomial } from '../../../src/lib/regression/polynomial';
import { expectClose } from '../../helpers/expectClose';

// Reference: numpy.linalg.lstsq (SVD, minimum norm) and scikit-learn Ridge(solver='svd',
// fit_intercept=False) on the Vandermonde matrix, from scripts/fixtures/polynomial.py.
const grid = fx.grid;
const curve = (w: number[]) => grid.map((x) => evaluatePolynomial(w, x));

describe('fitPolynomial vs numpy/scikit-learn (Bishop sin 2πx, 10 points, σ = 0.3)', () => {
  for (const d of fx.bishop.degrees) {
    it(`degree ${d.degree}: predictions on a 51-point grid within 1e-8 (abs + rel), coefficients within 1e-7`, () => {
      const w = fitPolynomial(fx.bishop.x, fx.bishop.t, d.degree);
      // cond(V) ≈ 1e8 at degree 9: ε·cond ≈ 1e-8 bounds the difference between two stable solvers.
      expectClose(curve(w), d.grid, { abs: 1e-8, rel: 1e-8 });
      expectClose(w, d.coefficients, { abs: 1e-7, rel: 1e-7 });
    });
  }
});

describe('penalised degree-9 fit vs scikit-learn Ridge(alpha = λ, fit_intercept = False)', () => {
  for (const r of fx.ridge) {
    it(`ln λ = ${r.lnLambda}: predictions within 1e-8 (abs + rel), coefficients within 1e-7`, () => {
      const w = fitPolynomial(fx.bishop.x, fx.bishop.t, 9, { l2: r.lambda });
      expectClose(curve(w), r.grid, { abs: 1e-8, rel: 1e-8 });
      expectClose(w, r.coefficients, { abs: 1e-7, rel: 1e-7 });
    });
  }
});

describe('minimum-norm solutions vs numpy.linalg.lstsq', () => {
  for (const m of fx.minNorm) {
    it(`${m.name} (degree ${m.degree}, ${m.distinctX} distinct x, rank ${m.rank}): coefficients and predictions within 1e-8`, () => {
      const w = fitPolynomial(m.x, m.t, m.degree);
      expectClose(w, m.coefficients, { abs: 1e-8, rel: 1e-8 });
      expectClose(curve(w), m.grid, { abs: 1e-8, rel: 1e-8 });
    });
  }
});

describe('badly conditioned fits: n = 200, degrees 0–15 vs numpy.linalg.lstsq', () => {
  for (const d of fx.large.degrees) {
    // cond(V) grows to ≈ 1e11 at degree 15, so two backward-stable solvers agree to ≈ ε·cond ≈ 1e-5.
    const tol = d.degree <= 10 ? 1e-8 : 1e-5;
    it(`degree ${d.degree}: predictions within ${tol} (abs + rel)`, () => {
      const w = fitPolynomial(fx.large.x, fx.large.t, d.degree);
      expectClose(curve(w), d.grid, { abs: tol, rel: tol });
    });
  }
});
