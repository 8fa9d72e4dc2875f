/**
 * RANSAC circle fitting: the same consensus loop as ransacLine with 3-point samples
 * (Fischler & Bolles 1981). A candidate is the circle through the 3 samples (circumcircle); a
 * point's residual is its distance to the circle, |‖p − c‖ − r|. The answer is the algebraic
 * least-squares (Kåsa 1976) refit on the best consensus set: minimise Σ (x² + y² + D·x + E·y + F)²,
 * then c = (−D/2, −E/2), r = √(D²/4 + E²/4 − F).
 */
import { createRng, randomInt } from '../random';
import type { Point } from './line';
import { ransacTrialCount } from './ransacTrialCount';

/** A circle (plain data). */
export interface Circle {
  cx: number;
  cy: number;
  r: number;
}

/** Options of {@link ransacCircle}. */
export interface RansacCircleOptions {
  /** A point is an inlier when | ‖p − c‖ − r | ≤ threshold (> 0). */
  threshold: number;
  /**
   * Upper bound on the number of trials.
   * @default 100
   */
  maxTrials?: number | undefined;
  /**
   * If set (in (0, 1)), the budget shrinks to ransacTrialCount(p, w, 3) after each improvement.
   * @default undefined
   */
  stopProbability?: number | undefined;
  /** Seed of the sampling stream. */
  seed: number;
  /**
   * Refit by algebraic least squares on the best consensus set, or return the best 3-point circle.
   * @default true
   */
  refit?: boolean | undefined;
}

/** One circle trial; `circle` is null when the 3 samples are collinear (skipped). */
export interface RansacCircleTrial {
  index: number;
  sample: [number, number, number];
  circle: Circle | null;
  skipped: boolean;
  inlierCount: number;
  becameBest: boolean;
  budget: number;
}

/** Result of {@link ransacCircle}. */
export interface RansacCircleResult extends Circle {
  inliers: boolean[];
  trials: RansacCircleTrial[];
}

/** Distance from `p` to the circle: | ‖p − c‖ − r |. */
export function circleResidual(p: Point, c: Circle): number {
  // sqrt rather than Math.hypot: hypot's overflow guard makes it several times slower in V8
  const dx = p.x - c.cx;
  const dy = p.y - c.cy;
  return Math.abs(Math.sqrt(dx * dx + dy * dy) - c.r);
}

/**
 * The circle through three points, or null when they are (numerically) collinear.
 * Centre from the perpendicular-bisector equations, with coordinates relative to `a` for accuracy.
 */
export function circleThrough(a: Point, b: Point, c: Point): Circle | null {
  const bx = b.x - a.x;
  const by = b.y - a.y;
  const cx = c.x - a.x;
  const cy = c.y - a.y;
  const d = 2 * (bx * cy - by * cx);
  const scale = (Math.abs(bx) + Math.abs(by)) * (Math.abs(cx) + Math.abs(cy));
  if (d === 0 || Math.abs(d) <= 1e-12 * scale) return null;
  const b2 = bx * bx + by * by;
  const c2 = cx * cx + cy * cy;
  const ux = (cy * b2 - by * c2) / d;
  const uy = (bx * c2 - cx * b2) / d;
  return { cx: a.x + ux, cy: a.y + uy, r: Math.hypot(ux, uy) };
}

/**
 * Algebraic least-squares circle (Kåsa fit) through ≥ 3 points not all collinear: solves the 3×3
 * normal equations of x² + y² + D·x + E·y + F ≈ 0 in coordinates centred on the mean.
 */
export function leastSquaresCircle(points: readonly Point[]): Circle {
  const n = points.length;
  if (n < 3) throw new RangeError(`leastSquaresCircle needs at least 3 points, got ${n}`);
  let mx = 0;
  let my = 0;
  for (const p of points) {
    mx += p.x;
    my += p.y;
  }
  mx /= n;
  my /= n;
  // normal equations A·[D, E, F]ᵀ = rhs with rows (u, v, 1) and target −(u² + v²)
  let suu = 0, suv = 0, svv = 0, su = 0, sv = 0, suz = 0, svz = 0, sz = 0;
  for (const p of points) {
    const u = p.x - mx;
    const v = p.y - my;
    const z = u * u + v * v;
    suu += u * u;
    suv += u * v;
    svv += v * v;
    su += u;
    sv += v;
    suz += u * z;
    svz += v * z;
    sz += z;
  }
  const A = [
    [suu, suv, su],
    [suv, svv, sv],
    [su, sv, n],
  ];
  const rhs = [-suz, -svz, -sz];
  const sol = solve3(A, rhs);
  if (sol === null) throw new RangeError('leastSquaresCircle: the points are collinear; no circle fits');
  const [D, E, F] = sol;
  const ux = -D / 2;
  const uy = -E / 2;
  const r2 = ux * ux + uy * uy - F;
  if (!(r2 > 0)) throw new RangeError('leastSquaresCircle: degenerate fit (non-positive radius²)');
  return { cx: mx + ux, cy: my + uy, r: Math.sqrt(r2) };
}

