/**
 * Two-class, two-dimensional Gaussian data for the discriminative-vs-generative figure, with a
 * switch that breaks the Gaussian assumption (one class a crescent or heavy-tailed, plus outliers).
 */
import { createRng, normalSampler, shuffle, type Rng } from '../random';

/** Shape of one class's Gaussian: standard deviations along its own axes and the axes' rotation. */
export interface ClassShape {
  /**
   * Standard deviation along the class's first axis.
   * @default 1
   */
  sigmaX?: number;
  /**
   * Standard deviation along the class's second axis.
   * @default 1
   */
  sigmaY?: number;
  /**
   * Rotation of the axes in radians (counter-clockwise).
   * @default 0
   */
  rotation?: number;
}

/** How class 1 departs from a Gaussian. */
export type AssumptionBreak = 'none' | 'crescent' | 'heavyTail';

/** Options for {@link gaussianClasses}. */
export interface GaussianClassesOptions {
  /**
   * Number of points (both classes).
   * @default 200
   */
  n?: number;
  /**
   * Distance between the class centres; class 0 sits at (−separation/2, 0), class 1 at (+separation/2, 0).
   * @default 2.5
   */
  separation?: number;
  /**
   * Fraction of points in class 1, P(y = 1). Class sizes are exact: n₁ = round(n·prior).
   * @default 0.5
   */
  prior?: number;
  /**
   * Shape of class 0.
   * @default { sigmaX: 1, sigmaY: 1, rotation: 0 }
   */
  class0?: ClassShape;
  /**
   * Shape of class 1 (ignored when `sharedCovariance` is true).
   * @default { sigmaX: 1, sigmaY: 1, rotation: 0 }
   */
  class1?: ClassShape;
  /**
   * Give class 1 the covariance of class 0 (the LDA / shared-covariance GDA assumption).
   * @default false
   */
  sharedCovariance?: boolean;
  /**
   * Break the Gaussian assumption for class 1: 'crescent' bends it into a half ring around class 0,
   * 'heavyTail' draws it from a Student-t with `degreesOfFreedom` instead of a normal.
   * @default 'none'
   */
  breakAssumption?: AssumptionBreak;
  /**
   * Degrees of freedom of the Student-t used by 'heavyTail' (a positive integer; smaller = heavier).
   * @default 2
   */
  degreesOfFreedom?: number;
  /**
   * Fraction of class 1 replaced by far outliers (still labelled 1) placed beyond class 1, away
   * from class 0: they drag a generative model's mean and variance but barely move logistic regression.
   * @default 0 when breakAssumption is 'none', else 0.04
   */
  outlierFraction?: number;
  /**
   * Seed of the generator.
   * @default 1
   */
  seed?: number;
}

/** The sample and the true parameters it was drawn from. */
export interface GaussianClassesData {
  X: number[][];
  y: number[];
  /** True class centres [class 0, class 1]. */
  means: [number[], number[]];
  /** True Gaussian covariances [class 0, class 1] (before any crescent / heavy tail / outliers). */
  covariances: [number[][], number[][]];
  /** The exact class sizes [n₀, n₁]. */
  counts: [number, number];
  /** Which rows are outliers (true) — for drawing them differently. */
  outlier: boolean[];
}

/** Covariance R diag(σx², σy²) Rᵀ of a rotated axis-aligned Gaussian. */
export function shapeCovariance(shape: ClassShape = {}): number[][] {
  const sx = shape.sigmaX ?? 1;
  const sy = shape.sigmaY ?? 1;
  const t = shape.rotation ?? 0;
  if (!(sx > 0) || !Number.isFinite(sx)) throw new RangeError(`sigmaX must be a positive number, got ${sx}`);
  if (!(sy > 0) || !Number.isFinite(sy)) throw new RangeError(`sigmaY must be a positive number, got ${sy}`);
  if (!Number.isFinite(t)) throw new RangeError(`rotation must be a finite number, got ${t}`);
  const c = Math.cos(t);
  const s = Math.sin(t);
  const a = sx * sx;
  const b = sy * sy;
  return [
    [c * c * a + s * s * b, c * s * (a - b)],
    [c * s * (a - b), s * s * a + c * c * b],
  ];
}

/** Draws a point A·z where z is standard normal (or Student-t) and A = R diag(σx, σy). */
function drawShaped(shape: ClassShape, z1: number, z2: number): [number, number] {
  const sx = shape.sigmaX ?? 1;
  const sy = shape.sigmaY ?? 1;
  const t = shape.rotation ?? 0;
  const c = Math.cos(t);
  const s = Math.sin(t);
  return [c * sx * z1 - s * sy * z2, s * sx * z1 + c * sy * z2];
}

