/**
 * The WebAssembly fast probe against the f64 reference (`backpropFlat` on `initFlatNet`'s network).
 *
 * Tolerances: the fast probe multiplies in f32 (relative rounding 2⁻²⁴ ≈ 6e-8 per operand). Where
 * the network is well conditioned its per-layer norms agree with the reference to 1e-3 (relative,
 * as |ln(fast/ref)|). In the chaotic regimes (tanh or sigmoid with large weights, deep BatchNorm
 * nets) a perturbation of 6e-8 grows through the layers, so the f64 reference itself moves when its
 * weights are perturbed that much; there the fast probe must stay within 3× the reference's own
 * spread under three such perturbations.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { relaxedSimd } from 'wasm-feature-detect';
import { createFastGradientProbe, initMultiplier } from '../../../src/lib/nn/fastProbe';
import { backpropFlat, createWorkspace, type FlatNet } from '../../../src/lib/nn/flatMlp';
import { makeProbeTask, type ProbeTask } from '../../../src/lib/nn/gradientNorms';
import { initFlatNet, type InitOptions } from '../../../src/lib/nn/mlp';
import { createRng } from '../../../src/lib/random';
import { ACTIVATIONS } from '../../../src/lib/nn/activations';

const WASM = readFileSync(new URL('../../../src/wasm/build/nn-kernels.wasm', import.meta.url));
const RELAXED = readFileSync(new URL('../../../src/wasm/build/nn-kernels.relaxed.wasm', import.meta.url));

function reference(options: InitOptions, task: ProbeTask, perturb?: (w: number, r: () => number) => number, seed = 0): number[] {
  const net: FlatNet = initFlatNet(options);
  if (perturb) {
    const r = createRng(seed);
    net.W.forEach((w, l) => {
      for (let q = 0; q < w.length; q++) w[q] = perturb(w[q]!, r);
      const fi = net.sizes[l]!;
      const fo = net.sizes[l + 1]!;
      for (let i = 0; i < fi; i++) for (let j = 0; j < fo; j++) net.Wt[l]![j * fi + i] = w[i * fo + j]!;
    });
  }
  const X = Float64Array.from(task.X.flat());
  const Y = Float64Array.from(task.Y.flat());
  return Array.from(backpropFlat(net, X, Y, createWorkspace(net, task.X.length), 'norms').gradWNorm);
}

const lnDev = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((v, i) => Math.abs(Math.log(v / b[i]!))));

/** Largest per-layer |ln| change of the reference when its weights move by ~2⁻²⁴ (three perturbations). */
function spread(options: InitOptions, task: ProbeTask, ref: number[]): number {
  const perturbations = [
    (w: number) => Math.fround(w),
    (w: number, r: () => number) => w * (1 + (2 * r() - 1) * 2 ** -24),
    (w: number, r: () => number) => w * (1 + (2 * r() - 1) * 2 ** -24),
  ];
  return Math.max(...perturbations.map((f, s) => lnDev(reference(options, task, f, s + 1), ref)));
}

const square = (width: number, depth: number, out = 1) => [width, ...new Array<number>(depth).fill(width), out];

