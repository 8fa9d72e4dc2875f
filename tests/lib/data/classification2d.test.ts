import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeClassification2d, type Classification2dShape } from '../../../src/lib/data/classification2d';
import fixture from '../../fixtures/trees.json';
import { expectClose } from '../../helpers/expectClose';

const SHAPES: Classification2dShape[] = ['moons', 'circles', 'xor', 'blobs', 'spirals'];

describe('makeClassification2d against scikit-learn (noise-free, unshuffled)', () => {
  it('moons equal make_moons(noise=0, shuffle=False)', () => {
    const ref = fixture.datasets.moons;
    const d = makeClassification2d({ shape: 'moons', n: ref.n, noise: 0, shuffle: false });
    expectClose(d.X, ref.X, { abs: 1e-11 }); // fixture rounded to 12 significant digits
    expect(d.y).toEqual(ref.y);
  });

  it('circles equal make_circles(noise=0, factor=0.5, shuffle=False)', () => {
    const ref = fixture.datasets.circles;
    const d = makeClassification2d({ shape: 'circles', n: ref.n, noise: 0, factor: ref.factor, shuffle: false });
    expectClose(d.X, ref.X, { abs: 1e-11 }); // fixture rounded to 12 significant digits
    expect(d.y).toEqual(ref.y);
  });
});

describe('makeClassification2d (hand-derived)', () => {
  it('xor labels are 1 exactly when the signs differ (noise 0)', () => {
    const d = makeClassification2d({ shape: 'xor', n: 200, noise: 0, seed: 3 });
    d.X.forEach(([x, y], i) => {
      expect(d.y[i]).toBe(x! * y! < 0 ? 1 : 0);
      expect(Math.abs(x!) <= 1 && Math.abs(y!) <= 1).toBe(true);
    });
  });

  it('blobs sit at their centres with spread = noise; spirals lie on r = t', () => {
    const d = makeClassification2d({ shape: 'blobs', nClasses: 3, n: 3000, noise: 0.4, seed: 5, shuffle: false });
    for (let k = 0; k < 3; k++) {
      const pts = d.X.filter((_, i) => d.y[i] === k);
      expect(pts.length).toBe(1000);
      const cx = pts.reduce((s, p) => s + p[0]!, 0) / pts.length;
      const cy = pts.reduce((s, p) => s + p[1]!, 0) / pts.length;
      // Centres on a circle of radius 1.5 at angles 90° + 120°·k; mean of 1000 N(0, 0.4²): s.d. 0.013.
      const angle = Math.PI / 2 + (2 * Math.PI * k) / 3;
      expectClose([cx, cy], [1.5 * Math.cos(angle), 1.5 * Math.sin(angle)], { abs: 0.06 });
      const sd = Math.sqrt(pts.reduce((s, p) => s + (p[0]! - cx) ** 2, 0) / (pts.length - 1));
      expectClose(sd, 0.4, { rel: 0.1 });
    }
    const s = makeClassification2d({ shape: 'spirals', nClasses: 2, n: 40, noise: 0, shuffle: false });
    // Arm 0, point i: t = i/20, θ = 3πt; radius equals t.
    s.X.slice(0, 20).forEach(([x, y], i) => expectClose(Math.hypot(x!, y!), (i + 1) / 20, { abs: 1e-12 }));
    expectClose(s.X[19], [Math.cos(3 * Math.PI), Math.sin(3 * Math.PI)], { abs: 1e-12 });
  });

  it('appends pure-noise features and keeps classes balanced', () => {
    const d = makeClassification2d({ shape: 'spirals', nClasses: 3, n: 301, noise: 0.1, seed: 1, extraFeatures: 3 });
    expect(d.nClasses).toBe(3);
    for (const row of d.X) expect(row.length).toBe(5);
    expect([0, 1, 2].map((k) => d.y.filter((c) => c === k).length)).toEqual([101, 100, 100]);
    // Extra columns are N(0, 1): sample mean of 301 draws within 4 s.d. (4/√301 ≈ 0.23) of 0.
    for (let j = 2; j < 5; j++) expectClose(d.X.reduce((s, r) => s + r[j]!, 0) / d.X.length, 0, { abs: 0.23 });
  });

  it('is deterministic for a seed and shuffles rows by default', () => {
    const a = makeClassification2d({ shape: 'moons', n: 50, seed: 9 });
    const b = makeClassification2d({ shape: 'moons', n: 50, seed: 9 });
    const c = makeClassification2d({ shape: 'moons', n: 50, seed: 10 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    expect(a.y.slice(0, 25).every((v) => v === 0)).toBe(false);
  });

  it('throws RangeError on impossible options', () => {
    expect(() => makeClassification2d({ shape: 'moons', n: 0 })).toThrow(RangeError);
    expect(() => makeClassification2d({ shape: 'moons', noise: -1 })).toThrow(RangeError);
    expect(() => makeClassification2d({ shape: 'moons', nClasses: 3 })).toThrow(RangeError);
    expect(() => makeClassification2d({ shape: 'circles', factor: 1 })).toThrow(RangeError);
    expect(() => makeClassification2d({ shape: 'xor', extraFeatures: -1 })).toThrow(RangeError);
    expect(() => makeClassification2d({ shape: 'nope' as Classification2dShape })).toThrow(RangeError);
  });
});

describe('makeClassification2d properties (fast-check)', () => {
  it('every shape gives n finite rows of 2 + extra columns and labels in 0..K−1', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SHAPES),
        fc.integer({ min: 1, max: 120 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(2 as const, 3 as const),
        fc.integer({ min: 0, max: 1000 }),
        (shape, n, noise, extraFeatures, k, seed) => {
          const multi = shape === 'blobs' || shape === 'spirals';
          const d = makeClassification2d({ shape, n, noise, extraFeatures, seed, ...(multi ? { nClasses: k } : {}) });
          expect(d.X.length).toBe(n);
          expect(d.y.length).toBe(n);
          for (const row of d.X) {
            expect(row.length).toBe(2 + extraFeatures);
            for (const v of row) expect(Number.isFinite(v)).toBe(true);
          }
          for (const c of d.y) expect(Number.isInteger(c) && c >= 0 && c < d.nClasses).toBe(true);
        },
      ),
      { seed: 42, numRuns: 150 },
    );
  });
});
