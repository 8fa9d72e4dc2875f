/**
 * AssemblyScript (compiled by scripts/build-wasm.mjs to WebAssembly with 128-bit SIMD): the kernels
 * behind src/lib/nn/fastProbe.ts, the vanishing-gradient figure's fast path. This is not TypeScript:
 * `usize`, `f32x4`, `v128`, `load`/`store` are AssemblyScript built-ins.
 *
 * Memory is laid out by the TypeScript side; every argument named like a matrix is a byte offset.
 * Matrices are row-major. f64 matrices have stride = their column count; f32 matrices have a
 * padded stride (a multiple of 4, padding zero) so the SIMD loops need no tail.
 *
 * Precision: the products run in f32 (4 lanes per instruction), everything else in f64. Each f32
 * operand is scaled by a power of two per row (or per column) before rounding, and the scale is
 * multiplied back into the f64 result, so the f32 range (≈ 1e±38) never limits the values: a
 * 50-layer ReLU net with N(0, 1) weights reaches activations near 1e75, which f64 holds and f32
 * alone would not.
 */

/** First byte free for the caller's buffers (after this module's static data), 16-byte aligned. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

// ---------------------------------------------------------------------------------------------
// Random initialisation: the same stream as src/lib/random.ts createRng (d3-random's randomLcg on a
// hashed seed) and d3-random's randomNormal (Marsaglia's polar method, second value cached).

let rngState: i32 = 0;

/** Sets the LCG state (the hashed seed from random.ts `lcgSeedState`). */
export function setRngState(state: i32): void {
  rngState = state;
}

/** The LCG state now (to resume the stream at a later layer). */
export function getRngState(): i32 {
  return rngState;
}

// @ts-ignore: decorator
@inline function uniform(): f64 {
  // d3: state = mul * state + inc | 0 (the f64 product is exact below 2^53, so i32 arithmetic agrees)
  rngState = rngState * 0x19660d + 0x3c6ef35f;
  return <f64>(<u32>rngState) * (1.0 / 4294967296.0);
}

/**
 * Fills layer weights with z ~ N(0, 1), drawn in row-major order of the fi×fo matrix with a fresh
 * normal sampler (as initFlatNet does per layer). Writes W (fi × fop) and Wᵀ (fo × fip) as f32.
 */
export function drawNormalLayer(W: usize, Wt: usize, fi: i32, fo: i32, fip: i32, fop: i32): void {
  let have = false;
  let x: f64 = 0;
  let f: f64 = 0;
  for (let i = 0; i < fi; i++) {
    for (let j = 0; j < fo; j++) {
      let z: f64;
      if (have) {
        z = x * f;
        have = false;
      } else {
        let y: f64;
        let r: f64;
        do {
          x = uniform() * 2 - 1;
          y = uniform() * 2 - 1;
          r = x * x + y * y;
        } while (r == 0 || r > 1);
        f = Math.sqrt((-2 * Math.log(r)) / r);
        z = y * f;
        have = true;
      }
      putWeight(W, Wt, i, j, fip, fop, <f32>z);
    }
  }
  zeroPads(W, Wt, fi, fo, fip, fop);
}

/** Fills layer weights with u = 2·U[0, 1) − 1 (uniform on [−1, 1)), in the same order and layout. */
export function drawUniformLayer(W: usize, Wt: usize, fi: i32, fo: i32, fip: i32, fop: i32): void {
  for (let i = 0; i < fi; i++) {
    for (let j = 0; j < fo; j++) putWeight(W, Wt, i, j, fip, fop, <f32>(2 * uniform() - 1));
  }
  zeroPads(W, Wt, fi, fo, fip, fop);
}

// @ts-ignore: decorator
@inline function putWeight(W: usize, Wt: usize, i: i32, j: i32, fip: i32, fop: i32, v: f32): void {
  store<f32>(W + ((<usize>i * fop + j) << 2), v);
  store<f32>(Wt + ((<usize>j * fip + i) << 2), v);
}

function zeroPads(W: usize, Wt: usize, fi: i32, fo: i32, fip: i32, fop: i32): void {
  for (let i = 0; i < fi; i++) for (let j = fo; j < fop; j++) store<f32>(W + ((<usize>i * fop + j) << 2), 0);
  for (let j = 0; j < fo; j++) for (let i = fi; i < fip; i++) store<f32>(Wt + ((<usize>j * fip + i) << 2), 0);
}

