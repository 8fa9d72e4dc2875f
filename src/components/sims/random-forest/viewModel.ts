/**
 * Pure view model of the random-forest figure: from the URL state to what the panels draw. The heavy
 * part ({@link trainSteps}: 200 trees, their probability grids and prefix sums, the error curves) runs
 * in the worker (forest.worker.ts) and at build time for the pre-rendered default; everything else here
 * is cheap enough for one frame (re-averaging uses the prefix sums: O(G²K) per slider move).
 */
import { makeClassification2d, type Classification2d } from '../../../lib/data/classification2d';
import { mixSeed } from '../../../lib/random';
import { isSplit, type TreeNode } from '../../../lib/trees/cart';
import { featureImportances, fitForestSteps, resolveMaxFeatures, type Forest } from '../../../lib/trees/forest';
import { forestErrorCurves } from '../../../lib/trees/forestErrorCurves';
import { juryAccuracy } from '../../../lib/trees/juryAccuracy';
import { averageFromPrefixSums, gridSpec, treeProbabilityGrid, type GridSpec } from '../../../lib/trees/probabilityGrids';
import { DEFAULT_STATE, DEPTH_UNLIMITED, MAX_TREES, MULTICLASS_SHAPES, TEST_N, type RfState, type Shape } from './state';

/** Cells per side of the forest's decision surface. */
export const GRID = 100;

/** Everything that needs retraining when it changes. */
export interface TrainParams {
  shape: Shape;
  nClasses: 2 | 3;
  n: number;
  noise: number;
  extra: number;
  seed: number;
  /** Infinity = no limit. */
  maxDepth: number;
  minSamplesLeaf: number;
  /** Resolved features per split, 1..p. */
  maxFeatures: number;
  bootstrap: boolean;
  nTrees: number;
  grid: number;
}

/** The training parameters of a state (tree count and selection are not among them: they re-average). */
export function trainParams(s: RfState): TrainParams {
  const multi = MULTICLASS_SHAPES.includes(s.data);
  const p = 2 + s.extra;
  return {
    shape: s.data,
    nClasses: multi && s.cls === 3 ? 3 : 2,
    n: s.n,
    noise: s.noise,
    extra: s.extra,
    seed: s.seed,
    maxDepth: s.depth >= DEPTH_UNLIMITED ? Infinity : s.depth,
    minSamplesLeaf: s.leaf,
    maxFeatures: resolveFeatures(s.mf, p),
    bootstrap: s.boot,
    nTrees: MAX_TREES,
    grid: GRID,
  };
}

/** `mf` of the state (0 = √p) as a feature count in 1..p. */
export function resolveFeatures(mf: number, p: number): number {
  return mf <= 0 ? resolveMaxFeatures('sqrt', p) : Math.min(p, Math.max(1, Math.round(mf)));
}

/** A string that changes exactly when the training parameters do. */
export function paramsKey(p: TrainParams): string {
  return JSON.stringify(p);
}

/** The training set and a test set from the same distribution (another seed stream). */
export function makeData(p: TrainParams): { train: Classification2d; test: Classification2d } {
  const base = { shape: p.shape, noise: p.noise, extraFeatures: p.extra, ...(MULTICLASS_SHAPES.includes(p.shape) ? { nClasses: p.nClasses } : {}) };
  return {
    train: makeClassification2d({ ...base, n: p.n, seed: p.seed }),
    test: makeClassification2d({ ...base, n: TEST_N, seed: mixSeed(p.seed, 1) }),
  };
}

/** Only the training set (what the island draws; the test set lives in the worker). */
export function makeTrain(p: TrainParams): Classification2d {
  const base = { shape: p.shape, noise: p.noise, extraFeatures: p.extra, ...(MULTICLASS_SHAPES.includes(p.shape) ? { nClasses: p.nClasses } : {}) };
  return makeClassification2d({ ...base, n: p.n, seed: p.seed });
}

