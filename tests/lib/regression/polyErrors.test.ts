import { describe, expect, it } from 'vitest';
import { meanSquaredError, polyErrors, rootMeanSquaredError } from '../../../src/lib/regression/polyErrors';
import { expectClose } from '../../helpers/expectClose';

describe('error helpers (hand-derived, abs 1e-15)', () => {
  it('MSE of residuals (1, −1, 2) is 2 and RMS is √2', () => {
    expectClose(meanSquaredError([1, 2, 3], [0, 3, 1]), 2, { abs: 1e-15 });
    expectClose(rootMeanSquaredError([1, 2, 3], [0, 3, 1]), Math.SQRT2, { abs: 1e-15 });
  });
  it('polyErrors evaluates the polynomial: y = 1 + x on (0, 1), (1, 3) has residuals (0, −1)', () => {
    expectClose(polyErrors([1, 1], { x: [0, 1], y: [1, 3] }), { mse: 0.5, rms: Math.SQRT1_2 }, { abs: 1e-15 });
  });
  it('empty data: polyErrors gives NaN, meanSquaredError throws; mismatched lengths throw', () => {
    const e = polyErrors([1], { x: [], y: [] });
    expect(Number.isNaN(e.mse) && Number.isNaN(e.rms)).toBe(true);
    expect(() => meanSquaredError([], [])).toThrow(RangeError);
    expect(() => meanSquaredError([1], [1, 2])).toThrow(/same length/);
    expect(() => polyErrors([1], { x: [1], y: [] })).toThrow(RangeError);
  });
});
