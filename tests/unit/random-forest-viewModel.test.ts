import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/expectClose';
import { DEFAULT_STATE } from '../../src/components/sims/random-forest/state';
import {
  bootstrapView, dataProblem, flatTreeImportances, importancesAt, packTrees, unpackTrees, juryCurve, makeData, readout, resolveFeatures, summarySentence, trainForest,
  trainParams, treeError, treeRects, voteMargins,
} from '../../src/components/sims/random-forest/viewModel';
import { featureImportances, fitForest, predictForestProba } from '../../src/lib/trees/forest';
import { forestErrorCurves } from '../../src/lib/trees/forestErrorCurves';
import { juryAccuracy } from '../../src/lib/trees/juryAccuracy';
import { predictTreeProba } from '../../src/lib/trees/cart';

const small = { ...trainParams(DEFAULT_STATE), nTrees: 12, grid: 24 };
const result = trainForest(small);
const { train, test } = makeData(small);

describe('random-forest view model', () => {
  it('trains the same forest as src/lib fitForest (trees, samples, OOB and test curves)', () => {
    const forest = fitForest(train.X, train.y, { nTrees: 12, seed: small.seed, maxFeatures: small.maxFeatures, bootstrap: true });
    expect(result.samples).toEqual(forest.samples);
    expect(JSON.stringify(result.trees)).toBe(JSON.stringify(forest.trees));
    const curves = forestErrorCurves(forest, train.X, train.y, test);
    expect(result.oob).toEqual(curves.oob);
    expect(result.test).toEqual(curves.test);
    expect(result.oob[11]).toBe(forest.oobError);
    expect(readout(result, 12)).toEqual({ b: 12, oob: curves.oob[11], test: curves.test[11], meanTree: expect.any(Number) });
  });

  it('the vote margins come from the averaged tree probabilities (prefix sums)', () => {
    const b = 7;
    const [m0, m1] = voteMargins(result, b);
    const G = result.spec.size;
    for (const [r, c] of [[0, 0], [5, 17], [23, 23], [12, 3]] as const) {
      const x = result.spec.x0 + ((c + 0.5) * (result.spec.x1 - result.spec.x0)) / G;
      const y = result.spec.y0 + ((r + 0.5) * (result.spec.y1 - result.spec.y0)) / G;
      const p = predictForestProba({ ...fitForest(train.X, train.y, { nTrees: b, seed: small.seed, maxFeatures: small.maxFeatures }), }, [x, y]);
      expectClose(m0![r * G + c], p[0]! - p[1]!, { abs: 1e-5 });
      expectClose(m1![r * G + c], p[1]! - p[0]!, { abs: 1e-5 });
    }
  });

  it('each tree error and importances match src/lib', () => {
    const t0 = result.trees[0]!;
    const direct = test.X.filter((x, i) => {
      const p = predictTreeProba(t0, x);
      return (p[1]! > p[0]! ? 1 : 0) !== test.y[i];
    }).length / test.X.length;
    expectClose(treeError(t0, test.X, test.y), direct, { abs: 1e-12 });
    expectClose(result.treeTest[0]!, direct, { abs: 1e-12 });
    const imp = importancesAt(result, 5);
    expectClose(imp, featureImportances({ trees: result.trees.slice(0, 5), samples: result.samples.slice(0, 5), nClasses: 2, nFeatures: 2, nRows: train.X.length, oobError: null }), { abs: 1e-12 });
    expectClose(imp.reduce((a, v) => a + v, 0), 1, { abs: 1e-9 });
  });

  it('flat trees from the worker and precomputed importances round-trip exactly', () => {
    const packed = packTrees(result.trees, result.nClasses);
    expect(unpackTrees(structuredClone(packed))).toEqual(result.trees);
    const { trees, samples, nClasses, nFeatures, nRows } = result;
    const withFlat = { trees: unpackTrees(packed), samples, nClasses, nFeatures, nRows, treeImp: flatTreeImportances(result) };
    for (const b of [1, 5, 50]) expectClose(importancesAt(withFlat, b), importancesAt({ trees, samples, nClasses, nFeatures, nRows }, b), { abs: 1e-12 });
  });

  it('tree rectangles tile the plotted box', () => {
    const rects = treeRects(result.trees[0]!, result.spec);
    const area = rects.reduce((s, r) => s + (r.x1 - r.x0) * (r.y1 - r.y0), 0);
    expectClose(area, (result.spec.x1 - result.spec.x0) * (result.spec.y1 - result.spec.y0), { rel: 1e-9 });
    for (const r of rects) expect(r.share >= 0 && r.share <= 1).toBe(true);
  });

  it('bootstrap view counts distinct and out-of-bag rows', () => {
    const v = bootstrapView([0, 0, 2, 3, 3, 3], 6);
    expect(v).toEqual({ counts: [2, 0, 1, 3, 0, 0], unique: 3, oob: 3, uniqueShare: 0.5 });
    const real = bootstrapView(result.samples[0]!, train.X.length);
    expect(real.unique + real.oob).toBe(train.X.length);
    expect(Math.abs(real.uniqueShare - (1 - Math.exp(-1)))).toBeLessThan(0.1);
  });

  it('jury curve is juryAccuracy; features resolve like sklearn', () => {
    const c = juryCurve(0.6, 0.2, 15);
    expectClose(c[14]!, juryAccuracy(15, 0.6, 0.2), { abs: 1e-15 });
    expectClose(c[0]!, 0.6, { abs: 1e-12 });
    expect(resolveFeatures(0, 2)).toBe(1);
    expect(resolveFeatures(0, 6)).toBe(2);
    expect(resolveFeatures(9, 4)).toBe(4);
  });

  it('bootstrap off: no OOB error, and the summary says so in Chinese without NaN', () => {
    const r = trainForest({ ...small, bootstrap: false, nTrees: 3 });
    expect(r.oob.every((v) => v === null)).toBe(true);
    const s = summarySentence(readout(r, 3), null, 0, false);
    expect(s).toContain('袋外误差无从计算');
    expect(s).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('degenerate data gives a clear message (and training throws a RangeError carrying it)', () => {
    expect(dataProblem({ X: [[0, 0], [1, 1]], y: [1, 1], nClasses: 2 })).toMatch(/只有一个类别/);
    expect(dataProblem({ X: [[0, 0]], y: [0], nClasses: 2 })).toMatch(/样本太少/);
    expect(dataProblem(train)).toBeNull();
    const s = summarySentence(readout(result, 500), bootstrapView(result.samples[0]!, train.X.length), 0, true);
    expect(s).toMatch(/^12 棵树的随机森林/);
    expect(s).not.toMatch(/NaN|undefined|Infinity/);
  });
});
