import { describe, expect, it } from 'vitest';
import { backprop, initNet, type MlpNet } from '../../../src/lib/nn/mlp';
import {
  averageGradientNorms,
  createGradientProbe,
  layerGradientNorms,
  makeProbeTask,
  preActivationStats,
  seedList,
} from '../../../src/lib/nn/gradientNorms';
import { expectClose } from '../../helpers/expectClose';

describe('layerGradientNorms', () => {
  it('is the Frobenius norm per layer', () => {
    expectClose(layerGradientNorms([[[3, 4]], [[1], [2], [2]]]), [5, 3], { abs: 1e-15 });
  });
});

describe('makeProbeTask', () => {
  it('has the requested shape, is seeded, and follows y = sin(Σ x_i cos(i + k)/√d)', () => {
    const t = makeProbeTask({ inputDim: 3, outputDim: 2, batchSize: 5, seed: 4 });
    expect([t.X.length, t.X[0]!.length, t.Y[0]!.length]).toEqual([5, 3, 2]);
    expect(makeProbeTask({ inputDim: 3, outputDim: 2, batchSize: 5, seed: 4 })).toEqual(t);
    const x = t.X[2]!;
    const s = (x[0]! * Math.cos(1) + x[1]! * Math.cos(2) + x[2]! * Math.cos(3)) / Math.sqrt(3);
    expectClose(t.Y[2]![1]!, Math.sin(s), { abs: 1e-14 });
    expect(makeProbeTask({ inputDim: 4 }).X.length).toBe(64);
    expect(() => makeProbeTask({ inputDim: 0 })).toThrow(RangeError);
  });
});

describe('createGradientProbe', () => {
  it('agrees with backprop and rejects nets of the wrong widths', () => {
    const task = makeProbeTask({ inputDim: 6, batchSize: 16, seed: 2 });
    const net = initNet({ sizes: [6, 8, 8, 1], activation: 'tanh', init: 'xavier', batchNorm: true, residual: true, seed: 3 });
    const probe = createGradientProbe(task);
    const r = probe.norms(net);
    const g = backprop(net, task.X, task.Y);
    expectClose(r.gradWNorm, layerGradientNorms(g.gradW), { rel: 1e-10 });
    expectClose(r.loss, g.loss, { rel: 1e-12 });
    expectClose(probe.norms(net).gradWNorm, r.gradWNorm, { rel: 1e-15 }); // buffers are reused safely
    expect(() => probe.norms(initNet({ sizes: [5, 1], activation: 'tanh', init: 'he', seed: 1 }))).toThrow(RangeError);
  });
});

describe('statistics at initialisation (averaged over 5 seeds, depth 20, width 32, batch 64)', () => {
  const width = 32;
  const depth = 20;
  const sizes = [width, ...new Array<number>(depth - 1).fill(width), 1];
  const task = makeProbeTask({ inputDim: width, batchSize: 64, seed: 1 });
  const seeds = seedList(7, 5);
  const avg = (f: (seed: number) => MlpNet) => averageGradientNorms(f, seeds, task);

  it('sigmoid + standard init: the input-side gradient vanishes (Glorot & Bengio 2010)', () => {
    const n = avg((seed) => initNet({ sizes, activation: 'sigmoid', init: 'standard', seed }));
    // σ′ ≤ 1/4 and ‖W‖ ≈ 1/√3 shrink the gradient by ~7× per layer: over 19 layers ≫ 1e6.
    expect(n[0]! / n[depth - 1]!).toBeLessThan(1e-6);
    for (let l = 1; l < depth; l++) expect(n[l]!).toBeGreaterThan(n[l - 1]!);
  });

  it('ReLU + He init keeps the norm within a small factor over 20 layers (He et al. 2015)', () => {
    const n = avg((seed) => initNet({ sizes, activation: 'relu', init: 'he', seed }));
    expect(Math.max(...n) / Math.min(...n)).toBeLessThan(10);
  });

  it('residual shortcuts keep the input-side gradient from collapsing', () => {
    const plain = avg((seed) => initNet({ sizes, activation: 'sigmoid', init: 'standard', seed }));
    const res = avg((seed) => initNet({ sizes, activation: 'sigmoid', init: 'standard', residual: true, seed }));
    // Ratio of the first layer's norm to the last hidden layer's.
    const rPlain = plain[0]! / plain[depth - 2]!;
    const rRes = res[0]! / res[depth - 2]!;
    expect(rRes).toBeGreaterThan(0.01);
    expect(rRes / rPlain).toBeGreaterThan(1e6);
  });
});

describe('preActivationStats', () => {
  it('counts saturation, non-positive values and a histogram per hidden layer', () => {
    // One hidden layer of 2 units with W = [[1, −3]], b = 0: on inputs 1 and 2 the pre-activations
    // are {1, 2} and {−3, −6}; |u| > 2.5 for −3 and −6 → 1/2 saturated, 1/2 non-positive.
    const net: MlpNet = { layers: [{ W: [[1, -3]], b: [0, 0] }, { W: [[1], [1]], b: [0] }], activation: 'tanh', residual: false, batchNorm: false };
    const [s] = preActivationStats(net, [[1], [2]], { bins: 4, range: [-8, 8] });
    expectClose(s!.saturated, 0.5, { abs: 1e-15 });
    expectClose(s!.nonPositive, 0.5, { abs: 1e-15 });
    expectClose(s!.mean, -1.5, { abs: 1e-15 });
    expectClose(s!.std, Math.sqrt((6.25 + 12.25 + 2.25 + 20.25) / 4), { abs: 1e-14 });
    // Bins of width 4 on [−8, 8]: −6 ∈ [−8, −4), −3 ∈ [−4, 0), 1 and 2 ∈ [0, 4).
    expect(s!.histogram).toEqual([1, 1, 2, 0]);
  });
  it('BatchNorm pre-activations have mean 0 and std ≈ 1 (abs 1e-3, ε = 1e-5)', () => {
    const net = initNet({ sizes: [4, 16, 16, 1], activation: 'sigmoid', init: 'normal', batchNorm: true, seed: 5 });
    const stats = preActivationStats(net, makeProbeTask({ inputDim: 4, seed: 3 }).X);
    for (const s of stats) {
      expectClose(s.mean, 0, { abs: 1e-12 });
      expectClose(s.std, 1, { abs: 1e-3 });
    }
    expect(() => preActivationStats(net, [[1, 2, 3, 4]], { bins: 0 })).toThrow(RangeError);
  });
});
