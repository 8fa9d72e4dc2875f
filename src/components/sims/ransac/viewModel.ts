/**
 * Pure view model of the RANSAC figure: from the URL state to what the charts draw and the summary says.
 * All fitting is src/lib/robust (ransacLine, leastSquaresLine, inlierMask, ransacTrialCount); this file
 * only arranges the recorded trials into the note's five steps and formats numbers. No DOM, no Preact.
 */
import { lineWithOutliers } from '../../../lib/data/lineWithOutliers';
import { inlierMask, leastSquaresLine, lineResidual, ransacLine, ransacTrialCount, type Line, type Point, type RansacTrial, type ResidualKind } from '../../../lib/robust/ransac';
import { theoreticalSuccessRate, type SuccessStudyConfig } from '../../../lib/robust/ransacSuccessRate';
import {
  LINE_SAMPLE_SIZE,
  MAX_ADDED,
  MAX_ITERATIONS,
  MAX_MOVED,
  NOISE,
  TRUE_INTERCEPT,
  TRUE_SLOPE,
  X_RANGE,
  Y_RANGE,
  type RansacState,
} from './state';

/** Where a drawn point came from. */
export type PointSource = 'inlier' | 'outlier' | 'added';

export interface PointView extends Point {
  /** Position in the points array (generated points first, then added ones). */
  index: number;
  source: PointSource;
  /** A generated point the reader dragged. */
  moved: boolean;
}

/** The note's five steps, labelled as in the note (“算法步骤”). */
export const STEP_NAMES = ['抽样并拟合', '测试其余点', '局内点够多吗', '重新拟合', '评估模型'] as const;

export type Outcome = 'kept' | 'discarded' | 'skipped';

/** Iteration t at step ph: everything the plot and the step panel show. */
export interface CursorView {
  /** 1-based iteration. */
  t: number;
  /** The note's step 1–5. */
  ph: number;
  trial: RansacTrial;
  sample: [PointView, PointView];
  /** Candidate line (null when the two samples share x and the trial is skipped). */
  line: Line | null;
  /** Candidate's consensus set (all false for a skipped trial). */
  inliers: boolean[];
  count: number;
  /** Best inlier count before this iteration (0 before the first candidate). */
  bestBefore: number;
  /** Least-squares refit of the best model before this iteration (faint line), if any. */
  bestLineBefore: Line | null;
  /** Step 3: the candidate has more inliers than the best so far. */
  passes: boolean;
  /** Step 4: least-squares refit on the candidate's inliers (only when it passes). */
  refit: Line | null;
  /** Step 5: mean residual of the candidate's inliers to the refit. */
  meanResidual: number | null;
  outcome: Outcome;
  /** One Chinese sentence per step for the step panel and the live summary. */
  text: string;
}

export interface FitView {
  slope: number;
  intercept: number;
  inliers: boolean[];
  inlierCount: number;
  trials: RansacTrial[];
  /** The best 2-point candidate (before the refit). */
  bestCandidate: Line;
}

export interface View {
  points: PointView[];
  /** Clear Chinese message for degenerate input (then fit and cursor are null). */
  error: string | null;
  residual: ResidualKind;
  threshold: number;
  /** Least squares on all points. */
  ls: Line | null;
  fit: FitView | null;
  cursor: CursorView | null;
  /** Best-score staircase: iteration 1..T, best inlier count so far and each candidate's count. */
  staircase: { t: number[]; best: number[]; candidate: number[]; kept: boolean[] };
  /** True inlier fraction w of the data on screen (generated inliers / all points). */
  wTrue: number;
  /** w estimated by RANSAC: best consensus / all points. */
  wHat: number;
  summary: string;
}

/** A number for the page: fixed decimals, a real minus sign, never "-0" or NaN. */
export function fmt(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '—';
  const s = v.toFixed(digits);
  const z = Number(s) === 0 ? (0).toFixed(digits) : s;
  return z.replace('-', '−');
}

/** A number with at most `digits` decimals and no trailing zeros (0.99, not 0.990). */
export function trim(v: number, digits = 3): string {
  return Number.isFinite(v) ? String(Number(v.toFixed(digits))).replace('-', '−') : '—';
}

