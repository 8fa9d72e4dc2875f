/**
 * How many RANSAC trials give probability `p` of drawing at least one all-inlier sample.
 *
 * Fischler & Bolles (1981), "Random Sample Consensus", CACM 24(6): with inlier fraction w and sample
 * size s, one sample is all inliers with probability wˢ, so N independent samples all fail with
 * probability (1 − wˢ)ᴺ. Requiring that to be ≤ 1 − p gives
 *
 *   N = ⌈ log(1 − p) / log(1 − wˢ) ⌉
 *
 * (Hartley & Zisserman, Multiple View Geometry, Table 4.3: p = 0.99, s = 2, w = 0.5 → 17).
 *
 * Numerics: both logarithms use `log1p`, so 1 − wˢ keeps its digits when wˢ is tiny (scikit-learn's
 * `_dynamic_max_trials` computes `log(1 - w**s)` and is a few trials low at w = 0.1, s = 8). The
 * ceiling is guarded against floating-point round-up: when the exact ratio is an integer k, the float
 * ratio can come out as k + 4e-16 and a bare ceil would return k + 1 (scikit-learn does: p = 0.271,
 * w = 0.1, s = 1 gives 4 there, 3 here). We take ⌈raw − δ⌉ with δ = max(1e-9, 1e-12·raw).
 *
 * Edge cases (scikit-learn 1.2 does the same): w = 0 → Infinity (no sample can be clean);
 * w = 1 → 1 (the first sample is clean; sklearn's max(ε, 1 − wˢ) clamp also yields 1).
 *
 * @param p desired probability of at least one clean sample, in (0, 1)
 * @param inlierFraction w in [0, 1]
 * @param sampleSize s, a positive integer (2 for a line, 3 for a circle)
 */
export function ransacTrialCount(p: number, inlierFraction: number, sampleSize: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (!(inlierFraction >= 0 && inlierFraction <= 1)) {
    throw new RangeError(`inlierFraction must be in [0, 1], got ${inlierFraction}`);
  }
  if (!Number.isInteger(sampleSize) || sampleSize < 1) {
    throw new RangeError(`sampleSize must be a positive integer, got ${sampleSize}`);
  }
  const clean = inlierFraction ** sampleSize;
  if (clean === 0) return Infinity;
  if (clean === 1) return 1;
  const raw = Math.log1p(-p) / Math.log1p(-clean);
  return Math.max(1, Math.ceil(raw - Math.max(1e-9, 1e-12 * raw)));
}

/** Probability that at least one of N samples of size s is all inliers: 1 − (1 − wˢ)ᴺ (Fischler & Bolles 1981). */
export function theoreticalSuccessRate(inlierFraction: number, sampleSize: number, trials: number): number {
  if (!(inlierFraction >= 0 && inlierFraction <= 1)) {
    throw new RangeError(`inlierFraction must be in [0, 1], got ${inlierFraction}`);
  }
  if (!Number.isInteger(sampleSize) || sampleSize < 1) {
    throw new RangeError(`sampleSize must be a positive integer, got ${sampleSize}`);
  }
  if (!(trials >= 0)) throw new RangeError(`trials must be ≥ 0, got ${trials}`);
  // −expm1(N·log1p(−wˢ)) = 1 − (1 − wˢ)ᴺ without cancellation for small wˢ
  const clean = inlierFraction ** sampleSize;
  if (clean === 1) return trials > 0 ? 1 : 0;
  return -Math.expm1(trials * Math.log1p(-clean));
}
