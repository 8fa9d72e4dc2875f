/**
 * Pure view model of the discriminative-vs-generative figure: from the URL state to what the panels
 * draw. Every number comes from src/lib/classify (the models) and src/lib/data/gaussianClasses (the
 * data); this file only arranges them, measures test error, and writes the Chinese sentences.
 */
import { classDensityGrid, gaussianContourLevels, type GenerativeModel } from '../../../lib/classify/densityGrid';
import { fitGDA, gdaProbaPrepared, prepareGDA, sampleGDA, type GDAModel } from '../../../lib/classify/gda';
import { fitGaussianNB, predictNBProba, sampleNB, type GaussianNBModel } from '../../../lib/classify/gaussianNB';
import {
  geometricSizes,
  type LearningCurveConfig,
  type LearningCurveModel,
  type LearningCurveResult,
} from '../../../lib/classify/learningCurve';
import { fitLogistic, type LogisticModel } from '../../../lib/classify/logistic';
import { gdaProbaGrid, logisticProbaGrid, nbProbaGrid, type GridExtent } from '../../../lib/classify/probabilityGrid';
import { gaussianClasses, type GaussianClassesOptions } from '../../../lib/data/gaussianClasses';
import { createRng, mixSeed } from '../../../lib/random';
import {
  LC_BLOCK, LC_DELTA, LC_DIMS, LC_LOGISTIC_C, LC_REPEATS, LC_SIZES, LC_TEST_SIZE, TEST_SIZE,
  type DgState, type GenKind,
} from './state';

/** The square of feature space every top panel shows. */
export const VIEW: GridExtent = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };
/** Lattice points per side of the probability and density grids. */
export const GRID = 100;
/** Seed of the learning curve (independent of the top panels' «新样本», so the curve does not restart). */
export const LC_SEED = 1;

/**
 * The lattice whose d3-contour cells tile VIEW exactly: d3-contour puts lattice value i at cell
 * coordinate i + ½, so the lattice runs from xMin + ½Δ to xMax − ½Δ with Δ = (xMax − xMin) / G.
 */
export function cellCentredExtent(view: GridExtent, G: number): GridExtent {
  const dx = (view.xMax - view.xMin) / G;
  const dy = (view.yMax - view.yMin) / G;
  return { xMin: view.xMin + dx / 2, xMax: view.xMax - dx / 2, yMin: view.yMin + dy / 2, yMax: view.yMax - dy / 2 };
}

export const GEN_LABEL: Record<GenKind, string> = {
  nb: '高斯朴素贝叶斯',
  lda: '线性判别分析（LDA）',
  qda: '二次判别分析（QDA）',
};
/** Short names for legends and the summary. */
export const GEN_SHORT: Record<GenKind, string> = { nb: '朴素贝叶斯', lda: 'LDA', qda: 'QDA' };

/** Generator options of the top panels' data (everything but n and seed). */
export function dataOptions(s: DgState): Omit<GaussianClassesOptions, 'n' | 'seed'> {
  const rad = Math.PI / 180;
  return {
    separation: s.sep,
    prior: s.prior,
    class0: { sigmaX: s.sx0, sigmaY: s.sy0, rotation: s.rot0 * rad },
    class1: { sigmaX: s.sx1, sigmaY: s.sy1, rotation: s.rot1 * rad },
    sharedCovariance: s.shared,
    breakAssumption: s.brk,
    outlierFraction: s.out,
  };
}

export interface Labeled {
  X: number[][];
  y: number[];
}

/** The fitted pair: logistic regression and the chosen generative model. */
export interface FittedPair {
  lr: LogisticModel;
  gen: GenerativeModel;
}

/** Fits logistic regression (C) and the generative model; throws RangeError on degenerate data. */
export function fitPair(data: Labeled, gen: GenKind, C: number): FittedPair {
  const lr = fitLogistic(data.X, data.y, { C });
  const model = gen === 'nb' ? fitGaussianNB(data.X, data.y) : fitGDA(data.X, data.y, { sharedCovariance: gen === 'lda' });
  return { lr, gen: model };
}

function isNB(m: GenerativeModel): m is GaussianNBModel {
  return !('covariances' in m);
}

/** A predictor of P(y = 1 | x) for the generative model (Bayes' rule), prepared once. */
export function genPredictor(m: GenerativeModel): (x: number[]) => number {
  if (isNB(m)) return (x) => predictNBProba(m, x)[m.classes.length - 1]!;
  const gs = prepareGDA(m as GDAModel);
  const lp = m.priors.map(Math.log);
  return (x) => gdaProbaPrepared(gs, lp, x)[m.classes.length - 1]!;
}

