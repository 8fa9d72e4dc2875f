import { describe, expect, it } from 'vitest';
import { lstmGradientNorms, rnnGradientNorms } from '../../../src/lib/nn/recurrent';
import { expectClose } from '../../helpers/expectClose';

describe('recurrent gradient norms', () => {
  it('hand cases: no recurrent weights → RNN Jacobian 0; clamped forget gate f → cell norm fᵀ⁻ᵗ·√H', () => {
    const H = 8;
    const rnn = rnnGradientNorms({ seed: 1, hiddenSize: H, steps: 10, recurrentScale: 0 });
    expectClose(rnn.norms, [...new Array(10).fill(0), Math.sqrt(H)], { abs: 1e-15 });
    // With W_* = 0 and f ≡ 0.5, ∂c_T/∂c_t = 0.5^{T−t}·I and ∂h_T/∂h_t = 0 for t < T.
    const lstm = lstmGradientNorms({ seed: 1, hiddenSize: H, steps: 10, recurrentScale: 0, forgetGate: 0.5 });
    expectClose(lstm.cellNorms, lstm.t.map((t) => 0.5 ** (10 - t) * Math.sqrt(H)), { rel: 1e-12 });
    expectClose(lstm.norms.slice(0, 10), new Array(10).fill(0), { abs: 1e-15 });
    expectClose(lstm.meanForget, 0.5, { abs: 1e-15 });
  });

  it('with the forget gate ≈ 1 the LSTM carries the gradient over 50 steps; the tanh RNN does not', () => {
    // Ratio ‖∂h_T/∂h_0‖ / ‖∂h_T/∂h_{T−1}‖ over T = 50, for 5 seeds.
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnn = rnnGradientNorms({ seed, steps: 50 });
      const lstm = lstmGradientNorms({ seed, steps: 50, forgetBias: 5 });
      expect(lstm.meanForget).toBeGreaterThan(0.95);
      const rRnn = rnn.norms[0]! / rnn.norms[49]!;
      const rLstm = lstm.norms[0]! / lstm.norms[49]!;
      expect(rRnn).toBeLessThan(1e-6);
      expect(rLstm).toBeGreaterThan(0.05);
      expect(lstm.cellNorms[0]!).toBeGreaterThan(0.3 * Math.sqrt(16));
    }
  });

  it('a small forget gate makes the LSTM vanish as well', () => {
    const lstm = lstmGradientNorms({ seed: 1, steps: 50, forgetBias: -3 });
    expect(lstm.cellNorms[0]! / lstm.cellNorms[49]!).toBeLessThan(1e-20);
  });

  it('is deterministic for a seed and validates its options', () => {
    expect(lstmGradientNorms({ seed: 3, steps: 5 })).toEqual(lstmGradientNorms({ seed: 3, steps: 5 }));
    expect(() => rnnGradientNorms({ seed: 1, hiddenSize: 0 })).toThrow(RangeError);
    expect(() => rnnGradientNorms({ seed: 1, steps: 2.5 })).toThrow(RangeError);
    expect(() => lstmGradientNorms({ seed: 1, forgetGate: 1.5 })).toThrow(/1.5/);
  });
});
