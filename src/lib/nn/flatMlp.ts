/**
 * The fast path behind `backprop` in ./mlp: the same network on flat row-major Float64Arrays, with
 * reusable buffers, so a figure can recompute per-layer gradient norms of a deep net every time a
 * control moves.
 *
 * Forward pass (layer l = 0 … L−1, input A_0 = X, n samples as rows):
 *   Z_l = A_l·W_l + b_l
 *   hidden l < L−1:  U_l = BN(Z_l) if batchNorm else Z_l,
 *                    BN(z)_ij = (z_ij − μ_j) / √(σ²_j + ε), μ, σ² = batch mean and biased variance,
 *                    ε = 1e-5, γ = 1, β = 0 (Ioffe & Szegedy 2015, training mode);
 *                    A_{l+1} = φ(U_l) + (A_l if residual and fan_in = fan_out else 0) (He et al. 2016)
 *   output:          Ŷ = Z_{L−1} (linear)
 *   loss = Σ_ij (Ŷ_ij − Y_ij)² / (2·n·m)  (mean over samples and outputs, halved)
 * Backward pass (δ = ∂loss/∂Z):
 *   δ_{L−1} = (Ŷ − Y) / (n·m);   ∂W_l = A_lᵀ·δ_l;   ∂b_l = Σ_i δ_l,i
 *   G = δ_l·W_lᵀ (+ G_prev through the shortcut);   ∂U = G ⊙ φ′(U)
 *   BN backward: δ = (∂U − mean_i ∂U − Û ⊙ mean_i(∂U ⊙ Û)) / √(σ² + ε)
 * In `norms` mode ‖∂W_l‖²_F = ‖A_lᵀδ_l‖²_F = Σ_ij (A_l A_lᵀ)_ij (δ_l δ_lᵀ)_ij is taken from two n×n
 * Gram matrices when that is cheaper than forming ∂W_l (n < width).
 */
import { assertActivation, LEAKY_RELU_SLOPE, type Activation } from './activations';
import { frobeniusInner, matmulABt, transposeInto } from './matmul';
import type { MlpNet } from './mlp';

/** BatchNorm's ε. */
export const BATCH_NORM_EPS = 1e-5;

/** An {@link MlpNet} on flat arrays; `W[l]` is fan_in×fan_out row-major and `Wt[l]` its transpose. */
export interface FlatNet {
  sizes: number[];
  activation: Activation;
  residual: boolean;
  batchNorm: boolean;
  W: Float64Array[];
  Wt: Float64Array[];
  b: Float64Array[];
}

/** Reusable buffers for a {@link FlatNet} and a batch size. */
export interface FlatWorkspace {
  n: number;
  /** A[l] = input of layer l (A[0] is a copy of X). */
  A: Float64Array[];
  /** Pre-activations U_l of the hidden layers (after BatchNorm when it is on). */
  U: Float64Array[];
  /** φ′(U_l). */
  D: Float64Array[];
  /** 1/√(σ²+ε) per hidden unit when BatchNorm is on. */
  invStd: Float64Array[];
  out: Float64Array;
  delta: Float64Array[];
  grad: Float64Array[];
  scratchT1: Float64Array;
  scratchT2: Float64Array;
  gramA: Float64Array;
  gramD: Float64Array;
}

/** Gradients from {@link backpropFlat}. `gradW` is empty in `norms` mode. */
export interface FlatGradients {
  loss: number;
  gradW: Float64Array[];
  gradB: Float64Array[];
  /** ‖∂loss/∂W_l‖_F per layer. */
  gradWNorm: Float64Array;
}

/** True when hidden layer l (l < L−1) has an identity shortcut. */
export function hasShortcut(net: { sizes: readonly number[]; residual: boolean }, l: number): boolean {
  return net.residual && l < net.sizes.length - 2 && net.sizes[l] === net.sizes[l + 1];
}

/** Converts and validates an {@link MlpNet}; throws RangeError on inconsistent shapes or activation. */
export function toFlatNet(net: MlpNet): FlatNet {
  assertActivation(net.activation);
  const layers = net.layers;
  if (!Array.isArray(layers) || layers.length < 1) throw new RangeError(`net needs at least one layer, got ${layers?.length}`);
  const first = layers[0]!.W;
  if (!Array.isArray(first) || first.length < 1) throw new RangeError('layer 0: W must have at least one row');
  const sizes = [first.length];
  const W: Float64Array[] = [];
  const Wt: Float64Array[] = [];
  const b: Float64Array[] = [];
  layers.forEach((layer, l) => {
    const fi = sizes[l]!;
    if (layer.W.length !== fi) throw new RangeError(`layer ${l}: W has ${layer.W.length} rows, expected fan_in ${fi}`);
    const fo = layer.W[0]?.length ?? 0;
    if (fo < 1) throw new RangeError(`layer ${l}: W must have at least one column`);
    if (layer.b.length !== fo) throw new RangeError(`layer ${l}: b has length ${layer.b.length}, expected ${fo}`);
    const w = new Float64Array(fi * fo);
    layer.W.forEach((row, i) => {
      if (row.length !== fo) throw new RangeError(`layer ${l}: W row ${i} has length ${row.length}, expected ${fo}`);
      w.set(row, i * fo);
    });
    W.push(w);
    Wt.push(transposeInto(w, fi, fo, new Float64Array(fi * fo)));
    b.push(Float64Array.from(layer.b));
    sizes.push(fo);
  });
  return { sizes, activation: net.activation, residual: !!net.residual, batchNorm: !!net.batchNorm, W, Wt, b };
}