/** What the worker hands back (plain data + Float32Arrays). */
export interface TrainResult {
  key: string;
  trees: TreeNode[];
  samples: number[][];
  nClasses: number;
  nFeatures: number;
  nRows: number;
  spec: GridSpec;
  /** prefix[b − 1] = Σ of the first b trees' probability grids (G·G·K). */
  prefix: Float32Array[];
  /** OOB / test error of the first b trees, b = 1..B. */
  oob: (number | null)[];
  test: number[];
  /** Each tree's own test error. */
  treeTest: number[];
  /** Optional: each tree's normalised MDI vector, flat (tree-major, nFeatures each), precomputed by the worker. */
  treeImp?: Float64Array;
}

/** Trees in flat typed arrays (pre-order nodes): cheap to post from the worker, no per-node cloning. */
export interface PackedTrees {
  roots: Int32Array;
  /** −1 for a leaf. */
  feature: Int32Array;
  threshold: Float64Array;
  impurity: Float64Array;
  nSamples: Float64Array;
  left: Int32Array;
  right: Int32Array;
  /** nodes × K. */
  counts: Float64Array;
  K: number;
}

export function packTrees(trees: readonly TreeNode[], K: number): PackedTrees {
  let n = 0;
  const countNodes = (t: TreeNode): void => {
    n++;
    if (isSplit(t)) {
      countNodes(t.left);
      countNodes(t.right);
    }
  };
  trees.forEach(countNodes);
  const out: PackedTrees = {
    roots: new Int32Array(trees.length), feature: new Int32Array(n), threshold: new Float64Array(n), impurity: new Float64Array(n),
    nSamples: new Float64Array(n), left: new Int32Array(n).fill(-1), right: new Int32Array(n).fill(-1), counts: new Float64Array(n * K), K,
  };
  let next = 0;
  const put = (t: TreeNode): number => {
    const i = next++;
    out.impurity[i] = t.impurity;
    out.nSamples[i] = t.nSamples;
    for (let k = 0; k < K; k++) out.counts[i * K + k] = t.counts[k] ?? 0;
    if (isSplit(t)) {
      out.feature[i] = t.feature;
      out.threshold[i] = t.threshold;
      out.left[i] = put(t.left);
      out.right[i] = put(t.right);
    } else out.feature[i] = -1;
    return i;
  };
  trees.forEach((t, j) => { out.roots[j] = put(t); });
  return out;
}

export function unpackTrees(p: PackedTrees): TreeNode[] {
  const K = p.K;
  const get = (i: number): TreeNode => {
    const counts = Array.from(p.counts.subarray(i * K, i * K + K));
    const base = { counts, impurity: p.impurity[i]!, nSamples: p.nSamples[i]! };
    if (p.feature[i]! < 0) return base;
    return { ...base, feature: p.feature[i]!, threshold: p.threshold[i]!, left: get(p.left[i]!), right: get(p.right[i]!) };
  };
  return Array.from(p.roots, get);
}

/** Typed-array buffers of a packed forest (to transfer, not copy). */
export function packedBuffers(p: PackedTrees): ArrayBuffer[] {
  return [p.roots, p.feature, p.threshold, p.impurity, p.nSamples, p.left, p.right, p.counts].map((a) => a.buffer as ArrayBuffer);
}

/** A clear Chinese message when the data cannot train a forest, else null. */
export function dataProblem(train: Classification2d): string | null {
  if (train.X.length < 2) return '样本太少，至少需要 2 个点。';
  const present = new Set(train.y);
  if (present.size < 2) return '数据里只有一个类别，森林无从学习分界：请增加样本数或换一个数据集。';
  return null;
}

/**
 * Grows the forest one tree at a time (yielding the count done), painting each tree's grid and keeping
 * running sums, and returns the finished {@link TrainResult}. Throws a RangeError for unusable data.
 */