// ---------------------------------------------------------------------------------------------
// f64 → scaled f32 operands.

/** The exponent e with 2^e ≤ maxAbs < 2^(e+1), clamped so 2^±e are normal f64 numbers. */
// @ts-ignore: decorator
@inline function exponentOf(maxAbs: f64): i32 {
  if (!(maxAbs > 0) || maxAbs == Infinity) return 0; // zero, or Inf/NaN: leave unscaled and let it propagate
  let e = <i32>((reinterpret<u64>(maxAbs) >> 52) & 0x7ff) - 1023;
  return e < -1022 ? -1022 : e > 1022 ? 1022 : e;
}

// @ts-ignore: decorator
@inline function pow2(e: i32): f64 {
  return reinterpret<f64>(<u64>(1023 + e) << 52);
}

/**
 * src (f64, n×k) → dst (f32, n×kp, zero padding) scaled by powers of two so the largest |entry| of
 * each row (byCols = 0) or of each column (byCols = 1) lies in [1, 2); undo[i or j] = the factor that
 * restores it.
 */
export function toF32(src: usize, dst: usize, n: i32, k: i32, kp: i32, undo: usize, byCols: i32): void {
  const count = byCols ? k : n;
  for (let t = 0; t < count; t++) store<f64>(undo + (<usize>t << 3), 0);
  for (let i = 0; i < n; i++) {
    const s = src + ((<usize>i * k) << 3);
    if (byCols) {
      for (let j = 0; j < k; j++) {
        const u = undo + (<usize>j << 3);
        store<f64>(u, Math.max(load<f64>(u), Math.abs(load<f64>(s + (<usize>j << 3)))));
      }
    } else {
      let m: f64 = 0;
      for (let j = 0; j < k; j++) m = Math.max(m, Math.abs(load<f64>(s + (<usize>j << 3))));
      store<f64>(undo + (<usize>i << 3), m);
    }
  }
  // undo holds the maxima; turn them into 2^e and keep 2^-e for the conversion.
  for (let t = 0; t < count; t++) {
    const u = undo + (<usize>t << 3);
    store<f64>(u, pow2(exponentOf(load<f64>(u))));
  }
  for (let i = 0; i < n; i++) {
    const s = src + ((<usize>i * k) << 3);
    const d = dst + ((<usize>i * kp) << 2);
    if (byCols) {
      for (let j = 0; j < k; j++) store<f32>(d + (<usize>j << 2), <f32>(load<f64>(s + (<usize>j << 3)) / load<f64>(undo + (<usize>j << 3))));
    } else {
      const down = 1 / load<f64>(undo + (<usize>i << 3));
      for (let j = 0; j < k; j++) store<f32>(d + (<usize>j << 2), <f32>(load<f64>(s + (<usize>j << 3)) * down));
    }
    for (let j = k; j < kp; j++) store<f32>(d + (<usize>j << 2), 0);
  }
}

// ---------------------------------------------------------------------------------------------
// The product.

/** a·b + c, fused when the engine offers relaxed SIMD (the relaxed build), else multiply then add. */
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

// @ts-ignore: decorator
@inline function colMul(cm: usize, j: i32): f64 {
  return cm == 0 ? 1.0 : load<f64>(cm + (<usize>j << 3));
}

// @ts-ignore: decorator
@inline function put(c: usize, j: i32, m: i32, v: v128, r: f64, cm: usize): void {
  if (j < m) store<f64>(c + (<usize>j << 3), <f64>f32x4.extract_lane(v, 0) * r * colMul(cm, j));
  if (j + 1 < m) store<f64>(c + (<usize>(j + 1) << 3), <f64>f32x4.extract_lane(v, 1) * r * colMul(cm, j + 1));
  if (j + 2 < m) store<f64>(c + (<usize>(j + 2) << 3), <f64>f32x4.extract_lane(v, 2) * r * colMul(cm, j + 2));
  if (j + 3 < m) store<f64>(c + (<usize>(j + 3) << 3), <f64>f32x4.extract_lane(v, 3) * r * colMul(cm, j + 3));
}

/**
 * C (f64, n×m) = scaled (A · B): C_ij = (Σ_p A_ip B_pj) · rowMul_i · colMul_j · k.
 * A (f32) is addressed with strides: A_ip at A + 4·(i·rs + p·cs), so A may be a transposed view
 * (rs = 1, cs = row length). B (f32) is K×mp row-major, mp a multiple of 4 with zero padding.
 * rowMul is f64[n]; colMul is f64[m] or 0 (all ones).
 * Outer-product form: a 4×8 block of C lives in eight f32x4 registers; each step p broadcasts four
 * entries of A and loads two vectors of B's row p.
 */