/** "y = 0.50x + 1.00" with signs written out. */
export function lineText(l: Line, digits = 2): string {
  const b = l.intercept;
  return `y = ${fmt(l.slope, digits)}x ${b < 0 && fmt(b, digits) !== fmt(0, digits) ? '−' : '+'} ${fmt(Math.abs(b), digits)}`;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

export function residualKind(state: Pick<RansacState, 'res'>): ResidualKind {
  return state.res === 'perp' ? 'perpendicular' : 'vertical';
}

/** The generated data of a state (before the reader's edits). */
export function generated(state: Pick<RansacState, 'n' | 'out' | 'seed'>) {
  return lineWithOutliers({ n: state.n, outlierRatio: state.out, noise: NOISE, slope: TRUE_SLOPE, intercept: TRUE_INTERCEPT, xRange: X_RANGE, seed: state.seed });
}

/** Generated points with the reader's moves applied, then the added outliers; all clamped to the plot. */
export function makePoints(state: Pick<RansacState, 'n' | 'out' | 'seed' | 'add' | 'mv'>): PointView[] {
  const data = generated(state);
  const pts: PointView[] = data.points.map((p, index) => ({ x: p.x, y: p.y, index, source: data.isOutlier[index] ? 'outlier' : 'inlier', moved: false }));
  for (let k = 0; k + 2 < state.mv.length && k < 3 * MAX_MOVED; k += 3) {
    const i = Math.round(state.mv[k]!);
    const p = pts[i];
    if (!p || i < 0) continue;
    p.x = clamp(state.mv[k + 1]!, X_RANGE[0], X_RANGE[1]);
    p.y = clamp(state.mv[k + 2]!, Y_RANGE[0], Y_RANGE[1]);
    p.moved = true;
  }
  for (let k = 0; k + 1 < state.add.length && k < 2 * MAX_ADDED; k += 2) {
    pts.push({ x: clamp(state.add[k]!, X_RANGE[0], X_RANGE[1]), y: clamp(state.add[k + 1]!, Y_RANGE[0], Y_RANGE[1]), index: pts.length, source: 'added', moved: false });
  }
  return pts;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** URL patch that moves point `index` to (x, y): a generated point goes in `mv`, an added one in `add`. */
export function movePatch(state: Pick<RansacState, 'n' | 'add' | 'mv'>, index: number, x: number, y: number): Partial<RansacState> {
  const cx = round2(clamp(x, X_RANGE[0], X_RANGE[1]));
  const cy = round2(clamp(y, Y_RANGE[0], Y_RANGE[1]));
  if (index >= state.n) {
    const k = 2 * (index - state.n);
    if (k + 1 >= state.add.length) return {};
    const add = state.add.slice();
    add[k] = cx;
    add[k + 1] = cy;
    return { add };
  }
  const mv: number[] = [];
  for (let k = 0; k + 2 < state.mv.length; k += 3) if (Math.round(state.mv[k]!) !== index) mv.push(state.mv[k]!, state.mv[k + 1]!, state.mv[k + 2]!);
  mv.push(index, cx, cy);
  // keep the most recent moves when the list is full
  return { mv: mv.slice(-3 * MAX_MOVED) };
}

/** Where the k-th keyboard-added outlier goes: spread along x, alternately far above and below the true line. */
export function suggestedOutlier(k: number): Point {
  const x = X_RANGE[0] + ((1.3 + 2.9 * k) % 9) + 0.5;
  const yLine = TRUE_SLOPE * x + TRUE_INTERCEPT;
  const y = k % 2 === 0 ? Math.min(Y_RANGE[1] - 0.3, yLine + 5) : Math.max(Y_RANGE[0] + 0.3, yLine - 4.5);
  return { x: round2(x), y: round2(y) };
}

/** URL patch adding an outlier at (x, y); null when the list is full. */
export function addPatch(state: Pick<RansacState, 'add'>, p: Point): Partial<RansacState> | null {
  if (state.add.length >= 2 * MAX_ADDED) return null;
  return { add: [...state.add, round2(clamp(p.x, X_RANGE[0], X_RANGE[1])), round2(clamp(p.y, Y_RANGE[0], Y_RANGE[1]))] };
}

/** RANSAC options for a state (fixed budget, or up to MAX_ITERATIONS shrinking with p). */
export function ransacOptions(state: RansacState) {
  return {
    threshold: state.th,
    maxTrials: state.mode === 'auto' ? MAX_ITERATIONS : state.iters,
    stopProbability: state.mode === 'auto' ? state.p : undefined,
    residual: residualKind(state),
    seed: state.seed,
    refit: state.refit,
  };
}

function refitOn(points: readonly Point[], mask: readonly boolean[], fallback: Line): Line {
  const set = points.filter((_, k) => mask[k]);
  const x0 = set[0]?.x;
  return set.length >= 2 && set.some((p) => p.x !== x0) ? leastSquaresLine(set) : fallback;
}

function chineseError(e: unknown, points: readonly Point[]): string {
  const first = points[0];
  if (points.length < 2) return `数据只有 ${points.length} 个点，至少需要 2 个点才能拟合直线。`;
  if (first && points.every((p) => p.x === first.x && p.y === first.y)) return '所有点都重合在同一位置，无法确定直线：请拖开一些点或换一组样本。';
  if (first && points.every((p) => p.x === first.x)) return '所有点的 x 都相同（竖直线），无法写成 y = ax + b：请拖开一些点。';
  if (e instanceof Error && /trials/.test(e.message)) return '每次抽到的两个点 x 都相同，没有得到任何候选直线：请增加迭代次数或拖开一些点。';
  return '这组数据无法拟合直线：请换一组样本或调整参数。';
}

function cursorText(c: Omit<CursorView, 'text'>, state: RansacState, total: number): string {
  const [a, b] = c.sample;
  const head = `第 ${c.t}/${total} 次迭代`;
  if (c.trial.skipped) {
    return c.ph === 1
      ? `${head}，第 1 步：抽到第 ${a.index + 1}、${b.index + 1} 号点，它们的 x 相同，定不出直线 y = ax + b。`
      : `${head}，第 ${c.ph} 步：两个样本点 x 相同，本次迭代跳过（仍计入迭代次数）。`;
  }
  const line = c.line!;
  switch (c.ph) {
    case 1:
      return `${head}，第 1 步：随机抽取第 ${a.index + 1}、${b.index + 1} 号点，过这两点的候选直线为 ${lineText(line)}。`;
    case 2:
      return `${head}，第 2 步：用候选直线测试所有点，残差 ≤ t = ${fmt(state.th)} 的有 ${c.count} 个，归为局内点。`;
    case 3:
      return c.bestBefore === 0
        ? `${head}，第 3 步：这是第一个候选模型，${c.count} 个局内点，可能足够合理。`
        : c.passes
          ? `${head}，第 3 步：${c.count} 个局内点，多于目前最好模型的 ${c.bestBefore} 个，这个模型可能足够合理。`
          : `${head}，第 3 步：${c.count} 个局内点，不多于目前最好模型的 ${c.bestBefore} 个，不够多。`;
    case 4:
      return c.passes && c.refit
        ? `${head}，第 4 步：用这 ${c.count} 个局内点做最小二乘，重新估计为 ${lineText(c.refit)}。`
        : `${head}，第 4 步：局内点不够多，不必重新拟合。`;
    default:
      return c.passes && c.meanResidual !== null
        ? `${head}，第 5 步：局内点到新模型的平均残差 ${fmt(c.meanResidual, 3)}；比现有最好的模型更好，被选用（结局 2）。`
        : `${head}，第 5 步：${c.count} 个局内点，不如现有最好模型的 ${c.bestBefore} 个，被舍弃（结局 1）。`;
  }
}

/** Everything the figure draws for a state; `override` replaces the points (tests of degenerate data). */
export function buildView(state: RansacState, override?: PointView[]): View {
  const points = override ?? makePoints(state);
  const residual = residualKind(state);
  const n = points.length;
  const wTrue = n === 0 ? 0 : points.filter((p) => p.source === 'inlier').length / n;
  const empty = { t: [], best: [], candidate: [], kept: [] };
  const base = { points, residual, threshold: state.th, wTrue };
  let ls: Line | null = null;
  let result: ReturnType<typeof ransacLine>;
  try {
    ls = leastSquaresLine(points);
    result = ransacLine(points, ransacOptions(state));
  } catch (e) {
    const error = chineseError(e, points);
    return { ...base, error, ls, fit: null, cursor: null, staircase: empty, wHat: 0, summary: error };
  }
  const { trials } = result;
  const T = trials.length;
  const staircase = { t: [] as number[], best: [] as number[], candidate: [] as number[], kept: [] as boolean[] };
  let best = 0;
  let bestCandidate: Line | null = null;
  for (const tr of trials) {
    if (tr.becameBest) {
      best = tr.inlierCount;
      bestCandidate = tr.line;
    }
    staircase.t.push(tr.index + 1);
    staircase.best.push(best);
    staircase.candidate.push(tr.inlierCount);
    staircase.kept.push(tr.becameBest);
  }
  const inlierCount = result.inliers.filter(Boolean).length;
  const fit: FitView = { slope: result.slope, intercept: result.intercept, inliers: result.inliers, inlierCount, trials, bestCandidate: bestCandidate! };
  const wHat = inlierCount / n;

  let cursor: CursorView | null = null;
  const t = Math.min(state.t, T);
  if (t >= 1) {
    const trial = trials[t - 1]!;
    let bestBefore = 0;
    let bestLine: Line | null = null;
    for (let k = 0; k < t - 1; k++) {
      const tr = trials[k]!;
      if (tr.becameBest) {
        bestBefore = tr.inlierCount;
        bestLine = tr.line;
      }
    }
    const bestLineBefore = bestLine ? refitOn(points, inlierMask(points, bestLine, state.th, residual), bestLine) : null;
    const line = trial.line;
    const inliers = line ? inlierMask(points, line, state.th, residual) : points.map(() => false);
    const passes = trial.becameBest;
    const refit = passes && line ? refitOn(points, inliers, line) : null;
    let meanResidual: number | null = null;
    if (refit) {
      let sum = 0;
      let k = 0;
      points.forEach((p, i) => {
        if (inliers[i]) {
          sum += lineResidual(p, refit, residual);
          k++;
        }
      });
      meanResidual = k > 0 ? sum / k : null;
    }
    const outcome: Outcome = trial.skipped ? 'skipped' : passes ? 'kept' : 'discarded';
    const partial = {
      t,
      ph: state.ph,
      trial,
      sample: [points[trial.sample[0]]!, points[trial.sample[1]]!] as [PointView, PointView],
      line,
      inliers,
      count: trial.inlierCount,
      bestBefore,
      bestLineBefore,
      passes,
      refit,
      meanResidual,
      outcome,
    };
    cursor = { ...partial, text: cursorText(partial, state, T) };
  }

  const summary = cursor
    ? cursor.text
    : `RANSAC 迭代 ${T} 次，找到 ${inlierCount} 个局内点（共 ${n} 个点），${state.refit ? '在局内点上重新拟合得' : '最好的候选直线为'} ${lineText(fit)}；` +
      `最小二乘用全部点拟合得 ${lineText(ls)}；真实直线 ${lineText({ slope: TRUE_SLOPE, intercept: TRUE_INTERCEPT }, 1)}。` +
      `按 p = ${trim(state.p)}、w = ${fmt(wTrue)}、s = ${state.s}，公式给出 N = ${formulaView(state.p, wTrue, Number(state.s)).text}。`;
  return { ...base, error: null, ls, fit, cursor, staircase, wHat, summary };
}

/** Largest vertical distance between a fitted line and the true line over the x range (how far off it is). */
export function gapToTruth(l: Line): number {
  const g = (x: number) => Math.abs(l.slope * x + l.intercept - (TRUE_SLOPE * x + TRUE_INTERCEPT));
  return Math.max(g(X_RANGE[0]), g(X_RANGE[1]));
}

/** The vertical half-width of the inlier band around `line` (perpendicular distance t is t·√(1+m²) vertically). */
export function bandHalfHeight(line: Line, threshold: number, residual: ResidualKind): number {
  return residual === 'perpendicular' ? threshold * Math.sqrt(1 + line.slope * line.slope) : threshold;
}

/** The formula panel: N = ⌈log(1−p)/log(1−wˢ)⌉, with the intermediate numbers it shows. */
export function formulaView(p: number, w: number, s: number) {
  const ws = w ** s;
  const N = ransacTrialCount(p, w, s);
  const raw = ws === 0 ? Infinity : ws === 1 ? 1 : Math.log1p(-p) / Math.log1p(-ws);
  return {
    p,
    w,
    s,
    ws,
    raw,
    N,
    /** Readable N: "无穷" when no sample can be clean. */
    text: Number.isFinite(N) ? String(N) : '∞（没有局内点，永远抽不到干净样本）',
  };
}

/** Trial budgets N on the x axis of the success-rate chart. */
export const STUDY_TRIALS = [1, 2, 3, 4, 6, 8, 11, 14, 17, 22, 30, 40, 55, 75, 100] as const;
/** Seeded runs per study. */
export const STUDY_RUNS = 400;
/** A run “recovers the line” when the refit is within this vertical distance of the truth over the x range. */
export const STUDY_TOLERANCE = 0.5;

/** Worker configuration of the success-rate study for the current data settings (generated data only). */
export function studyConfig(state: Pick<RansacState, 'n' | 'out' | 'th' | 'seed'>): SuccessStudyConfig {
  return {
    data: { n: state.n, outlierRatio: state.out, noise: NOISE, slope: TRUE_SLOPE, intercept: TRUE_INTERCEPT, xRange: X_RANGE },
    threshold: state.th,
    trialCounts: [...STUDY_TRIALS],
    runs: STUDY_RUNS,
    seed: state.seed,
    tolerance: STUDY_TOLERANCE,
  };
}

/** Theory curve 1 − (1 − wˢ)ᴺ for N = 1..maxN. */
export function theoryCurve(w: number, s: number, maxN: number): { N: number[]; rate: number[] } {
  const N = Array.from({ length: maxN }, (_, k) => k + 1);
  return { N, rate: N.map((k) => theoreticalSuccessRate(Math.min(1, Math.max(0, w)), s, k)) };
}

/** Inlier fraction of the generated data (what the study's runs use): 1 − round(out·n)/n. */
export function generatedInlierFraction(state: Pick<RansacState, 'n' | 'out'>): number {
  return 1 - Math.round(state.out * state.n) / state.n;
}

export { LINE_SAMPLE_SIZE };
