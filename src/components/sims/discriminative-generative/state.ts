/**
 * URL state of the discriminative-vs-generative figure: `?discgen=v1,gen:lda,brk:crescent`.
 * The defaults are the setting the note describes first: two Gaussian classes with one shared,
 * tilted covariance (so the features are correlated and naive Bayes' independence assumption is
 * wrong), fitted by logistic regression and Gaussian naive Bayes. The prose quotes the constants below.
 */
import { defaults, defineSchema, encodeState, type StateOf } from '../../controls/urlState';

/** Figure id: URL parameter and `fig-<id>` anchor. */
export const FIG = 'discgen';
/** Bumped when a field changes meaning. */
export const VERSION = 1;

/** Points in the top panels. */
export const DEFAULT_N = 200;
export const MIN_N = 20;
export const MAX_N = 1000;
/** Distance between the class centres. */
export const DEFAULT_SEPARATION = 2.5;
/** Class 0's standard deviations along its own axes and the axes' tilt (degrees). */
export const DEFAULT_SHAPE0 = { sx: 1.5, sy: 0.6, rot: 35 } as const;
/** Class 1's shape (used when the classes do not share a covariance). */
export const DEFAULT_SHAPE1 = { sx: 1, sy: 1, rot: 0 } as const;
export const MIN_SIGMA = 0.3;
export const MAX_SIGMA = 2.5;
/** Logistic regression's C (scikit-learn's default). */
export const DEFAULT_C = 1;
/** Test points drawn from the same distribution to measure test error in the top panels. */
export const TEST_SIZE = 2000;

/** Learning curve: training-set sizes (geometric), repeats averaged, test points per repeat. */
export const LC_SIZES = { min: 10, max: 1000, count: 20 } as const;
export const LC_REPEATS = 50;
export const LC_TEST_SIZE = 2000;
/** Logistic regression's C in the learning curve (almost unpenalised, as in Ng & Jordan 2002). */
export const LC_LOGISTIC_C = 1e4;
/** The 10-dimensional learning-curve data: dims, correlated block, correlation, mean gap per feature. */
export const LC_DIMS = 10;
export const LC_BLOCK = 8;
export const DEFAULT_RHO = 0.8;
export const LC_DELTA = 0.5;

export const GEN_VALUES = ['nb', 'lda', 'qda'] as const;
export const BREAK_VALUES = ['none', 'crescent', 'heavyTail'] as const;
export const LC_VALUES = ['corr', '2d'] as const;

export const schema = defineSchema({
  /** Generative model of the right panels. */
  gen: { kind: 'enum', values: GEN_VALUES, default: 'nb' },
  /** Distance between the class centres. */
  sep: { kind: 'float', min: 0, max: 5, default: DEFAULT_SEPARATION, digits: 2 },
  /** Both classes share class 0's covariance. */
  shared: { kind: 'bool', default: true },
  sx0: { kind: 'float', min: MIN_SIGMA, max: MAX_SIGMA, default: DEFAULT_SHAPE0.sx, digits: 2 },
  sy0: { kind: 'float', min: MIN_SIGMA, max: MAX_SIGMA, default: DEFAULT_SHAPE0.sy, digits: 2 },
  rot0: { kind: 'int', min: -90, max: 90, default: DEFAULT_SHAPE0.rot },
  sx1: { kind: 'float', min: MIN_SIGMA, max: MAX_SIGMA, default: DEFAULT_SHAPE1.sx, digits: 2 },
  sy1: { kind: 'float', min: MIN_SIGMA, max: MAX_SIGMA, default: DEFAULT_SHAPE1.sy, digits: 2 },
  rot1: { kind: 'int', min: -90, max: 90, default: DEFAULT_SHAPE1.rot },
  /** P(y = 1). */
  prior: { kind: 'float', min: 0.1, max: 0.9, default: 0.5, digits: 2 },
  n: { kind: 'int', min: MIN_N, max: MAX_N, default: DEFAULT_N },
  seed: { kind: 'int', min: 1, max: 9999, default: 1 },
  /** Break the Gaussian assumption for class 1. */
  brk: { kind: 'enum', values: BREAK_VALUES, default: 'none' },
  /** Fraction of class 1 replaced by far outliers. */
  out: { kind: 'float', min: 0, max: 0.2, default: 0, digits: 2 },
  /** Logistic regression's inverse regularisation strength. */
  c: { kind: 'float', min: 0.01, max: 10000, default: DEFAULT_C, digits: 4 },
  /** Draw from the generative model: 0 = none shown, k = the k-th draw. */
  smp: { kind: 'int', min: 0, max: 9999, default: 0 },
  /** Learning-curve data: the 10-D correlated problem or the 2-D data of the top panels. */
  lc: { kind: 'enum', values: LC_VALUES, default: 'corr' },
  /** Correlation inside the 10-D problem's correlated block. */
  rho: { kind: 'float', min: 0, max: 0.95, default: DEFAULT_RHO, digits: 2 },
});

export type DgState = StateOf<typeof schema>;
export type GenKind = (typeof GEN_VALUES)[number];

/** The default state. */
export const DEFAULT_STATE: DgState = defaults(schema);

/** The encoded string of a state written as a patch on the defaults (what FigLinks use). */
export function stateString(patch: Partial<DgState>): string {
  return encodeState(schema, { ...DEFAULT_STATE, ...patch }, VERSION);
}
