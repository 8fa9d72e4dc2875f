/**
 * Seeded two-dimensional classification datasets for the figures: moons, circles, xor, blobs and
 * spirals, with Gaussian noise and optional extra pure-noise features.
 *
 * Every shape is first laid out noise-free, then each of the two coordinates gets independent
 * N(0, noise²) jitter (scikit-learn's `noise` convention for make_moons / make_circles). Classes are as
 * balanced as possible: with K classes, class k gets ⌊n/K⌋ points plus one for the first n mod K
 * classes — except moons and circles, which split like sklearn (class 0 gets ⌊n/2⌋).
 *
 * - moons: sklearn's make_moons — upper half circle (cos t, sin t) for class 0 and the lower one
 *   (1 − cos t, 1 − sin t − ½) for class 1, t evenly spaced on [0, π].
 * - circles: sklearn's make_circles — the unit circle (class 0) and a circle of radius `factor` (class 1),
 *   angles evenly spaced on [0, 2π) without the endpoint.
 * - xor: points uniform on [−1, 1]², class 1 when the signs of x and y differ.
 * - blobs: K Gaussian clusters with standard deviation `noise` around fixed centres (±1.5 on a line for
 *   two classes, the vertices of a triangle of circumradius 1.5 for three). Here the noise *is* the blob.
 * - spirals: K interleaved arms r = t, θ = 2πk/K + 3πt for t evenly spaced in (0, 1].
 *
 * Extra features are appended as i.i.d. N(0, 1) columns that carry no information about the label, for
 * showing how feature subsampling and importances cope with irrelevant inputs.
 */
import { createRng, fork, normalSampler, shuffle as shuffleArray } from '../random';

/** The available shapes. */
export type Classification2dShape = 'moons' | 'circles' | 'xor' | 'blobs' | 'spirals';

/** Options of {@link makeClassification2d}. */
export interface Classification2dOptions {
  /** Which dataset. */
  shape: Classification2dShape;
  /** Number of points. @default 200 */
  n?: number;
  /** Standard deviation of the Gaussian jitter on each coordinate (for blobs: the cluster spread). @default 0.2 */
  noise?: number;
  /** Seed of the generator. @default 0 */
  seed?: number;
  /** Number of classes (blobs: 2 or 3; spirals: arms, 2 or 3; the other shapes have 2). @default 2 */
  nClasses?: 2 | 3;
  /** Number of pure-noise N(0, 1) features appended after the two informative ones. @default 0 */
  extraFeatures?: number;
  /** Radius of the inner circle of `circles`, in (0, 1). @default 0.5 */
  factor?: number;
  /** Shuffle the rows (otherwise they come grouped by class, as sklearn's shuffle=False). @default true */
  shuffle?: boolean;
}

/** A labelled dataset: rows X (2 + extraFeatures columns), labels y in 0..nClasses−1. */
export interface Classification2d {
  X: number[][];
  y: number[];
  nClasses: number;
}

/** Evenly spaced values from a to b (inclusive when `endpoint`), like numpy's linspace. */
function linspace(a: number, b: number, count: number, endpoint = true): number[] {
  const div = endpoint ? count - 1 : count;
  const step = div > 0 ? (b - a) / div : 0;
  return Array.from({ length: count }, (_, i) => a + i * step);
}

/** Splits n into K near-equal class sizes (the first n mod K classes get one more). */
function classSizes(n: number, K: number): number[] {
  return Array.from({ length: K }, (_, k) => Math.floor(n / K) + (k < n % K ? 1 : 0));
}

