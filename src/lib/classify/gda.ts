/**
 * Gaussian discriminant analysis: p(x | y = k) = N(x; μₖ, Σₖ), fitted by maximum likelihood.
 * Shared covariance (LDA): Σ = (1/n) Σₖ Σ_{i∈k} (xᵢ − μₖ)(xᵢ − μₖ)ᵀ = Σₖ πₖ Σ̂ₖ, which is exactly
 * scikit-learn's LinearDiscriminantAnalysis(solver='lsqr' or 'eigen', store_covariance=True).covariance_
 * (its `_class_cov` weights each class's biased covariance by the empirical prior).
 * Separate covariances (QDA-like): Σₖ = (1/nₖ) Σ_{i∈k} (xᵢ − μₖ)(xᵢ − μₖ)ᵀ. Note that scikit-learn's
 * QuadraticDiscriminantAnalysis divides by nₖ − 1 instead, so its probabilities differ slightly.
 * Posterior: log P(y = k | x) = log πₖ + log N(x; μₖ, Σₖ) − log Z. Reference: Hastie et al., ESL §4.3.
 */
import { normalSampler, type Rng } from '../random';
import { choleskyWithRidge, gaussianLogPdf, prepareGaussian, softmaxInPlace, type PreparedGaussian } from './gaussianDensity';
import { drawCategorical } from './gaussianNB';
import { maxFeatureVariance, validateLabeled } from './validateLabeled';

/** Options for {@link fitGDA}. */
export interface GDAOptions {
  /**
   * One pooled covariance for all classes (LDA, linear boundary) instead of one per class (quadratic).
   * @default true
   */
  sharedCovariance?: boolean;
}

/** A fitted GDA model (plain JSON). */
export interface GDAModel {
  /** Labels in ascending order; every per-class array follows this order. */
  classes: number[];
  /** Class frequencies nₖ / n. */
  priors: number[];
  means: number[][];
  /** One covariance per class (identical copies when shared), ridge already added. */
  covariances: number[][][];
  sharedCovariance: boolean;
  /**
   * Ridge r added to each class's covariance diagonal because it was singular (0 = none). It starts
   * at 1e-9 × the largest feature variance of X and grows ×10 until the Cholesky factor exists.
   */
  ridge: number[];
}

/**
 * Fits GDA by maximum likelihood (covariances divide by n or nₖ, not n − 1). A singular covariance
 * (collinear points, a class of identical points) gets the tiny ridge recorded in `ridge`.
 * Throws RangeError for degenerate data (one class, fewer than 2 points per class, identical points).
 */
export function fitGDA(X: number[][], y: number[], options: GDAOptions = {}): GDAModel {
  const shared = options.sharedCovariance ?? true;
  const { n, d, classes, indexByClass } = validateLabeled(X, y);
  const priors: number[] = [];
  const means: number[][] = [];
  const scatters: number[][][] = [];
  for (const rows of indexByClass) {
    const nk = rows.length;
    const mu = new Array<number>(d).fill(0);
    for (const i of rows) for (let j = 0; j < d; j++) mu[j]! += X[i]![j]!;
    for (let j = 0; j < d; j++) mu[j] = mu[j]! / nk;
    const S: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const i of rows) {
      const x = X[i]!;
      for (let a = 0; a < d; a++) {
        const ta = x[a]! - mu[a]!;
        for (let b = 0; b <= a; b++) S[a]![b]! += ta * (x[b]! - mu[b]!);
      }
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) S[b]![a] = S[a]![b]!;
    priors.push(nk / n);
    means.push(mu);
    scatters.push(S);
  }
  const base = 1e-9 * maxFeatureVariance(X);
  let covariances: number[][][];
  if (shared) {
    const pooled = scatters[0]!.map((row, a) => row.map((_, b) => scatters.reduce((s, S) => s + S[a]![b]!, 0) / n));
    covariances = classes.map(() => pooled.map((r) => r.slice()));
  } else {
    covariances = scatters.map((S, k) => S.map((row) => row.map((v) => v / indexByClass[k]!.length)));
  }
  const ridge = covariances.map((S) => choleskyWithRidge(S, base).ridge);
  covariances = covariances.map((S, k) => S.map((row, a) => row.map((v, b) => (a === b ? v + ridge[k]! : v))));
  return { classes, priors, means, covariances, sharedCovariance: shared, ridge };
}

/** Per-class Gaussians of a GDA model, prepared once for many evaluations (grids, test sets). */
export function prepareGDA(model: GDAModel): PreparedGaussian[] {
  return model.covariances.map((S, k) => prepareGaussian(model.means[k]!, choleskyWithRidge(S, 0).chol));
}

/** Posterior probabilities from prepared Gaussians and log priors (log-sum-exp stable). */
export function gdaProbaPrepared(gaussians: readonly PreparedGaussian[], logPriors: readonly number[], x: ArrayLike<number>): number[] {
  return softmaxInPlace(gaussians.map((g, k) => logPriors[k]! + gaussianLogPdf(g, x)));
}

/** Posterior probabilities P(y = classes[k] | x) of a GDA model. */
export function predictGDAProba(model: GDAModel, x: number[]): number[] {
  const d = model.means[0]!.length;
  if (x.length !== d) throw new RangeError(`x has ${x.length} features, the model expects ${d}`);
  return gdaProbaPrepared(prepareGDA(model), model.priors.map(Math.log), x);
}

/** Draws `n` labelled points from the fitted model: y ~ Categorical(π), x = μ_y + L_y z, z ~ N(0, I). */
export function sampleGDA(model: GDAModel, n: number, rng: Rng): { X: number[][]; y: number[] } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const gs = prepareGDA(model);
  const normal = normalSampler(rng);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = drawCategorical(model.priors, rng);
    const { mean, chol } = gs[k]!;
    const z = mean.map(() => normal());
    X.push(mean.map((m, a) => {
      let s = m;
      for (let b = 0; b <= a; b++) s += chol[a]![b]! * z[b]!;
      return s;
    }));
    y.push(model.classes[k]!);
  }
  return { X, y };
}
