import { describe, expect, it } from 'vitest';
import { sampleCurve, splitTrainValidation, trueFunction, TRUE_FUNCTIONS, type TrueFunctionName } from '../../../src/lib/data/curves';
import { createRng } from '../../../src/lib/random';
import { expectClose } from '../../helpers/expectClose';

describe('true functions', () => {
  it('take their hand-computed values (abs 1e-12)', () => {
    expectClose(trueFunction('sin')(0.25), 1, { abs: 1e-12 });
    expectClose(trueFunction('sin')(0.5), 0, { abs: 1e-12 });
    expect(trueFunction('step')(0.49)).toBe(-1);
    expect(trueFunction('step')(0.5)).toBe(1);
    expectClose(trueFunction('abs')(0), 1, { abs: 1e-12 });
    expectClose(trueFunction('abs')(0.5), -1, { abs: 1e-12 });
    expectClose(trueFunction('cubic')(0), -1, { abs: 1e-12 });
    expectClose(trueFunction('cubic')(1), 1, { abs: 1e-12 });
    expectClose(trueFunction('cubic')(0.5), 0, { abs: 1e-12 });
  });
  it('each stays within [−1, 1] on [0, 1] and is listed under its own name', () => {
    for (const [name, entry] of Object.entries(TRUE_FUNCTIONS)) {
      expect(entry.name).toBe(name);
      for (let i = 0; i <= 100; i++) expect(Math.abs(entry.f(i / 100))).toBeLessThanOrEqual(1 + 1e-12);
    }
  });
  it('rejects an unknown name (e.g. from a URL) with a RangeError', () => {
    expect(() => trueFunction('toString' as TrueFunctionName)).toThrow(RangeError);
    expect(() => trueFunction('nope' as TrueFunctionName)).toThrow(/nope/);
  });
});

describe('sampleCurve', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = sampleCurve({ n: 20 }, createRng(1));
    expect(sampleCurve({ n: 20 }, createRng(1))).toEqual(a);
    expect(sampleCurve({ n: 20 }, createRng(2))).not.toEqual(a);
  });
  it('grid: Bishop’s evenly spaced x = i/(n − 1); n = 1 uses the midpoint', () => {
    expectClose(sampleCurve({ n: 5, xDistribution: 'grid' }, createRng(1)).x, [0, 0.25, 0.5, 0.75, 1], { abs: 1e-15 });
    expect(sampleCurve({ n: 1, xDistribution: 'grid', domain: [2, 4] }, createRng(1)).x).toEqual([3]);
  });
  it('uniform: x sorted and inside the domain', () => {
    const { x } = sampleCurve({ n: 200, domain: [-1, 3] }, createRng(3));
    for (let i = 0; i < x.length; i++) {
      expect(x[i]! >= -1 && x[i]! < 3).toBe(true);
      if (i > 0) expect(x[i]!).toBeGreaterThanOrEqual(x[i - 1]!);
    }
  });
  it('noise 0 gives t = f(x) exactly', () => {
    const { x, y } = sampleCurve({ n: 30, fn: 'cubic', noise: 0 }, createRng(4));
    expect(y).toEqual(x.map(trueFunction('cubic')));
  });
  it('residuals t − f(x) have mean ≈ 0 and sd ≈ σ (n = 20000, σ = 0.3: |mean| < 0.015, |sd − σ| < 0.015, ≈ 5 s.e.)', () => {
    const { x, y } = sampleCurve({ n: 20000, noise: 0.3 }, createRng(5));
    const r = y.map((v, i) => v - Math.sin(2 * Math.PI * x[i]!));
    const mean = r.reduce((s, v) => s + v, 0) / r.length;
    const sd = Math.sqrt(r.reduce((s, v) => s + (v - mean) ** 2, 0) / (r.length - 1));
    expectClose(mean, 0, { abs: 0.015 });
    expectClose(sd, 0.3, { abs: 0.015 });
  });
  it('rejects bad options', () => {
    const rng = createRng(1);
    expect(() => sampleCurve({ n: -1 }, rng)).toThrow(/-1/);
    expect(() => sampleCurve({ n: 2.5 }, rng)).toThrow(RangeError);
    expect(() => sampleCurve({ n: 5, noise: -0.1 }, rng)).toThrow(/noise/);
    expect(() => sampleCurve({ n: 5, domain: [1, 1] }, rng)).toThrow(/domain/);
  });
});

describe('splitTrainValidation', () => {
  it('partitions the points: round(n·f) to validation, order kept, deterministic for a seed', () => {
    const sample = sampleCurve({ n: 25 }, createRng(6));
    const s1 = splitTrainValidation(sample, 0.3, createRng(9));
    expect(s1).toEqual(splitTrainValidation(sample, 0.3, createRng(9)));
    expect(s1.validation.x.length).toBe(8);
    expect(s1.train.x.length).toBe(17);
    expect([...s1.train.x, ...s1.validation.x].sort((a, b) => a - b)).toEqual(sample.x);
    for (const part of [s1.train, s1.validation]) {
      part.x.forEach((xi, i) => expect(part.y[i]).toBe(sample.y[sample.x.indexOf(xi)]));
      for (let i = 1; i < part.x.length; i++) expect(part.x[i]!).toBeGreaterThanOrEqual(part.x[i - 1]!);
    }
  });
  it('fractions 0 and 1 put everything on one side; a bad fraction throws', () => {
    const sample = sampleCurve({ n: 6 }, createRng(7));
    expect(splitTrainValidation(sample, 0, createRng(1)).train).toEqual(sample);
    expect(splitTrainValidation(sample, 1, createRng(1)).validation).toEqual(sample);
    expect(() => splitTrainValidation(sample, 1.5, createRng(1))).toThrow(/1\.5/);
  });
});
