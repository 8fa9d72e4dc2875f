/**
 * Ridge regression (Hoerl & Kennard 1970; scikit-learn's `Ridge`, solver 'cholesky').
 *
 *   minimise over (w, b)   ‖y − Xw − b·1‖² + α‖w‖²        (a sum of squares, no 1/n, as sklearn)
 *
 * With an intercept, X and y are centred first (b is not penalised) and b = ȳ − x̄ᵀw afterwards. The
 * normal equations (XcᵀXc + αI) w = Xcᵀyc are solved by a Cholesky factorisation; at α = 0 this is
 * ordinary least squares and needs XcᵀXc to be non-singular.
 */
import { centerData, interceptFromCentering, linearPredict, type CenteredData, type LinearModel } from './standardize';

/** Options for {@link ridge}. */
export interface RidgeOptions {
  /**
   * Fit an unpenalised intercept by centring X and y.
   * @default true
   */
  fitIntercept?: boolean;
}

/** Solves the symmetric positive definite system M z = r (Cholesky, row-major p×p); null if M is not SPD. */
function solveSpd(M: Float64Array, r: Float64Array, p: number): Float64Array | null {
  const L = new Float64Array(p * p);
  // scale for a relative singularity test: a pivot below ~p·eps·max diag is treated as zero
  let maxDiag = 0;
  for (let i = 0; i < p; i++) maxDiag = Math.max(maxDiag, Math.abs(M[i * p + i]!));
  const tiny = maxDiag * p * 1e-14;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = M[i * p + j]!;
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      if (i === j) {
        if (!(s > tiny)) return null;
        L[i * p + i] = Math.sqrt(s);
      } else {
        L[i * p + j] = s / L[j * p + j]!;
      }
    }
  }
  const z = Float64Array.from(r);
  for (let i = 0; i < p; i++) {
    let s = z[i]!;
    for (let k = 0; k < i; k++) s -= L[i * p + k]! * z[k]!;
    z[i] = s / L[i * p + i]!;
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < p; k++) s -= L[k * p + i]! * z[k]!;
    z[i] = s / L[i * p + i]!;
  }
  return z;
}

/** XcᵀXc (row-major p×p) and Xcᵀyc of the centred (or raw) data, shared by every α. */
function normalEquations(
  X: readonly (readonly number[])[],
  y: readonly number[],
  fitIntercept: boolean,
): { data: CenteredData; gram: Float64Array; xty: Float64Array } {
  const data = centerData(X, y, fitIntercept);
  const { n, p, x } = data;
  const gram = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const cj = j * n;
    for (let k = 0; k <= j; k++) {
      const ck = k * n;
      let s = 0;
      for (let i = 0; i < n; i++) s += x[cj + i]! * x[ck + i]!;
      gram[j * p + k] = s;
      gram[k * p + j] = s;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += x[cj + i]! * data.y[i]!;
    xty[j] = s;
  }
  return { data, gram, xty };
}

/** Solves (G + αI) w = r for one α and undoes the centring. */
function solveAt(data: CenteredData, gram: Float64Array, xty: Float64Array, alpha: number, fitIntercept: boolean): LinearModel {
  if (!(alpha >= 0) || !Number.isFinite(alpha)) throw new RangeError(`alpha must be a finite number ≥ 0, got ${alpha}`);
  const p = data.p;
  const G = Float64Array.from(gram);
  for (let j = 0; j < p; j++) G[j * p + j] = G[j * p + j]! + alpha;
  const w = solveSpd(G, xty, p);
  if (w === null) {
    throw new RangeError(`alpha = ${alpha} leaves XᵀX + αI singular (collinear or too few rows); use alpha > 0`);
  }
  return { coef: Array.from(w), intercept: fitIntercept ? interceptFromCentering(data, w) : 0 };
}

/** Ridge regression: argmin ‖y − Xw − b‖² + α‖w‖² (sklearn's `Ridge(alpha)`), returned as plain data. */
export function ridge(
  X: readonly (readonly number[])[],
  y: readonly number[],
  alpha: number,
  options: RidgeOptions = {},
): LinearModel {
  if (!(alpha >= 0) || !Number.isFinite(alpha)) throw new RangeError(`alpha must be a finite number ≥ 0, got ${alpha}`);
  const fitIntercept = options.fitIntercept ?? true;
  const { data, gram, xty } = normalEquations(X, y, fitIntercept);
  return solveAt(data, gram, xty, alpha, fitIntercept);
}

/** Ridge fits for every α of a grid (in the order given), sharing one centring and one XᵀX. */
export function ridgePath(
  X: readonly (readonly number[])[],
  y: readonly number[],
  alphas: readonly number[],
  options: RidgeOptions = {},
): LinearModel[] {
  for (const a of alphas) if (!(a >= 0) || !Number.isFinite(a)) throw new RangeError(`alpha must be a finite number ≥ 0, got ${a}`);
  const fitIntercept = options.fitIntercept ?? true;
  const { data, gram, xty } = normalEquations(X, y, fitIntercept);
  return alphas.map((a) => solveAt(data, gram, xty, a, fitIntercept));
}

/** Predictions of a fitted ridge model: ŷ = X·coef + intercept. */
export function ridgePredict(model: LinearModel, X: readonly (readonly number[])[]): number[] {
  return linearPredict(model, X);
}
