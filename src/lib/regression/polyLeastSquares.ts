/**
 * Minimum-norm linear least squares by a complete orthogonal decomposition (COD), the engine behind
 * {@link fitPolynomial}.
 *
 * Solves  min ‖x‖  over  argmin ‖A x − b‖₂  for a dense m × p matrix A of any shape or rank, without
 * forming the normal equations AᵀA (whose condition number is cond(A)², ≈ 10²² for a degree-15
 * Vandermonde matrix on [0, 1], beyond double precision). Golub & Van Loan, Matrix Computations, 4th
 * ed., §5.2 (Householder QR), §5.4.2 (rank-revealing QR) and §5.5.2 (the complete orthogonal
 * decomposition); LAPACK xGELSY is the same method with norm-based column pivoting.
 *
 * 1. Householder QR taking columns in their given order, A Π = Q [R₁₁ R₁₂; 0 R₂₂]. A column is
 *    accepted into R₁₁ only while the column-equilibrated triangle S = R₁₁ D⁻¹ (D = original column
 *    norms) keeps cond_F(S) ≤ 1/rcond, tracked incrementally through S⁻¹; otherwise it is deferred for
 *    good: if it is dependent to rounding level (remainder ≤ 8ε of its norm) it still shares the
 *    minimum-norm step below, if it is merely too ill-conditioned to use its coefficient is 0. Equilibration makes the test invariant to column scaling (monomial
 *    columns xᵏ differ in norm by many orders of magnitude; van der Sluis 1969 shows unit columns are
 *    near-optimal), and keeping the natural order 1, x, x², … makes fits of increasing degree nested:
 *    degree d + 1 repeats the operations of degree d and then accepts or defers x^(d+1), so its training
 *    error is never larger, up to rounding.
 * 2. Columns never examined because all m rows were used (p > m) have no rows below R₁₁: they join the
 *    minimum-norm step exactly. If none, back-substitute R₁₁ z = (Qᵀb)₁..ᵣ.
 * 3. Otherwise reduce [R₁₁ R₁₂] = [T 0] Z with Householder reflections from the right (LAPACK xTZRZF),
 *    solve T u = (Qᵀb)₁..ᵣ and return x = Π Zᵀ [u; 0]: the minimum-norm least-squares solution — the
 *    one numpy.linalg.lstsq returns — whenever no column was dropped as ill-conditioned.
 */

/**
 * Default relative threshold: columns are accepted while the column-equilibrated R₁₁ has
 * cond_F ≤ 1/rcond ≈ 4.5e13, comparable to numpy.linalg.lstsq's default rcond = ε·max(m, n)
 * on the singular values.
 */
export const DEFAULT_RCOND = 200 * Number.EPSILON;

/** A column whose remainder is at most this fraction of its norm is dependent to rounding level. */
const DEPENDENT_TOL = 8 * Number.EPSILON;

/** Result of {@link solveLeastSquares}: the solution and the numerical rank that was used. */
export interface LeastSquaresSolution {
  /** Minimum-norm least-squares solution, length p (0 for columns dropped as too ill-conditioned). */
  x: Float64Array;
  /** Numerical rank r ≤ min(m, p) found by the QR with deferred columns. */
  rank: number;
}

/**
 * Minimum-norm least-squares solution of A x ≈ b (A column-major m × p, A[i, j] at j·m + i).
 * `a` and `b` are overwritten (they hold the factorisation afterwards); pass copies to keep them.
 * @param rcond columns are accepted while the equilibrated R₁₁ has cond_F ≤ 1/rcond; see
 *   {@link DEFAULT_RCOND}.
 */
