import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { circleResidual, circleThrough, leastSquaresCircle, ransacCircle } from '../../../src/lib/robust/ransacCircle';
import { expectClose } from '../../helpers/expectClose';

const onCircle = (cx: number, cy: number, r: number, angles: number[]) => angles.map((t) => ({ x: cx + r * Math.cos(t), y: cy + r * Math.sin(t) }));

describe('circle helpers: hand-derived', () => {
  it('the circle through (0,0), (2,0), (0,2) has centre (1,1) and radius √2', () => {
    expectClose(circleThrough({ x: 0, y: 0 }, { x: 2, y: 0 }, { x: 0, y: 2 }), { cx: 1, cy: 1, r: Math.SQRT2 }, { abs: 1e-12 });
  });

  it('collinear points have no circle', () => {
    expect(circleThrough({ x: 0, y: 0 }, { x: 1, y: 1 }, { x: 3, y: 3 })).toBeNull();
    expect(circleThrough({ x: 1, y: 1 }, { x: 1, y: 1 }, { x: 2, y: 5 })).toBeNull();
  });

  it('Kåsa fit of (±1, 0), (0, ±1.1): normal equations give D = E = 0, F = −4.42/4, so r = √1.105', () => {
    const fit = leastSquaresCircle([{ x: 1, y: 0 }, { x: -1, y: 0 }, { x: 0, y: 1.1 }, { x: 0, y: -1.1 }]);
    expectClose(fit, { cx: 0, cy: 0, r: Math.sqrt(1.105) }, { abs: 1e-12 });
  });

  it('points exactly on a circle are fitted exactly; collinear or too few points throw RangeError', () => {
    const pts = onCircle(3, -1, 2, [0, 0.7, 1.9, 2.5, 4, 5.5]);
    expectClose(leastSquaresCircle(pts), { cx: 3, cy: -1, r: 2 }, { abs: 1e-9 });
    expect(() => leastSquaresCircle(pts.slice(0, 2))).toThrow(RangeError);
    expect(() => leastSquaresCircle([{ x: 0, y: 0 }, { x: 1, y: 2 }, { x: 2, y: 4 }, { x: 3, y: 6 }])).toThrow(/collinear/);
  });

  it('residual is the distance to the circle: (4, 0) to the unit circle is 3, the centre is r away', () => {
    expectClose(circleResidual({ x: 4, y: 0 }, { cx: 0, cy: 0, r: 1 }), 3, { abs: 1e-15 });
    expectClose(circleResidual({ x: 0, y: 0 }, { cx: 0, cy: 0, r: 1 }), 1, { abs: 1e-15 });
  });
});

describe('ransacCircle', () => {
  it('finds a circle among far outliers and refits it exactly', () => {
    const circle = onCircle(1, 2, 3, Array.from({ length: 12 }, (_, k) => (2 * Math.PI * k) / 12));
    const outliers = [{ x: 10, y: 10 }, { x: -8, y: 3 }, { x: 1, y: 2 }, { x: 6, y: -6 }];
    const res = ransacCircle([...circle, ...outliers], { threshold: 0.05, seed: 3, maxTrials: 200 });
    expect(res.inliers).toEqual([...circle.map(() => true), ...outliers.map(() => false)]);
    expectClose({ cx: res.cx, cy: res.cy, r: res.r }, { cx: 1, cy: 2, r: 3 }, { abs: 1e-9 });
  });

  it('stopProbability: no outliers → w = 1 → a single trial', () => {
    const res = ransacCircle(onCircle(0, 0, 1, [0, 1, 2, 3, 4]), { threshold: 0.01, seed: 1, stopProbability: 0.99 });
    expect(res.trials).toHaveLength(1);
  });

  it('collinear samples are skipped trials, never NaN circles', () => {
    const pts = [...Array.from({ length: 6 }, (_, k) => ({ x: k, y: 0 })), ...onCircle(0, 5, 1, [0, 2, 4])];
    const res = ransacCircle(pts, { threshold: 0.01, seed: 2, maxTrials: 100 });
    const skipped = res.trials.filter((t) => t.skipped);
    expect(skipped.length).toBeGreaterThan(0);
    for (const t of skipped) expect(t.circle).toBeNull();
    for (const t of res.trials) if (t.circle) expect([t.circle.cx, t.circle.cy, t.circle.r].every(Number.isFinite)).toBe(true);
  });

  it('rejects bad input with RangeError', () => {
    const pts = onCircle(0, 0, 1, [0, 1, 2]);
    expect(() => ransacCircle(pts.slice(0, 2), { threshold: 1, seed: 1 })).toThrow(/at least 3 points, got 2/);
    expect(() => ransacCircle(pts, { threshold: 0, seed: 1 })).toThrow(RangeError);
    expect(() => ransacCircle(pts, { threshold: 1, seed: 1, stopProbability: 1 })).toThrow(RangeError);
    expect(() => ransacCircle(pts, { threshold: 1, seed: 1, maxTrials: 0 })).toThrow(RangeError);
    expect(() => ransacCircle([{ x: 2, y: 2 }, { x: 2, y: 2 }, { x: 2, y: 2 }], { threshold: 1, seed: 1 })).toThrow(/identical/);
    expect(() => ransacCircle([{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }, { x: 0, y: 1 }], { threshold: 1, seed: 1 })).toThrow(/collinear/);
  });

  it('property: distinct samples, consistent best counts, deterministic, mask length n', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.double({ min: -10, max: 10, noNaN: true }), y: fc.double({ min: -10, max: 10, noNaN: true }) }), { minLength: 4, maxLength: 25 }),
        fc.integer({ min: 0, max: 1e6 }),
        (points, seed) => {
          const opts = { threshold: 0.5, seed, maxTrials: 30, refit: false };
          let a;
          try {
            a = ransacCircle(points, opts);
          } catch (e) {
            // degenerate clouds: RangeError when all points are identical or collinear, a plain Error
            // when every sampled triple happened to be collinear
            expect(e).toBeInstanceOf(Error);
            return;
          }
          expectClose(ransacCircle(points, opts), a, { abs: Number.MIN_VALUE });
          expect(a.inliers).toHaveLength(points.length);
          let best = 0;
          for (const t of a.trials) {
            expect(new Set(t.sample).size).toBe(3);
            expect(t.becameBest).toBe(t.inlierCount > best);
            best = Math.max(best, t.inlierCount);
          }
          expect(a.inliers.filter(Boolean).length).toBe(best);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });
});
