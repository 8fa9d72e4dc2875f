/**
 * The lasso (Tibshirani 1996) by cyclic coordinate descent (Friedman, Hastie & Tibshirani 2010),
 * following scikit-learn's `Lasso` / `lasso_path` (`sklearn/linear_model/_cd_fast.pyx`, 1.2).
 *
 *   minimise over (w, b)   (1 / (2n))‖y − Xw − b·1‖² + α‖w‖₁
 *
 * Multiplying by n gives sklearn's internal form ½‖y − Xw‖² + nα‖w‖₁, whose coordinate update is
 *
 *   w_j ← S(x_jᵀ r_{−j}, nα) / ‖x_j‖²,   r_{−j} = y − Xw + x_j w_j,   S = soft thresholding,
 *
 * so a coordinate whose partial correlation stays inside [−nα, nα] becomes an exact 0.
 *
 * Stopping rule (mirrors sklearn): after each full sweep, if max_j |Δw_j| / max_j |w_j| < tol (or all
 * w_j = 0, or the last allowed sweep), compute the duality gap of the scaled problem
 *
 *   ν = r · min(1, nα / ‖Xᵀr‖∞)      (a dual-feasible point built from the residual r)
 *   gap = ½‖r‖² + nα‖w‖₁ − ( ½‖y‖² − ½‖y − ν‖² )
 *       = ½(‖r‖² + ‖ν‖²) + nα‖w‖₁ − νᵀy
 *
 * and stop when gap < tol·‖y‖² (y centred when fitting an intercept). `iterations` counts sweeps.
 * One deliberate difference: a gap of exactly 0 also stops (sklearn's strict test never stops when
 * y = 0, e.g. a constant target with an intercept, and spins through all max_iter sweeps).
 * When n > p the sweep runs on the Gram matrix Q = XᵀX and q = Xᵀy (sklearn's precompute path):
 * identical iterates in exact arithmetic, but a sweep costs O(p²) instead of O(np).
 */
import { centerData, interceptFromCentering, linearPredict, type CenteredData, type LinearModel } from './standardize';

/** Options for {@link lasso}. */
export interface LassoOptions {
  /**
   * Fit an unpenalised intercept by centring X and y.
   * @default true
   */
  fitIntercept?: boolean;
  /**
   * Tolerance of sklearn's stopping rule: relative coordinate change, then duality gap < tol·‖y‖².
   * @default 1e-4
   */
  tol?: number;
  /**
   * Maximum number of coordinate-descent sweeps.
   * @default 1000
   */
  maxIter?: number;
  /**
   * Initial coefficients (length p), e.g. the solution at a nearby α; zeros when omitted.
   * @default undefined
   */
  warmStart?: number[];
}

/** Options for {@link lassoPath}: as {@link LassoOptions} without `warmStart` (the path warm-starts itself). */
export type LassoPathOptions = Omit<LassoOptions, 'warmStart'>;

/** A fitted lasso model plus the number of coordinate-descent sweeps used. */
export interface LassoResult extends LinearModel {
  iterations: number;
}

/** Precomputed quantities for many fits on the same (centred) data. */
interface LassoProblem {
  data: CenteredData;
  /** Squared column norms ‖x_j‖². */
  colNorm2: Float64Array;
  /** ‖y‖² of the (centred) target. */
  yNorm2: number;
  /** Gram matrix XᵀX (row-major p×p) when n > p, else null. */
  gram: Float64Array | null;
  /** Xᵀy. */
  xty: Float64Array;
}

function checkAlpha(alpha: number): void {
  if (!(alpha >= 0) || !Number.isFinite(alpha)) throw new RangeError(`alpha must be a finite number ≥ 0, got ${alpha}`);
}

function checkTolIter(tol: number, maxIter: number): void {
  if (!(tol >= 0) || !Number.isFinite(tol)) throw new RangeError(`tol must be a finite number ≥ 0, got ${tol}`);
  if (!Number.isInteger(maxIter) || maxIter < 1) throw new RangeError(`maxIter must be a positive integer, got ${maxIter}`);
}

function prepare(X: readonly (readonly number[])[], y: readonly number[], fitIntercept: boolean): LassoProblem {
  const data = centerData(X, y, fitIntercept);
  const { n, p, x } = data;
  const colNorm2 = new Float64Array(p);
  const xty = new Float64Array(p);
  let yNorm2 = 0;
  for (let i = 0; i < n; i++) yNorm2 += data.y[i]! * data.y[i]!;
  for (let j = 0; j < p; j++) {
    let s = 0;
    let t = 0;
    for (let i = 0; i < n; i++) {
      const v = x[j * n + i]!;
      s += v * v;
      t += v * data.y[i]!;
    }
    colNorm2[j] = s;
    xty[j] = t;
  }
  let gram: Float64Array | null = null;
  if (n > p) {
    gram = new Float64Array(p * p);
    for (let j = 0; j < p; j++) {
      for (let k = 0; k <= j; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += x[j * n + i]! * x[k * n + i]!;
        gram[j * p + k] = s;
        gram[k * p + j] = s;
      }
    }
  }
  return { data, colNorm2, yNorm2, gram, xty };
}

