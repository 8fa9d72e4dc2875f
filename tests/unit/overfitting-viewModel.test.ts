import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, DEFAULT_DEGREE, DEFAULT_N, DEFAULT_NOISE, MORE_DATA_N, OVERFIT_DEGREE, REG_LN_LAMBDA, VALIDATION_N, withDragged, type OverfitState } from '../../src/components/sims/overfitting/state';
import { baggingView, buildData, computeView, degenerateMessage, fitView, formatError, lambdaCurve, summaryText } from '../../src/components/sims/overfitting/viewModel';
import { fitPolynomial } from '../../src/lib/regression/polynomial';
import { polyErrors } from '../../src/lib/regression/polyErrors';
import { expectClose } from '../helpers/expectClose';

const st = (patch: Partial<OverfitState>): OverfitState => ({ ...DEFAULT_STATE, ...patch });

describe('overfitting view model', () => {
  it('default data: Bishop design (n points evenly spaced, validation set of VALIDATION_N)', () => {
    const d = buildData(DEFAULT_STATE);
    expect(d.train.x.length).toBe(DEFAULT_N);
    expect(d.validation.x.length).toBe(VALIDATION_N);
    expectClose(d.train.x, Array.from({ length: DEFAULT_N }, (_, i) => i / (DEFAULT_N - 1)), { abs: 1e-12 });
    expect(DEFAULT_NOISE).toBe(0.3);
  });

  it('the numbers shown are the src/lib numbers', () => {
    const v = computeView(st({ deg: OVERFIT_DEGREE }));
    const w = fitPolynomial(v.data.train.x, v.data.train.y, OVERFIT_DEGREE);
    expectClose(v.fit.coefficients, w, { rel: 1e-12, abs: 1e-9 });
    expectClose(v.fit.validationRms, polyErrors(w, v.data.validation).rms, { rel: 1e-12 });
    expect(v.fit.trainRms).toBeLessThan(1e-6); // degree 9 through 10 points interpolates
    expect(v.curve[OVERFIT_DEGREE]!.validationRms).toBe(v.fit.validationRms);
  });

  it('the stories of the note hold at the default seed', () => {
    const good = computeView(st({ deg: DEFAULT_DEGREE }));
    const over = computeView(st({ deg: OVERFIT_DEGREE }));
    const more = computeView(st({ deg: OVERFIT_DEGREE, n: MORE_DATA_N }));
    const reg = computeView(st({ deg: OVERFIT_DEGREE, lnl: REG_LN_LAMBDA }));
    expect(over.fit.validationRms).toBeGreaterThan(2 * good.fit.validationRms);
    expect(over.fit.maxCoefficient).toBeGreaterThan(1e5);
    expect(more.fit.validationRms).toBeLessThan(0.5 * over.fit.validationRms);
    expect(reg.fit.validationRms).toBeLessThan(0.6 * over.fit.validationRms);
    expect(over.summary).toContain('过拟合');
    expect(computeView(st({ deg: 1 })).summary).toContain('欠拟合');
    // Training error never rises with the degree (nested models).
    for (let k = 1; k < good.curve.length; k++) expect(good.curve[k]!.trainRms).toBeLessThanOrEqual(good.curve[k - 1]!.trainRms + 1e-9);
  });

  it('more data keeps the first noise draws; noise scales the same residuals; added points are nested', () => {
    const a = buildData(st({ noise: 0.3 }));
    const b = buildData(st({ noise: 0.6 }));
    const f = (x: number) => Math.sin(2 * Math.PI * x);
    a.train.x.forEach((x, i) => expectClose(b.train.y[i]! - f(x), 2 * (a.train.y[i]! - f(x)), { abs: 1e-12 }));
    const three = buildData(st({ add: 3 }));
    const six = buildData(st({ add: 6 }));
    expect(six.points.slice(0, DEFAULT_N + 3)).toEqual(three.points);
    expect(six.points.filter((p) => p.noisy).length).toBe(6);
  });

  it('dragged points replace the training point they name; unknown indices are ignored', () => {
    const pts = withDragged(withDragged([], 2, 0.25, 1.5), 999, 0.1, 0.1);
    const d = buildData(st({ pts }));
    expect(d.points[2]).toMatchObject({ x: 0.25, y: 1.5, dragged: true });
    expect(d.points.length).toBe(DEFAULT_N);
  });

  it('degenerate data: all points at one x gives a clear message, nothing shows NaN', () => {
    let pts: number[] = [];
    for (let i = 0; i < DEFAULT_N; i++) pts = withDragged(pts, i, 0.5, i / 10);
    const s = st({ pts, deg: 15 });
    const v = computeView(s);
    expect(v.error).toMatch(/x 都相同/);
    expect(v.summary).not.toMatch(/NaN|Infinity|undefined/);
    const two = computeView(st({ n: 2, deg: 15, noise: 0 }));
    expect(two.error).toBeNull();
    expect(two.summary).toContain('曲线穿过每个训练点');
    expect(degenerateMessage({ train: { x: [], y: [] }, validation: { x: [0], y: [0] }, points: [] }, fitView({ train: { x: [], y: [] }, validation: { x: [0], y: [0] }, points: [] }, 2, 0))).toMatch(/没有训练点/);
  });

  it('bagging: the average of B fits scores no worse than the average member (Jensen), and λ view matches the lib', () => {
    const d = buildData(st({ deg: OVERFIT_DEGREE }));
    const bag = baggingView(d, OVERFIT_DEGREE, 0, 20, DEFAULT_STATE.seed);
    expect(bag.members.length).toBe(20);
    expect(bag.validationRms).toBeLessThanOrEqual(bag.memberValidationRms + 1e-12);
    const lam = lambdaCurve(d, OVERFIT_DEGREE);
    expectClose(lam[lam.length - 1]!.lambda, Math.exp(2), { rel: 1e-12 });
  });

  it('formatError never prints NaN and uses ×10ⁿ for large values', () => {
    expect(formatError(NaN)).toBe('—');
    expect(formatError(Infinity)).toBe('—');
    expect(formatError(456000)).toBe('4.6×10⁵');
    expect(formatError(0.1234)).toBe('0.123');
    const v = computeView(DEFAULT_STATE);
    expect(summaryText({ state: DEFAULT_STATE, data: v.data, fit: v.fit, curve: v.curve, learning: [], biasVariance: [] })).not.toMatch(/NaN/);
  });
});
