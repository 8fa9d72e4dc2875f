/**
 * Data preparation shared by ridge and lasso: validation, centring (scikit-learn's `_preprocess_data`
 * with `fit_intercept=True`), z-scoring, and the linear predictor that undoes the centring.
 *
 * With an unpenalised intercept b, minimising over b first gives b = ȳ − x̄ᵀw, so the fit reduces to the
 * centred problem in (Xc = X − 1x̄ᵀ, yc = y − ȳ) and the intercept is recovered afterwards.
 */

/** A fitted linear model: ŷ = x·coef + intercept (plain JSON data). */
export interface LinearModel {
  coef: number[];
  intercept: number;
}

/** The design matrix in flat column-major storage, centred or not, with what was subtracted. */
export interface CenteredData {
  /** Number of samples n. */
  n: number;
  /** Number of features p. */
  p: number;
  /** Column-major X (X[i][j] at j·n + i), centred when `fitIntercept`. */
  x: Float64Array;
  /** y, centred when `fitIntercept`. */
  y: Float64Array;
  /** Column means x̄ (zeros without intercept). */
  xMean: Float64Array;
  /** Mean ȳ (0 without intercept). */
  yMean: number;
}

/** Throws a RangeError unless X is a non-empty n×p matrix of finite numbers and y has n finite entries. */
export function validateXy(X: readonly (readonly number[])[], y: readonly number[]): { n: number; p: number } {
  const n = X.length;
  if (n === 0) throw new RangeError('X must have at least one row, got 0');
  if (y.length !== n) throw new RangeError(`y must have ${n} entries (one per row of X), got ${y.length}`);
  const p = X[0]!.length;
  if (p === 0) throw new RangeError('X must have at least one column, got 0');
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    if (row.length !== p) throw new RangeError(`X row ${i} has ${row.length} entries, expected ${p}`);
    for (let j = 0; j < p; j++) {
      if (!Number.isFinite(row[j]!)) throw new RangeError(`X[${i}][${j}] must be finite, got ${row[j]}`);
    }
    if (!Number.isFinite(y[i]!)) throw new RangeError(`y[${i}] must be finite, got ${y[i]}`);
  }
  return { n, p };
}

/** Copies X, y into column-major typed arrays, centring both when `fitIntercept` (sklearn's convention). */
export function centerData(X: readonly (readonly number[])[], y: readonly number[], fitIntercept: boolean): CenteredData {
  const { n, p } = validateXy(X, y);
  const x = new Float64Array(n * p);
  const yc = Float64Array.from(y);
  const xMean = new Float64Array(p);
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    for (let j = 0; j < p; j++) x[j * n + i] = row[j]!;
  }
  if (fitIntercept) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[j * n + i]!;
      const m = s / n;
      xMean[j] = m;
      for (let i = 0; i < n; i++) x[j * n + i] = x[j * n + i]! - m;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += yc[i]!;
    yMean = s / n;
    for (let i = 0; i < n; i++) yc[i] = yc[i]! - yMean;
  }
  return { n, p, x, y: yc, xMean, yMean };
}

/** The intercept that undoes centring: b = ȳ − x̄ᵀw. */
export function interceptFromCentering(data: CenteredData, coef: ArrayLike<number>): number {
  let b = data.yMean;
  for (let j = 0; j < data.p; j++) b -= data.xMean[j]! * coef[j]!;
  return b;
}

/** Predictions ŷ = X·coef + intercept of a fitted ridge or lasso model (pure; one per row of X). */
export function linearPredict(model: LinearModel, X: readonly (readonly number[])[]): number[] {
  return X.map((row, i) => {
    if (row.length !== model.coef.length) {
      throw new RangeError(`X row ${i} has ${row.length} entries, the model has ${model.coef.length} coefficients`);
    }
    let s = model.intercept;
    for (let j = 0; j < row.length; j++) s += row[j]! * model.coef[j]!;
    return s;
  });
}

/** Column means and population standard deviations (sklearn's StandardScaler: ddof = 0). */
export interface Standardization {
  mean: number[];
  scale: number[];
}

/**
 * z-scores the columns of X: (x − mean) / std with the population std (ddof = 0), as sklearn's
 * StandardScaler; a constant column keeps scale 1 so it maps to 0 instead of NaN.
 */
export function standardize(X: readonly (readonly number[])[]): { X: number[][] } & Standardization {
  const n = X.length;
  if (n === 0) throw new RangeError('X must have at least one row, got 0');
  const p = X[0]!.length;
  const mean = new Array<number>(p).fill(0);
  const scale = new Array<number>(p).fill(0);
  for (const row of X) {
    if (row.length !== p) throw new RangeError(`every row of X must have ${p} entries, got ${row.length}`);
    for (let j = 0; j < p; j++) mean[j] = mean[j]! + row[j]! / n;
  }
  for (const row of X) for (let j = 0; j < p; j++) scale[j] = scale[j]! + (row[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < p; j++) scale[j] = scale[j]! > 0 ? Math.sqrt(scale[j]!) : 1;
  return { X: X.map((row) => row.map((v, j) => (v - mean[j]!) / scale[j]!)), mean, scale };
}
