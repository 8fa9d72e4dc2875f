import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePolynomial, fitPolynomial } from '../../../src/lib/regression/polynomial';
import { expectClose } from '../../helpers/expectClose';

/** n distinct x in [0, 1]: a jittered grid (spacing ≥ 0.2/n) so the Vandermonde matrix stays usable. */
const distinctX = (n: number) =>
  fc.array(fc.double({ min: 0, max: 0.8, noNaN: true }), { minLength: n, maxLength: n }).map((u) => u.map((v, i) => (i + 0.1 + v) / n));

const dataset = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc.tuple(distinctX(n), fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n })),
);

describe('fitPolynomial properties (fast-check, seed 42)', () => {
  it('degree n − 1 through n distinct points interpolates (|residual| ≤ 1e-7); so do higher degrees up to 15 (minimum norm)', () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 0, max: 6 }), ([x, y], extra) => {
        const n = x.length;
        for (const degree of [n - 1, Math.min(15, n - 1 + extra)]) {
          const w = fitPolynomial(x, y, degree);
          expectClose(x.map((v) => evaluatePolynomial(w, v)), y, { abs: 1e-7 });
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('λ → ∞ drives every coefficient, w₀ included, to 0: ‖w(λ)‖ ≤ ‖Vᵀy‖ / λ and ‖w‖ decreases with λ', () => {
    // w = (VᵀV + λI)⁻¹ Vᵀy and every eigenvalue of VᵀV + λI is ≥ λ.
    fc.assert(
      fc.property(dataset, fc.integer({ min: 0, max: 12 }), ([x, y], degree) => {
        let vty = 0;
        for (let j = 0; j <= degree; j++) vty += x.reduce((s, v, i) => s + v ** j * y[i]!, 0) ** 2;
        const bound = Math.sqrt(vty);
        let previous = Infinity;
        for (const lambda of [1e-2, 1, 1e3, 1e6, 1e9, 1e12]) {
          const w = fitPolynomial(x, y, degree, { l2: lambda });
          const norm = Math.hypot(...w);
          // Slack: relative 1e-9 and absolute 1e-12 (|y| ≤ 2) for rounding.
          expect(norm).toBeLessThanOrEqual((bound / lambda) * (1 + 1e-9) + 1e-12);
          expect(norm).toBeLessThanOrEqual(previous * (1 + 1e-9) + 1e-12);
          previous = norm;
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('training error never goes up with degree 0 → 15 (nested models; slack 1e-6·‖y‖² for rounding)', () => {
    // x on a 0.001 grid: repeated x values (rank-deficient fits) occur often, while x values 1e-13
    // apart — where "distinct" is below what double precision resolves at degree ≥ 2 — do not.
    // Clustered x (0.001, 0.002, …) still give accepted columns with equilibrated cond up to ≈ 4.5e13,
    // where a backward-stable solver's residual is ≈ ε·cond·‖y‖: hence a slack proportional to ‖y‖²
    // (3000 fuzzed runs peaked at 2e-7·‖y‖²).
    const data = fc.integer({ min: 2, max: 30 }).chain((n) =>
      fc.tuple(
        fc.array(fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n }),
      ),
    );
    fc.assert(
      fc.property(data, ([x, y]) => {
        const slack = 1e-6 * y.reduce((s, v) => s + v * v, 0) + 1e-15;
        let previous = Infinity;
        for (let degree = 0; degree <= 15; degree++) {
          const w = fitPolynomial(x, y, degree);
          const sse = x.reduce((s, v, i) => s + (evaluatePolynomial(w, v) - y[i]!) ** 2, 0);
          expect(sse).toBeLessThanOrEqual(previous + slack);
          previous = sse;
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});
