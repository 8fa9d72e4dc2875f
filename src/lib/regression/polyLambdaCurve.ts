/**
 * Training and validation error against the penalty λ for a fixed degree (PRML Fig. 1.8, plotted
 * against ln λ): tiny λ reproduces the wild unpenalised fit, large λ flattens the curve towards 0
 * (every coefficient, w₀ included, is shrunk), and validation error is lowest in between.
 */
import { fitPolynomial } from './polynomial';
import { polyErrors } from './polyErrors';
import type { CurveSample } from '../data/curves';

/** One λ's fit and errors (validation errors are NaN when the validation set is empty). */
export interface LambdaErrorPoint {
  lambda: number;
  /** ln λ (−Infinity for λ = 0). */
  lnLambda: number;
  /** Fitted coefficients in increasing power. */
  coefficients: number[];
  trainMse: number;
  trainRms: number;
  validationMse: number;
  validationRms: number;
}

/** Fits a degree-`degree` polynomial on `train` for each λ in `lambdas` and reports train/validation errors. */
export function polyLambdaCurve(train: CurveSample, validation: CurveSample, degree: number, lambdas: readonly number[]): LambdaErrorPoint[] {
  return lambdas.map((lambda) => {
    const coefficients = fitPolynomial(train.x, train.y, degree, { l2: lambda });
    const tr = polyErrors(coefficients, train);
    const va = polyErrors(coefficients, validation);
    return { lambda, lnLambda: Math.log(lambda), coefficients, trainMse: tr.mse, trainRms: tr.rms, validationMse: va.mse, validationRms: va.rms };
  });
}
