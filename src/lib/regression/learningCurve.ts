/**
 * Learning curve: training and validation error against the number of training points n for a fixed
 * model, averaged over seeded repeats. With more data a flexible model overfits less (PRML Fig. 1.6):
 * training error rises towards the noise level σ² and validation error falls towards it.
 */
import { fitPolynomial } from './polynomial';
import { polyErrors } from './polyErrors';
import { sampleCurve, type CurveSample, type TrueFunctionName } from '../data/curves';
import { fork, shuffle, type Rng } from '../random';

/** Options of {@link learningCurve}. */
export interface LearningCurveOptions {
  /** Training-set sizes n (positive integers), in the order the points are returned. */
  sizes: readonly number[];
  /**
   * Polynomial degree.
   * @default 9
   */
  degree?: number;
  /**
   * Penalty λ ≥ 0 on ‖w‖².
   * @default 0
   */
  l2?: number;
  /**
   * True function.
   * @default 'sin'
   */
  fn?: TrueFunctionName;
  /**
   * Noise standard deviation σ.
   * @default 0.3
   */
  noise?: number;
  /**
   * Independent training sets per size; errors are averaged over them.
   * @default 20
   */
  repeats?: number;
  /**
   * Size of the one noisy validation set (x uniform on [0, 1]) shared by all repeats.
   * @default 200
   */
  validationSize?: number;
}

/** Errors at one training-set size, averaged over repeats. */
export interface LearningCurvePoint {
  n: number;
  /** Mean over repeats of the training MSE. */
  trainMse: number;
  /** Mean over repeats of the validation MSE. */
  validationMse: number;
  /** √trainMse. */
  trainRms: number;
  /** √validationMse. */
  validationRms: number;
  /** Median over repeats of the validation MSE (robust to the blow-up near n = degree + 1). */
  validationMseMedian: number;
}

/**
 * Learning curve by simulation. Each repeat draws, from its own forked stream, a pool of max(sizes)
 * points with x uniform on [0, 1] in random order; size n uses the first n, so the training sets of one
 * repeat are nested and the curve is smooth within a repeat. The validation set is drawn once.
 */
export function learningCurve(options: LearningCurveOptions, rng: Rng): LearningCurvePoint[] {
  const { sizes, degree = 9, l2 = 0, fn = 'sin', noise = 0.3, repeats = 20, validationSize = 200 } = options;
  for (const n of sizes) if (!Number.isInteger(n) || n < 1) throw new RangeError(`sizes must be positive integers, got ${n}`);
  if (!Number.isInteger(repeats) || repeats < 1) throw new RangeError(`repeats must be a positive integer, got ${repeats}`);
  if (!Number.isInteger(validationSize) || validationSize < 1) throw new RangeError(`validationSize must be a positive integer, got ${validationSize}`);
  const validation = sampleCurve({ n: validationSize, fn, noise }, fork(rng));
  const maxN = sizes.reduce((a, b) => Math.max(a, b), 0);
  const trainSum = new Float64Array(sizes.length);
  const validationAll = sizes.map(() => new Float64Array(repeats));
  for (let r = 0; r < repeats; r++) {
    const rr = fork(rng);
    const sorted = sampleCurve({ n: maxN, fn, noise }, rr);
    const order = shuffle(Array.from({ length: maxN }, (_, i) => i), rr);
    const pool: CurveSample = { x: order.map((i) => sorted.x[i]!), y: order.map((i) => sorted.y[i]!) };
    sizes.forEach((n, s) => {
      const train: CurveSample = { x: pool.x.slice(0, n), y: pool.y.slice(0, n) };
      const w = fitPolynomial(train.x, train.y, degree, { l2 });
      trainSum[s] = trainSum[s]! + polyErrors(w, train).mse;
      validationAll[s]![r] = polyErrors(w, validation).mse;
    });
  }
  return sizes.map((n, s) => {
    const v = validationAll[s]!;
    const trainMse = trainSum[s]! / repeats;
    const validationMse = v.reduce((a, b) => a + b, 0) / repeats;
    return { n, trainMse, validationMse, trainRms: Math.sqrt(trainMse), validationRms: Math.sqrt(validationMse), validationMseMedian: median(v) };
  });
}

function median(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}
