/**
 * The two-weight picture of L1 versus L2 regularisation (Tibshirani 1996, Fig. 2; ESL §3.4.3, Fig. 3.11).
 *
 * The loss is a quadratic bowl around the unregularised optimum w*:
 *
 *   loss(w) = (w − w*)ᵀ A (w − w*),   A symmetric positive definite (2×2),
 *
 * (for least squares A = XᵀX and w* the OLS solution, up to a constant). The constrained problem
 *
 *   minimise loss(w)  subject to  ‖w‖₁ ≤ t   (lasso)   or   ‖w‖₂ ≤ t   (ridge)
 *
 * is solved exactly in closed form (L1) or by a safeguarded Newton iteration on a scalar secular
 * equation (L2). Its Lagrange multiplier λ links it to the penalised forms
 *
 *   L1:  minimise loss(w) + λ‖w‖₁          (stationarity 2A(w − w*) + λ·∂‖w‖₁ ∋ 0)
 *   L2:  minimise loss(w) + λ‖w‖₂²         (stationarity 2A(w − w*) + 2λw = 0, i.e. (A + λI)w = Aw*)
 *
 * which are also solved here, so a figure (and a test) can show that both give the same point.
 * Everything is plain data so a chart can draw it; nothing here touches the DOM.
 */

/** A point or vector in the (w₁, w₂) plane. */
export type Vec2 = [number, number];

/** A symmetric 2×2 matrix [[a, b], [b, c]]. */
export type Matrix2 = [[number, number], [number, number]];

/** Which norm bounds the weights. */
export type NormKind = 'l1' | 'l2';

/** The solution of the constrained problem for one norm. */
export interface ConstrainedSolution {
  /** Which norm was used. */
  norm: NormKind;
  /** The minimiser ŵ. */
  w: Vec2;
  /** Whether the constraint binds (‖w*‖ > t); when false ŵ = w* and λ = 0. */
  active: boolean;
  /** zero[j] is true when ŵ_j is exactly 0 (an L1 corner). */
  zero: [boolean, boolean];
  /** Lagrange multiplier: the penalised form with this λ has the same minimiser (see file comment). */
  lambda: number;
  /** loss(ŵ): the level of the contour that touches the ball. */
  loss: number;
}

/** Ellipse {w : (w − center)ᵀ A (w − center) = level}, as SVG-style parameters. */
export interface EllipseParams {
  /** Loss value of this contour. */
  level: number;
  /** Centre (w*). */
  cx: number;
  cy: number;
  /** Semi-axis along `angle` (the major axis). */
  rx: number;
  /** Semi-axis perpendicular to `angle` (the minor axis). */
  ry: number;
  /** Angle of the major axis from the +w₁ axis, radians in (−π/2, π/2], counter-clockwise in data coordinates. */
  angle: number;
}

function checkMatrix(A: Matrix2): { a: number; b: number; c: number } {
  const a = A[0][0];
  const b = A[0][1];
  const c = A[1][1];
  if (![a, b, c, A[1][0]].every(Number.isFinite)) throw new RangeError(`A must have finite entries, got ${JSON.stringify(A)}`);
  if (Math.abs(b - A[1][0]) > 1e-12 * (Math.abs(b) + 1)) throw new RangeError(`A must be symmetric, got ${JSON.stringify(A)}`);
  if (!(a > 0) || !(a * c - b * b > 0)) throw new RangeError(`A must be positive definite, got ${JSON.stringify(A)}`);
  return { a, b, c };
}

function checkVec(v: Vec2, name: string): void {
  if (!Number.isFinite(v[0]) || !Number.isFinite(v[1])) throw new RangeError(`${name} must be finite, got ${JSON.stringify(v)}`);
}

function checkPositive(v: number, name: string): void {
  if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`${name} must be a finite number > 0, got ${v}`);
}

/** loss(w) = (w − w*)ᵀ A (w − w*). */
export function quadraticLoss(A: Matrix2, wStar: Vec2, w: Vec2): number {
  const d0 = w[0] - wStar[0];
  const d1 = w[1] - wStar[1];
  return A[0][0] * d0 * d0 + 2 * A[0][1] * d0 * d1 + A[1][1] * d1 * d1;
}

