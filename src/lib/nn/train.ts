/**
 * Plain minibatch SGD on a small regression task, recording the loss and the per-layer gradient norms
 * ‖∂L/∂W_l‖_F of every step (the layer × step heatmap).
 *
 * Update: θ ← θ − η·∂L_B/∂θ with L_B the mean halved squared error on the minibatch B of step t.
 * The minibatch of step t is drawn from a generator seeded by (seed, t) alone, so a run is
 * deterministic for its seed and can be resumed from any saved {@link TrainState}: k steps then j
 * steps give exactly what k + j steps give. A worker can call {@link trainSteps} in chunks and post
 * each chunk's records as progress.
 */
import { createRng, sampleIndices } from '../random';
import { backpropFlat, createWorkspace, fromFlatNet, refreshTranspose, toFlatNet } from './flatMlp';
import type { MlpNet } from './mlp';
import type { ProbeTask } from './gradientNorms';

/** Everything needed to continue a run; plain JSON. */
export interface TrainState {
  net: MlpNet;
  /** Steps already taken. */
  step: number;
  /** Seed of the minibatch sequence. */
  seed: number;
}

/** Options of {@link trainSteps}. */
export interface TrainOptions {
  /** SGD step size η. @default 0.05 */
  learningRate?: number;
  /** Rows per minibatch; the whole task when ≥ its size. @default 16 */
  batchSize?: number;
  /**
   * Gradient clipping by global norm (Pascanu et al. 2013): when ‖g‖ = √(Σ_l ‖∂W_l‖² + ‖∂b_l‖²) > c
   * the step uses g·c/‖g‖ instead. The records keep the unclipped norms. @default Infinity (off)
   */
  clipNorm?: number;
}

/** What one step recorded (loss and norms before that step's update). */
export interface TrainRecord {
  step: number;
  loss: number;
  /** ‖∂L/∂W_l‖_F per layer, index 0 = input side. */
  gradNorms: number[];
}

/** A fresh run at step 0. */
export function createTrainState(net: MlpNet, seed: number): TrainState {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  return { net, step: 0, seed };
}

/** Seed of step t's minibatch generator: a fixed integer mix of (seed, t). */
function stepSeed(seed: number, step: number): number {
  let h = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ step, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Runs `steps` SGD steps from `state`; returns the new state and one record per step. Pure. */
export function trainSteps(
  state: TrainState,
  task: ProbeTask,
  steps: number,
  options: TrainOptions = {},
): { state: TrainState; records: TrainRecord[] } {
  const lr = options.learningRate ?? 0.05;
  const clip = options.clipNorm ?? Infinity;
  if (!(clip > 0)) throw new RangeError(`clipNorm must be positive, got ${options.clipNorm}`);
  const N = task.X.length;
  const bs = Math.min(options.batchSize ?? 16, N);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`steps must be a non-negative integer, got ${steps}`);
  if (!(lr > 0) || !Number.isFinite(lr)) throw new RangeError(`learningRate must be positive, got ${lr}`);
  if (!Number.isInteger(bs) || bs < 1) throw new RangeError(`batchSize must be a positive integer, got ${options.batchSize}`);
  if (task.Y.length !== N) throw new RangeError(`task has ${N} inputs but ${task.Y.length} targets`);
  const flat = toFlatNet(state.net);
  const s = flat.sizes;
  const d = s[0]!;
  const m = s[s.length - 1]!;
  const ws = createWorkspace(flat, bs);
  const X = new Float64Array(bs * d);
  const Y = new Float64Array(bs * m);
  const records: TrainRecord[] = [];
  for (let k = 0; k < steps; k++) {
    const t = state.step + k;
    const idx = bs === N ? Array.from({ length: N }, (_, i) => i) : sampleIndices(N, bs, createRng(stepSeed(state.seed, t)));
    idx.forEach((r, i) => {
      const x = task.X[r]!;
      const y = task.Y[r]!;
      if (x.length !== d || y.length !== m) throw new RangeError(`task row ${r} has widths ${x.length}/${y.length}, expected ${d}/${m}`);
      X.set(x, i * d);
      Y.set(y, i * m);
    });
    const g = backpropFlat(flat, X, Y, ws, 'full');
    records.push({ step: t, loss: g.loss, gradNorms: Array.from(g.gradWNorm) });
    let eta = lr;
    if (clip < Infinity) {
      let sq = 0;
      for (const v of g.gradWNorm) sq += v * v;
      for (const gb of g.gradB) for (const v of gb) sq += v * v;
      const norm = Math.sqrt(sq);
      if (norm > clip) eta = (lr * clip) / norm;
    }
    for (let l = 0; l < flat.W.length; l++) {
      const W = flat.W[l]!;
      const gW = g.gradW[l]!;
      for (let q = 0; q < W.length; q++) W[q] = W[q]! - eta * gW[q]!;
      const b = flat.b[l]!;
      const gb = g.gradB[l]!;
      for (let q = 0; q < b.length; q++) b[q] = b[q]! - eta * gb[q]!;
      refreshTranspose(flat, l);
    }
  }
  return { state: { net: fromFlatNet(flat), step: state.step + steps, seed: state.seed }, records };
}
