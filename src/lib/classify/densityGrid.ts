/**
 * Class-conditional Gaussian densities p(x | y = k) of a fitted generative model on the G×G lattice
 * of {@link probabilityGrid} (same layout), and the density levels of Mahalanobis ellipses, so a
 * figure can draw "1σ, 2σ" contours with d3-contour.
 */
import { choleskyWithRidge, gaussianLogPdf, prepareGaussian, type PreparedGaussian } from './gaussianDensity';
import type { GDAModel } from './gda';
import type { GaussianNBModel } from './gaussianNB';
import { probabilityGrid, type GridExtent } from './probabilityGrid';

/** Either generative model: naive Bayes (diagonal covariance) or GDA (full covariance). */
export type GenerativeModel = GaussianNBModel | GDAModel;

/** The class-k Gaussian of a generative model (naive Bayes: diagonal covariance from its variances). */
export function classGaussian(model: GenerativeModel, classIndex: number): PreparedGaussian {
  const K = model.classes.length;
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= K) throw new RangeError(`classIndex must be in [0, ${K - 1}], got ${classIndex}`);
  const mean = model.means[classIndex]!;
  const cov = 'covariances' in model
    ? model.covariances[classIndex]!
    : model.variances[classIndex]!.map((v, a, vs) => vs.map((_, b) => (a === b ? v : 0)));
  return prepareGaussian(mean, choleskyWithRidge(cov, 0).chol);
}

/** p(x | y = classes[classIndex]) on the lattice (a density, not a probability: it integrates to 1). */
export function classDensityGrid(model: GenerativeModel, classIndex: number, extent: GridExtent, G: number): Float32Array {
  const g = classGaussian(model, classIndex);
  if (g.mean.length !== 2) throw new RangeError(`density grids need a 2-feature model, got ${g.mean.length} features`);
  const pt = [0, 0];
  return probabilityGrid(extent, G, (x, y) => {
    pt[0] = x;
    pt[1] = y;
    return Math.exp(gaussianLogPdf(g, pt));
  });
}

/**
 * Density values of the ellipses at Mahalanobis radii r (default 1, 2, 3):
 * p = (2π)^(−d/2) |Σ|^(−1/2) exp(−r²/2). In 2-D the r-ellipse holds 1 − exp(−r²/2) of the mass.
 * Returned in ascending order of density (descending r), as d3-contour's `thresholds` wants.
 */
export function gaussianContourLevels(model: GenerativeModel, classIndex: number, radii: readonly number[] = [1, 2, 3]): number[] {
  const g = classGaussian(model, classIndex);
  for (const r of radii) if (!(r >= 0) || !Number.isFinite(r)) throw new RangeError(`radius must be a non-negative number, got ${r}`);
  return radii.map((r) => Math.exp(g.logNorm - 0.5 * r * r)).sort((a, b) => a - b);
}