/**
 * A = D R D with R = [[1, ρ], [ρ, 1]] and D = diag(scales): the Gram matrix XᵀX/n of two features with
 * correlation ρ and standard deviations `scales`. ρ > 0 stretches the contours along (1, −1): correlated
 * features trade weight against each other.
 */
export function quadraticFromCorrelation(rho: number, scales: Vec2 = [1, 1]): Matrix2 {
  if (!(Math.abs(rho) < 1)) throw new RangeError(`rho must lie in (−1, 1), got ${rho}`);
  checkPositive(scales[0], 'scales[0]');
  checkPositive(scales[1], 'scales[1]');
  const off = rho * scales[0] * scales[1];
  return [
    [scales[0] * scales[0], off],
    [off, scales[1] * scales[1]],
  ];
}

/**
 * A whose contours are ellipses with the major axis at `angle` (radians) and minor/major axis ratio
 * `ratio` ∈ (0, 1]: A = R(θ) diag(ratio², 1) R(θ)ᵀ (curvature 1 across, ratio² along the major axis).
 */
export function quadraticFromTilt(angle: number, ratio: number): Matrix2 {
  if (!Number.isFinite(angle)) throw new RangeError(`angle must be finite, got ${angle}`);
  if (!(ratio > 0 && ratio <= 1)) throw new RangeError(`ratio must lie in (0, 1], got ${ratio}`);
  const co = Math.cos(angle);
  const si = Math.sin(angle);
  const lMajor = ratio * ratio; // eigenvalue along (cos θ, sin θ)
  const lMinor = 1; // eigenvalue along (−sin θ, cos θ)
  const a = lMajor * co * co + lMinor * si * si;
  const b = (lMajor - lMinor) * co * si;
  const c = lMajor * si * si + lMinor * co * co;
  return [
    [a, b],
    [b, c],
  ];
}

/** Eigen-decomposition of a symmetric 2×2 matrix: eigenvalues (small, large) and the angle of the small one's eigenvector. */
function eigen2(a: number, b: number, c: number): { small: number; large: number; angleSmall: number } {
  const mid = (a + c) / 2;
  const rad = Math.hypot((a - c) / 2, b);
  const large = mid + rad;
  // small = det / large avoids cancellation when the ellipse is very elongated
  const small = (a * c - b * b) / large;
  // eigenvector of the large eigenvalue is at ½·atan2(2b, a − c); the small one is perpendicular
  let angleSmall = 0.5 * Math.atan2(2 * b, a - c) + Math.PI / 2;
  if (angleSmall > Math.PI / 2) angleSmall -= Math.PI;
  return { small, large, angleSmall };
}

/** The contour {loss = level} of the quadratic bowl as an ellipse (centre, semi-axes, tilt). */
export function ellipseParams(A: Matrix2, wStar: Vec2, level: number): EllipseParams {
  const { a, b, c } = checkMatrix(A);
  checkVec(wStar, 'wStar');
  if (!(level >= 0) || !Number.isFinite(level)) throw new RangeError(`level must be a finite number ≥ 0, got ${level}`);
  const e = eigen2(a, b, c);
  return {
    level,
    cx: wStar[0],
    cy: wStar[1],
    rx: Math.sqrt(level / e.small),
    ry: Math.sqrt(level / e.large),
    angle: e.angleSmall,
  };
}

/** Options for {@link contourLevels}. */
export interface ContourLevelOptions {
  /**
   * Number of levels.
   * @default 5
   */
  count?: number;
  /**
   * 1-based position of the tangent level among them; the others are spaced evenly in √loss (i.e. in
   * ellipse size): level_k = tangent·(k / tangentIndex)².
   * @default 3
   */
  tangentIndex?: number;
  /**
   * Level used in place of `tangent` when it is 0 (the constraint is inactive and ŵ = w*).
   * @default 1
   */
  fallback?: number;
}

