import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLogistic, logisticGradient, logisticObjective, predictLogisticProba, sigmoid, softplus } from '../../../src/lib/classify/logistic';
import fixture from '../../fixtures/classify.json';
import { expectClose } from '../../helpers/expectClose';

const X = fixture.overlap.X;
const y = fixture.overlap.y;

describe('fitLogistic — hand-derived cases', () => {
  it('unpenalised MLE on a saturated design: logit p̂(x) equals the empirical log-odds', () => {
    // x = −1: 1 of 3 positive → log-odds log(1/2); x = +1: 2 of 3 positive → log 2.
    // Two free parameters, two x values: w·(−1) + b = −log 2, w + b = log 2 ⇒ w = log 2, b = 0.
    const Xs = [[-1], [-1], [-1], [1], [1], [1]];
    const ys = [1, 0, 0, 1, 1, 0];
    const m = fitLogistic(Xs, ys, { C: Infinity });
    expectClose(m.coef, [Math.log(2)], { abs: 1e-10 });
    expectClose(m.intercept, 0, { abs: 1e-10 });
    expect(m.converged).toBe(true);
    expect(m.separable).toBe(false);
    expectClose(predictLogisticProba(m, [1]), 2 / 3, { abs: 1e-10 });
  });
  it('a stable sigmoid and softplus at extreme arguments (no NaN, no Infinity)', () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expectClose(softplus(1000), 1000, { rel: 1e-15 });
    expectClose(softplus(-1000), 0, { abs: 1e-300 });
    expectClose(sigmoid(0), 0.5, { abs: 1e-16 });
  });
  it('logisticGradient matches central finite differences of logisticObjective', () => {
    const model = { coef: [0.3, -0.7], intercept: 0.2 };
    const g = logisticGradient(model, X, y, 2);
    const h = 1e-6;
    const params = [...model.coef, model.intercept];
    const fd = params.map((_, a) => {
      const plus = params.slice();
      const minus = params.slice();
      plus[a]! += h;
      minus[a]! -= h;
      const f = (p: number[]) => logisticObjective({ coef: p.slice(0, 2), intercept: p[2]! }, X, y, 2);
      return (f(plus) - f(minus)) / (2 * h);
    });
    // Central differences have O(h²) truncation and ~1e-10/h rounding error on an objective of ~2e2.
    expectClose(g, fd, { rel: 1e-6, abs: 1e-5 });
  });
});

describe('fitLogistic — scikit-learn LogisticRegression', () => {
  for (const ref of fixture.logistic) {
    const C = ref.C === 'Infinity' ? Infinity : Number(ref.C);
    it(`matches sklearn at C = ${ref.C} (newton-cg tol 1e-13 tightly, lbfgs tol 1e-10 loosely)`, () => {
      const m = fitLogistic(X, y, { C });
      expect(m.converged).toBe(true);
      const proba = fixture.probes.map((p) => predictLogisticProba(m, p));
      // newton-cg stops on max|∇| ≤ 1e-13 of sklearn's 1/(C·n)-scaled loss: agreement to ~1e-9.
      expectClose(m.coef, ref.newtonCG.coef, { rel: 1e-8, abs: 1e-9 });
      expectClose(m.intercept, ref.newtonCG.intercept, { rel: 1e-8, abs: 1e-9 });
      expectClose(proba, ref.newtonCG.proba, { abs: 1e-9 });
      // lbfgs also stops when the loss decreases by < 64·eps relatively (its ftol), which leaves a
      // gradient of ~1e-5 in our units: agreement only to ~2e-5 relative (3e-5 on probabilities).
      expectClose(m.coef, ref.coef, { rel: 5e-5, abs: 1e-6 });
      expectClose(m.intercept, ref.intercept, { rel: 5e-5, abs: 1e-6 });
      expectClose(proba, ref.proba, { abs: 3e-5 });
    });
  }
});

describe('fitLogistic — separable and degenerate data', () => {
  it('C = Infinity on separable data stops with separable: true and finite, separating coefficients', () => {
    const Xs = [[0, 0], [1, 0.2], [0.3, 1], [3, 3], [4, 2.5], [3.5, 4]];
    const ys = [0, 0, 0, 1, 1, 1];
    const m = fitLogistic(Xs, ys, { C: Infinity });
    expect(m.separable).toBe(true);
    for (const v of [...m.coef, m.intercept]) expect(Number.isFinite(v)).toBe(true);
    Xs.forEach((x, i) => expect(predictLogisticProba(m, x) > 0.5 ? 1 : 0).toBe(ys[i]));
  });
  it('finite C on separable data converges (the penalty keeps the optimum finite)', () => {
    const m = fitLogistic([[0], [1], [5], [6]], [0, 0, 1, 1], { C: 1e4 });
    expect(m.converged).toBe(true);
    expect(m.separable).toBe(false);
    const g = logisticGradient(m, [[0], [1], [5], [6]], [0, 0, 1, 1], 1e4);
    for (const v of g) expect(Math.abs(v)).toBeLessThan(1e-6 * 1e4);
  });
  it('throws RangeError with a readable message for degenerate data', () => {
    expect(() => fitLogistic([[1], [2], [3]], [1, 1, 1])).toThrow(/only one class/);
    expect(() => fitLogistic([[1], [2], [3]], [0, 1, 1])).toThrow(/class 0 has 1 point/);
    expect(() => fitLogistic([[1, 1], [1, 1], [1, 1], [1, 1]], [0, 1, 0, 1])).toThrow(/identical/);
    expect(() => fitLogistic([[1], [2], [3], [4]], [0, 2, 0, 2])).toThrow(RangeError);
    expect(() => fitLogistic([[1], [NaN], [3], [4]], [0, 1, 0, 1])).toThrow(/finite/);
    expect(() => fitLogistic(X, y, { C: 0 })).toThrow(RangeError);
    expect(() => fitLogistic([], [])).toThrow(RangeError);
  });
});

describe('fitLogistic — properties (fast-check)', () => {
  const point = fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }));
  const data = fc.array(fc.tuple(point, fc.boolean()), { minLength: 6, maxLength: 40 }).filter((rows) => {
    const ones = rows.filter((r) => r[1]).length;
    return ones >= 2 && rows.length - ones >= 2 && new Set(rows.map((r) => `${r[0][0]},${r[0][1]}`)).size > 1;
  });
  it('the gradient of the objective vanishes at the fit: ‖g‖∞ ≤ 1e-8·max(1, C·n)', () => {
    fc.assert(
      fc.property(data, fc.constantFrom(0.01, 1, 100, Infinity), (rows, C) => {
        const Xs = rows.map((r) => [r[0][0], r[0][1]]);
        const ys = rows.map((r) => (r[1] ? 1 : 0));
        const m = fitLogistic(Xs, ys, { C });
        for (const v of [...m.coef, m.intercept]) expect(Number.isFinite(v)).toBe(true);
        if (m.separable) return; // MLE at infinity: no stationary point exists
        const scale = Math.max(1, (C === Infinity ? 1 : C) * Xs.length);
        const g = logisticGradient(m, Xs, ys, C);
        if (m.converged) for (const v of g) expect(Math.abs(v)).toBeLessThanOrEqual(1e-8 * scale);
        const p = predictLogisticProba(m, Xs[0]!);
        expect(p >= 0 && p <= 1).toBe(true);
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
