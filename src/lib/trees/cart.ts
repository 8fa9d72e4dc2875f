/**
 * CART classification trees (Breiman, Friedman, Olshen & Stone 1984), grown the way scikit-learn's
 * DecisionTreeClassifier grows them (best-first order does not matter for a full depth-first build):
 *
 * - at a node, every feature is sorted and every threshold halfway between consecutive distinct values
 *   is scored by the weighted impurity decrease
 *       Δ = I(parent) − (w_L / w) · I(left) − (w_R / w) · I(right),
 *   with Gini I = 1 − Σ_k p_k² or entropy I = −Σ_k p_k log₂ p_k (p_k = weighted class share);
 * - `x[feature] <= threshold` goes left;
 * - the best Δ wins, even when it is 0 (sklearn splits any impure node that has a valid split; this is
 *   what lets an unlimited tree separate XOR-like data);
 * - ties go to the lowest feature index, then the lowest threshold, when all features are examined;
 *   with `maxFeatures < d` each node examines features in a random order (from `rng`) until it has seen
 *   `maxFeatures` features that are not constant in the node, as sklearn does.
 *
 * Sample weights (integer bootstrap counts in a random forest) multiply a row's contribution to the class
 * counts and impurities, exactly like sklearn's `sample_weight`; rows of weight 0 are left out. As in
 * sklearn, `minSamplesLeaf` and `minSamplesSplit` count distinct rows, not weight.
 */
import { createRng, randomInt, type Rng } from '../random';
import { checkInteger, checkLabelledData } from './checkLabelledData';

/** A leaf: weighted class counts, impurity and the number of distinct training rows that reach it. */
export interface TreeLeaf {
  /** Weighted number of training rows of each class 0..K−1 in the node. */
  counts: number[];
  /** Gini or entropy impurity of `counts`. */
  impurity: number;
  /** Distinct training rows (weight > 0) in the node. */
  nSamples: number;
}

/** An internal node: `x[feature] <= threshold` goes to `left`, otherwise to `right`. */
export interface TreeSplit extends TreeLeaf {
  feature: number;
  threshold: number;
  left: TreeNode;
  right: TreeNode;
}

/** A fitted tree: plain JSON, nested nodes. */
export type TreeNode = TreeLeaf | TreeSplit;

/** Impurity measure for classification splits. */
export type SplitCriterion = 'gini' | 'entropy';

/** Options of {@link fitTree}. */
export interface TreeOptions {
  /** Maximum depth (the root has depth 0). @default Infinity */
  maxDepth?: number;
  /** Minimum number of distinct rows in each child of a split. @default 1 */
  minSamplesLeaf?: number;
  /** Minimum number of distinct rows a node needs to be split. @default 2 */
  minSamplesSplit?: number;
  /** Features examined per node; below the feature count, a random subset (random forest). @default d (all) */
  maxFeatures?: number;
  /** Impurity measure. @default 'gini' */
  criterion?: SplitCriterion;
  /** Uniform generator for the feature subsets; only used when `maxFeatures < d`. @default createRng(0) */
  rng?: Rng;
  /** Number of classes K, so that every node has K counts even if some labels are absent. @default max(y) + 1 */
  nClasses?: number;
  /** Non-negative weight per row (bootstrap multiplicities); rows of weight 0 are ignored. @default all 1 */
  sampleWeight?: readonly number[];
}

/** True for internal nodes. */
export function isSplit(node: TreeNode): node is TreeSplit {
  return 'left' in node;
}

/** Gini (1 − Σ p²) or entropy (−Σ p log₂ p) of weighted class counts with total `w`. */
export function impurity(counts: ArrayLike<number>, criterion: SplitCriterion = 'gini'): number {
  let w = 0;
  for (let k = 0; k < counts.length; k++) w += counts[k]!;
  if (w <= 0) return 0;
  let s = 0;
  if (criterion === 'gini') {
    for (let k = 0; k < counts.length; k++) {
      const p = counts[k]! / w;
      s += p * p;
    }
    return 1 - s;
  }
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k]!;
    if (c > 0) {
      const p = c / w;
      s -= p * Math.log2(p);
    }
  }
  return s;
}

/** sklearn's EPSILON: a node whose impurity is at most this is pure. */
const PURE = 2.220446049250313e-16;
/** A candidate must beat the best so far by more than this to replace it (keeps ties on the first one). */
const TIE = 1e-12;

