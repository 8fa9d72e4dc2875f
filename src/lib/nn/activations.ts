/**
 * Element-wise activation functions φ and their derivatives φ′ for the vanishing-gradient figures.
 *
 * - sigmoid σ(z) = 1 / (1 + e^{−z}),  σ′(z) = σ(z)(1 − σ(z)) ≤ 1/4 (the factor that shrinks a
 *   backpropagated gradient at every layer: Glorot & Bengio 2010).
 * - tanh(z),  tanh′(z) = 1 − tanh²(z) ≤ 1.
 * - ReLU max(0, z),  ReLU′(z) = 1 for z > 0 and 0 for z ≤ 0 (ReLU′(0) = 0, as scikit-learn).
 * - leaky ReLU: z for z > 0, 0.01·z otherwise ({@link LEAKY_RELU_SLOPE}); derivative 1 or 0.01
 *   (the derivative at 0 is taken as the slope 0.01, the left one).
 */

/** The activation functions a hidden layer can use. `leakyRelu` has negative slope 0.01. */
export type Activation = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu';

/** Every {@link Activation}, in display order. */
export const ACTIVATIONS: readonly Activation[] = ['sigmoid', 'tanh', 'relu', 'leakyRelu'];

/** Slope of leaky ReLU for z ≤ 0. */
export const LEAKY_RELU_SLOPE = 0.01;

/** True when `name` is one of the supported activations. */
export function isActivation(name: unknown): name is Activation {
  return typeof name === 'string' && (ACTIVATIONS as readonly string[]).includes(name);
}

/** Throws a RangeError naming the bad value unless `name` is a supported activation. */
export function assertActivation(name: unknown): asserts name is Activation {
  if (!isActivation(name)) {
    throw new RangeError(`unknown activation ${JSON.stringify(name)}; expected one of ${ACTIVATIONS.join(', ')}`);
  }
}

/** Numerically stable logistic sigmoid σ(z) = 1 / (1 + e^{−z}). */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** φ(z) for the given activation. */
export function activate(activation: Activation, z: number): number {
  switch (activation) {
    case 'sigmoid':
      return sigmoid(z);
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'leakyRelu':
      return z > 0 ? z : LEAKY_RELU_SLOPE * z;
    default:
      throw new RangeError(`unknown activation ${JSON.stringify(activation)}`);
  }
}

/** φ′(z) for the given activation, as a function of the pre-activation z (ReLU′(0) = 0). */
export function activationDerivative(activation: Activation, z: number): number {
  switch (activation) {
    case 'sigmoid': {
      const s = sigmoid(z);
      return s * (1 - s);
    }
    case 'tanh': {
      const t = Math.tanh(z);
      return 1 - t * t;
    }
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'leakyRelu':
      return z > 0 ? 1 : LEAKY_RELU_SLOPE;
    default:
      throw new RangeError(`unknown activation ${JSON.stringify(activation)}`);
  }
}

/** Samples of φ and φ′ on an even grid over [from, to], for a σ/σ′ panel. */
export function activationCurve(
  activation: Activation,
  from = -6,
  to = 6,
  points = 121,
): { z: number[]; value: number[]; derivative: number[] } {
  assertActivation(activation);
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`points must be an integer ≥ 2, got ${points}`);
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(to > from)) {
    throw new RangeError(`need finite from < to, got [${from}, ${to}]`);
  }
  const z: number[] = [];
  const value: number[] = [];
  const derivative: number[] = [];
  for (let i = 0; i < points; i++) {
    const x = from + ((to - from) * i) / (points - 1);
    z.push(x);
    value.push(activate(activation, x));
    derivative.push(activationDerivative(activation, x));
  }
  return { z, value, derivative };
}
