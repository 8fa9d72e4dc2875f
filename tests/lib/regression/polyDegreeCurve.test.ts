import { describe, expect, it } from 'vitest';
import fx from '../../fixtures/polynomial.json';
import { polyDegreeCurve } from '../../../src/lib/regression/polyDegreeCurve';
import { fitPolynomial } from '../../../src/lib/regression/polynomial';
import { expectClose } from '../../helpers/expectClose';

const train = { x: fx.bishop.x, y: fx.bishop.t };
const validation = { x: fx.bishop.xValidation, y: fx.bishop.tValidation };

describe('polyDegreeCurve (Bishop Fig. 1.5 data vs numpy)', () => {
  const curve = polyDegreeCurve(train, validation, { maxDegree: 9 });
  it('train and validation E_RMS for degrees 0–9 match numpy within 1e-8 (abs + rel; degree 9 train ≈ 0 within 1e-8)', () => {
    expect(curve.map((p) => p.degree)).toEqual(fx.bishop.degrees.map((d) => d.degree));
    expectClose(curve.map((p) => p.trainRms), fx.bishop.degrees.map((d) => d.trainRms), { abs: 1e-8, rel: 1e-8 });
    expectClose(curve.map((p) => p.validationRms), fx.bishop.degrees.map((d) => d.validationRms), { abs: 1e-8, rel: 1e-8 });
  });
  it('MSE is RMS squared and coefficients are the fits (abs 1e-12)', () => {
    for (const p of curve) {
      expectClose(p.trainMse, p.trainRms ** 2, { abs: 1e-12 });
      expectClose(p.coefficients, fitPolynomial(train.x, train.y, p.degree), { abs: 1e-12 });
    }
  });
  it('defaults to degrees 0–15 and honours minDegree and l2; rejects a bad range', () => {
    expect(polyDegreeCurve(train, validation).map((p) => p.degree)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    const some = polyDegreeCurve(train, validation, { minDegree: 3, maxDegree: 4, l2: 0.1 });
    expect(some.map((p) => p.degree)).toEqual([3, 4]);
    expectClose(some[0]!.coefficients, fitPolynomial(train.x, train.y, 3, { l2: 0.1 }), { abs: 1e-12 });
    expect(() => polyDegreeCurve(train, validation, { minDegree: 5, maxDegree: 4 })).toThrow(/maxDegree/);
  });
  it('an empty validation set gives NaN validation errors', () => {
    expect(Number.isNaN(polyDegreeCurve(train, { x: [], y: [] }, { maxDegree: 1 })[0]!.validationRms)).toBe(true);
  });
});
