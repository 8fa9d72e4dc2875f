import { describe, expect, it } from 'vitest';
import { evaluatePolynomial, fitPolynomial } from '../../../src/lib/regression/polynomial';
import { expectClose } from '../../helpers/expectClose';

// Hand-derived cases. Tolerance: abs 1e-12 (small well-conditioned systems, exact answers).
const TOL = { abs: 1e-12 };

describe('evaluatePolynomial', () => {
  it('evaluates 1 + 2x + 3x² by Horner: at x = 2 gives 17, empty coefficients give 0', () => {
    expect(evaluatePolynomial([1, 2, 3], 2)).toBe(17);
    expect(evaluatePolynomial([1, 2, 3], 0)).toBe(1);
    expect(evaluatePolynomial([], 5)).toBe(0);
  });
});

describe('fitPolynomial (hand-derived)', () => {
  it('degree 0 is the mean of y', () => {
    expectClose(fitPolynomial([0, 1, 2, 3], [1, 2, 4, 9], 0), [4], TOL);
  });
  it('degree 1 through two points is the line through them', () => {
    // (1, 3), (3, 7): slope 2, intercept 1.
    expectClose(fitPolynomial([1, 3], [3, 7], 1), [1, 2], TOL);
  });
  it('recovers an exact quadratic from 5 noiseless points', () => {
    const x = [-1, 0, 0.5, 2, 3];
    const y = x.map((v) => 2 - v + 0.5 * v * v);
    expectClose(fitPolynomial(x, y, 2), [2, -1, 0.5], { abs: 1e-12 });
  });
  it('least-squares line for (0,0), (1,1), (2,1): normal equations give w = (1/6, 1/2)', () => {
    // VᵀV = [[3, 3], [3, 5]], Vᵀy = [2, 3] → w₁ = 1/2, w₀ = 1/6.
    expectClose(fitPolynomial([0, 1, 2], [0, 1, 1], 1), [1 / 6, 1 / 2], TOL);
  });
  it('penalised degree 0: w₀ = Σy / (n + λ) (w₀ is penalised too)', () => {
    // d/dw Σ(y − w)² + λw² = 0 → w = Σy / (n + λ) = 10 / (4 + 1).
    expectClose(fitPolynomial([0, 1, 2, 3], [1, 2, 3, 4], 0, { l2: 1 }), [2], TOL);
  });
  it('penalised line: (VᵀV + λI) w = Vᵀy solved by hand', () => {
    // x = [0, 1], y = [1, 3], λ = 1: VᵀV + I = [[3, 1], [1, 2]], Vᵀy = [4, 3] → w = (1, 1).
    expectClose(fitPolynomial([0, 1], [1, 3], 1, { l2: 1 }), [1, 1], TOL);
  });
  it('l2 = 0 equals plain least squares', () => {
    const x = [0, 0.3, 0.5, 0.9, 1];
    const y = [1, -0.2, 0.4, 2, 1.5];
    expectClose(fitPolynomial(x, y, 3, { l2: 0 }), fitPolynomial(x, y, 3), TOL);
  });
  it('underdetermined: minimum-norm line through one point (2, 5) is (1, 2)', () => {
    // w₀ + 2w₁ = 5, minimal ‖w‖ → w ∥ (1, 2): w = 5·(1, 2)/5.
    expectClose(fitPolynomial([2], [5], 1), [1, 2], TOL);
  });
  it('repeated x: degree 1 on (1, 1), (1, 3) averages to w₀ + w₁ = 2 with minimum norm (1, 1)', () => {
    expectClose(fitPolynomial([1, 1], [1, 3], 1), [1, 1], TOL);
  });
  it('empty data gives the zero polynomial (minimum-norm solution)', () => {
    expect(fitPolynomial([], [], 3)).toEqual([0, 0, 0, 0]);
  });
  it('all-zero design column (x = 0 only) leaves the higher coefficients at 0', () => {
    expectClose(fitPolynomial([0, 0, 0], [1, 2, 3], 2), [2, 0, 0], TOL);
  });
  it('rejects impossible arguments with a RangeError naming the value', () => {
    expect(() => fitPolynomial([0, 1], [1], 1)).toThrow(/same length/);
    expect(() => fitPolynomial([0, 1], [1, 2], -1)).toThrow(RangeError);
    expect(() => fitPolynomial([0, 1], [1, 2], 1.5)).toThrow(/1\.5/);
    expect(() => fitPolynomial([0, 1], [1, 2], 1, { l2: -1 })).toThrow(/-1/);
    expect(() => fitPolynomial([0, NaN], [1, 2], 1)).toThrow(/x\[1\]/);
    expect(() => fitPolynomial([0, 1], [1, Infinity], 1)).toThrow(/y\[1\]/);
  });
  it('does not modify its inputs', () => {
    const x = [0, 0.5, 1];
    const y = [1, 2, 0];
    fitPolynomial(x, y, 2, { l2: 0.1 });
    expect(x).toEqual([0, 0.5, 1]);
    expect(y).toEqual([1, 2, 0]);
  });
});
