/**
 * The vanishing-gradient figure's fast path: per-layer ‖∂L/∂W_l‖_F of a freshly initialised network
 * on a fixed probe batch, computed by the WebAssembly SIMD kernels of src/wasm/nn-kernels.ts
 * (built by scripts/build-wasm.mjs). The reference is `backpropFlat` in ./flatMlp on the network
 * `initFlatNet` builds; this file runs the same forward and backward passes with two changes:
 *
 * 1. The matrix products run in f32, four lanes at a time. Every operand matrix is scaled by a power
 *    of two before rounding to f32 and the scale is multiplied back in f64, so f32's range never
 *    limits the values (a 50-layer ReLU net with N(0, 1) weights reaches 1e75); only f32's 24-bit
 *    precision is lost. Element-wise steps (BatchNorm, φ, φ′, statistics) stay f64; σ and tanh come
 *    from a two-lane exp polynomial (within 1e-13 of Math.exp; tests/lib/nn/wasmKernels.test.ts).
 *    Agreement with the f64 reference is tested per configuration (tests/lib/nn/fastProbe.test.ts).
 * 2. Weights are kept as the unit draws z ~ N(0, 1) (`normal`, `he`) or u ~ U[−1, 1) (`standard`,
 *    `xavier`) from the same random stream as `initFlatNet`; the scheme's σ or bound and the `scale`
 *    factor multiply the product's result instead of the weights. Changing activation, scale,
 *    BatchNorm, shortcuts or the scheme within a family therefore draws nothing, and changing the
 *    depth draws only the layers after the common prefix (the stream's state at the start of every
 *    layer is remembered; each layer starts a fresh normal sampler, as in `initFlatNet`).
 *
 * Biases are zero, as `initFlatNet` makes them. ‖∂L/∂W_l‖ is taken from ∂W_l = A_lᵀ·δ_l itself
 * (not from Gram matrices, whose difference of large terms would cost f32 its accuracy).
 */
import { assertActivation, LEAKY_RELU_SLOPE, type Activation } from './activations';
import { BATCH_NORM_EPS, hasShortcut } from './flatMlp';
import { assertSizes, INIT_SCHEMES, type InitOptions, type InitScheme } from './mlp';
import { lcgSeedState } from '../random';
import type { ProbeTask } from './gradientNorms';

/** The exports of nn-kernels.wasm (byte offsets for every matrix). */
interface Kernels {
  memory: WebAssembly.Memory;
  heapBase(): number;
  setRngState(state: number): void;
  getRngState(): number;
  drawNormalLayer(W: number, Wt: number, fi: number, fo: number, fip: number, fop: number): void;
  drawUniformLayer(W: number, Wt: number, fi: number, fo: number, fip: number, fop: number): void;
  /** Rounds an f64 matrix to f32 scaled by 2^-e; returns 2^e. */
  toF32(src: number, dst: number, n: number, k: number, kp: number): number;
  mm(A: number, rs: number, cs: number, B: number, mp: number, C: number, n: number, K: number, m: number, k: number): void;
  batchNormForward(Z: number, n: number, fo: number, invStd: number, eps: number, mu: number): void;
  activate(U: number, H: number, D: number, len: number, act: number, leak: number): void;
  addInto(dst: number, src: number, len: number): void;
  outputDelta(out: number, Y: number, delta: number, len: number, scale: number): number;
  sumSquares(p: number, len: number): number;
  hiddenDelta(G: number, D: number, U: number, dPrev: number, n: number, fi: number, invStd: number, tmp: number): void;
  preActStats(U: number, len: number, lo: number, binScale: number, bins: number, threshold: number, counts: number, out: number): void;
}

const ACT_CODE: Record<Activation, number> = { sigmoid: 0, tanh: 1, relu: 2, leakyRelu: 3 };

/** What one call of {@link FastGradientProbe.norms} returns. */
export interface FastProbeResult {
  loss: number;
  /** ‖∂L/∂W_l‖_F per layer, index 0 = input side. */
  gradWNorm: number[];
  /**
   * Pre-activations U_l (after BatchNorm when it is on) of every hidden layer, n×width row-major.
   * Views into the module's memory: valid until the next call.
   */
  preActivations: Float64Array[];
  /** With a {@link HistogramOptions} argument: saturation statistics of the pre-activations. */
  stats?: PreActivationSummary;
}

