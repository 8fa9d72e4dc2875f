import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACTIVATIONS, type Activation } from '../../../src/lib/nn/activations';
import { backprop, initFlatNet, initNet, predict, type MlpNet } from '../../../src/lib/nn/mlp';
import { backpropFlat, createWorkspace, flattenRows, toFlatNet } from '../../../src/lib/nn/flatMlp';
import { layerGradientNorms } from '../../../src/lib/nn/gradientNorms';
import { createRng, normalSampler } from '../../../src/lib/random';
import { expectClose } from '../../helpers/expectClose';
import fixture from '../../fixtures/mlp.json';

function randomMatrix(r: number, c: number, seed: number, sd = 1): number[][] {
  const z = normalSampler(createRng(seed), 0, sd);
  return Array.from({ length: r }, () => Array.from({ length: c }, () => z()));
}

/** Net with non-zero biases so that every parameter matters. */
function testNet(sizes: number[], activation: Activation, residual: boolean, batchNorm: boolean, seed: number): MlpNet {
  const net = initNet({ sizes, activation, init: 'xavier', scale: 1.3, residual, batchNorm, seed });
  net.layers.forEach((layer, l) => {
    layer.b = randomMatrix(1, layer.b.length, seed + 100 + l, 0.3)[0]!;
  });
  return net;
}

/** Central differences of the loss for every weight and bias. */
function finiteDifferences(net: MlpNet, X: number[][], Y: number[][], h = 1e-5) {
  const loss = () => backprop(net, X, Y).loss;
  const nudge = (get: () => number, set: (v: number) => void) => {
    const v = get();
    set(v + h);
    const lp = loss();
    set(v - h);
    const lm = loss();
    set(v);
    return (lp - lm) / (2 * h);
  };
  return {
    gradW: net.layers.map((layer) => layer.W.map((row) => row.map((_, j) => nudge(() => row[j]!, (v) => (row[j] = v))))),
    gradB: net.layers.map((layer) => layer.b.map((_, j) => nudge(() => layer.b[j]!, (v) => (layer.b[j] = v)))),
  };
}

describe('backprop: finite-difference checks', () => {
  // Central differences with h = 1e-5 have truncation error O(h²·|f‴|) ≈ 1e-10 and rounding error
  // ≈ 1e-16/h ≈ 1e-11 here; we allow abs 1e-7 + rel 1e-5. Widths 3-4-4-4-2 make the two middle
  // hidden layers square, so `residual` adds shortcuts there (not on 3→4).
  const variants = [
    ['plain', false, false],
    ['residual', true, false],
    ['batchNorm', false, true],
    ['residual+batchNorm', true, true],
  ] as const;
  for (const activation of ACTIVATIONS) {
    for (const [name, residual, batchNorm] of variants) {
      it(`${activation} × ${name}`, () => {
        const net = testNet([3, 4, 4, 4, 2], activation, residual, batchNorm, 11);
        const X = randomMatrix(7, 3, 5);
        const Y = randomMatrix(7, 2, 6);
        const g = backprop(net, X, Y);
        const fd = finiteDifferences(net, X, Y);
        expectClose(g.gradW, fd.gradW, { abs: 1e-7, rel: 1e-5 });
        expectClose(g.gradB, fd.gradB, { abs: 1e-7, rel: 1e-5 });
      });
    }
  }

  it('random shapes and options (fast-check): directional derivative matches central differences', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 5 }),
        fc.constantFrom(...ACTIVATIONS),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 1000 }),
        (sizes, activation, residual, batchNorm, n, seed) => {
          const net = testNet(sizes, activation, residual, batchNorm, seed);
          const X = randomMatrix(n, sizes[0]!, seed + 1);
          const Y = randomMatrix(n, sizes[sizes.length - 1]!, seed + 2);
          const g = backprop(net, X, Y);
          expect(g.gradW.map((w) => [w.length, w[0]!.length])).toEqual(net.layers.map((l) => [l.W.length, l.W[0]!.length]));
          // Direction V = random; d/dt loss(θ + tV) at 0 equals <∇loss, V>.
          const V = net.layers.map((l, k) => randomMatrix(l.W.length, l.W[0]!.length, seed + 10 + k));
          let dot = 0;
          g.gradW.forEach((w, k) => w.forEach((row, i) => row.forEach((v, j) => (dot += v * V[k]![i]![j]!))));
          const shifted = (t: number): number => {
            const moved: MlpNet = { ...net, layers: net.layers.map((l, k) => ({ b: l.b, W: l.W.map((row, i) => row.map((w, j) => w + t * V[k]![i]![j]!)) })) };
            return backprop(moved, X, Y).loss;
          };
          const h = 1e-6;
          const fd = (shifted(h) - shifted(-h)) / (2 * h);
          // Tolerance: abs 1e-6 + rel 1e-4 (a random direction may graze a ReLU kink at most by O(h)).
          expectClose(dot, fd, { abs: 1e-6, rel: 1e-4 });
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });
});

