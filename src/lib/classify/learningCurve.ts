/**
 * Learning curves, test error against training-set size, for logistic regression (discriminative)
 * against Gaussian naive Bayes and GDA (generative), averaged over repeats. Ng & Jordan (2002):
 * the generative model approaches its (higher) asymptotic error with fewer examples, so it often
 * wins at small n and loses at large n. Work is split by repeat so a Web Worker can run a range of
 * repeats at a time, post progress, and combine the partial sums at the end:
 *   partials = [chunk(cfg, 0, 5), chunk(cfg, 5, 10), …];  result = combineLearningCurve(partials).
 * Every repeat has its own seed derived from (config.seed, repeat index), so the result does not
 * depend on how the repeats are chunked.
 */
import { createRng, fork, normalSampler, shuffle, type Rng } from '../random';
import { gaussianClasses, type GaussianClassesOptions } from '../data/gaussianClasses';
import { cholesky } from './gaussianDensity';
import { fitGDA, prepareGDA } from './gda';
import { gaussianLogPdf } from './gaussianDensity';
import { fitGaussianNB } from './gaussianNB';
import { fitLogistic } from './logistic';

/**
 * Ng–Jordan style data in `dims` dimensions: y ∈ {0, 1} with exact class sizes, x | y ~ N(±δ/2·1, Σ)
 * where the first `blockSize` features are equicorrelated (ρ) and the rest independent, unit variances.
 * Naive Bayes counts the correlated block's evidence `blockSize` times over, so its asymptotic error is
 * higher than logistic regression's, but it estimates far fewer effective parameters.
 */
export interface CorrelatedData {
  kind: 'correlated';
  /**
   * Number of features.
   * @default 10
   */
  dims?: number;
  /**
   * Mean difference between the classes in every feature.
   * @default 0.5
   */
  delta?: number;
  /**
   * Correlation inside the block.
   * @default 0.8
   */
  rho?: number;
  /**
   * Size of the correlated block (the first features).
   * @default 8
   */
  blockSize?: number;
  /**
   * P(y = 1); class sizes are exactly round(n·prior).
   * @default 0.5
   */
  prior?: number;
}

/** The 2-D generator of the figure ({@link gaussianClasses}), n and seed set by the learning curve. */
export interface TwoDimensionalData {
  kind: 'gaussian2d';
  /**
   * Generator options other than n and seed.
   * @default {}
   */
  options?: Omit<GaussianClassesOptions, 'n' | 'seed'>;
}

/** Models compared by the learning curve. */
export const LEARNING_CURVE_MODELS = ['logistic', 'naiveBayes', 'gda'] as const;
/** One of {@link LEARNING_CURVE_MODELS}. */
export type LearningCurveModel = (typeof LEARNING_CURVE_MODELS)[number];

/** Configuration of a learning curve. */
export interface LearningCurveConfig {
  /** Training-set sizes (each class must get ≥ 2 points at every size). */
  sizes: number[];
  /** Number of repeats averaged. */
  repeats: number;
  /** Seed; repeat r uses its own stream derived from (seed, r). */
  seed: number;
  /**
   * Test points drawn per repeat (shared by all sizes and models of that repeat: paired comparison).
   * @default 2000
   */
  testSize?: number;
  /**
   * C of the logistic regression (large = almost unpenalised; Infinity allowed).
   * @default 1e4
   */
  logisticC?: number;
  /**
   * Whether GDA pools one covariance (LDA) or fits one per class.
   * @default true
   */
  gdaShared?: boolean;
  /**
   * Data distribution.
   * @default { kind: 'correlated' } (dims 10, delta 0.5, rho 0.8, blockSize 8, prior 0.5)
   */
  data?: CorrelatedData | TwoDimensionalData;
}

/** Per-model arrays indexed like `sizes`. */
export type PerModel = Record<LearningCurveModel, number[]>;

/** Partial sums over a range of repeats, to be added up by {@link combineLearningCurve}. */
export interface LearningCurvePartial {
  sizes: number[];
  /** [start, end) repeat range covered. */
  repeatRange: [number, number];
  /** Σ test error over the repeats whose fit succeeded. */
  sum: PerModel;
  /** Σ test error². */
  sumSq: PerModel;
  /** Repeats whose fit succeeded. */
  count: PerModel;
  /** Messages of fits that threw (e.g. a RangeError for degenerate data); normally empty. */
  failures: string[];
}

/** The averaged learning curve. */
export interface LearningCurveResult {
  sizes: number[];
  /** Mean test error per size. */
  mean: PerModel;
  /** Standard error of the mean (sample sd / √count; 0 when count < 2). */
  stderr: PerModel;
  count: PerModel;
  failures: string[];
}

