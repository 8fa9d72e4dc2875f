import { describe, expect, it } from 'vitest';
import fx from '../../fixtures/polynomial.json';
import { polyLambdaCurve } from '../../../src/lib/regression/polyLambdaCurve';
import { fitPolynomial } from '../../../src/lib/regression/polynomial';
import { expectClose } from '../../helpers/expectClose';

const train = { x: fx.bishop.x, y: fx.bishop.t };
const validation = { x: fx.bishop.xValidation, y: fx.bishop.tValidation };

describe('polyLambdaCurve (Bishop Fig. 1.8 data vs scikit-learn Ridge)', () => {
  it('train and validation E_RMS for each ln λ match Ridge(fit_intercept=False) within 1e-8 (abs + rel)', () => {
    const curve = polyLambdaCurve(train, validation, 9, fx.ridge.map((r) => r.lambda));
    expectClose(curve.map((p) => p.lnLambda), fx.ridge.map((r) => r.lnLambda), { abs: 1e-9 });
    expectClose(curve.map((p) => p.trainRms), fx.ridge.map((r) => r.trainRms), { abs: 1e-8, rel: 1e-8 });
    expectClose(curve.map((p) => p.validationRms), fx.ridge.map((r) => r.validationRms), { abs: 1e-8, rel: 1e-8 });
  });
  it('λ = 0 is the unpenalised fit with ln λ = −Infinity', () => {
    const [p] = polyLambdaCurve(train, validation, 3, [0]);
    expect(p!.lnLambda).toBe(-Infinity);
    expectClose(p!.coefficients, fitPolynomial(train.x, train.y, 3), { abs: 1e-12 });
  });
});
