import { describe, expect, it } from 'vitest';
import {
  biasVariance,
  biasVariancePartial,
  biasVarianceRepeat,
  biasVarianceResult,
  combineBiasVariance,
  emptyBiasVariance,
  type BiasVarianceSetup,
} from '../../../src/lib/regression/biasVariance';
import { expectClose } from '../../helpers/expectClose';

const evalX = Array.from({ length: 25 }, (_, i) => (i + 0.5) / 25);
const setup = (degree: number, extra: Partial<BiasVarianceSetup> = {}): BiasVarianceSetup => ({ n: 25, degree, evalX, seed: 11, noise: 0.3, ...extra });

describe('biasVariance', () => {
  it('bias² + variance + σ² ≈ measured expected validation MSE (400 repeats × 25 inputs; |diff| < 0.01 ≈ 4 s.e.)', () => {
    // The cross term −2(ŷ − f)ε and ε² − σ² average out: their s.e. over 10⁴ (repeat, input) pairs is
    // ≈ σ²·√2/100 + 2σ·√(bias²+var)/100 ≈ 0.002 for these settings.
    for (const degree of [1, 3, 5]) {
      const r = biasVariance(setup(degree), 400);
      expectClose(r.total, r.validationMse, { abs: 0.01 });
      expectClose(r.total, r.bias2 + r.variance + r.noise, { abs: 1e-15 });
      expectClose(r.noise, 0.09, { abs: 1e-15 });
    }
  });
  it('mean over repeats of (ŷ − f)² equals bias² + variance exactly (algebraic identity, abs 1e-12)', () => {
    const s = setup(5);
    const R = 30;
    let direct = 0;
    for (let r = 0; r < R; r++) {
      const { predictions } = biasVarianceRepeat(s, r);
      predictions.forEach((y, j) => (direct += (y - Math.sin(2 * Math.PI * evalX[j]!)) ** 2));
    }
    const res = biasVariance(s, R);
    expectClose(res.bias2 + res.variance, direct / (R * evalX.length), { abs: 1e-12 });
  });
  it('degree trades bias for variance: bias² falls and variance rises from degree 1 to 5 (n = 25, 200 repeats)', () => {
    const low = biasVariance(setup(1), 200);
    const high = biasVariance(setup(5), 200);
    expect(high.bias2).toBeLessThan(low.bias2);
    expect(high.variance).toBeGreaterThan(low.variance);
    // Degree 1 cannot follow sin 2πx: its bias² is large (a line's best L2 fit leaves ≈ 0.2).
    expect(low.bias2).toBeGreaterThan(0.1);
  });
  it('a cubic truth has (almost) no bias at degree 3: bias² < 0.005 with 200 repeats', () => {
    const r = biasVariance(setup(3, { fn: 'cubic' }), 200);
    expect(r.bias2).toBeLessThan(0.005);
  });
  it('a larger penalty λ shrinks variance and raises bias² (degree 9, λ = 1e-3 vs 1, 200 repeats)', () => {
    const free = biasVariance(setup(9, { l2: 1e-3 }), 200);
    const heavy = biasVariance(setup(9, { l2: 1 }), 200);
    expect(heavy.variance).toBeLessThan(free.variance);
    expect(heavy.bias2).toBeGreaterThan(free.bias2);
  });
  it('chunked work gives the same result as one pass (abs 1e-12), in any chunking', () => {
    const s = setup(4);
    const whole = biasVariancePartial(s, 0, 60);
    const chunked = [[0, 7], [7, 30], [30, 31], [31, 60]].reduce((acc, [a, b]) => combineBiasVariance(acc, biasVariancePartial(s, a!, b!)), emptyBiasVariance(evalX.length));
    expect(chunked.count).toBe(60);
    expectClose(chunked, whole, { abs: 1e-12 });
    expectClose(biasVarianceResult(s, chunked), biasVarianceResult(s, whole), { abs: 1e-12 });
    // Partials are plain data: they survive a JSON round trip (a worker's postMessage).
    expect(JSON.parse(JSON.stringify(whole))).toEqual(whole);
  });
  it('is deterministic for a seed; other seeds give other data', () => {
    expect(biasVariancePartial(setup(2), 0, 5)).toEqual(biasVariancePartial(setup(2), 0, 5));
    expect(biasVarianceRepeat(setup(2, { seed: 12 }), 0).targets).not.toEqual(biasVarianceRepeat(setup(2), 0).targets);
    expect(biasVarianceRepeat(setup(2, { seed: 0.25 }), 0).targets).not.toEqual(biasVarianceRepeat(setup(2, { seed: 0.5 }), 0).targets);
  });
  it('grid inputs with noise 0 have zero variance', () => {
    const r = biasVariance(setup(3, { noise: 0, xDistribution: 'grid' }), 5);
    expectClose(r.variance, 0, { abs: 1e-20 });
  });
  it('rejects impossible arguments', () => {
    expect(() => biasVariance(setup(3), 0)).toThrow(/repeats/);
    expect(() => biasVariancePartial(setup(3), 5, 2)).toThrow(RangeError);
    expect(() => biasVariance(setup(3, { evalX: [] }), 3)).toThrow(/evalX/);
    expect(() => biasVariance(setup(3, { n: 0 }), 3)).toThrow(/n must/);
    expect(() => combineBiasVariance(emptyBiasVariance(2), emptyBiasVariance(3))).toThrow(RangeError);
  });
});
