/**
 * K-fold cross-validation error along a grid of regularisation strengths, for the lasso and ridge
 * (ESL §7.10; the "one-standard-error rule" of ESL §7.10.1 / Breiman et al. 1984).
 *
 * Folds: by default scikit-learn's `KFold(n_splits=k, shuffle=False)`: contiguous blocks of rows in
 * their original order, the first n mod k folds one row larger, so results match
 * `cross_val_score(..., cv=KFold(k), scoring='neg_mean_squared_error')`. With `shuffle: true` the rows
 * are first permuted with the seeded generator of src/lib/random (so the split is reproducible from
 * `seed`, but differs from sklearn's own shuffled KFold, which uses numpy's generator).
 *
 * For each fold the model is fitted on the other k − 1 folds (with its own centring) at every α and
 * scored by the mean squared error on the held-out fold; the CV curve is the plain mean over folds.
 */
import { createRng, shuffle as shuffleArray } from '../random';
import { lassoPath } from './lasso';
import { ridgePath } from './ridge';
import { validateXy } from './standardize';

/** How to split rows into folds. */
export interface KFoldOptions {
  /**
   * Permute rows (seeded) before cutting contiguous folds; false matches sklearn's KFold().
   * @default false
   */
  shuffle?: boolean;
  /**
   * Seed for the permutation when `shuffle` is true.
   * @default 0
   */
  seed?: number;
}

/** Options shared by {@link crossValidateLasso} and {@link crossValidateRidge}. */
export interface CrossValidationOptions extends KFoldOptions {
  /**
   * Number of folds.
   * @default 5
   */
  k?: number;
  /**
   * Fit an unpenalised intercept (centring within each training split).
   * @default true
   */
  fitIntercept?: boolean;
}

/** Options for {@link crossValidateLasso}: CV options plus the solver's tolerance and sweep limit. */
export interface LassoCrossValidationOptions extends CrossValidationOptions {
  /**
   * Lasso stopping tolerance (sklearn's rule).
   * @default 1e-4
   */
  tol?: number;
  /**
   * Lasso maximum number of sweeps per α.
   * @default 1000
   */
  maxIter?: number;
}

/** The cross-validation curve over the α grid (every array in the order of `alphas`). */
export interface CrossValidationResult {
  alphas: number[];
  /** foldMse[a][f]: mean squared error on held-out fold f for alphas[a]. */
  foldMse: number[][];
  /** Mean of foldMse[a] over folds. */
  meanMse: number[];
  /** Standard error of that mean: sample std over folds / √k. */
  stdError: number[];
  /** Index of the α with the smallest mean error (the first on ties). */
  bestIndex: number;
  /** Index of the largest α whose mean error is within one standard error of the best (one-SE rule). */
  oneSeIndex: number;
}

/** Test-row indices of each fold (sklearn's KFold without shuffle unless `shuffle`). */
export function kFoldIndices(n: number, k: number, options: KFoldOptions = {}): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(k) || k < 2 || k > n) throw new RangeError(`k must be an integer in [2, ${n}], got ${k}`);
  let rows = Array.from({ length: n }, (_, i) => i);
  if (options.shuffle ?? false) rows = shuffleArray(rows, createRng(options.seed ?? 0));
  const folds: number[][] = [];
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    folds.push(rows.slice(start, start + size));
    start += size;
  }
  return folds;
}

type Fitter = (Xtr: number[][], ytr: number[], alphas: readonly number[]) => { coef: number[]; intercept: number }[];

function crossValidate(
  X: readonly (readonly number[])[],
  y: readonly number[],
  alphas: readonly number[],
  options: CrossValidationOptions,
  fit: Fitter,
): CrossValidationResult {
  const { n } = validateXy(X, y);
  if (alphas.length === 0) throw new RangeError('alphas must not be empty');
  for (const a of alphas) if (!(a >= 0) || !Number.isFinite(a)) throw new RangeError(`alphas must be finite numbers ≥ 0, got ${a}`);
  const k = options.k ?? 5;
  const folds = kFoldIndices(n, k, options);
  const foldMse = alphas.map(() => new Array<number>(k).fill(0));
  const inTest = new Uint8Array(n);
  folds.forEach((test, f) => {
    inTest.fill(0);
    for (const i of test) inTest[i] = 1;
    const Xtr: number[][] = [];
    const ytr: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!inTest[i]) {
        Xtr.push(X[i] as number[]);
        ytr.push(y[i]!);
      }
    }
    const models = fit(Xtr, ytr, alphas);
    models.forEach((m, a) => {
      let sse = 0;
      for (const i of test) {
        const row = X[i]!;
        let pred = m.intercept;
        for (let j = 0; j < row.length; j++) pred += row[j]! * m.coef[j]!;
        sse += (y[i]! - pred) ** 2;
      }
      foldMse[a]![f] = sse / test.length;
    });
  });
  const meanMse = foldMse.map((row) => row.reduce((s, v) => s + v, 0) / k);
  const stdError = foldMse.map((row, a) => {
    const m = meanMse[a]!;
    const variance = row.reduce((s, v) => s + (v - m) ** 2, 0) / (k - 1);
    return Math.sqrt(variance / k);
  });
  let bestIndex = 0;
  for (let a = 1; a < alphas.length; a++) if (meanMse[a]! < meanMse[bestIndex]!) bestIndex = a;
  const limit = meanMse[bestIndex]! + stdError[bestIndex]!;
  let oneSeIndex = bestIndex;
  for (let a = 0; a < alphas.length; a++) {
    if (meanMse[a]! <= limit && alphas[a]! > alphas[oneSeIndex]!) oneSeIndex = a;
  }
  return { alphas: alphas.slice(), foldMse, meanMse, stdError, bestIndex, oneSeIndex };
}

/** K-fold CV mean squared error of the lasso along an α grid (warm-started path per fold). */
export function crossValidateLasso(
  X: readonly (readonly number[])[],
  y: readonly number[],
  alphas: readonly number[],
  options: LassoCrossValidationOptions = {},
): CrossValidationResult {
  const fitIntercept = options.fitIntercept ?? true;
  const pathOptions = { fitIntercept, tol: options.tol ?? 1e-4, maxIter: options.maxIter ?? 1000 };
  return crossValidate(X, y, alphas, options, (Xtr, ytr, as) => {
    const coefs = lassoPath(Xtr, ytr, as, pathOptions);
    const p = Xtr[0]!.length;
    // intercept b = ȳ − x̄ᵀw from the training split's means
    const xMean = new Array<number>(p).fill(0);
    let yMean = 0;
    if (fitIntercept) {
      for (let i = 0; i < Xtr.length; i++) {
        for (let j = 0; j < p; j++) xMean[j] = xMean[j]! + Xtr[i]![j]!;
        yMean += ytr[i]!;
      }
      for (let j = 0; j < p; j++) xMean[j] = xMean[j]! / Xtr.length;
      yMean /= Xtr.length;
    }
    return coefs.map((coef) => ({ coef, intercept: yMean - coef.reduce((s, w, j) => s + w * xMean[j]!, 0) }));
  });
}

/** K-fold CV mean squared error of ridge along an α grid. */
export function crossValidateRidge(
  X: readonly (readonly number[])[],
  y: readonly number[],
  alphas: readonly number[],
  options: CrossValidationOptions = {},
): CrossValidationResult {
  const fitIntercept = options.fitIntercept ?? true;
  return crossValidate(X, y, alphas, options, (Xtr, ytr, as) => ridgePath(Xtr, ytr, as, { fitIntercept }));
}
