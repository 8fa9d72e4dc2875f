import { describe, expect, it } from 'vitest';
import { classDensityGrid, gaussianContourLevels } from '../../../src/lib/classify/densityGrid';
import { fitGDA, predictGDAProba } from '../../../src/lib/classify/gda';
import { fitGaussianNB, predictNBProba } from '../../../src/lib/classify/gaussianNB';
import { fitLogistic, predictLogisticProba } from '../../../src/lib/classify/logistic';
import { gdaProbaGrid, gridCoordinates, logisticProbaGrid, nbProbaGrid } from '../../../src/lib/classify/probabilityGrid';
import fixture from '../../fixtures/classify.json';
import { expectClose } from '../../helpers/expectClose';

const X = fixture.overlap.X;
const y = fixture.overlap.y;
const extent = { xMin: -4, xMax: 4, yMin: -3, yMax: 5 };
const G = 21;

describe('probability grids', () => {
  it('lattice includes the corners; value (i, j) sits at index j·G + i', () => {
    const { xs, ys } = gridCoordinates(extent, G);
    expectClose([xs[0], xs[G - 1], ys[0], ys[G - 1], xs[1]], [-4, 4, -3, 5, -3.6], { abs: 1e-12 });
  });
  it('each model grid equals its pointwise prediction (Float32 rounding)', () => {
    const { xs, ys } = gridCoordinates(extent, G);
    const lr = fitLogistic(X, y, { C: 1e4 });
    const nb = fitGaussianNB(X, y);
    const lda = fitGDA(X, y);
    const qda = fitGDA(X, y, { sharedCovariance: false });
    const grids = [logisticProbaGrid(lr, extent, G), nbProbaGrid(nb, extent, G), gdaProbaGrid(lda, extent, G), gdaProbaGrid(qda, extent, G, 0)];
    for (const j of [0, 7, G - 1]) {
      for (const i of [0, 13, G - 1]) {
        const p = [xs[i]!, ys[j]!];
        const want = [predictLogisticProba(lr, p), predictNBProba(nb, p)[1]!, predictGDAProba(lda, p)[1]!, predictGDAProba(qda, p)[0]!];
        // Float32 keeps ~7 significant digits.
        expectClose(grids.map((g) => g[j * G + i]), want, { abs: 1e-7, rel: 1e-6 });
      }
    }
  });
  it('rejects bad G, empty extents, wrong dimensions and class indices', () => {
    const nb = fitGaussianNB(X, y);
    expect(() => nbProbaGrid(nb, extent, 1)).toThrow(RangeError);
    expect(() => nbProbaGrid(nb, { ...extent, xMax: -4 }, G)).toThrow(/empty/);
    expect(() => nbProbaGrid(nb, extent, G, 2)).toThrow(/classIndex/);
    expect(() => logisticProbaGrid({ coef: [1, 2, 3], intercept: 0 }, extent, G)).toThrow(/2-feature/);
  });
});

describe('density grids', () => {
  it('p(x | y) integrates to ≈ 1 over a wide extent (Riemann sum)', () => {
    const wide = { xMin: -10, xMax: 10, yMin: -10, yMax: 10 };
    const n = 201;
    const cell = (20 / (n - 1)) ** 2;
    for (const model of [fitGaussianNB(X, y), fitGDA(X, y), fitGDA(X, y, { sharedCovariance: false })]) {
      for (const k of [0, 1]) {
        const g = classDensityGrid(model, k, wide, n);
        let s = 0;
        for (const v of g) s += v;
        // Lattice sum of a smooth density with sd ~1 on a 0.1 step: error far below 1e-3.
        expectClose(s * cell, 1, { abs: 1e-3 });
      }
    }
  });
  it('contour levels are the density at Mahalanobis radius r: |2πΣ|^(−1/2) e^(−r²/2)', () => {
    const m = fitGaussianNB([[0, 0], [2, 0], [0, 4], [2, 4], [5, 5], [7, 9]], [0, 0, 0, 0, 1, 1]);
    // Class 0: variances 1 and 4 (+ tiny ε), so |2πΣ|^(−1/2) = 1/(2π·2).
    const levels = gaussianContourLevels(m, 0, [1, 2]);
    expectClose(levels, [Math.exp(-2) / (4 * Math.PI), Math.exp(-0.5) / (4 * Math.PI)], { rel: 1e-8 });
    // The grid at the mean equals the peak density.
    const g = classDensityGrid(m, 0, { xMin: 0, xMax: 2, yMin: 0, yMax: 4 }, 3);
    expectClose(g[1 * 3 + 1], 1 / (4 * Math.PI), { rel: 1e-6 });
  });
});
