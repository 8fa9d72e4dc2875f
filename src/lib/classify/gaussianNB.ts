/**
 * Gaussian naive Bayes, scikit-learn's GaussianNB: each feature is normal within each class and
 * features are independent given the class, p(x | y = k) = Πⱼ N(xⱼ; μₖⱼ, σ²ₖⱼ).
 * Posterior by Bayes' rule, log P(y = k | x) = log πₖ − ½ Σⱼ [log 2πσ²ₖⱼ + (xⱼ − μₖⱼ)² / σ²ₖⱼ] − log Z.
 * Reference: Ng & Jordan (2002), "On discriminative vs. generative classifiers".
 */
import { normalSampler, type Rng } from '../random';
import { softmaxInPlace } from './gaussianDensity';
import { maxFeatureVariance, validateLabeled } from './validateLabeled';

/** Options for {@link fitGaussianNB}. */
export interface GaussianNBOptions {
  /**
   * Added to every variance, as a fraction of the largest per-feature variance of all of X
   * (scikit-learn's `var_smoothing`: ε = varSmoothing · max_j Var(X[:, j])).
   * @default 1e-9
   */
  varSmoothing?: number;
}

/** A fitted Gaussian naive Bayes model (plain JSON). */
export interface GaussianNBModel {
  /** Labels in ascending order; every per-class array follows this order. */
  classes: number[];
  /** Class frequencies nₖ / n. */
  priors: number[];
  /** Per-class feature means μₖⱼ. */
  means: number[][];
  /** Per-class feature variances Σᵢ(xᵢⱼ − μₖⱼ)² / nₖ + ε. */
  variances: number[][];
}

/**
 * Fits Gaussian naive Bayes by maximum likelihood (variances divide by nₖ) plus ε smoothing.
 * Throws RangeError for degenerate data (one class, fewer than 2 points per class, identical points).
 */
export function fitGaussianNB(X: number[][], y: number[], options: GaussianNBOptions = {}): GaussianNBModel {
  const varSmoothing = options.varSmoothing ?? 1e-9;
  if (!(varSmoothing >= 0) || !Number.isFinite(varSmoothing)) throw new RangeError(`varSmoothing must be a non-negative number, got ${varSmoothing}`);
  const { n, d, classes, indexByClass } = validateLabeled(X, y);
  const eps = varSmoothing * maxFeatureVariance(X);
  const priors: number[] = [];
  const means: number[][] = [];
  const variances: number[][] = [];
  for (const rows of indexByClass) {
    const nk = rows.length;
    const mu = new Array<number>(d).fill(0);
    for (const i of rows) for (let j = 0; j < d; j++) mu[j]! += X[i]![j]!;
    for (let j = 0; j < d; j++) mu[j] = mu[j]! / nk;
    const v = new Array<number>(d).fill(0);
    for (const i of rows) {
      for (let j = 0; j < d; j++) {
        const t = X[i]![j]! - mu[j]!;
        v[j]! += t * t;
      }
    }
    priors.push(nk / n);
    means.push(mu);
    variances.push(v.map((s) => s / nk + eps));
  }
  variances.forEach((v, k) => {
    v.forEach((s, j) => {
      if (!(s > 0)) throw new RangeError(`class ${classes[k]} has zero variance in feature ${j} and varSmoothing is 0`);
    });
  });
  return { classes, priors, means, variances };
}

/** Joint log-likelihoods log πₖ + log p(x | y = k) for every class (scikit-learn's `_joint_log_likelihood`). */
export function nbJointLogLikelihood(model: GaussianNBModel, x: ArrayLike<number>): number[] {
  const d = model.means[0]!.length;
  if (x.length !== d) throw new RangeError(`x has ${x.length} features, the model expects ${d}`);
  return model.classes.map((_, k) => {
    const mu = model.means[k]!;
    const v = model.variances[k]!;
    let s = Math.log(model.priors[k]!);
    for (let j = 0; j < d; j++) {
      const t = x[j]! - mu[j]!;
      s -= 0.5 * (Math.log(2 * Math.PI * v[j]!) + (t * t) / v[j]!);
    }
    return s;
  });
}

/** Posterior probabilities P(y = classes[k] | x), normalised with log-sum-exp. */
export function predictNBProba(model: GaussianNBModel, x: number[]): number[] {
  return softmaxInPlace(nbJointLogLikelihood(model, x));
}

/** Draws `n` labelled points from the fitted generative model: y ~ Categorical(π), xⱼ ~ N(μ_yj, σ²_yj). */
export function sampleNB(model: GaussianNBModel, n: number, rng: Rng): { X: number[][]; y: number[] } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const normal = normalSampler(rng);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = drawCategorical(model.priors, rng);
    X.push(model.means[k]!.map((mu, j) => mu + Math.sqrt(model.variances[k]![j]!) * normal()));
    y.push(model.classes[k]!);
  }
  return { X, y };
}

/** Index k drawn with probability weights[k] / Σ weights. */
export function drawCategorical(weights: readonly number[], rng: Rng): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng() * total;
  for (let k = 0; k < weights.length; k++) {
    u -= weights[k]!;
    if (u < 0) return k;
  }
  return weights.length - 1;
}