/** Gaussian elimination with partial pivoting for a 3×3 system; null when singular. */
function solve3(A: number[][], b: number[]): [number, number, number] | null {
  const M = A.map((row, i) => [...row, b[i]!]);
  const norm = Math.max(...A.flat().map(Math.abs));
  for (let col = 0; col < 3; col++) {
    let piv = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(M[r]![col]!) > Math.abs(M[piv]![col]!)) piv = r;
    if (Math.abs(M[piv]![col]!) <= 1e-13 * norm) return null;
    [M[col], M[piv]] = [M[piv]!, M[col]!];
    for (let r = col + 1; r < 3; r++) {
      const f = M[r]![col]! / M[col]![col]!;
      for (let k = col; k < 4; k++) M[r]![k]! -= f * M[col]![k]!;
    }
  }
  const x = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let s = M[r]![3]!;
    for (let k = r + 1; k < 3; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return [x[0]!, x[1]!, x[2]!];
}

/** Robust circle fit by RANSAC with 3-point samples; RangeError for bad input, Error when every trial was skipped. */
export function ransacCircle(points: readonly Point[], options: RansacCircleOptions): RansacCircleResult {
  const n = points.length;
  if (n < 3) throw new RangeError(`ransacCircle needs at least 3 points, got ${n}`);
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new RangeError(`ransacCircle needs finite coordinates, got (${p.x}, ${p.y})`);
  }
  const a = points[0]!;
  const b = points.find((p) => p.x !== a.x || p.y !== a.y);
  if (b === undefined) throw new RangeError(`ransacCircle: all ${n} points are identical (${a.x}, ${a.y}); no circle is defined`);
  if (points.every((p) => (b.x - a.x) * (p.y - a.y) === (b.y - a.y) * (p.x - a.x))) {
    throw new RangeError(`ransacCircle: all ${n} points are collinear; no circle passes through three of them`);
  }
  const { threshold, stopProbability } = options;
  if (!(threshold > 0) || !Number.isFinite(threshold)) throw new RangeError(`threshold must be a finite number > 0, got ${threshold}`);
  const maxTrials = options.maxTrials ?? 100;
  if (!Number.isInteger(maxTrials) || maxTrials < 1) throw new RangeError(`maxTrials must be a positive integer, got ${maxTrials}`);
  if (stopProbability !== undefined && !(stopProbability > 0 && stopProbability < 1)) {
    throw new RangeError(`stopProbability must be in (0, 1), got ${stopProbability}`);
  }
  const rng = createRng(options.seed);
  let budget = maxTrials;
  let best = 0;
  let bestCircle: Circle | null = null;
  const trials: RansacCircleTrial[] = [];
  while (trials.length < budget) {
    const index = trials.length;
    // three distinct indices: i, then j from the other n − 1, then k from the other n − 2
    const i = randomInt(rng, n);
    let j = randomInt(rng, n - 1);
    if (j >= i) j++;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    let k = randomInt(rng, n - 2);
    if (k >= lo) k++;
    if (k >= hi) k++;
    const circle = circleThrough(points[i]!, points[j]!, points[k]!);
    if (circle === null) {
      trials.push({ index, sample: [i, j, k], circle: null, skipped: true, inlierCount: 0, becameBest: false, budget });
      continue;
    }
    let inlierCount = 0;
    for (let q = 0; q < n; q++) if (circleResidual(points[q]!, circle) <= threshold) inlierCount++;
    const becameBest = inlierCount > best;
    if (becameBest) {
      best = inlierCount;
      bestCircle = circle;
      if (stopProbability !== undefined) budget = Math.min(budget, ransacTrialCount(stopProbability, inlierCount / n, 3));
    }
    trials.push({ index, sample: [i, j, k], circle, skipped: false, inlierCount, becameBest, budget });
  }
  if (bestCircle === null) throw new Error(`ransacCircle: all ${trials.length} trials drew collinear points; no candidate circle`);
  const inliers = points.map((p) => circleResidual(p, bestCircle) <= threshold);
  let fitted = bestCircle;
  if (options.refit ?? true) {
    try {
      fitted = leastSquaresCircle(points.filter((_, q) => inliers[q]));
    } catch {
      // a consensus set that is (numerically) collinear cannot be refit: keep the 3-point circle
    }
  }
  return { cx: fitted.cx, cy: fitted.cy, r: fitted.r, inliers, trials };
}
