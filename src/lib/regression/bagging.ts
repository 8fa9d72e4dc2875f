/**
 * Bagging (bootstrap aggregating, Breiman 1996, "Bagging predictors", Machine Learning 24:123–140) of
 * polynomial fits: B fits on bootstrap resamples of the training set, averaged. Averaging cancels much
 * of the variance of a high-degree fit while keeping its low bias (PRML §14.2 on committees).
 * Because a polynomial is linear in its coefficients, the average of the B curves is itself the
 * polynomial whose coefficients are the average of the members' coefficients.
 */
import { evaluatePolynomial, fitPolynomial } from './polynomial';
import type { CurveSample } from '../data/curves';
import { bootstrapIndices, fork, type Rng } from '../random';

/** Options of {@link baggingFit}. */
export interface BaggingOptions {
  /**
   * Number of bootstrap fits B.
   * @default 20
   */
  bags?: number;
  /**
   * Penalty λ ≥ 0 on ‖w‖² of every member fit.
   * @default 0
   */
  l2?: number;
}

/** A bagged polynomial (plain JSON data). */
export interface BaggedPolynomial {
  /** Coefficients (increasing power) of each member fit, one per bootstrap sample. */
  members: number[][];
  /** Mean of the members' coefficients: the averaged curve as one polynomial. */
  coefficients: number[];
}

/**
 * B degree-`degree` least-squares fits on bootstrap resamples of `sample` (each from its own forked
 * stream), and their average. A resample with fewer distinct x than degree + 1 gets the minimum-norm fit.
 */
export function baggingFit(sample: CurveSample, degree: number, options: BaggingOptions, rng: Rng): BaggedPolynomial {
  const { bags = 20, l2 = 0 } = options;
  if (!Number.isInteger(degree) || degree < 0) throw new RangeError(`degree must be a non-negative integer, got ${degree}`);
  if (!Number.isInteger(bags) || bags < 1) throw new RangeError(`bags must be a positive integer, got ${bags}`);
  const n = sample.x.length;
  if (sample.y.length !== n) throw new RangeError(`x and y must have the same length, got ${n} and ${sample.y.length}`);
  const members: number[][] = [];
  const coefficients = new Array<number>(degree + 1).fill(0);
  for (let b = 0; b < bags; b++) {
    const idx = bootstrapIndices(n, fork(rng));
    const w = fitPolynomial(idx.map((i) => sample.x[i]!), idx.map((i) => sample.y[i]!), degree, { l2 });
    members.push(w);
    for (let j = 0; j <= degree; j++) coefficients[j] = coefficients[j]! + w[j]! / bags;
  }
  return { members, coefficients };
}

/** The bagged prediction at x: the mean of the members' predictions. */
export function baggingPredict(model: BaggedPolynomial, x: number): number {
  let s = 0;
  for (const w of model.members) s += evaluatePolynomial(w, x);
  return s / model.members.length;
}

/** Each member's curve and the mean curve at the inputs `xs`, ready to draw. */
export function baggingCurves(model: BaggedPolynomial, xs: readonly number[]): { members: number[][]; mean: number[] } {
  const members = model.members.map((w) => xs.map((x) => evaluatePolynomial(w, x)));
  const mean = xs.map((_, i) => members.reduce((s, curve) => s + curve[i]!, 0) / members.length);
  return { members, mean };
}