/** Error rate of a P(y = 1 | x) predictor thresholded at ½ (labels 0/1). */
export function errorRate(p: (x: number[]) => number, data: Labeled): number {
  if (data.X.length === 0) return NaN;
  let wrong = 0;
  data.X.forEach((x, i) => {
    if ((p(x) >= 0.5 ? 1 : 0) !== data.y[i]) wrong++;
  });
  return wrong / data.X.length;
}

/** A readable Chinese sentence for the RangeErrors src/lib throws on degenerate data. */
export function chineseError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  let m: RegExpMatchArray | null;
  if (/X is empty/.test(msg)) return '没有数据点：两类各至少需要 2 个点才能拟合模型。';
  if ((m = msg.match(/only one class \(([^)]*)\)/))) return `只有一类数据（类别 ${m[1]}）：分类至少需要两类，每类至少 2 个点。`;
  if ((m = msg.match(/class (\S+) has (\d+) points?/))) return `类别 ${m[1]} 只有 ${m[2]} 个点：每类至少需要 2 个点才能估计均值和方差。`;
  if (/identical/.test(msg)) return '所有点都重合在一起：两类无法区分，模型无从拟合。';
  if (/not a finite number/.test(msg)) return '数据里有非有限的数值（不是数或无穷大），无法拟合。';
  if (/labels must be one of/.test(msg)) return '类别标签必须是 0 或 1。';
  return '数据退化，无法拟合模型。';
}

/** A point as the panels draw it. */
export interface PlotPoint {
  x: number;
  y: number;
  label: number;
  outlier: boolean;
}

export interface SceneView {
  points: PlotPoint[];
  /** Points outside VIEW (e.g. the far outliers), counted rather than drawn. */
  offscreen: number;
  /** Points drawn from the fitted generative model (empty unless state.smp > 0). */
  samples: PlotPoint[];
  /** P(y = 1 | x) of logistic regression and of the generative model, on the cell-centred lattice. */
  lrGrid: Float32Array | null;
  genGrid: Float32Array | null;
  /** p(x | y = k) on the lattice and the density levels of its 1σ and 2σ ellipses (ascending). */
  density: { grid: Float32Array; levels: number[] }[];
  lr: LogisticModel | null;
  gen: GenerativeModel | null;
  /** Test error on TEST_SIZE fresh points from the same distribution; training error on the data. */
  lrTest: number;
  genTest: number;
  lrTrain: number;
  genTrain: number;
  /** Share of the test points on which both models predict the same class. */
  agree: number;
  counts: [number, number];
  summary: string;
  error: string | null;
  /** The model's parameters, for the data table. */
  rows: (string | number)[][];
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const f2 = (v: number) => (Math.abs(v) < 0.005 ? '0.00' : v.toFixed(2));

function inView(x: number, y: number): boolean {
  return x >= VIEW.xMin && x <= VIEW.xMax && y >= VIEW.yMin && y <= VIEW.yMax;
}

/** Splits labelled rows into drawable points and a count of those outside the view. */
export function toPoints(X: number[][], y: number[], outlier?: boolean[]): { points: PlotPoint[]; offscreen: number } {
  const points: PlotPoint[] = [];
  let offscreen = 0;
  X.forEach((row, i) => {
    const [a, b] = row as [number, number];
    if (inView(a, b)) points.push({ x: a, y: b, label: y[i]!, outlier: outlier?.[i] ?? false });
    else offscreen++;
  });
  return { points, offscreen };
}

/** Parameter table of both models. */
function paramRows(lr: LogisticModel, gen: GenerativeModel, kind: GenKind): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['逻辑回归', 'w = (w₁, w₂)', `(${f2(lr.coef[0]!)}, ${f2(lr.coef[1]!)})`],
    ['逻辑回归', 'b', f2(lr.intercept)],
  ];
  const name = GEN_SHORT[kind];
  gen.classes.forEach((c, k) => {
    rows.push([name, `先验 p(y=${c})`, f2(gen.priors[k]!)]);
    rows.push([name, `均值 μ${c}`, `(${f2(gen.means[k]![0]!)}, ${f2(gen.means[k]![1]!)})`]);
    if (isNB(gen)) rows.push([name, `方差 σ²${c}（各特征）`, `(${f2(gen.variances[k]![0]!)}, ${f2(gen.variances[k]![1]!)})`]);
    else if (!gen.sharedCovariance || k === 0) {
      const S = gen.covariances[k]!;
      rows.push([name, gen.sharedCovariance ? '共享协方差 Σ' : `协方差 Σ${c}`, `[[${f2(S[0]![0]!)}, ${f2(S[0]![1]!)}], [${f2(S[1]![0]!)}, ${f2(S[1]![1]!)}]]`]);
    }
  });
  return rows;
}

