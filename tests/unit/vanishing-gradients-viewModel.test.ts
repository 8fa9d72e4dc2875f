import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFastGradientProbe } from '../../src/lib/nn/fastProbe';
import { backprop, initNet } from '../../src/lib/nn/mlp';
import { layerGradientNorms, makeProbeTask, preActivationStats } from '../../src/lib/nn/gradientNorms';
import { lstmGradientNorms, rnnGradientNorms } from '../../src/lib/nn/recurrent';
import { DEFAULT_STATE, TRAIN_STEPS, type VgState } from '../../src/components/sims/vanishing-gradients/state';
import {
  activationView, canComputeSync, computeGradients, formatSci, gradientView, logDomain, PROBE_BATCH, PROBE_SEED,
  nextCostFactor, quarterPower, recurrentView, RNN_HIDDEN, SATURATION, sizesFor, trainingSeries, trainingView, type GradientResult,
} from '../../src/components/sims/vanishing-gradients/viewModel';
import { expectClose } from '../helpers/expectClose';

const S = (p: Partial<VgState> = {}): VgState => ({ ...DEFAULT_STATE, ...p });
const noNaN = (text: string) => expect(text).not.toMatch(/NaN|undefined|Infinity/);

describe('vanishing-gradients view model: numbers match src/lib', () => {
  it('the worker’s WebAssembly path gives the plot, loss and histogram of the f64 path', () => {
    const fast = createFastGradientProbe(readFileSync(new URL('../../src/wasm/build/nn-kernels.wasm', import.meta.url)));
    // Well-conditioned settings (tests/lib/nn/fastProbe.test.ts covers the chaotic ones): norms to 1e-3
    // relative; a pre-activation moved by f32 rounding can cross a bin edge, so fractions to 1e-3.
    for (const p of [{}, { depth: 50, width: 128 }, { act: 'relu', init: 'he', bn: true, res: true, depth: 30, width: 64 }, { act: 'tanh', init: 'xavier', width: 8 }] as Partial<VgState>[]) {
      const a = computeGradients(S(p), fast);
      const b = computeGradients(S(p));
      expectClose(a.norms, b.norms, { rel: 1e-3 });
      expectClose(a.loss, b.loss, { rel: 1e-5 });
      expectClose(a.hist, b.hist, { abs: 1e-3 });
      expectClose(a.saturated, b.saturated, { abs: 1e-3 });
      expectClose(a.inactive, b.inactive, { abs: 1e-3 });
    }
  });

  it('per-layer norms and saturation equal backprop() and preActivationStats() on the same net', () => {
    for (const p of [{}, { act: 'relu', init: 'he', bn: true }, { act: 'tanh', res: true, depth: 4, width: 8 }] as Partial<VgState>[]) {
      const s = S({ depth: 5, width: 12, ...p });
      const r = computeGradients(s);
      const net = initNet({ sizes: sizesFor(s), activation: s.act, init: s.init, scale: s.scale, residual: s.res, batchNorm: s.bn, seed: s.seed });
      const task = makeProbeTask({ inputDim: s.width, batchSize: PROBE_BATCH, seed: PROBE_SEED });
      const ref = backprop(net, task.X, task.Y);
      // Gram-matrix shortcut vs explicit ∂W: same maths, different summation order.
      expectClose(r.norms, layerGradientNorms(ref.gradW), { rel: 1e-9, abs: 1e-300 });
      expectClose(r.loss, ref.loss, { rel: 1e-12 });
      const stats = preActivationStats(net, task.X, { threshold: SATURATION });
      expectClose(r.saturated, stats.map((x) => x.saturated), { abs: 1e-12 });
      expectClose(r.inactive, stats.map((x) => x.nonPositive), { abs: 1e-12 });
      expectClose(r.hist.reduce((a, b) => a + b, 0), 1, { abs: 1e-12 });
    }
  });

  it('the default state shows vanishing gradients; ReLU + He, BatchNorm and shortcuts each lift the input side', () => {
    const first = (p: Partial<VgState>) => computeGradients(S(p)).norms[0]!;
    const base = first({});
    expect(base).toBeLessThan(1e-6);
    for (const fix of [{ act: 'relu', init: 'he' }, { bn: true }, { res: true }] as Partial<VgState>[]) expect(first(fix)).toBeGreaterThan(1e4 * base);
    const v = gradientView(S(), computeGradients(S()));
    expect(v.error).toBeNull();
    expect(v.summary).toContain('0.25^10 = 9.5×10⁻⁷');
    expect(v.rows).toHaveLength(DEFAULT_STATE.depth + 1);
    noNaN(v.summary);
  });

  it('the 0.25^L calculator and the number formatter', () => {
    expectClose(quarterPower(10), 9.5367431640625e-7, { rel: 1e-15 });
    expect(formatSci(quarterPower(10))).toBe('9.5×10⁻⁷');
    expect(formatSci(0.12)).toBe('0.12');
    expect(formatSci(9.99e-5)).toBe('1×10⁻⁴');
    expect(formatSci(0)).toBe('0');
    expect(formatSci(NaN)).toBe('—');
    expect(formatSci(Infinity)).toBe('∞');
  });

  it('degenerate results give a clear Chinese message and no NaN on screen', () => {
    const base = computeGradients(S());
    const exploded: GradientResult = { ...base, norms: base.norms.map(() => Infinity), loss: NaN };
    const dead: GradientResult = { ...base, norms: base.norms.map((v, i) => (i === 0 ? 0 : v)) };
    const empty: GradientResult = { ...base, norms: [] };
    expect(gradientView(S(), exploded).error).toContain('梯度爆炸');
    expect(gradientView(S({ act: 'relu' }), dead).error).toContain('死亡 ReLU');
    expect(gradientView(S(), empty).error).toContain('没有');
    for (const r of [exploded, dead, empty]) {
      const v = gradientView(S(), r);
      expect(v.yDomain.every(Number.isFinite)).toBe(true);
      for (const row of v.rows) for (const cell of row) noNaN(String(cell));
    }
    expect(logDomain([])).toEqual([-3, 1]);
    expect(logDomain([NaN, Infinity])).toEqual([-3, 1]);
    expect(logDomain([0.5])).toEqual([0, 2]);
  });

  it('the σ panel marks the 0.25 bound for sigmoid and reports saturation', () => {
    const r = computeGradients(S({ init: 'normal' }));
    const a = activationView('sigmoid', r);
    expect(a.bound).toBe(0.25);
    expectClose(Math.max(...a.derivative), 0.25, { abs: 1e-12 });
    expect(a.badFraction).toBeGreaterThan(0.3);
    expect(activationView('relu', r).bound).toBe(1);
  });

  it('training view: empty, partial, diverged', () => {
    const empty = trainingView([], TRAIN_STEPS, TRAIN_STEPS);
    expect(empty.cursor).toBe(0);
    expect(empty.message).toContain('尚未开始');
    noNaN(empty.message);
    const recs = [0, 1, 2].map((step) => ({ step, loss: 0.5 - 0.1 * step, gradNorms: [1e-3, 1e-1] }));
    const part = trainingView(recs, 200, TRAIN_STEPS);
    expect(part.cursor).toBe(3);
    expect(part.colorDomain).toEqual([-3, -1]);
    expect(part.message).toContain('第 3 / 300 步');
    expectClose(part.lossSmooth, [0.5, 0.49, 0.471], { abs: 1e-12 });
    const bad = trainingView([...recs, { step: 3, loss: NaN, gradNorms: [Infinity, NaN] }], 4, TRAIN_STEPS);
    expect(bad.diverged).toBe(true);
    expect(bad.message).toContain('发散');
  });

  it('RNN/LSTM panel: curves are src/lib/recurrent over √H, the RNN vanishes and f = 1 keeps the cell path', () => {
    const v = recurrentView(S({ forget: 1 }));
    const r = rnnGradientNorms({ seed: 1, steps: 50, hiddenSize: RNN_HIDDEN, recurrentScale: 1 });
    const l = lstmGradientNorms({ seed: 1, steps: 50, hiddenSize: RNN_HIDDEN, recurrentScale: 1, forgetGate: 1 });
    expectClose(v.rnn, r.norms.map((x) => Math.log10(x / Math.sqrt(RNN_HIDDEN))), { abs: 1e-12 });
    expectClose(v.cell, l.cellNorms.map((x) => Math.log10(x / Math.sqrt(RNN_HIDDEN))), { abs: 1e-12 });
    expect(v.rnnAt0).toBeLessThan(1e-6);
    expect(v.cellAt0).toBeGreaterThan(0.5);
    const zero = recurrentView(S({ forget: 0 }));
    expect(zero.yDomain.every(Number.isFinite)).toBe(true);
    noNaN(zero.summary);
  });

  it('chooses the worker above ~8 ms: default synchronous, 50 × 128 in the worker', () => {
    expect(canComputeSync(S())).toBe(true);
    expect(canComputeSync(S({ depth: 50, width: 128 }))).toBe(false);
  });

  it('judges "cheap" by the measured speed: a device 4× slower than the estimate moves the default net to the worker', () => {
    const f = nextCostFactor(1, S(), 4 * 2.7);
    expect(f).toBeGreaterThan(3.5);
    expect(canComputeSync(S(), f)).toBe(false);
    expect(canComputeSync(S({ depth: 2, width: 8 }), f)).toBe(true);
    // Faster measurements lower the factor gradually; tiny nets (all overhead) do not count.
    expect(nextCostFactor(f, S(), 2.7)).toBeLessThan(f);
    expect(nextCostFactor(f, S(), 2.7)).toBeGreaterThan(1);
    expect(nextCostFactor(f, S({ depth: 2, width: 8 }), 5)).toBe(f);
  });

  it('trainingView with precomputed series equals the one-shot call', () => {
    const recs = [
      { step: 1, loss: 0.5, gradNorms: [1e-6, 1e-3, 0.1] },
      { step: 2, loss: 0.4, gradNorms: [2e-6, 0, 0.2] },
      { step: 3, loss: 0.3, gradNorms: [3e-6, 1e-3, 0.3] },
    ];
    for (const step of [0, 2, 3, 300]) expect(trainingView(recs, step, TRAIN_STEPS, trainingSeries(recs))).toEqual(trainingView(recs, step, TRAIN_STEPS));
  });
});
