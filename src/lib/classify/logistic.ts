/**
 * Binary logistic regression fitted by Newton's method (IRLS) with a backtracking line search.
 *
 * Objective (scikit-learn's LogisticRegression convention, intercept not penalised):
 *   f(w, b) = C · Σᵢ log(1 + exp(−sᵢ (xᵢ·w + b))) + ½‖w‖²,   sᵢ = 2yᵢ − 1 ∈ {−1, +1}.
 * With C = Infinity the penalty is dropped and f is the plain negative log-likelihood.
 * Gradient  g = C Σᵢ (pᵢ − yᵢ) x̃ᵢ + (w, 0),  Hessian  H = C Σᵢ pᵢ(1 − pᵢ) x̃ᵢ x̃ᵢᵀ + diag(1, …, 1, 0),
 * with x̃ᵢ = (xᵢ, 1) and pᵢ = σ(xᵢ·w + b). Reference: Hastie, Tibshirani & Friedman, ESL §4.4.1 (IRLS).
 */
import { cholesky, choleskySolve } from './gaussianDensity';
import { validateLabeled } from './validateLabeled';

/** Options for {@link fitLogistic}. */
export interface LogisticOptions {
  /**
   * Inverse regularisation strength (scikit-learn's C); Infinity = unpenalised maximum likelihood.
   * @default 1
   */
  C?: number;
  /**
   * Stop when ‖g‖∞ ≤ tol · max(1, ‖g₀‖∞) (g₀ = gradient at w = 0, b = 0).
   * @default 1e-10
   */
  tol?: number;
  /**
   * Most Newton iterations.
   * @default 100
   */
  maxIter?: number;
}

/** A fitted logistic regression (plain JSON). */
export interface LogisticModel {
  coef: number[];
  intercept: number;
  /** Newton iterations taken. */
  iterations: number;
  /** True when the gradient test was met. */
  converged: boolean;
  /**
   * True when C = Infinity and the data are linearly separable, so the maximum-likelihood estimate
   * does not exist (it lies at infinity). The fit then stops at the first Newton iterate that
   * separates the classes strictly: finite coefficients, a separating boundary, arbitrary scale.
   */
  separable: boolean;
}

/** log(1 + eᵗ) without overflow. */
export function softplus(t: number): number {
  return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
}

/** Numerically stable logistic sigmoid 1 / (1 + e^(−t)). */
export function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

function linear(coef: readonly number[], intercept: number, x: readonly number[]): number {
  let z = intercept;
  for (let j = 0; j < coef.length; j++) z += coef[j]! * x[j]!;
  return z;
}

/** The objective f(w, b) above (C = Infinity: negative log-likelihood without penalty). */
export function logisticObjective(model: { coef: readonly number[]; intercept: number }, X: readonly (readonly number[])[], y: readonly number[], C = 1): number {
  const unpenalised = C === Infinity;
  let loss = 0;
  for (let i = 0; i < X.length; i++) {
    const s = y[i] === 1 ? 1 : -1;
    loss += softplus(-s * linear(model.coef, model.intercept, X[i]!));
  }
  if (unpenalised) return loss;
  let pen = 0;
  for (const w of model.coef) pen += w * w;
  return C * loss + 0.5 * pen;
}

/** Gradient of {@link logisticObjective}: [∂f/∂w₁, …, ∂f/∂w_d, ∂f/∂b]. */
export function logisticGradient(model: { coef: readonly number[]; intercept: number }, X: readonly (readonly number[])[], y: readonly number[], C = 1): number[] {
  const d = model.coef.length;
  const c = C === Infinity ? 1 : C;
  const g = new Array<number>(d + 1).fill(0);
  for (let i = 0; i < X.length; i++) {
    const x = X[i]!;
    const r = c * (sigmoid(linear(model.coef, model.intercept, x)) - (y[i] === 1 ? 1 : 0));
    for (let j = 0; j < d; j++) g[j]! += r * x[j]!;
    g[d]! += r;
  }
  if (C !== Infinity) for (let j = 0; j < d; j++) g[j]! += model.coef[j]!;
  return g;
}

/**
 * Fits binary logistic regression (labels 0/1) by Newton–IRLS with an Armijo backtracking line
 * search. Stopping rule: ‖g‖∞ ≤ tol·max(1, ‖g₀‖∞); or three full Newton steps whose predicted
 * decrease is below the floating-point resolution of f (gradient at rounding level); or `maxIter`
 * iterations (then `converged: false`). With C = Infinity, if an iterate classifies every point
 * strictly correctly the data are separable and the fit stops there with `separable: true`.
 * A singular Hessian (possible when C = Infinity) is handled by adding a small ridge to it.
 * Throws RangeError for degenerate data (one class, fewer than 2 points per class, identical points).
 */
