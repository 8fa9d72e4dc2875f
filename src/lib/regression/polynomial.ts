/**
 * Polynomial curve fitting, the running example of Bishop, Pattern Recognition and Machine Learning
 * (PRML) §1.1: y(x, w) = Σⱼ wⱼ xʲ fitted by least squares, optionally with the quadratic penalty
 *
 *   Ẽ(w) = Σₙ (y(xₙ, w) − tₙ)² + λ‖w‖²        (PRML eq. 1.4 up to the factor ½, which rescales λ by 2)
 *
 * where every coefficient, w₀ included, is penalised (as in PRML and as scikit-learn's
 * `Ridge(alpha=λ, fit_intercept=False)` on the Vandermonde matrix does).
 *
 * Numerics: the raw monomial basis is badly conditioned (cond(V) ≈ 10⁸ for degree 9 on 10 points in
 * [0, 1], ≈ 10¹¹ for degree 15), so the normal equations VᵀV w = Vᵀt (condition number squared) are
 * never formed. The fit is a minimum-norm least-squares solve of V w ≈ t by a pivoted Householder QR /
 * complete orthogonal decomposition ({@link solveLeastSquares}); with λ > 0 the same solver is applied
 * to the augmented system [V; √λ I] w ≈ [t; 0], whose normal equations are exactly (VᵀV + λI) w = Vᵀt.
 *
 * Underdetermined or rank-deficient fits (degree + 1 > number of distinct x, λ = 0) return the
 * minimum-norm solution — the same one numpy.linalg.lstsq returns — rather than throwing, so a figure
 * can show degree 15 through 5 points, or a bootstrap sample with repeated x values. It interpolates
 * the data whenever the distinct x values number at most degree + 1. Only where the monomials are
 * numerically dependent (column-equilibrated condition number beyond ≈ 4.5e13, e.g. x values 1e-3
 * apart at degree 15) is a power dropped (coefficient 0) instead, which keeps the training error
 * non-increasing in the degree.
 */
import { solveLeastSquares } from './polyLeastSquares';

/** Options of {@link fitPolynomial}. */
export interface PolynomialFitOptions {
  /**
   * Penalty λ ≥ 0 on ‖w‖² (all coefficients, w₀ included), minimising Σ(y − V w)² + λ‖w‖².
   * @default 0
   */
  l2?: number;
}

/**
 * Least-squares polynomial coefficients [w₀, w₁, …, w_degree] (increasing power) for the data (x, y),
 * minimum-norm when underdetermined; with `l2` = λ > 0 the ridge solution of Σ(y − V w)² + λ‖w‖².
 * Returns all zeros for empty data (the minimum-norm solution of an empty problem).
 */
export function fitPolynomial(x: readonly number[], y: readonly number[], degree: number, options: PolynomialFitOptions = {}): number[] {
  if (!Number.isInteger(degree) || degree < 0) throw new RangeError(`degree must be a non-negative integer, got ${degree}`);
  if (x.length !== y.length) throw new RangeError(`x and y must have the same length, got ${x.length} and ${y.length}`);
  const lambda = options.l2 ?? 0;
  if (!Number.isFinite(lambda) || lambda < 0) throw new RangeError(`l2 must be a finite number ≥ 0, got ${lambda}`);
  const n = x.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]!)) throw new RangeError(`x[${i}] must be finite, got ${x[i]}`);
    if (!Number.isFinite(y[i]!)) throw new RangeError(`y[${i}] must be finite, got ${y[i]}`);
  }
  // Repeated x values (a bootstrap sample, two dragged points) are merged first: a group of c points at
  // one x contributes Σ(yᵢ − p(x))² = c(ȳ − p(x))² + Σ(yᵢ − ȳ)², so one row √c·(1, x, …, x^d) with target
  // √c·ȳ gives the same objective, hence the same (minimum-norm) minimiser. Exact duplicates then
  // cannot leave rounding-level "independent" directions in the QR, and rank deficiency from too few
  // distinct x is structural (fewer rows than columns).
  const groupOf = new Map<number, number>();
  const xs: number[] = [];
  const sums: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const g = groupOf.get(xi);
    if (g === undefined) {
      groupOf.set(xi, xs.length);
      xs.push(xi);
      sums.push(y[i]!);
      counts.push(1);
    } else {
      sums[g] = sums[g]! + y[i]!;
      counts[g] = counts[g]! + 1;
    }
  }
  const rows = xs.length;
  const p = degree + 1;
  // Augmented rows √λ I below the data when penalised: ‖[V; √λI] w − [y; 0]‖² = ‖V w − y‖² + λ‖w‖².
  const m = lambda > 0 ? rows + p : rows;
  const a = new Float64Array(m * p);
  const b = new Float64Array(m);
  for (let i = 0; i < rows; i++) {
    const c = counts[i]!;
    const weight = Math.sqrt(c);
    b[i] = (weight * sums[i]!) / c;
    let power = weight;
    const xi = xs[i]!;
    for (let j = 0; j < p; j++) {
      a[j * m + i] = power;
      power *= xi;
    }
  }
  if (lambda > 0) {
    const s = Math.sqrt(lambda);
    for (let j = 0; j < p; j++) a[j * m + rows + j] = s;
  }
  const { x: w } = solveLeastSquares(a, m, p, b);
  return Array.from(w);
}

/** The polynomial Σⱼ cⱼ xʲ (coefficients in increasing power) at x, by Horner's rule. */
export function evaluatePolynomial(coefficients: readonly number[], x: number): number {
  let s = 0;
  for (let j = coefficients.length - 1; j >= 0; j--) s = s * x + coefficients[j]!;
  return s;
}
