/**
 * The top panels' geometry as plain SVG path strings, so it can be computed off the main thread
 * (figure.worker.ts) and sent to the island as data: marching squares over the 100×100 grids
 * (d3-contour) is most of the cost of a control change. The strings are the ones the shared chart
 * pieces draw: `bandPaths` = charts/Contours (filled bands), `isoPaths` = charts/IsoLine (open
 * curves with the grid-border pieces dropped); tests/unit/discriminative-generative-drawing.test.ts
 * checks that they agree.
 */
import { bandPaths, isoPaths, type Band } from '../../charts/contourPaths';
export { bandPaths, isoPaths, type Band };
import { computeScene, GRID, type SceneView } from './viewModel';
import type { DgState } from './state';

/** Probability bands 0–0.1, …, 0.9–1 of the p(y=1|x) surfaces. */
export const SURFACE_THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** Everything the three top panels draw from the grids, as path strings. */
export interface SceneDrawing {
  /** Filled p(y=1|x) bands of logistic regression and of the generative model. */
  lrBands: Band[];
  genBands: Band[];
  /** Decision boundaries p = 0.5. */
  lrBoundary: string;
  genBoundary: string;
  /** Per class: the 1σ and 2σ ellipses of p(x | y = k). */
  density: string[][];
}

/** The path strings of a scene's grids for a plot area of width×height pixels (null when there are no grids). */
export function sceneDrawing(v: SceneView, width: number, height: number): SceneDrawing | null {
  if (!v.lrGrid || !v.genGrid) return null;
  return {
    lrBands: bandPaths(v.lrGrid, GRID, GRID, width, height, SURFACE_THRESHOLDS),
    genBands: bandPaths(v.genGrid, GRID, GRID, width, height, SURFACE_THRESHOLDS),
    lrBoundary: isoPaths(v.lrGrid, GRID, GRID, width, height, [0.5])[0]!,
    genBoundary: isoPaths(v.genGrid, GRID, GRID, width, height, [0.5])[0]!,
    density: v.density.map((dg) => isoPaths(dg.grid, GRID, GRID, width, height, dg.levels)),
  };
}

/** A scene as the island shows it: the view without its grids (large, only needed for the paths) and the paths. */
export interface DisplayScene {
  view: Omit<SceneView, 'lrGrid' | 'genGrid' | 'density'>;
  drawing: SceneDrawing | null;
}

/** computeScene + sceneDrawing: what the worker computes (and the island, for the pre-rendered default). */
export function displayScene(s: DgState, width: number, height: number): DisplayScene {
  const full = computeScene(s);
  const { lrGrid, genGrid, density, ...view } = full;
  return { view, drawing: sceneDrawing(full, width, height) };
}

/** A scene that shows only an error sentence (for a failure the view model did not anticipate). */
export function errorScene(error: string): DisplayScene {
  return {
    view: {
      points: [], offscreen: 0, samples: [], lr: null, gen: null, lrTest: NaN, genTest: NaN, lrTrain: NaN, genTrain: NaN,
      agree: NaN, counts: [0, 0], summary: '', error, rows: [],
    },
    drawing: null,
  };
}
