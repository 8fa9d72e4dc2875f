import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitTree, impurity, isSplit, predictTreeProba, treeLeaf, type TreeLeaf, type TreeNode } from '../../../src/lib/trees/cart';
import { createRng } from '../../../src/lib/random';
import fixture from '../../fixtures/trees.json';
import { expectClose } from '../../helpers/expectClose';

/** Nodes in preorder (node, left subtree, right subtree): sklearn's node numbering. */
function preorder(tree: TreeNode): TreeNode[] {
  return isSplit(tree) ? [tree, ...preorder(tree.left), ...preorder(tree.right)] : [tree];
}

function depth(tree: TreeNode): number {
  return isSplit(tree) ? 1 + Math.max(depth(tree.left), depth(tree.right)) : 0;
}

describe('impurity (hand-derived)', () => {
  it('gini and entropy of small count vectors', () => {
    // [2, 2]: gini 1 − (¼ + ¼) = ½, entropy 1 bit; [3, 1]: gini 1 − 9/16 − 1/16 = 3/8,
    // entropy −¾ log₂ ¾ − ¼ log₂ ¼ = ¾ (2 − log₂ 3) + ½.
    expectClose(impurity([2, 2], 'gini'), 0.5, { abs: 1e-15 });
    expectClose(impurity([2, 2], 'entropy'), 1, { abs: 1e-15 });
    expectClose(impurity([3, 1], 'gini'), 0.375, { abs: 1e-15 });
    expectClose(impurity([3, 1], 'entropy'), 0.75 * (2 - Math.log2(3)) + 0.5, { abs: 1e-15 });
    expectClose(impurity([5, 0, 0], 'entropy'), 0, { abs: 1e-15 });
    // Three equal classes: gini 2/3, entropy log₂ 3.
    expectClose(impurity([1, 1, 1], 'gini'), 2 / 3, { abs: 1e-15 });
    expectClose(impurity([1, 1, 1], 'entropy'), Math.log2(3), { abs: 1e-15 });
  });
});

