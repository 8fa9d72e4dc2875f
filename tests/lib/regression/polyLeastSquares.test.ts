import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveLeastSquares } from '../../../src/lib/regression/polyLeastSquares';
import { createRng, normalSampler } from '../../../src/lib/random';
import { expectClose } from '../../helpers/expectClose';

/** Column-major m × p matrix from rows. */
function colMajor(rows: number[][]): Float64Array {
  const m = rows.length;
  const p = rows[0]!.length;
  const a = new Float64Array(m * p);
  rows.forEach((r, i) => r.forEach((v, j) => (a[j * m + i] = v)));
  return a;
}

function matVec(rows: number[][], x: ArrayLike<number>): number[] {
  return rows.map((r) => r.reduce((s, v, j) => s + v * x[j]!, 0));
}

describe('solveLeastSquares (hand-derived)', () => {
  it('solves a square system exactly: [[2, 1], [1, 3]] x = [3, 5] → x = (0.8, 1.4)', () => {
    const { x, rank } = solveLeastSquares(colMajor([[2, 1], [1, 3]]), 2, 2, Float64Array.from([3, 5]));
    expect(rank).toBe(2);
    expectClose(Array.from(x), [0.8, 1.4], { abs: 1e-14 });
  });
  it('rank 1: [[1, 1], [1, 1]] x ≈ [1, 3] → minimum-norm x = (1, 1)', () => {
    // Least squares: x₁ + x₂ = 2; minimum norm splits it evenly.
    const { x, rank } = solveLeastSquares(colMajor([[1, 1], [1, 1]]), 2, 2, Float64Array.from([1, 3]));
    expect(rank).toBe(1);
    expectClose(Array.from(x), [1, 1], { abs: 1e-14 });
  });
  it('wide system [1, 2, 2] x = 9 → x = 9·(1, 2, 2)/9 = (1, 2, 2)', () => {
    const { x, rank } = solveLeastSquares(colMajor([[1, 2, 2]]), 1, 3, Float64Array.from([9]));
    expect(rank).toBe(1);
    expectClose(Array.from(x), [1, 2, 2], { abs: 1e-14 });
  });
  it('a zero matrix gives x = 0 and rank 0', () => {
    const { x, rank } = solveLeastSquares(new Float64Array(6), 3, 2, Float64Array.from([1, 2, 3]));
    expect(rank).toBe(0);
    expect(Array.from(x)).toEqual([0, 0]);
  });
  it('rejects mismatched sizes and a bad rcond', () => {
    expect(() => solveLeastSquares(new Float64Array(5), 3, 2, new Float64Array(3))).toThrow(RangeError);
    expect(() => solveLeastSquares(new Float64Array(6), 3, 2, new Float64Array(2))).toThrow(RangeError);
    expect(() => solveLeastSquares(new Float64Array(6), 3, 2, new Float64Array(3), 0)).toThrow(/rcond/);
  });
});

describe('solveLeastSquares properties (fast-check, seed 42)', () => {
  it('Gaussian m × p of any shape: normal equations hold and x is orthogonal to the null space (minimum norm)', () => {
    // A Gaussian matrix has full rank k = min(m, p) (with probability 1, and well conditioned), so the
    // rank deficiency of a wide A is structural — the case fitPolynomial meets after merging repeated
    // x. The minimum-norm least-squares solution satisfies Aᵀ(Ax − b) = 0 and lies in the row space of A.
    // (Numerically dependent columns are a tolerance decision; they are covered by the polynomial tests.)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer(), (m, p, seed) => {
        const k = Math.min(m, p);
        const g = normalSampler(createRng(seed >>> 0), 0, 1);
        const A = Array.from({ length: m }, () => Array.from({ length: p }, g));
        const C = A;
        const b = Array.from({ length: m }, g);
        const { x, rank } = solveLeastSquares(colMajor(A), m, p, Float64Array.from(b));
        expect(rank).toBe(k);
        const r = matVec(A, x).map((v, i) => v - b[i]!);
        const scale = 1 + Math.hypot(...A.flat()) ** 2 * Math.hypot(...x) + Math.hypot(...b);
        // Aᵀr = 0 within 1e-9 of the problem's scale (Gaussian matrices are well conditioned).
        for (let j = 0; j < p; j++) expect(Math.abs(A.reduce((s, row, i) => s + row[j]! * r[i]!, 0))).toBeLessThan(1e-9 * scale);
        // Project a random vector onto null(A) by Gram–Schmidt on the rows of A; x must be ⊥ to it.
        const basis: number[][] = [];
        for (const row of C) {
          const v = row.slice();
          for (const q of basis) {
            const d = v.reduce((s, vi, i) => s + vi * q[i]!, 0);
            for (let i = 0; i < p; i++) v[i] = v[i]! - d * q[i]!;
          }
          const nv = Math.hypot(...v);
          if (nv > 1e-10) basis.push(v.map((vi) => vi / nv));
        }
        const z = Array.from({ length: p }, g);
        for (const q of basis) {
          const d = z.reduce((s, zi, i) => s + zi * q[i]!, 0);
          for (let i = 0; i < p; i++) z[i] = z[i]! - d * q[i]!;
        }
        const dot = z.reduce((s, zi, i) => s + zi * x[i]!, 0);
        expect(Math.abs(dot)).toBeLessThan(1e-8 * (1 + Math.hypot(...z) * Math.hypot(...x)));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
