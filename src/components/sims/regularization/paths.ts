/**
 * The paths panel's computation for one dataset (pure; runs in the worker and in tests): lasso and
 * ridge coefficient paths on the figure's α grid, then 5-fold cross-validation of both. Kept apart from
 * viewModel.ts so the island does not ship the solvers.
 */
import { crossValidateLasso, crossValidateRidge, type CrossValidationResult } from '../../../lib/regression/crossValidation';
import { lassoPath } from '../../../lib/regression/lasso';
import { ridgePath } from '../../../lib/regression/ridge';
import { CV_FOLDS } from './state';
import type { CvCurve, PathsData } from './viewModel';

/** scikit-learn's α for each grid point. */
export const alphasOf = (logAlphas: readonly number[]): number[] => logAlphas.map((l) => 10 ** l);

/** Lasso (`Lasso(alpha)`, warm-started along decreasing α) and ridge (`Ridge(alpha)`) paths. */
export function computePaths(X: number[][], y: number[], logAlphas: readonly number[]): Pick<PathsData, 'lasso' | 'ridge'> {
  const alphas = alphasOf(logAlphas);
  const lasso = lassoPath(X, y, alphas);
  const ridge = ridgePath(X, y, alphas).map((m) => m.coef);
  return { lasso, ridge };
}

function curve(r: CrossValidationResult): CvCurve {
  return { meanMse: r.meanMse, stdError: r.stdError, bestIndex: r.bestIndex, oneSeIndex: r.oneSeIndex };
}

/** k-fold CV error of the lasso along the grid (sklearn's KFold(5), no shuffle). */
export function computeCvLasso(X: number[][], y: number[], logAlphas: readonly number[]): CvCurve {
  return curve(crossValidateLasso(X, y, alphasOf(logAlphas), { k: CV_FOLDS }));
}

/** k-fold CV error of ridge along the grid. */
export function computeCvRidge(X: number[][], y: number[], logAlphas: readonly number[]): CvCurve {
  return curve(crossValidateRidge(X, y, alphasOf(logAlphas), { k: CV_FOLDS }));
}
