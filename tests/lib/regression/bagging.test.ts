import { describe, expect, it } from 'vitest';
import { baggingCurves, baggingFit, baggingPredict } from '../../../src/lib/regression/bagging';
import { evaluatePolynomial, fitPolynomial } from '../../../src/lib/regression/polynomial';
import { sampleCurve } from '../../../src/lib/data/curves';
import { createRng } from '../../../src/lib/random';
import { expectClose } from '../../helpers/expectClose';

const sample = sampleCurve({ n: 15, noise: 0.3 }, createRng(3));

describe('baggingFit', () => {
  const model = baggingFit(sample, 9, { bags: 25 }, createRng(8));
  it('is deterministic for a seed, with B members of degree + 1 coefficients', () => {
    expect(baggingFit(sample, 9, { bags: 25 }, createRng(8))).toEqual(model);
    expect(model.members.length).toBe(25);
    for (const w of model.members) expect(w.length).toBe(10);
  });
  it('the averaged coefficients are the mean of the members (linearity; rel 1e-12 + abs 1e-9)', () => {
    const mean = model.coefficients.map((_, j) => model.members.reduce((s, w) => s + w[j]!, 0) / 25);
    expectClose(model.coefficients, mean, { rel: 1e-12, abs: 1e-9 });
  });
  it('bagged prediction = mean of member predictions = polynomial of averaged coefficients (abs 1e-6)', () => {
    const xs = [0, 0.2, 0.5, 0.77, 1];
    const curves = baggingCurves(model, xs);
    expectClose(curves.mean, xs.map((x) => baggingPredict(model, x)), { abs: 1e-12 });
    // Member coefficients reach ≈ 4e7 here (degree 9 through bootstrap resamples of 15 points), so
    // evaluating the averaged polynomial differs from averaging member values by ≈ 4e7 · ε · 10 ≈ 1e-7.
    expectClose(curves.mean, xs.map((x) => evaluatePolynomial(model.coefficients, x)), { abs: 1e-6 });
    expectClose(curves.members[0]!, xs.map((x) => evaluatePolynomial(model.members[0]!, x)), { abs: 1e-12 });
  });
  it('each member is the least-squares fit of some bootstrap resample: members differ from the full fit', () => {
    const full = fitPolynomial(sample.x, sample.y, 9);
    const distinct = new Set(model.members.map((w) => w.join(',')));
    expect(distinct.size).toBeGreaterThan(20);
    expect(model.members.some((w) => w.join(',') === full.join(','))).toBe(false);
  });
  it('degree 0: the bagged constant is the average of bootstrap means ≈ the sample mean (B = 400, |diff| < 4 s.e.)', () => {
    // Each bootstrap mean has variance s²/n around the sample mean ȳ (s² the plug-in variance), so the
    // average of B of them deviates by about s/√(nB).
    const n = sample.y.length;
    const mean = sample.y.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(sample.y.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
    const bagged = baggingFit(sample, 0, { bags: 400 }, createRng(2));
    expectClose(bagged.coefficients[0]!, mean, { abs: (4 * sd) / Math.sqrt(n * 400) });
  });
  it('rejects bad bags and degree', () => {
    expect(() => baggingFit(sample, 3, { bags: 0 }, createRng(1))).toThrow(/bags/);
    expect(() => baggingFit(sample, -1, {}, createRng(1))).toThrow(/degree/);
  });
});
