/**
 * Bias–variance decomposition of the expected validation error by simulation (PRML §3.2, eqs. 3.37–3.47,
 * Fig. 3.5–3.6; Geman, Bienenstock & Doursat 1992, Neural Computation 4:1–58).
 *
 * For many independent training sets D (repeat r = 0, 1, …) the fit ŷ_D is evaluated at fixed inputs
 * x₁ … x_J. With ȳ(x) = E_D[ŷ_D(x)] and a fresh noisy target t = f(x) + ε, ε ~ N(0, σ²):
 *
 *   E_{D,ε}[(ŷ_D(x) − t)²] = (ȳ(x) − f(x))²  +  E_D[(ŷ_D(x) − ȳ(x))²]  +  σ²
 *                              └── bias² ──┘     └──── variance ────┘    noise
 *
 * averaged over the J inputs (draw them from p(x), or use a grid for uniform p(x)).
 *
 * The work is split for a Web Worker: {@link biasVariancePartial} runs a range of repeat indices and
 * returns per-input running means and sums of squared deviations (Welford), {@link combineBiasVariance}
 * merges two partials (Chan, Golub & LeVeque 1979, pairwise update), {@link biasVarianceResult} turns the
 * total into the decomposition. Repeat r always uses the stream createRng(mix(seed, r)), so the result
 * does not depend on how the repeats are chunked.
 */
import { fitPolynomial, evaluatePolynomial } from './polynomial';
import { sampleCurve, trueFunction, type TrueFunctionName, type XDistribution } from '../data/curves';
import { createRng, normalSampler } from '../random';

/** What is simulated: the data process, the model, the evaluation inputs and the seed. */
export interface BiasVarianceSetup {
  /** Training-set size n. */
  n: number;
  /** Polynomial degree. */
  degree: number;
  /** Inputs x₁ … x_J where bias and variance are measured (and fresh validation targets drawn). */
  evalX: readonly number[];
  /** Seed; repeat r uses its own stream derived from (seed, r). */
  seed: number;
  /**
   * Penalty λ ≥ 0 on ‖w‖².
   * @default 0
   */
  l2?: number;
  /**
   * True function.
   * @default 'sin'
   */
  fn?: TrueFunctionName;
  /**
   * Noise standard deviation σ.
   * @default 0.3
   */
  noise?: number;
  /**
   * Placement of the training inputs ('grid' keeps x fixed, so only the noise varies between sets).
   * @default 'uniform'
   */
  xDistribution?: XDistribution;
}

/** Running statistics over a set of repeats (plain JSON data, so a worker can post it). */
export interface BiasVariancePartial {
  /** Number of repeats R summarised. */
  count: number;
  /** Per evaluation input: mean of ŷ over the repeats. */
  mean: number[];
  /** Per evaluation input: Σ (ŷ − mean)² over the repeats. */
  m2: number[];
  /** Σ over repeats and inputs of (ŷ − t)², t a fresh noisy target. */
  sqErrSum: number;
}

/** The decomposition averaged over the evaluation inputs. */
export interface BiasVarianceResult {
  repeats: number;
  /** mean_j (ȳ(x_j) − f(x_j))². */
  bias2: number;
  /** mean_j of the variance of ŷ(x_j) over training sets (divisor R). */
  variance: number;
  /** σ². */
  noise: number;
  /** bias² + variance + σ²: the predicted expected validation MSE. */
  total: number;
  /** The measured mean of (ŷ − t)² over repeats and inputs: the expected validation MSE it estimates. */
  validationMse: number;
  /** ȳ(x_j), the average fit, per evaluation input. */
  meanPrediction: number[];
  /** (ȳ(x_j) − f(x_j))² per evaluation input. */
  bias2At: number[];
  /** Variance of ŷ(x_j) per evaluation input. */
  varianceAt: number[];
}

/** One repeat: the fit's predictions at `evalX` and the fresh noisy targets there. */
export interface BiasVarianceRepeat {
  coefficients: number[];
  predictions: number[];
  targets: number[];
}

/** 32-bit integer hash of (seed, r) (a murmur3-style finaliser), so that nearby repeats get unrelated streams. */
function repeatSeed(seed: number, r: number): number {
  const whole = Math.floor(seed);
  const frac = Math.floor((seed - whole) * 0x100000000) | 0; // seeds in [0, 1) differ only here
  let h = (Math.imul(whole | 0, 0x9e3779b1) ^ Math.imul(frac ^ 0x27d4eb2f, 0x165667b1) ^ Math.imul(r + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) + 1; // ≥ 1, so createRng reads it as an integer state
}

function checkSetup(setup: BiasVarianceSetup): void {
  const { n, degree, seed, noise = 0.3 } = setup;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!Number.isInteger(degree) || degree < 0) throw new RangeError(`degree must be a non-negative integer, got ${degree}`);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  if (!Number.isFinite(noise) || noise < 0) throw new RangeError(`noise must be a finite number ≥ 0, got ${noise}`);
  if (setup.evalX.length === 0) throw new RangeError('evalX must hold at least one input, got 0');
}

