import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../src/components/controls/urlState';
import { DEFAULT_STATE, MAX_ADDED, MAX_MOVED, RESIDUAL_VALUES, SAMPLE_SIZES, VERSION, schema, stateString } from '../../src/components/sims/ransac/state';

describe('ransac figure state', () => {
  it('encodes the defaults as the bare version and round-trips a full state', () => {
    expect(encodeState(schema, DEFAULT_STATE, VERSION)).toBe('v1');
    const s = { ...DEFAULT_STATE, out: 0.7, th: 1.25, mode: 'auto' as const, res: 'perp' as const, refit: false, t: 5, ph: 3, s: '8' as const, add: [1.5, 7.25], mv: [3, 2, -1] };
    const enc = encodeState(schema, s, VERSION);
    expect(enc).toBe('v1,out:0.7,th:1.25,mode:auto,res:perp,refit:0,t:5,ph:3,s:8,add:1.5_7.25,mv:3_2_-1');
    expect(decodeState(schema, enc, VERSION)).toEqual(s);
  });

  it('writes FigLink strings in schema order with only non-default fields', () => {
    expect(stateString({ t: 5, ph: 2 })).toBe('v1,t:5,ph:2');
    expect(stateString({ mode: 'auto', out: 0.7 })).toBe('v1,out:0.7,mode:auto');
    expect(stateString({ n: 15, out: 0, add: [10, -1.5] })).toBe('v1,n:15,out:0,add:10_-1.5');
  });

  it('clamps out-of-range values and ignores junk', () => {
    const s = decodeState(schema, 'v1,out:5,th:-3,iters:99999,t:-4,ph:9,res:diag,s:5,seed:1e9,mode:<b>', VERSION);
    expect(s.out).toBe(0.8);
    expect(s.th).toBe(0.05);
    expect(s.iters).toBe(500);
    expect(s.t).toBe(0);
    expect(s.ph).toBe(5);
    expect(s.res).toBe('vert');
    expect(s.s).toBe('2');
    expect(s.seed).toBe(9999);
    expect(s.mode).toBe('fixed');
  });

  it('never throws on hostile strings and keeps every value in range (fast-check, seed 7)', () => {
    const keys = Object.keys(schema);
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('<img src=x onerror=alert(1)>', 'v1,<script>alert(1)</script>', 'v1,th:1e400', 'v1,n:NaN', 'v1,__proto__:1', 'v1,add:' + '1_'.repeat(900), 'v1,mv:1_2', 'v999,n:5'),
      fc.array(fc.tuple(fc.constantFrom(...keys, '__proto__', 'x'), fc.oneof(fc.string({ maxLength: 20 }), fc.double().map(String), fc.array(fc.double({ min: -50, max: 300, noNaN: true }), { maxLength: 70 }).map((a) => a.join('_')))), { maxLength: 10 }).map((kv) => 'v1,' + kv.map(([k, v]) => `${k}:${v}`).join(',')),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const s = decodeState(schema, raw, VERSION);
        for (const [key, spec] of Object.entries(schema)) {
          const v = (s as Record<string, unknown>)[key];
          if (spec.kind === 'int') expect(Number.isInteger(v) && (v as number) >= spec.min && (v as number) <= spec.max).toBe(true);
          if (spec.kind === 'float') expect(Number.isFinite(v) && (v as number) >= spec.min && (v as number) <= spec.max).toBe(true);
          if (spec.kind === 'enum') expect(spec.values).toContain(v);
          if (spec.kind === 'bool') expect(typeof v).toBe('boolean');
          if (spec.kind === 'list') expect((v as number[]).length <= spec.maxLength && (v as number[]).every((x) => x >= spec.min && x <= spec.max)).toBe(true);
        }
        expect(s.add.length).toBeLessThanOrEqual(2 * MAX_ADDED);
        expect(s.mv.length).toBeLessThanOrEqual(3 * MAX_MOVED);
        expect(RESIDUAL_VALUES).toContain(s.res);
        expect(SAMPLE_SIZES).toContain(s.s);
        expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
        const enc = encodeState(schema, s, VERSION);
        expect(enc).toMatch(/^[A-Za-z0-9.,:_-]+$/);
        // the URL keeps a few decimals, so the encoding (not the raw float) is what round-trips
        expect(encodeState(schema, decodeState(schema, enc, VERSION), VERSION)).toBe(enc);
      }),
      { seed: 7, numRuns: 1500 },
    );
  });
});
