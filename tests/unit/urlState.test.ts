import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeState, defaults, defineSchema, encodeState } from '../../src/components/controls/urlState';

const schema = defineSchema({
  depth: { kind: 'int', min: 2, max: 50, default: 10 },
  lr: { kind: 'float', min: 0.001, max: 1, default: 0.1 },
  act: { kind: 'enum', values: ['sigmoid', 'tanh', 'relu'], default: 'sigmoid' },
  bn: { kind: 'bool', default: false },
  pts: { kind: 'list', min: 0, max: 1, maxLength: 6, default: [] },
});

describe('urlState', () => {
  it('round-trips a state and writes only non-default fields', () => {
    const s = { ...defaults(schema), depth: 20, act: 'relu' as const, bn: true, pts: [0.25, 0.5] };
    const enc = encodeState(schema, s, 1);
    expect(enc).toBe('v1,depth:20,act:relu,bn:1,pts:0.25_0.5');
    expect(decodeState(schema, enc, 1)).toEqual(s);
    expect(encodeState(schema, defaults(schema), 1)).toBe('v1');
  });
  it('clamps out-of-range numbers and ignores unknown keys, bad values and other versions', () => {
    expect(decodeState(schema, 'v1,depth:999,lr:-5,act:softmax,bn:yes,zzz:1', 1)).toEqual({ ...defaults(schema), depth: 50, lr: 0.001 });
    expect(decodeState(schema, 'v2,depth:20', 1)).toEqual(defaults(schema));
    expect(decodeState(schema, 'v1,pts:0.5_2_-1_x', 1).pts).toEqual([]);
    expect(decodeState(schema, 'v1,pts:0.5_2_-1', 1).pts).toEqual([0.5, 1, 0]);
  });
  it('never throws on hostile strings, and every decoded value is in range (fast-check, seed 42)', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('<script>alert(1)</script>', 'v1,act:<img src=x onerror=alert(1)>', 'v1,depth:1e309', 'v1,lr:NaN', 'v1,__proto__:1', 'v1,constructor:x', 'v1,' + 'depth:3,'.repeat(1000)),
      fc.array(fc.tuple(fc.constantFrom('depth', 'lr', 'act', 'bn', 'pts', '__proto__'), fc.string({ maxLength: 20 })), { maxLength: 8 }).map((kv) => 'v1,' + kv.map(([k, v]) => `${k}:${v}`).join(',')),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const s = decodeState(schema, raw, 1);
        expect(Number.isInteger(s.depth) && s.depth >= 2 && s.depth <= 50).toBe(true);
        expect(s.lr >= 0.001 && s.lr <= 1).toBe(true);
        expect(['sigmoid', 'tanh', 'relu']).toContain(s.act);
        expect(typeof s.bn).toBe('boolean');
        expect(s.pts.length <= 6 && s.pts.every((v) => v >= 0 && v <= 1)).toBe(true);
        expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
        expect(encodeState(schema, s, 1)).toMatch(/^[A-Za-z0-9.,:_-]+$/);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
