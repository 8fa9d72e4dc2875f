/**
 * Posterior probabilities of 2-D classifiers on a G×G lattice, as Float32Array for d3-contour or a
 * heatmap. Layout (d3-contour's): value of lattice point (i, j) at index j·G + i, where
 * xᵢ = xMin + i·(xMax − xMin)/(G − 1) and yⱼ = yMin + j·(yMax − yMin)/(G − 1) (corners included).
 */
import { prepareGDA, gdaProbaPrepared, type GDAModel } from './gda';
import type { GaussianNBModel } from './gaussianNB';
import { sigmoid } from './logistic';
import { softmaxInPlace } from './gaussianDensity';

/** The rectangle a grid covers. */
export interface GridExtent {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Checks G and the extent; returns the lattice steps. */
function steps(extent: GridExtent, G: number): { dx: number; dy: number } {
  if (!Number.isInteger(G) || G < 2) throw new RangeError(`G must be an integer ≥ 2, got ${G}`);
  const { xMin, xMax, yMin, yMax } = extent;
  if (![xMin, xMax, yMin, yMax].every(Number.isFinite)) throw new RangeError('grid extent must be finite numbers');
  if (!(xMax > xMin) || !(yMax > yMin)) throw new RangeError(`grid extent is empty: x [${xMin}, ${xMax}], y [${yMin}, ${yMax}]`);
  return { dx: (xMax - xMin) / (G - 1), dy: (yMax - yMin) / (G - 1) };
}

/** The lattice coordinates: xs[i] and ys[j] of the grid described above. */
export function gridCoordinates(extent: GridExtent, G: number): { xs: Float64Array; ys: Float64Array } {
  const { dx, dy } = steps(extent, G);
  const xs = new Float64Array(G);
  const ys = new Float64Array(G);
  for (let i = 0; i < G; i++) {
    xs[i] = extent.xMin + i * dx;
    ys[i] = extent.yMin + i * dy;
  }
  return { xs, ys };
}

/** Evaluates any f(x, y) on the lattice. */
export function probabilityGrid(extent: GridExtent, G: number, f: (x: number, y: number) => number): Float32Array {
  const { xs, ys } = gridCoordinates(extent, G);
  const out = new Float32Array(G * G);
  for (let j = 0; j < G; j++) for (let i = 0; i < G; i++) out[j * G + i] = f(xs[i]!, ys[j]!);
  return out;
}

function need2d(d: number): void {
  if (d !== 2) throw new RangeError(`probability grids need a 2-feature model, got ${d} features`);
}

/** P(y = 1 | x) of a logistic model on the lattice. */
export function logisticProbaGrid(model: { coef: readonly number[]; intercept: number }, extent: GridExtent, G: number): Float32Array {
  need2d(model.coef.length);
  const [w1, w2] = model.coef as [number, number];
  const b = model.intercept;
  return probabilityGrid(extent, G, (x, y) => sigmoid(w1 * x + w2 * y + b));
}

function classIndexOf(classes: readonly number[], classIndex: number | undefined): number {
  const k = classIndex ?? classes.length - 1;
  if (!Number.isInteger(k) || k < 0 || k >= classes.length) throw new RangeError(`classIndex must be in [0, ${classes.length - 1}], got ${k}`);
  return k;
}

/** P(y = classes[classIndex] | x) of Gaussian naive Bayes on the lattice (default: the last class). */
export function nbProbaGrid(model: GaussianNBModel, extent: GridExtent, G: number, classIndex?: number): Float32Array {
  need2d(model.means[0]!.length);
  const k = classIndexOf(model.classes, classIndex);
  const K = model.classes.length;
  const c0 = model.priors.map((p, c) => Math.log(p) - 0.5 * (Math.log(2 * Math.PI * model.variances[c]![0]!) + Math.log(2 * Math.PI * model.variances[c]![1]!)));
  const logits = new Array<number>(K);
  return probabilityGrid(extent, G, (x, y) => {
    for (let c = 0; c < K; c++) {
      const m = model.means[c]!;
      const v = model.variances[c]!;
      const a = x - m[0]!;
      const b = y - m[1]!;
      logits[c] = c0[c]! - 0.5 * ((a * a) / v[0]! + (b * b) / v[1]!);
    }
    return softmaxInPlace(logits)[k]!;
  });
}

/** P(y = classes[classIndex] | x) of a GDA model on the lattice (default: the last class). */
export function gdaProbaGrid(model: GDAModel, extent: GridExtent, G: number, classIndex?: number): Float32Array {
  need2d(model.means[0]!.length);
  const k = classIndexOf(model.classes, classIndex);
  const gs = prepareGDA(model);
  const logPriors = model.priors.map(Math.log);
  const pt = [0, 0];
  return probabilityGrid(extent, G, (x, y) => {
    pt[0] = x;
    pt[1] = y;
    return gdaProbaPrepared(gs, logPriors, pt)[k]!;
  });
}