describe('fast gradient probe (WebAssembly SIMD)', () => {
  const probe = createFastGradientProbe(WASM);

  it('agrees with the f64 reference to 1e-3 in well-conditioned 50 × 128 networks', () => {
    const task = makeProbeTask({ inputDim: 128, batchSize: 64, seed: 1 });
    const cases: Omit<InitOptions, 'sizes' | 'seed'>[] = [
      { activation: 'sigmoid', init: 'standard' },
      { activation: 'relu', init: 'he' },
      { activation: 'leakyRelu', init: 'he', residual: true },
      { activation: 'tanh', init: 'xavier' },
      { activation: 'sigmoid', init: 'xavier', batchNorm: true, residual: true },
      // ReLU with N(0, 1)·4 weights: activations near 1e100, far beyond f32's 3e38.
      { activation: 'relu', init: 'normal', scale: 4 },
    ];
    for (const c of cases) {
      const options = { ...c, sizes: square(128, 50), seed: 7 };
      const ref = reference(options, task);
      const fast = probe.norms(options, task).gradWNorm;
      expect(fast.every((v) => Number.isFinite(v) && v > 0), JSON.stringify(c)).toBe(true);
      expect(lnDev(fast, ref), JSON.stringify(c)).toBeLessThan(1e-3);
    }
    const huge = probe.norms({ activation: 'relu', init: 'normal', scale: 4, sizes: square(128, 50), seed: 7 }, task).gradWNorm;
    expect(Math.max(...huge)).toBeGreaterThan(1e60);
  });

  it('matches every activation × {plain, shortcut, BatchNorm, both} × init, within the reference’s own spread', () => {
    const task = makeProbeTask({ inputDim: 24, batchSize: 64, seed: 2 });
    let tight = 0;
    for (const activation of ACTIVATIONS) {
      for (const init of ['normal', 'standard', 'xavier', 'he'] as const) {
        for (const [residual, batchNorm] of [[false, false], [true, false], [false, true], [true, true]] as const) {
          const options: InitOptions = { sizes: square(24, 12), activation, init, residual, batchNorm, scale: 1.5, seed: 3 };
          const ref = reference(options, task);
          const s = spread(options, task, ref);
          const dev = lnDev(probe.norms(options, task).gradWNorm, ref);
          const label = `${activation} ${init} res=${residual} bn=${batchNorm}: dev ${dev.toExponential(2)}, spread ${s.toExponential(2)}`;
          expect(dev, label).toBeLessThanOrEqual(Math.max(1e-3, 3 * s));
          if (s < 1e-4) tight++;
        }
      }
    }
    // Most of the 64 settings are well conditioned, so the 1e-3 bound is what is being tested.
    expect(tight).toBeGreaterThan(40);
  });

  it('handles odd shapes: batch not a multiple of 4, widths not multiples of 8, several outputs', () => {
    const task = makeProbeTask({ inputDim: 5, outputDim: 3, batchSize: 7, seed: 4 });
    for (const activation of ACTIVATIONS) {
      const options: InitOptions = { sizes: [5, 13, 13, 9, 3], activation, init: 'xavier', residual: true, batchNorm: activation === 'tanh', seed: 5 };
      expect(lnDev(probe.norms(options, task).gradWNorm, reference(options, task)), activation).toBeLessThan(1e-3);
    }
  });

  it('reuses drawn weights correctly: a warm probe equals a fresh one after any sequence of changes', () => {
    const task = makeProbeTask({ inputDim: 16, batchSize: 64, seed: 1 });
    const warm = createFastGradientProbe(WASM);
    const steps: InitOptions[] = [
      { sizes: square(16, 10), activation: 'sigmoid', init: 'standard', seed: 1 },
      { sizes: square(16, 20), activation: 'sigmoid', init: 'standard', seed: 1 }, // deeper: prefix kept
      { sizes: square(16, 6), activation: 'relu', init: 'xavier', seed: 1 }, // shallower, same family
      { sizes: square(16, 6), activation: 'relu', init: 'he', seed: 1 }, // other family
      { sizes: square(16, 6), activation: 'relu', init: 'normal', scale: 2, seed: 2 }, // other seed
      { sizes: square(16, 9), activation: 'tanh', init: 'normal', batchNorm: true, seed: 2 },
      { sizes: square(16, 9), activation: 'tanh', init: 'normal', batchNorm: true, seed: 1 }, // back to seed 1
    ];
    for (const options of steps) {
      const a = warm.norms(options, task).gradWNorm;
      const b = createFastGradientProbe(WASM).norms(options, task).gradWNorm;
      expect(a, JSON.stringify(options)).toEqual(b);
      expect(lnDev(a, reference(options, task)), JSON.stringify(options)).toBeLessThan(1e-3);
    }
    // A new task object of another width is loaded, and a width change re-plans memory.
    const task32 = makeProbeTask({ inputDim: 32, batchSize: 64, seed: 1 });
    const o32: InitOptions = { sizes: square(32, 8), activation: 'relu', init: 'he', seed: 1 };
    expect(lnDev(warm.norms(o32, task32).gradWNorm, reference(o32, task32))).toBeLessThan(1e-3);
  });

  it('returns the loss and the pre-activations of every hidden layer', () => {
    const task = makeProbeTask({ inputDim: 8, batchSize: 16, seed: 1 });
    const options: InitOptions = { sizes: square(8, 3), activation: 'tanh', init: 'xavier', batchNorm: true, seed: 1 };
    const r = probe.norms(options, task);
    expect(r.preActivations).toHaveLength(3);
    for (const u of r.preActivations) {
      expect(u).toHaveLength(16 * 8);
      // With BatchNorm every unit's pre-activations have mean 0 and variance 1 − ε/(σ² + ε) ≈ 1.
      for (let j = 0; j < 8; j++) {
        let mean = 0;
        for (let i = 0; i < 16; i++) mean += u[i * 8 + j]! / 16;
        expect(Math.abs(mean)).toBeLessThan(1e-6);
      }
    }
    const net = initFlatNet(options);
    const ws = createWorkspace(net, 16);
    const g = backpropFlat(net, Float64Array.from(task.X.flat()), Float64Array.from(task.Y.flat()), ws, 'norms');
    expect(Math.abs(r.loss - g.loss) / g.loss).toBeLessThan(1e-5);
  });

  it('counts the pre-activation histogram and saturation exactly as a plain loop over the same values', () => {
    const task = makeProbeTask({ inputDim: 32, batchSize: 64, seed: 1 });
    const h = { lo: -6, hi: 6, bins: 48, threshold: 2.5 };
    let ends = 0;
    for (const options of [
      { sizes: square(32, 10), activation: 'sigmoid', init: 'normal', scale: 3, seed: 1 }, // saturated: many beyond ±6
      { sizes: square(32, 10), activation: 'relu', init: 'he', batchNorm: true, seed: 2 },
    ] as InitOptions[]) {
      const r = probe.norms(options, task, h);
      const counts = new Array<number>(h.bins).fill(0);
      const sat: number[] = [];
      const off: number[] = [];
      for (const U of r.preActivations) {
        let a = 0;
        let b = 0;
        for (const u of U) {
          if (Math.abs(u) > h.threshold) a++;
          if (u <= 0) b++;
          const k = Math.floor((u - h.lo) * (h.bins / (h.hi - h.lo)));
          counts[k >= 0 && k < h.bins ? k : u > 0 ? h.bins - 1 : 0]!++;
        }
        sat.push(a / U.length);
        off.push(b / U.length);
      }
      expect(r.stats!.histogram).toEqual(counts);
      expect(r.stats!.saturated).toEqual(sat);
      expect(r.stats!.nonPositive).toEqual(off);
      ends += counts[0]! + counts[h.bins - 1]!;
    }
    expect(ends).toBeGreaterThan(0); // the out-of-range rule was exercised
    expect(() => probe.norms({ sizes: square(32, 2), activation: 'relu', init: 'he', seed: 1 }, task, { ...h, bins: 0 })).toThrow(/bins/);
    expect(() => probe.norms({ sizes: square(32, 2), activation: 'relu', init: 'he', seed: 1 }, task, { ...h, hi: -6 })).toThrow(/range/);
  });

  it('rejects inconsistent input with a RangeError naming the problem', () => {
    const task = makeProbeTask({ inputDim: 8, batchSize: 4, seed: 1 });
    const ok: InitOptions = { sizes: [8, 8, 1], activation: 'relu', init: 'he', seed: 1 };
    expect(() => probe.norms({ ...ok, sizes: [9, 8, 1] }, task)).toThrow(/probe task is 8 → 1/);
    expect(() => probe.norms({ ...ok, sizes: [8] }, task)).toThrow(RangeError);
    expect(() => probe.norms({ ...ok, init: 'lecun' as never }, task)).toThrow(/unknown init/);
    expect(() => probe.norms({ ...ok, activation: 'gelu' as never }, task)).toThrow(RangeError);
    expect(() => probe.norms({ ...ok, scale: Number.NaN }, task)).toThrow(/scale/);
    expect(() => probe.norms(ok, { X: [], Y: [] })).toThrow(/positive row counts/);
    expect(() => probe.norms(ok, { X: [[1, 2]], Y: [[1]] })).toThrow(RangeError);
  });

  it('uses the multipliers of the init schemes', () => {
    expect(initMultiplier('normal', 100, 50)).toBe(1);
    expect(initMultiplier('he', 100, 50)).toBeCloseTo(Math.sqrt(0.02), 15);
    expect(initMultiplier('standard', 100, 50)).toBeCloseTo(0.1, 15);
    expect(initMultiplier('xavier', 100, 50)).toBeCloseTo(0.2, 15);
  });

  it('ships a relaxed-SIMD build that validates exactly when the engine supports relaxed SIMD', async () => {
    // Node 20 has no relaxed SIMD by default (Chromium does; the browser test covers that build).
    const engineHasRelaxed = await relaxedSimd();
    expect(WebAssembly.validate(RELAXED)).toBe(engineHasRelaxed);
    expect(WebAssembly.validate(WASM)).toBe(true);
    if (engineHasRelaxed) {
      const task = makeProbeTask({ inputDim: 32, batchSize: 64, seed: 1 });
      const options: InitOptions = { sizes: square(32, 20), activation: 'relu', init: 'he', seed: 1 };
      expect(lnDev(createFastGradientProbe(RELAXED).norms(options, task).gradWNorm, reference(options, task))).toBeLessThan(1e-3);
    }
  });
});