describe('fitTree (hand-derived)', () => {
  it('splits a separable line at the midpoint and makes pure leaves', () => {
    const tree = fitTree([[1], [2], [3], [4]], [0, 0, 1, 1]);
    expect(isSplit(tree)).toBe(true);
    if (!isSplit(tree)) return;
    expect(tree.feature).toBe(0);
    expectClose(tree.threshold, 2.5, { abs: 1e-15 });
    expectClose(tree.impurity, 0.5, { abs: 1e-15 });
    expectClose(tree.left.counts, [2, 0], { abs: 1e-15 });
    expectClose(tree.right.counts, [0, 2], { abs: 1e-15 });
    expect(isSplit(tree.left) || isSplit(tree.right)).toBe(false);
  });

  it('uses midpoints between distinct values only (duplicates are one candidate)', () => {
    // Values 1, 1, 1, 3: the only threshold is 2, whatever the labels of the tied rows.
    const tree = fitTree([[1], [1], [1], [3]], [0, 1, 0, 1]);
    expect(isSplit(tree)).toBe(true);
    if (isSplit(tree)) expectClose(tree.threshold, 2, { abs: 1e-15 });
    // x <= threshold goes left: a point exactly on the threshold follows the left branch.
    const t2 = fitTree([[0], [2]], [0, 1]);
    expectClose(predictTreeProba(t2, [1]), [1, 0], { abs: 1e-15 });
    expectClose(predictTreeProba(t2, [1.0000001]), [0, 1], { abs: 1e-15 });
  });

  it('breaks ties between equally good features towards the lowest index', () => {
    // Columns 1 and 2 separate the classes equally well (copies); column 0 is useless.
    const X = [[5, 1, 1], [5, 2, 2], [5, 3, 3], [5, 4, 4]];
    const tree = fitTree(X, [0, 0, 1, 1]);
    expect(isSplit(tree) && tree.feature).toBe(1);
    const swapped = fitTree(X.map(([a, b, c]) => [c!, b!, a!]), [0, 0, 1, 1]);
    expect(isSplit(swapped) && swapped.feature).toBe(0);
  });

  it('splits XOR even though the root split has zero impurity decrease (as sklearn does)', () => {
    // Every root split of the 2×2 XOR leaves each child at gini ½: Δ = 0. The first candidate
    // (feature 0, threshold 0.5) is taken; depth 2 then separates all four points.
    const X = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const y = [0, 1, 1, 0];
    const tree = fitTree(X, y);
    expect(isSplit(tree) && tree.feature).toBe(0);
    if (isSplit(tree)) expectClose(tree.threshold, 0.5, { abs: 1e-15 });
    expect(depth(tree)).toBe(2);
    X.forEach((x, i) => expect(predictTreeProba(tree, x)[y[i]!]).toBe(1));
  });

  it('respects maxDepth, minSamplesLeaf and minSamplesSplit', () => {
    const X = Array.from({ length: 30 }, (_, i) => [i, (i * 7) % 11]);
    const y = X.map((_, i) => i % 3);
    const stump = fitTree(X, y, { maxDepth: 0 });
    expect(isSplit(stump)).toBe(false);
    expectClose(stump.counts, [10, 10, 10], { abs: 1e-15 });
    expect(depth(fitTree(X, y, { maxDepth: 2 }))).toBeLessThanOrEqual(2);
    for (const leaf of preorder(fitTree(X, y, { minSamplesLeaf: 4 })).filter((nd) => !isSplit(nd))) {
      expect(leaf.nSamples).toBeGreaterThanOrEqual(4);
    }
    for (const nd of preorder(fitTree(X, y, { minSamplesSplit: 9 })).filter(isSplit)) {
      expect(nd.nSamples).toBeGreaterThanOrEqual(9);
    }
  });

  it('integer sample weights act like duplicated rows', () => {
    const X = [[0.1, 3], [0.4, 1], [0.35, 2], [0.8, 0.5], [0.9, 2.5], [0.2, 0.2], [0.6, 1.7]];
    const y = [0, 1, 0, 1, 1, 0, 2];
    const w = [2, 0, 1, 3, 1, 2, 1];
    const weighted = fitTree(X, y, { sampleWeight: w, nClasses: 3 });
    const Xd = X.flatMap((x, i) => Array.from({ length: w[i]! }, () => x));
    const yd = y.flatMap((c, i) => Array.from({ length: w[i]! }, () => c));
    const duplicated = fitTree(Xd, yd, { nClasses: 3 });
    const strip = (nd: TreeNode): unknown => (isSplit(nd)
      ? { f: nd.feature, t: nd.threshold, c: nd.counts, i: nd.impurity, l: strip(nd.left), r: strip(nd.right) }
      : { c: nd.counts, i: nd.impurity });
    expectClose(strip(weighted), strip(duplicated), { abs: 1e-12 });
    // A weight-0 row is not in the tree at all.
    expect(weighted.nSamples).toBe(6);
  });

  it('nClasses pads the count vectors of every node', () => {
    const tree = fitTree([[0], [1]], [0, 1], { nClasses: 4 });
    for (const nd of preorder(tree)) expect(nd.counts.length).toBe(4);
    expectClose(predictTreeProba(tree, [0]), [1, 0, 0, 0], { abs: 1e-15 });
  });

  it('throws RangeError on impossible input', () => {
    expect(() => fitTree([], [])).toThrow(RangeError);
    expect(() => fitTree([[1], [2]], [0])).toThrow(RangeError);
    expect(() => fitTree([[1], [2, 3]], [0, 1])).toThrow(RangeError);
    expect(() => fitTree([[1], [2]], [0, -1])).toThrow(RangeError);
    expect(() => fitTree([[1], [2]], [0, 0.5])).toThrow(RangeError);
    expect(() => fitTree([[1], [2]], [0, 2], { nClasses: 2 })).toThrow(RangeError);
    expect(() => fitTree([[1], [NaN]], [0, 1])).toThrow(RangeError);
    expect(() => fitTree([[1], [2]], [0, 1], { maxDepth: -1 })).toThrow(RangeError);
    expect(() => fitTree([[1], [2]], [0, 1], { minSamplesLeaf: 0 })).toThrow(RangeError);
    expect(() => fitTree([[1], [2]], [0, 1], { maxFeatures: 2 })).toThrow(RangeError);
    expect(() => fitTree([[1], [2]], [0, 1], { sampleWeight: [1] })).toThrow(RangeError);
    expect(() => fitTree([[1], [2]], [0, 1], { sampleWeight: [0, 0] })).toThrow(RangeError);
    expect(() => fitTree([[1], [2]], [0, 1], { sampleWeight: [1, -1] })).toThrow(RangeError);
  });
});