export function* trainSteps(p: TrainParams): Generator<number, TrainResult, void> {
  const { train, test } = makeData(p);
  const problem = dataProblem(train);
  if (problem) throw new RangeError(problem);
  const K = train.nClasses;
  const spec = gridSpec(train.X, { size: p.grid });
  const steps = fitForestSteps(train.X, train.y, {
    nTrees: p.nTrees,
    maxDepth: p.maxDepth,
    minSamplesLeaf: p.minSamplesLeaf,
    maxFeatures: p.maxFeatures,
    bootstrap: p.bootstrap,
    seed: p.seed,
    nClasses: K,
  });
  const acc = new Float64Array(p.grid * p.grid * K);
  const prefix: Float32Array[] = [];
  const treeTest: number[] = [];
  let forest: Forest;
  for (;;) {
    const r = steps.next();
    if (r.done === true) {
      forest = r.value;
      break;
    }
    const g = treeProbabilityGrid(r.value.tree, spec, K);
    for (let i = 0; i < g.length; i++) acc[i]! += g[i]!;
    prefix.push(Float32Array.from(acc));
    treeTest.push(treeError(r.value.tree, test.X, test.y));
    yield r.value.index + 1;
  }
  const curves = forestErrorCurves(forest, train.X, train.y, { X: test.X, y: test.y });
  return {
    key: paramsKey(p),
    trees: forest.trees,
    samples: forest.samples,
    nClasses: K,
    nFeatures: forest.nFeatures,
    nRows: forest.nRows,
    spec,
    prefix,
    oob: curves.oob,
    test: curves.test,
    treeTest,
  };
}

let defaultCache: TrainResult | null = null;
/** The default state's forest (build time only: the pre-rendered figure and its summary share one training). */
export function defaultResult(): TrainResult {
  defaultCache ??= trainForest(trainParams(DEFAULT_STATE));
  return defaultCache;
}

/** The summary sentence of the default state, as the pre-rendered page shows it. */
export function defaultSummary(): string {
  const r = defaultResult();
  const b = Math.min(DEFAULT_STATE.trees, r.prefix.length);
  const sel = Math.min(DEFAULT_STATE.sel, b - 1);
  const s = r.samples[sel];
  return summarySentence(readout(r, b), s ? bootstrapView(s, r.nRows) : null, sel, DEFAULT_STATE.boot);
}

/** Runs {@link trainSteps} to the end (tests, build-time pre-render). */
export function trainForest(p: TrainParams): TrainResult {
  const it = trainSteps(p);
  for (;;) {
    const r = it.next();
    if (r.done === true) return r.value;
  }
}

function leafOf(tree: TreeNode, x: readonly number[]): number[] {
  let node = tree;
  while (isSplit(node)) node = x[node.feature]! <= node.threshold ? node.left : node.right;
  return node.counts;
}

/** Error of one tree on (X, y): argmax of its leaf counts, ties to the lower class. */
export function treeError(tree: TreeNode, X: readonly (readonly number[])[], y: readonly number[]): number {
  if (X.length === 0) return 0;
  let wrong = 0;
  X.forEach((x, i) => {
    const c = leafOf(tree, x);
    let best = 0;
    for (let k = 1; k < c.length; k++) if (c[k]! > c[best]!) best = k;
    if (best !== y[i]) wrong++;
  });
  return wrong / X.length;
}

/** Clamps the tree count b to what was trained. */
export function clampTrees(b: number, result: Pick<TrainResult, 'prefix'>): number {
  return Math.min(result.prefix.length, Math.max(1, Math.round(b)));
}

/**
 * Per-class margins of the forest of the first b trees: m_k = p_k − max_{j≠k} p_j on every cell, so
 * m_k > 0 is where class k wins the (soft) vote and its size is how clear the vote is.
 */