/** Generates a seeded 2-D classification dataset. */
export function makeClassification2d(options: Classification2dOptions): Classification2d {
  const { shape } = options;
  const n = options.n ?? 200;
  const noise = options.noise ?? 0.2;
  const seed = options.seed ?? 0;
  const extra = options.extraFeatures ?? 0;
  const factor = options.factor ?? 0.5;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!(noise >= 0) || !Number.isFinite(noise)) throw new RangeError(`noise must be a finite number ≥ 0, got ${noise}`);
  if (!Number.isInteger(extra) || extra < 0) throw new RangeError(`extraFeatures must be a non-negative integer, got ${extra}`);
  if (!(factor > 0 && factor < 1)) throw new RangeError(`factor must be in (0, 1), got ${factor}`);
  const multi = shape === 'blobs' || shape === 'spirals';
  const K = multi ? (options.nClasses ?? 2) : 2;
  if (K !== 2 && K !== 3) throw new RangeError(`nClasses must be 2 or 3, got ${String(options.nClasses)}`);
  if (!multi && options.nClasses !== undefined && options.nClasses !== 2) {
    throw new RangeError(`${shape} has 2 classes, got nClasses = ${options.nClasses}`);
  }
  const rng = createRng(seed);
  const shapeRng = fork(rng);
  const jitterRng = fork(rng);
  const extraRng = fork(rng);
  const orderRng = fork(rng);

  const points: [number, number][] = [];
  const y: number[] = [];
  const push = (px: number, py: number, label: number): void => {
    points.push([px, py]);
    y.push(label);
  };

  switch (shape) {
    case 'moons': {
      const nOut = Math.floor(n / 2);
      for (const t of linspace(0, Math.PI, nOut)) push(Math.cos(t), Math.sin(t), 0);
      for (const t of linspace(0, Math.PI, n - nOut)) push(1 - Math.cos(t), 1 - Math.sin(t) - 0.5, 1);
      break;
    }
    case 'circles': {
      const nOut = Math.floor(n / 2);
      for (const t of linspace(0, 2 * Math.PI, nOut, false)) push(Math.cos(t), Math.sin(t), 0);
      for (const t of linspace(0, 2 * Math.PI, n - nOut, false)) push(factor * Math.cos(t), factor * Math.sin(t), 1);
      break;
    }
    case 'xor': {
      for (let i = 0; i < n; i++) {
        const px = 2 * shapeRng() - 1;
        const py = 2 * shapeRng() - 1;
        push(px, py, px * py < 0 ? 1 : 0);
      }
      break;
    }
    case 'blobs': {
      const centres: [number, number][] = K === 2
        ? [[-1.5, 0], [1.5, 0]]
        : [0, 1, 2].map((k) => [1.5 * Math.cos(Math.PI / 2 + (2 * Math.PI * k) / 3), 1.5 * Math.sin(Math.PI / 2 + (2 * Math.PI * k) / 3)]);
      classSizes(n, K).forEach((size, k) => {
        for (let i = 0; i < size; i++) push(centres[k]![0], centres[k]![1], k);
      });
      break;
    }
    case 'spirals': {
      classSizes(n, K).forEach((size, k) => {
        for (let i = 1; i <= size; i++) {
          const t = i / size;
          const theta = (2 * Math.PI * k) / K + 3 * Math.PI * t;
          push(t * Math.cos(theta), t * Math.sin(theta), k);
        }
      });
      break;
    }
    default:
      throw new RangeError(`shape must be moons, circles, xor, blobs or spirals, got ${String(shape)}`);
  }

  const jitter = normalSampler(jitterRng, 0, 1);
  const extraNoise = normalSampler(extraRng, 0, 1);
  let X = points.map(([px, py]) => {
    const row = noise > 0 ? [px + noise * jitter(), py + noise * jitter()] : [px, py];
    for (let j = 0; j < extra; j++) row.push(extraNoise());
    return row;
  });
  let labels = y;
  if (options.shuffle ?? true) {
    const order = shuffleArray(Array.from({ length: X.length }, (_, i) => i), orderRng);
    X = order.map((i) => X[i]!);
    labels = order.map((i) => y[i]!);
  }
  return { X, y: labels, nClasses: K };
}
