/**
 * URL state of the random-forest figure: `?random-forest=v1,trees:200,extra:4`.
 * Defaults follow the lib author's suggestion (moons, n = 200, noise 0.25, 50 trees, unlimited depth,
 * √p features, bootstrap on); the note links to states through {@link stateString}.
 */
import { defaults, defineSchema, encodeState, type StateOf } from '../../controls/urlState';

/** Figure id: URL parameter and `fig-<id>` anchor. */
export const FIG = 'random-forest';
/** Bumped when a field changes meaning. */
export const VERSION = 1;

/** Trees grown by the worker; the tree-count slider re-averages the first b of them. */
export const MAX_TREES = 200;
export const DEFAULT_TREES = 50;
export const DEFAULT_N = 200;
export const DEFAULT_NOISE = 0.25;
/** `depth` at this value means “no limit” (trees grow until their leaves are pure). */
export const DEPTH_UNLIMITED = 16;
/** Most pure-noise features the reader can append. */
export const MAX_EXTRA = 8;
/** Test-set size (same distribution, another seed). */
export const TEST_N = 500;
/** Trees drawn as small multiples. */
export const SMALL_MULTIPLES = 4;

export const SHAPES = ['moons', 'circles', 'xor', 'blobs', 'spirals'] as const;
export type Shape = (typeof SHAPES)[number];
/** Shapes that can have three classes. */
export const MULTICLASS_SHAPES: readonly Shape[] = ['blobs', 'spirals'];

export const schema = defineSchema({
  data: { kind: 'enum', values: SHAPES, default: 'moons' },
  /** Classes (blobs and spirals only). */
  cls: { kind: 'int', min: 2, max: 3, default: 2 },
  n: { kind: 'int', min: 20, max: 300, default: DEFAULT_N },
  noise: { kind: 'float', min: 0, max: 1, default: DEFAULT_NOISE, digits: 2 },
  /** Pure-noise features appended to the two informative ones. */
  extra: { kind: 'int', min: 0, max: MAX_EXTRA, default: 0 },
  /** Number of trees b averaged (1..MAX_TREES). */
  trees: { kind: 'int', min: 1, max: MAX_TREES, default: DEFAULT_TREES },
  /** Maximum depth; DEPTH_UNLIMITED = no limit. */
  depth: { kind: 'int', min: 1, max: DEPTH_UNLIMITED, default: DEPTH_UNLIMITED },
  /** Minimum samples per leaf. */
  leaf: { kind: 'int', min: 1, max: 30, default: 1 },
  /** Features examined per split m; 0 = ⌊√p⌋ (sklearn's default); clamped to p. */
  mf: { kind: 'int', min: 0, max: 2 + MAX_EXTRA, default: 0 },
  boot: { kind: 'bool', default: true },
  /** Seed 4: its first tree is a typical one (the first tree of seed 1 happens to be unusually good). */
  seed: { kind: 'int', min: 1, max: 9999, default: 4 },
  /** Selected tree (0-based) for the bootstrap / OOB panel; clamped to trees − 1. */
  sel: { kind: 'int', min: 0, max: MAX_TREES - 1, default: 0 },
  /** Jury inset: accuracy p of one voter. */
  jp: { kind: 'float', min: 0.5, max: 0.95, default: 0.6, digits: 2 },
  /** Jury inset: correlation ρ between voters. */
  jr: { kind: 'float', min: 0, max: 0.9, default: 0.1, digits: 2 },
});

export type RfState = StateOf<typeof schema>;

/** The default state. */
export const DEFAULT_STATE: RfState = defaults(schema);

/** The encoded string of a state written as a patch on the defaults (what FigLinks use). */
export function stateString(patch: Partial<RfState>): string {
  return encodeState(schema, { ...DEFAULT_STATE, ...patch }, VERSION);
}
