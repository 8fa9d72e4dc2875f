import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  constrainedGeometry,
  constrainedSolution,
  contourLevels,
  ellipseParams,
  penalizedSolution,
  quadraticFromCorrelation,
  quadraticFromTilt,
  quadraticLoss,
  type Matrix2,
  type Vec2,
} from '../../../src/lib/regression/constrained';
import { lasso } from '../../../src/lib/regression/lasso';
import { expectClose } from '../../helpers/expectClose';

const I: Matrix2 = [
  [1, 0],
  [0, 1],
];
const l1 = (w: Vec2): number => Math.abs(w[0]) + Math.abs(w[1]);
const l2 = (w: Vec2): number => Math.hypot(w[0], w[1]);

describe('constrained: hand-derived cases', () => {
  // With A = I the L1 problem is the Euclidean projection onto the L1 ball: soft thresholding by θ with
  // Σ max(|w*_j| − θ, 0) = t (Duchi et al. 2008), and λ = 2θ.
  it('L1, A = I, w* = (3, 0.5), t = 2: corner (2, 0) with an exact zero, λ = 2', () => {
    const s = constrainedSolution(I, [3, 0.5], 2, 'l1');
    // θ = 1 (3 − θ = 2, and θ ≥ 0.5 zeroes the second weight)
    expectClose(s.w, [2, 0], { abs: 1e-15 });
    expect(Object.is(s.w[1], 0)).toBe(true);
    expect(s.zero).toEqual([false, true]);
    expect(s.active).toBe(true);
    expectClose(s.lambda, 2, { abs: 1e-14 });
    expectClose(s.loss, 1.25, { abs: 1e-14 });
  });

  it('L1, A = I, w* = (2, 1.5), t = 1.5: an edge point (1, 0.5), λ = 2', () => {
    // (2 − θ) + (1.5 − θ) = 1.5 ⇒ θ = 1
    const s = constrainedSolution(I, [2, 1.5], 1.5, 'l1');
    expectClose(s.w, [1, 0.5], { abs: 1e-14 });
    expect(s.zero).toEqual([false, false]);
    expectClose(s.lambda, 2, { abs: 1e-13 });
  });

  it('L1 with correlated features, w* = (3, 0.2), t = 1: the corner (1, 0) exactly', () => {
    // A = [[1, .5], [.5, 1]]: at (1, 0), G = 2A(w* − w) = 2·(2.1, 1.2) = (4.2, 2.4); λ = 4.2 ≥ |2.4|
    const A = quadraticFromCorrelation(0.5);
    const s = constrainedSolution(A, [3, 0.2], 1, 'l1');
    expect(s.w[0]).toBe(1);
    expect(Object.is(s.w[1], 0)).toBe(true);
    expectClose(s.lambda, 4.2, { abs: 1e-13 });
  });

  it('L2, A = I, w* = (3, 4), t = 1: w = w*/5, λ = 4 (w = w*/(1 + λ))', () => {
    const s = constrainedSolution(I, [3, 4], 1, 'l2');
    expectClose(s.w, [0.6, 0.8], { abs: 1e-14 });
    expectClose(s.lambda, 4, { abs: 1e-12 });
    expectClose(s.loss, 16, { abs: 1e-12 });
    expect(s.zero).toEqual([false, false]);
  });

  it('L2, A = diag(1, 4), w* = (2, 0), t = 1: (1, 0) with λ = 1 and the second weight exactly 0', () => {
    const s = constrainedSolution([[1, 0], [0, 4]], [2, 0], 1, 'l2');
    expectClose(s.w, [1, 0], { abs: 1e-14 });
    expect(Object.is(s.w[1], 0)).toBe(true);
    expectClose(s.lambda, 1, { abs: 1e-12 });
  });

  it('inside the ball the constraint is inactive: ŵ = w*, λ = 0', () => {
    for (const norm of ['l1', 'l2'] as const) {
      const s = constrainedSolution(I, [0.3, -0.2], 1, norm);
      expect(s.active).toBe(false);
      expectClose(s.w, [0.3, -0.2], { abs: 1e-15 });
      expect(s.lambda).toBe(0);
      expect(s.loss).toBe(0);
    }
  });

  it('penalised forms: L1 soft-thresholds with A = I, L2 is (A + λI)⁻¹Aw*', () => {
    // A = I: minimise ‖w − w*‖² + λ‖w‖₁ ⇒ w_j = S(w*_j, λ/2)
    expectClose(penalizedSolution(I, [3, -0.5], 2, 'l1'), [2, 0], { abs: 1e-15 });
    expectClose(penalizedSolution(I, [3, 4], 4, 'l2'), [0.6, 0.8], { abs: 1e-15 });
    expect(Object.is(penalizedSolution(I, [3, -0.5], 2, 'l1')[1], 0)).toBe(true);
  });

  it('quadraticFromCorrelation / quadraticFromTilt build the expected matrices', () => {
    expectClose(quadraticFromCorrelation(0.5, [2, 3]), [[4, 3], [3, 9]], { abs: 1e-15 });
    expectClose(quadraticFromTilt(0, 0.5), [[0.25, 0], [0, 1]], { abs: 1e-15 });
    // tilted 45°: R diag(r², 1) Rᵀ = ½[[r² + 1, r² − 1], [r² − 1, r² + 1]]
    expectClose(quadraticFromTilt(Math.PI / 4, 0.5), [[0.625, -0.375], [-0.375, 0.625]], { abs: 1e-15 });
    expect(() => quadraticFromCorrelation(1)).toThrow(RangeError);
    expect(() => quadraticFromTilt(0, 0)).toThrow(RangeError);
  });

  it('ellipseParams: A = diag(1, 4), level 4 has semi-axes 2 (along w₁) and 1', () => {
    expectClose(ellipseParams([[1, 0], [0, 4]], [1, -1], 4), { level: 4, cx: 1, cy: -1, rx: 2, ry: 1, angle: 0 }, { abs: 1e-15 });
    // the tilt helper's major axis comes back as the ellipse angle, axis ratio as ry / rx
    const e = ellipseParams(quadraticFromTilt(0.6, 0.4), [0, 0], 1);
    expectClose(e.angle, 0.6, { abs: 1e-12 });
    expectClose(e.ry / e.rx, 0.4, { abs: 1e-12 });
  });

  it('contourLevels spaces √level evenly and includes the tangent level', () => {
    expectClose(contourLevels(9), [1, 4, 9, 16, 25], { abs: 1e-12 });
    expect(contourLevels(9)[2]).toBe(9);
    expectClose(contourLevels(0, { count: 2, tangentIndex: 1, fallback: 2 }), [2, 8], { abs: 1e-12 });
  });

  it('rejects impossible arguments with RangeError', () => {
    expect(() => constrainedSolution([[1, 2], [2, 1]], [1, 1], 1, 'l1')).toThrow(RangeError); // indefinite
    expect(() => constrainedSolution(I, [1, 1], 0, 'l2')).toThrow(RangeError);
    expect(() => constrainedSolution(I, [Number.NaN, 1], 1, 'l2')).toThrow(RangeError);
    expect(() => penalizedSolution(I, [1, 1], -1, 'l1')).toThrow(RangeError);
    expect(() => ellipseParams(I, [0, 0], -1)).toThrow(RangeError);
  });
});