/** Contour levels for the figure, one of which is the loss at the constrained solution (the touching ellipse). */
export function contourLevels(tangent: number, options: ContourLevelOptions = {}): number[] {
  const count = options.count ?? 5;
  const m = options.tangentIndex ?? 3;
  const fallback = options.fallback ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`tangentIndex must be a positive integer, got ${m}`);
  if (!(tangent >= 0) || !Number.isFinite(tangent)) throw new RangeError(`tangent must be a finite number ≥ 0, got ${tangent}`);
  checkPositive(fallback, 'fallback');
  const base = tangent > 0 ? tangent : fallback;
  return Array.from({ length: count }, (_, i) => (i + 1 === m ? base : (base * (i + 1) * (i + 1)) / (m * m)));
}

/** A candidate minimiser for one support / sign pattern and whether it satisfies the KKT conditions. */
interface Candidate {
  w: Vec2;
  valid: boolean;
}

/**
 * The first candidate that satisfies its KKT conditions (candidates are listed sparsest first, so an
 * exact zero wins a tie at a pattern boundary); if rounding leaves none valid, the one with the smallest
 * objective. The problems are strictly convex, so in exact arithmetic exactly one pattern is optimal.
 */
function pick(cands: Candidate[], f: (w: Vec2) => number): Vec2 {
  let best: Vec2 | null = null;
  for (const cand of cands) {
    if (cand.valid) {
      best = cand.w;
      break;
    }
  }
  if (best === null) {
    let bestF = Infinity;
    for (const cand of cands) {
      const v = f(cand.w);
      if (v < bestF) {
        bestF = v;
        best = cand.w;
      }
    }
  }
  const w = best ?? cands[0]!.w;
  return [w[0] + 0, w[1] + 0]; // + 0 turns −0 into +0
}

/** Minimiser of loss(w) + λ‖w‖₁ (exact; zeros are exact). */
function penalizedL1(a: number, b: number, c: number, wStar: Vec2, lambda: number): Vec2 {
  // KKT: 2(A(w* − w))_j = λ·sign(w_j) where w_j ≠ 0 and |2(A(w* − w))_j| ≤ λ where w_j = 0.
  const g0 = a * wStar[0] + b * wStar[1]; // (A w*)_0
  const g1 = b * wStar[0] + c * wStar[1]; // (A w*)_1
  const h = lambda / 2;
  const soft = (z: number): number => (z > h ? z - h : z < -h ? z + h : 0);
  // w₂ = 0: minimise a w₁² − 2 w₁ (A w*)₀ + λ|w₁|, then check coordinate 2's subgradient; likewise w₁ = 0
  const u0 = soft(g0) / a;
  const u1 = soft(g1) / c;
  const cands: Candidate[] = [
    { w: [0, 0], valid: Math.abs(g0) <= h && Math.abs(g1) <= h },
    { w: [u0, 0], valid: u0 !== 0 && Math.abs(g1 - b * u0) <= h },
    { w: [0, u1], valid: u1 !== 0 && Math.abs(g0 - b * u1) <= h },
  ];
  const det = a * c - b * b;
  for (const s0 of [-1, 1]) {
    for (const s1 of [-1, 1]) {
      // 2A(w − w*) + λ s = 0  ⇒  w = w* − (λ/2) A⁻¹ s
      const w0 = wStar[0] - (h * (c * s0 - b * s1)) / det;
      const w1 = wStar[1] - (h * (a * s1 - b * s0)) / det;
      cands.push({ w: [w0, w1], valid: Math.sign(w0) === s0 && Math.sign(w1) === s1 });
    }
  }
  return pick(cands, (w) => quadraticLossRaw(a, b, c, wStar, w) + lambda * (Math.abs(w[0]) + Math.abs(w[1])));
}

function quadraticLossRaw(a: number, b: number, c: number, wStar: Vec2, w: Vec2): number {
  const d0 = w[0] - wStar[0];
  const d1 = w[1] - wStar[1];
  return a * d0 * d0 + 2 * b * d0 * d1 + c * d1 * d1;
}

