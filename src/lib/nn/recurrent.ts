/**
 * How far back a gradient reaches through time: ‖∂h_T/∂h_t‖_F against t for a vanilla tanh RNN and
 * for an LSTM (Hochreiter & Schmidhuber 1997, with a forget gate as in Gers et al. 2000).
 *
 * Vanilla RNN: h_t = tanh(W h_{t−1} + U x_t + b), so
 *   ∂h_t/∂h_{t−1} = diag(1 − h_t²)·W   and   ∂h_T/∂h_t = Π_{s=T…t+1} diag(1 − h_s²)·W,
 * a product of T − t matrices whose norm shrinks geometrically when ‖W‖·max tanh′ < 1 (vanishing) or
 * grows when it is > 1 (exploding): Bengio, Simard & Frasconi 1994; Pascanu et al. 2013.
 *
 * LSTM, state s_t = (h_t, c_t), gates from a_* = W_* h_{t−1} + U_* x_t + b_*:
 *   f = σ(a_f), i = σ(a_i), o = σ(a_o), g = tanh(a_g),
 *   c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t).
 * Its one-step Jacobian J_t = ∂s_t/∂s_{t−1} has the blocks
 *   ∂c_t/∂c_{t−1} = diag(f)                                   ← the additive cell path
 *   ∂c_t/∂h_{t−1} = diag(c_{t−1} ⊙ f′) W_f + diag(g ⊙ i′) W_i + diag(i ⊙ g′) W_g
 *   ∂h_t/∂c_{t−1} = diag(o ⊙ tanh′(c_t)) · diag(f)
 *   ∂h_t/∂h_{t−1} = diag(tanh(c_t) ⊙ o′) W_o + diag(o ⊙ tanh′(c_t)) · ∂c_t/∂h_{t−1}
 * with σ′ = σ(1 − σ), tanh′ = 1 − tanh². Along the cell path the product is Π diag(f_s), which
 * stays near 1 when the forget gate is near 1 (large forget bias, Jozefowicz et al. 2015), so the
 * gradient does not vanish however long the gap. Here ∂s_T/∂s_t = J_T ⋯ J_{t+1} is accumulated
 * exactly, from t = T down to 0, and the h→h and c→c blocks' Frobenius norms are reported.
 * Setting `forgetGate` clamps f ≡ that value (then f′ = 0): the textbook "constant error carousel".
 */
import { createRng, fork, normalSampler, type Rng } from '../random';
import { sigmoid } from './activations';

/** Options shared by {@link rnnGradientNorms} and {@link lstmGradientNorms}. */
export interface RecurrentGradientOptions {
  /** Hidden units H. @default 16 */
  hiddenSize?: number;
  /** Input width. @default 4 */
  inputSize?: number;
  /** Sequence length T. @default 50 */
  steps?: number;
  /** Recurrent weights are N(0, recurrentScale²/H). @default 1 */
  recurrentScale?: number;
  /** Input weights are N(0, inputScale²/inputSize); inputs x_t ~ N(0, I). @default 1 */
  inputScale?: number;
  /** Seed of the weights and the input sequence. */
  seed: number;
}

/** Options of {@link lstmGradientNorms}. */
export interface LstmGradientOptions extends RecurrentGradientOptions {
  /** Bias b_f of the forget gate (σ(3) ≈ 0.95). @default 1 */
  forgetBias?: number;
  /** When set, the forget gate is clamped to this value in [0, 1] for every unit and step. */
  forgetGate?: number;
}

/** ‖∂h_T/∂h_t‖_F for t = 0 … T (index = t; the last entry is ‖I‖_F = √H). */
export interface RnnGradientResult {
  t: number[];
  norms: number[];
}

/** LSTM result: the h→h norms and the cell path c→c norms, plus the mean forget gate. */
export interface LstmGradientResult {
  t: number[];
  /** ‖∂h_T/∂h_t‖_F. */
  norms: number[];
  /** ‖∂c_T/∂c_t‖_F. */
  cellNorms: number[];
  /** Mean of f over units and steps. */
  meanForget: number;
}

interface Resolved {
  H: number;
  D: number;
  T: number;
  rs: number;
  is: number;
}

