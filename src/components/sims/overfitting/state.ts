/**
 * URL state of the overfitting figure: `?overfitting=v1,deg:9,n:100`.
 *
 * Defaults follow Bishop, PRML §1.1: sin 2πx, 10 training points, noise σ = 0.3, a cubic. The note
 * quotes DEFAULT_N, DEFAULT_DEGREE, OVERFIT_DEGREE, MORE_DATA_N and REG_LN_LAMBDA through the FigLink
 * states built by {@link stateString} (tests check the note's strings against it).
 */
import { defineSchema, defaults, encodeState, type StateOf } from '../../controls/urlState';

/** Figure id: URL parameter and `fig-<id>` anchor. */
export const FIG = 'overfitting';
/** Bumped when a field changes meaning. */
export const VERSION = 1;

export const FN_VALUES = ['sin', 'step', 'abs', 'cubic'] as const;
export const VIEW_VALUES = ['deg', 'lam', 'n', 'bv'] as const;
export type RightView = (typeof VIEW_VALUES)[number];

/** Training points (before added noisy points). */
export const N_MIN = 2;
export const N_MAX = 200;
export const DEFAULT_N = 10;
/** Size of the held-out validation set (its own random stream, independent of n). */
export const VALIDATION_N = 50;
export const DEFAULT_NOISE = 0.3;
export const NOISE_MAX = 1;
export const DEGREE_MAX = 15;
export const DEFAULT_DEGREE = 3;
/** The degree the note uses to show overfitting (10 coefficients through 10 points). */
export const OVERFIT_DEGREE = 9;
/** "More data": the note's n = 100 at degree 9. */
export const MORE_DATA_N = 100;
/** ln λ slider range; the leftmost position LN_LAMBDA_OFF means λ = 0 (no penalty). */
export const LN_LAMBDA_OFF = -30;
export const LN_LAMBDA_MAX = 2;
export const LN_LAMBDA_STEP = 0.5;
/** PRML Fig. 1.7: ln λ = −18 tames the degree-9 fit. */
export const REG_LN_LAMBDA = -18;
/** Bagging: number of bootstrap fits B. */
export const BAGS_MIN = 2;
export const BAGS_MAX = 50;
export const DEFAULT_BAGS = 20;
/** "Add noisy points": at most this many, each with noise σ = NOISY_SIGMA. */
export const ADD_MAX = 20;
export const ADD_STEP = 3;
export const NOISY_SIGMA = 1;
/** Dragged points: up to MAX_DRAGGED (index, x, y) triples. */
export const MAX_DRAGGED = 20;
export const Y_LIMIT = 3;
export const SEED_MAX = 999999;
export const DEFAULT_SEED = 3;

export const schema = defineSchema({
  /** True function. */
  fn: { kind: 'enum', values: FN_VALUES, default: 'sin' },
  /** Number of training points drawn from the data process. */
  n: { kind: 'int', min: N_MIN, max: N_MAX, default: DEFAULT_N },
  /** Noise σ. */
  noise: { kind: 'float', min: 0, max: NOISE_MAX, default: DEFAULT_NOISE, digits: 2 },
  /** Polynomial degree M. */
  deg: { kind: 'int', min: 0, max: DEGREE_MAX, default: DEFAULT_DEGREE },
  /** ln λ; LN_LAMBDA_OFF (the minimum) means λ = 0. */
  lnl: { kind: 'float', min: LN_LAMBDA_OFF, max: LN_LAMBDA_MAX, default: LN_LAMBDA_OFF, digits: 1 },
  /** Right panel: error vs degree, vs λ, vs n (learning curve), or the bias²/variance split. */
  view: { kind: 'enum', values: VIEW_VALUES, default: 'deg' },
  /** Bagging on/off and the number of bootstrap fits. */
  bag: { kind: 'bool', default: false },
  bags: { kind: 'int', min: BAGS_MIN, max: BAGS_MAX, default: DEFAULT_BAGS },
  /** Added noisy points (label-noise cause). */
  add: { kind: 'int', min: 0, max: ADD_MAX, default: 0 },
  /** Dragged training points: index_x_y triples, validated again by the view model. */
  pts: { kind: 'list', min: -Y_LIMIT, max: N_MAX + ADD_MAX, maxLength: 3 * MAX_DRAGGED, default: [], digits: 3 },
  /** Data seed; «新样本» increments it. */
  seed: { kind: 'int', min: 0, max: SEED_MAX, default: DEFAULT_SEED },
});

export type OverfitState = StateOf<typeof schema>;

export const DEFAULT_STATE: OverfitState = defaults(schema);

/** The encoded state of a patch over the defaults (what FigLinks in the note use). */
export function stateString(patch: Partial<OverfitState>): string {
  return encodeState(schema, { ...DEFAULT_STATE, ...patch }, VERSION);
}

/** λ from the stored ln λ (0 at the slider's left end). */
export function lambdaOf(lnl: number): number {
  return lnl <= LN_LAMBDA_OFF ? 0 : Math.exp(lnl);
}

/** A dragged point: which training point, and where it now is. */
export interface DraggedPoint {
  index: number;
  x: number;
  y: number;
}

/** Decodes the `pts` list into valid triples (integer index, x in [0, 1], y in [−Y_LIMIT, Y_LIMIT]); last one wins per index. */
export function parseDragged(list: readonly number[]): DraggedPoint[] {
  const byIndex = new Map<number, DraggedPoint>();
  for (let k = 0; k + 2 < list.length; k += 3) {
    const index = list[k]!;
    const x = list[k + 1]!;
    const y = list[k + 2]!;
    if (!Number.isInteger(index) || index < 0 || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    byIndex.set(index, { index, x: Math.min(1, Math.max(0, x)), y: Math.min(Y_LIMIT, Math.max(-Y_LIMIT, y)) });
  }
  return [...byIndex.values()].slice(0, MAX_DRAGGED);
}

/** The `pts` list with point `index` moved to (x, y) (rounded as the URL keeps it). */
export function withDragged(list: readonly number[], index: number, x: number, y: number): number[] {
  const kept = parseDragged(list).filter((p) => p.index !== index);
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const next = [...kept, { index, x: Math.min(1, Math.max(0, r(x))), y: Math.min(Y_LIMIT, Math.max(-Y_LIMIT, r(y))) }].slice(-MAX_DRAGGED);
  return next.flatMap((p) => [p.index, p.x, p.y]);
}
