/**
 * A fully connected network for the vanishing-gradient figures: initialisation schemes and exact
 * backpropagation of the mean squared loss, on plain JSON-serialisable arrays.
 *
 * Architecture (L = layers.length): layers 0 … L−2 are hidden, layer L−1 is a linear output layer.
 *   Z_l = H_{l−1}·W_l + b_l (row-wise, W_l is fan_in × fan_out, H_{−1} = X)
 *   hidden: U_l = BatchNorm(Z_l) when `batchNorm` (training mode: batch mean, biased batch variance,
 *           ε = 1e-5, γ = 1, β = 0; Ioffe & Szegedy 2015), else U_l = Z_l;
 *           H_l = φ(U_l), plus H_{l−1} when `residual` and fan_in = fan_out (He et al. 2016).
 *   output: Ŷ = Z_{L−1}; no BatchNorm, no shortcut, no activation.
 * loss = mean over samples and outputs of (ŷ − y)²/2, scikit-learn's `squared_loss`.
 * Activations: see ./activations (leaky ReLU slope 0.01, ReLU′(0) = 0).
 * The work is done on flat Float64Arrays in ./flatMlp; this file keeps the number[][] boundary.
 */
import { assertActivation, type Activation } from './activations';
import { backpropFlat, createWorkspace, flattenRows, forwardFlat, fromFlatNet, toFlatNet, toRows, type FlatNet } from './flatMlp';
import { transposeInto } from './matmul';
import { createRng, normalSampler } from '../random';

export type { Activation } from './activations';

/** One dense layer: `W` is fan_in × fan_out and `Z = H·W + b` row-wise. */
export interface DenseLayer {
  W: number[][];
  b: number[];
}

/** A multilayer perceptron; every layer but the last is hidden, the last is linear. */
export interface MlpNet {
  layers: DenseLayer[];
  activation: Activation;
  /** Identity shortcut H_l = H_{l−1} + φ(·) on every hidden layer with equal input and output widths. */
  residual: boolean;
  /** BatchNorm (training mode, γ = 1, β = 0, ε = 1e-5) before the activation of every hidden layer. */
  batchNorm: boolean;
}

/** Weight initialisation schemes. */
export type InitScheme = 'normal' | 'standard' | 'xavier' | 'he';

/** Options of {@link initNet}. */
export interface InitOptions {
  /** Layer widths [input, hidden…, output]; at least two positive integers. */
  sizes: number[];
  activation: Activation;
  /**
   * normal: N(0, 1); standard: U[−1/√fan_in, 1/√fan_in]; xavier: Glorot uniform
   * U[±√(6/(fan_in+fan_out))] (Glorot & Bengio 2010); he: N(0, 2/fan_in) (He et al. 2015).
   */
  init: InitScheme;
  /** Multiplies every weight. @default 1 */
  scale?: number;
  /** @default false */
  residual?: boolean;
  /** @default false */
  batchNorm?: boolean;
  /** Seed of the weight stream. */
  seed: number;
}

/** Result of {@link backprop}: the loss and its gradients, shaped like the layers. */
export interface Backprop {
  loss: number;
  gradW: number[][][];
  gradB: number[][];
}

/** Every {@link InitScheme}. */
export const INIT_SCHEMES: readonly InitScheme[] = ['normal', 'standard', 'xavier', 'he'];

/** Throws a RangeError naming the bad value unless `sizes` is a list of ≥ 2 positive integers. */
export function assertSizes(sizes: unknown): asserts sizes is number[] {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new RangeError(`sizes must list at least an input and an output width, got ${JSON.stringify(sizes)}`);
  }
  for (const s of sizes) {
    if (!Number.isInteger(s) || s < 1) throw new RangeError(`every size must be a positive integer, got ${JSON.stringify(s)} in ${JSON.stringify(sizes)}`);
  }
}

/** A seeded network; biases are 0 and weights follow `init` times `scale`. */
export function initNet(options: InitOptions): MlpNet {
  return fromFlatNet(initFlatNet(options));
}

/**
 * The same network as {@link initNet} (same seed → same weights) built straight into flat arrays:
 * the figure's fast path, skipping 800 000 small arrays for a 50 × 128 net.
 */
export function initFlatNet(options: InitOptions): FlatNet {
  const { sizes, activation, init, seed } = options;
  const scale = options.scale ?? 1;
  assertSizes(sizes);
  assertActivation(activation);
  if (!INIT_SCHEMES.includes(init)) throw new RangeError(`unknown init ${JSON.stringify(init)}; expected one of ${INIT_SCHEMES.join(', ')}`);
  if (!Number.isFinite(scale)) throw new RangeError(`scale must be finite, got ${scale}`);
  const rng = createRng(seed);
  const W: Float64Array[] = [];
  const Wt: Float64Array[] = [];
  const b: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fi = sizes[l]!;
    const fo = sizes[l + 1]!;
    let draw: () => number;
    if (init === 'normal') draw = normalSampler(rng, 0, 1);
    else if (init === 'he') draw = normalSampler(rng, 0, Math.sqrt(2 / fi));
    else {
      const a = init === 'standard' ? 1 / Math.sqrt(fi) : Math.sqrt(6 / (fi + fo));
      draw = () => a * (2 * rng() - 1);
    }
    const w = new Float64Array(fi * fo);
    for (let q = 0; q < w.length; q++) w[q] = scale * draw();
    W.push(w);
    Wt.push(transposeInto(w, fi, fo, new Float64Array(fi * fo)));
    b.push(new Float64Array(fo));
  }
  return { sizes: sizes.slice(), activation, residual: options.residual ?? false, batchNorm: options.batchNorm ?? false, W, Wt, b };
}

/** Loss and exact gradients of the mean halved squared error for a batch (rows of X and Y). */
export function backprop(net: MlpNet, X: number[][], Y: number[][]): Backprop {
  const flat = toFlatNet(net);
  const n = X.length;
  if (n < 1) throw new RangeError('X must have at least one row');
  if (Y.length !== n) throw new RangeError(`Y has ${Y.length} rows, expected ${n} (one per row of X)`);
  const s = flat.sizes;
  const L = s.length - 1;
  const ws = createWorkspace(flat, n);
  const g = backpropFlat(flat, flattenRows(X, s[0]!, 'X'), flattenRows(Y, s[L]!, 'Y'), ws, 'full');
  return {
    loss: g.loss,
    gradW: g.gradW.map((w, l) => toRows(w, s[l]!, s[l + 1]!)),
    gradB: g.gradB.map((b) => Array.from(b)),
  };
}

/** The network's outputs Ŷ for the rows of X (BatchNorm uses the statistics of this batch). */
export function predict(net: MlpNet, X: number[][]): number[][] {
  const flat = toFlatNet(net);
  const n = X.length;
  if (n < 1) throw new RangeError('X must have at least one row');
  const s = flat.sizes;
  const ws = createWorkspace(flat, n);
  const out = forwardFlat(flat, flattenRows(X, s[0]!, 'X'), ws);
  return toRows(out, n, s[s.length - 1]!);
}