/** Back to the JSON-friendly {@link MlpNet}. */
export function fromFlatNet(flat: FlatNet): MlpNet {
  return {
    layers: flat.W.map((w, l) => ({ W: toRows(w, flat.sizes[l]!, flat.sizes[l + 1]!), b: Array.from(flat.b[l]!) })),
    activation: flat.activation,
    residual: flat.residual,
    batchNorm: flat.batchNorm,
  };
}

/** Recomputes `Wt[l]` after `W[l]` was changed in place (e.g. by an SGD step). */
export function refreshTranspose(flat: FlatNet, l: number): void {
  transposeInto(flat.W[l]!, flat.sizes[l]!, flat.sizes[l + 1]!, flat.Wt[l]!);
}

/** Allocates the buffers for a batch of n samples. */
export function createWorkspace(flat: FlatNet, n: number): FlatWorkspace {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`batch size must be a positive integer, got ${n}`);
  const s = flat.sizes;
  const L = s.length - 1;
  const maxW = Math.max(...s);
  return {
    n,
    A: Array.from({ length: L }, (_, l) => new Float64Array(n * s[l]!)),
    U: Array.from({ length: L - 1 }, (_, l) => new Float64Array(n * s[l + 1]!)),
    D: Array.from({ length: L - 1 }, (_, l) => new Float64Array(n * s[l + 1]!)),
    invStd: Array.from({ length: L - 1 }, (_, l) => new Float64Array(s[l + 1]!)),
    out: new Float64Array(n * s[L]!),
    delta: Array.from({ length: L }, (_, l) => new Float64Array(n * s[l + 1]!)),
    grad: Array.from({ length: L }, (_, l) => new Float64Array(n * s[l]!)),
    scratchT1: new Float64Array(n * maxW),
    scratchT2: new Float64Array(n * maxW),
    gramA: new Float64Array(n * n),
    gramD: new Float64Array(n * n),
  };
}

/** Forward pass into `ws` (fills A, U, D, invStd, out). X is n×sizes[0] row-major. */
export function forwardFlat(flat: FlatNet, X: Float64Array, ws: FlatWorkspace): Float64Array {
  const { sizes, activation, batchNorm } = flat;
  const n = ws.n;
  const L = sizes.length - 1;
  if (X.length !== n * sizes[0]!) throw new RangeError(`X has ${X.length} entries, expected ${n}×${sizes[0]}`);
  ws.A[0]!.set(X);
  for (let l = 0; l < L; l++) {
    const fi = sizes[l]!;
    const fo = sizes[l + 1]!;
    const A = ws.A[l]!;
    const bias = flat.b[l]!;
    const hidden = l < L - 1;
    const Z = hidden ? ws.U[l]! : ws.out;
    matmulABt(A, flat.Wt[l]!, Z, n, fi, fo);
    for (let i = 0; i < n; i++) {
      const r = i * fo;
      for (let j = 0; j < fo; j++) Z[r + j] = Z[r + j]! + bias[j]!;
    }
    if (!hidden) break;
    if (batchNorm) {
      const inv = ws.invStd[l]!;
      for (let j = 0; j < fo; j++) {
        let mu = 0;
        for (let i = 0; i < n; i++) mu += Z[i * fo + j]!;
        mu /= n;
        let v = 0;
        for (let i = 0; i < n; i++) {
          const d = Z[i * fo + j]! - mu;
          v += d * d;
        }
        const is = 1 / Math.sqrt(v / n + BATCH_NORM_EPS);
        inv[j] = is;
        for (let i = 0; i < n; i++) Z[i * fo + j] = (Z[i * fo + j]! - mu) * is;
      }
    }
    const H = ws.A[l + 1]!;
    const D = ws.D[l]!;
    const len = n * fo;
    switch (activation) {
      case 'sigmoid':
        for (let q = 0; q < len; q++) {
          const z = Z[q]!;
          const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
          H[q] = s;
          D[q] = s * (1 - s);
        }
        break;
      case 'tanh':
        for (let q = 0; q < len; q++) {
          const t = Math.tanh(Z[q]!);
          H[q] = t;
          D[q] = 1 - t * t;
        }
        break;
      case 'relu':
        for (let q = 0; q < len; q++) {
          const z = Z[q]!;
          H[q] = z > 0 ? z : 0;
          D[q] = z > 0 ? 1 : 0;
        }
        break;
      case 'leakyRelu':
        for (let q = 0; q < len; q++) {
          const z = Z[q]!;
          H[q] = z > 0 ? z : LEAKY_RELU_SLOPE * z;
          D[q] = z > 0 ? 1 : LEAKY_RELU_SLOPE;
        }
        break;
    }
    if (hasShortcut(flat, l)) for (let q = 0; q < len; q++) H[q] = H[q]! + A[q]!;
  }
  return ws.out;
}

