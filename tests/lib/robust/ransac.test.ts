import { describe, expect, it } from 'vitest';
import { leastSquaresLine, ransacLine, ransacTrialCount, type RansacTrial } from '../../../src/lib/robust/ransac';
import { expectClose } from '../../helpers/expectClose';

const onLine = (m: number, b: number, xs: number[]) => xs.map((x) => ({ x, y: m * x + b }));

describe('ransacLine: hand-derived cases', () => {
  it('points exactly on y = 3x − 2: every candidate is that line, all points are inliers', () => {
    const points = onLine(3, -2, [0, 1, 2, 3, 4, 5]);
    const res = ransacLine(points, { threshold: 1e-6, seed: 1 });
    expectClose({ slope: res.slope, intercept: res.intercept }, { slope: 3, intercept: -2 }, { abs: 1e-12 });
    expect(res.inliers).toEqual(points.map(() => true));
    expect(res.trials).toHaveLength(100); // maxTrials default 100, no early stop
    expect(res.trials.filter((t) => t.becameBest)).toHaveLength(1); // later ties keep the first
    expect(res.trials[0]!.becameBest).toBe(true);
  });

  it('one far outlier is excluded and the refit is the line through the rest', () => {
    const points = [...onLine(0.5, 1, [0, 2, 4, 6, 8]), { x: 3, y: 40 }];
    const res = ransacLine(points, { threshold: 0.1, seed: 3, maxTrials: 50 });
    expect(res.inliers).toEqual([true, true, true, true, true, false]);
    expectClose({ slope: res.slope, intercept: res.intercept }, { slope: 0.5, intercept: 1 }, { abs: 1e-12 });
  });

  it('ties keep the earlier candidate: two equally supported parallel groups', () => {
    // group A on y = 0 at x = 0, 1, 2; group B on y = 10 at x = 0.5, 1.5, 2.5. Within-group candidates
    // have 3 inliers, mixed ones 2, so the first within-group trial wins and no later tie replaces it.
    const A = onLine(0, 0, [0, 1, 2]);
    const B = onLine(0, 10, [0.5, 1.5, 2.5]);
    const points = [...A, ...B];
    for (const seed of [1, 2, 3, 4, 5]) {
      const res = ransacLine(points, { threshold: 0.1, seed });
      const firstThree = res.trials.find((t) => t.inlierCount === 3)!;
      expect(firstThree.becameBest).toBe(true);
      const group = firstThree.sample[0] < 3 ? 'A' : 'B';
      expect(res.trials.filter((t) => t.inlierCount === 3 && t !== firstThree).every((t) => !t.becameBest)).toBe(true);
      expect(res.inliers).toEqual(group === 'A' ? [true, true, true, false, false, false] : [false, false, false, true, true, true]);
      expectClose(res.intercept, group === 'A' ? 0 : 10, { abs: 1e-12 });
      expectClose(res.slope, 0, { abs: 1e-12 });
    }
  });

  it('a pair with equal x is recorded as a skipped trial, never a NaN line', () => {
    // x = 0 twice: the pair (0, 1) or (1, 0) is vertical; drawn with probability 2/(4·3) per trial
    const points = [{ x: 0, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 }, { x: 2, y: 2 }];
    const res = ransacLine(points, { threshold: 0.01, seed: 11, maxTrials: 200 });
    const skipped = res.trials.filter((t) => t.skipped);
    expect(skipped.length).toBeGreaterThan(0);
    for (const t of skipped) {
      expect(t.line).toBeNull();
      expect(t.inlierCount).toBe(0);
      expect(t.becameBest).toBe(false);
      expect([...t.sample].sort()).toEqual([0, 1]);
    }
    for (const t of res.trials) if (t.line) expect(Number.isFinite(t.line.slope) && Number.isFinite(t.line.intercept)).toBe(true);
    // y = x through (0,0), (1,1), (2,2) has 3 inliers, the most possible
    expect(res.inliers).toEqual([true, false, true, true]);
    expectClose({ slope: res.slope, intercept: res.intercept }, { slope: 1, intercept: 0 }, { abs: 1e-12 });
  });

  it('perpendicular residual admits a point at vertical distance 1 but orthogonal distance 1/√5 from y = 2x', () => {
    const points = [...onLine(2, 0, [0, 1, 2, 3, 4, 5, 6, 7]), { x: 1.5, y: 4 }];
    const vertical = ransacLine(points, { threshold: 0.5, seed: 5, refit: false });
    const perpendicular = ransacLine(points, { threshold: 0.5, seed: 5, refit: false, residual: 'perpendicular' });
    expect(vertical.inliers.at(-1)).toBe(false);
    expect(perpendicular.inliers.at(-1)).toBe(true);
    expect(perpendicular.inliers.slice(0, 8).every(Boolean)).toBe(true);
    // without refit the answer is the 2-point candidate itself: exactly y = 2x for integer points
    expectClose({ slope: perpendicular.slope, intercept: perpendicular.intercept }, { slope: 2, intercept: 0 }, { abs: 1e-12 });
    // with refit, the 9-point least-squares line
    const refit = ransacLine(points, { threshold: 0.5, seed: 5, residual: 'perpendicular' });
    expectClose({ slope: refit.slope, intercept: refit.intercept }, leastSquaresLine(points), { abs: 1e-12 });
  });

  it('refit: false returns the best candidate; refit: true its least-squares line on the same inlier set', () => {
    const points = [{ x: 0, y: 0 }, { x: 1, y: 1.05 }, { x: 2, y: 1.95 }, { x: 3, y: 3 }, { x: 1.5, y: 9 }];
    const raw = ransacLine(points, { threshold: 0.2, seed: 2, refit: false });
    const fit = ransacLine(points, { threshold: 0.2, seed: 2 });
    expect(fit.inliers).toEqual(raw.inliers);
    expect(raw.inliers).toEqual([true, true, true, true, false]);
    const best = raw.trials.filter((t) => t.becameBest).at(-1)!;
    expectClose({ slope: raw.slope, intercept: raw.intercept }, best.line!, { abs: 1e-15 });
    expectClose({ slope: fit.slope, intercept: fit.intercept }, leastSquaresLine(points.slice(0, 4)), { abs: 1e-12 });
  });
});

