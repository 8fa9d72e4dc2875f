/**
 * Pure view model of the L1/L2 regularisation figure: from the URL state (and, for the paths panel,
 * the worker's results) to what the charts draw and the sentences the summary says. No DOM, no Preact.
 */
import {
  constrainedGeometry,
  quadraticFromCorrelation,
  type ConstrainedSolution,
  type EllipseParams,
  type Vec2,
} from '../../../lib/regression/constrained';
import { ridgeShrink } from '../../../lib/regression/ridgeShrink';
import { softThreshold } from '../../../lib/regression/softThreshold';
import { DIABETES_FEATURES } from '../../../lib/data/diabetes';
import {
  DEFAULT_STATE,
  INSET_LAMBDA_MAX,
  INSET_LAMBDA_MIN,
  LOG_ALPHA_MAX,
  LOG_ALPHA_MIN,
  LOG_ALPHA_STEP,
  RHO_MAX,
  T_MAX,
  T_MIN,
  W_MAX,
  type InsetMode,
  type RegState,
} from './state';

/** A number for the screen: fixed decimals, −0 shown as 0, never NaN (a dash instead). */
export function fmt(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '—';
  const s = v.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** α = 10^logα for display: 3 significant digits, plain notation. */
export function fmtAlpha(logAlpha: number): string {
  const a = 10 ** logAlpha;
  if (!Number.isFinite(a)) return '—';
  if (a >= 100) return a.toFixed(0);
  if (a >= 1) return Number(a.toPrecision(3)).toString();
  return Number(a.toPrecision(2)).toString();
}

function clampNum(v: number, lo: number, hi: number, fallback: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;
}

// ───────────────────────────── geometry panel ─────────────────────────────

/** Everything the two geometry panels draw for one state. */
export interface GeometryView {
  wStar: Vec2;
  rho: number;
  t: number;
  l1: ConstrainedSolution;
  l2: ConstrainedSolution;
  l1Contours: EllipseParams[];
  l2Contours: EllipseParams[];
  /** "w₂ = 0" style badge of the L1 solution when it sits on a corner; null otherwise. */
  l1Badge: string | null;
  /** One sentence per norm for the summary. */
  l1Text: string;
  l2Text: string;
}

function solutionText(name: string, s: ConstrainedSolution): string {
  const w = `ŵ = (${fmt(s.w[0])}, ${fmt(s.w[1])})`;
  if (!s.active) return `${name}：w* 已在约束区域内，约束不起作用，${w}（λ = 0）`;
  const zeros = s.zero[0] && s.zero[1] ? 'w₁、w₂ 都恰为 0' : s.zero[0] ? 'w₁ 恰为 0' : s.zero[1] ? 'w₂ 恰为 0' : '两个权重都不为 0';
  return `${name}：${w}，${zeros}，λ = ${fmt(s.lambda)}`;
}

/** Both constrained solutions and their contours; bad numbers are clamped to the schema's ranges. */
export function geometryView(state: Pick<RegState, 'wx' | 'wy' | 'rho' | 't'>): GeometryView {
  const wStar: Vec2 = [
    clampNum(state.wx, -W_MAX, W_MAX, DEFAULT_STATE.wx),
    clampNum(state.wy, -W_MAX, W_MAX, DEFAULT_STATE.wy),
  ];
  const rho = clampNum(state.rho, -RHO_MAX, RHO_MAX, DEFAULT_STATE.rho);
  const t = clampNum(state.t, T_MIN, T_MAX, DEFAULT_STATE.t);
  const A = quadraticFromCorrelation(rho);
  // the contour that touches the ball is the 2nd of 4: one inside it, two outside
  const g = constrainedGeometry(A, wStar, t, { count: 4, tangentIndex: 2, fallback: 0.5 });
  const z = g.l1.zero;
  const l1Badge = g.l1.active ? (z[0] && z[1] ? 'w₁ = w₂ = 0 精确为零' : z[1] ? 'w₂ = 0 精确为零' : z[0] ? 'w₁ = 0 精确为零' : null) : null;
  return {
    wStar,
    rho,
    t,
    l1: g.l1,
    l2: g.l2,
    l1Contours: g.l1Contours,
    l2Contours: g.l2Contours,
    l1Badge,
    l1Text: solutionText('L1', g.l1),
    l2Text: solutionText('L2', g.l2),
  };
}

/** Moves w* by one keyboard step (arrow keys on the handle), kept inside the plane. */
export function nudge(w: Vec2, dx: number, dy: number): Vec2 {
  const r = (v: number) => Math.round(Math.min(W_MAX, Math.max(-W_MAX, v)) * 100) / 100;
  return [r(w[0] + dx), r(w[1] + dy)];
}

// ───────────────────────────── paths panel ─────────────────────────────

/** The α grid of the paths: log₁₀ α from LOG_ALPHA_MIN to LOG_ALPHA_MAX (121 points). */
export function logAlphaGrid(): number[] {
  const n = Math.round((LOG_ALPHA_MAX - LOG_ALPHA_MIN) / LOG_ALPHA_STEP) + 1;
  return Array.from({ length: n }, (_, i) => Number((LOG_ALPHA_MIN + i * LOG_ALPHA_STEP).toFixed(10)));
}

/** Index of the grid point nearest to logα (clamped; the default for non-finite input). */
export function gridIndex(logAlpha: number, grid: readonly number[]): number {
  if (grid.length === 0) return 0;
  const v = Number.isFinite(logAlpha) ? logAlpha : DEFAULT_STATE.lam;
  const i = Math.round((v - grid[0]!) / LOG_ALPHA_STEP);
  return Math.min(grid.length - 1, Math.max(0, i));
}

/** Cross-validation curve as the worker sends it (see crossValidation.ts). */
export interface CvCurve {
  meanMse: number[];
  stdError: number[];
  bestIndex: number;
  oneSeIndex: number;
}

/** What the worker computes once for the diabetes data, on the grid of {@link logAlphaGrid}. */
export interface PathsData {
  logAlphas: number[];
  /** lasso[i][j]: coefficient j at α = 10^logAlphas[i]. */
  lasso: number[][];
  ridge: number[][];
  cvLasso: CvCurve | null;
  cvRidge: CvCurve | null;
}

/** A variable's entry into the lasso path. */
export interface Entry {
  feature: number;
  /** 1-based order of entry as α decreases. */
  rank: number;
  /** Largest grid logα at which the coefficient is non-zero. */
  logAlpha: number;
}

/**
 * Order in which the lasso lets variables in as α decreases: for each variable the largest α on the
 * grid with a non-zero coefficient; ties broken by the size of the coefficient there.
 */
export function entryOrder(logAlphas: readonly number[], lasso: readonly (readonly number[])[]): Entry[] {
  const p = lasso[0]?.length ?? 0;
  const found: { feature: number; index: number; size: number }[] = [];
  for (let j = 0; j < p; j++) {
    for (let i = logAlphas.length - 1; i >= 0; i--) {
      const v = lasso[i]?.[j] ?? 0;
      if (v !== 0 && Number.isFinite(v)) {
        found.push({ feature: j, index: i, size: Math.abs(v) });
        break;
      }
    }
  }
  found.sort((a, b) => b.index - a.index || b.size - a.size);
  return found.map((f, k) => ({ feature: f.feature, rank: k + 1, logAlpha: logAlphas[f.index]! }));
}

/** The paths panel at one cursor position. */
export interface PathsView {
  index: number;
  logAlpha: number;
  lassoCoef: number[];
  ridgeCoef: number[];
  lassoNonZero: number[];
  entries: Entry[];
  /** Symmetric-ish y-domain shared by the lasso and ridge charts. */
  yDomain: [number, number];
  cvLasso: { best: number; oneSe: number; bestMse: number } | null;
  cvRidge: { best: number; bestMse: number } | null;
  text: string;
}

/** Short Chinese name of a diabetes variable (the sklearn key in brackets when it is not obvious). */
export function featureName(j: number): string {
  return DIABETES_FEATURES[j]?.zh ?? `x${j + 1}`;
}

/** Short labels for the charts (the note's names: 体重指数 bmi, ltg, 平均血压 bp …). */
const SHORT = ['年龄', '性别', '体重指数 bmi', '平均血压 bp', 'tc', 'ldl', 'hdl', 'tch', 'ltg', 'glu'];

/** Short chart label of a diabetes variable. */
export function shortName(j: number): string {
  return SHORT[j] ?? `x${j + 1}`;
}

/** y-domain of the coefficient charts, rounded out to a multiple of 100. */
function coefDomain(...paths: (readonly (readonly number[])[])[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const path of paths) for (const row of path) for (const v of row) if (Number.isFinite(v)) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [Math.floor(lo / 100) * 100 || -100, Math.ceil(hi / 100) * 100 || 100];
}

/** Cursor read-outs, the entry order and the summary sentence of the paths panel; null data gives null. */
export function pathsView(data: PathsData | null, logAlpha: number): PathsView | null {
  if (!data || data.logAlphas.length === 0 || data.lasso.length !== data.logAlphas.length || data.ridge.length !== data.logAlphas.length) return null;
  const index = gridIndex(logAlpha, data.logAlphas);
  const la = data.logAlphas[index]!;
  const lassoCoef = data.lasso[index]!.slice();
  const ridgeCoef = data.ridge[index]!.slice();
  const lassoNonZero = lassoCoef.map((v, j) => (v !== 0 ? j : -1)).filter((j) => j >= 0);
  const entries = entryOrder(data.logAlphas, data.lasso);
  const ridgeNonZero = ridgeCoef.filter((v) => v !== 0).length;
  const kept = lassoNonZero.length === 0 ? '全部 10 个系数都为 0' : `保留 ${lassoNonZero.length} 个变量（${entries.filter((e) => lassoCoef[e.feature] !== 0).map((e) => featureName(e.feature)).join('、')}），其余 ${10 - lassoNonZero.length} 个恰为 0`;
  let text = `糖尿病数据，α = ${fmtAlpha(la)}：Lasso ${kept}；Ridge ${ridgeNonZero} 个系数都不为 0。`;
  const cvL = data.cvLasso;
  const cvR = data.cvRidge;
  const cvLasso = cvL && data.logAlphas[cvL.bestIndex] !== undefined && data.logAlphas[cvL.oneSeIndex] !== undefined
    ? { best: data.logAlphas[cvL.bestIndex]!, oneSe: data.logAlphas[cvL.oneSeIndex]!, bestMse: cvL.meanMse[cvL.bestIndex]! }
    : null;
  const cvRidge = cvR && data.logAlphas[cvR.bestIndex] !== undefined ? { best: data.logAlphas[cvR.bestIndex]!, bestMse: cvR.meanMse[cvR.bestIndex]! } : null;
  if (cvLasso) text += ` Lasso 的 5 折交叉验证误差在 α = ${fmtAlpha(cvLasso.best)} 最小，一个标准误规则选 α = ${fmtAlpha(cvLasso.oneSe)}。`;
  return { index, logAlpha: la, lassoCoef, ridgeCoef, lassoNonZero, entries, yDomain: coefDomain(data.lasso, data.ridge), cvLasso, cvRidge, text };
}

// ───────────────────────────── inset ─────────────────────────────

/** Curves of the inset for one λ: the operators S(z, λ), z/(1+λ) over z, or the matching priors. */
export interface InsetView {
  mode: InsetMode;
  lambda: number;
  xs: number[];
  /** op: S(z, λ); prior: Laplace density with b = 1/λ. */
  l1: number[];
  /** op: z/(1+λ); prior: Gaussian density with τ² = 1/λ. */
  l2: number[];
  yDomain: [number, number];
  text: string;
}

export const INSET_Z_MAX = 3;

/**
 * Inset curves. With unit noise, ½(w − z)² + λ|w| is the negative log posterior under a Laplace prior
 * with scale b = 1/λ, and ½(w − z)² + (λ/2)w² under a Gaussian prior with variance τ² = 1/λ, so the
 * two operators are the MAP estimates under those priors.
 */
export function insetView(mode: InsetMode, lambdaIn: number, points = 121): InsetView {
  const lambda = clampNum(lambdaIn, INSET_LAMBDA_MIN, INSET_LAMBDA_MAX, DEFAULT_STATE.sl);
  const xs = Array.from({ length: points }, (_, i) => -INSET_Z_MAX + (2 * INSET_Z_MAX * i) / (points - 1));
  if (mode === 'prior') {
    const l1 = xs.map((w) => (lambda / 2) * Math.exp(-lambda * Math.abs(w)));
    const l2 = xs.map((w) => Math.sqrt(lambda / (2 * Math.PI)) * Math.exp((-lambda * w * w) / 2));
    const top = Math.max(lambda / 2, Math.sqrt(lambda / (2 * Math.PI)));
    return {
      mode, lambda, xs, l1, l2, yDomain: [0, Math.ceil(top * 11) / 10],
      text: `先验（λ = ${fmt(lambda)}）：拉普拉斯（b = ${fmt(1 / lambda)}）在 0 处的密度为 ${fmt(lambda / 2)}，高斯（τ = ${fmt(1 / Math.sqrt(lambda))}）为 ${fmt(Math.sqrt(lambda / (2 * Math.PI)))}。`,
    };
  }
  return {
    mode, lambda, xs,
    l1: xs.map((z) => softThreshold(z, lambda)),
    l2: xs.map((z) => ridgeShrink(z, lambda)),
    yDomain: [-INSET_Z_MAX, INSET_Z_MAX],
    text: `软阈值 λ = ${fmt(lambda)}：|z| ≤ ${fmt(lambda)} 的系数被置为 0；L2 把每个系数乘以 ${fmt(1 / (1 + lambda))}。`,
  };
}

/** The aria-live sentence: geometry, paths (or their loading state) and the inset. */
export function summaryText(geo: GeometryView, paths: PathsView | null, pathsStatus: string, inset: InsetView): string {
  return `${geo.l1Text}；${geo.l2Text}（t = ${fmt(geo.t)}，ρ = ${fmt(geo.rho)}）。${paths ? paths.text : pathsStatus} ${inset.text}`;
}
