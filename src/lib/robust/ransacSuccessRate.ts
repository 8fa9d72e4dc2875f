/**
 * Success-rate study: over many seeded data sets, how often does RANSAC with N trials succeed, next
 * to the theory 1 − (1 − wˢ)ᴺ (Fischler & Bolles 1981)?
 *
 * Each run r draws its own data (lineWithOutliers with a seed mixed from the study seed and r) and one
 * RANSAC stream of max(N) trials without early stopping. A RANSAC run with fewer trials and the same
 * seed performs exactly the first N of those trials, so one stream answers every N at once.
 * Runs are independent of each other and of chunking, so a worker can run them in chunks
 * ({@link ransacSuccessChunk}, {@link ransacSuccessSteps}) and the totals equal a single pass.
 */
import { lineWithOutliers, type LineWithOutliersOptions } from '../data/lineWithOutliers';
import { leastSquaresLine } from './leastSquaresLine';
import { inlierMask, type Line } from './line';
import { mixSeed } from '../random';
import { ransacLine } from './ransac';

/** Configuration of a success-rate study (plain data, so it can be posted to a worker). */
export interface SuccessStudyConfig {
  /** Data generator options for every run; the per-run seed is derived from `seed`. */
  data: Omit<LineWithOutliersOptions, 'seed'>;
  /** RANSAC inlier threshold (vertical residual). */
  threshold: number;
  /** Trial budgets N to evaluate (positive integers). */
  trialCounts: number[];
  /** Number of seeded runs (data set + RANSAC stream each). */
  runs: number;
  /** Study seed. */
  seed: number;
  /**
   * A run succeeds at N under `withinTolerance` when the refit line stays within this vertical distance
   * of the true line over the whole xRange (checked at both ends, where a linear gap is largest).
   * @default 0.5
   */
  tolerance?: number | undefined;
}

/** Success counts per N, summed over `runs` runs; every array is aligned with `trialCounts`. */
export interface SuccessCounts {
  trialCounts: number[];
  runs: number;
  /** Some sample among the first N was two generated inliers: the event the theory describes. */
  anyCleanSample: number[];
  /** The best candidate after N trials came from two generated inliers. */
  bestSampleClean: number[];
  /** The least-squares refit on the best consensus set after N trials is within `tolerance` of the truth. */
  withinTolerance: number[];
}

/** Progress of a chunked study: cumulative counts after `done` of `total` runs. */
export interface SuccessProgress {
  done: number;
  total: number;
  counts: SuccessCounts;
}

/** Seed of run r's data (stream 2r) or RANSAC sampler (stream 2r + 1): see {@link mixSeed}. */
export function runSeed(seed: number, stream: number): number {
  return mixSeed(seed, stream);
}

function validate(config: SuccessStudyConfig): void {
  const { trialCounts, runs, threshold } = config;
  if (trialCounts.length === 0 || !trialCounts.every((N) => Number.isInteger(N) && N >= 1)) {
    throw new RangeError(`trialCounts must be positive integers, got [${trialCounts.join(', ')}]`);
  }
  if (!Number.isInteger(runs) || runs < 0) throw new RangeError(`runs must be an integer ≥ 0, got ${runs}`);
  if (!(threshold > 0)) throw new RangeError(`threshold must be > 0, got ${threshold}`);
  const tol = config.tolerance ?? 0.5;
  if (!(tol > 0)) throw new RangeError(`tolerance must be > 0, got ${tol}`);
}

/** Empty counts for a configuration (the identity of {@link mergeSuccessCounts}). */
export function emptySuccessCounts(config: SuccessStudyConfig): SuccessCounts {
  const zeros = () => config.trialCounts.map(() => 0);
  return { trialCounts: config.trialCounts.slice(), runs: 0, anyCleanSample: zeros(), bestSampleClean: zeros(), withinTolerance: zeros() };
}

/** Sum of two partial results over disjoint run ranges. */
export function mergeSuccessCounts(a: SuccessCounts, b: SuccessCounts): SuccessCounts {
  if (a.trialCounts.length !== b.trialCounts.length || a.trialCounts.some((N, k) => N !== b.trialCounts[k])) {
    throw new RangeError('mergeSuccessCounts: the two results use different trialCounts');
  }
  const add = (x: number[], y: number[]) => x.map((v, k) => v + y[k]!);
  return {
    trialCounts: a.trialCounts.slice(),
    runs: a.runs + b.runs,
    anyCleanSample: add(a.anyCleanSample, b.anyCleanSample),
    bestSampleClean: add(a.bestSampleClean, b.bestSampleClean),
    withinTolerance: add(a.withinTolerance, b.withinTolerance),
  };
}