describe('fitTree against scikit-learn', () => {
  const ref = fixture.rootSplits;
  for (const criterion of ['gini', 'entropy'] as const) {
    it(`root split on the 12-point set matches DecisionTreeClassifier(max_depth=1) (${criterion})`, () => {
      const tree = fitTree(ref.X, ref.y, { criterion, maxDepth: 1 });
      expect(isSplit(tree)).toBe(true);
      if (!isSplit(tree)) return;
      expect(tree.feature).toBe(ref[criterion].best.feature);
      // sklearn stores thresholds as float32-derived doubles; the data are small integers/halves.
      expectClose(tree.threshold, ref[criterion].best.threshold, { abs: 1e-6 });
      // Fixture values are rounded to 12 significant digits.
      expectClose(tree.impurity, ref[criterion].parentImpurity, { rel: 1e-11 });
    });
  }

  const d3 = fixture.depth3;
  for (const criterion of ['gini', 'entropy'] as const) {
    it(`depth-3 tree node by node, leaf partitions of the training rows (${criterion})`, () => {
      const tree = fitTree(d3.X, d3.y, { criterion, maxDepth: d3.maxDepth, nClasses: d3.nClasses });
      const nodes = preorder(tree);
      const expected = d3[criterion];
      expect(nodes.length).toBe(expected.length);
      const leafRows = new Map<TreeLeaf, number[]>();
      d3.X.forEach((x, i) => {
        const leaf = treeLeaf(tree, x);
        leafRows.set(leaf, [...(leafRows.get(leaf) ?? []), i]);
      });
      expected.forEach((e, j) => {
        const node = nodes[j]!;
        expect(node.nSamples, `node ${j} nSamples`).toBe(e.nSamples);
        expectClose(node.counts, e.counts, { abs: 1e-12 });
        // Fixture values are rounded to 12 significant digits.
        expectClose(node.impurity, e.impurity, { abs: 1e-15, rel: 1e-11 });
        if (e.feature === null) {
          expect(isSplit(node), `node ${j} is a leaf`).toBe(false);
          expect(leafRows.get(node) ?? [], `rows of leaf ${j}`).toEqual(e.samples);
        } else {
          expect(isSplit(node) && node.feature, `node ${j} feature`).toBe(e.feature);
          // Data lie on a 1/256 grid, exact in float32, so sklearn's midpoints equal ours.
          if (isSplit(node)) expectClose(node.threshold, e.threshold, { abs: 1e-9 });
        }
      });
    });
  }
});

/** Distinct 2-D integer points with labels in 0..K−1. */
const labelledPoints = fc
  .integer({ min: 2, max: 4 })
  .chain((K) => fc.record({
    K: fc.constant(K),
    pts: fc.uniqueArray(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 }), fc.integer({ min: 0, max: K - 1 })), {
      minLength: 1,
      maxLength: 40,
      selector: ([a, b]) => `${a},${b}`,
    }),
  }));

describe('fitTree properties (fast-check)', () => {
  it('an unlimited tree fits distinct training points perfectly (all features or random subsets)', () => {
    fc.assert(
      fc.property(labelledPoints, fc.boolean(), fc.integer({ min: 0, max: 1000 }), ({ K, pts }, subsample, seed) => {
        const X = pts.map(([a, b]) => [a, b]);
        const y = pts.map(([, , c]) => c);
        const tree = fitTree(X, y, { nClasses: K, ...(subsample ? { maxFeatures: 1, rng: createRng(seed) } : {}) });
        X.forEach((x, i) => {
          const p = predictTreeProba(tree, x);
          expect(p[y[i]!]).toBe(1);
        });
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('predictions are probability vectors of length K', () => {
    fc.assert(
      fc.property(
        labelledPoints,
        fc.array(fc.tuple(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true })), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 5 }),
        ({ K, pts }, queries, maxDepth) => {
          const tree = fitTree(pts.map(([a, b]) => [a, b]), pts.map(([, , c]) => c), { nClasses: K, maxDepth });
          for (const q of queries) {
            const p = predictTreeProba(tree, q);
            expect(p.length).toBe(K);
            for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
            expectClose(p.reduce((s, v) => s + v, 0), 1, { abs: 1e-12 });
          }
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});