/**
 * Cyclic coordinate descent on a prepared problem, updating `w` in place; returns the sweep count.
 * `alpha` is the user-facing α (the 1/(2n) scaling); internally nα is used as sklearn does.
 */
function descend(prob: LassoProblem, alpha: number, w: Float64Array, tol: number, maxIter: number): number {
  const { n, p } = prob.data;
  const a = alpha * n;
  const gapTol = tol * prob.yNorm2;
  return prob.gram ? descendGram(prob, prob.gram, a, w, tol, gapTol, maxIter) : descendResidual(prob, a, w, tol, gapTol, maxIter, n, p);
}

/** sklearn's `enet_coordinate_descent` (β = 0): keeps the residual r = y − Xw up to date. */
function descendResidual(
  prob: LassoProblem,
  a: number,
  w: Float64Array,
  dwTol: number,
  gapTol: number,
  maxIter: number,
  n: number,
  p: number,
): number {
  const { x } = prob.data;
  const y = prob.data.y;
  const r = Float64Array.from(y);
  for (let j = 0; j < p; j++) {
    const wj = w[j]!;
    if (wj !== 0) for (let i = 0; i < n; i++) r[i] = r[i]! - wj * x[j * n + i]!;
  }
  for (let iter = 0; iter < maxIter; iter++) {
    let wMax = 0;
    let dwMax = 0;
    for (let j = 0; j < p; j++) {
      const nj = prob.colNorm2[j]!;
      if (nj === 0) continue;
      const off = j * n;
      const wOld = w[j]!;
      if (wOld !== 0) for (let i = 0; i < n; i++) r[i] = r[i]! + wOld * x[off + i]!;
      let tmp = 0;
      for (let i = 0; i < n; i++) tmp += x[off + i]! * r[i]!;
      const wNew = tmp > a ? (tmp - a) / nj : tmp < -a ? (tmp + a) / nj : 0;
      w[j] = wNew;
      if (wNew !== 0) for (let i = 0; i < n; i++) r[i] = r[i]! - wNew * x[off + i]!;
      dwMax = Math.max(dwMax, Math.abs(wNew - wOld));
      wMax = Math.max(wMax, Math.abs(wNew));
    }
    if (wMax === 0 || dwMax / wMax < dwTol || iter === maxIter - 1) {
      // duality gap, as in sklearn
      let dualNorm = 0;
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += x[j * n + i]! * r[i]!;
        dualNorm = Math.max(dualNorm, Math.abs(s));
      }
      let rNorm2 = 0;
      let ry = 0;
      for (let i = 0; i < n; i++) {
        rNorm2 += r[i]! * r[i]!;
        ry += r[i]! * y[i]!;
      }
      let l1 = 0;
      for (let j = 0; j < p; j++) l1 += Math.abs(w[j]!);
      const gap = dualityGap(a, dualNorm, rNorm2, ry, l1);
      if (gap < gapTol || gap <= 0) return iter + 1;
    }
  }
  return maxIter;
}

/** sklearn's `enet_coordinate_descent_gram` (β = 0): keeps H = Qw up to date instead of the residual. */
function descendGram(
  prob: LassoProblem,
  Q: Float64Array,
  a: number,
  w: Float64Array,
  dwTol: number,
  gapTol: number,
  maxIter: number,
): number {
  const p = prob.data.p;
  const q = prob.xty;
  const H = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const wj = w[j]!;
    if (wj !== 0) for (let k = 0; k < p; k++) H[k] = H[k]! + wj * Q[j * p + k]!;
  }
  for (let iter = 0; iter < maxIter; iter++) {
    let wMax = 0;
    let dwMax = 0;
    for (let j = 0; j < p; j++) {
      const qjj = Q[j * p + j]!;
      if (qjj === 0) continue;
      const off = j * p;
      const wOld = w[j]!;
      if (wOld !== 0) for (let k = 0; k < p; k++) H[k] = H[k]! - wOld * Q[off + k]!;
      const tmp = q[j]! - H[j]!;
      const wNew = tmp > a ? (tmp - a) / qjj : tmp < -a ? (tmp + a) / qjj : 0;
      w[j] = wNew;
      if (wNew !== 0) for (let k = 0; k < p; k++) H[k] = H[k]! + wNew * Q[off + k]!;
      dwMax = Math.max(dwMax, Math.abs(wNew - wOld));
      wMax = Math.max(wMax, Math.abs(wNew));
    }
    if (wMax === 0 || dwMax / wMax < dwTol || iter === maxIter - 1) {
      // Xᵀr = q − Qw;  ‖r‖² = ‖y‖² + wᵀQw − 2qᵀw;  rᵀy = ‖y‖² − qᵀw
      let dualNorm = 0;
      let wH = 0;
      let qw = 0;
      let l1 = 0;
      for (let j = 0; j < p; j++) {
        dualNorm = Math.max(dualNorm, Math.abs(q[j]! - H[j]!));
        wH += w[j]! * H[j]!;
        qw += q[j]! * w[j]!;
        l1 += Math.abs(w[j]!);
      }
      const rNorm2 = prob.yNorm2 + wH - 2 * qw;
      const gap = dualityGap(a, dualNorm, rNorm2, prob.yNorm2 - qw, l1);
      if (gap < gapTol || gap <= 0) return iter + 1;
    }
  }
  return maxIter;
}

