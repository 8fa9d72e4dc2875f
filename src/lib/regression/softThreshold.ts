/**
 * The soft-thresholding operator S(z, λ) = sign(z)·max(|z| − λ, 0), the minimiser of ½(w − z)² + λ|w|
 * (Donoho & Johnstone 1994; the closed-form coordinate update of the lasso, Tibshirani 1996).
 *
 * Inputs with |z| ≤ λ map to an exact +0, which is why the lasso sets coefficients exactly to zero.
 */

/** Soft thresholding sign(z)·max(|z| − λ, 0), with an exact 0 inside [−λ, λ]. */
export function softThreshold(z: number, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`lambda must be a finite number ≥ 0, got ${lambda}`);
  if (z > lambda) return z - lambda;
  if (z < -lambda) return z + lambda;
  return 0;
}
