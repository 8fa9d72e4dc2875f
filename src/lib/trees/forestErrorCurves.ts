/**
 * Out-of-bag and test error of a forest as trees are added: entry b − 1 is the error of the forest made
 * of its first b trees, for b = 1..B, computed incrementally (each tree's probabilities are added to
 * running sums once), so the whole curve costs about as much as one prediction pass.
 *
 * OOB at b trees (Breiman 2001, §3.1): each row's prediction sums the class probabilities of those of the
 * first b trees whose sample left it out; argmax, ties to the lower class; rows not yet out of bag are
 * excluded; null while no row has been out of bag. Test error uses all first b trees (soft vote).
 */
import { predictTreeProba } from './cart';
import { checkLabelledData } from './checkLabelledData';
import { argmax, type Forest } from './forest';

/** Error curves of a forest against the number of trees. */
export interface ForestErrorCurves {
  /** oob[b − 1]: OOB error of the first b trees (null when no row is out of bag yet). */
  oob: (number | null)[];
  /** test[b − 1]: error on the test set of the first b trees; empty when no test set is given. */
  test: number[];
}

/** OOB error (on the training rows X, y) and test error against the number of trees, b = 1..B. */
export function forestErrorCurves(
  forest: Forest,
  X: readonly (readonly number[])[],
  y: readonly number[],
  testSet?: { X: readonly (readonly number[])[]; y: readonly number[] },
): ForestErrorCurves {
  const K = forest.nClasses;
  checkLabelledData(X, y, K);
  if (X.length !== forest.nRows) throw new RangeError(`X must be the forest's ${forest.nRows} training rows, got ${X.length}`);
  if (testSet !== undefined) checkLabelledData(testSet.X, testSet.y, K);
  const n = X.length;
  const oobSums = new Float64Array(n * K);
  const outCount = new Int32Array(n);
  const inBag = new Uint8Array(n);
  const nTest = testSet?.X.length ?? 0;
  const testSums = new Float64Array(nTest * K);
  const oob: (number | null)[] = [];
  const test: number[] = [];

  forest.trees.forEach((tree, t) => {
    inBag.fill(0);
    for (const i of forest.samples[t]!) inBag[i] = 1;
    for (let i = 0; i < n; i++) {
      if (inBag[i] === 1) continue;
      outCount[i]!++;
      const p = predictTreeProba(tree, X[i]!);
      for (let k = 0; k < K; k++) oobSums[i * K + k]! += p[k]!;
    }
    let wrong = 0;
    let counted = 0;
    for (let i = 0; i < n; i++) {
      if (outCount[i] === 0) continue;
      counted++;
      if (argmax(oobSums.subarray(i * K, i * K + K)) !== y[i]) wrong++;
    }
    oob.push(counted === 0 ? null : wrong / counted);

    if (testSet !== undefined) {
      let testWrong = 0;
      for (let i = 0; i < nTest; i++) {
        const p = predictTreeProba(tree, testSet.X[i]!);
        for (let k = 0; k < K; k++) testSums[i * K + k]! += p[k]!;
        if (argmax(testSums.subarray(i * K, i * K + K)) !== testSet.y[i]) testWrong++;
      }
      test.push(testWrong / nTest);
    }
  });
  return { oob, test };
}
