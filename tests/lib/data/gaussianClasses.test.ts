import { describe, expect, it } from 'vitest';
import { gaussianClasses, shapeCovariance } from '../../../src/lib/data/gaussianClasses';
import { expectClose } from '../../helpers/expectClose';

function moments(X: number[][]): { mean: number[]; cov: number[][] } {
  const n = X.length;
  const mean = [0, 1].map((j) => X.reduce((s, x) => s + x[j]!, 0) / n);
  const cov = [0, 1].map((a) => [0, 1].map((b) => X.reduce((s, x) => s + (x[a]! - mean[a]!) * (x[b]! - mean[b]!), 0) / n));
  return { mean, cov };
}

describe('gaussianClasses', () => {
  it('is deterministic for a seed, with exact class sizes', () => {
    const a = gaussianClasses({ n: 101, prior: 0.3, seed: 4 });
    const b = gaussianClasses({ n: 101, prior: 0.3, seed: 4 });
    expect(a).toEqual(b);
    expect(a.counts).toEqual([71, 30]);
    expect(a.y.filter((v) => v === 1).length).toBe(30);
  });
  it('shapeCovariance: R diag(σx², σy²) Rᵀ by hand at 90°', () => {
    expectClose(shapeCovariance({ sigmaX: 2, sigmaY: 1, rotation: Math.PI / 2 }), [[1, 0], [0, 4]], { abs: 1e-12 });
  });
  it('sample moments match the true means and covariances (n = 8000)', () => {
    const d = gaussianClasses({ n: 8000, separation: 3, class0: { sigmaX: 1.5, sigmaY: 0.5, rotation: 0.6 }, class1: { sigmaX: 0.7, sigmaY: 1.2 }, seed: 2 });
    for (const k of [0, 1]) {
      const m = moments(d.X.filter((_, i) => d.y[i] === k));
      // 4000 points per class: SE of means ≤ 0.025, of covariance entries ≤ 0.05; allow ~4 SE.
      expectClose(m.mean, d.means[k], { abs: 0.08 });
      expectClose(m.cov, d.covariances[k], { abs: 0.15 });
    }
  });
  it('sharedCovariance gives class 1 the shape of class 0', () => {
    const d = gaussianClasses({ class0: { sigmaX: 2, rotation: 1 }, class1: { sigmaX: 0.1 }, sharedCovariance: true });
    expectClose(d.covariances[1], d.covariances[0], { abs: 1e-15 });
  });
  it('breaking the assumption adds flagged outliers beyond class 1 and changes its shape', () => {
    const d = gaussianClasses({ n: 400, breakAssumption: 'crescent', seed: 3 });
    expect(d.outlier.filter(Boolean).length).toBe(Math.round(200 * 0.04));
    d.X.forEach((x, i) => {
      if (d.outlier[i]) expect(x[0]! > d.means[1][0]! + 5).toBe(true);
    });
    const t = gaussianClasses({ n: 4000, breakAssumption: 'heavyTail', outlierFraction: 0, seed: 3 });
    const x1 = t.X.filter((_, i) => t.y[i] === 1).map((x) => Math.abs(x[0]! - 1.25));
    // Student-t with 2 degrees of freedom: far more points beyond 4σ than a normal's 6e-5.
    expect(x1.filter((v) => v > 4).length).toBeGreaterThan(20);
  });
  it('throws RangeError for impossible options', () => {
    expect(() => gaussianClasses({ n: -1 })).toThrow(RangeError);
    expect(() => gaussianClasses({ prior: 1.5 })).toThrow(/prior/);
    expect(() => gaussianClasses({ class0: { sigmaX: 0 } })).toThrow(/sigmaX/);
    expect(() => gaussianClasses({ degreesOfFreedom: 0 })).toThrow(/degreesOfFreedom/);
  });
});