/** Which histogram of the pre-activations to take (all hidden layers pooled). */
export interface HistogramOptions {
  /** Bins split [lo, hi) evenly; values outside (and ±∞, NaN) go to the end bins: the last for u > 0, else the first. */
  lo: number;
  hi: number;
  bins: number;
  /** |u| above this counts as saturated. */
  threshold: number;
}

/** Counts over every hidden layer's pre-activations. */
export interface PreActivationSummary {
  /** Counts per bin, all hidden layers pooled. */
  histogram: number[];
  /** Per hidden layer: fraction with |u| > threshold. */
  saturated: number[];
  /** Per hidden layer: fraction with u ≤ 0. */
  nonPositive: number[];
}

/** A reusable fast probe. */
export interface FastGradientProbe {
  /**
   * Per-layer gradient norms at initialisation of the network `initFlatNet(options)` describes, on
   * the batch `task` (its input and output widths must match the network's). A task is copied into
   * the module when it is a different object from the previous call's, so keep and reuse task objects.
   */
  norms(options: InitOptions, task: ProbeTask, histogram?: HistogramOptions): FastProbeResult;
}

/** Multiplier of the unit draw for a scheme: w = scale · σ · z (normal family) or scale · a · u (uniform). */
export function initMultiplier(init: InitScheme, fanIn: number, fanOut: number): number {
  switch (init) {
    case 'normal':
      return 1;
    case 'he':
      return Math.sqrt(2 / fanIn);
    case 'standard':
      return 1 / Math.sqrt(fanIn);
    case 'xavier':
      return Math.sqrt(6 / (fanIn + fanOut));
  }
}

const pad4 = (k: number) => (k + 3) & ~3;

interface Layout {
  key: string;
  /** f32 weights W_l (fi × fop) and Wᵀ_l (fo × fip). */
  W: number[];
  Wt: number[];
  /** f64 buffers. */
  A: number[];
  /** f32 copies of A_l (n × fi), made in the forward pass and read again for ∂W_l. */
  A32: number[];
  U: number[];
  D: number[];
  invStd: number[];
  out: number;
  Y: number;
  delta: [number, number];
  /** ∂loss/∂A_l for the current layer and the one above (the shortcut adds the latter). */
  G: [number, number];
  C: number;
  /** f32 copy of δ_l (n × pad4(fo), zero padding). */
  d32: number;
  /** Scratch for BatchNorm's column statistics (2 × the widest layer). */
  tmp: number;
  /** First free byte after the buffers (the histogram's two counters and bins go there). */
  end: number;
}

/**
 * Builds a {@link FastGradientProbe} from the compiled kernels (a `WebAssembly.Module`, or the bytes
 * of src/wasm/build/nn-kernels.wasm). One instance serves every network size and task: its memory
 * is laid out again when the widths change and only grows.
 */
