/**
 * Synthetic 1-D regression data for the overfitting topic: a few true functions on [0, 1] and noisy
 * samples t = f(x) + ε, ε ~ N(0, σ²), as in Bishop, PRML §1.1 (sin 2πx, σ = 0.3, x evenly spaced),
 * plus a seeded train/validation split. All randomness comes from an injected {@link Rng}.
 */
import { normalSampler, sampleIndices, type Rng } from '../random';

/** Names of the available true functions. */
export type TrueFunctionName = 'sin' | 'step' | 'abs' | 'cubic';

/** A true function with a printable formula. */
export interface TrueFunction {
  /** Identifier used in URLs and options. */
  name: TrueFunctionName;
  /** The formula as plain text, e.g. "sin(2πx)". */
  formula: string;
  /** The function itself. */
  f: (x: number) => number;
}

/**
 * The true functions, each ranging over about [−1, 1] on [0, 1] so that one noise level and one y-axis
 * suit them all: Bishop's sin 2πx (smooth, needs degree ≈ 3), a jump (no polynomial fits it well),
 * a kink |x − ½| (continuous, not differentiable) and a cubic (exactly degree 3, so degree 3 has zero bias).
 */
export const TRUE_FUNCTIONS: Readonly<Record<TrueFunctionName, TrueFunction>> = {
  sin: { name: 'sin', formula: 'sin(2πx)', f: (x) => Math.sin(2 * Math.PI * x) },
  step: { name: 'step', formula: 'x < 0.5 ? −1 : 1', f: (x) => (x < 0.5 ? -1 : 1) },
  abs: { name: 'abs', formula: '4|x − 0.5| − 1', f: (x) => 4 * Math.abs(x - 0.5) - 1 },
  cubic: { name: 'cubic', formula: '(x − 0.1)(x − 0.5)(x − 0.9) / 0.045', f: (x) => ((x - 0.1) * (x - 0.5) * (x - 0.9)) / 0.045 },
};

/** The true function called `name` (RangeError for an unknown name, e.g. from a hostile URL). */
export function trueFunction(name: TrueFunctionName): (x: number) => number {
  if (!Object.prototype.hasOwnProperty.call(TRUE_FUNCTIONS, name)) throw new RangeError(`unknown true function "${String(name)}"`);
  return TRUE_FUNCTIONS[name].f;
}

/** A 1-D data set: inputs x and targets y of equal length (plain JSON data). */
export interface CurveSample {
  x: number[];
  y: number[];
}

/** How the inputs of {@link sampleCurve} are placed. */
export type XDistribution = 'uniform' | 'grid';

/** Options of {@link sampleCurve}. */
export interface CurveSampleOptions {
  /** Number of points n ≥ 0. */
  n: number;
  /**
   * True function.
   * @default 'sin'
   */
  fn?: TrueFunctionName;
  /**
   * Noise standard deviation σ ≥ 0.
   * @default 0.3
   */
  noise?: number;
  /**
   * 'uniform': x drawn i.i.d. uniform on the domain, sorted ascending; 'grid': x evenly spaced from the
   * lower to the upper end inclusive, Bishop's choice (the midpoint when n = 1).
   * @default 'uniform'
   */
  xDistribution?: XDistribution;
  /**
   * Input interval [a, b] with a < b.
   * @default [0, 1]
   */
  domain?: readonly [number, number];
}

/** n noisy samples t = f(x) + ε, ε ~ N(0, σ²) (PRML §1.1), seeded through `rng`. */
export function sampleCurve(options: CurveSampleOptions, rng: Rng): CurveSample {
  const { n, fn = 'sin', noise = 0.3, xDistribution = 'uniform', domain = [0, 1] } = options;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isFinite(noise) || noise < 0) throw new RangeError(`noise must be a finite number ≥ 0, got ${noise}`);
  const [lo, hi] = domain;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) throw new RangeError(`domain must be a finite interval [a, b] with a < b, got [${lo}, ${hi}]`);
  if (xDistribution !== 'uniform' && xDistribution !== 'grid') throw new RangeError(`xDistribution must be 'uniform' or 'grid', got ${String(xDistribution)}`);
  const f = trueFunction(fn);
  let x: number[];
  if (xDistribution === 'grid') {
    x = n === 1 ? [(lo + hi) / 2] : Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  } else {
    x = Array.from({ length: n }, () => lo + (hi - lo) * rng());
    x.sort((a, b) => a - b);
  }
  const eps = normalSampler(rng, 0, noise);
  const y = x.map((xi) => f(xi) + (noise > 0 ? eps() : 0));
  return { x, y };
}

/** A data set split in two parts. */
export interface TrainValidationSplit {
  train: CurveSample;
  validation: CurveSample;
}

/**
 * A seeded random split: round(n · validationFraction) points go to validation, the rest to training;
 * each part keeps the original order of the points.
 */
export function splitTrainValidation(sample: CurveSample, validationFraction: number, rng: Rng): TrainValidationSplit {
  const n = sample.x.length;
  if (sample.y.length !== n) throw new RangeError(`x and y must have the same length, got ${n} and ${sample.y.length}`);
  if (!(validationFraction >= 0 && validationFraction <= 1)) throw new RangeError(`validationFraction must be in [0, 1], got ${validationFraction}`);
  const k = Math.round(n * validationFraction);
  const inValidation = new Uint8Array(n);
  for (const i of sampleIndices(n, k, rng)) inValidation[i] = 1;
  const train: CurveSample = { x: [], y: [] };
  const validation: CurveSample = { x: [], y: [] };
  for (let i = 0; i < n; i++) {
    const part = inValidation[i] ? validation : train;
    part.x.push(sample.x[i]!);
    part.y.push(sample.y[i]!);
  }
  return { train, validation };
}