/** Everything the three top panels draw, for one state. */
export function computeScene(s: DgState): SceneView {
  const opts = dataOptions(s);
  const data = gaussianClasses({ ...opts, n: s.n, seed: s.seed });
  const { points, offscreen } = toPoints(data.X, data.y, data.outlier);
  const base = {
    points, offscreen, samples: [] as PlotPoint[], lrGrid: null, genGrid: null, density: [], lr: null, gen: null,
    lrTest: NaN, genTest: NaN, lrTrain: NaN, genTrain: NaN, agree: NaN, counts: data.counts, rows: [],
  };
  let pair: FittedPair;
  try {
    pair = fitPair(data, s.gen, s.c);
  } catch (e) {
    return { ...base, summary: '', error: chineseError(e) };
  }
  const lattice = cellCentredExtent(VIEW, GRID);
  const lrGrid = logisticProbaGrid(pair.lr, lattice, GRID);
  const genGrid = isNB(pair.gen) ? nbProbaGrid(pair.gen, lattice, GRID) : gdaProbaGrid(pair.gen as GDAModel, lattice, GRID);
  const density = pair.gen.classes.map((_, k) => ({
    grid: classDensityGrid(pair.gen, k, lattice, GRID),
    levels: gaussianContourLevels(pair.gen, k, [1, 2]),
  }));
  const test = gaussianClasses({ ...opts, n: TEST_SIZE, seed: mixSeed(s.seed, 1) });
  const lrP = (x: number[]) => {
    let z = pair.lr.intercept;
    for (let j = 0; j < x.length; j++) z += pair.lr.coef[j]! * x[j]!;
    return z >= 0 ? 1 : 0;
  };
  const genP = genPredictor(pair.gen);
  let same = 0;
  for (const x of test.X) if (lrP(x) === (genP(x) >= 0.5 ? 1 : 0)) same++;
  let samples: PlotPoint[] = [];
  if (s.smp > 0) {
    const rng = createRng(mixSeed(s.seed, 1000 + s.smp));
    const drawn = isNB(pair.gen) ? sampleNB(pair.gen, s.n, rng) : sampleGDA(pair.gen as GDAModel, s.n, rng);
    samples = toPoints(drawn.X, drawn.y).points;
  }
  const view: SceneView = {
    ...base,
    samples,
    lrGrid,
    genGrid,
    density,
    lr: pair.lr,
    gen: pair.gen,
    lrTest: errorRate(lrP, test),
    genTest: errorRate(genP, test),
    lrTrain: errorRate(lrP, data),
    genTrain: errorRate(genP, data),
    agree: test.X.length ? same / test.X.length : NaN,
    rows: paramRows(pair.lr, pair.gen, s.gen),
    summary: '',
    error: null,
  };
  view.summary = sceneSummary(s, view);
  return view;
}

/** The aria-live sentence about the top panels. */
export function sceneSummary(s: DgState, v: SceneView): string {
  const name = GEN_SHORT[s.gen];
  const better = Math.abs(v.lrTest - v.genTest) < 0.0025 ? '两者相当' : v.lrTest < v.genTest ? '逻辑回归更准' : `${name}更准`;
  const sampled = v.samples.length > 0 ? `已从${name}中采样 ${s.n} 个新点（空心）。` : '';
  const off = v.offscreen > 0 ? `另有 ${v.offscreen} 个点在视野外。` : '';
  return `n = ${s.n}：在 ${TEST_SIZE} 个新样本上，逻辑回归的测试误差 ${pct(v.lrTest)}，${name} ${pct(v.genTest)}，${better}；两个模型对 ${pct(v.agree)} 的新样本判为同一类。${sampled}${off}`;
}

// ---------------------------------------------------------------- learning curve

/** Smallest training size whose classes both get ≥ 2 points at this prior (round(n·prior) rule). */
export function minValidSize(prior: number): number {
  for (let n = 4; n < 1000; n++) {
    const n1 = Math.round(n * prior);
    if (n1 >= 2 && n - n1 >= 2) return n;
  }
  return 1000;
}

/** The learning-curve configuration of a state (only the fields that matter for its data). */
export function lcConfig(s: DgState): LearningCurveConfig {
  const common = { repeats: LC_REPEATS, seed: LC_SEED, testSize: LC_TEST_SIZE, logisticC: LC_LOGISTIC_C, gdaShared: s.gen !== 'qda' };
  if (s.lc === '2d') {
    const lo = Math.max(LC_SIZES.min, minValidSize(s.prior));
    return { ...common, sizes: geometricSizes(lo, LC_SIZES.max, LC_SIZES.count), data: { kind: 'gaussian2d', options: dataOptions(s) } };
  }
  return {
    ...common,
    sizes: geometricSizes(LC_SIZES.min, LC_SIZES.max, LC_SIZES.count),
    data: { kind: 'correlated', dims: LC_DIMS, delta: LC_DELTA, rho: s.rho, blockSize: LC_BLOCK },
  };
}