/** Duality gap of ½‖y − Xw‖² + a‖w‖₁ given ‖Xᵀr‖∞, ‖r‖², rᵀy and ‖w‖₁ (see the file comment). */
function dualityGap(a: number, dualNorm: number, rNorm2: number, ry: number, l1: number): number {
  let gap: number;
  let c: number;
  if (dualNorm > a) {
    c = a / dualNorm;
    gap = 0.5 * (rNorm2 + rNorm2 * c * c);
  } else {
    c = 1;
    gap = rNorm2;
  }
  return gap + a * l1 - c * ry;
}

/** Lasso by cyclic coordinate descent: argmin (1/(2n))‖y − Xw − b‖² + α‖w‖₁ (sklearn's `Lasso(alpha)`). */
export function lasso(
  X: readonly (readonly number[])[],
  y: readonly number[],
  alpha: number,
  options: LassoOptions = {},
): LassoResult {
  checkAlpha(alpha);
  const fitIntercept = options.fitIntercept ?? true;
  const tol = options.tol ?? 1e-4;
  const maxIter = options.maxIter ?? 1000;
  checkTolIter(tol, maxIter);
  const prob = prepare(X, y, fitIntercept);
  const p = prob.data.p;
  const w = new Float64Array(p);
  if (options.warmStart !== undefined) {
    const ws = options.warmStart;
    if (ws.length !== p) throw new RangeError(`warmStart must have ${p} entries, got ${ws.length}`);
    for (let j = 0; j < p; j++) {
      if (!Number.isFinite(ws[j]!)) throw new RangeError(`warmStart[${j}] must be finite, got ${ws[j]}`);
      w[j] = ws[j]!;
    }
  }
  const iterations = descend(prob, alpha, w, tol, maxIter);
  return {
    coef: Array.from(w),
    intercept: fitIntercept ? interceptFromCentering(prob.data, w) : 0,
    iterations,
  };
}

/**
 * The smallest α at which every lasso coefficient is 0: α_max = ‖Xcᵀyc‖∞ / n (X, y centred; with
 * `fitIntercept: false` the raw X, y). From the KKT condition |x_jᵀy| / n ≤ α for w = 0.
 */
export function lassoAlphaMax(
  X: readonly (readonly number[])[],
  y: readonly number[],
  options: { fitIntercept?: boolean } = {},
): number {
  const data = centerData(X, y, options.fitIntercept ?? true);
  const { n, p, x } = data;
  let m = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[j * n + i]! * data.y[i]!;
    m = Math.max(m, Math.abs(s));
  }
  return m / n;
}

/**
 * Lasso coefficients along a grid of α (one row per α, in the order given). The fits run in
 * decreasing α, each warm-started from the previous solution (sklearn's `lasso_path`), and share one
 * centring and one Gram matrix.
 */
export function lassoPath(
  X: readonly (readonly number[])[],
  y: readonly number[],
  alphas: readonly number[],
  options: LassoPathOptions = {},
): number[][] {
  for (const a of alphas) checkAlpha(a);
  const tol = options.tol ?? 1e-4;
  const maxIter = options.maxIter ?? 1000;
  checkTolIter(tol, maxIter);
  const prob = prepare(X, y, options.fitIntercept ?? true);
  const order = alphas.map((_, i) => i).sort((i, k) => alphas[k]! - alphas[i]! || i - k);
  const w = new Float64Array(prob.data.p);
  const out: number[][] = new Array<number[]>(alphas.length);
  for (const i of order) {
    descend(prob, alphas[i]!, w, tol, maxIter);
    out[i] = Array.from(w);
  }
  return out;
}

/** Predictions of a fitted lasso model: ŷ = X·coef + intercept. */
export function lassoPredict(model: LinearModel, X: readonly (readonly number[])[]): number[] {
  return linearPredict(model, X);
}
