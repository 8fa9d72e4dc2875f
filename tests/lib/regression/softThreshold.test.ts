import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lasso } from '../../../src/lib/regression/lasso';
import { softThreshold } from '../../../src/lib/regression/softThreshold';
import { expectClose } from '../../helpers/expectClose';

describe('softThreshold', () => {
  it('hand values: S(z, λ) = sign(z)·max(|z| − λ, 0)', () => {
    expectClose(softThreshold(3, 1), 2, { abs: 1e-15 });
    expectClose(softThreshold(-3, 1), -2, { abs: 1e-15 });
    expectClose(softThreshold(0.5, 0), 0.5, { abs: 1e-15 });
  });

  it('maps [−λ, λ] to an exact +0 (not −0, not 1e-17)', () => {
    for (const z of [-1, -0.3, -0, 0, 0.7, 1]) expect(Object.is(softThreshold(z, 1), 0)).toBe(true);
  });

  it('rejects a negative or non-finite λ', () => {
    expect(() => softThreshold(1, -1)).toThrow(RangeError);
    expect(() => softThreshold(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('is the minimiser of ½(w − z)² + λ|w| (fast-check, seed 42): no nearby point does better', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (z, lambda, step) => {
          const f = (w: number): number => 0.5 * (w - z) ** 2 + lambda * Math.abs(w);
          const w = softThreshold(z, lambda);
          // f is 1-strongly convex: f(w + d) ≥ f(w) + d²/2, checked with rounding slack 1e-12
          expect(f(w + step)).toBeGreaterThanOrEqual(f(w) + step * step / 2 - 1e-12);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('is the one-feature lasso: a unit-variance column (xᵀx/n = 1) gives w = S(xᵀy/n, α)', () => {
    const X = [[1], [-1], [1], [-1]];
    const y = [2, -1, 0.5, 0.3];
    const z = (2 + 1 + 0.5 - 0.3) / 4;
    for (const alpha of [0, 0.2, 0.8, 1]) {
      expectClose(lasso(X, y, alpha, { fitIntercept: false }).coef[0], softThreshold(z, alpha), { abs: 1e-14 });
    }
  });
});
