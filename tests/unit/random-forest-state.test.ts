import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../src/components/controls/urlState';
import { DEFAULT_STATE, DEPTH_UNLIMITED, MAX_EXTRA, MAX_TREES, SHAPES, VERSION, schema, stateString } from '../../src/components/sims/random-forest/state';

describe('random-forest URL state', () => {
  it('writes only non-default fields, in schema order, and round-trips', () => {
    expect(stateString({})).toBe('v1');
    expect(stateString({ trees: 200, depth: 2 })).toBe('v1,trees:200,depth:2');
    const s = { ...DEFAULT_STATE, data: 'spirals' as const, cls: 3, extra: 4, mf: 1, boot: false, sel: 7, jr: 0.35 };
    expect(decodeState(schema, encodeState(schema, s, VERSION), VERSION)).toEqual(s);
  });

  it('clamps out-of-range values and ignores unknown keys and other versions', () => {
    const s = decodeState(schema, 'v1,trees:9999,depth:-3,extra:99,jp:2,data:forest,boot:yes,zzz:1', VERSION);
    expect(s.trees).toBe(MAX_TREES);
    expect(s.depth).toBe(1);
    expect(s.extra).toBe(MAX_EXTRA);
    expect(s.jp).toBe(0.95);
    expect(s.data).toBe('moons');
    expect(s.boot).toBe(true);
    expect(decodeState(schema, 'v2,trees:3', VERSION)).toEqual(DEFAULT_STATE);
  });

  it('never throws on hostile strings; every value stays in range (fast-check, seed 7)', () => {
    const keys = Object.keys(schema);
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('<img src=x onerror=alert(1)>', 'v1,<script>x</script>', 'v1,trees:1e400', 'v1,n:NaN,noise:Infinity', 'v1,__proto__:1,constructor:1', `v1,${'trees:3,'.repeat(800)}`),
      fc.array(fc.tuple(fc.constantFrom(...keys, '__proto__'), fc.string({ maxLength: 12 })), { maxLength: 10 }).map((kv) => `v1,${kv.map(([k, v]) => `${k}:${v}`).join(',')}`),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const s = decodeState(schema, raw, VERSION);
        expect(SHAPES).toContain(s.data);
        for (const [k, lo, hi] of [['cls', 2, 3], ['n', 20, 300], ['extra', 0, MAX_EXTRA], ['trees', 1, MAX_TREES], ['depth', 1, DEPTH_UNLIMITED], ['leaf', 1, 30], ['mf', 0, 2 + MAX_EXTRA], ['seed', 1, 9999], ['sel', 0, MAX_TREES - 1]] as const) {
          const v = s[k];
          expect(Number.isInteger(v) && v >= lo && v <= hi, `${k}=${v}`).toBe(true);
        }
        expect(s.noise >= 0 && s.noise <= 1).toBe(true);
        expect(s.jp >= 0.5 && s.jp <= 0.95).toBe(true);
        expect(s.jr >= 0 && s.jr <= 0.9).toBe(true);
        expect(typeof s.boot).toBe('boolean');
        expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
        expect(encodeState(schema, s, VERSION)).toMatch(/^[A-Za-z0-9.,:_-]+$/);
      }),
      { seed: 7, numRuns: 1500 },
    );
  });

  it('every FigLink in the note carries a state exactly as encodeState writes it', () => {
    const note = readFileSync(new URL('../../src/content/notes/random-forest.mdx', import.meta.url), 'utf8');
    const states = [...note.matchAll(/<FigLink fig="random-forest" state="([^"]*)">/g)].map((m) => m[1]!);
    expect(states.length).toBeGreaterThanOrEqual(10);
    for (const st of states) expect(encodeState(schema, decodeState(schema, st, VERSION), VERSION)).toBe(st);
  });
});
