/**
 * URL state of the L1/L2 regularisation figure: `?regularization=v1,wx:0.6,wy:2.2,lam:-1`.
 *
 * Defaults: the optimum w* = (2, 1), correlation ρ = 0.5 and budget t = 1, where the L1 solution sits
 * exactly on the corner (1, 0) of the diamond while the L2 solution keeps both weights; the note quotes
 * these through the constants below. The paths cursor is stored as log₁₀ α (scikit-learn's α).
 */
import { defineSchema, defaults, encodeState, type StateOf } from '../../controls/urlState';

/** Figure id: URL parameter and `fig-<id>` anchor. */
export const FIG = 'regularization';
/** Bumped when a field changes meaning. */
export const VERSION = 1;

/** The geometry panel's plane spans [−W_MAX, W_MAX]² and w* stays inside it. */
export const W_MAX = 3;
export const DEFAULT_W: readonly [number, number] = [2, 1];
export const DEFAULT_RHO = 0.5;
export const RHO_MAX = 0.95;
export const DEFAULT_T = 1;
export const T_MIN = 0.1;
export const T_MAX = 3.5;

/** Paths grid: log₁₀ α from LOG_ALPHA_MIN to LOG_ALPHA_MAX in steps of LOG_ALPHA_STEP (121 points). */
export const LOG_ALPHA_MIN = -4;
export const LOG_ALPHA_MAX = 2;
export const LOG_ALPHA_STEP = 0.05;
/** Default cursor: α = 10^−0.5 ≈ 0.32, where the lasso keeps 4 of the 10 diabetes variables. */
export const DEFAULT_LOG_ALPHA = -0.5;
/** Number of CV folds (scikit-learn's KFold(5), no shuffling). */
export const CV_FOLDS = 5;

/** Inset: λ of soft thresholding S(z, λ) and of the shrinkage z / (1 + λ). */
export const DEFAULT_INSET_LAMBDA = 1;
export const INSET_LAMBDA_MIN = 0.1;
export const INSET_LAMBDA_MAX = 2;
export const INSET_VALUES = ['op', 'prior'] as const;
export type InsetMode = (typeof INSET_VALUES)[number];

export const schema = defineSchema({
  /** Unregularised optimum w* (drag it). */
  wx: { kind: 'float', min: -W_MAX, max: W_MAX, default: DEFAULT_W[0], digits: 2 },
  wy: { kind: 'float', min: -W_MAX, max: W_MAX, default: DEFAULT_W[1], digits: 2 },
  /** Correlation of the two features: tilts the loss ellipses. */
  rho: { kind: 'float', min: -RHO_MAX, max: RHO_MAX, default: DEFAULT_RHO, digits: 2 },
  /** Budget: ‖w‖₁ ≤ t and ‖w‖₂ ≤ t. */
  t: { kind: 'float', min: T_MIN, max: T_MAX, default: DEFAULT_T, digits: 2 },
  /** Paths cursor, log₁₀ α. */
  lam: { kind: 'float', min: LOG_ALPHA_MIN, max: LOG_ALPHA_MAX, default: DEFAULT_LOG_ALPHA, digits: 2 },
  /** Inset: operators or priors. */
  ins: { kind: 'enum', values: INSET_VALUES, default: 'op' },
  /** Inset λ. */
  sl: { kind: 'float', min: INSET_LAMBDA_MIN, max: INSET_LAMBDA_MAX, default: DEFAULT_INSET_LAMBDA, digits: 2 },
});

export type RegState = StateOf<typeof schema>;

export const DEFAULT_STATE: RegState = defaults(schema);

/** The encoded state of a patch over the defaults (what FigLinks in the note use). */
export function stateString(patch: Partial<RegState>): string {
  return encodeState(schema, { ...DEFAULT_STATE, ...patch }, VERSION);
}