/** (A + λI)⁻¹ A w*, the minimiser of loss(w) + λ‖w‖₂². */
function penalizedL2(a: number, b: number, c: number, wStar: Vec2, lambda: number): Vec2 {
  const r0 = a * wStar[0] + b * wStar[1];
  const r1 = b * wStar[0] + c * wStar[1];
  const p = a + lambda;
  const q = c + lambda;
  const det = p * q - b * b;
  return [(q * r0 - b * r1) / det + 0, (p * r1 - b * r0) / det + 0];
}

/**
 * Minimiser of the penalised form: loss(w) + λ‖w‖₁ (norm 'l1') or loss(w) + λ‖w‖₂² (norm 'l2'),
 * in closed form. L1 zeros are exact.
 */
export function penalizedSolution(A: Matrix2, wStar: Vec2, lambda: number, norm: NormKind): Vec2 {
  const { a, b, c } = checkMatrix(A);
  checkVec(wStar, 'wStar');
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`lambda must be a finite number ≥ 0, got ${lambda}`);
  return norm === 'l1' ? penalizedL1(a, b, c, wStar, lambda) : penalizedL2(a, b, c, wStar, lambda);
}

/**
 * Minimiser of loss on the L1 sphere ‖w‖₁ = t (w* outside the ball): the four corners, then the
 * minimiser of the 1-D quadratic along each edge. KKT with multiplier λ ≥ 0 and G = 2A(w* − w):
 * at a corner (±t, 0), λ = ±G₀ ≥ |G₁|; inside an edge, λ = G₀·sign(w₀) = G₁·sign(w₁) ≥ 0.
 */
function constrainedL1(a: number, b: number, c: number, wStar: Vec2, t: number): Vec2 {
  const grad = (w: Vec2): Vec2 => [
    2 * (a * (wStar[0] - w[0]) + b * (wStar[1] - w[1])),
    2 * (b * (wStar[0] - w[0]) + c * (wStar[1] - w[1])),
  ];
  const cands: Candidate[] = [];
  for (const [w, j] of [
    [[t, 0], 0],
    [[-t, 0], 0],
    [[0, t], 1],
    [[0, -t], 1],
  ] as [Vec2, 0 | 1][]) {
    const g = grad(w);
    const lam = g[j] * Math.sign(w[j]);
    cands.push({ w, valid: lam >= 0 && Math.abs(g[1 - j]!) <= lam });
  }
  for (const s0 of [-1, 1]) {
    for (const s1 of [-1, 1]) {
      // edge w(u) = (s0·u, s1·(t − u)), u ∈ (0, t): w = e + u d with e = (0, s1 t), d = (s0, −s1);
      // d/du loss = 2dᵀA(e + u d − w*) = 0 gives u
      const e0 = -wStar[0];
      const e1 = s1 * t - wStar[1];
      const d0 = s0;
      const d1 = -s1;
      const dAd = a * d0 * d0 + 2 * b * d0 * d1 + c * d1 * d1;
      const dAe = a * d0 * e0 + b * (d0 * e1 + d1 * e0) + c * d1 * e1;
      const u = -dAe / dAd;
      if (u > 0 && u < t) {
        const w: Vec2 = [s0 * u, s1 * (t - u)];
        const g = grad(w);
        cands.push({ w, valid: g[0] * s0 >= 0 && g[1] * s1 >= 0 });
      }
    }
  }
  return pick(cands, (w) => quadraticLossRaw(a, b, c, wStar, w));
}

/**
 * The multiplier μ ≥ 0 with ‖(A + μI)⁻¹ A w*‖₂ = t, by Newton's method on the secular equation
 * φ(μ) = 1/‖w(μ)‖ − 1/t (nearly linear in μ; Moré & Sorensen 1983), safeguarded by bisection.
 */
