/**
 * Random forests (Breiman 2001, "Random Forests", Machine Learning 45:5–32): B CART trees, each grown
 * without pruning on a bootstrap sample of the rows, with a random subset of `maxFeatures` features
 * examined at every node; the forest's class probabilities are the mean of the trees' leaf frequencies
 * (scikit-learn's soft vote, `RandomForestClassifier.predict_proba`).
 *
 * A bootstrap sample is fitted as scikit-learn does it: the tree sees every row with weight = the number
 * of times the row was drawn, so duplicates count with multiplicity in class counts and impurities.
 *
 * Randomness: one generator from `seed`; tree t gets the sub-stream `fork(rng)` (its t-th
 * fork; forks are hashed so no tree replays its neighbour's draws, see ../random),
 * which draws the tree's bootstrap indices and then its per-node feature subsets. Tree t therefore depends only
 * on the seed and t, and {@link fitForestSteps} can hand trees out one at a time (for a worker reporting
 * progress) with the same result as {@link fitForest}.
 */
import { bootstrapIndices, createRng, fork } from '../random';
import { fitTree, isSplit, predictTreeProba, type SplitCriterion, type TreeNode } from './cart';
import { checkInteger, checkLabelledData } from './checkLabelledData';

/** Options of {@link fitForest}. */
export interface ForestOptions {
  /** Number of trees B. */
  nTrees: number;
  /** Maximum depth of each tree. @default Infinity */
  maxDepth?: number;
  /** Minimum number of distinct rows in each child of a split. @default 1 */
  minSamplesLeaf?: number;
  /** Features examined per node: a count, 'sqrt' = max(1, ⌊√d⌋) (sklearn's default) or 'all' (bagging). @default 'sqrt' */
  maxFeatures?: number | 'sqrt' | 'all';
  /** Draw a bootstrap sample per tree; false fits every tree on all rows (so no out-of-bag rows). @default true */
  bootstrap?: boolean;
  /** Seed of the forest's generator. */
  seed: number;
  /** Explicit bootstrap index lists, one per tree (duplicates allowed), replacing the random draw. @default undefined */
  samples?: readonly (readonly number[])[];
  /** Impurity measure of the trees. @default 'gini' */
  criterion?: SplitCriterion;
  /** Number of classes K. @default max(y) + 1 */
  nClasses?: number;
}

/** A fitted forest: plain JSON. */
export interface Forest {
  /** The trees, in the order they were grown. */
  trees: TreeNode[];
  /** The row indices each tree was fitted on (its bootstrap sample, duplicates kept). */
  samples: number[][];
  /** Number of classes K (every leaf has K counts). */
  nClasses: number;
  /** Number of features d. */
  nFeatures: number;
  /** Number of training rows n. */
  nRows: number;
  /**
   * Out-of-bag error: for each row, sum the class probabilities of the trees whose sample left it out,
   * predict the argmax (ties to the lower class) and compare with its label; rows never out of bag are
   * excluded. null when no row was ever out of bag.
   */
  oobError: number | null;
}

/** One step of {@link fitForestSteps}: the tree just grown and its sample. */
export interface ForestStep {
  /** Index of the tree, 0..nTrees−1. */
  index: number;
  tree: TreeNode;
  sample: number[];
}

/** Resolves `maxFeatures` against d features. */
export function resolveMaxFeatures(maxFeatures: number | 'sqrt' | 'all', d: number): number {
  if (maxFeatures === 'all') return d;
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(d)));
  if (!Number.isInteger(maxFeatures) || maxFeatures < 1 || maxFeatures > d) {
    throw new RangeError(`maxFeatures must be 'sqrt', 'all' or an integer in 1..${d}, got ${maxFeatures}`);
  }
  return maxFeatures;
}

/**
 * Grows the forest one tree at a time: yields each tree as soon as it is fitted and returns the whole
 * {@link Forest} (with its OOB error) when done. `fitForest` is this generator run to the end.
 */
