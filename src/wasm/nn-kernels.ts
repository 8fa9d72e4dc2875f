/**
 * AssemblyScript (compiled by scripts/build-wasm.mjs to WebAssembly with 128-bit SIMD): the kernels
 * behind src/lib/nn/fastProbe.ts, the vanishing-gradient figure's fast path. This is not TypeScript:
 * `usize`, `f32x4`, `v128`, `load`/`store` are AssemblyScript built-ins.
 *
 * Memory is laid out by the TypeScript side; every argument named like a matrix is a byte offset.
 * Matrices are row-major. f64 matrices have stride = their column count; the f32 matrices a product
 * reads as vectors (its B operand) have a padded stride (a multiple of 4, padding zero) so the SIMD
 * loops need no tail.
 *
 * Precision: the products run in f32 (4 lanes per instruction), everything else in f64. Each f32
 * operand matrix is scaled by a power of two (see toF32) before rounding, and
 * the scale is multiplied back into the f64 result, so the f32 range (≈ 1e±38) never limits the
 * values: a 50-layer ReLU net with N(0, 1) weights reaches activations near 1e75, which f64 holds and
 * f32 alone would not.
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

/** max(acc, |v|) over the f64 entries p[0…len), two lanes at a time (NaN propagates). */
function maxAbs(p: usize, len: i32, acc: f64): f64 {
  let v = f64x2.splat(acc);
  let j = 0;
  for (; j + 2 <= len; j += 2) v = f64x2.max(v, f64x2.abs(v128.load(p + (<usize>j << 3))));
  let m = Math.max(f64x2.extract_lane(v, 0), f64x2.extract_lane(v, 1));
  for (; j < len; j++) m = Math.max(m, Math.abs(load<f64>(p + (<usize>j << 3))));
  return m;
}

/**
 * src (f64, n×k) → dst (f32, n×kp, zero padding), every entry multiplied by 2^-e so the largest |entry|
 * of the matrix lies in [1, 2). Returns 2^e, the factor that restores the values. Entries below
 * 2^-126 of the largest lose bits (f32 subnormals), far below what a Frobenius norm can show.
 */
export function toF32(src: usize, dst: usize, n: i32, k: i32, kp: i32): f64 {
  const e = exponentOf(maxAbs(src, n * k, 0));
  const down = f64x2.splat(pow2(-e));
  for (let i = 0; i < n; i++) {
    const s = src + ((<usize>i * k) << 3);
    const d = dst + ((<usize>i * kp) << 2);
    let j = 0;
    for (; j + 2 <= k; j += 2) {
      v128.store64_lane(d + (<usize>j << 2), f32x4.demote_f64x2_zero(f64x2.mul(v128.load(s + (<usize>j << 3)), down)), 0);
    }
    for (; j < k; j++) store<f32>(d + (<usize>j << 2), <f32>(load<f64>(s + (<usize>j << 3)) * f64x2.extract_lane(down, 0)));
    for (; j < kp; j++) store<f32>(d + (<usize>j << 2), 0);
  }
  return pow2(e);
}

// ---------------------------------------------------------------------------------------------
// The product.

/** a·b + c, fused when the engine offers relaxed SIMD (the relaxed build), else multiply then add. */
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** C[j…j+3] = lanes of v · k, for the columns below m (the rest is padding). */
// @ts-ignore: decorator
@inline function put(c: usize, j: i32, m: i32, v: v128, k: f64): void {
  if (j < m) store<f64>(c + (<usize>j << 3), <f64>f32x4.extract_lane(v, 0) * k);
  if (j + 1 < m) store<f64>(c + (<usize>(j + 1) << 3), <f64>f32x4.extract_lane(v, 1) * k);
  if (j + 2 < m) store<f64>(c + (<usize>(j + 2) << 3), <f64>f32x4.extract_lane(v, 2) * k);
  if (j + 3 < m) store<f64>(c + (<usize>(j + 3) << 3), <f64>f32x4.extract_lane(v, 3) * k);
}