describe('backprop: hand-derived cases', () => {
  it('a single linear layer gives ∂W = Xᵀ(XW + b − Y)/(n·m)', () => {
    const net: MlpNet = { layers: [{ W: [[1, 2], [0, -1]], b: [0.5, 0] }], activation: 'relu', residual: true, batchNorm: true };
    const X = [[1, 0], [2, 1]];
    const Y = [[0, 0], [1, 1]];
    // Ŷ = [[1.5, 2], [2.5, 3]]; R = Ŷ − Y = [[1.5, 2], [1.5, 2]]; n·m = 4.
    // loss = (2.25 + 4 + 2.25 + 4) / 8 = 1.5625; ∂W = XᵀR/4 = [[4.5, 6], [1.5, 2]]/4; ∂b = [3, 4]/4.
    const g = backprop(net, X, Y);
    expectClose(g.loss, 1.5625, { abs: 1e-14 });
    expectClose(g.gradW, [[[1.125, 1.5], [0.375, 0.5]]], { abs: 1e-14 });
    expectClose(g.gradB, [[0.75, 1]], { abs: 1e-14 });
    expectClose(predict(net, X), [[1.5, 2], [2.5, 3]], { abs: 1e-14 });
  });

  it('BatchNorm makes hidden biases irrelevant: their gradient is 0', () => {
    const net = testNet([3, 5, 5, 1], 'tanh', false, true, 3);
    const g = backprop(net, randomMatrix(8, 3, 1), randomMatrix(8, 1, 2));
    expectClose(g.gradB.slice(0, 2), [new Array(5).fill(0), new Array(5).fill(0)], { abs: 1e-14 });
  });

  it('a zero-residual net with zero weights and identity shortcuts passes X through', () => {
    // Hidden ReLU layers with W = 0, b = 0 give φ(0) = 0, so H_l = H_{l−1}: output = X·W_out.
    const zero = [[0, 0], [0, 0]];
    const net: MlpNet = { layers: [{ W: zero, b: [0, 0] }, { W: zero, b: [0, 0] }, { W: [[1], [2]], b: [0] }], activation: 'relu', residual: true, batchNorm: false };
    expectClose(predict(net, [[3, 4]]), [[11]], { abs: 1e-14 });
  });
});

describe('backprop: scikit-learn MLPRegressor._backprop fixtures', () => {
  // sklearn's loss is ((y − ŷ)²).mean()/2 — the same as ours — but its gradients are those of
  // Σ_outputs/(2n), i.e. n_outputs times ours; the fixture stores that factor as gradScale.
  for (const c of fixture.cases) {
    it(`${c.name} (${c.activation}, sizes ${c.sizes.join('-')})`, () => {
      const net: MlpNet = {
        layers: c.W.map((W, l) => ({ W, b: c.b[l]! })),
        activation: c.activation as Activation,
        residual: false,
        batchNorm: false,
      };
      const g = backprop(net, c.X, c.Y);
      const tol = { abs: 1e-12, rel: 1e-9 };
      expectClose(predict(net, c.X), c.prediction, tol);
      expectClose(g.loss, c.loss, tol);
      expectClose(g.gradW, c.gradW.map((W) => W.map((row) => row.map((v) => v / c.gradScale))), tol);
      expectClose(g.gradB, c.gradB.map((b) => b.map((v) => v / c.gradScale)), tol);
    });
  }
});

describe('backprop: norms fast path', () => {
  it('Gram-matrix norms equal the norms of the full gradient (fast-check, rel 1e-9)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(...ACTIVATIONS),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 1000 }),
        (width, depth, n, activation, residual, batchNorm, seed) => {
          const sizes = [width + 1, ...new Array<number>(depth).fill(width * 3), 2];
          const net = testNet(sizes, activation, residual, batchNorm, seed);
          const X = randomMatrix(n, sizes[0]!, seed + 1);
          const Y = randomMatrix(n, 2, seed + 2);
          const full = layerGradientNorms(backprop(net, X, Y).gradW);
          const flat = toFlatNet(net);
          const ws = createWorkspace(flat, n);
          const fast = backpropFlat(flat, flattenRows(X, sizes[0]!, 'X'), flattenRows(Y, 2, 'Y'), ws, 'norms');
          expectClose(Array.from(fast.gradWNorm), full, { abs: 1e-12, rel: 1e-9 });
        },
      ),
      { seed: 42, numRuns: 80 },
    );
  });
});

