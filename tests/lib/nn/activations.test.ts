import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACTIVATIONS,
  LEAKY_RELU_SLOPE,
  activate,
  activationCurve,
  activationDerivative,
  assertActivation,
  sigmoid,
} from '../../../src/lib/nn/activations';
import { expectClose } from '../../helpers/expectClose';

describe('activations', () => {
  it('matches hand-derived values', () => {
    // σ(0) = 1/2, σ′(0) = 1/4 (the largest value σ′ takes), tanh′(0) = 1, σ(ln 3) = 3/4.
    expectClose(activate('sigmoid', 0), 0.5, { abs: 1e-15 });
    expectClose(activationDerivative('sigmoid', 0), 0.25, { abs: 1e-15 });
    expectClose(sigmoid(Math.log(3)), 0.75, { abs: 1e-15 });
    expectClose(activationDerivative('tanh', 0), 1, { abs: 1e-15 });
    expectClose(activate('relu', -2), 0, { abs: 1e-15 });
    expectClose(activate('leakyRelu', -2), -0.02, { abs: 1e-15 });
    expect(LEAKY_RELU_SLOPE).toBe(0.01);
    // ReLU′(0) = 0 as in scikit-learn; leaky ReLU′(0) is the left slope.
    expect(activationDerivative('relu', 0)).toBe(0);
    expect(activationDerivative('leakyRelu', 0)).toBe(0.01);
  });

  it('sigmoid is stable for large |z|', () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });

  it('φ′ matches central differences away from the kink (tolerance abs 1e-7)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIVATIONS), fc.double({ min: -8, max: 8, noNaN: true }), (a, z) => {
        fc.pre(Math.abs(z) > 1e-3);
        const h = 1e-6;
        const fd = (activate(a, z + h) - activate(a, z - h)) / (2 * h);
        expectClose(activationDerivative(a, z), fd, { abs: 1e-7 });
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('activationCurve samples an even grid', () => {
    const c = activationCurve('sigmoid', -1, 1, 3);
    expectClose(c.z, [-1, 0, 1], { abs: 1e-15 });
    expectClose(c.derivative[1]!, 0.25, { abs: 1e-15 });
    expect(() => activationCurve('sigmoid', 1, -1)).toThrow(RangeError);
  });

  it('rejects unknown activations with a RangeError naming the value', () => {
    expect(() => assertActivation('softplus')).toThrow(/softplus/);
    expect(() => assertActivation('softplus')).toThrow(RangeError);
    expect(() => activate('gelu' as never, 0)).toThrow(RangeError);
  });
});
