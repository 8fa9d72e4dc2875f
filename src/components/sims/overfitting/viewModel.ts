/**
 * Pure view model of the overfitting figure: state → data, fits, error curves and the sentence the
 * figure speaks. Every number comes from src/lib/regression and src/lib/data; no DOM, no Preact.
 */
import { sampleCurve, trueFunction, TRUE_FUNCTIONS, type CurveSample, type TrueFunctionName } from '../../../lib/data/curves';
import { evaluatePolynomial, fitPolynomial } from '../../../lib/regression/polynomial';
import { polyErrors } from '../../../lib/regression/polyErrors';
import { polyDegreeCurve, type DegreeErrorPoint } from '../../../lib/regression/polyDegreeCurve';
import { polyLambdaCurve, type LambdaErrorPoint } from '../../../lib/regression/polyLambdaCurve';
import { baggingCurves, baggingFit } from '../../../lib/regression/bagging';
import type { LearningCurvePoint } from '../../../lib/regression/learningCurve';
import type { BvPoint } from './workerTypes';
import { createRng, mixSeed, normalSampler } from '../../../lib/random';
import {
  ADD_MAX, DEGREE_MAX, LN_LAMBDA_MAX, LN_LAMBDA_OFF, N_MAX, NOISY_SIGMA, VALIDATION_N,
  lambdaOf, parseDragged, type OverfitState,
} from './state';

/** Chinese names of the true functions (formulas from the lib). */
export const FN_LABELS: Record<TrueFunctionName, string> = {
  sin: 'sin 2πx',
  step: '阶跃',
  abs: '折线 |x − ½|',
  cubic: '三次多项式',
};

/** One training point as drawn: where it is, whether it was added as a noisy point, whether it was dragged. */
export interface TrainPoint {
  index: number;
  x: number;
  y: number;
  noisy: boolean;
  dragged: boolean;
}

export interface FigureData {
  train: CurveSample;
  validation: CurveSample;
  points: TrainPoint[];
}

/**
 * The data (PRML §1.1): n training inputs evenly spaced on [0, 1] with noise drawn once at σ = 1 and
 * scaled by σ, so moving the noise slider scales the same residuals and the i-th draw does not depend on n. Added noisy points (σ = NOISY_SIGMA) and the
 * validation set come from their own streams; dragged points replace the training points they name.
 */
export function buildData(s: Pick<OverfitState, 'fn' | 'n' | 'noise' | 'add' | 'pts' | 'seed'>): FigureData {
  const f = trueFunction(s.fn);
  const n = Math.min(N_MAX, Math.max(0, Math.round(s.n)));
  // Bishop's design: x evenly spaced on [0, 1]; the i-th noise draw is the same for every n.
  const base = sampleCurve({ n, fn: s.fn, noise: 1, xDistribution: 'grid' }, createRng(mixSeed(s.seed, 0)));
  const points: TrainPoint[] = base.x.map((x, i) => ({ index: i, x, y: f(x) + s.noise * (base.y[i]! - f(x)), noisy: false, dragged: false }));
  // Noisy points: all ADD_MAX are drawn so that adding one more keeps the earlier ones.
  const noisyRng = createRng(mixSeed(s.seed, 2));
  const z = normalSampler(noisyRng, 0, NOISY_SIGMA);
  const add = Math.min(ADD_MAX, Math.max(0, Math.round(s.add)));
  for (let k = 0; k < ADD_MAX; k++) {
    const x = noisyRng();
    const y = f(x) + z();
    if (k < add) points.push({ index: n + k, x, y, noisy: true, dragged: false });
  }
  for (const d of parseDragged(s.pts)) {
    const p = points[d.index];
    if (p) points[d.index] = { ...p, x: d.x, y: d.y, dragged: true };
  }
  const v = sampleCurve({ n: VALIDATION_N, fn: s.fn, noise: 1 }, createRng(mixSeed(s.seed, 1)));
  const validation: CurveSample = { x: v.x, y: v.x.map((x, i) => f(x) + s.noise * (v.y[i]! - f(x))) };
  return { train: { x: points.map((p) => p.x), y: points.map((p) => p.y) }, validation, points };
}

/** The fit at the current degree and λ, its curve and errors. */
export interface FitView {
  coefficients: number[];
  curve: { xs: number[]; ys: number[] };
  trainRms: number;
  validationRms: number;
  /** max |wⱼ|: the size of the coefficients (PRML Table 1.1). */
  maxCoefficient: number;
  distinctX: number;
}

