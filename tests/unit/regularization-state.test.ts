import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../src/components/controls/urlState';
import {
  DEFAULT_STATE,
  FIG,
  INSET_LAMBDA_MAX,
  INSET_LAMBDA_MIN,
  INSET_VALUES,
  LOG_ALPHA_MAX,
  LOG_ALPHA_MIN,
  RHO_MAX,
  schema,
  stateString,
  T_MAX,
  T_MIN,
  VERSION,
  W_MAX,
} from '../../src/components/sims/regularization/state';

const inRange = (v: number, lo: number, hi: number) => Number.isFinite(v) && v >= lo && v <= hi;

describe('regularization state', () => {
  it('defaults encode to the bare version and round-trip', () => {
    expect(encodeState(schema, DEFAULT_STATE, VERSION)).toBe('v1');
    const s = { ...DEFAULT_STATE, wx: -1.25, wy: 2.5, rho: -0.3, t: 0.75, lam: -2.45, ins: 'prior' as const, sl: 1.5 };
    const enc = encodeState(schema, s, VERSION);
    expect(enc).toBe('v1,wx:-1.25,wy:2.5,rho:-0.3,t:0.75,lam:-2.45,ins:prior,sl:1.5');
    expect(decodeState(schema, enc, VERSION)).toEqual(s);
  });

  it('clamps out-of-range values and ignores junk', () => {
    const s = decodeState(schema, 'v1,wx:99,wy:-99,rho:1,t:0,lam:-10,ins:evil,sl:9', VERSION);
    expect(s).toEqual({ ...DEFAULT_STATE, wx: W_MAX, wy: -W_MAX, rho: RHO_MAX, t: T_MIN, lam: LOG_ALPHA_MIN, sl: INSET_LAMBDA_MAX });
  });

  it('never throws on hostile strings and every value stays in range (fast-check, seed 7)', () => {
    const keys = fc.constantFrom('wx', 'wy', 'rho', 't', 'lam', 'ins', 'sl', '__proto__', 'constructor');
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('<img src=x onerror=alert(1)>', 'v1,wx:1e309', 'v1,t:NaN,rho:-Infinity', 'v1,' + 'lam:1,'.repeat(800), '%00%ff', 'v1,ins:<script>'),
      fc.array(fc.tuple(keys, fc.oneof(fc.string({ maxLength: 12 }), fc.double().map(String))), { maxLength: 10 }).map((kv) => 'v1,' + kv.map(([k, v]) => `${k}:${v}`).join(',')),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const s = decodeState(schema, raw, VERSION);
        expect(inRange(s.wx, -W_MAX, W_MAX) && inRange(s.wy, -W_MAX, W_MAX)).toBe(true);
        expect(inRange(s.rho, -RHO_MAX, RHO_MAX)).toBe(true);
        expect(inRange(s.t, T_MIN, T_MAX)).toBe(true);
        expect(inRange(s.lam, LOG_ALPHA_MIN, LOG_ALPHA_MAX)).toBe(true);
        expect(inRange(s.sl, INSET_LAMBDA_MIN, INSET_LAMBDA_MAX)).toBe(true);
        expect(INSET_VALUES).toContain(s.ins);
        expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
        expect(encodeState(schema, s, VERSION)).toMatch(/^v1[A-Za-z0-9.,:_-]*$/);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('every FigLink in the note is a canonical state string (what the copy-link button writes)', () => {
    const mdx = readFileSync(new URL('../../src/content/notes/regularization.mdx', import.meta.url), 'utf8');
    const links = Array.from(mdx.matchAll(/<FigLink fig="([^"]+)" state="([^"]+)">/g));
    expect(links.length).toBeGreaterThanOrEqual(8);
    for (const [, fig, state] of links) {
      expect(fig).toBe(FIG);
      expect(encodeState(schema, decodeState(schema, state!, VERSION), VERSION)).toBe(state);
    }
    // the first link must change the figure (the generic e2e test clicks it)
    expect(links[0]![2]).not.toBe('v1');
    expect(stateString({ lam: 2 })).toBe(links[0]![2]);
  });
});
