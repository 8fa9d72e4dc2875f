/**
 * Error measures for the overfitting figures. Bishop (PRML eq. 1.3) plots the root-mean-square error
 * E_RMS = √(2E(w*)/N) with E(w) = ½Σ(y(xₙ, w) − tₙ)², which is simply √MSE: it is on the scale of t and
 * comparable across data sets of different size.
 */
import { evaluatePolynomial } from './polynomial';
import type { CurveSample } from '../data/curves';

/** Mean of (yᵢ − ŷᵢ)² (RangeError for unequal or zero lengths). */
export function meanSquaredError(yTrue: readonly number[], yPred: readonly number[]): number {
  if (yTrue.length !== yPred.length) throw new RangeError(`yTrue and yPred must have the same length, got ${yTrue.length} and ${yPred.length}`);
  if (yTrue.length === 0) throw new RangeError('meanSquaredError needs at least one value, got 0');
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const r = yTrue[i]! - yPred[i]!;
    s += r * r;
  }
  return s / yTrue.length;
}

/** √(mean of (yᵢ − ŷᵢ)²), Bishop's E_RMS (PRML eq. 1.3). */
export function rootMeanSquaredError(yTrue: readonly number[], yPred: readonly number[]): number {
  return Math.sqrt(meanSquaredError(yTrue, yPred));
}

/** MSE and RMS error of a polynomial (coefficients in increasing power) on a data set. */
export interface PolyErrors {
  mse: number;
  rms: number;
}

/** MSE and E_RMS of the polynomial with `coefficients` on `data`; NaN for an empty data set. */
export function polyErrors(coefficients: readonly number[], data: CurveSample): PolyErrors {
  const n = data.x.length;
  if (data.y.length !== n) throw new RangeError(`x and y must have the same length, got ${n} and ${data.y.length}`);
  if (n === 0) return { mse: NaN, rms: NaN };
  let s = 0;
  for (let i = 0; i < n; i++) {
    const r = evaluatePolynomial(coefficients, data.x[i]!) - data.y[i]!;
    s += r * r;
  }
  const mse = s / n;
  return { mse, rms: Math.sqrt(mse) };
}