export function voteMargins(result: Pick<TrainResult, 'prefix' | 'nClasses' | 'spec'>, b: number): Float32Array[] {
  const K = result.nClasses;
  const avg = averageFromPrefixSums(result.prefix, clampTrees(b, result));
  const cells = result.spec.size * result.spec.size;
  const out = Array.from({ length: K }, () => new Float32Array(cells));
  for (let i = 0; i < cells; i++) {
    for (let k = 0; k < K; k++) {
      let other = -Infinity;
      for (let j = 0; j < K; j++) if (j !== k && avg[i * K + j]! > other) other = avg[i * K + j]!;
      out[k]![i] = avg[i * K + k]! - other;
    }
  }
  return out;
}

/** Thresholds of the margin bands: m > 0 (class wins), then clearer and clearer votes. */
export const MARGIN_BANDS = [0, 0.3, 0.65];

/** An axis-aligned leaf region of one tree in data coordinates, with its class frequencies. */
export interface LeafRect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Winning class and its share of the leaf. */
  cls: number;
  share: number;
}

/**
 * One tree's partition of the plotted box into rectangles (exact: a split on an axis feature cuts the
 * box, a split on a noise feature follows the grid's baseline value, as the probability grids do).
 */
export function treeRects(tree: TreeNode, spec: GridSpec): LeafRect[] {
  const out: LeafRect[] = [];
  const [fx, fy] = spec.features;
  const walk = (node: TreeNode, x0: number, x1: number, y0: number, y1: number): void => {
    if (x0 >= x1 || y0 >= y1) return;
    if (isSplit(node)) {
      const t = node.threshold;
      if (node.feature === fx) {
        walk(node.left, x0, Math.min(x1, t), y0, y1);
        walk(node.right, Math.max(x0, t), x1, y0, y1);
      } else if (node.feature === fy) {
        walk(node.left, x0, x1, y0, Math.min(y1, t));
        walk(node.right, x0, x1, Math.max(y0, t), y1);
      } else {
        walk(spec.baseline[node.feature]! <= t ? node.left : node.right, x0, x1, y0, y1);
      }
      return;
    }
    let w = 0;
    let best = 0;
    node.counts.forEach((c, k) => {
      w += c;
      if (c > node.counts[best]!) best = k;
    });
    out.push({ x0, x1, y0, y1, cls: best, share: w > 0 ? node.counts[best]! / w : 0 });
  };
  walk(tree, spec.x0, spec.x1, spec.y0, spec.y1);
  return out;
}

/** Leaves and depth of a tree. */
export function treeSize(tree: TreeNode): { leaves: number; depth: number } {
  if (!isSplit(tree)) return { leaves: 1, depth: 0 };
  const l = treeSize(tree.left);
  const r = treeSize(tree.right);
  return { leaves: l.leaves + r.leaves, depth: 1 + Math.max(l.depth, r.depth) };
}

/** The selected tree's bootstrap sample: multiplicity of every row, distinct rows, out-of-bag rows. */
export interface BootstrapView {
  counts: number[];
  unique: number;
  oob: number;
  /** unique / n. */
  uniqueShare: number;
}

export function bootstrapView(sample: readonly number[], n: number): BootstrapView {
  const counts = new Array<number>(n).fill(0);
  for (const i of sample) if (i >= 0 && i < n) counts[i]! += 1;
  const unique = counts.filter((c) => c > 0).length;
  return { counts, unique, oob: n - unique, uniqueShare: n > 0 ? unique / n : 0 };
}

/** Each tree's own normalised MDI vector (zeros for a stump), computed once per result. */
const perTreeImportances = new WeakMap<object, number[][]>();

/** All trees' normalised MDI vectors, flat (tree-major): what the worker precomputes as `treeImp`. */
export function flatTreeImportances(result: Pick<TrainResult, 'trees' | 'samples' | 'nClasses' | 'nFeatures' | 'nRows'>): Float64Array {
  const p = result.nFeatures;
  const out = new Float64Array(result.trees.length * p);
  treeImportances(result).forEach((v, i) => out.set(v, i * p));
  return out;
}

