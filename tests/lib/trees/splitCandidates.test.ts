import { describe, expect, it } from 'vitest';
import { fitTree, isSplit } from '../../../src/lib/trees/cart';
import { splitCandidates } from '../../../src/lib/trees/splitCandidates';
import fixture from '../../fixtures/trees.json';
import { expectClose } from '../../helpers/expectClose';

describe('splitCandidates', () => {
  it('hand-derived: 4 points on a line, gini', () => {
    // y = 0 0 1 1 at x = 1 2 3 4; parent gini ½.
    // t = 1.5: left {0} (gini 0), right {0,1,1} (gini 4/9): Δ = ½ − ¾·4/9 = 1/6.
    // t = 2.5: both pure: Δ = ½.   t = 3.5: symmetric to 1.5: Δ = 1/6.
    const c = splitCandidates([[1], [2], [3], [4]], [0, 0, 1, 1]);
    expectClose(c.map((s) => s.threshold), [1.5, 2.5, 3.5], { abs: 1e-15 });
    expectClose(c.map((s) => s.decrease), [1 / 6, 1 / 2, 1 / 6], { abs: 1e-15 });
    expectClose(c[0]!.leftCounts, [1, 0], { abs: 1e-15 });
    expectClose(c[0]!.rightCounts, [1, 2], { abs: 1e-15 });
  });

  const ref = fixture.rootSplits;
  for (const criterion of ['gini', 'entropy'] as const) {
    it(`every root candidate and its decrease match scikit-learn (${criterion})`, () => {
      const ours = splitCandidates(ref.X, ref.y, { criterion, nClasses: ref.nClasses });
      const expected = ref[criterion].candidates;
      expect(ours.map((s) => s.feature)).toEqual(expected.map((e) => e.feature));
      expectClose(ours.map((s) => s.threshold), expected.map((e) => e.threshold), { abs: 1e-12 });
      // sklearn's impurities are double precision; the fixture is rounded to 12 significant digits.
      expectClose(ours.map((s) => s.decrease), expected.map((e) => e.decrease), { abs: 1e-15, rel: 1e-11 });
    });

    it(`fitTree's root takes the best candidate (${criterion})`, () => {
      const cands = splitCandidates(ref.X, ref.y, { criterion });
      const best = cands.reduce((a, b) => (b.decrease > a.decrease ? b : a));
      const tree = fitTree(ref.X, ref.y, { criterion, maxDepth: 1 });
      expect(isSplit(tree) && tree.feature).toBe(best.feature);
      if (isSplit(tree)) expectClose(tree.threshold, best.threshold, { abs: 1e-15 });
    });
  }

  it('weighted rows: zero weight drops a row, integer weight counts it repeatedly', () => {
    const X = [[1], [2], [3]];
    const y = [0, 1, 1];
    const weighted = splitCandidates(X, y, { sampleWeight: [2, 0, 1] });
    expect(weighted.length).toBe(1);
    expectClose(weighted[0]!.threshold, 2, { abs: 1e-15 });
    expectClose(weighted[0]!.leftCounts, [2, 0], { abs: 1e-15 });
    // Parent [2, 1]: gini 1 − 4/9 − 1/9 = 4/9; both children pure: Δ = 4/9.
    expectClose(weighted[0]!.decrease, 4 / 9, { abs: 1e-15 });
    expect(() => splitCandidates(X, y, { sampleWeight: [1] })).toThrow(RangeError);
  });
});
