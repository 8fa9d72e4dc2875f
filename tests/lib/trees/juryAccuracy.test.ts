import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { juryAccuracy, juryVoteDistribution } from '../../../src/lib/trees/juryAccuracy';
import fixture from '../../fixtures/trees.json';
import { expectClose } from '../../helpers/expectClose';

describe('juryAccuracy (hand-derived)', () => {
  it('independent voters follow the binomial', () => {
    // B = 3, p = 0.6: P(S ≥ 2) = 0.6³ + 3·0.6²·0.4 = 0.216 + 0.432 = 0.648.
    expectClose(juryAccuracy(3, 0.6), 0.648, { abs: 1e-14 });
    // B = 5, p = 0.7: Σ_{k≥3} C(5,k) .7^k .3^(5−k) = 0.3087 + 0.36015 + 0.16807 = 0.83692.
    expectClose(juryAccuracy(5, 0.7, 0), 0.83692, { abs: 1e-14 });
    // B = 4, p = ½: P(S ≥ 3) + ½ P(S = 2) = 5/16 + ½ · 6/16 = ½.
    expectClose(juryAccuracy(4, 0.5), 0.5, { abs: 1e-14 });
  });

  it('one voter, two voters (tie split by a coin) and perfectly correlated voters all give p', () => {
    // B = 2: P(S = 2) + ½ P(S = 1) = E[π²] + E[π(1 − π)] = E[π] = p for any ρ.
    for (const p of [0.2, 0.55, 0.9]) {
      expectClose(juryAccuracy(1, p, 0.3), p, { abs: 1e-14 });
      for (const rho of [0, 0.1, 0.6]) expectClose(juryAccuracy(2, p, rho), p, { abs: 1e-14 });
      expectClose(juryAccuracy(101, p, 1), p, { abs: 1e-14 });
    }
  });

  it('beta-binomial pmf by hand: B = 2, p = ½, ρ = ⅓ (α = β = 1, uniform π)', () => {
    // With π ~ U(0, 1): P(S = k) = ∫ C(2,k) π^k (1 − π)^(2−k) dπ = 1/3 for k = 0, 1, 2.
    expectClose(juryVoteDistribution(2, 0.5, 1 / 3), [1 / 3, 1 / 3, 1 / 3], { abs: 1e-14 });
  });

  it('throws RangeError on impossible arguments', () => {
    expect(() => juryAccuracy(0, 0.5)).toThrow(RangeError);
    expect(() => juryAccuracy(2.5, 0.5)).toThrow(RangeError);
    expect(() => juryAccuracy(3, 1.2)).toThrow(RangeError);
    expect(() => juryAccuracy(3, 0.5, -0.1)).toThrow(RangeError);
    expect(() => juryAccuracy(3, 0.5, NaN)).toThrow(RangeError);
  });
});

describe('juryAccuracy against scipy.stats.betabinom / binom', () => {
  it('matches every (B, p, ρ) case of the fixture', () => {
    for (const { B, p, rho, accuracy } of fixture.jury) {
      // Fixture rounded to 12 significant digits.
      expectClose(juryAccuracy(B, p, rho), accuracy, { abs: 1e-11 });
    }
  });
});

describe('juryVoteDistribution properties (fast-check)', () => {
  it('is a probability distribution with mean B·p; accuracy is monotone in ρ for p > ½ and odd B', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (B, p, rho) => {
          const pmf = juryVoteDistribution(B, p, rho);
          expect(pmf.length).toBe(B + 1);
          for (const v of pmf) expect(v >= 0).toBe(true);
          expectClose(pmf.reduce((s, v) => s + v, 0), 1, { abs: 1e-9 });
          // E[S] = B·p under every ρ (each voter is right with probability p).
          expectClose(pmf.reduce((s, v, k) => s + k * v, 0), B * p, { abs: 1e-8 * B });
        },
      ),
      { seed: 42, numRuns: 200 },
    );
    // Correlation hurts a competent majority: for p = 0.7, B = 25, accuracy decreases in ρ towards p.
    const acc = [0, 0.05, 0.2, 0.5, 0.9, 1].map((rho) => juryAccuracy(25, 0.7, rho));
    for (let i = 1; i < acc.length; i++) expect(acc[i]!).toBeLessThan(acc[i - 1]!);
    expectClose(acc[acc.length - 1], 0.7, { abs: 1e-14 });
  });
});