/** x grid on [0, 1] for drawing curves. */
export function grid(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i / (count - 1));
}

const CURVE_X = grid(241);

export function fitView(data: FigureData, degree: number, lambda: number): FitView {
  const coefficients = fitPolynomial(data.train.x, data.train.y, degree, { l2: lambda });
  const ys = CURVE_X.map((x) => evaluatePolynomial(coefficients, x));
  const tr = polyErrors(coefficients, data.train);
  const va = polyErrors(coefficients, data.validation);
  return {
    coefficients,
    curve: { xs: CURVE_X, ys },
    trainRms: tr.rms,
    validationRms: va.rms,
    maxCoefficient: coefficients.reduce((m, w) => Math.max(m, Math.abs(w)), 0),
    distinctX: new Set(data.train.x).size,
  };
}

/** The true function on the drawing grid. */
export function trueCurve(fn: TrueFunctionName): { xs: number[]; ys: number[] } {
  const f = trueFunction(fn);
  return { xs: CURVE_X, ys: CURVE_X.map(f) };
}

/** Train/validation error for every degree 0…DEGREE_MAX at the current λ (the U-curve). */
export function degreeCurve(data: FigureData, lambda: number): DegreeErrorPoint[] {
  return polyDegreeCurve(data.train, data.validation, { maxDegree: DEGREE_MAX, l2: lambda });
}

/** ln λ values of the λ view: LN_LAMBDA_OFF … LN_LAMBDA_MAX in steps of 1 (λ = e^−30 stands for "≈ 0"). */
export const LN_LAMBDA_GRID = Array.from({ length: LN_LAMBDA_MAX - LN_LAMBDA_OFF + 1 }, (_, i) => LN_LAMBDA_OFF + i);

export function lambdaCurve(data: FigureData, degree: number): LambdaErrorPoint[] {
  return polyLambdaCurve(data.train, data.validation, degree, LN_LAMBDA_GRID.map((l) => Math.exp(l)));
}

/** The degree with the lowest validation error (the lowest such degree on ties). */
export function bestDegree(curve: readonly DegreeErrorPoint[]): DegreeErrorPoint | undefined {
  let best: DegreeErrorPoint | undefined;
  for (const p of curve) if (Number.isFinite(p.validationRms) && (!best || p.validationRms < best.validationRms - 1e-12)) best = p;
  return best;
}

/** B bootstrap fits: their curves (the spaghetti), the average curve and its validation error. */
export interface BaggingView {
  members: number[][];
  mean: number[];
  xs: number[];
  validationRms: number;
  trainRms: number;
  /** Mean over members of each member's validation E_RMS (what one bootstrap fit scores). */
  memberValidationRms: number;
}

const BAG_X = grid(121);

export function baggingView(data: FigureData, degree: number, lambda: number, bags: number, seed: number): BaggingView {
  const model = baggingFit(data.train, degree, { bags, l2: lambda }, createRng(mixSeed(seed, 3)));
  const { members, mean } = baggingCurves(model, BAG_X);
  return {
    members,
    mean,
    xs: BAG_X,
    validationRms: polyErrors(model.coefficients, data.validation).rms,
    trainRms: polyErrors(model.coefficients, data.train).rms,
    memberValidationRms: model.members.reduce((sum, w) => sum + polyErrors(w, data.validation).rms, 0) / model.members.length,
  };
}

/** Learning-curve sizes (the worker's input); those above N_MAX are not used. */
export const LC_SIZES = [3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 70, 100, 140, 200];
export const LC_REPEATS = 20;
/** Bias–variance: repeats per degree and the evaluation grid. */
export const BV_REPEATS = 200;
export const BV_EVAL_X = grid(41);

/** Formats an error for the screen: never NaN; large values as a×10ⁿ. */
export function formatError(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v >= 1000) {
    const e = Math.floor(Math.log10(v));
    const m = v / 10 ** e;
    return `${m.toFixed(1)}×10${superscript(e)}`;
  }
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(3);
}

function superscript(e: number): string {
  const map = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(e).split('').map((c) => (c === '-' ? '⁻' : map[Number(c)] ?? c)).join('');
}

/** λ as text: "λ = 0" or "ln λ = −18". */
export function formatLambda(lnl: number): string {
  return lambdaOf(lnl) === 0 ? 'λ = 0' : `ln λ = ${String(Math.round(lnl * 10) / 10).replace('-', '−')}`;
}

export type Verdict = 'under' | 'over' | 'good';