function l2Multiplier(a: number, b: number, c: number, wStar: Vec2, t: number): number {
  const r0 = a * wStar[0] + b * wStar[1];
  const r1 = b * wStar[0] + c * wStar[1];
  // ‖w(μ)‖ ≤ ‖Aw*‖ / μ, so μ = ‖Aw*‖ / t is an upper bracket
  let lo = 0;
  let hi = Math.hypot(r0, r1) / t;
  let mu = 0;
  for (let iter = 0; iter < 100; iter++) {
    const p = a + mu;
    const q = c + mu;
    const det = p * q - b * b;
    const w0 = (q * r0 - b * r1) / det;
    const w1 = (p * r1 - b * r0) / det;
    const nrm = Math.hypot(w0, w1);
    const phi = 1 / nrm - 1 / t;
    if (phi < 0) lo = mu;
    else hi = mu;
    // w'(μ) = −(A + μI)⁻¹ w ⇒ φ'(μ) = wᵀ(A + μI)⁻¹w / ‖w‖³
    const z0 = (q * w0 - b * w1) / det;
    const z1 = (p * w1 - b * w0) / det;
    const dphi = (w0 * z0 + w1 * z1) / (nrm * nrm * nrm);
    let next = mu - phi / dphi;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - mu) <= 1e-15 * Math.max(1, mu) || hi - lo <= 1e-15 * Math.max(1, hi)) return next;
    mu = next;
  }
  return mu;
}

/**
 * Solves min loss(w) s.t. ‖w‖₁ ≤ t (norm 'l1') or ‖w‖₂ ≤ t (norm 'l2') exactly, with the multiplier λ
 * of the matching penalised form (loss + λ‖w‖₁, or loss + λ‖w‖₂²) and which weights are exactly 0.
 */
export function constrainedSolution(A: Matrix2, wStar: Vec2, t: number, norm: NormKind): ConstrainedSolution {
  const { a, b, c } = checkMatrix(A);
  checkVec(wStar, 'wStar');
  checkPositive(t, 't');
  const normStar = norm === 'l1' ? Math.abs(wStar[0]) + Math.abs(wStar[1]) : Math.hypot(wStar[0], wStar[1]);
  let w: Vec2;
  let lambda: number;
  let active: boolean;
  if (normStar <= t) {
    w = [wStar[0] + 0, wStar[1] + 0];
    lambda = 0;
    active = false;
  } else if (norm === 'l1') {
    active = true;
    w = constrainedL1(a, b, c, wStar, t);
    // KKT: 2A(w* − w) = λ·g with g_j = sign(w_j) where w_j ≠ 0; read λ off the larger coordinate
    const g0 = 2 * (a * (wStar[0] - w[0]) + b * (wStar[1] - w[1]));
    const g1 = 2 * (b * (wStar[0] - w[0]) + c * (wStar[1] - w[1]));
    lambda = Math.abs(w[0]) >= Math.abs(w[1]) ? g0 * Math.sign(w[0]) : g1 * Math.sign(w[1]);
    lambda = Math.max(0, lambda);
  } else {
    active = true;
    lambda = l2Multiplier(a, b, c, wStar, t);
    w = penalizedL2(a, b, c, wStar, lambda);
  }
  return {
    norm,
    w,
    active,
    zero: [w[0] === 0, w[1] === 0],
    lambda,
    loss: quadraticLossRaw(a, b, c, wStar, w),
  };
}

/** Everything the geometry panel draws for one position of w*: both solutions and their contour ellipses. */
export interface ConstrainedGeometry {
  l1: ConstrainedSolution;
  l2: ConstrainedSolution;
  /** Contours through the L1 solution (one of them touches the diamond). */
  l1Contours: EllipseParams[];
  /** Contours through the L2 solution (one of them touches the circle). */
  l2Contours: EllipseParams[];
}

/** Both constrained solutions for budget t plus the contour ellipses for the figure (one call per drag event). */
export function constrainedGeometry(
  A: Matrix2,
  wStar: Vec2,
  t: number,
  options: ContourLevelOptions = {},
): ConstrainedGeometry {
  const l1 = constrainedSolution(A, wStar, t, 'l1');
  const l2 = constrainedSolution(A, wStar, t, 'l2');
  return {
    l1,
    l2,
    l1Contours: contourLevels(l1.loss, options).map((lv) => ellipseParams(A, wStar, lv)),
    l2Contours: contourLevels(l2.loss, options).map((lv) => ellipseParams(A, wStar, lv)),
  };
}
