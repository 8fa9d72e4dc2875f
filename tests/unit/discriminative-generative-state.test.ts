import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../src/components/controls/urlState';
import { DEFAULT_STATE, schema, stateString, VERSION } from '../../src/components/sims/discriminative-generative/state';

describe('discriminative-generative URL state', () => {
  it('encodes the defaults as the bare version and round-trips a patch', () => {
    expect(stateString({})).toBe('v1');
    const s = { ...DEFAULT_STATE, gen: 'lda' as const, brk: 'crescent' as const, out: 0.1, n: 1000, smp: 3, lc: '2d' as const };
    const enc = encodeState(schema, s, VERSION);
    expect(enc).toBe('v1,gen:lda,n:1000,brk:crescent,out:0.1,smp:3,lc:2d');
    expect(decodeState(schema, enc, VERSION)).toEqual(s);
  });

  it('writes the FigLink strings of the note in schema order', () => {
    expect(stateString({ sy0: 2.2, rot0: 0 })).toBe('v1,sy0:2.2,rot0:0');
    expect(stateString({ gen: 'qda', shared: false })).toBe('v1,gen:qda,shared:0');
    expect(stateString({ sx0: 2, sy0: 0.4, rot0: 45 })).toBe('v1,sx0:2,sy0:0.4,rot0:45');
    expect(stateString({ gen: 'lda', out: 0.1 })).toBe('v1,gen:lda,out:0.1');
  });

  it('never throws on hostile strings and keeps every value in range (fast-check, seed 7)', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('<script>alert(1)</script>', 'v1,gen:<img>', 'v1,n:1e309', 'v1,sep:NaN', 'v1,__proto__:1', 'v1,c:-5', 'v1,' + 'n:3,'.repeat(1000)),
      fc.array(fc.tuple(fc.constantFrom(...Object.keys(schema), 'x'), fc.string({ maxLength: 12 })), { maxLength: 20 }).map((kv) => 'v1,' + kv.map(([k, v]) => `${k}:${v}`).join(',')),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const s = decodeState(schema, raw, VERSION);
        for (const [key, spec] of Object.entries(schema)) {
          const v = (s as Record<string, unknown>)[key];
          if (spec.kind === 'int' || spec.kind === 'float') {
            expect(Number.isFinite(v)).toBe(true);
            expect(v as number).toBeGreaterThanOrEqual(spec.min);
            expect(v as number).toBeLessThanOrEqual(spec.max);
            if (spec.kind === 'int') expect(Number.isInteger(v)).toBe(true);
          } else if (spec.kind === 'enum') expect(spec.values).toContain(v);
          else if (spec.kind === 'bool') expect(typeof v).toBe('boolean');
        }
        expect(decodeState(schema, encodeState(schema, s, VERSION), VERSION)).toEqual(s);
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});