/** Under-/overfitting judged against the degree with the lowest validation error. */
export function verdict(degree: number, validationRms: number, best: DegreeErrorPoint | undefined): Verdict {
  if (!best || !Number.isFinite(validationRms)) return 'good';
  const worse = validationRms > best.validationRms * 1.15 + 1e-9;
  if (worse && degree < best.degree) return 'under';
  if (worse && degree > best.degree) return 'over';
  return 'good';
}

export interface SummaryInput {
  state: OverfitState;
  data: FigureData;
  fit: FitView;
  curve: readonly DegreeErrorPoint[];
  bagging?: BaggingView | null;
  learning?: readonly LearningCurvePoint[] | null;
  biasVariance?: readonly BvPoint[] | null;
}

/** A message for degenerate data (shown instead of the result), or null. */
export function degenerateMessage(data: FigureData, fit: FitView): string | null {
  if (data.train.x.length === 0) return '没有训练点：无法拟合。请增加样本量。';
  if (fit.distinctX < 2) return '所有训练点的 x 都相同：数据只约束了一个位置，曲线在其他地方怎么走都同样“拟合”训练集，误差没有意义。请把点拖开或点「新样本」。';
  if (!fit.coefficients.every(Number.isFinite) || !Number.isFinite(fit.trainRms)) return '拟合在数值上失败（系数不是有限数）。请降低次数或增大 λ。';
  return null;
}

/** The aria-live sentence with the key numbers. */
export function summaryText({ state, data, fit, curve, bagging, learning, biasVariance }: SummaryInput): string {
  const nTrain = data.train.x.length;
  const best = bestDegree(curve);
  const v = verdict(state.deg, fit.validationRms, best);
  const parts: string[] = [];
  parts.push(`${state.deg} 次多项式（${formatLambda(state.lnl)}），${nTrain} 个训练点，σ = ${state.noise}：训练误差 ${formatError(fit.trainRms)}，验证误差 ${formatError(fit.validationRms)}（E_RMS）。`);
  if (best) {
    if (v === 'over') parts.push(`过拟合：验证误差最低的是 ${best.degree} 次（${formatError(best.validationRms)}）。`);
    else if (v === 'under') parts.push(`欠拟合：验证误差最低的是 ${best.degree} 次（${formatError(best.validationRms)}）。`);
    else parts.push(`接近验证误差最低的 ${best.degree} 次（${formatError(best.validationRms)}）。`);
  }
  if (fit.distinctX <= state.deg && lambdaOf(state.lnl) === 0) parts.push(`不同的 x 只有 ${fit.distinctX} 个，曲线穿过每个训练点。`);
  if (fit.maxCoefficient >= 1000) parts.push(`最大系数 |w| ≈ ${formatError(fit.maxCoefficient)}。`);
  if (bagging) parts.push(`Bagging：${state.bags} 个自助采样拟合的验证误差平均 ${formatError(bagging.memberValidationRms)}，它们的平均曲线 ${formatError(bagging.validationRms)}。`);
  if (state.view === 'n' && learning && learning.length > 0) {
    const last = learning[learning.length - 1]!;
    parts.push(`学习曲线：n = ${last.n} 时训练误差 ${formatError(last.trainRms)}、验证误差 ${formatError(Math.sqrt(last.validationMseMedian))}。`);
  }
  const bv = state.view === 'bv' ? biasVariance?.find((p) => p.degree === state.deg) : undefined;
  if (bv) {
    parts.push(`换 ${bv.repeats} 份训练集，${state.deg} 次时偏差² ${formatError(bv.bias2)}，方差 ${formatError(bv.variance)}，噪声 σ² ${formatError(bv.noise)}。`);
  }
  return parts.join('');
}

/** Builds everything that is cheap (< 1 frame) for one state: what the bench and the tests call. */
export function computeView(state: OverfitState) {
  const data = buildData(state);
  const lambda = lambdaOf(state.lnl);
  const fit = fitView(data, state.deg, lambda);
  const curve = degreeCurve(data, lambda);
  const lam = state.view === 'lam' ? lambdaCurve(data, state.deg) : null;
  const bagging = state.bag ? baggingView(data, state.deg, lambda, state.bags, state.seed) : null;
  const error = degenerateMessage(data, fit);
  return { data, fit, curve, lam, bagging, error, summary: summaryText({ state, data, fit, curve, bagging }) };
}

/** Formula of the true function (from the lib). */
export function formulaOf(fn: TrueFunctionName): string {
  return TRUE_FUNCTIONS[fn].formula;
}
