import { describe, expect, it } from 'vitest';
import {
  cleanSampleProbability,
  mergeSuccessCounts,
  ransacSuccessChunk,
  ransacSuccessSteps,
  ransacSuccessStudy,
  runSeed,
  successRates,
  theoreticalSuccessRate,
  type SuccessStudyConfig,
} from '../../../src/lib/robust/ransacSuccessRate';
import { expectClose } from '../../helpers/expectClose';

const config: SuccessStudyConfig = {
  data: { n: 40, outlierRatio: 0.5, noise: 0.05, slope: 1, intercept: 0 },
  threshold: 0.2,
  trialCounts: [1, 2, 4, 8, 16, 32],
  runs: 300,
  seed: 7,
  tolerance: 0.3,
};

describe('cleanSampleProbability', () => {
  it('hand values: 3 inliers of 4 → (3/4)(2/3) = 1/2; 20 of 40 → (20/40)(19/39)', () => {
    expectClose(cleanSampleProbability(3, 4, 2), 0.5, { abs: 1e-15 });
    expectClose(cleanSampleProbability(20, 40, 2), (20 / 40) * (19 / 39), { abs: 1e-15 });
    expectClose(cleanSampleProbability(1, 10, 2), 0, { abs: 1e-15 });
    expectClose(cleanSampleProbability(10, 10, 3), 1, { abs: 1e-15 });
    expect(() => cleanSampleProbability(5, 4, 2)).toThrow(RangeError);
    expect(() => cleanSampleProbability(2, 4, 5)).toThrow(RangeError);
  });
});

describe('ransacSuccessStudy', () => {
  const study = ransacSuccessStudy(config);

  it('the clean-sample rate matches 1 − (1 − q)ᴺ within 4 binomial standard errors', () => {
    // each run has exactly 20 generated inliers of 40; samples are without replacement, so the per-trial
    // clean probability is q = (20/40)(19/39) (≈ w² = 0.25); runs are independent seeded streams
    const q = cleanSampleProbability(20, 40, 2);
    const rates = successRates(study);
    config.trialCounts.forEach((N, k) => {
      const p = 1 - (1 - q) ** N;
      const se = Math.sqrt((p * (1 - p)) / config.runs);
      expectClose(rates.anyCleanSample[k], p, { abs: 4 * se + 1e-9 });
    });
  });

  it('the with-replacement theory 1 − (1 − w²)ᴺ is within 0.06 of the without-replacement one here', () => {
    const q = cleanSampleProbability(20, 40, 2);
    for (const N of config.trialCounts) expectClose(theoreticalSuccessRate(0.5, 2, N), 1 - (1 - q) ** N, { abs: 0.06 });
  });

  it('counts are ordered: success never decreases with N; a clean best sample implies some clean sample', () => {
    const inc = (xs: number[]) => xs.every((v, k) => k === 0 || v >= xs[k - 1]!);
    expect(inc(study.anyCleanSample)).toBe(true);
    study.bestSampleClean.forEach((v, k) => expect(v).toBeLessThanOrEqual(study.anyCleanSample[k]!));
    expect(study.runs).toBe(config.runs);
  });

  it('with 32 trials nearly every run recovers the line (theory: 1 − 0.756³² ≈ 0.9999)', () => {
    const rates = successRates(study);
    expect(rates.withinTolerance.at(-1)).toBeGreaterThanOrEqual(0.97);
    // a best sample may hold an outlier that happens to lie in the band near the line (uniform box),
    // so "best sample clean" is lower than "line recovered"
    expect(rates.bestSampleClean.at(-1)).toBeGreaterThanOrEqual(0.9);
    // with one trial, success needs that one sample to be clean: about q ≈ 0.24
    expect(rates.withinTolerance[0]).toBeLessThan(0.4);
  });

  it('chunks merge to the single-pass totals, whatever the chunking', () => {
    const a = ransacSuccessChunk(config, 0, 123);
    const b = ransacSuccessChunk(config, 123, 300);
    expect(mergeSuccessCounts(a, b)).toEqual(study);
    const steps = [...ransacSuccessSteps(config, 70)];
    expect(steps.map((s) => s.done)).toEqual([70, 140, 210, 280, 300]);
    expect(steps.every((s) => s.total === 300)).toBe(true);
    expect(steps.at(-1)!.counts).toEqual(study);
  });

  it('is deterministic for a seed and changes with it', () => {
    const small = { ...config, runs: 30 };
    expect(ransacSuccessStudy(small)).toEqual(ransacSuccessStudy(small));
    expect(ransacSuccessStudy({ ...small, seed: 8 })).not.toEqual(ransacSuccessStudy(small));
  });

  it('run seeds are distinct positive integers', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, r) => runSeed(7, r)));
    expect(seeds.size).toBe(1000);
    for (const s of seeds) expect(Number.isInteger(s) && s > 0).toBe(true);
  });

  it('rejects bad configurations', () => {
    expect(() => ransacSuccessChunk({ ...config, trialCounts: [] }, 0, 1)).toThrow(RangeError);
    expect(() => ransacSuccessChunk({ ...config, trialCounts: [0, 3] }, 0, 1)).toThrow(RangeError);
    expect(() => ransacSuccessChunk(config, 10, 5)).toThrow(RangeError);
    expect(() => ransacSuccessChunk(config, 0, 301)).toThrow(RangeError);
    expect(() => ransacSuccessChunk({ ...config, threshold: 0 }, 0, 1)).toThrow(RangeError);
    expect(() => ransacSuccessSteps(config, 0).next()).toThrow(RangeError);
    expect(successRates(ransacSuccessChunk(config, 0, 0)).anyCleanSample).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
