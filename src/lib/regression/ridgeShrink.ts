/**
 * The L2 shrinkage operator: the minimiser of ½(w − z)² + (λ/2)·w² is w = z / (1 + λ).
 *
 * This is ridge for one orthonormal feature: every coefficient is scaled towards 0 by the same factor
 * and never reaches 0 exactly, the contrast with {@link softThreshold} that the inset draws.
 */

/** L2 shrinkage z / (1 + λ): argmin_w ½(w − z)² + (λ/2)w². */
export function ridgeShrink(z: number, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`lambda must be a finite number ≥ 0, got ${lambda}`);
  return z / (1 + lambda);
}