/** Runs [start, end) of the study; the pieces of any chunking merge to the same totals. */
export function ransacSuccessChunk(config: SuccessStudyConfig, start: number, end: number): SuccessCounts {
  validate(config);
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= config.runs)) {
    throw new RangeError(`run range [${start}, ${end}) must lie within [0, ${config.runs}]`);
  }
  const out = emptySuccessCounts(config);
  const maxN = Math.max(...config.trialCounts);
  const tol = config.tolerance ?? 0.5;
  const slope = config.data.slope ?? 1;
  const intercept = config.data.intercept ?? 0;
  for (let r = start; r < end; r++) {
    const data = lineWithOutliers({ ...config.data, seed: runSeed(config.seed, 2 * r) });
    const { points, isOutlier } = data;
    const [xa, xb] = data.xRange;
    const { trials } = ransacLine(points, { threshold: config.threshold, maxTrials: maxN, seed: runSeed(config.seed, 2 * r + 1), refit: false });
    // per trial prefix: first clean sample, and the best candidate's cleanliness and accuracy
    let firstClean = Infinity;
    const bestClean: boolean[] = [];
    const bestGood: boolean[] = [];
    let clean = false;
    let good = false;
    for (const t of trials) {
      const isClean = !isOutlier[t.sample[0]] && !isOutlier[t.sample[1]];
      if (isClean && firstClean === Infinity) firstClean = t.index;
      if (t.becameBest && t.line) {
        clean = isClean;
        const mask = inlierMask(points, t.line, config.threshold);
        const set = points.filter((_, k) => mask[k]);
        let fit: Line = t.line;
        if (set.some((p) => p.x !== set[0]!.x)) fit = leastSquaresLine(set);
        const gapA = Math.abs(fit.slope * xa + fit.intercept - (slope * xa + intercept));
        const gapB = Math.abs(fit.slope * xb + fit.intercept - (slope * xb + intercept));
        good = Math.max(gapA, gapB) <= tol;
      }
      bestClean.push(clean);
      bestGood.push(good);
    }
    config.trialCounts.forEach((N, k) => {
      if (firstClean < N) out.anyCleanSample[k]!++;
      if (bestClean[N - 1]) out.bestSampleClean[k]!++;
      if (bestGood[N - 1]) out.withinTolerance[k]!++;
    });
    out.runs++;
  }
  return out;
}

/** The whole study in one call (for tests and small studies; a figure should use the chunked form). */
export function ransacSuccessStudy(config: SuccessStudyConfig): SuccessCounts {
  return ransacSuccessChunk(config, 0, config.runs);
}

/**
 * The study in chunks of `chunkSize` runs, yielding cumulative counts after each chunk, so a Web
 * Worker can post progress between chunks (and stop early by not calling `next`).
 */
export function* ransacSuccessSteps(config: SuccessStudyConfig, chunkSize = 20): Generator<SuccessProgress, SuccessCounts, void> {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  let counts = emptySuccessCounts(config);
  for (let start = 0; start < config.runs; start += chunkSize) {
    const end = Math.min(config.runs, start + chunkSize);
    counts = mergeSuccessCounts(counts, ransacSuccessChunk(config, start, end));
    yield { done: end, total: config.runs, counts };
  }
  return counts;
}

/** Success fractions (count / runs) for each criterion; NaN-free: 0 runs give all zeros. */
export function successRates(counts: SuccessCounts): { anyCleanSample: number[]; bestSampleClean: number[]; withinTolerance: number[] } {
  const rate = (xs: number[]) => xs.map((c) => (counts.runs === 0 ? 0 : c / counts.runs));
  return { anyCleanSample: rate(counts.anyCleanSample), bestSampleClean: rate(counts.bestSampleClean), withinTolerance: rate(counts.withinTolerance) };
}

/**
 * Exact probability that a sample of s distinct points (drawn without replacement, as RANSAC does)
 * holds only inliers: Π_{k<s} (nIn − k)/(n − k). Tends to wˢ, w = nIn/n, as n grows.
 */
export function cleanSampleProbability(nInliers: number, n: number, sampleSize: number): number {
  if (!(Number.isInteger(n) && Number.isInteger(nInliers) && 0 <= nInliers && nInliers <= n)) {
    throw new RangeError(`need integers 0 ≤ nInliers ≤ n, got nInliers = ${nInliers}, n = ${n}`);
  }
  if (!Number.isInteger(sampleSize) || sampleSize < 1 || sampleSize > n) {
    throw new RangeError(`sampleSize must be an integer in [1, ${n}], got ${sampleSize}`);
  }
  let p = 1;
  for (let k = 0; k < sampleSize; k++) p *= (nInliers - k) / (n - k);
  return Math.max(0, p);
}

export { theoreticalSuccessRate } from './ransacTrialCount';
