/**
 * RANSAC line fitting (Fischler & Bolles 1981, "Random Sample Consensus: A Paradigm for Model Fitting
 * with Applications to Image Analysis and Automated Cartography", CACM 24(6):381–395).
 *
 * Each trial draws 2 distinct points, takes the line through them as the candidate, and counts the
 * points whose residual is ≤ threshold (the consensus set). The candidate with the largest consensus
 * set wins (ties keep the earlier one); the answer is the least-squares refit on that set. With
 * `stopProbability` the trial budget shrinks after each improvement to
 * N = ⌈log(1 − p) / log(1 − w²)⌉, w = best inlier count / n, exactly as scikit-learn's
 * RANSACRegressor (`max_trials = min(max_trials, _dynamic_max_trials(...))`, loop while
 * `n_trials < max_trials`), so skipped trials count towards the budget there too.
 */
import { createRng, randomInt } from '../random';
import { leastSquaresLine } from './leastSquaresLine';
import { countInliers, inlierMask, type Line, type Point, type ResidualKind } from './line';
import { ransacTrialCount } from './ransacTrialCount';

export { leastSquaresLine } from './leastSquaresLine';
export { ransacTrialCount } from './ransacTrialCount';
export { countInliers, inlierMask, lineResidual, predictLine } from './line';
export type { Line, Point, ResidualKind } from './line';

/** Options of {@link ransacLine}. */
export interface RansacLineOptions {
  /** A point is an inlier when its residual is ≤ threshold (> 0). */
  threshold: number;
  /**
   * Upper bound on the number of trials (scikit-learn's `max_trials`).
   * @default 100
   */
  maxTrials?: number | undefined;
  /**
   * If set (in (0, 1)), the budget shrinks to ransacTrialCount(p, w, 2) after each improvement, like
   * scikit-learn's `stop_probability`. Unset: all `maxTrials` trials run.
   * @default undefined
   */
  stopProbability?: number | undefined;
  /**
   * Residual measure: vertical |y − ŷ| (scikit-learn's `loss='absolute_error'`) or perpendicular distance.
   * @default 'vertical'
   */
  residual?: ResidualKind | undefined;
  /** Seed of the sampling stream; equal seeds give equal trials. */
  seed: number;
  /**
   * Refit the line by least squares on the best inlier set (true, the classic RANSAC answer) or return
   * the best 2-point candidate itself (false; `inliers` is then exactly that candidate's consensus set).
   * @default true
   */
  refit?: boolean | undefined;
}

/** One RANSAC trial, recorded for the step-through figure. */
export interface RansacTrial {
  /** 0-based trial number. */
  index: number;
  /** Indices of the 2 distinct points drawn. */
  sample: [number, number];
  /** The line through the two samples; null when the trial was skipped (equal x, vertical candidate). */
  line: Line | null;
  /** True when the two samples share x, so no line y = m·x + b passes through both. */
  skipped: boolean;
  /** Points within the threshold of `line` (0 for a skipped trial). */
  inlierCount: number;
  /** True when this candidate had strictly more inliers than every earlier one and became the best. */
  becameBest: boolean;
  /** The trial budget in force after this trial (shrinks with `stopProbability`). */
  budget: number;
}

/** Result of {@link ransacLine}: plain JSON-serialisable data. */
export interface RansacLineResult {
  slope: number;
  intercept: number;
  /** inliers[i] is true when point i is in the best consensus set; length n. */
  inliers: boolean[];
  /** Every trial in order. */
  trials: RansacTrial[];
}

function validate(points: readonly Point[], options: RansacLineOptions): void {
  const n = points.length;
  if (n < 2) throw new RangeError(`ransacLine needs at least 2 points, got ${n}`);
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      throw new RangeError(`ransacLine needs finite coordinates, got (${p.x}, ${p.y})`);
    }
  }
  const first = points[0]!;
  if (points.every((p) => p.x === first.x && p.y === first.y)) {
    throw new RangeError(`ransacLine: all ${n} points are identical (${first.x}, ${first.y}); no line is defined`);
  }
  if (points.every((p) => p.x === first.x)) {
    throw new RangeError(`ransacLine: all ${n} points have x = ${first.x}; a vertical line has no slope`);
  }
  const { threshold, maxTrials, stopProbability } = options;
  if (!(threshold > 0) || !Number.isFinite(threshold)) {
    throw new RangeError(`threshold must be a finite number > 0, got ${threshold}`);
  }
  if (maxTrials !== undefined && (!Number.isInteger(maxTrials) || maxTrials < 1)) {
    throw new RangeError(`maxTrials must be a positive integer, got ${maxTrials}`);
  }
  if (stopProbability !== undefined && !(stopProbability > 0 && stopProbability < 1)) {
    throw new RangeError(`stopProbability must be in (0, 1), got ${stopProbability}`);
  }
  if (!Number.isFinite(options.seed)) throw new RangeError(`seed must be a finite number, got ${options.seed}`);
}

/**
 * Robust line fit by RANSAC with 2-point samples; see the module comment for the algorithm.
 * Throws a RangeError for bad input (fewer than 2 points, all identical or all on one vertical,
 * threshold ≤ 0, stopProbability outside (0, 1)), and an Error when every trial was skipped.
 */
export function ransacLine(points: readonly Point[], options: RansacLineOptions): RansacLineResult {
  validate(points, options);
  const n = points.length;
  const { threshold, stopProbability } = options;
  const kind: ResidualKind = options.residual ?? 'vertical';
  const rng = createRng(options.seed);
  let budget = options.maxTrials ?? 100;
  let bestCount = 0;
  let bestLine: Line | null = null;
  const trials: RansacTrial[] = [];

  while (trials.length < budget) {
    const index = trials.length;
    // two distinct indices, uniform over ordered pairs: i, then j from the other n − 1
    const i = randomInt(rng, n);
    let j = randomInt(rng, n - 1);
    if (j >= i) j++;
    const a = points[i]!;
    const b = points[j]!;
    if (a.x === b.x) {
      trials.push({ index, sample: [i, j], line: null, skipped: true, inlierCount: 0, becameBest: false, budget });
      continue;
    }
    const slope = (b.y - a.y) / (b.x - a.x);
    const line: Line = { slope, intercept: a.y - slope * a.x };
    const inlierCount = countInliers(points, line, threshold, kind);
    const becameBest = inlierCount > bestCount;
    if (becameBest) {
      bestCount = inlierCount;
      bestLine = line;
      if (stopProbability !== undefined) budget = Math.min(budget, ransacTrialCount(stopProbability, inlierCount / n, 2));
    }
    trials.push({ index, sample: [i, j], line, skipped: false, inlierCount, becameBest, budget });
  }

  if (bestLine === null) {
    throw new Error(`ransacLine: all ${trials.length} trials drew two points with equal x (or had no inliers); no candidate line`);
  }
  const inliers = inlierMask(points, bestLine, threshold, kind);
  let fitted = bestLine;
  if (options.refit ?? true) {
    const inlierPoints = points.filter((_, k) => inliers[k]);
    // the two samples are in the set, so x varies unless the threshold is below rounding error
    const x0 = inlierPoints[0]?.x;
    if (inlierPoints.some((p) => p.x !== x0)) fitted = leastSquaresLine(inlierPoints);
  }
  return { slope: fitted.slope, intercept: fitted.intercept, inliers, trials };
}
