/**
 * Versioned, compact URL state for figures: `?ransac=v1,th:0.5,n:120,mode:perp`.
 *
 * One query parameter per figure (its id). Only values that differ from the defaults are written.
 * Decoding never throws: unknown keys, bad values and a wrong version are ignored, numbers are clamped
 * to their ranges, and the value alphabet is restricted to [A-Za-z0-9.-_] so nothing from the URL can
 * carry markup into the page. Pure (no DOM): tested with fast-check.
 */

export type FieldSpec =
  | { kind: 'int'; min: number; max: number; default: number }
  | { kind: 'float'; min: number; max: number; default: number; /** decimals kept in the URL @default 4 */ digits?: number }
  | { kind: 'enum'; values: readonly string[]; default: string }
  | { kind: 'bool'; default: boolean }
  /** A list of numbers (e.g. dragged points as x0_y0_x1_y1…), each clamped to [min, max]. */
  | { kind: 'list'; min: number; max: number; maxLength: number; default: readonly number[]; digits?: number };

export type Schema = Record<string, FieldSpec>;

type ValueOf<F extends FieldSpec> = F extends { kind: 'int' | 'float' }
  ? number
  : F extends { kind: 'enum'; values: readonly (infer V)[] }
    ? V
    : F extends { kind: 'bool' }
      ? boolean
      : F extends { kind: 'list' }
        ? number[]
        : never;

export type StateOf<S extends Schema> = { [K in keyof S]: ValueOf<S[K]> };

const KEY = /^[a-z][A-Za-z0-9]*$/;
const TOKEN = /^[A-Za-z0-9._-]*$/;
/** Longest parameter value we look at; anything longer is cut before parsing. */
export const MAX_STATE_LENGTH = 2000;

/** Throws at module load if a schema is malformed (a programming error, not user input). */
export function defineSchema<S extends Schema>(schema: S): S {
  for (const [key, spec] of Object.entries(schema)) {
    if (!KEY.test(key)) throw new Error(`state key "${key}" must match ${KEY}`);
    if (spec.kind === 'enum') {
      for (const v of spec.values) if (!/^[A-Za-z0-9-]+$/.test(v)) throw new Error(`enum value "${v}" of ${key} is not URL-safe`);
      if (!spec.values.includes(spec.default)) throw new Error(`default of ${key} is not one of its values`);
    }
    if ((spec.kind === 'int' || spec.kind === 'float' || spec.kind === 'list') && !(spec.min <= spec.max)) {
      throw new Error(`range of ${key} is empty`);
    }
  }
  return schema;
}

export function defaults<S extends Schema>(schema: S): StateOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) out[key] = spec.kind === 'list' ? [...spec.default] : spec.default;
  return out as StateOf<S>;
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

function parseNumber(raw: string): number | undefined {
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(raw)) return undefined;
  const v = Number(raw);
  return Number.isFinite(v) ? v : undefined;
}

function decodeField(spec: FieldSpec, raw: string): unknown {
  switch (spec.kind) {
    case 'int': {
      const v = parseNumber(raw);
      return v === undefined ? undefined : clamp(Math.round(v), spec.min, spec.max);
    }
    case 'float': {
      const v = parseNumber(raw);
      return v === undefined ? undefined : clamp(v, spec.min, spec.max);
    }
    case 'enum':
      return spec.values.includes(raw) ? raw : undefined;
    case 'bool':
      return raw === '1' ? true : raw === '0' ? false : undefined;
    case 'list': {
      if (raw === '') return [];
      const parts = raw.split('_').slice(0, spec.maxLength);
      const values = parts.map(parseNumber);
      if (values.some((v) => v === undefined)) return undefined;
      return (values as number[]).map((v) => clamp(v, spec.min, spec.max));
    }
  }
}

/** Parses a figure's parameter; anything unusable falls back to the default for that field. */
export function decodeState<S extends Schema>(schema: S, raw: string | null | undefined, version: number): StateOf<S> {
  const state = defaults(schema) as Record<string, unknown>;
  if (typeof raw !== 'string' || raw === '') return state as StateOf<S>;
  const tokens = raw.slice(0, MAX_STATE_LENGTH).split(',');
  if (tokens[0] !== `v${version}`) return state as StateOf<S>;
  for (const token of tokens.slice(1)) {
    const colon = token.indexOf(':');
    if (colon <= 0) continue;
    const key = token.slice(0, colon);
    const value = token.slice(colon + 1);
    if (!Object.hasOwn(schema, key) || !TOKEN.test(value)) continue;
    const decoded = decodeField(schema[key]!, value);
    if (decoded !== undefined) state[key] = decoded;
  }
  return state as StateOf<S>;
}

function formatNumber(v: number, digits: number): string {
  const s = Number(v.toFixed(digits)).toString();
  return s.includes('e') ? v.toFixed(digits) : s;
}

function encodeField(spec: FieldSpec, value: unknown): string {
  switch (spec.kind) {
    case 'int':
      return String(Math.round(value as number));
    case 'float':
      return formatNumber(value as number, spec.digits ?? 4);
    case 'enum':
      return String(value);
    case 'bool':
      return value ? '1' : '0';
    case 'list':
      return (value as number[]).map((v) => formatNumber(v, spec.digits ?? 3)).join('_');
  }
}

/** `v<version>` followed by the fields that differ from their defaults, in schema order. */
export function encodeState<S extends Schema>(schema: S, state: StateOf<S>, version: number): string {
  const parts = [`v${version}`];
  for (const [key, spec] of Object.entries(schema)) {
    const value = (state as Record<string, unknown>)[key];
    const encoded = encodeField(spec, value);
    const def = encodeField(spec, spec.kind === 'list' ? [...spec.default] : spec.default);
    if (encoded !== def) parts.push(`${key}:${encoded}`);
  }
  return parts.join(',');
}
