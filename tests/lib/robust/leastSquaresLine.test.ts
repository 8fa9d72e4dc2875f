import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leastSquaresLine } from '../../../src/lib/robust/leastSquaresLine';
import { inlierMask, lineResidual, predictLine } from '../../../src/lib/robust/line';
import { expectClose } from '../../helpers/expectClose';
import fixture from '../../fixtures/ransac.json';

describe('leastSquaresLine: hand-derived', () => {
  it('two points give the line through them', () => {
    // (1, 3), (3, 7): m = 4/2 = 2, b = 3 − 2 = 1
    expectClose(leastSquaresLine([{ x: 1, y: 3 }, { x: 3, y: 7 }]), { slope: 2, intercept: 1 }, { abs: 1e-12 });
  });

  it('(0,0), (1,1), (2,1): x̄ = 1, ȳ = 2/3, Sxx = 2, Sxy = 1 → m = 1/2, b = 1/6', () => {
    const fit = leastSquaresLine([{ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 2, y: 1 }]);
    expectClose(fit, { slope: 0.5, intercept: 1 / 6 }, { abs: 1e-12 });
  });

  it('a horizontal cloud has slope 0 and the mean as intercept', () => {
    const fit = leastSquaresLine([{ x: -1, y: 2 }, { x: 0, y: 5 }, { x: 1, y: 2 }]);
    expectClose(fit, { slope: 0, intercept: 3 }, { abs: 1e-12 });
  });

  it('rejects fewer than 2 points, equal x and non-finite values with RangeError', () => {
    expect(() => leastSquaresLine([])).toThrow(RangeError);
    expect(() => leastSquaresLine([{ x: 1, y: 1 }])).toThrow(/at least 2 points, got 1/);
    expect(() => leastSquaresLine([{ x: 2, y: 1 }, { x: 2, y: 5 }])).toThrow(/x = 2/);
    expect(() => leastSquaresLine([{ x: 0.1, y: 1 }, { x: 0.1, y: 1 }, { x: 0.1, y: 1 }])).toThrow(RangeError);
    expect(() => leastSquaresLine([{ x: 0, y: 1 }, { x: 1, y: NaN }])).toThrow(/finite/);
  });
});

describe('leastSquaresLine: scikit-learn LinearRegression fixtures', () => {
  for (const [k, c] of fixture.leastSquares.entries()) {
    it(`case ${k} (n = ${c.points.length})`, () => {
      // relative 1e-9: both are double-precision closed forms of the same normal equations
      expectClose(leastSquaresLine(c.points), { slope: c.slope, intercept: c.intercept }, { abs: 1e-9, rel: 1e-9 });
    });
  }
});

describe('leastSquaresLine: properties', () => {
  it('residuals are orthogonal to 1 and x (normal equations Σr = 0, Σx·r = 0)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.double({ min: -100, max: 100, noNaN: true }), y: fc.double({ min: -100, max: 100, noNaN: true }) }), { minLength: 2, maxLength: 40 }),
        (points) => {
          fc.pre(points.some((p) => Math.abs(p.x - points[0]!.x) > 1e-3));
          const line = leastSquaresLine(points);
          const r = points.map((p) => p.y - predictLine(line, p.x));
          const scale = points.reduce((s, p) => s + Math.abs(p.y) + 1, 0) * 100;
          // round-off scales with Σ|y|·max|x|; 1e-9 of that is far above double error
          expectClose(r.reduce((s, v) => s + v, 0), 0, { abs: 1e-9 * scale });
          expectClose(r.reduce((s, v, i) => s + v * points[i]!.x, 0), 0, { abs: 1e-9 * scale });
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('line helpers', () => {
  it('vertical and perpendicular residuals: (1, 4) to y = 2x is 2 vertically, 2/√5 orthogonally', () => {
    const line = { slope: 2, intercept: 0 };
    expectClose(lineResidual({ x: 1, y: 4 }, line), 2, { abs: 1e-12 });
    expectClose(lineResidual({ x: 1, y: 4 }, line, 'perpendicular'), 2 / Math.sqrt(5), { abs: 1e-12 });
    expect(inlierMask([{ x: 1, y: 4 }, { x: 0, y: 0.5 }], line, 1)).toEqual([false, true]);
    expect(inlierMask([{ x: 1, y: 4 }], line, 1, 'perpendicular')).toEqual([true]);
  });
});
