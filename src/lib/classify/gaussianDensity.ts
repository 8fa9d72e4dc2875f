/**
 * Multivariate normal log-density via a Cholesky factor, shared by GDA, density grids and samplers.
 * log N(x; μ, Σ) = −½ d log 2π − Σᵢ log Lᵢᵢ − ½ ‖L⁻¹(x − μ)‖², with Σ = L Lᵀ.
 */

/** A Gaussian prepared for repeated evaluation: its mean, lower Cholesky factor and log normaliser. */
export interface PreparedGaussian {
  mean: number[];
  /** Lower-triangular L with Σ = L Lᵀ. */
  chol: number[][];
  /** −½ d log 2π − log |L| (the log-density at the mean). */
  logNorm: number;
}

/**
 * Lower Cholesky factor of a symmetric matrix, or null when a pivot is not clearly positive
 * (≤ 1e-12 × the largest diagonal entry), i.e. the matrix is singular to working precision.
 */
export function cholesky(A: readonly (readonly number[])[]): number[][] | null {
  const d = A.length;
  let scale = 0;
  for (let i = 0; i < d; i++) scale = Math.max(scale, Math.abs(A[i]![i]!));
  const L: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let j = 0; j < d; j++) {
    let s = A[j]![j]!;
    for (let k = 0; k < j; k++) s -= L[j]![k]! * L[j]![k]!;
    if (!(s > 1e-12 * scale) || !Number.isFinite(s)) return null;
    const ljj = Math.sqrt(s);
    L[j]![j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let t = A[i]![j]!;
      for (let k = 0; k < j; k++) t -= L[i]![k]! * L[j]![k]!;
      L[i]![j] = t / ljj;
    }
  }
  return L;
}

/** Solves (L Lᵀ) x = b given the lower Cholesky factor L (forward then back substitution). */
export function choleskySolve(L: readonly (readonly number[])[], b: readonly number[]): number[] {
  const d = L.length;
  const z = new Array<number>(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * z[k]!;
    z[i] = s / L[i]![i]!;
  }
  const x = new Array<number>(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < d; k++) s -= L[k]![i]! * x[k]!;
    x[i] = s / L[i]![i]!;
  }
  return x;
}

/**
 * Cholesky factor of a covariance matrix, adding a ridge r·I when it is singular: r starts at
 * `baseRidge` and grows ×10 until the factor exists. Returns the factor and the ridge used (0 if none).
 */
export function choleskyWithRidge(S: readonly (readonly number[])[], baseRidge: number): { chol: number[][]; ridge: number } {
  const direct = cholesky(S);
  if (direct) return { chol: direct, ridge: 0 };
  let r = baseRidge > 0 ? baseRidge : 1e-12;
  for (let attempt = 0; attempt < 40; attempt++, r *= 10) {
    const L = cholesky(S.map((row, i) => row.map((v, j) => (i === j ? v + r : v))));
    if (L) return { chol: L, ridge: r };
  }
  throw new RangeError('covariance matrix is not positive definite even after adding a ridge');
}

/** Prepares N(mean, chol·cholᵀ) for {@link gaussianLogPdf}. */
export function prepareGaussian(mean: readonly number[], chol: readonly (readonly number[])[]): PreparedGaussian {
  const d = mean.length;
  let logDetL = 0;
  for (let i = 0; i < d; i++) logDetL += Math.log(chol[i]![i]!);
  return { mean: mean.slice(), chol: chol.map((r) => r.slice()), logNorm: -0.5 * d * Math.log(2 * Math.PI) - logDetL };
}

let scratch = new Float64Array(16);

/** Squared Mahalanobis distance (x − μ)ᵀ Σ⁻¹ (x − μ) = ‖L⁻¹(x − μ)‖². */
export function mahalanobis2(g: PreparedGaussian, x: ArrayLike<number>): number {
  const { mean, chol } = g;
  const d = mean.length;
  let q = 0;
  if (scratch.length < d) scratch = new Float64Array(d);
  const z = scratch;
  for (let i = 0; i < d; i++) {
    let s = x[i]! - mean[i]!;
    const Li = chol[i]!;
    for (let k = 0; k < i; k++) s -= Li[k]! * z[k]!;
    const zi = s / Li[i]!;
    z[i] = zi;
    q += zi * zi;
  }
  return q;
}

/** log N(x; μ, Σ) for a prepared Gaussian. */
export function gaussianLogPdf(g: PreparedGaussian, x: ArrayLike<number>): number {
  return g.logNorm - 0.5 * mahalanobis2(g, x);
}

/** Softmax of log-weights, computed stably (subtract the maximum: log-sum-exp). */
export function softmaxInPlace(logits: number[]): number[] {
  let m = -Infinity;
  for (const v of logits) if (v > m) m = v;
  let s = 0;
  for (let k = 0; k < logits.length; k++) {
    const e = Math.exp(logits[k]! - m);
    logits[k] = e;
    s += e;
  }
  for (let k = 0; k < logits.length; k++) logits[k] = logits[k]! / s;
  return logits;
}
