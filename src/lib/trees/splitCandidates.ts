/**
 * Every candidate split of one node, with its impurity decrease: the table a CART step scans (and a
 * figure can show). Thresholds are midpoints between consecutive distinct sorted values of each feature;
 * `x[feature] <= threshold` goes left;
 *     Δ = I(parent) − (w_L / w) · I(left) − (w_R / w) · I(right)
 * with weighted class counts (see {@link impurity}). fitTree picks the largest Δ from the same list
 * (first one on ties), subject to its minSamplesLeaf rule.
 */
import { impurity, type SplitCriterion } from './cart';
import { checkLabelledData } from './checkLabelledData';

/** One candidate split. */
export interface SplitCandidate {
  feature: number;
  threshold: number;
  /** Weighted impurity decrease Δ. */
  decrease: number;
  /** Weighted class counts going left (x[feature] <= threshold) and right. */
  leftCounts: number[];
  rightCounts: number[];
}

/** Options of {@link splitCandidates}. */
export interface SplitCandidatesOptions {
  /** Impurity measure. @default 'gini' */
  criterion?: SplitCriterion;
  /** Number of classes K. @default max(y) + 1 */
  nClasses?: number;
  /** Non-negative weight per row; rows of weight 0 are left out. @default all 1 */
  sampleWeight?: readonly number[];
}

/** All candidate splits of the node holding rows X with labels y, feature by feature, thresholds ascending. */
export function splitCandidates(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: SplitCandidatesOptions = {},
): SplitCandidate[] {
  const K = checkLabelledData(X, y, options.nClasses);
  const criterion = options.criterion ?? 'gini';
  const w = options.sampleWeight ?? X.map(() => 1);
  if (w.length !== X.length) throw new RangeError(`sampleWeight must have one weight per row (${X.length}), got ${w.length}`);
  const rows = X.map((_, i) => i).filter((i) => w[i]! > 0);
  const total = rows.reduce((s, i) => s + w[i]!, 0);
  const parentCounts = new Array<number>(K).fill(0);
  for (const i of rows) parentCounts[y[i]!]! += w[i]!;
  const parent = impurity(parentCounts, criterion);
  const out: SplitCandidate[] = [];
  const d = X[0]!.length;
  for (let f = 0; f < d; f++) {
    const values = [...new Set(rows.map((i) => X[i]![f]!))].sort((a, b) => a - b);
    for (let v = 1; v < values.length; v++) {
      const a = values[v - 1]!;
      const b = values[v]!;
      let threshold = a / 2 + b / 2;
      if (threshold === b || !Number.isFinite(threshold)) threshold = a;
      const leftCounts = new Array<number>(K).fill(0);
      const rightCounts = new Array<number>(K).fill(0);
      let wL = 0;
      for (const i of rows) {
        if (X[i]![f]! <= threshold) {
          leftCounts[y[i]!]! += w[i]!;
          wL += w[i]!;
        } else rightCounts[y[i]!]! += w[i]!;
      }
      const decrease = parent - (wL / total) * impurity(leftCounts, criterion) - ((total - wL) / total) * impurity(rightCounts, criterion);
      out.push({ feature: f, threshold, decrease, leftCounts, rightCounts });
    }
  }
  return out;
}