describe('ransacLine: trial budget with stopProbability (scikit-learn semantics)', () => {
  it('no outliers: the first candidate has w = 1, so N = 1 and one trial runs', () => {
    const res = ransacLine(onLine(1, 0, [0, 1, 2, 3]), { threshold: 0.1, seed: 9, stopProbability: 0.99 });
    expect(res.trials).toHaveLength(1);
    expect(res.trials[0]!.budget).toBe(1);
  });

  it('budget shrinks to ransacTrialCount(p, best/n, 2) at each improvement and never grows', () => {
    const points = [...onLine(1, 0, [0, 1, 2, 3, 4, 5]), { x: 0.5, y: 8 }, { x: 2.5, y: -7 }, { x: 4.5, y: 9 }, { x: 1.5, y: -9 }];
    const res = ransacLine(points, { threshold: 0.1, seed: 4, stopProbability: 0.95, maxTrials: 1000 });
    let budget = 1000;
    for (const t of res.trials as RansacTrial[]) {
      if (t.becameBest) budget = Math.min(budget, ransacTrialCount(0.95, t.inlierCount / points.length, 2));
      expect(t.budget).toBe(budget);
    }
    expect(res.trials.length).toBe(Math.max(budget, res.trials.findLastIndex((t) => t.becameBest) + 1));
    // w = 0.6: N = ⌈log 0.05 / log 0.64⌉ = ⌈6.71⌉ = 7
    expect(budget).toBe(7);
  });
});

describe('ransacLine: bad input', () => {
  const ok = onLine(1, 0, [0, 1, 2]);
  it('throws RangeError naming the bad value', () => {
    expect(() => ransacLine([], { threshold: 1, seed: 1 })).toThrow(/at least 2 points, got 0/);
    expect(() => ransacLine([{ x: 1, y: 1 }], { threshold: 1, seed: 1 })).toThrow(RangeError);
    expect(() => ransacLine([{ x: 1, y: 2 }, { x: 1, y: 2 }, { x: 1, y: 2 }], { threshold: 1, seed: 1 })).toThrow(/identical/);
    expect(() => ransacLine([{ x: 1, y: 2 }, { x: 1, y: 3 }], { threshold: 1, seed: 1 })).toThrow(/x = 1/);
    expect(() => ransacLine(ok, { threshold: 0, seed: 1 })).toThrow(/threshold .* got 0/);
    expect(() => ransacLine(ok, { threshold: -1, seed: 1 })).toThrow(RangeError);
    expect(() => ransacLine(ok, { threshold: NaN, seed: 1 })).toThrow(RangeError);
    expect(() => ransacLine(ok, { threshold: 1, seed: 1, stopProbability: 1 })).toThrow(/stopProbability .* got 1/);
    expect(() => ransacLine(ok, { threshold: 1, seed: 1, stopProbability: 0 })).toThrow(RangeError);
    expect(() => ransacLine(ok, { threshold: 1, seed: 1, maxTrials: 0 })).toThrow(/maxTrials/);
    expect(() => ransacLine(ok, { threshold: 1, seed: 1, maxTrials: 2.5 })).toThrow(RangeError);
    expect(() => ransacLine([{ x: 0, y: 0 }, { x: Infinity, y: 1 }], { threshold: 1, seed: 1 })).toThrow(/finite/);
  });

  it('throws a plain Error when every trial happened to be skipped', () => {
    // 3 points, 2 sharing x; with one trial, some seed draws the vertical pair
    const points = [{ x: 0, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 }];
    let thrown = 0;
    for (let seed = 0; seed < 30; seed++) {
      try {
        ransacLine(points, { threshold: 0.1, seed, maxTrials: 1 });
      } catch (e) {
        expect(e).toBeInstanceOf(Error);
        expect(e).not.toBeInstanceOf(RangeError);
        thrown++;
      }
    }
    expect(thrown).toBeGreaterThan(0);
  });
});