const problem = fc.record({
  rho: fc.double({ min: -0.95, max: 0.95, noNaN: true }),
  s0: fc.double({ min: 0.3, max: 3, noNaN: true }),
  s1: fc.double({ min: 0.3, max: 3, noNaN: true }),
  w0: fc.double({ min: -4, max: 4, noNaN: true }),
  w1: fc.double({ min: -4, max: 4, noNaN: true }),
  t: fc.double({ min: 0.1, max: 3, noNaN: true }),
});

describe('constrained: properties (fast-check, seed 42)', () => {
  it('feasible, on the boundary when active, and no feasible point has a smaller loss', () => {
    fc.assert(
      fc.property(problem, fc.array(fc.tuple(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 20, maxLength: 20 }), (pr, probes) => {
        const A = quadraticFromCorrelation(pr.rho, [pr.s0, pr.s1]);
        const wStar: Vec2 = [pr.w0, pr.w1];
        for (const [norm, size] of [['l1', l1], ['l2', l2]] as const) {
          const s = constrainedSolution(A, wStar, pr.t, norm);
          expect(size(s.w)).toBeLessThanOrEqual(pr.t * (1 + 1e-12));
          expect(s.active).toBe(size(wStar) > pr.t);
          if (s.active) expectClose(size(s.w), pr.t, { rel: 1e-12 });
          expectClose(s.loss, quadraticLoss(A, wStar, s.w), { abs: 1e-12, rel: 1e-12 });
          let probeMin = Infinity;
          for (const [angle, radius] of probes) {
            // a point inside the ball: direction scaled to norm radius·t
            const d: Vec2 = [Math.cos(angle), Math.sin(angle)];
            const k = (radius * pr.t) / size(d);
            probeMin = Math.min(probeMin, quadraticLoss(A, wStar, [d[0] * k, d[1] * k]));
          }
          expect(s.loss).toBeLessThanOrEqual(probeMin + 1e-12 * (1 + s.loss));
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('the constrained solution equals the penalised solution at its multiplier λ (L1 and L2)', () => {
    fc.assert(
      fc.property(problem, (pr) => {
        const A = quadraticFromCorrelation(pr.rho, [pr.s0, pr.s1]);
        const wStar: Vec2 = [pr.w0, pr.w1];
        for (const norm of ['l1', 'l2'] as const) {
          const s = constrainedSolution(A, wStar, pr.t, norm);
          const p = penalizedSolution(A, wStar, s.lambda, norm);
          // tolerance: the L2 multiplier is a Newton root (to ~1e-15 relative); ill-conditioned A (|ρ| → 0.95,
          // scales 0.3..3, condition number up to ~4000) amplifies it, hence 1e-9
          expectClose(p, s.w, { abs: 1e-9 });
          expect(s.lambda).toBeGreaterThanOrEqual(0);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('L1 zeros are exact (never 1e-17) and satisfy the KKT inequality |2(A(w* − ŵ))_j| ≤ λ', () => {
    fc.assert(
      fc.property(problem, (pr) => {
        const A = quadraticFromCorrelation(pr.rho, [pr.s0, pr.s1]);
        const wStar: Vec2 = [pr.w0, pr.w1];
        const s = constrainedSolution(A, wStar, pr.t, 'l1');
        const g: Vec2 = [
          2 * (A[0][0] * (wStar[0] - s.w[0]) + A[0][1] * (wStar[1] - s.w[1])),
          2 * (A[1][0] * (wStar[0] - s.w[0]) + A[1][1] * (wStar[1] - s.w[1])),
        ];
        for (const j of [0, 1] as const) {
          expect(s.zero[j]).toBe(s.w[j] === 0);
          // on the boundary a weight is either exactly 0 (a corner) or clearly non-zero
          if (s.active) expect(s.w[j] === 0 || Math.abs(s.w[j]) > 1e-12).toBe(true);
          if (s.active && s.zero[j]) expect(Math.abs(g[j])).toBeLessThanOrEqual(s.lambda * (1 + 1e-9) + 1e-12);
          if (s.active && !s.zero[j]) expectClose(g[j] * Math.sign(s.w[j]), s.lambda, { abs: 1e-9, rel: 1e-9 });
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('the penalised L1 solution agrees with lasso() on the equivalent regression problem', () => {
    // With A = LLᵀ (Cholesky), X = 2Lᵀ (n = 2 rows) and y = Xw*, (1/2n)‖y − Xw‖² = (w − w*)ᵀA(w − w*),
    // so lasso(X, y, α = λ, no intercept) solves loss(w) + λ‖w‖₁.
    fc.assert(
      fc.property(problem, fc.double({ min: 0, max: 10, noNaN: true }), (pr, lambda) => {
        const A = quadraticFromCorrelation(pr.rho, [pr.s0, pr.s1]);
        const l11 = Math.sqrt(A[0][0]);
        const l21 = A[1][0] / l11;
        const l22 = Math.sqrt(A[1][1] - l21 * l21);
        const X = [
          [2 * l11, 2 * l21],
          [0, 2 * l22],
        ];
        const y = X.map((row) => row[0]! * pr.w0 + row[1]! * pr.w1);
        const ref = lasso(X, y, lambda, { fitIntercept: false, tol: 1e-13, maxIter: 100000 });
        // CD stopped at duality gap < 1e-13·‖y‖² (largest difference seen over these runs: 3e-12); asserted to 1e-9
        expectClose(penalizedSolution(A, [pr.w0, pr.w1], lambda, 'l1'), ref.coef, { abs: 1e-9 });
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('contour ellipses pass through points whose loss is the level; one touches ŵ', () => {
    fc.assert(
      fc.property(problem, fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), (pr, phi) => {
        const A = quadraticFromCorrelation(pr.rho, [pr.s0, pr.s1]);
        const wStar: Vec2 = [pr.w0, pr.w1];
        const g = constrainedGeometry(A, wStar, pr.t);
        for (const [sol, contours] of [[g.l1, g.l1Contours], [g.l2, g.l2Contours]] as const) {
          expect(contours.length).toBe(5);
          if (sol.active) expectClose(contours[2]!.level, sol.loss, { rel: 1e-15 });
          for (const e of contours) {
            // point at parameter φ on the ellipse: centre + rx·cosφ·u + ry·sinφ·v
            const u: Vec2 = [Math.cos(e.angle), Math.sin(e.angle)];
            const v: Vec2 = [-u[1], u[0]];
            const w: Vec2 = [e.cx + e.rx * Math.cos(phi) * u[0] + e.ry * Math.sin(phi) * v[0], e.cy + e.rx * Math.cos(phi) * u[1] + e.ry * Math.sin(phi) * v[1]];
            expectClose(quadraticLoss(A, wStar, w), e.level, { rel: 1e-9, abs: 1e-12 });
            expect(e.rx).toBeGreaterThanOrEqual(e.ry);
          }
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});