/** Repeat r of the simulation: draw a training set, fit it, predict at evalX and draw fresh targets there. */
export function biasVarianceRepeat(setup: BiasVarianceSetup, r: number): BiasVarianceRepeat {
  checkSetup(setup);
  if (!Number.isInteger(r) || r < 0) throw new RangeError(`repeat index must be a non-negative integer, got ${r}`);
  return runRepeat(setup, r);
}

function runRepeat(setup: BiasVarianceSetup, r: number): BiasVarianceRepeat {
  const { n, degree, evalX, seed, l2 = 0, fn = 'sin', noise = 0.3, xDistribution = 'uniform' } = setup;
  const rng = createRng(repeatSeed(seed, r));
  const train = sampleCurve({ n, fn, noise, xDistribution }, rng);
  const coefficients = fitPolynomial(train.x, train.y, degree, { l2 });
  const f = trueFunction(fn);
  const eps = normalSampler(rng, 0, noise);
  const predictions = evalX.map((x) => evaluatePolynomial(coefficients, x));
  const targets = evalX.map((x) => f(x) + (noise > 0 ? eps() : 0));
  return { coefficients, predictions, targets };
}

/** The identity element of {@link combineBiasVariance}: no repeats over `evalCount` inputs. */
export function emptyBiasVariance(evalCount: number): BiasVariancePartial {
  return { count: 0, mean: new Array<number>(evalCount).fill(0), m2: new Array<number>(evalCount).fill(0), sqErrSum: 0 };
}

/** Statistics of repeats start, start + 1, …, end − 1 (one chunk of work, e.g. for a worker). */
export function biasVariancePartial(setup: BiasVarianceSetup, start: number, end: number): BiasVariancePartial {
  checkSetup(setup);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) throw new RangeError(`repeat range must satisfy 0 ≤ start ≤ end (integers), got [${start}, ${end})`);
  const J = setup.evalX.length;
  const acc = emptyBiasVariance(J);
  for (let r = start; r < end; r++) {
    const { predictions, targets } = runRepeat(setup, r);
    acc.count++;
    for (let j = 0; j < J; j++) {
      // Welford's update of the running mean and sum of squared deviations.
      const yhat = predictions[j]!;
      const delta = yhat - acc.mean[j]!;
      const mean = acc.mean[j]! + delta / acc.count;
      acc.mean[j] = mean;
      acc.m2[j] = acc.m2[j]! + delta * (yhat - mean);
      const e = yhat - targets[j]!;
      acc.sqErrSum += e * e;
    }
  }
  return acc;
}

/** Merges the statistics of two disjoint sets of repeats (Chan, Golub & LeVeque's pairwise formula). */
export function combineBiasVariance(a: BiasVariancePartial, b: BiasVariancePartial): BiasVariancePartial {
  if (a.mean.length !== b.mean.length) throw new RangeError(`partials cover different inputs: ${a.mean.length} vs ${b.mean.length}`);
  const count = a.count + b.count;
  if (a.count === 0) return { count: b.count, mean: b.mean.slice(), m2: b.m2.slice(), sqErrSum: b.sqErrSum };
  if (b.count === 0) return { count: a.count, mean: a.mean.slice(), m2: a.m2.slice(), sqErrSum: a.sqErrSum };
  const mean = a.mean.map((ma, j) => ma + ((b.mean[j]! - ma) * b.count) / count);
  const m2 = a.m2.map((m2a, j) => {
    const delta = b.mean[j]! - a.mean[j]!;
    return m2a + b.m2[j]! + (delta * delta * a.count * b.count) / count;
  });
  return { count, mean, m2, sqErrSum: a.sqErrSum + b.sqErrSum };
}

/** bias², variance, noise and the measured validation MSE from the statistics of all repeats. */
export function biasVarianceResult(setup: BiasVarianceSetup, stats: BiasVariancePartial): BiasVarianceResult {
  checkSetup(setup);
  const { evalX, fn = 'sin', noise = 0.3 } = setup;
  if (stats.count < 1) throw new RangeError(`need at least one repeat, got ${stats.count}`);
  if (stats.mean.length !== evalX.length) throw new RangeError(`statistics cover ${stats.mean.length} inputs, evalX has ${evalX.length}`);
  const f = trueFunction(fn);
  const J = evalX.length;
  const bias2At = evalX.map((x, j) => (stats.mean[j]! - f(x)) ** 2);
  const varianceAt = stats.m2.map((m) => m / stats.count);
  const bias2 = bias2At.reduce((s, v) => s + v, 0) / J;
  const variance = varianceAt.reduce((s, v) => s + v, 0) / J;
  const sigma2 = noise * noise;
  return {
    repeats: stats.count,
    bias2,
    variance,
    noise: sigma2,
    total: bias2 + variance + sigma2,
    validationMse: stats.sqErrSum / (stats.count * J),
    meanPrediction: stats.mean.slice(),
    bias2At,
    varianceAt,
  };
}

/** The whole decomposition over repeats 0 … repeats − 1 in one call (chunk it with the functions above). */
export function biasVariance(setup: BiasVarianceSetup, repeats: number): BiasVarianceResult {
  if (!Number.isInteger(repeats) || repeats < 1) throw new RangeError(`repeats must be a positive integer, got ${repeats}`);
  return biasVarianceResult(setup, biasVariancePartial(setup, 0, repeats));
}
