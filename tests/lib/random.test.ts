import { describe, expect, it } from 'vitest';
import { bootstrapIndices, createRng, fork, mixSeed, randomInt, sampleIndices, shuffle } from '../../src/lib/random';

describe('random', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = createRng(7), b = createRng(7), c = createRng(8);
    const sa = [a(), a(), a()], sb = [b(), b(), b()], sc = [c(), c(), c()];
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });
  it('forks reproducible child streams', () => {
    const p1 = createRng(3), p2 = createRng(3);
    expect(fork(p1)()).toBe(fork(p2)());
  });
  it('forks do not replay the parent or each other (the d3 LCG pitfall)', () => {
    const parent = createRng(5);
    const a = fork(parent), b = fork(parent);
    const sa = Array.from({ length: 50 }, () => a()), sb = Array.from({ length: 50 }, () => b());
    const shared = sa.filter((v) => sb.includes(v)).length;
    expect(shared).toBe(0);
    const ref = createRng(5);
    const parentSeq = Array.from({ length: 200 }, () => ref());
    expect(sa.filter((v) => parentSeq.includes(v)).length).toBe(0);
  });
  it('neighbouring seeds give unrelated first draws', () => {
    const firsts = Array.from({ length: 200 }, (_, s) => createRng(s + 1)());
    const diffs = firsts.slice(1).map((v, i) => Math.abs(v - firsts[i]!));
    // For independent uniforms the mean |difference| is 1/3; the raw LCG gives ≈ 0.0004.
    expect(Math.abs(diffs.reduce((s, d) => s + d, 0) / diffs.length - 1 / 3)).toBeLessThan(0.06);
  });
  it('mixSeed gives distinct positive integer seeds per stream', () => {
    const seeds = new Set(Array.from({ length: 100 }, (_, k) => mixSeed(7, k)));
    expect(seeds.size).toBe(100);
    for (const s of seeds) expect(Number.isInteger(s) && s > 0).toBe(true);
  });
  it('randomInt stays in range and rejects bad n', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const k = randomInt(rng, 5);
      expect(k >= 0 && k < 5 && Number.isInteger(k)).toBe(true);
    }
    expect(() => randomInt(rng, 0)).toThrow(RangeError);
  });
  it('shuffle is a permutation; sampleIndices are distinct', () => {
    const rng = createRng(2);
    expect(shuffle([1, 2, 3, 4, 5], rng).sort()).toEqual([1, 2, 3, 4, 5]);
    const s = sampleIndices(10, 4, rng);
    expect(new Set(s).size).toBe(4);
    expect(() => sampleIndices(3, 4, rng)).toThrow(RangeError);
  });
  it('a bootstrap sample holds about 1 − 1/e unique indices (±0.02 over 200 × 500 draws)', () => {
    const rng = createRng(11);
    let total = 0;
    for (let r = 0; r < 200; r++) total += new Set(bootstrapIndices(500, rng)).size / 500;
    expect(Math.abs(total / 200 - (1 - Math.exp(-1)))).toBeLessThan(0.02);
  });
});