export function fitLogistic(X: number[][], y: number[], options: LogisticOptions = {}): LogisticModel {
  const C = options.C ?? 1;
  const tol = options.tol ?? 1e-10;
  const maxIter = options.maxIter ?? 100;
  if (!(C > 0)) throw new RangeError(`C must be positive (or Infinity), got ${C}`);
  if (!(tol > 0)) throw new RangeError(`tol must be positive, got ${tol}`);
  if (!Number.isInteger(maxIter) || maxIter < 1) throw new RangeError(`maxIter must be a positive integer, got ${maxIter}`);
  const { n, d } = validateLabeled(X, y, { labels: [0, 1] });
  const unpenalised = C === Infinity;
  const c = unpenalised ? 1 : C;
  const p = d + 1;
  let theta = new Array<number>(p).fill(0);
  const sgn = new Float64Array(n);
  for (let i = 0; i < n; i++) sgn[i] = y[i] === 1 ? 1 : -1;

  const objective = (th: readonly number[]): number => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const x = X[i]!;
      let t = th[d]!;
      for (let j = 0; j < d; j++) t += th[j]! * x[j]!;
      loss += softplus(-sgn[i]! * t);
    }
    if (unpenalised) return loss;
    let pen = 0;
    for (let j = 0; j < d; j++) pen += th[j]! * th[j]!;
    return c * loss + 0.5 * pen;
  };

  let fval = objective(theta);
  let gtol = 0;
  let iterations = 0;
  let converged = false;
  let separable = false;
  let tinySteps = 0;
  for (let iter = 0; iter <= maxIter; iter++) {
    // Gradient and Hessian at theta.
    const g = new Array<number>(p).fill(0);
    const H: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    let minMargin = Infinity;
    for (let i = 0; i < n; i++) {
      const x = X[i]!;
      let t = theta[d]!;
      for (let j = 0; j < d; j++) t += theta[j]! * x[j]!;
      minMargin = Math.min(minMargin, sgn[i]! * t);
      const pi = sigmoid(t);
      const r = c * (pi - (sgn[i]! > 0 ? 1 : 0));
      const wgt = c * pi * (1 - pi);
      for (let a = 0; a < p; a++) {
        const xa = a < d ? x[a]! : 1;
        g[a]! += r * xa;
        const Ha = H[a]!;
        for (let b = 0; b <= a; b++) Ha[b]! += wgt * xa * (b < d ? x[b]! : 1);
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) H[b]![a] = H[a]![b]!;
    if (!unpenalised) {
      for (let j = 0; j < d; j++) {
        g[j]! += theta[j]!;
        H[j]![j]! += 1;
      }
    }
    let gInf = 0;
    for (const v of g) gInf = Math.max(gInf, Math.abs(v));
    if (iter === 0) gtol = tol * Math.max(1, gInf);
    if (gInf <= gtol) {
      converged = true;
      break;
    }
    if (unpenalised && minMargin > 0) {
      separable = true;
      break;
    }
    if (iter === maxIter) break;
    iterations = iter + 1;
    // Newton direction H Δ = −g, with a growing ridge if H is numerically singular.
    let L = cholesky(H);
    let trace = 0;
    for (let a = 0; a < p; a++) trace += H[a]![a]!;
    for (let ridge = 1e-10 * (trace / p + 1e-300); !L; ridge *= 10) {
      L = cholesky(H.map((row, a) => row.map((v, b) => (a === b ? v + ridge : v))));
    }
    const step = choleskySolve(L, g.map((v) => -v));
    let slope = 0;
    for (let a = 0; a < p; a++) slope += g[a]! * step[a]!;
    if (-slope <= 1e-12 * Math.max(1, Math.abs(fval))) {
      // The predicted decrease (Newton decrement λ² = −gᵀΔ) is below what f can resolve in floating
      // point, so a line search cannot judge the step: we are in Newton's quadratic region, take it whole.
      theta = theta.map((v, a) => v + step[a]!);
      fval = objective(theta);
      if (++tinySteps >= 3) {
        converged = true; // gradient is at rounding level
        break;
      }
      continue;
    }
    let t = 1;
    let next = theta;
    let fnext = fval;
    let accepted = false;
    for (let k = 0; k < 60; k++, t *= 0.5) {
      next = theta.map((v, a) => v + t * step[a]!);
      fnext = objective(next);
      if (fnext <= fval + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
    }
    if (!accepted) break; // no descent representable in floating point; converged stays false
    theta = next;
    fval = fnext;
  }
  return { coef: theta.slice(0, d), intercept: theta[d]!, iterations, converged, separable };
}

/** P(y = 1 | x) = σ(x·w + b) for a fitted model (stable sigmoid). */
export function predictLogisticProba(model: { coef: readonly number[]; intercept: number }, x: readonly number[]): number {
  if (x.length !== model.coef.length) throw new RangeError(`x has ${x.length} features, the model expects ${model.coef.length}`);
  return sigmoid(linear(model.coef, model.intercept, x));
}