/**
 * Seeded two-class 2-D data: class k ~ N(μₖ, Σₖ) with μ₀ = (−s/2, 0), μ₁ = (s/2, 0) and
 * Σₖ = R(θₖ) diag(σxₖ², σyₖ²) R(θₖ)ᵀ, class sizes exactly round(n·prior), rows shuffled.
 * `breakAssumption` replaces class 1's Gaussian: 'crescent' = points on the half ring of radius s
 * around μ₀ (angle uniform in [−π/2, π/2], radial noise σ = mean of class 1's σx, σy), 'heavyTail' =
 * Student-t with ν degrees of freedom, z/√(χ²_ν/ν), shaped like Σ₁. Outliers land at
 * μ₁ + (6σ + U(0, 3σ), N(0, σ²)) with σ = the larger of class 1's σx, σy.
 */
export function gaussianClasses(options: GaussianClassesOptions = {}): GaussianClassesData {
  const n = options.n ?? 200;
  const sep = options.separation ?? 2.5;
  const prior = options.prior ?? 0.5;
  const shared = options.sharedCovariance ?? false;
  const mode = options.breakAssumption ?? 'none';
  const nu = options.degreesOfFreedom ?? 2;
  const outlierFraction = options.outlierFraction ?? (mode === 'none' ? 0 : 0.04);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isFinite(sep)) throw new RangeError(`separation must be a finite number, got ${sep}`);
  if (!(prior >= 0 && prior <= 1)) throw new RangeError(`prior must be in [0, 1], got ${prior}`);
  if (!Number.isInteger(nu) || nu < 1) throw new RangeError(`degreesOfFreedom must be a positive integer, got ${nu}`);
  if (!(outlierFraction >= 0 && outlierFraction <= 1)) throw new RangeError(`outlierFraction must be in [0, 1], got ${outlierFraction}`);
  if (mode !== 'none' && mode !== 'crescent' && mode !== 'heavyTail') throw new RangeError(`unknown breakAssumption: ${String(mode)}`);
  const shape0 = options.class0 ?? {};
  const shape1 = shared ? shape0 : (options.class1 ?? {});
  const cov0 = shapeCovariance(shape0);
  const cov1 = shapeCovariance(shape1);
  const mu0 = [-sep / 2, 0];
  const mu1 = [sep / 2, 0];

  const rng: Rng = createRng(seed);
  const normal = normalSampler(rng);
  const n1 = Math.round(n * prior);
  const n0 = n - n1;
  const nOut = Math.round(n1 * outlierFraction);
  const rows: { x: number[]; y: number; out: boolean }[] = [];
  for (let i = 0; i < n0; i++) {
    const [a, b] = drawShaped(shape0, normal(), normal());
    rows.push({ x: [mu0[0]! + a, mu0[1]! + b], y: 0, out: false });
  }
  const s1x = shape1.sigmaX ?? 1;
  const s1y = shape1.sigmaY ?? 1;
  for (let i = 0; i < n1; i++) {
    if (i < nOut) {
      const sigma = Math.max(s1x, s1y);
      rows.push({ x: [mu1[0]! + 6 * sigma + 3 * sigma * rng(), mu1[1]! + sigma * normal()], y: 1, out: true });
      continue;
    }
    if (mode === 'crescent') {
      const angle = -Math.PI / 2 + Math.PI * rng();
      const r = Math.abs(sep) + ((s1x + s1y) / 2) * normal();
      rows.push({ x: [mu0[0]! + r * Math.cos(angle), mu0[1]! + r * Math.sin(angle)], y: 1, out: false });
    } else if (mode === 'heavyTail') {
      let chi2 = 0;
      for (let k = 0; k < nu; k++) {
        const g = normal();
        chi2 += g * g;
      }
      const scale = 1 / Math.sqrt(Math.max(chi2 / nu, 1e-12));
      const [a, b] = drawShaped(shape1, normal() * scale, normal() * scale);
      rows.push({ x: [mu1[0]! + a, mu1[1]! + b], y: 1, out: false });
    } else {
      const [a, b] = drawShaped(shape1, normal(), normal());
      rows.push({ x: [mu1[0]! + a, mu1[1]! + b], y: 1, out: false });
    }
  }
  const mixed = shuffle(rows, rng);
  return {
    X: mixed.map((r) => r.x),
    y: mixed.map((r) => r.y),
    means: [mu0, mu1],
    covariances: [cov0, cov1],
    counts: [n0, n1],
    outlier: mixed.map((r) => r.out),
  };
}
