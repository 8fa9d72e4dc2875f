/**
 * Training and validation error against polynomial degree (PRML Fig. 1.5): training error can only
 * fall as the degree grows (nested models), validation error falls and then rises again — overfitting.
 */
import { fitPolynomial } from './polynomial';
import { polyErrors } from './polyErrors';
import type { CurveSample } from '../data/curves';

/** Options of {@link polyDegreeCurve}. */
export interface PolyDegreeCurveOptions {
  /**
   * Lowest degree.
   * @default 0
   */
  minDegree?: number;
  /**
   * Highest degree (inclusive).
   * @default 15
   */
  maxDegree?: number;
  /**
   * Penalty λ ≥ 0 on ‖w‖², the same for every degree.
   * @default 0
   */
  l2?: number;
}

/** One degree's fit and errors (validation errors are NaN when the validation set is empty). */
export interface DegreeErrorPoint {
  degree: number;
  /** Fitted coefficients in increasing power. */
  coefficients: number[];
  trainMse: number;
  trainRms: number;
  validationMse: number;
  validationRms: number;
}

/** Fits every degree from `minDegree` to `maxDegree` on `train` and reports train/validation errors. */
export function polyDegreeCurve(train: CurveSample, validation: CurveSample, options: PolyDegreeCurveOptions = {}): DegreeErrorPoint[] {
  const { minDegree = 0, maxDegree = 15, l2 = 0 } = options;
  if (!Number.isInteger(minDegree) || minDegree < 0) throw new RangeError(`minDegree must be a non-negative integer, got ${minDegree}`);
  if (!Number.isInteger(maxDegree) || maxDegree < minDegree) throw new RangeError(`maxDegree must be an integer ≥ minDegree (${minDegree}), got ${maxDegree}`);
  const points: DegreeErrorPoint[] = [];
  for (let degree = minDegree; degree <= maxDegree; degree++) {
    const coefficients = fitPolynomial(train.x, train.y, degree, { l2 });
    const tr = polyErrors(coefficients, train);
    const va = polyErrors(coefficients, validation);
    points.push({ degree, coefficients, trainMse: tr.mse, trainRms: tr.rms, validationMse: va.mse, validationRms: va.rms });
  }
  return points;
}