describe('initNet', () => {
  const sizes = [200, 300, 1];
  const stats = (net: MlpNet) => {
    const w = net.layers[0]!.W.flat();
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const variance = w.reduce((s, v) => s + (v - mean) ** 2, 0) / w.length;
    return { mean, variance, max: Math.max(...w.map(Math.abs)) };
  };
  it('draws the documented distributions (60 000 weights: tolerance rel 3% on the variance)', () => {
    // Var of U[±a] is a²/3.
    const he = stats(initNet({ sizes, activation: 'relu', init: 'he', seed: 1 }));
    expectClose(he.variance, 2 / 200, { rel: 0.03 });
    const normal = stats(initNet({ sizes, activation: 'relu', init: 'normal', seed: 1 }));
    expectClose(normal.variance, 1, { rel: 0.03 });
    const std = stats(initNet({ sizes, activation: 'sigmoid', init: 'standard', seed: 1 }));
    expectClose(std.variance, 1 / 200 / 3, { rel: 0.03 });
    expect(std.max).toBeLessThanOrEqual(1 / Math.sqrt(200));
    const xav = stats(initNet({ sizes, activation: 'tanh', init: 'xavier', scale: 2, seed: 1 }));
    expectClose(xav.variance, (4 * 6) / 500 / 3, { rel: 0.03 });
    expect(xav.max).toBeLessThanOrEqual(2 * Math.sqrt(6 / 500));
    expectClose(xav.mean, 0, { abs: 0.01 });
  });
  it('is deterministic for a seed, zero biases, and JSON-serialisable', () => {
    const a = initNet({ sizes: [3, 4, 2], activation: 'tanh', init: 'he', seed: 9, residual: true });
    const b = initNet({ sizes: [3, 4, 2], activation: 'tanh', init: 'he', seed: 9, residual: true });
    expect(a).toEqual(b);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a.layers.map((l) => l.b)).toEqual([[0, 0, 0, 0], [0, 0]]);
    expect(a.residual).toBe(true);
    expect(a.batchNorm).toBe(false);
    expect(initNet({ sizes: [3, 4, 2], activation: 'tanh', init: 'he', seed: 10 })).not.toEqual(a);
  });
  it('initFlatNet builds the same weights as initNet', () => {
    const opts = { sizes: [5, 6, 6, 2], activation: 'leakyRelu' as const, init: 'standard' as const, scale: 0.5, batchNorm: true, seed: 4 };
    const flat = initFlatNet(opts);
    const ref = toFlatNet(initNet(opts));
    expect(flat.sizes).toEqual(ref.sizes);
    expect(flat.batchNorm).toBe(true);
    expectClose(flat.W.map((w) => Array.from(w)), ref.W.map((w) => Array.from(w)), { abs: 1e-300 });
    expectClose(flat.Wt.map((w) => Array.from(w)), ref.Wt.map((w) => Array.from(w)), { abs: 1e-300 });
  });
  it('throws RangeError for bad sizes, activation, init or data', () => {
    const ok = { activation: 'relu' as const, init: 'he' as const, seed: 1 };
    expect(() => initNet({ ...ok, sizes: [3] })).toThrow(RangeError);
    expect(() => initNet({ ...ok, sizes: [3, 0, 1] })).toThrow(/0/);
    expect(() => initNet({ ...ok, sizes: [3, 2.5, 1] })).toThrow(RangeError);
    expect(() => initNet({ ...ok, sizes: [3, 1], activation: 'swish' as never })).toThrow(/swish/);
    expect(() => initNet({ ...ok, sizes: [3, 1], init: 'lecun' as never })).toThrow(RangeError);
    const net = initNet({ ...ok, sizes: [3, 1] });
    expect(() => backprop(net, [[1, 2]], [[1]])).toThrow(RangeError);
    expect(() => backprop(net, [[1, 2, 3]], [[1], [2]])).toThrow(RangeError);
    expect(() => backprop({ ...net, activation: 'elu' as never }, [[1, 2, 3]], [[1]])).toThrow(/elu/);
    const broken: MlpNet = { ...net, layers: [{ W: [[1], [1], [1]], b: [0, 0] }] };
    expect(() => backprop(broken, [[1, 2, 3]], [[1]])).toThrow(RangeError);
  });
});