export function solveLeastSquares(a: Float64Array, m: number, p: number, b: Float64Array, rcond = DEFAULT_RCOND): LeastSquaresSolution {
  if (a.length !== m * p) throw new RangeError(`a must hold m·p = ${m * p} values, got ${a.length}`);
  if (b.length !== m) throw new RangeError(`b must hold m = ${m} values, got ${b.length}`);
  if (!(rcond > 0 && rcond < 1)) throw new RangeError(`rcond must be in (0, 1), got ${rcond}`);
  const condLimit = 1 / rcond;
  const perm = new Int32Array(p);
  const norm0 = new Float64Array(p);
  const deferred = new Uint8Array(p); // by original column index: 0 open, 1 dropped, 2 dependent
  for (let j = 0; j < p; j++) {
    perm[j] = j;
    norm0[j] = columnNorm(a, m, j, 0);
    if (!(norm0[j]! > 0)) deferred[j] = 2; // a zero column: any weight on it is wasted norm
  }
  // Inverse of the column-equilibrated triangle S = R₁₁ D⁻¹ (D = original column norms), upper
  // triangular, column l at tInv[l·p + 0..l], and ‖S⁻¹‖²_F. S has unit columns, so ‖S‖²_F = k and
  // cond_F(S) = √k · ‖S⁻¹‖_F, an upper bound on cond₂(S) within a factor k.
  const tInv = new Float64Array(p * p);
  const u = new Float64Array(p);
  let invFrob2 = 0;
  const kMax = Math.min(m, p);
  let rank = 0;
  for (let k = 0; k < kMax; k++) {
    // The first column, in the given order and not yet deferred, whose acceptance keeps
    // cond_F(S) ≤ 1/rcond. Appending column c/‖a_j‖ with new diagonal δ gives
    // S⁻¹ = [S⁻¹, −S⁻¹c/δ; 0, 1/δ], so ‖S⁻¹‖²_F grows by (‖S⁻¹c‖² + 1)/δ².
    let best = -1;
    let bestFrob2 = 0;
    for (let j = k; j < p; j++) {
      const orig = perm[j]!;
      if (deferred[orig]) continue;
      const scale = norm0[j]!;
      const delta = columnNorm(a, m, j, k) / scale;
      let uu = 0;
      for (let i = 0; i < k; i++) {
        let s = 0;
        for (let l = i; l < k; l++) s += tInv[l * p + i]! * (a[j * m + l]! / scale);
        u[i] = s;
        uu += s * s;
      }
      const frob2 = invFrob2 + (uu + 1) / (delta * delta);
      if (delta > 0 && Math.sqrt((k + 1) * frob2) <= condLimit) {
        best = j;
        bestFrob2 = frob2;
        break;
      }
      // Once too dependent, always: more columns only lower the smallest singular value. A column that
      // is dependent to rounding level (remainder ≤ DEPENDENT_TOL of its norm) joins the minimum-norm
      // step (mark 2); one that is merely too ill-conditioned to use is dropped (mark 1).
      deferred[orig] = delta <= DEPENDENT_TOL ? 2 : 1;
    }
    if (best < 0) break;
    if (best !== k) swapColumns(a, m, k, best, perm, norm0);
    // u = S⁻¹c for the accepted column (the loop above left it in u).
    // Householder reflection H = I − τ v vᵀ taking a[k:m, k] to α e₁ (LAPACK xLARFG): α has the sign
    // opposite to the leading entry so that a_kk − α does not cancel, v = (a[k:m, k] − α e₁)/(a_kk − α)
    // has v₁ = 1, and τ = (α − a_kk)/α ∈ [1, 2]. Dividing rather than forming 2/vᵀv avoids underflow
    // for tiny columns (x = 5e-324 gives x² = 0).
    const colK = k * m;
    const norm = columnNorm(a, m, k, k);
    const akk = a[colK + k]!;
    const alpha = akk >= 0 ? -norm : norm;
    const denom = akk - alpha;
    const tau = (alpha - akk) / alpha;
    for (let i = k + 1; i < m; i++) a[colK + i] = a[colK + i]! / denom;
    a[colK + k] = 1; // v is held in place during the update
    for (let j = k + 1; j < p; j++) applyReflector(a, colK, j * m, k, m, -tau, a);
    applyReflector(a, colK, 0, k, m, -tau, b);
    a[colK + k] = alpha; // R_kk
    for (let i = k + 1; i < m; i++) a[colK + i] = 0;
    const delta = alpha / norm0[k]!;
    for (let i = 0; i < k; i++) tInv[k * p + i] = -u[i]! / delta;
    tInv[k * p + k] = 1 / delta;
    invFrob2 = bestFrob2;
    rank = k + 1;
  }

  // Dropped columns get coefficient 0: their part below row r (R₂₂) is not negligible, so letting the
  // minimum-norm step spread weight onto them would leak ‖R₂₂‖·‖z‖ into the residual. Dependent
  // columns (R₂₂ at rounding level) and columns never examined (all m rows used up, p > m: no rows
  // below r at all) share the minimum-norm step. Move the dropped ones to the end; q = columns kept.
  let q = rank;
  for (let j = rank; j < p; j++) {
    if (deferred[perm[j]!] !== 1) {
      if (j !== q) swapColumns(a, m, q, j, perm, norm0);
      q++;
    }
  }
  // c = (Qᵀ b)[0:r]; R₁₁ is a[0:r, 0:r], R₁₂ is a[0:r, r:q].
  const x = new Float64Array(p);
  const z = new Float64Array(p);
  if (rank === 0) return { x, rank };
  const rz = rank < q ? reduceTrapezoid(a, m, q, rank) : undefined;
  // Back substitution T u = c, with T = R₁₁ (full rank) or the triangle left by the RZ step.
  for (let i = rank - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < rank; j++) s -= a[j * m + i]! * z[j]!;
    z[i] = s / a[i * m + i]!;
  }
  if (rz) applyZTranspose(a, m, q, rank, rz, z);
  for (let j = 0; j < p; j++) x[perm[j]!] = z[j]!;
  return { x, rank };
}

