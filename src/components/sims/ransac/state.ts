/**
 * URL state of the RANSAC figure: `?ransac=v1,out:0.6,t:3,ph:2`.
 * The defaults reproduce the note's worked example (w = 0.5, s = 2, p = 0.99 → N = 17 trials) on a
 * noisy line whose noise σ makes the note's rule t = 1.96σ give the default threshold.
 * The note quotes these numbers through the constants below.
 */
import { defineSchema, defaults, encodeState, type StateOf } from '../../controls/urlState';

/** Figure id: URL parameter and `fig-<id>` anchor. */
export const FIG = 'ransac';
/** Bumped when a field changes meaning. */
export const VERSION = 1;

/** The true line y = TRUE_SLOPE·x + TRUE_INTERCEPT over x ∈ X_RANGE. */
export const TRUE_SLOPE = 0.5;
export const TRUE_INTERCEPT = 1;
export const X_RANGE: readonly [number, number] = [0, 10];
/** Noise σ of the inliers (fixed; the threshold slider is read against it). */
export const NOISE = 0.3;
/** Plot window; dragged and added points are clamped to it. */
export const Y_RANGE: readonly [number, number] = [-1.5, 8.5];

/** Number of generated points. */
export const DEFAULT_N = 60;
export const MIN_N = 10;
export const MAX_N = 200;
/** Outlier ratio of the generated data (the note's example: half the points are outliers, w = 0.5). */
export const DEFAULT_OUTLIER_RATIO = 0.5;
export const MAX_OUTLIER_RATIO = 0.8;
/** Inlier threshold t ≈ 1.96σ (the note's rule for keeping about 95% of true inliers). */
export const DEFAULT_THRESHOLD = 0.6;
/** Fixed number of iterations: the note's N = 17 for p = 0.99, s = 2, w = 0.5. */
export const DEFAULT_ITERATIONS = 17;
export const MAX_ITERATIONS = 500;
/** Target confidence p for the automatic trial budget (and the formula panel). */
export const DEFAULT_P = 0.99;
/** Sample size s of a line. */
export const LINE_SAMPLE_SIZE = 2;
/** Most points the reader can add, and most generated points the reader can move. */
export const MAX_ADDED = 20;
export const MAX_MOVED = 20;

export const RESIDUAL_VALUES = ['vert', 'perp'] as const;
export const ITER_MODES = ['fixed', 'auto'] as const;
export const PLAY_UNITS = ['step', 'iter'] as const;
/** Sample sizes the formula panel offers: line, circle, homography, eight-point fundamental matrix. */
export const SAMPLE_SIZES = ['2', '3', '4', '8'] as const;

export const schema = defineSchema({
  /** Generated points. */
  n: { kind: 'int', min: MIN_N, max: MAX_N, default: DEFAULT_N },
  /** Outlier ratio of the generated data. */
  out: { kind: 'float', min: 0, max: MAX_OUTLIER_RATIO, default: DEFAULT_OUTLIER_RATIO, digits: 2 },
  seed: { kind: 'int', min: 1, max: 9999, default: 1 },
  /** Inlier threshold t. */
  th: { kind: 'float', min: 0.05, max: 3, default: DEFAULT_THRESHOLD, digits: 2 },
  /** Fixed number of iterations, or the adaptive budget from p. */
  mode: { kind: 'enum', values: ITER_MODES, default: 'fixed' },
  iters: { kind: 'int', min: 1, max: MAX_ITERATIONS, default: DEFAULT_ITERATIONS },
  p: { kind: 'float', min: 0.5, max: 0.999, default: DEFAULT_P, digits: 3 },
  /** Vertical or perpendicular residual. */
  res: { kind: 'enum', values: RESIDUAL_VALUES, default: 'vert' },
  /** Least-squares refit on the best consensus set (note step 4) for the final answer. */
  refit: { kind: 'bool', default: true },
  /** Iteration shown (1-based); 0 shows the finished run. */
  t: { kind: 'int', min: 0, max: MAX_ITERATIONS, default: 0 },
  /** The note's step (1–5) shown within iteration t. */
  ph: { kind: 'int', min: 1, max: 5, default: 1 },
  /** Play one step or one whole iteration per tick. */
  play: { kind: 'enum', values: PLAY_UNITS, default: 'step' },
  /** Sample size s in the formula panel. */
  s: { kind: 'enum', values: SAMPLE_SIZES, default: '2' },
  /** Added outliers: x0_y0_x1_y1… */
  add: { kind: 'list', min: -10, max: 20, maxLength: 2 * MAX_ADDED, default: [], digits: 2 },
  /** Moved generated points: i0_x0_y0_i1_x1_y1… */
  mv: { kind: 'list', min: -10, max: MAX_N, maxLength: 3 * MAX_MOVED, default: [], digits: 2 },
});

export type RansacState = StateOf<typeof schema>;

/** The default state. */
export const DEFAULT_STATE: RansacState = defaults(schema);

/** The encoded string of a state written as a patch on the defaults (what FigLinks use). */
export function stateString(patch: Partial<RansacState>): string {
  return encodeState(schema, { ...DEFAULT_STATE, ...patch }, VERSION);
}