export function* fitForestSteps(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: ForestOptions,
): Generator<ForestStep, Forest, void> {
  const K = checkLabelledData(X, y, options.nClasses);
  const n = X.length;
  const d = X[0]!.length;
  checkInteger('nTrees', options.nTrees, 1);
  if (!Number.isFinite(options.seed)) throw new RangeError(`seed must be a finite number, got ${options.seed}`);
  const maxFeatures = resolveMaxFeatures(options.maxFeatures ?? 'sqrt', d);
  const bootstrap = options.bootstrap ?? true;
  const explicit = options.samples;
  if (explicit !== undefined) {
    if (explicit.length !== options.nTrees) {
      throw new RangeError(`samples must hold one index list per tree (${options.nTrees}), got ${explicit.length}`);
    }
    explicit.forEach((s, t) => {
      if (s.length === 0) throw new RangeError(`samples[${t}] must not be empty`);
      for (const i of s) {
        if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`samples[${t}] holds ${i}, not a row index in 0..${n - 1}`);
      }
    });
  }
  const rng = createRng(options.seed);
  const trees: TreeNode[] = [];
  const samples: number[][] = [];
  for (let t = 0; t < options.nTrees; t++) {
    const treeRng = fork(rng);
    const sample = explicit !== undefined
      ? explicit[t]!.slice()
      : bootstrap ? bootstrapIndices(n, treeRng) : Array.from({ length: n }, (_, i) => i);
    const weight = new Array<number>(n).fill(0);
    for (const i of sample) weight[i]! += 1;
    const tree = fitTree(X, y, {
      maxDepth: options.maxDepth ?? Infinity,
      minSamplesLeaf: options.minSamplesLeaf ?? 1,
      maxFeatures,
      criterion: options.criterion ?? 'gini',
      rng: treeRng,
      nClasses: K,
      sampleWeight: weight,
    });
    trees.push(tree);
    samples.push(sample);
    yield { index: t, tree, sample };
  }
  return { trees, samples, nClasses: K, nFeatures: d, nRows: n, oobError: outOfBagError(trees, samples, X, y, K) };
}

/** Fits a random forest of `options.nTrees` trees. */
export function fitForest(X: readonly (readonly number[])[], y: readonly number[], options: ForestOptions): Forest {
  const steps = fitForestSteps(X, y, options);
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}

/** Index of the largest entry; ties go to the lower index. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}

/** OOB error of trees fitted on `samples` (see {@link Forest.oobError}). */
function outOfBagError(
  trees: readonly TreeNode[],
  samples: readonly (readonly number[])[],
  X: readonly (readonly number[])[],
  y: readonly number[],
  K: number,
): number | null {
  const n = X.length;
  const sums = new Float64Array(n * K);
  const outCount = new Int32Array(n);
  const inBag = new Uint8Array(n);
  trees.forEach((tree, t) => {
    inBag.fill(0);
    for (const i of samples[t]!) inBag[i] = 1;
    for (let i = 0; i < n; i++) {
      if (inBag[i] === 1) continue;
      outCount[i]!++;
      const p = predictTreeProba(tree, X[i]!);
      for (let k = 0; k < K; k++) sums[i * K + k]! += p[k]!;
    }
  });
  let wrong = 0;
  let counted = 0;
  for (let i = 0; i < n; i++) {
    if (outCount[i] === 0) continue;
    counted++;
    if (argmax(sums.subarray(i * K, i * K + K)) !== y[i]) wrong++;
  }
  return counted === 0 ? null : wrong / counted;
}

/** Class probabilities of the forest for `x`: the mean of its trees' leaf frequencies. */
export function predictForestProba(forest: Forest, x: readonly number[]): number[] {
  const K = forest.nClasses;
  const out = new Array<number>(K).fill(0);
  for (const tree of forest.trees) {
    const p = predictTreeProba(tree, x);
    for (let k = 0; k < K; k++) out[k]! += p[k]!;
  }
  const B = forest.trees.length;
  return out.map((s) => s / B);
}

/**
 * Mean decrease in impurity, as sklearn's `feature_importances_`: in each tree, every split adds
 * w·I − w_L·I_L − w_R·I_R (w = weighted rows in the node) to its feature; the tree's totals are divided by
 * the root's weight and normalised to sum 1; the forest averages trees that have at least one split and
 * normalises again. All zeros when no tree splits.
 */
export function featureImportances(forest: Forest): number[] {
  const d = forest.nFeatures;
  const mean = new Array<number>(d).fill(0);
  let used = 0;
  const weightOf = (node: TreeNode): number => node.counts.reduce((a, b) => a + b, 0);
  for (const tree of forest.trees) {
    if (!isSplit(tree)) continue;
    const imp = new Array<number>(d).fill(0);
    const stack: TreeNode[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!isSplit(node)) continue;
      imp[node.feature]! += weightOf(node) * node.impurity - weightOf(node.left) * node.left.impurity - weightOf(node.right) * node.right.impurity;
      stack.push(node.left, node.right);
    }
    const root = weightOf(tree);
    const scaled = imp.map((v) => v / root);
    const total = scaled.reduce((a, b) => a + b, 0);
    if (total > 0) for (let j = 0; j < d; j++) mean[j]! += scaled[j]! / total;
    used++;
  }
  if (used === 0) return mean;
  const total = mean.reduce((a, b) => a + b, 0);
  return total > 0 ? mean.map((v) => v / total) : mean;
}
