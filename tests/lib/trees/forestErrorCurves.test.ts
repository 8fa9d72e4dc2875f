import { describe, expect, it } from 'vitest';
import { makeClassification2d } from '../../../src/lib/data/classification2d';
import { argmax, fitForest, predictForestProba } from '../../../src/lib/trees/forest';
import { forestErrorCurves } from '../../../src/lib/trees/forestErrorCurves';
import fixture from '../../fixtures/trees.json';
import { expectClose } from '../../helpers/expectClose';

describe('forestErrorCurves', () => {
  const train = makeClassification2d({ shape: 'moons', n: 120, noise: 0.3, seed: 1 });
  const test = makeClassification2d({ shape: 'moons', n: 80, noise: 0.3, seed: 2 });
  const forest = fitForest(train.X, train.y, { nTrees: 15, seed: 3 });
  const curves = forestErrorCurves(forest, train.X, train.y, test);

  it('has one entry per tree count and ends at the forest OOB error', () => {
    expect(curves.oob.length).toBe(15);
    expect(curves.test.length).toBe(15);
    expectClose(curves.oob[14], forest.oobError, { abs: 1e-15 });
  });

  it('each entry equals the error of the forest truncated to its first b trees', () => {
    for (const b of [1, 4, 15]) {
      const sub = fitForest(train.X, train.y, { nTrees: b, seed: 3 });
      // Tree t depends only on the seed and t, so a b-tree forest is the first b trees.
      expect(JSON.stringify(sub.trees)).toBe(JSON.stringify(forest.trees.slice(0, b)));
      expectClose(curves.oob[b - 1], sub.oobError, { abs: 1e-15 });
      const wrong = test.X.filter((x, i) => argmax(predictForestProba(sub, x)) !== test.y[i]).length;
      expectClose(curves.test[b - 1], wrong / test.X.length, { abs: 1e-15 });
    }
  });

  it('matches the scikit-learn OOB reference at the full tree count', () => {
    const ref = fixture.oob;
    const f = fitForest(ref.X, ref.y, { nTrees: ref.samples.length, samples: ref.samples, maxDepth: ref.maxDepth, maxFeatures: 'all', seed: 0 });
    const c = forestErrorCurves(f, ref.X, ref.y);
    expect(c.test).toEqual([]);
    expectClose(c.oob[c.oob.length - 1], ref.gini.oobError, { abs: 1e-12 });
  });

  it('is null while no row has been out of bag', () => {
    const f = fitForest([[0], [1]], [0, 1], { nTrees: 2, seed: 0, samples: [[0, 1], [0, 0]] });
    expect(forestErrorCurves(f, [[0], [1]], [0, 1]).oob[0]).toBeNull();
    // After tree 2 (all class 0), row 1 (label 1) is out of bag and misclassified.
    expectClose(forestErrorCurves(f, [[0], [1]], [0, 1]).oob[1], 1, { abs: 1e-15 });
  });

  it('throws RangeError when X is not the training set or labels are out of range', () => {
    expect(() => forestErrorCurves(forest, train.X.slice(1), train.y.slice(1))).toThrow(RangeError);
    expect(() => forestErrorCurves(forest, train.X, train.y.map(() => 5))).toThrow(RangeError);
  });
});
