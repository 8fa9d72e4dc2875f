/**
 * URL state of the vanishing-gradients figure: `?vanishing-gradients=v1,act:relu,init:he`.
 * The defaults are the setting in which gradients visibly vanish (sigmoid, standard init, 10 × 32);
 * the note quotes them through the constants below.
 */
import { defineSchema, encodeState, defaults, type StateOf } from '../../controls/urlState';

/** Figure id: URL parameter and `fig-<id>` anchor. */
export const FIG = 'vanishing-gradients';
/** Bumped when a field changes meaning. */
export const VERSION = 1;

/** Hidden layers (the note's “10 层” example). */
export const DEFAULT_DEPTH = 10;
export const MIN_DEPTH = 2;
export const MAX_DEPTH = 50;
/** Units per hidden layer (also the input width, so every hidden layer is square and can take a shortcut). */
export const DEFAULT_WIDTH = 32;
export const MIN_WIDTH = 8;
export const MAX_WIDTH = 128;
/** SGD steps of the training panel. */
export const TRAIN_STEPS = 300;
/** Sequence length of the RNN/LSTM panel. */
export const RNN_STEPS = 50;
/** Default forget gate f of the LSTM panel. */
export const DEFAULT_FORGET = 0.95;

export const ACT_VALUES = ['sigmoid', 'tanh', 'relu', 'leakyRelu'] as const;
export const INIT_VALUES = ['normal', 'standard', 'xavier', 'he'] as const;

export const schema = defineSchema({
  /** Hidden layers. */
  depth: { kind: 'int', min: MIN_DEPTH, max: MAX_DEPTH, default: DEFAULT_DEPTH },
  /** Units per hidden layer. */
  width: { kind: 'int', min: MIN_WIDTH, max: MAX_WIDTH, default: DEFAULT_WIDTH },
  act: { kind: 'enum', values: ACT_VALUES, default: 'sigmoid' },
  init: { kind: 'enum', values: INIT_VALUES, default: 'standard' },
  /** Multiplies every initial weight. */
  scale: { kind: 'float', min: 0.25, max: 4, default: 1, digits: 2 },
  bn: { kind: 'bool', default: false },
  res: { kind: 'bool', default: false },
  seed: { kind: 'int', min: 1, max: 9999, default: 1 },
  /** Training step shown by the heatmap cursor and loss curve. */
  step: { kind: 'int', min: 0, max: TRAIN_STEPS, default: TRAIN_STEPS },
  /** LSTM forget gate f (clamped for every unit and step). */
  forget: { kind: 'float', min: 0, max: 1, default: DEFAULT_FORGET, digits: 2 },
  /** RNN recurrent weight scale: W ~ N(0, rnnScale²/H). */
  rnn: { kind: 'float', min: 0.25, max: 3, default: 1, digits: 2 },
});

export type VgState = StateOf<typeof schema>;

/** The default state. */
export const DEFAULT_STATE: VgState = defaults(schema);

/** The encoded string of a state written as a patch on the defaults (what FigLinks use). */
export function stateString(patch: Partial<VgState>): string {
  return encodeState(schema, { ...DEFAULT_STATE, ...patch }, VERSION);
}

/** The three one-click fixes: each is a patch on the current state. */
export const FIXES = {
  relu: { act: 'relu', init: 'he', scale: 1 },
  bn: { bn: true },
  res: { res: true },
} as const satisfies Record<string, Partial<VgState>>;
