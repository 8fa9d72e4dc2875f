/**
 * What the vanishing-gradient figure plots: per-layer gradient norms ‖∂L/∂W_l‖_F on a fixed probe
 * task, and pre-activation statistics for a saturation histogram.
 *
 * Glorot & Bengio (2010) show that with sigmoid units and the "standard" U[±1/√fan_in] init these
 * norms shrink towards the input; He et al. (2015) show that ReLU with N(0, 2/fan_in) keeps the
 * variance of the signal, and so the gradient norms, roughly constant with depth.
 */
import { createRng, fork, normalSampler } from '../random';
import { backpropFlat, createWorkspace, forwardFlat, toFlatNet, type FlatNet, type FlatWorkspace } from './flatMlp';
import type { MlpNet } from './mlp';

/** ‖∂L/∂W_l‖_F for each layer of a `gradW` from `backprop`. */
export function layerGradientNorms(gradW: readonly (readonly (readonly number[])[])[]): number[] {
  return gradW.map((W) => {
    let s = 0;
    for (const row of W) for (const v of row) s += v * v;
    return Math.sqrt(s);
  });
}

/** A batch of inputs and targets. */
export interface ProbeTask {
  X: number[][];
  Y: number[][];
}

/** Options of {@link makeProbeTask}. */
export interface ProbeTaskOptions {
  /** Width of an input row (the first layer's fan_in). */
  inputDim: number;
  /** Number of target columns. @default 1 */
  outputDim?: number;
  /** Rows in the batch. @default 64 */
  batchSize?: number;
  /** @default 1 */
  seed?: number;
}

/**
 * The default probe task: x ~ N(0, I) and the fixed smooth target
 * y_k(x) = sin( Σ_i x_i·cos(i + k) / √d ) (one unit-scale ridge function per output).
 */