/** A key that changes exactly when the learning curve must be recomputed. */
export function lcKey(s: DgState): string {
  return JSON.stringify(lcConfig(s));
}

/** The learning-curve model that stands for the chosen generative model. */
export function genCurveModel(gen: GenKind): LearningCurveModel {
  return gen === 'nb' ? 'naiveBayes' : 'gda';
}

export interface CurveView {
  sizes: number[];
  mean: Record<LearningCurveModel, number[]>;
  stderr: Record<LearningCurveModel, number[]>;
  yDomain: [number, number];
  /** +1 where the chosen generative model is significantly better, −1 where logistic regression is, else 0. */
  signs: number[];
  /** One sentence about the crossover. */
  sentence: string;
  rows: (string | number)[][];
}

/**
 * Per size: +1 where the generative model's mean error is lower than logistic regression's by more
 * than two standard errors of the difference (√(se₁² + se₂²)), −1 where it is higher, 0 otherwise.
 */
export function significantSigns(lr: number[], lrSe: number[], gen: number[], genSe: number[]): number[] {
  return lr.map((a, i) => {
    const b = gen[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return 0;
    const se = Math.hypot(lrSe[i] ?? 0, genSe[i] ?? 0);
    const d = a - b;
    return d > 2 * se && d > 0 ? 1 : d < -2 * se && d < 0 ? -1 : 0;
  });
}

/** Describes the crossover between logistic regression and the chosen generative model. */
export function crossoverSentence(sizes: number[], lr: number[], gen: number[], signs: number[], name: string): string {
  if (sizes.length === 0 || !lr.every(Number.isFinite) || !gen.every(Number.isFinite)) return '学习曲线尚无结果。';
  const last = sizes.length - 1;
  const tail = `；n = ${sizes[last]} 时逻辑回归 ${pct(lr[last]!)}，${name} ${pct(gen[last]!)}`;
  const plus = signs.flatMap((v, i) => (v > 0 ? [i] : []));
  const minus = signs.flatMap((v, i) => (v < 0 ? [i] : []));
  const range = (idx: number[]): string => {
    const a = idx[0]!;
    const b = idx[idx.length - 1]!;
    if (a === b) return `n = ${sizes[a]}`;
    if (a === 0) return `n ≤ ${sizes[b]}`;
    if (b === last) return `n ≥ ${sizes[a]}`;
    return `n = ${sizes[a]}–${sizes[b]}`;
  };
  if (plus.length === 0 && minus.length === 0) return `各样本量下两者相差都在误差范围内，没有明显的交叉${tail}。`;
  if (plus.length === 0) {
    return minus.length === sizes.length
      ? `所有样本量下逻辑回归都更准，没有交叉${tail}。`
      : `逻辑回归在 ${range(minus)} 时更准，其余样本量下两者相差在误差范围内，${name}从未明显占优${tail}。`;
  }
  if (minus.length === 0) {
    return plus.length === sizes.length
      ? `所有样本量下${name}都更准，没有交叉${tail}。`
      : `${name}在 ${range(plus)} 时更准，其余样本量下两者相差在误差范围内，逻辑回归从未明显占优${tail}。`;
  }
  if (plus[plus.length - 1]! < minus[0]!) {
    const lrFrom = minus[minus.length - 1] === last ? `n ≥ ${sizes[minus[0]!]} 起逻辑回归反超` : `${range(minus)} 时逻辑回归反超`;
    return `${range(plus)} 时${name}更准，${lrFrom}${tail}。`;
  }
  return `${name}在 ${range(plus)} 时更准，逻辑回归在 ${range(minus)} 时更准${tail}。`;
}

/** What the learning-curve panel draws. */
export function curveView(result: LearningCurveResult, gen: GenKind): CurveView {
  const model = genCurveModel(gen);
  const name = GEN_SHORT[gen];
  const all = [...result.mean.logistic, ...result.mean.naiveBayes, ...result.mean.gda].filter(Number.isFinite);
  const hi = all.length ? Math.max(...all) : 0.5;
  const lo = all.length ? Math.min(...all) : 0;
  const pad = Math.max(0.01, (hi - lo) * 0.08);
  const yDomain: [number, number] = [Math.max(0, lo - pad), Math.min(1, hi + pad)];
  const signs = significantSigns(result.mean.logistic, result.stderr.logistic, result.mean[model], result.stderr[model]);
  const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : pct(v));
  return {
    sizes: result.sizes,
    mean: result.mean,
    stderr: result.stderr,
    yDomain,
    signs,
    sentence: crossoverSentence(result.sizes, result.mean.logistic, result.mean[model], signs, name),
    rows: result.sizes.map((n, i) => [n, fmt(result.mean.logistic[i]), fmt(result.mean.naiveBayes[i]), fmt(result.mean.gda[i])]),
  };
}