/** ‖a[from:m, j]‖₂, scaled to avoid overflow and underflow (LAPACK xNRM2 idea). */
function columnNorm(a: Float64Array, m: number, j: number, from: number): number {
  const off = j * m;
  let scale = 0;
  for (let i = from; i < m; i++) scale = Math.max(scale, Math.abs(a[off + i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = from; i < m; i++) {
    const t = a[off + i]! / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}

function swapColumns(a: Float64Array, m: number, j1: number, j2: number, perm: Int32Array, norm0: Float64Array): void {
  const o1 = j1 * m;
  const o2 = j2 * m;
  for (let i = 0; i < m; i++) {
    const t = a[o1 + i]!;
    a[o1 + i] = a[o2 + i]!;
    a[o2 + i] = t;
  }
  const tp = perm[j1]!;
  perm[j1] = perm[j2]!;
  perm[j2] = tp;
  const tn = norm0[j1]!;
  norm0[j1] = norm0[j2]!;
  norm0[j2] = tn;
}

/** target[to + k:m] += factor · (vᵀ target[k:m]) · v, with v = src[from + k:m] (one column of H·A). */
function applyReflector(src: Float64Array, from: number, to: number, k: number, m: number, factor: number, target: Float64Array): void {
  let dot = 0;
  for (let i = k; i < m; i++) dot += src[from + i]! * target[to + i]!;
  const s = factor * dot;
  if (s === 0) return;
  for (let i = k; i < m; i++) target[to + i] = target[to + i]! + s * src[from + i]!;
}

/**
 * RZ step: [R₁₁ R₁₂] (r × p, upper trapezoidal) · H_{r−1} ⋯ H₀ = [T 0], processing rows bottom-up.
 * Reflector H_k = I − τ_k v vᵀ acts on coordinates {k} ∪ {r, …, p−1} with v_k = 1; the tail of v is left
 * in row k of `a` (columns r..p−1, no longer needed) and the τ_k are returned.
 */
function reduceTrapezoid(a: Float64Array, m: number, p: number, r: number): Float64Array {
  const taus = new Float64Array(r);
  for (let k = r - 1; k >= 0; k--) {
    let scale = Math.abs(a[k * m + k]!);
    for (let j = r; j < p; j++) scale = Math.max(scale, Math.abs(a[j * m + k]!));
    if (scale === 0) continue;
    const lead = a[k * m + k]! / scale;
    let s = lead * lead;
    for (let j = r; j < p; j++) {
      const t = a[j * m + k]! / scale;
      s += t * t;
    }
    const norm = scale * Math.sqrt(s);
    const akk = a[k * m + k]!;
    const alpha = akk >= 0 ? -norm : norm;
    const denom = akk - alpha;
    const tau = (alpha - akk) / alpha;
    for (let j = r; j < p; j++) a[j * m + k] = a[j * m + k]! / denom;
    // Rows i < k: row_i ← row_i − τ (row_i · v) vᵀ, v = (1 at k, a[k, r..p−1] at r..p−1).
    for (let i = 0; i < k; i++) {
      let dot = a[k * m + i]!;
      for (let j = r; j < p; j++) dot += a[j * m + i]! * a[j * m + k]!;
      const f = tau * dot;
      if (f === 0) continue;
      a[k * m + i] = a[k * m + i]! - f;
      for (let j = r; j < p; j++) a[j * m + i] = a[j * m + i]! - f * a[j * m + k]!;
    }
    a[k * m + k] = alpha; // T_kk
    taus[k] = tau;
  }
  return taus;
}

/** z ← Zᵀ [u; 0] = H_{r−1} ⋯ H₀ [u; 0] (H₀ applied first), using the reflectors stored by the RZ step. */
function applyZTranspose(a: Float64Array, m: number, p: number, r: number, taus: Float64Array, z: Float64Array): void {
  for (let j = r; j < p; j++) z[j] = 0;
  for (let k = 0; k < r; k++) {
    const tau = taus[k]!;
    if (tau === 0) continue;
    let dot = z[k]!;
    for (let j = r; j < p; j++) dot += z[j]! * a[j * m + k]!;
    const f = tau * dot;
    z[k] = z[k]! - f;
    for (let j = r; j < p; j++) z[j] = z[j]! - f * a[j * m + k]!;
  }
}