/** `count` sizes spaced geometrically from `min` to `max`, rounded and de-duplicated. */
export function geometricSizes(min: number, max: number, count: number): number[] {
  if (!(min >= 1 && max >= min) || !Number.isInteger(count) || count < 1) throw new RangeError(`need 1 ≤ min ≤ max and count ≥ 1, got ${min}, ${max}, ${count}`);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = Math.round(count === 1 ? min : min * Math.pow(max / min, i / (count - 1)));
    if (out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

type Sampler = (n: number, rng: Rng) => { X: number[][]; y: number[] };

function priorOf(config: LearningCurveConfig): number {
  const data = config.data ?? { kind: 'correlated' };
  return data.kind === 'correlated' ? (data.prior ?? 0.5) : (data.options?.prior ?? 0.5);
}

function makeSampler(config: LearningCurveConfig): Sampler {
  const data = config.data ?? { kind: 'correlated' as const };
  if (data.kind === 'gaussian2d') {
    const opts = data.options ?? {};
    return (n, rng) => {
      const { X, y } = gaussianClasses({ ...opts, n, seed: Math.floor(rng() * 2147483647) });
      return { X, y };
    };
  }
  const dims = data.dims ?? 10;
  const delta = data.delta ?? 0.5;
  const rho = data.rho ?? 0.8;
  const block = data.blockSize ?? 8;
  const prior = data.prior ?? 0.5;
  if (!Number.isInteger(dims) || dims < 1) throw new RangeError(`dims must be a positive integer, got ${dims}`);
  if (!Number.isInteger(block) || block < 0 || block > dims) throw new RangeError(`blockSize must be an integer in [0, ${dims}], got ${block}`);
  if (!Number.isFinite(delta)) throw new RangeError(`delta must be finite, got ${delta}`);
  const S = Array.from({ length: dims }, (_, a) => Array.from({ length: dims }, (_, b) => (a === b ? 1 : a < block && b < block ? rho : 0)));
  const L = cholesky(S);
  if (!L) throw new RangeError(`rho = ${rho} does not give a positive-definite covariance for blockSize ${block}`);
  return (n, rng) => {
    const normal = normalSampler(rng);
    const n1 = Math.round(n * prior);
    const rows: { x: number[]; y: number }[] = [];
    for (let i = 0; i < n; i++) {
      const label = i < n1 ? 1 : 0;
      const m = (label === 1 ? 0.5 : -0.5) * delta;
      const z = Array.from({ length: dims }, () => normal());
      const x = L.map((row, a) => {
        let s = m;
        for (let b = 0; b <= a; b++) s += row[b]! * z[b]!;
        return s;
      });
      rows.push({ x, y: label });
    }
    const mixed = shuffle(rows, rng);
    return { X: mixed.map((r) => r.x), y: mixed.map((r) => r.y) };
  };
}

function emptyPerModel(len: number): PerModel {
  return { logistic: new Array<number>(len).fill(0), naiveBayes: new Array<number>(len).fill(0), gda: new Array<number>(len).fill(0) };
}

function validateConfig(config: LearningCurveConfig): void {
  const { sizes, repeats, seed } = config;
  if (!Array.isArray(sizes) || sizes.length === 0) throw new RangeError('sizes must be a non-empty array');
  if (!Number.isInteger(repeats) || repeats < 1) throw new RangeError(`repeats must be a positive integer, got ${repeats}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const testSize = config.testSize ?? 2000;
  if (!Number.isInteger(testSize) || testSize < 1) throw new RangeError(`testSize must be a positive integer, got ${testSize}`);
  const prior = priorOf(config);
  for (const n of sizes) {
    const n1 = Math.round(n * prior);
    if (!Number.isInteger(n) || n1 < 2 || n - n1 < 2) {
      throw new RangeError(`training size ${n} gives class sizes ${n - n1} and ${n1}: need at least 2 per class`);
    }
  }
}

/** Test error of the three models trained on one sample. */
function evaluate(config: LearningCurveConfig, train: { X: number[][]; y: number[] }, test: { X: number[][]; y: number[] }, failures: string[], size: number): Partial<Record<LearningCurveModel, number>> {
  const out: Partial<Record<LearningCurveModel, number>> = {};
  const m = test.X.length;
  const attempt = (name: LearningCurveModel, fn: () => number): void => {
    try {
      out[name] = fn();
    } catch (e) {
      failures.push(`${name} at n = ${size}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  attempt('logistic', () => {
    const model = fitLogistic(train.X, train.y, { C: config.logisticC ?? 1e4 });
    let wrong = 0;
    for (let i = 0; i < m; i++) {
      const x = test.X[i]!;
      let z = model.intercept;
      for (let j = 0; j < x.length; j++) z += model.coef[j]! * x[j]!;
      if ((z >= 0 ? 1 : 0) !== test.y[i]) wrong++;
    }
    return wrong / m;
  });
  attempt('naiveBayes', () => {
    const model = fitGaussianNB(train.X, train.y);
    // Precomputed per class: log πₖ − ½ Σⱼ log 2πσ²ₖⱼ and 1/σ²ₖⱼ (the joint log-likelihood, expanded).
    const K = model.classes.length;
    const c0 = model.priors.map((p, k) => Math.log(p) - 0.5 * model.variances[k]!.reduce((s, v) => s + Math.log(2 * Math.PI * v), 0));
    const inv = model.variances.map((v) => v.map((s) => 1 / s));
    let wrong = 0;
    for (let i = 0; i < m; i++) {
      const x = test.X[i]!;
      let best = 0;
      let bestScore = -Infinity;
      for (let k = 0; k < K; k++) {
        const mu = model.means[k]!;
        const iv = inv[k]!;
        let q = 0;
        for (let j = 0; j < x.length; j++) {
          const t = x[j]! - mu[j]!;
          q += t * t * iv[j]!;
        }
        const score = c0[k]! - 0.5 * q;
        if (score > bestScore) {
          bestScore = score;
          best = k;
        }
      }
      if (model.classes[best] !== test.y[i]) wrong++;
    }
    return wrong / m;
  });
  attempt('gda', () => {
    const model = fitGDA(train.X, train.y, { sharedCovariance: config.gdaShared ?? true });
    const gs = prepareGDA(model);
    const lp = model.priors.map(Math.log);
    const K = gs.length;
    let wrong = 0;
    for (let i = 0; i < m; i++) {
      const x = test.X[i]!;
      let best = 0;
      let bestScore = -Infinity;
      for (let k = 0; k < K; k++) {
        const score = lp[k]! + gaussianLogPdf(gs[k]!, x);
        if (score > bestScore) {
          bestScore = score;
          best = k;
        }
      }
      if (model.classes[best] !== test.y[i]) wrong++;
    }
    return wrong / m;
  });
  return out;
}

/** The random stream of repeat r: independent of chunking. */
function repeatRng(seed: number, r: number): Rng {
  return fork(createRng(seed + 7919 * (r + 1)));
}

/**
 * Runs repeats [repeatStart, repeatEnd) of the learning curve and returns partial sums (a pure
 * function of its arguments: call it from a worker for a few repeats at a time to report progress).
 */
export function learningCurveChunk(config: LearningCurveConfig, repeatStart: number, repeatEnd: number): LearningCurvePartial {
  validateConfig(config);
  if (!Number.isInteger(repeatStart) || !Number.isInteger(repeatEnd) || repeatStart < 0 || repeatEnd < repeatStart || repeatEnd > config.repeats) {
    throw new RangeError(`repeat range [${repeatStart}, ${repeatEnd}) is not inside [0, ${config.repeats})`);
  }
  const { sizes } = config;
  const sample = makeSampler(config);
  const partial: LearningCurvePartial = {
    sizes: sizes.slice(),
    repeatRange: [repeatStart, repeatEnd],
    sum: emptyPerModel(sizes.length),
    sumSq: emptyPerModel(sizes.length),
    count: emptyPerModel(sizes.length),
    failures: [],
  };
  for (let r = repeatStart; r < repeatEnd; r++) {
    const rng = repeatRng(config.seed, r);
    const test = sample(config.testSize ?? 2000, fork(rng));
    sizes.forEach((n, s) => {
      const train = sample(n, fork(rng));
      const errs = evaluate(config, train, test, partial.failures, n);
      for (const name of LEARNING_CURVE_MODELS) {
        const e = errs[name];
        if (e === undefined) continue;
        partial.sum[name][s]! += e;
        partial.sumSq[name][s]! += e * e;
        partial.count[name][s]! += 1;
      }
    });
  }
  return partial;
}

/** Adds up partial sums (any order, any chunking) into mean test error and its standard error. */
export function combineLearningCurve(partials: readonly LearningCurvePartial[]): LearningCurveResult {
  if (partials.length === 0) throw new RangeError('no partial results to combine');
  const sizes = partials[0]!.sizes;
  for (const p of partials) {
    if (p.sizes.length !== sizes.length || p.sizes.some((v, i) => v !== sizes[i])) throw new RangeError('partial results come from different size lists');
  }
  const len = sizes.length;
  const sum = emptyPerModel(len);
  const sumSq = emptyPerModel(len);
  const count = emptyPerModel(len);
  const failures: string[] = [];
  for (const p of partials) {
    for (const name of LEARNING_CURVE_MODELS) {
      for (let s = 0; s < len; s++) {
        sum[name][s]! += p.sum[name][s]!;
        sumSq[name][s]! += p.sumSq[name][s]!;
        count[name][s]! += p.count[name][s]!;
      }
    }
    failures.push(...p.failures);
  }
  const mean = emptyPerModel(len);
  const stderr = emptyPerModel(len);
  for (const name of LEARNING_CURVE_MODELS) {
    for (let s = 0; s < len; s++) {
      const c = count[name][s]!;
      const mu = c > 0 ? sum[name][s]! / c : NaN;
      mean[name][s] = mu;
      const variance = c > 1 ? Math.max(0, (sumSq[name][s]! - c * mu * mu) / (c - 1)) : 0;
      stderr[name][s] = c > 1 ? Math.sqrt(variance / c) : 0;
    }
  }
  return { sizes: sizes.slice(), mean, stderr, count, failures };
}

/** The whole learning curve in one call (= combineLearningCurve([learningCurveChunk(config, 0, repeats)])). */
export function learningCurve(config: LearningCurveConfig): LearningCurveResult {
  return combineLearningCurve([learningCurveChunk(config, 0, config.repeats)]);
}
