/**
 * Seeded randomness for every algorithm in src/lib.
 *
 * Nothing in src/lib calls Math.random: a function that needs randomness takes an `rng` (a
 * `() => number` uniform on [0, 1)) or a `seed`, and derives sub-streams from it with {@link fork}
 * (d3-random's `.source()` idea), so a figure is reproducible from the seed in its URL.
 */
import { randomLcg, randomNormal } from 'd3-random';

/** A uniform generator on [0, 1). */
export type Rng = () => number;

/** MurmurHash3's 32-bit finaliser (fmix32): a bijection on 32-bit integers with full avalanche. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The 32-bit state d3's randomLcg would take from `seed` (a value in [0, 1) is read as state / 2³²). */
function lcgState(seed: number): number {
  return (0 <= seed && seed < 1 ? Math.floor(seed * 0x100000000) : Math.abs(seed)) | 0;
}

/**
 * Why the seed is hashed: d3's LCG uses the seed itself as its state, so neighbouring seeds (7, 8 —
 * what a "new sample" button produces) give first draws only mul/2³² ≈ 0.0004 apart, and a seed in
 * [0, 1) taken from another LCG's output continues that generator's own sequence. Hashing the state
 * (fmix32) starts each stream at an unrelated point of the 2³² cycle.
 */
function hashedLcg(state: number): Rng {
  return randomLcg((fmix32(state) >>> 1) + 1);
}

/**
 * The 32-bit LCG state that {@link createRng}(seed) starts from: for code that replays the same
 * stream elsewhere (the WebAssembly kernels of ./nn/fastProbe). Its n-th draw is
 * state ← (0x19660d·state + 0x3c6ef35f) mod 2³² read as an unsigned fraction of 2³².
 */
export function lcgSeedState(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  return ((fmix32(lcgState(seed)) >>> 1) + 1) | 0;
}

/**
 * A seeded uniform generator on [0, 1) (d3-random's linear congruential generator on a hashed seed).
 * @param seed any finite number; equal seeds give equal streams.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  return hashedLcg(lcgState(seed));
}

/** An independent child stream drawn from a parent generator (one per tree, per repeat, …). */
export function fork(rng: Rng): Rng {
  return hashedLcg(Math.floor(rng() * 0x100000000));
}

/** A seed for sub-stream `stream` of `seed` (e.g. data vs sampler of run r), independent across streams. */
export function mixSeed(seed: number, stream: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const h = Math.imul(lcgState(seed), 0x9e3779b1) ^ Math.imul((stream | 0) + 1, 0x85ebca6b);
  return (fmix32(h) >>> 1) + 1;
}

/** A normal sampler N(mu, sigma²) driven by `rng` (d3-random's Box–Muller variant). */
export function normalSampler(rng: Rng, mu = 0, sigma = 1): () => number {
  return randomNormal.source(rng)(mu, sigma);
}

/** An integer uniform on {0, …, n − 1}. */
export function randomInt(rng: Rng, n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`n must be a positive integer, got ${n}`);
  return Math.min(n - 1, Math.floor(rng() * n));
}

/** A new array with the elements of `values` in random order (Fisher–Yates). */
export function shuffle<T>(values: readonly T[], rng: Rng): T[] {
  const out = values.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}

/** `k` distinct indices from {0, …, n − 1}, in the order drawn (partial Fisher–Yates). */
export function sampleIndices(n: number, k: number, rng: Rng): number[] {
  if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`k must be an integer in [0, ${n}], got ${k}`);
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + randomInt(rng, n - i);
    const tmp = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = tmp;
  }
  return pool.slice(0, k);
}

/** `n` indices drawn from {0, …, n − 1} with replacement: one bootstrap sample. */
export function bootstrapIndices(n: number, rng: Rng): number[] {
  return Array.from({ length: n }, () => randomInt(rng, n));
}