export function createFastGradientProbe(wasm: WebAssembly.Module | BufferSource): FastGradientProbe {
  const module = wasm instanceof WebAssembly.Module ? wasm : new WebAssembly.Module(wasm);
  const k = new WebAssembly.Instance(module, {}).exports as unknown as Kernels;

  let layout: Layout | null = null;
  let loadedTask: ProbeTask | null = null;
  /** What the weight slots hold: the stream, the layer shapes drawn, and the stream state before each. */
  let drawn: { stream: string; dims: string[]; states: number[] } = { stream: '', dims: [], states: [] };

  function plan(sizes: number[], n: number, m: number): Layout {
    const L = sizes.length - 1;
    const maxW = Math.max(...sizes);
    let at = k.heapBase();
    const take = (bytes: number) => {
      const p = at;
      at += (bytes + 15) & ~15;
      return p;
    };
    const W: number[] = [];
    const Wt: number[] = [];
    for (let l = 0; l < L; l++) {
      W.push(take(sizes[l]! * pad4(sizes[l + 1]!) * 4));
      Wt.push(take(sizes[l + 1]! * pad4(sizes[l]!) * 4));
    }
    const f64 = (count: number) => take(count * 8);
    const p: Layout = {
      key: `${sizes.join(',')}/${n}`,
      W,
      Wt,
      A: Array.from({ length: L }, (_, l) => f64(n * sizes[l]!)),
      A32: Array.from({ length: L }, (_, l) => take(n * sizes[l]! * 4)),
      U: Array.from({ length: L - 1 }, (_, l) => f64(n * sizes[l + 1]!)),
      D: Array.from({ length: L - 1 }, (_, l) => f64(n * sizes[l + 1]!)),
      invStd: Array.from({ length: L - 1 }, (_, l) => f64(sizes[l + 1]!)),
      out: f64(n * m),
      Y: f64(n * m),
      delta: [f64(n * maxW), f64(n * maxW)],
      G: [f64(n * maxW), f64(n * maxW)],
      C: f64(maxW * maxW),
      d32: take(n * pad4(maxW) * 4),
      tmp: f64(2 * maxW),
      end: 0,
    };
    p.end = at;
    const need = at - k.memory.buffer.byteLength;
    if (need > 0) k.memory.grow(Math.ceil(need / 65536));
    return p;
  }

  return {
    norms(options, task, histogram) {
      const { sizes, activation, init, seed } = options;
      const n = task.X.length;
      if (n < 1 || task.Y.length !== n) throw new RangeError(`probe task needs equal, positive row counts, got X ${n}, Y ${task.Y.length}`);
      const d = task.X[0]!.length;
      const m = task.Y[0]!.length;
      const scale = options.scale ?? 1;
      assertSizes(sizes);
      assertActivation(activation);
      if (!INIT_SCHEMES.includes(init)) throw new RangeError(`unknown init ${JSON.stringify(init)}; expected one of ${INIT_SCHEMES.join(', ')}`);
      if (!Number.isFinite(scale)) throw new RangeError(`scale must be finite, got ${scale}`);
      if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
      if (sizes[0] !== d || sizes[sizes.length - 1] !== m) {
        throw new RangeError(`net maps ${sizes[0]} → ${sizes[sizes.length - 1]} but the probe task is ${d} → ${m}`);
      }
      const L = sizes.length - 1;
      if (layout === null || layout.key !== `${sizes.join(',')}/${n}`) {
        layout = plan(sizes, n, m);
        loadedTask = null;
      }
      const p = layout;
      if (task !== loadedTask) {
        const heap = new Float64Array(k.memory.buffer);
        task.X.forEach((r, i) => {
          if (r.length !== d) throw new RangeError(`X row ${i} has length ${r.length}, expected ${d}`);
          heap.set(r, p.A[0]! / 8 + i * d);
        });
        task.Y.forEach((r, i) => {
          if (r.length !== m) throw new RangeError(`Y row ${i} has length ${r.length}, expected ${m}`);
          heap.set(r, p.Y / 8 + i * m);
        });
        loadedTask = task;
      }
      // Weight slot l sits at an offset fixed by the shapes of layers 0…l−1, so layers of a common
      // prefix (same seed, family and shapes) are still in place and are not drawn again.
      const family = init === 'normal' || init === 'he' ? 'normal' : 'uniform';
      const stream = `${seed}|${family}`;
      if (drawn.stream !== stream) drawn = { stream, dims: [], states: [lcgSeedState(seed)] };
      let keep = 0;
      while (keep < L && drawn.dims[keep] === `${sizes[keep]}x${sizes[keep + 1]}`) keep++;
      if (keep < L) {
        k.setRngState(drawn.states[keep]!);
        drawn.dims.length = keep;
        drawn.states.length = keep + 1;
        for (let l = keep; l < L; l++) {
          const fi = sizes[l]!;
          const fo = sizes[l + 1]!;
          (family === 'normal' ? k.drawNormalLayer : k.drawUniformLayer)(p.W[l]!, p.Wt[l]!, fi, fo, pad4(fi), pad4(fo));
          drawn.dims.push(`${fi}x${fo}`);
          drawn.states.push(k.getRngState());
        }
      }
      const net = { sizes, residual: !!options.residual };
      const bn = !!options.batchNorm;
      const mul = sizes.slice(0, L).map((fi, l) => scale * initMultiplier(init, fi, sizes[l + 1]!));

      // Forward. Each A_l is rounded to f32 once, scaled by one power of two for the whole matrix (its
      // entries lie within f32's range of each other; only ones below 2⁻¹²⁶ of the largest lose bits),
      // and kept for the backward pass.
      const undoA = new Array<number>(L);
      for (let l = 0; l < L; l++) {
        const fi = sizes[l]!;
        const fo = sizes[l + 1]!;
        const hidden = l < L - 1;
        const Z = hidden ? p.U[l]! : p.out;
        undoA[l] = k.toF32(p.A[l]!, p.A32[l]!, n, fi, fi);
        k.mm(p.A32[l]!, fi, 1, p.W[l]!, pad4(fo), Z, n, fi, fo, mul[l]! * undoA[l]!);
        if (!hidden) break;
        if (bn) k.batchNormForward(Z, n, fo, p.invStd[l]!, BATCH_NORM_EPS, p.tmp);
        k.activate(Z, p.A[l + 1]!, p.D[l]!, n * fo, ACT_CODE[activation], LEAKY_RELU_SLOPE);
        if (hasShortcut(net, l)) k.addInto(p.A[l + 1]!, p.A[l]!, n * fo);
      }

      // Backward.
      const lossScale = 1 / (n * m);
      let cur = 0;
      let gc = 0;
      const loss = (k.outputDelta(p.out, p.Y, p.delta[cur]!, n * m, lossScale) * lossScale) / 2;
      const gradWNorm = new Array<number>(L).fill(0);
      for (let l = L - 1; l >= 0; l--) {
        const fi = sizes[l]!;
        const fo = sizes[l + 1]!;
        const dZ = p.delta[cur]!;
        // δ_l in f32 (one scale), used twice: ‖∂W_l‖ = ‖A_lᵀ·δ_l‖ (A_lᵀ read as a strided view of A_l)
        // and G = δ_l·W_lᵀ.
        const undoD = k.toF32(dZ, p.d32, n, fo, pad4(fo));
        k.mm(p.A32[l]!, 1, fi, p.d32, pad4(fo), p.C, fi, n, fo, undoA[l]! * undoD);
        gradWNorm[l] = Math.sqrt(k.sumSquares(p.C, fi * fo));
        if (l === 0) break;
        // G = δ_l·W_lᵀ (+ the shortcut's copy of the gradient above), then δ_{l−1}.
        const G = p.G[gc]!;
        k.mm(p.d32, pad4(fo), 1, p.Wt[l]!, pad4(fi), G, n, fo, fi, mul[l]! * undoD);
        if (hasShortcut(net, l)) k.addInto(G, p.G[1 - gc]!, n * fo);
        k.hiddenDelta(G, p.D[l - 1]!, p.U[l - 1]!, p.delta[1 - cur]!, n, fi, bn ? p.invStd[l - 1]! : 0, p.tmp);
        cur = 1 - cur;
        gc = 1 - gc;
      }
      let stats: PreActivationSummary | undefined;
      if (histogram) {
        const { lo, hi, bins, threshold } = histogram;
        if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
        if (!(hi > lo)) throw new RangeError(`histogram range must be increasing, got [${lo}, ${hi}]`);
        const need = p.end + (bins + 2) * 8 - k.memory.buffer.byteLength;
        if (need > 0) k.memory.grow(Math.ceil(need / 65536));
        new Float64Array(k.memory.buffer, p.end, bins + 2).fill(0);
        const saturated: number[] = [];
        const nonPositive: number[] = [];
        p.U.forEach((u, l) => {
          const len = n * sizes[l + 1]!;
          k.preActStats(u, len, lo, bins / (hi - lo), bins, threshold, p.end + 16, p.end);
          const out = new Float64Array(k.memory.buffer, p.end, 2);
          saturated.push(out[0]! / len);
          nonPositive.push(out[1]! / len);
        });
        stats = { histogram: Array.from(new Float64Array(k.memory.buffer, p.end + 16, bins)), saturated, nonPositive };
      }
      const buf = k.memory.buffer;
      const preActivations = p.U.map((u, l) => new Float64Array(buf, u, n * sizes[l + 1]!));
      return { loss, gradWNorm, preActivations, ...(stats ? { stats } : {}) };
    },
  };
}
