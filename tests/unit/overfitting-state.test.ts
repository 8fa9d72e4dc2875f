import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { decodeState, encodeState } from '../../src/components/controls/urlState';
import {
  ADD_MAX, DEFAULT_STATE, DEGREE_MAX, FIG, LN_LAMBDA_MAX, LN_LAMBDA_OFF, MAX_DRAGGED, MORE_DATA_N, NOISE_MAX, N_MAX, N_MIN,
  OVERFIT_DEGREE, REG_LN_LAMBDA, VERSION, Y_LIMIT, lambdaOf, parseDragged, schema, stateString, withDragged,
} from '../../src/components/sims/overfitting/state';

describe('overfitting URL state', () => {
  it('hostile strings never throw and every value is in range', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `v1,${s}`), fc.array(fc.tuple(fc.constantFrom(...Object.keys(schema), 'x'), fc.string()), { maxLength: 12 }).map((kv) => `v1,${kv.map(([k, v]) => `${k}:${v}`).join(',')}`)), (raw) => {
        const s = decodeState(schema, raw, VERSION);
        expect(s.n).toBeGreaterThanOrEqual(N_MIN);
        expect(s.n).toBeLessThanOrEqual(N_MAX);
        expect(Number.isInteger(s.deg) && s.deg >= 0 && s.deg <= DEGREE_MAX).toBe(true);
        expect(s.noise >= 0 && s.noise <= NOISE_MAX).toBe(true);
        expect(s.lnl >= LN_LAMBDA_OFF && s.lnl <= LN_LAMBDA_MAX).toBe(true);
        expect(s.add >= 0 && s.add <= ADD_MAX).toBe(true);
        expect(['sin', 'step', 'abs', 'cubic']).toContain(s.fn);
        expect(['deg', 'lam', 'n', 'bv']).toContain(s.view);
        for (const p of parseDragged(s.pts)) {
          expect(p.x >= 0 && p.x <= 1 && Math.abs(p.y) <= Y_LIMIT && Number.isInteger(p.index)).toBe(true);
        }
        expect(Number.isFinite(lambdaOf(s.lnl))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any valid state', () => {
    const arb = fc.record({
      fn: fc.constantFrom('sin', 'step', 'abs', 'cubic'),
      n: fc.integer({ min: N_MIN, max: N_MAX }),
      noise: fc.integer({ min: 0, max: 20 }).map((k) => k * 0.05),
      deg: fc.integer({ min: 0, max: DEGREE_MAX }),
      lnl: fc.integer({ min: 2 * LN_LAMBDA_OFF, max: 2 * LN_LAMBDA_MAX }).map((k) => k / 2),
      view: fc.constantFrom('deg', 'lam', 'n', 'bv'),
      bag: fc.boolean(),
      bags: fc.integer({ min: 2, max: 50 }),
      add: fc.integer({ min: 0, max: ADD_MAX }),
      seed: fc.integer({ min: 0, max: 999999 }),
    });
    fc.assert(
      fc.property(arb, (patch) => {
        const s = { ...DEFAULT_STATE, ...patch };
        const back = decodeState(schema, encodeState(schema, s, VERSION), VERSION);
        expect(back).toEqual({ ...s, noise: Number(s.noise.toFixed(2)) });
      }),
    );
  });

  it('dragged points: triples round-trip, out-of-range values are clamped, at most MAX_DRAGGED kept', () => {
    let pts: number[] = [];
    for (let i = 0; i < 30; i++) pts = withDragged(pts, i, 0.5 + i / 100, 5);
    const parsed = parseDragged(pts);
    expect(parsed.length).toBe(MAX_DRAGGED);
    expect(parsed.every((p) => p.y === Y_LIMIT)).toBe(true);
    const s = { ...DEFAULT_STATE, pts };
    expect(decodeState(schema, encodeState(schema, s, VERSION), VERSION).pts).toEqual(pts);
    expect(parseDragged([1.5, 0.2, 0.3, -1, 0.2, 0.3, 2, 0.4])).toEqual([]);
  });

  it('the FigLinks in the note are exactly what encodeState writes', () => {
    expect(stateString({ deg: OVERFIT_DEGREE })).toBe('v1,deg:9');
    expect(stateString({ deg: OVERFIT_DEGREE, n: MORE_DATA_N })).toBe('v1,n:100,deg:9');
    expect(stateString({ deg: OVERFIT_DEGREE, lnl: REG_LN_LAMBDA })).toBe('v1,deg:9,lnl:-18');
    const mdx = readFileSync('src/content/notes/overfitting.mdx', 'utf8');
    const states = [...mdx.matchAll(/<FigLink fig="overfitting" state="([^"]*)">/g)].map((m) => m[1]!);
    expect(states.length).toBeGreaterThanOrEqual(10);
    for (const raw of states) {
      const decoded = decodeState(schema, raw, VERSION);
      expect(encodeState(schema, decoded, VERSION), raw).toBe(raw);
    }
    expect(FIG).toBe('overfitting');
  });
});