export function mm(A: usize, rs: i32, cs: i32, B: usize, mp: i32, C: usize, n: i32, K: i32, m: i32, rowMul: usize, cm: usize, k: f64): void {
  const aStep = <usize>cs << 2;
  const bRow = <usize>mp << 2;
  const aEnd = <usize>K * aStep;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a0 = A + ((<usize>i * rs) << 2);
    const a1 = a0 + (<usize>rs << 2);
    const a2 = a1 + (<usize>rs << 2);
    const a3 = a2 + (<usize>rs << 2);
    const r0 = load<f64>(rowMul + (<usize>i << 3)) * k;
    const r1 = load<f64>(rowMul + (<usize>(i + 1) << 3)) * k;
    const r2 = load<f64>(rowMul + (<usize>(i + 2) << 3)) * k;
    const r3 = load<f64>(rowMul + (<usize>(i + 3) << 3)) * k;
    const c0 = C + ((<usize>i * m) << 3);
    const c1 = c0 + (<usize>m << 3);
    const c2 = c1 + (<usize>m << 3);
    const c3 = c2 + (<usize>m << 3);
    let j = 0;
    for (; j + 8 <= mp; j += 8) {
      let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s10 = f32x4.splat(0), s11 = f32x4.splat(0);
      let s20 = f32x4.splat(0), s21 = f32x4.splat(0), s30 = f32x4.splat(0), s31 = f32x4.splat(0);
      let b = B + (<usize>j << 2);
      for (let p: usize = 0; p < aEnd; p += aStep) {
        const x0 = v128.load(b);
        const x1 = v128.load(b, 16);
        b += bRow;
        let y = v128.load32_splat(a0 + p);
        s00 = madd(y, x0, s00);
        s01 = madd(y, x1, s01);
        y = v128.load32_splat(a1 + p);
        s10 = madd(y, x0, s10);
        s11 = madd(y, x1, s11);
        y = v128.load32_splat(a2 + p);
        s20 = madd(y, x0, s20);
        s21 = madd(y, x1, s21);
        y = v128.load32_splat(a3 + p);
        s30 = madd(y, x0, s30);
        s31 = madd(y, x1, s31);
      }
      put(c0, j, m, s00, r0, cm);
      put(c0, j + 4, m, s01, r0, cm);
      put(c1, j, m, s10, r1, cm);
      put(c1, j + 4, m, s11, r1, cm);
      put(c2, j, m, s20, r2, cm);
      put(c2, j + 4, m, s21, r2, cm);
      put(c3, j, m, s30, r3, cm);
      put(c3, j + 4, m, s31, r3, cm);
    }
    for (; j < mp; j += 4) {
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      let b = B + (<usize>j << 2);
      for (let p: usize = 0; p < aEnd; p += aStep) {
        const x = v128.load(b);
        b += bRow;
        s0 = madd(v128.load32_splat(a0 + p), x, s0);
        s1 = madd(v128.load32_splat(a1 + p), x, s1);
        s2 = madd(v128.load32_splat(a2 + p), x, s2);
        s3 = madd(v128.load32_splat(a3 + p), x, s3);
      }
      put(c0, j, m, s0, r0, cm);
      put(c1, j, m, s1, r1, cm);
      put(c2, j, m, s2, r2, cm);
      put(c3, j, m, s3, r3, cm);
    }
  }
  for (; i < n; i++) {
    const a0 = A + ((<usize>i * rs) << 2);
    const r0 = load<f64>(rowMul + (<usize>i << 3)) * k;
    const c0 = C + ((<usize>i * m) << 3);
    for (let j = 0; j < mp; j += 4) {
      let s0 = f32x4.splat(0);
      let b = B + (<usize>j << 2);
      for (let p: usize = 0; p < aEnd; p += aStep) {
        s0 = madd(v128.load32_splat(a0 + p), v128.load(b), s0);
        b += bRow;
      }
      put(c0, j, m, s0, r0, cm);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Element-wise steps in f64, written exactly as in src/lib/nn/flatMlp.ts.

/** BatchNorm in training mode, in place on Z (n×fo): batch mean, biased variance, γ = 1, β = 0. */
export function batchNormForward(Z: usize, n: i32, fo: i32, invStd: usize, eps: f64): void {
  for (let j = 0; j < fo; j++) {
    let mu: f64 = 0;
    for (let i = 0; i < n; i++) mu += load<f64>(Z + ((<usize>i * fo + j) << 3));
    mu /= n;
    let v: f64 = 0;
    for (let i = 0; i < n; i++) {
      const d = load<f64>(Z + ((<usize>i * fo + j) << 3)) - mu;
      v += d * d;
    }
    const is = 1 / Math.sqrt(v / n + eps);
    store<f64>(invStd + (<usize>j << 3), is);
    for (let i = 0; i < n; i++) {
      const q = Z + ((<usize>i * fo + j) << 3);
      store<f64>(q, (load<f64>(q) - mu) * is);
    }
  }
}

/** H = φ(U), D = φ′(U) for len entries; act 0 sigmoid, 1 tanh, 2 ReLU, 3 leaky ReLU (slope `leak`). */
export function activate(U: usize, H: usize, D: usize, len: i32, act: i32, leak: f64): void {
  for (let q = 0; q < len; q++) {
    const o = <usize>q << 3;
    const z = load<f64>(U + o);
    let h: f64;
    let d: f64;
    if (act == 0) {
      const e = Math.exp(-Math.abs(z)); // = exp(z) for z < 0, as flatMlp's stable form
      h = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      d = h * (1 - h);
    } else if (act == 1) {
      // tanh(|z|) = −expm1(−2|z|) / (2 + expm1(−2|z|)): one expm1, accurate near 0 as well
      const e = Math.expm1(-2 * Math.abs(z));
      const t = -e / (2 + e);
      h = z < 0 ? -t : t;
      d = 1 - h * h;
    } else if (act == 2) {
      h = z > 0 ? z : 0;
      d = z > 0 ? 1 : 0;
    } else {
      h = z > 0 ? z : leak * z;
      d = z > 0 ? 1 : leak;
    }
    store<f64>(H + o, h);
    store<f64>(D + o, d);
  }
}

/** dst += src over len f64 entries. */
export function addInto(dst: usize, src: usize, len: i32): void {
  for (let q = 0; q < len; q++) {
    const o = <usize>q << 3;
    store<f64>(dst + o, load<f64>(dst + o) + load<f64>(src + o));
  }
}

/** delta = (out − Y)·scale; returns Σ (out − Y)². */
export function outputDelta(out: usize, Y: usize, delta: usize, len: i32, scale: f64): f64 {
  let loss: f64 = 0;
  for (let q = 0; q < len; q++) {
    const o = <usize>q << 3;
    const r = load<f64>(out + o) - load<f64>(Y + o);
    loss += r * r;
    store<f64>(delta + o, r * scale);
  }
  return loss;
}

/** Σ v² over len f64 entries. */
export function sumSquares(p: usize, len: i32): f64 {
  let s: f64 = 0;
  for (let q = 0; q < len; q++) {
    const v = load<f64>(p + (<usize>q << 3));
    s += v * v;
  }
  return s;
}

/**
 * δ_{l−1} = BN′(G ⊙ φ′(U)) into dPrev (n×fi); BatchNorm's backward pass when invStd ≠ 0:
 * δ = (g − mean_i g − Û ⊙ mean_i(g ⊙ Û)) / √(σ² + ε).
 */
export function hiddenDelta(G: usize, D: usize, U: usize, dPrev: usize, n: i32, fi: i32, invStd: usize): void {
  const len = n * fi;
  for (let q = 0; q < len; q++) {
    const o = <usize>q << 3;
    store<f64>(dPrev + o, load<f64>(G + o) * load<f64>(D + o));
  }
  if (invStd == 0) return;
  for (let j = 0; j < fi; j++) {
    let mg: f64 = 0;
    let mgu: f64 = 0;
    for (let i = 0; i < n; i++) {
      const o = (<usize>i * fi + j) << 3;
      const g = load<f64>(dPrev + o);
      mg += g;
      mgu += g * load<f64>(U + o);
    }
    mg /= n;
    mgu /= n;
    const is = load<f64>(invStd + (<usize>j << 3));
    for (let i = 0; i < n; i++) {
      const o = (<usize>i * fi + j) << 3;
      store<f64>(dPrev + o, (load<f64>(dPrev + o) - mg - load<f64>(U + o) * mgu) * is);
    }
  }
}
