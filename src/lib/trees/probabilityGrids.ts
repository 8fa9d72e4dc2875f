/**
 * Per-tree class-probability grids for drawing a forest's decision surface.
 *
 * Each tree is evaluated once on a G×G lattice of cell centres over the data's bounding box (two chosen
 * features; any other feature is held at a baseline, by default its training mean). The result is one
 * Float32Array per tree, so when a slider changes the number of trees the figure only re-averages
 * arrays, with no tree traversal: {@link averageProbabilityGrid} sums the first b grids (O(b·G²K), about
 * 4M additions for 200 trees × 100² cells × 2 classes: ~5–10 ms), and the prefix sums of
 * {@link prefixSumGrids} (built once, O(B·G²K) memory: 16 MB for that case) turn any tree count into one
 * scaled copy, O(G²K), well under a millisecond ({@link averageFromPrefixSums}).
 *
 * Layout: cell (row r, column c) has centre
 *     x = x0 + (c + ½)·(x1 − x0)/G,   y = y0 + (r + ½)·(y1 − y0)/G,
 * (row 0 is the bottom, at y0) and its K class probabilities sit at [(r·G + c)·K + k].
 *
 * A tree is painted by descending with whole rectangles of cells rather than cell by cell: a split on an
 * axis feature cuts the current rectangle at the threshold, a split on another feature sends the whole
 * rectangle one way according to the baseline, and a leaf fills its rectangle. That is O(cells + nodes)
 * per tree instead of O(cells · depth).
 */
import { isSplit, type TreeNode } from './cart';
import type { Forest } from './forest';

/** The lattice: bounding box, resolution and the values of the features not on the axes. */
export interface GridSpec {
  /** Cells per side G. */
  size: number;
  /** Feature shown on the horizontal and vertical axis. */
  features: [number, number];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** A full feature vector; entries of the two axis features are ignored. */
  baseline: number[];
}

/** Options of {@link gridSpec}. */
export interface GridSpecOptions {
  /** Cells per side G. @default 100 */
  size?: number;
  /** Extra margin on each side, as a fraction of the data range. @default 0.1 */
  padding?: number;
  /** Axis features. @default [0, 1] */
  features?: [number, number];
  /** Values of the other features. @default the column means of X */
  baseline?: number[];
}

/** Per-tree probability grids of a forest. */
export interface TreeProbabilityGrids {
  spec: GridSpec;
  nClasses: number;
  /** grids[t][(r·G + c)·K + k]: probability of class k in cell (r, c) under tree t. */
  grids: Float32Array[];
}