/**
 * C (f64, n×m) = k · (A · B): C_ij = k · Σ_p A_ip B_pj.
 * A (f32) is addressed with strides: A_ip at A + 4·(i·rs + p·cs), so A may be a transposed view
 * (rs = 1, cs = row length). B (f32) is K×mp row-major, mp a multiple of 4 with zero padding.
 * Outer-product form: a 4×8 block of C lives in eight f32x4 registers; each step p broadcasts four
 * entries of A and loads two vectors of B's row p.
 */
export function mm(A: usize, rs: i32, cs: i32, B: usize, mp: i32, C: usize, n: i32, K: i32, m: i32, k: f64): void {
  const aStep = <usize>cs << 2;
  const bRow = <usize>mp << 2;
  const aEnd = <usize>K * aStep;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a0 = A + ((<usize>i * rs) << 2);
    const a1 = a0 + (<usize>rs << 2);
    const a2 = a1 + (<usize>rs << 2);
    const a3 = a2 + (<usize>rs << 2);
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
      put(c0, j, m, s00, k);
      put(c0, j + 4, m, s01, k);
      put(c1, j, m, s10, k);
      put(c1, j + 4, m, s11, k);
      put(c2, j, m, s20, k);
      put(c2, j + 4, m, s21, k);
      put(c3, j, m, s30, k);
      put(c3, j + 4, m, s31, k);
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
      put(c0, j, m, s0, k);
      put(c1, j, m, s1, k);
      put(c2, j, m, s2, k);
      put(c3, j, m, s3, k);
    }
  }
  for (; i < n; i++) {
    const a0 = A + ((<usize>i * rs) << 2);
    const c0 = C + ((<usize>i * m) << 3);
    for (let j = 0; j < mp; j += 4) {
      let s0 = f32x4.splat(0);
      let b = B + (<usize>j << 2);
      for (let p: usize = 0; p < aEnd; p += aStep) {
        s0 = madd(v128.load32_splat(a0 + p), v128.load(b), s0);
        b += bRow;
      }
      put(c0, j, m, s0, k);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Element-wise steps in f64, written exactly as in src/lib/nn/flatMlp.ts.

/**
 * BatchNorm in training mode, in place on Z (n×fo): batch mean, biased variance, γ = 1, β = 0.
 * Column statistics are accumulated row by row (two columns per lane pair), each column still summed
 * over i in order. `mu` is scratch of fo entries.
 */
export function batchNormForward(Z: usize, n: i32, fo: i32, invStd: usize, eps: f64, mu: usize): void {
  const rowBytes = <usize>fo << 3;
  const nf = <f64>n;
  fill(mu, fo, 0);
  fill(invStd, fo, 0);
  for (let i = 0; i < n; i++) addRow(mu, Z + <usize>i * rowBytes, fo);
  for (let j = 0; j < fo; j++) store<f64>(mu + (<usize>j << 3), load<f64>(mu + (<usize>j << 3)) / nf);
  // invStd first holds Σ (z − μ)².
  for (let i = 0; i < n; i++) {
    const z = Z + <usize>i * rowBytes;
    let j = 0;
    for (; j + 2 <= fo; j += 2) {
      const o = <usize>j << 3;
      const d = f64x2.sub(v128.load(z + o), v128.load(mu + o));
      v128.store(invStd + o, f64x2.add(v128.load(invStd + o), f64x2.mul(d, d)));
    }
    for (; j < fo; j++) {
      const o = <usize>j << 3;
      const d = load<f64>(z + o) - load<f64>(mu + o);
      store<f64>(invStd + o, load<f64>(invStd + o) + d * d);
    }
  }
  for (let j = 0; j < fo; j++) {
    const o = <usize>j << 3;
    store<f64>(invStd + o, 1 / Math.sqrt(load<f64>(invStd + o) / nf + eps));
  }
  for (let i = 0; i < n; i++) {
    const z = Z + <usize>i * rowBytes;
    let j = 0;
    for (; j + 2 <= fo; j += 2) {
      const o = <usize>j << 3;
      v128.store(z + o, f64x2.mul(f64x2.sub(v128.load(z + o), v128.load(mu + o)), v128.load(invStd + o)));
    }
    for (; j < fo; j++) {
      const o = <usize>j << 3;
      store<f64>(z + o, (load<f64>(z + o) - load<f64>(mu + o)) * load<f64>(invStd + o));
    }
  }
}

function fill(p: usize, len: i32, v: f64): void {
  for (let j = 0; j < len; j++) store<f64>(p + (<usize>j << 3), v);
}

/** acc[0…len) += row[0…len). */
function addRow(acc: usize, row: usize, len: i32): void {
  let j = 0;
  for (; j + 2 <= len; j += 2) {
    const o = <usize>j << 3;
    v128.store(acc + o, f64x2.add(v128.load(acc + o), v128.load(row + o)));
  }
  for (; j < len; j++) {
    const o = <usize>j << 3;
    store<f64>(acc + o, load<f64>(acc + o) + load<f64>(row + o));
  }
}

/** H = φ(U), D = φ′(U) for len entries; act 0 sigmoid, 1 tanh, 2 ReLU, 3 leaky ReLU (slope `leak`). */
export function activate(U: usize, H: usize, D: usize, len: i32, act: i32, leak: f64): void {
  if (act >= 2) {
    // ReLU / leaky ReLU, two at a time: φ′ = 1 where z > 0, else the left slope (0 for ReLU).
    const left = f64x2.splat(act == 2 ? 0 : leak);
    const one = f64x2.splat(1);
    let q = 0;
    for (; q + 2 <= len; q += 2) {
      const o = <usize>q << 3;
      const z = v128.load(U + o);
      const pos = f64x2.gt(z, f64x2.splat(0));
      v128.store(D + o, v128.bitselect(one, left, pos));
      // ReLU writes +0 (not z·0, which is −0 for z < 0 and NaN for −∞), as flatMlp does.
      v128.store(H + o, v128.bitselect(z, act == 2 ? f64x2.splat(0) : f64x2.mul(z, left), pos));
    }
    for (; q < len; q++) {
      const o = <usize>q << 3;
      const z = load<f64>(U + o);
      const l: f64 = act == 2 ? 0 : leak;
      store<f64>(D + o, z > 0 ? 1 : l);
      store<f64>(H + o, z > 0 ? z : act == 2 ? 0 : l * z);
    }
    return;
  }
  // Sigmoid and tanh, two at a time, from e = exp(−|z|) (sigmoid) or exp(−2|z|) (tanh), the stable forms.
  const one = f64x2.splat(1);
  const zero = f64x2.splat(0);
  const signBit = i64x2.splat(0x8000000000000000);
  let q = 0;
  for (; q + 2 <= len; q += 2) {
    const o = <usize>q << 3;
    const z = v128.load(U + o);
    const a = f64x2.abs(z);
    let h: v128;
    if (act == 0) {
      const e = expNonPositive(f64x2.neg(a));
      // σ(z) = 1/(1+e) for z ≥ 0, e/(1+e) for z < 0
      h = f64x2.div(v128.bitselect(one, e, f64x2.ge(z, zero)), f64x2.add(one, e));
      v128.store(D + o, f64x2.mul(h, f64x2.sub(one, h)));
    } else {
      const e = expNonPositive(f64x2.mul(a, f64x2.splat(-2)));
      // tanh|z| = (1 − e)/(1 + e), with z's sign; below |z| = 1/16 the odd Taylor series (rel. error < 1e-14)
      const t = v128.or(f64x2.div(f64x2.sub(one, e), f64x2.add(one, e)), v128.and(z, signBit));
      const z2 = f64x2.mul(z, z);
      let s = f64x2.splat(62.0 / 2835.0);
      s = f64x2.add(f64x2.splat(-17.0 / 315.0), f64x2.mul(z2, s));
      s = f64x2.add(f64x2.splat(2.0 / 15.0), f64x2.mul(z2, s));
      s = f64x2.add(f64x2.splat(-1.0 / 3.0), f64x2.mul(z2, s));
      const small = f64x2.mul(z, f64x2.add(one, f64x2.mul(z2, s)));
      h = v128.bitselect(small, t, f64x2.lt(a, f64x2.splat(0.0625)));
      v128.store(D + o, f64x2.sub(one, f64x2.mul(h, h)));
    }
    v128.store(H + o, h);
  }
  for (; q < len; q++) {
    const o = <usize>q << 3;
    const z = load<f64>(U + o);
    let h: f64;
    if (act == 0) {
      const e = Math.exp(-Math.abs(z));
      h = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    } else {
      h = Math.tanh(z);
    }
    store<f64>(H + o, h);
    store<f64>(D + o, act == 0 ? h * (1 - h) : 1 - h * h);
  }
}

/**
 * exp(x) for x ≤ 0 (and NaN), two lanes: x = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite split of ln2),
 * exp(r) by its Taylor polynomial to degree 12 (truncation < 2e-16), times 2^k built as 2^⌊k/2⌋·2^⌈k/2⌉
 * so results below 2^-1022 come out subnormal and below 2^-1075 zero.
 */
// @ts-ignore: decorator
@inline function expNonPositive(x0: v128): v128 {
  const x = f64x2.pmax(x0, f64x2.splat(-746)); // exp(−746) = 0 in f64; NaN stays NaN
  const k = f64x2.nearest(f64x2.mul(x, f64x2.splat(1.4426950408889634)));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(k, f64x2.splat(6.93147180369123816490e-1))), f64x2.mul(k, f64x2.splat(1.90821492927058770002e-10)));
  // Σ_{j≤12} r^j/j! by Estrin's scheme (a shallow dependency chain, so consecutive pairs overlap).
  const r2 = f64x2.mul(r, r);
  const r4 = f64x2.mul(r2, r2);
  const r8 = f64x2.mul(r4, r4);
  const q0 = f64x2.add(f64x2.splat(1.0), r);
  const q1 = f64x2.add(f64x2.splat(1.0 / 2.0), f64x2.mul(r, f64x2.splat(1.0 / 6.0)));
  const q2 = f64x2.add(f64x2.splat(1.0 / 24.0), f64x2.mul(r, f64x2.splat(1.0 / 120.0)));
  const q3 = f64x2.add(f64x2.splat(1.0 / 720.0), f64x2.mul(r, f64x2.splat(1.0 / 5040.0)));
  const q4 = f64x2.add(f64x2.splat(1.0 / 40320.0), f64x2.mul(r, f64x2.splat(1.0 / 362880.0)));
  const q5 = f64x2.add(f64x2.splat(1.0 / 3628800.0), f64x2.mul(r, f64x2.splat(1.0 / 39916800.0)));
  const s0 = f64x2.add(q0, f64x2.mul(r2, q1));
  const s1 = f64x2.add(q2, f64x2.mul(r2, q3));
  const s2 = f64x2.add(q4, f64x2.mul(r2, q5));
  const t0 = f64x2.add(s0, f64x2.mul(r4, s1));
  const t1 = f64x2.add(s2, f64x2.mul(r4, f64x2.splat(1.0 / 479001600.0)));
  const p = f64x2.add(t0, f64x2.mul(r8, t1));
  // Exponent arithmetic in i32 lanes (x86 has no 64-bit arithmetic shift before AVX-512).
  const ki = i32x4.trunc_sat_f64x2_s_zero(k);
  const k1 = i32x4.shr_s(ki, 1);
  const bias = i32x4.splat(1023);
  const p1 = i64x2.shl(i64x2.extend_low_i32x4_s(i32x4.add(k1, bias)), 52);
  const p2 = i64x2.shl(i64x2.extend_low_i32x4_s(i32x4.add(i32x4.sub(ki, k1), bias)), 52);
  return f64x2.mul(f64x2.mul(p, p1), p2);
}