function resolve(o: RecurrentGradientOptions): Resolved {
  const H = o.hiddenSize ?? 16;
  const D = o.inputSize ?? 4;
  const T = o.steps ?? 50;
  const rs = o.recurrentScale ?? 1;
  const is = o.inputScale ?? 1;
  if (!Number.isInteger(H) || H < 1 || H > 256) throw new RangeError(`hiddenSize must be an integer in [1, 256], got ${H}`);
  if (!Number.isInteger(D) || D < 1) throw new RangeError(`inputSize must be a positive integer, got ${D}`);
  if (!Number.isInteger(T) || T < 1 || T > 2000) throw new RangeError(`steps must be an integer in [1, 2000], got ${T}`);
  if (!Number.isFinite(rs) || rs < 0) throw new RangeError(`recurrentScale must be finite and ≥ 0, got ${rs}`);
  if (!Number.isFinite(is) || is < 0) throw new RangeError(`inputScale must be finite and ≥ 0, got ${is}`);
  if (!Number.isFinite(o.seed)) throw new RangeError(`seed must be finite, got ${o.seed}`);
  return { H, D, T, rs, is };
}

function gaussianMatrix(rng: Rng, r: number, c: number, sd: number): number[][] {
  const z = normalSampler(rng, 0, sd);
  return Array.from({ length: r }, () => Array.from({ length: c }, () => z()));
}

/** Frobenius norm of the h×h block at rows [r0, r0+h), cols [c0, c0+h) of the n×n row-major M. */
function blockNorm(M: Float64Array, n: number, r0: number, c0: number, h: number): number {
  let s = 0;
  for (let i = 0; i < h; i++) for (let j = 0; j < h; j++) s += M[(r0 + i) * n + c0 + j]! ** 2;
  return Math.sqrt(s);
}

/** P·Q for n×n row-major matrices, into a new array. */
function matmul(P: Float64Array, Q: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const a = P[i * n + k]!;
      if (a === 0) continue;
      const qk = k * n;
      const oi = i * n;
      for (let j = 0; j < n; j++) out[oi + j] = out[oi + j]! + a * Q[qk + j]!;
    }
  }
  return out;
}

function identity(n: number): Float64Array {
  const I = new Float64Array(n * n);
  for (let i = 0; i < n; i++) I[i * n + i] = 1;
  return I;
}

function matVec(W: number[][], v: number[]): number[] {
  return W.map((row) => row.reduce((s, w, j) => s + w * v[j]!, 0));
}

/** ‖∂h_T/∂h_t‖_F of a vanilla tanh RNN with h_0 = 0 and b = 0, for t = 0 … T. */
export function rnnGradientNorms(options: RecurrentGradientOptions): RnnGradientResult {
  const { H, D, T, rs, is } = resolve(options);
  const rng = createRng(options.seed);
  const W = gaussianMatrix(fork(rng), H, H, rs / Math.sqrt(H));
  const U = gaussianMatrix(fork(rng), H, D, is / Math.sqrt(D));
  const xs = gaussianMatrix(fork(rng), T, D, 1);
  // Forward: keep tanh′ = 1 − h_t² for t = 1 … T.
  const deriv: number[][] = [];
  let h = new Array<number>(H).fill(0);
  for (let t = 1; t <= T; t++) {
    const wh = matVec(W, h);
    const ux = matVec(U, xs[t - 1]!);
    h = wh.map((v, k) => Math.tanh(v + ux[k]!));
    deriv.push(h.map((v) => 1 - v * v));
  }
  // Backward: M_t = ∂h_T/∂h_t = M_{t+1} · diag(1 − h_{t+1}²) W.
  const norms = new Array<number>(T + 1).fill(0);
  let M = identity(H);
  norms[T] = Math.sqrt(H);
  const J = new Float64Array(H * H);
  for (let t = T - 1; t >= 0; t--) {
    const d = deriv[t]!; // 1 − h_{t+1}²
    for (let k = 0; k < H; k++) for (let j = 0; j < H; j++) J[k * H + j] = d[k]! * W[k]![j]!;
    M = matmul(M, J, H);
    norms[t] = blockNorm(M, H, 0, 0, H);
  }
  return { t: Array.from({ length: T + 1 }, (_, i) => i), norms };
}