/** Fits a CART classification tree to rows `X` with labels `y` in 0..K−1. */
export function fitTree(X: readonly (readonly number[])[], y: readonly number[], options: TreeOptions = {}): TreeNode {
  const K = checkLabelledData(X, y, options.nClasses);
  const n = X.length;
  const d = X[0]!.length;
  const maxDepth = options.maxDepth ?? Infinity;
  const minLeaf = options.minSamplesLeaf ?? 1;
  const minSplit = options.minSamplesSplit ?? 2;
  const maxFeatures = options.maxFeatures ?? d;
  const criterion = options.criterion ?? 'gini';
  checkInteger('maxDepth', maxDepth, 0, true);
  checkInteger('minSamplesLeaf', minLeaf, 1);
  checkInteger('minSamplesSplit', minSplit, 2);
  if (!Number.isInteger(maxFeatures) || maxFeatures < 1 || maxFeatures > d) {
    throw new RangeError(`maxFeatures must be an integer in 1..${d}, got ${maxFeatures}`);
  }
  if (criterion !== 'gini' && criterion !== 'entropy') throw new RangeError(`criterion must be 'gini' or 'entropy', got ${String(criterion)}`);
  const weight = new Float64Array(n);
  if (options.sampleWeight === undefined) weight.fill(1);
  else {
    if (options.sampleWeight.length !== n) {
      throw new RangeError(`sampleWeight must have one weight per row (${n}), got ${options.sampleWeight.length}`);
    }
    options.sampleWeight.forEach((w, i) => {
      if (!Number.isFinite(w) || w < 0) throw new RangeError(`sampleWeight[${i}] must be a finite number ≥ 0, got ${w}`);
      weight[i] = w;
    });
  }
  const rng = options.rng ?? createRng(0);
  const subsample = maxFeatures < d;
  const label = Int32Array.from(y);

  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (weight[i]! > 0) rows.push(i);
  if (rows.length === 0) throw new RangeError('sampleWeight must give at least one row a positive weight, got all zeros');

  // Scratch buffers reused by every node.
  const featureOrder = Array.from({ length: d }, (_, j) => j);
  const leftCounts = new Float64Array(K);
  const rightCounts = new Float64Array(K);
  const values = new Float64Array(n);

  function nodeCounts(idx: readonly number[]): number[] {
    const counts = new Array<number>(K).fill(0);
    for (const i of idx) counts[label[i]!]! += weight[i]!;
    return counts;
  }

  interface Best {
    score: number;
    feature: number;
    threshold: number;
  }

  /** Scores every threshold of feature f on the node's rows; updates `best`; false if f is constant here. */
  function scanFeature(idx: number[], f: number, counts: readonly number[], total: number, parentImpurity: number, best: Best): boolean {
    const m = idx.length;
    const order = idx.slice().sort((a, b) => X[a]![f]! - X[b]![f]!);
    for (let p = 0; p < m; p++) values[p] = X[order[p]!]![f]!;
    if (values[0] === values[m - 1]) return false;
    leftCounts.fill(0);
    for (let k = 0; k < K; k++) rightCounts[k] = counts[k]!;
    let wL = 0;
    for (let p = 1; p < m; p++) {
      const moved = order[p - 1]!;
      const w = weight[moved]!;
      const c = label[moved]!;
      leftCounts[c]! += w;
      rightCounts[c]! -= w;
      wL += w;
      const a = values[p - 1]!;
      const b = values[p]!;
      if (b === a) continue;
      if (p < minLeaf) continue;
      if (m - p < minLeaf) break;
      const wR = total - wL;
      const score = parentImpurity - (wL / total) * impurity(leftCounts, criterion) - (wR / total) * impurity(rightCounts, criterion);
      if (score > best.score + TIE) {
        let threshold = a / 2 + b / 2;
        if (threshold === b || !Number.isFinite(threshold)) threshold = a;
        best.score = score;
        best.feature = f;
        best.threshold = threshold;
      }
    }
    return true;
  }

  function build(idx: number[], depth: number): TreeNode {
    const counts = nodeCounts(idx);
    const imp = impurity(counts, criterion);
    const leaf: TreeLeaf = { counts, impurity: imp, nSamples: idx.length };
    const m = idx.length;
    if (depth >= maxDepth || m < minSplit || m < 2 * minLeaf || imp <= PURE) return leaf;
    let total = 0;
    for (const c of counts) total += c;
    const best: Best = { score: -Infinity, feature: -1, threshold: NaN };
    if (!subsample) {
      for (let f = 0; f < d; f++) scanFeature(idx, f, counts, total, imp, best);
    } else {
      // Lazy Fisher–Yates over the features; constant features do not count towards maxFeatures.
      let visited = 0;
      for (let j = 0; j < d && visited < maxFeatures; j++) {
        const r = j + randomInt(rng, d - j);
        const f = featureOrder[r]!;
        featureOrder[r] = featureOrder[j]!;
        featureOrder[j] = f;
        if (scanFeature(idx, f, counts, total, imp, best)) visited++;
      }
    }
    if (best.feature < 0) return leaf;
    const left: number[] = [];
    const right: number[] = [];
    for (const i of idx) (X[i]![best.feature]! <= best.threshold ? left : right).push(i);
    return {
      ...leaf,
      feature: best.feature,
      threshold: best.threshold,
      left: build(left, depth + 1),
      right: build(right, depth + 1),
    };
  }

  return build(rows, 0);
}

/** The leaf that `x` falls into. */
export function treeLeaf(tree: TreeNode, x: readonly number[]): TreeLeaf {
  let node = tree;
  while (isSplit(node)) node = x[node.feature]! <= node.threshold ? node.left : node.right;
  return node;
}

/** Class probabilities for `x`: the class frequencies (weighted counts / total) of its leaf. */
export function predictTreeProba(tree: TreeNode, x: readonly number[]): number[] {
  const { counts } = treeLeaf(tree, x);
  let w = 0;
  for (const c of counts) w += c;
  return counts.map((c) => c / w);
}