/**
 * Loss and gradients of the mean halved squared error (see the file comment). `mode: 'norms'` skips
 * forming ∂W and returns only its per-layer Frobenius norms (the figure's fast path).
 */
export function backpropFlat(
  flat: FlatNet,
  X: Float64Array,
  Y: Float64Array,
  ws: FlatWorkspace,
  mode: 'full' | 'norms' = 'full',
): FlatGradients {
  const { sizes, batchNorm } = flat;
  const n = ws.n;
  const L = sizes.length - 1;
  const m = sizes[L]!;
  if (Y.length !== n * m) throw new RangeError(`Y has ${Y.length} entries, expected ${n}×${m}`);
  const out = forwardFlat(flat, X, ws);

  let loss = 0;
  const dOut = ws.delta[L - 1]!;
  const scale = 1 / (n * m);
  for (let q = 0; q < n * m; q++) {
    const r = out[q]! - Y[q]!;
    loss += r * r;
    dOut[q] = r * scale;
  }
  loss *= scale / 2;

  const gradW: Float64Array[] = [];
  const gradB: Float64Array[] = new Array<Float64Array>(L);
  const gradWNorm = new Float64Array(L);
  if (mode === 'full') for (let l = 0; l < L; l++) gradW.push(new Float64Array(sizes[l]! * sizes[l + 1]!));

  for (let l = L - 1; l >= 0; l--) {
    const fi = sizes[l]!;
    const fo = sizes[l + 1]!;
    const dZ = ws.delta[l]!;
    const A = ws.A[l]!;
    const gb = new Float64Array(fo);
    for (let i = 0; i < n; i++) {
      const r = i * fo;
      for (let j = 0; j < fo; j++) gb[j] = gb[j]! + dZ[r + j]!;
    }
    gradB[l] = gb;
    if (mode === 'full' || n * (fi + fo) >= 2 * fi * fo) {
      // ∂W = Aᵀ·δ as (Aᵀ)·(δᵀ)ᵀ with both transposes read row-wise.
      const At = transposeInto(A, n, fi, ws.scratchT1);
      const dZt = transposeInto(dZ, n, fo, ws.scratchT2);
      const g = mode === 'full' ? gradW[l]! : new Float64Array(fi * fo);
      matmulABt(At, dZt, g, fi, n, fo);
      gradWNorm[l] = Math.sqrt(frobeniusInner(g, g));
    } else {
      matmulABt(A, A, ws.gramA, n, fi, n, true);
      matmulABt(dZ, dZ, ws.gramD, n, fo, n, true);
      gradWNorm[l] = Math.sqrt(Math.max(0, frobeniusInner(ws.gramA, ws.gramD)));
    }
    if (l === 0) break;

    // G = ∂loss/∂A_l = δ_l·W_lᵀ, plus the shortcut's copy of ∂loss/∂A_{l+1}.
    const G = ws.grad[l]!;
    matmulABt(dZ, flat.W[l]!, G, n, fo, fi);
    if (hasShortcut(flat, l)) {
      const Gnext = ws.grad[l + 1]!;
      for (let q = 0; q < n * fo; q++) G[q] = G[q]! + Gnext[q]!;
    }
    // Hidden layer l−1 produced A_l = φ(U_{l−1}) (+ shortcut): δ_{l−1} = BN′(G ⊙ φ′(U)).
    const D = ws.D[l - 1]!;
    const dPrev = ws.delta[l - 1]!;
    const len = n * fi;
    for (let q = 0; q < len; q++) dPrev[q] = G[q]! * D[q]!;
    if (batchNorm) {
      const U = ws.U[l - 1]!;
      const inv = ws.invStd[l - 1]!;
      for (let j = 0; j < fi; j++) {
        let mg = 0;
        let mgu = 0;
        for (let i = 0; i < n; i++) {
          const g = dPrev[i * fi + j]!;
          mg += g;
          mgu += g * U[i * fi + j]!;
        }
        mg /= n;
        mgu /= n;
        const is = inv[j]!;
        for (let i = 0; i < n; i++) {
          const q = i * fi + j;
          dPrev[q] = (dPrev[q]! - mg - U[q]! * mgu) * is;
        }
      }
    }
  }
  return { loss, gradW, gradB, gradWNorm };
}

/** Flattens an n×c array of rows, checking that every row has length c. */
export function flattenRows(rows: readonly (readonly number[])[], c: number, what: string): Float64Array {
  const out = new Float64Array(rows.length * c);
  rows.forEach((row, i) => {
    if (row.length !== c) throw new RangeError(`${what} row ${i} has length ${row.length}, expected ${c}`);
    out.set(row, i * c);
  });
  return out;
}

/** An r×c row-major array as r rows of plain numbers. */
export function toRows(a: Float64Array, r: number, c: number): number[][] {
  return Array.from({ length: r }, (_, i) => Array.from(a.subarray(i * c, (i + 1) * c)));
}