/** dst += src over len f64 entries. */
export function addInto(dst: usize, src: usize, len: i32): void {
  addRow(dst, src, len);
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
  let acc = f64x2.splat(0);
  let q = 0;
  for (; q + 2 <= len; q += 2) {
    const v = v128.load(p + (<usize>q << 3));
    acc = f64x2.add(acc, f64x2.mul(v, v));
  }
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; q < len; q++) {
    const v = load<f64>(p + (<usize>q << 3));
    s += v * v;
  }
  return s;
}

/**
 * δ_{l−1} = BN′(G ⊙ φ′(U)) into dPrev (n×fi); BatchNorm's backward pass when invStd ≠ 0:
 * δ = (g − mean_i g − Û ⊙ mean_i(g ⊙ Û)) / √(σ² + ε). `tmp` is scratch of 2·fi entries.
 */
export function hiddenDelta(G: usize, D: usize, U: usize, dPrev: usize, n: i32, fi: i32, invStd: usize, tmp: usize): void {
  const len = n * fi;
  let q = 0;
  for (; q + 2 <= len; q += 2) {
    const o = <usize>q << 3;
    v128.store(dPrev + o, f64x2.mul(v128.load(G + o), v128.load(D + o)));
  }
  for (; q < len; q++) {
    const o = <usize>q << 3;
    store<f64>(dPrev + o, load<f64>(G + o) * load<f64>(D + o));
  }
  if (invStd == 0) return;
  const mg = tmp;
  const mgu = tmp + (<usize>fi << 3);
  const rowBytes = <usize>fi << 3;
  fill(mg, 2 * fi, 0);
  for (let i = 0; i < n; i++) {
    const g = dPrev + <usize>i * rowBytes;
    const u = U + <usize>i * rowBytes;
    let j = 0;
    for (; j + 2 <= fi; j += 2) {
      const o = <usize>j << 3;
      const gv = v128.load(g + o);
      v128.store(mg + o, f64x2.add(v128.load(mg + o), gv));
      v128.store(mgu + o, f64x2.add(v128.load(mgu + o), f64x2.mul(gv, v128.load(u + o))));
    }
    for (; j < fi; j++) {
      const o = <usize>j << 3;
      const gv = load<f64>(g + o);
      store<f64>(mg + o, load<f64>(mg + o) + gv);
      store<f64>(mgu + o, load<f64>(mgu + o) + gv * load<f64>(u + o));
    }
  }
  for (let j = 0; j < 2 * fi; j++) store<f64>(tmp + (<usize>j << 3), load<f64>(tmp + (<usize>j << 3)) / <f64>n);
  for (let i = 0; i < n; i++) {
    const g = dPrev + <usize>i * rowBytes;
    const u = U + <usize>i * rowBytes;
    let j = 0;
    for (; j + 2 <= fi; j += 2) {
      const o = <usize>j << 3;
      const v = f64x2.sub(f64x2.sub(v128.load(g + o), v128.load(mg + o)), f64x2.mul(v128.load(u + o), v128.load(mgu + o)));
      v128.store(g + o, f64x2.mul(v, v128.load(invStd + o)));
    }
    for (; j < fi; j++) {
      const o = <usize>j << 3;
      store<f64>(g + o, (load<f64>(g + o) - load<f64>(mg + o) - load<f64>(u + o) * load<f64>(mgu + o)) * load<f64>(invStd + o));
    }
  }
}

/**
 * Saturation statistics of len pre-activations: counts[b] += how many fall in bin b of `bins` equal
 * bins from lo (b = ⌊(u − lo)·binScale⌋; values beyond either end, ±∞ and NaN go to the end bins:
 * the last for u > 0, else the first); out[0] = #(|u| > threshold), out[1] = #(u ≤ 0).
 */
export function preActStats(U: usize, len: i32, lo: f64, binScale: f64, bins: i32, threshold: f64, counts: usize, out: usize): void {
  let sat = 0;
  let off = 0;
  const last = bins - 1;
  for (let q = 0; q < len; q++) {
    const u = load<f64>(U + (<usize>q << 3));
    if (u > threshold || u < -threshold) sat++;
    if (u <= 0) off++;
    const b = Math.floor((u - lo) * binScale);
    const k = b >= 0 && b < <f64>bins ? <i32>b : u > 0 ? last : 0;
    const c = counts + (<usize>k << 3);
    store<f64>(c, load<f64>(c) + 1);
  }
  store<f64>(out, <f64>sat);
  store<f64>(out + 8, <f64>off);
}