/** ‖∂h_T/∂h_t‖_F and ‖∂c_T/∂c_t‖_F of an LSTM with h_0 = c_0 = 0, for t = 0 … T. */
export function lstmGradientNorms(options: LstmGradientOptions): LstmGradientResult {
  const { H, D, T, rs, is } = resolve(options);
  const fb = options.forgetBias ?? 1;
  const fixedF = options.forgetGate;
  if (!Number.isFinite(fb)) throw new RangeError(`forgetBias must be finite, got ${fb}`);
  if (fixedF !== undefined && !(fixedF >= 0 && fixedF <= 1)) throw new RangeError(`forgetGate must be in [0, 1], got ${fixedF}`);
  const rng = createRng(options.seed);
  const gates = ['f', 'i', 'o', 'g'] as const;
  const Wr = gates.map(() => gaussianMatrix(fork(rng), H, H, rs / Math.sqrt(H)));
  const Ux = gates.map(() => gaussianMatrix(fork(rng), H, D, is / Math.sqrt(D)));
  const xs = gaussianMatrix(fork(rng), T, D, 1);
  const [Wf, Wi, Wo, Wg] = Wr as [number[][], number[][], number[][], number[][]];

  const n2 = 2 * H;
  const jac: Float64Array[] = [];
  let h = new Array<number>(H).fill(0);
  let c = new Array<number>(H).fill(0);
  let fSum = 0;
  for (let t = 1; t <= T; t++) {
    const x = xs[t - 1]!;
    const pre = gates.map((_, q) => {
      const wh = matVec(Wr[q]!, h);
      const ux = matVec(Ux[q]!, x);
      return wh.map((v, k) => v + ux[k]! + (q === 0 ? fb : 0));
    });
    const f = pre[0]!.map((a) => (fixedF === undefined ? sigmoid(a) : fixedF));
    const i = pre[1]!.map(sigmoid);
    const o = pre[2]!.map(sigmoid);
    const g = pre[3]!.map(Math.tanh);
    const cNew = c.map((cp, k) => f[k]! * cp + i[k]! * g[k]!);
    const tc = cNew.map(Math.tanh);
    const hNew = o.map((ok, k) => ok * tc[k]!);
    // One-step Jacobian on s = (h, c): rows/cols 0…H−1 are h, H…2H−1 are c.
    const J = new Float64Array(n2 * n2);
    for (let k = 0; k < H; k++) {
      const fp = fixedF === undefined ? f[k]! * (1 - f[k]!) : 0;
      const ip = i[k]! * (1 - i[k]!);
      const op = o[k]! * (1 - o[k]!);
      const gp = 1 - g[k]! * g[k]!;
      const dtc = 1 - tc[k]! * tc[k]!;
      const rowC = (H + k) * n2;
      const rowH = k * n2;
      for (let j = 0; j < H; j++) {
        const dch = c[k]! * fp * Wf[k]![j]! + g[k]! * ip * Wi[k]![j]! + i[k]! * gp * Wg[k]![j]!;
        J[rowC + j] = dch;
        J[rowH + j] = tc[k]! * op * Wo[k]![j]! + o[k]! * dtc * dch;
      }
      J[rowC + H + k] = f[k]!;
      J[rowH + H + k] = o[k]! * dtc * f[k]!;
      fSum += f[k]!;
    }
    jac.push(J);
    h = hNew;
    c = cNew;
  }
  const norms = new Array<number>(T + 1).fill(0);
  const cellNorms = new Array<number>(T + 1).fill(0);
  let M = identity(n2);
  norms[T] = Math.sqrt(H);
  cellNorms[T] = Math.sqrt(H);
  for (let t = T - 1; t >= 0; t--) {
    M = matmul(M, jac[t]!, n2); // jac[t] = ∂s_{t+1}/∂s_t
    norms[t] = blockNorm(M, n2, 0, 0, H);
    cellNorms[t] = blockNorm(M, n2, H, H, H);
  }
  return { t: Array.from({ length: T + 1 }, (_, i) => i), norms, cellNorms, meanForget: fSum / (T * H) };
}