export function makeProbeTask(options: ProbeTaskOptions): ProbeTask {
  const { inputDim } = options;
  const outputDim = options.outputDim ?? 1;
  const batchSize = options.batchSize ?? 64;
  const seed = options.seed ?? 1;
  for (const [name, v] of [['inputDim', inputDim], ['outputDim', outputDim], ['batchSize', batchSize]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  }
  const normal = normalSampler(createRng(seed));
  const X = Array.from({ length: batchSize }, () => Array.from({ length: inputDim }, () => normal()));
  const Y = X.map((x) =>
    Array.from({ length: outputDim }, (_, k) => {
      let s = 0;
      for (let i = 0; i < inputDim; i++) s += x[i]! * Math.cos(i + k);
      return Math.sin(s / Math.sqrt(inputDim));
    }),
  );
  return { X, Y };
}

/**
 * A reusable probe for the figure's fast path: packs the task once and keeps the buffers, so each
 * call of `norms(net)` costs one forward and one backward pass and allocates almost nothing.
 */
export interface GradientProbe {
  /** ‖∂L/∂W_l‖_F per layer (index 0 = input side) and the loss, for a net of the probe's widths. */
  norms(net: MlpNet | FlatNet): { loss: number; gradWNorm: number[] };
}

/** Builds a {@link GradientProbe} for a task (rows of X and Y). */
export function createGradientProbe(task: ProbeTask): GradientProbe {
  const n = task.X.length;
  if (n < 1 || task.Y.length !== n) throw new RangeError(`probe task needs equal, positive row counts, got X ${n}, Y ${task.Y.length}`);
  const d = task.X[0]!.length;
  const m = task.Y[0]!.length;
  const X = new Float64Array(n * d);
  task.X.forEach((r, i) => X.set(r, i * d));
  const Y = new Float64Array(n * m);
  task.Y.forEach((r, i) => Y.set(r, i * m));
  let ws: FlatWorkspace | null = null;
  let wsKey = '';
  return {
    norms(net) {
      const flat = 'Wt' in net ? net : toFlatNet(net);
      const s = flat.sizes;
      if (s[0] !== d || s[s.length - 1] !== m) {
        throw new RangeError(`net maps ${s[0]} → ${s[s.length - 1]} but the probe task is ${d} → ${m}`);
      }
      const key = s.join(',');
      if (ws === null || key !== wsKey) {
        ws = createWorkspace(flat, n);
        wsKey = key;
      }
      const g = backpropFlat(flat, X, Y, ws, 'norms');
      return { loss: g.loss, gradWNorm: Array.from(g.gradWNorm) };
    },
  };
}

/** Options of {@link preActivationStats}. */
export interface PreActivationStatsOptions {
  /** |u| above this counts as saturated (σ′(2.5) ≈ 0.07, tanh′(2.5) ≈ 0.03). @default 2.5 */
  threshold?: number;
  /** Histogram bins over `range`. @default 40 */
  bins?: number;
  /** Histogram range; values outside are clamped into the end bins. @default [-6, 6] */
  range?: [number, number];
}

/** Per hidden layer statistics of the pre-activations U (after BatchNorm when it is on). */
export interface LayerPreActivationStats {
  mean: number;
  std: number;
  /** Fraction with |u| > threshold (saturated sigmoid/tanh). */
  saturated: number;
  /** Fraction with u ≤ 0 (zero gradient through ReLU). */
  nonPositive: number;
  /** Counts per bin; bin edges are an even split of `range`. */
  histogram: number[];
}

/** Pre-activation statistics of every hidden layer for the batch X. */
export function preActivationStats(
  net: MlpNet,
  X: number[][],
  options: PreActivationStatsOptions = {},
): LayerPreActivationStats[] {
  const threshold = options.threshold ?? 2.5;
  const bins = options.bins ?? 40;
  const [lo, hi] = options.range ?? [-6, 6];
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  if (!(hi > lo)) throw new RangeError(`range must be increasing, got [${lo}, ${hi}]`);
  if (!(threshold >= 0)) throw new RangeError(`threshold must be ≥ 0, got ${threshold}`);
  const flat = toFlatNet(net);
  const n = X.length;
  if (n < 1) throw new RangeError('X must have at least one row');
  const d = flat.sizes[0]!;
  const Xf = new Float64Array(n * d);
  X.forEach((r, i) => {
    if (r.length !== d) throw new RangeError(`X row ${i} has length ${r.length}, expected ${d}`);
    Xf.set(r, i * d);
  });
  const ws = createWorkspace(flat, n);
  forwardFlat(flat, Xf, ws);
  return ws.U.map((U) => {
    let sum = 0;
    let sq = 0;
    let sat = 0;
    let np = 0;
    const histogram = new Array<number>(bins).fill(0);
    for (const u of U) {
      sum += u;
      sq += u * u;
      if (Math.abs(u) > threshold) sat++;
      if (u <= 0) np++;
      const k = Math.min(bins - 1, Math.max(0, Math.floor(((u - lo) / (hi - lo)) * bins)));
      histogram[k]!++;
    }
    const mean = sum / U.length;
    return {
      mean,
      std: Math.sqrt(Math.max(0, sq / U.length - mean * mean)),
      saturated: sat / U.length,
      nonPositive: np / U.length,
      histogram,
    };
  });
}

/** Mean over seeds of per-layer gradient norms at initialisation (for the statistical claims). */
export function averageGradientNorms(
  makeNet: (seed: number) => MlpNet,
  seeds: readonly number[],
  task: ProbeTask,
): number[] {
  if (seeds.length < 1) throw new RangeError('need at least one seed');
  const probe = createGradientProbe(task);
  let acc: number[] = [];
  for (const s of seeds) {
    const { gradWNorm } = probe.norms(makeNet(s));
    acc = acc.length === 0 ? gradWNorm : acc.map((v, i) => v + gradWNorm[i]!);
  }
  return acc.map((v) => v / seeds.length);
}

/** A fresh child seed stream for repeated experiments (deterministic for `seed`). */
export function seedList(seed: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  const rng = fork(createRng(seed));
  return Array.from({ length: count }, () => Math.floor(rng() * 2 ** 31));
}