function treeImportances(result: Pick<TrainResult, 'trees' | 'samples' | 'nClasses' | 'nFeatures' | 'nRows' | 'treeImp'>): number[][] {
  let v = perTreeImportances.get(result);
  const flat = result.treeImp;
  if (!v && flat && flat.length === result.trees.length * result.nFeatures) {
    const p = result.nFeatures;
    v = result.trees.map((_, i) => Array.from(flat.subarray(i * p, i * p + p)));
    perTreeImportances.set(result, v);
  }
  if (!v) {
    v = result.trees.map((t, i) => {
      if (!isSplit(t)) return new Array<number>(result.nFeatures).fill(0);
      return featureImportances({ trees: [t], samples: [result.samples[i] ?? []], nClasses: result.nClasses, nFeatures: result.nFeatures, nRows: result.nRows, oobError: null });
    });
    perTreeImportances.set(result, v);
  }
  return v;
}

/**
 * MDI feature importances of the first b trees (normalised; all zeros when no tree splits): the mean of
 * the trees' normalised vectors, as {@link featureImportances} computes it, from per-tree vectors cached
 * per result, so moving the tree-count slider costs O(b·p) instead of walking b trees.
 */
export function importancesAt(result: Pick<TrainResult, 'trees' | 'samples' | 'nClasses' | 'nFeatures' | 'nRows' | 'treeImp'>, b: number): number[] {
  const m = Math.min(result.trees.length, Math.max(1, Math.round(b)));
  const per = treeImportances(result);
  const mean = new Array<number>(result.nFeatures).fill(0);
  for (let i = 0; i < m; i++) {
    const v = per[i]!;
    for (let j = 0; j < mean.length; j++) mean[j]! += v[j]!;
  }
  const total = mean.reduce((a, c) => a + c, 0);
  return total > 0 ? mean.map((v) => v / total) : mean;
}

/** Feature names as the figure labels them. */
export function featureNames(p: number): string[] {
  return Array.from({ length: p }, (_, j) => (j < 2 ? `x${j === 0 ? '₁' : '₂'}` : `噪声 ${j - 1}`));
}

/** Majority-vote accuracy for B = 1..maxB at accuracy p and correlation ρ (beta-binomial model). */
export function juryCurve(p: number, rho: number, maxB: number): number[] {
  return Array.from({ length: maxB }, (_, i) => juryAccuracy(i + 1, p, rho));
}

/** Mean of the first b entries. */
export function meanOf(values: readonly number[], b: number): number {
  const m = Math.min(values.length, Math.max(0, b));
  if (m === 0) return 0;
  let s = 0;
  for (let i = 0; i < m; i++) s += values[i]!;
  return s / m;
}

/** 0.1234 → "12.3%". */
export function pct(v: number, digits = 1): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(digits)}%` : '—';
}

/** The numbers the summary sentence and the data table show, for b trees. */
export interface Readout {
  b: number;
  oob: number | null;
  test: number;
  meanTree: number;
}

export function readout(result: Pick<TrainResult, 'oob' | 'test' | 'treeTest' | 'prefix'>, b: number): Readout {
  const m = clampTrees(b, result);
  return { b: m, oob: result.oob[m - 1] ?? null, test: result.test[m - 1] ?? 0, meanTree: meanOf(result.treeTest, m) };
}

/** The aria-live sentence. */
export function summarySentence(r: Readout, boot: BootstrapView | null, selected: number, bootstrap: boolean): string {
  const oob = r.oob === null ? (bootstrap ? '还没有袋外样本' : '关闭自助采样后没有袋外样本，袋外误差无从计算') : `袋外误差 ${pct(r.oob)}`;
  let s = `${r.b} 棵树的随机森林：测试误差 ${pct(r.test)}，${oob}；单棵树的平均测试误差 ${pct(r.meanTree)}。`;
  if (boot && bootstrap) s += `第 ${selected + 1} 棵树的自助采样含 ${boot.unique} 个不同样本（${pct(boot.uniqueShare)}），${boot.oob} 个袋外样本。`;
  return s;
}
