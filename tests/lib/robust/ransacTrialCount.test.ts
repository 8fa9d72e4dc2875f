import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ransacTrialCount, theoreticalSuccessRate } from '../../../src/lib/robust/ransacTrialCount';
import { expectClose } from '../../helpers/expectClose';
import fixture from '../../fixtures/ransac.json';

describe('ransacTrialCount: published tables', () => {
  it('Hartley & Zisserman, Multiple View Geometry (2nd ed.), Table 4.3, p = 0.99', () => {
    // rows: sample size s; columns: outlier proportion ε = 5%, 10%, 20%, 25%, 30%, 40%, 50% (w = 1 − ε)
    const eps = [0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5];
    const table: Record<number, number[]> = {
      2: [2, 3, 5, 6, 7, 11, 17],
      3: [3, 4, 7, 9, 11, 19, 35],
      4: [3, 5, 9, 13, 17, 34, 72],
      5: [4, 6, 12, 17, 26, 57, 146],
      6: [4, 7, 16, 24, 37, 97, 293],
      7: [4, 8, 20, 33, 54, 163, 588],
      8: [5, 9, 26, 44, 78, 272, 1177],
    };
    for (const [s, row] of Object.entries(table)) {
      expect(eps.map((e) => ransacTrialCount(0.99, 1 - e, Number(s))), `s = ${s}`).toEqual(row);
    }
  });

  it('Szeliski, Computer Vision: Algorithms and Applications, Table 6.2 (after Stewart 1999), P = 0.99', () => {
    expect(ransacTrialCount(0.99, 0.5, 3)).toBe(35);
    expect(ransacTrialCount(0.99, 0.6, 6)).toBe(97);
    expect(ransacTrialCount(0.99, 0.5, 6)).toBe(293);
  });

  it('the brief\'s example: p = 0.99, s = 2, w = 0.5 → 17 (log 0.01 / log 0.75 = 16.008)', () => {
    expect(ransacTrialCount(0.99, 0.5, 2)).toBe(17);
  });

  it('exact integers by hand: 1 − p = (1 − wˢ)ᴺ exactly gives N, not N + 1', () => {
    expect(ransacTrialCount(0.75, 0.5, 1)).toBe(2); // 0.25 = 0.5²
    expect(ransacTrialCount(0.875, 0.5, 1)).toBe(3); // 0.125 = 0.5³
    expect(ransacTrialCount(0.9375, Math.SQRT1_2, 2)).toBe(4); // w² = 0.5, 0.0625 = 0.5⁴
    expect(ransacTrialCount(0.271, 0.1, 1)).toBe(3); // 0.729 = 0.9³; a bare float ceil gives 4
    expect(ransacTrialCount(0.3439, 0.1, 1)).toBe(4); // 0.6561 = 0.9⁴
  });
});

describe('ransacTrialCount: decimal-exact table from scripts/fixtures/ransac.py', () => {
  it(`matches all ${fixture.trialTable.length} rows computed with 60-digit decimals`, () => {
    for (const row of fixture.trialTable) {
      expect(ransacTrialCount(row.p, row.w, row.s), `p=${row.p} s=${row.s} w=${row.w}`).toBe(row.trials);
    }
  });

  it('agrees with scikit-learn _dynamic_max_trials except where sklearn rounds up or loses 1 − wˢ digits', () => {
    const differ = fixture.trialTable.filter((r) => r.trials !== r.sklearn);
    // sklearn is never below the exact value except at tiny wˢ, where log(1 − wˢ) loses digits (w = 0.1, s = 8)
    for (const r of differ) {
      const roundUp = r.sklearn === r.trials + 1;
      const tinyClean = r.w ** r.s < 1e-6;
      expect(roundUp || tinyClean, `p=${r.p} s=${r.s} w=${r.w}: ours ${r.trials}, sklearn ${r.sklearn}`).toBe(true);
    }
    const agree = fixture.trialTable.length - differ.length;
    expect(agree).toBeGreaterThan(250);
  });

  it('edges mirror scikit-learn: w = 0 → Infinity, w = 1 → 1', () => {
    for (const e of fixture.trialEdges) {
      const expected = e.sklearn === null ? Infinity : e.sklearn;
      expect(ransacTrialCount(e.p, e.w, e.s), `p=${e.p} w=${e.w}`).toBe(expected);
    }
  });
});

describe('ransacTrialCount: errors and properties', () => {
  it('rejects p outside (0, 1), w outside [0, 1] and bad sample sizes', () => {
    for (const p of [0, 1, -0.1, 1.5, NaN]) expect(() => ransacTrialCount(p, 0.5, 2)).toThrow(RangeError);
    expect(() => ransacTrialCount(1, 0.5, 2)).toThrow(/p must be in \(0, 1\), got 1/);
    for (const w of [-0.01, 1.01, NaN]) expect(() => ransacTrialCount(0.9, w, 2)).toThrow(RangeError);
    for (const s of [0, 1.5, -2]) expect(() => ransacTrialCount(0.9, 0.5, s)).toThrow(RangeError);
  });

  it('N is the smallest count whose success rate 1 − (1 − wˢ)ᴺ reaches p', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.999, noNaN: true }),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        (p, w, s) => {
          const N = ransacTrialCount(p, w, s);
          expect(Number.isInteger(N) && N >= 1).toBe(true);
          // 1e-9 slack: the guard deliberately forgives that much round-up
          expect(theoreticalSuccessRate(w, s, N)).toBeGreaterThanOrEqual(p - 1e-9);
          if (N > 1) expect(theoreticalSuccessRate(w, s, N - 1)).toBeLessThan(p + 1e-9);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('N grows with p and s and shrinks with w', () => {
    expect(ransacTrialCount(0.999, 0.5, 2)).toBeGreaterThan(ransacTrialCount(0.99, 0.5, 2));
    expect(ransacTrialCount(0.99, 0.5, 3)).toBeGreaterThan(ransacTrialCount(0.99, 0.5, 2));
    expect(ransacTrialCount(0.99, 0.7, 2)).toBeLessThan(ransacTrialCount(0.99, 0.5, 2));
  });
});

describe('theoreticalSuccessRate', () => {
  it('hand values: w = 0.5, s = 2 → 1 − 0.75ᴺ', () => {
    expectClose(theoreticalSuccessRate(0.5, 2, 0), 0, { abs: 1e-15 });
    expectClose(theoreticalSuccessRate(0.5, 2, 1), 0.25, { abs: 1e-15 });
    expectClose(theoreticalSuccessRate(0.5, 2, 2), 0.4375, { abs: 1e-15 });
    expectClose(theoreticalSuccessRate(0.5, 2, 3), 1 - 27 / 64, { abs: 1e-15 });
    expectClose(theoreticalSuccessRate(1, 2, 1), 1, { abs: 1e-15 });
    expectClose(theoreticalSuccessRate(0, 2, 50), 0, { abs: 1e-15 });
  });

  it('rejects impossible arguments', () => {
    expect(() => theoreticalSuccessRate(1.2, 2, 3)).toThrow(RangeError);
    expect(() => theoreticalSuccessRate(0.5, 0, 3)).toThrow(RangeError);
    expect(() => theoreticalSuccessRate(0.5, 2, -1)).toThrow(RangeError);
  });
});
