/**
 * Seeded toy data for robust line fitting: points on y = slope·x + intercept with Gaussian noise,
 * a share of which is replaced by outliers drawn uniformly in a box.
 */
import { createRng, mixSeed, normalSampler, sampleIndices, type Rng } from '../random';

/** Options of {@link lineWithOutliers}. */
export interface LineWithOutliersOptions {
  /** Total number of points (integer ≥ 2). */
  n: number;
  /**
   * Slope of the true line.
   * @default 1
   */
  slope?: number | undefined;
  /**
   * Intercept of the true line.
   * @default 0
   */
  intercept?: number | undefined;
  /**
   * Standard deviation σ of the Gaussian noise added to inlier y values (≥ 0).
   * @default 0.2
   */
  noise?: number | undefined;
  /**
   * Fraction of points that are outliers, in [0, 0.8]; the count is round(outlierRatio·n).
   * @default 0.3
   */
  outlierRatio?: number | undefined;
  /**
   * x range for inliers and outliers alike (uniform).
   * @default [0, 10]
   */
  xRange?: readonly [number, number] | undefined;
  /**
   * y range of the outlier box. Default: the true line's y range over xRange, widened on both sides by
   * a quarter of that range plus 1 (so a flat line still gets a box).
   * @default [lo − h, hi + h], h = (hi − lo)/4 + 1
   */
  yRange?: readonly [number, number] | undefined;
  /** Seed; equal seeds give equal data. */
  seed: number;
}

/** Generated data: points plus which of them were drawn as outliers. */
export interface LineWithOutliersData {
  points: { x: number; y: number }[];
  /** isOutlier[i] is true when point i came from the uniform box (it may still lie near the line). */
  isOutlier: boolean[];
  /** The outlier box actually used. */
  xRange: [number, number];
  yRange: [number, number];
}

function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** Points on a noisy line with uniform outliers, reproducible from `seed`. */
export function lineWithOutliers(options: LineWithOutliersOptions): LineWithOutliersData {
  const { n, seed } = options;
  const slope = options.slope ?? 1;
  const intercept = options.intercept ?? 0;
  const noise = options.noise ?? 0.2;
  const ratio = options.outlierRatio ?? 0.3;
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`n must be an integer ≥ 2, got ${n}`);
  if (!Number.isFinite(slope) || !Number.isFinite(intercept)) {
    throw new RangeError(`slope and intercept must be finite, got ${slope}, ${intercept}`);
  }
  if (!(noise >= 0) || !Number.isFinite(noise)) throw new RangeError(`noise must be a finite number ≥ 0, got ${noise}`);
  if (!(ratio >= 0 && ratio <= 0.8)) throw new RangeError(`outlierRatio must be in [0, 0.8], got ${ratio}`);
  const [x0, x1] = options.xRange ?? [0, 10];
  if (!(Number.isFinite(x0) && Number.isFinite(x1) && x0 < x1)) {
    throw new RangeError(`xRange must be finite with min < max, got [${x0}, ${x1}]`);
  }
  const yA = slope * x0 + intercept;
  const yB = slope * x1 + intercept;
  const lo = Math.min(yA, yB);
  const hi = Math.max(yA, yB);
  const h = (hi - lo) / 4 + 1;
  const [y0, y1] = options.yRange ?? [lo - h, hi + h];
  if (!(Number.isFinite(y0) && Number.isFinite(y1) && y0 < y1)) {
    throw new RangeError(`yRange must be finite with min < max, got [${y0}, ${y1}]`);
  }
  const nOut = Math.round(ratio * n);
  if (n - nOut < 2) throw new RangeError(`n = ${n} with outlierRatio ${ratio} leaves fewer than 2 inliers`);

  // three independent sub-streams (placement, inliers, outliers) from hashed seeds; fork() would give
  // overlapping LCG streams (see mixSeed in ../random)
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const placeRng = createRng(mixSeed(seed, 0));
  const inlierRng = createRng(mixSeed(seed, 1));
  const outlierRng = createRng(mixSeed(seed, 2));
  const gauss = normalSampler(inlierRng, 0, 1);
  const isOutlier = new Array<boolean>(n).fill(false);
  for (const k of sampleIndices(n, nOut, placeRng)) isOutlier[k] = true;
  const points = isOutlier.map((out) => {
    if (out) return { x: uniform(outlierRng, x0, x1), y: uniform(outlierRng, y0, y1) };
    const x = uniform(inlierRng, x0, x1);
    return { x, y: slope * x + intercept + noise * gauss() };
  });
  return { points, isOutlier, xRange: [x0, x1], yRange: [y0, y1] };
}