/** The lattice over the bounding box of X's two axis features (plus padding). */
export function gridSpec(X: readonly (readonly number[])[], options: GridSpecOptions = {}): GridSpec {
  if (X.length === 0) throw new RangeError('X must have at least one row, got 0 rows');
  const d = X[0]!.length;
  const size = options.size ?? 100;
  const padding = options.padding ?? 0.1;
  const features = options.features ?? [0, 1];
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a positive integer, got ${size}`);
  if (!(padding >= 0)) throw new RangeError(`padding must be ≥ 0, got ${padding}`);
  for (const f of features) {
    if (!Number.isInteger(f) || f < 0 || f >= d) throw new RangeError(`axis feature must be an integer in 0..${d - 1}, got ${f}`);
  }
  const baseline = options.baseline ?? Array.from({ length: d }, (_, j) => X.reduce((s, row) => s + row[j]!, 0) / X.length);
  if (baseline.length !== d) throw new RangeError(`baseline must have ${d} entries, got ${baseline.length}`);
  const range = (j: number): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const row of X) {
      lo = Math.min(lo, row[j]!);
      hi = Math.max(hi, row[j]!);
    }
    const pad = (hi > lo ? hi - lo : 1) * padding;
    return hi > lo ? [lo - pad, hi + pad] : [lo - 0.5 - pad, hi + 0.5 + pad];
  };
  const [x0, x1] = range(features[0]);
  const [y0, y1] = range(features[1]);
  return { size, features: [features[0], features[1]], x0, x1, y0, y1, baseline: baseline.slice() };
}

/** Centres of the G cells between lo and hi. */
function centres(lo: number, hi: number, G: number): Float64Array {
  const out = new Float64Array(G);
  const step = (hi - lo) / G;
  for (let i = 0; i < G; i++) out[i] = lo + (i + 0.5) * step;
  return out;
}

/** First index in [from, to) whose centre is > threshold (centres ascending). */
function cut(c: Float64Array, from: number, to: number, threshold: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c[mid]! <= threshold) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One tree's class probabilities on the lattice (see the file comment for the layout). */
export function treeProbabilityGrid(tree: TreeNode, spec: GridSpec, nClasses: number): Float32Array {
  const G = spec.size;
  const K = nClasses;
  const out = new Float32Array(G * G * K);
  const cx = centres(spec.x0, spec.x1, G);
  const cy = centres(spec.y0, spec.y1, G);
  const [fx, fy] = spec.features;
  const probs = new Float32Array(K);

  function paint(node: TreeNode, c0: number, c1: number, r0: number, r1: number): void {
    if (c0 >= c1 || r0 >= r1) return;
    if (isSplit(node)) {
      if (node.feature === fx) {
        const m = cut(cx, c0, c1, node.threshold);
        paint(node.left, c0, m, r0, r1);
        paint(node.right, m, c1, r0, r1);
      } else if (node.feature === fy) {
        const m = cut(cy, r0, r1, node.threshold);
        paint(node.left, c0, c1, r0, m);
        paint(node.right, c0, c1, m, r1);
      } else {
        paint(spec.baseline[node.feature]! <= node.threshold ? node.left : node.right, c0, c1, r0, r1);
      }
      return;
    }
    let w = 0;
    for (const c of node.counts) w += c;
    for (let k = 0; k < K; k++) probs[k] = (node.counts[k] ?? 0) / w;
    for (let r = r0; r < r1; r++) {
      for (let c = c0; c < c1; c++) out.set(probs, (r * G + c) * K);
    }
  }

  paint(tree, 0, G, 0, G);
  return out;
}

/** Grids of every tree of the forest over the data's bounding box. */
export function treeProbabilityGrids(forest: Forest, X: readonly (readonly number[])[], options: GridSpecOptions = {}): TreeProbabilityGrids {
  const spec = gridSpec(X, options);
  return { spec, nClasses: forest.nClasses, grids: forest.trees.map((tree) => treeProbabilityGrid(tree, spec, forest.nClasses)) };
}

/**
 * The forest's probabilities on the lattice using only its first `nTrees` trees: the mean of their
 * grids. Pass `out` (length G·G·K) to reuse a buffer between slider moves.
 */
export function averageProbabilityGrid(grids: readonly Float32Array[], nTrees: number, out?: Float32Array): Float32Array {
  if (!Number.isInteger(nTrees) || nTrees < 1 || nTrees > grids.length) {
    throw new RangeError(`nTrees must be an integer in 1..${grids.length}, got ${nTrees}`);
  }
  const len = grids[0]!.length;
  const acc = out ?? new Float32Array(len);
  if (acc.length !== len) throw new RangeError(`out must have length ${len}, got ${acc.length}`);
  acc.set(grids[0]!);
  for (let t = 1; t < nTrees; t++) {
    const g = grids[t]!;
    for (let i = 0; i < len; i++) acc[i]! += g[i]!;
  }
  const inv = 1 / nTrees;
  for (let i = 0; i < len; i++) acc[i]! *= inv;
  return acc;
}

/**
 * Running sums of the grids: prefix[b − 1] = Σ_{t < b} grids[t] (Float32, relative rounding ≈ b·6e−8).
 * Built once after the per-tree grids, it makes every later re-average O(G²K).
 */
export function prefixSumGrids(grids: readonly Float32Array[]): Float32Array[] {
  if (grids.length === 0) throw new RangeError('grids must hold at least one grid, got 0');
  const len = grids[0]!.length;
  const acc = new Float64Array(len);
  return grids.map((g, t) => {
    if (g.length !== len) throw new RangeError(`every grid must have length ${len}, grid ${t} has ${g.length}`);
    for (let i = 0; i < len; i++) acc[i]! += g[i]!;
    return Float32Array.from(acc);
  });
}

/** The mean of the first `nTrees` grids from their prefix sums: prefix[nTrees − 1] / nTrees. */
export function averageFromPrefixSums(prefix: readonly Float32Array[], nTrees: number, out?: Float32Array): Float32Array {
  if (!Number.isInteger(nTrees) || nTrees < 1 || nTrees > prefix.length) {
    throw new RangeError(`nTrees must be an integer in 1..${prefix.length}, got ${nTrees}`);
  }
  const sum = prefix[nTrees - 1]!;
  const acc = out ?? new Float32Array(sum.length);
  if (acc.length !== sum.length) throw new RangeError(`out must have length ${sum.length}, got ${acc.length}`);
  const inv = 1 / nTrees;
  for (let i = 0; i < sum.length; i++) acc[i] = sum[i]! * inv;
  return acc;
}
