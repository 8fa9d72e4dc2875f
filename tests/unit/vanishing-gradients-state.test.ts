import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../src/components/controls/urlState';
import { ACT_VALUES, DEFAULT_STATE, FIG, FIXES, INIT_VALUES, schema, stateString, TRAIN_STEPS, VERSION } from '../../src/components/sims/vanishing-gradients/state';

const inRange = (s: ReturnType<typeof decodeState<typeof schema>>) => {
  expect(Number.isInteger(s.depth) && s.depth >= 2 && s.depth <= 50).toBe(true);
  expect(Number.isInteger(s.width) && s.width >= 8 && s.width <= 128).toBe(true);
  expect(ACT_VALUES).toContain(s.act);
  expect(INIT_VALUES).toContain(s.init);
  expect(s.scale >= 0.25 && s.scale <= 4).toBe(true);
  expect(typeof s.bn).toBe('boolean');
  expect(typeof s.res).toBe('boolean');
  expect(Number.isInteger(s.seed) && s.seed >= 1 && s.seed <= 9999).toBe(true);
  expect(Number.isInteger(s.step) && s.step >= 0 && s.step <= TRAIN_STEPS).toBe(true);
  expect(s.forget >= 0 && s.forget <= 1).toBe(true);
  expect(s.rnn >= 0.25 && s.rnn <= 3).toBe(true);
};

describe('vanishing-gradients state', () => {
  it('has the defaults the note quotes (sigmoid, standard init, 10 hidden layers of 32)', () => {
    expect(FIG).toBe('vanishing-gradients');
    expect(DEFAULT_STATE).toMatchObject({ depth: 10, width: 32, act: 'sigmoid', init: 'standard', bn: false, res: false, step: TRAIN_STEPS });
    expect(stateString({})).toBe('v1');
  });

  it('encodes only non-default fields in schema order, and the fixes as the FigLinks write them', () => {
    expect(stateString({ ...FIXES.relu })).toBe('v1,act:relu,init:he');
    expect(stateString({ ...FIXES.bn, ...FIXES.res })).toBe('v1,bn:1,res:1');
    expect(stateString({ depth: 30, forget: 0.5 })).toBe('v1,depth:30,forget:0.5');
  });

  it('round-trips random valid states (fast-check, seed 7)', () => {
    const arb = fc.record({
      depth: fc.integer({ min: 2, max: 50 }),
      width: fc.integer({ min: 8, max: 128 }),
      act: fc.constantFrom(...ACT_VALUES),
      init: fc.constantFrom(...INIT_VALUES),
      scale: fc.integer({ min: 25, max: 400 }).map((v) => v / 100),
      bn: fc.boolean(),
      res: fc.boolean(),
      seed: fc.integer({ min: 1, max: 9999 }),
      step: fc.integer({ min: 0, max: TRAIN_STEPS }),
      forget: fc.integer({ min: 0, max: 100 }).map((v) => v / 100),
      rnn: fc.integer({ min: 25, max: 300 }).map((v) => v / 100),
    });
    fc.assert(
      fc.property(arb, (s) => {
        expect(decodeState(schema, encodeState(schema, s, VERSION), VERSION)).toEqual(s);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('never throws on hostile strings and clamps every value into range (fast-check, seed 42)', () => {
    const keys = [...Object.keys(schema), '__proto__', 'constructor'];
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        '<script>alert(1)</script>',
        'v1,act:<img src=x onerror=alert(1)>',
        'v1,depth:1e309,width:-1,scale:NaN,step:99999,forget:2,rnn:-3',
        'v1,depth:2.7,seed:0',
        'v1,__proto__:1',
        'v1,' + 'depth:3,'.repeat(1000),
      ),
      fc.array(fc.tuple(fc.constantFrom(...keys), fc.string({ maxLength: 20 })), { maxLength: 10 }).map((kv) => 'v1,' + kv.map(([k, v]) => `${k}:${v}`).join(',')),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const s = decodeState(schema, raw, VERSION);
        inRange(s);
        expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
        expect(encodeState(schema, s, VERSION)).toMatch(/^[A-Za-z0-9.,:_-]+$/);
      }),
      { seed: 42, numRuns: 2000 },
    );
    const s = decodeState(schema, 'v1,depth:1e309,width:-1,scale:9,step:99999,forget:2,rnn:-3', VERSION);
    expect(s).toMatchObject({ depth: 10, width: 8, scale: 4, step: TRAIN_STEPS, forget: 1, rnn: 0.25 });
  });

  it('every FigLink in the note carries a state that encodeState writes back unchanged', () => {
    const mdx = readFileSync('src/content/notes/vanishing-gradients.mdx', 'utf8');
    const links = [...mdx.matchAll(/<FigLink fig="([^"]+)" state="([^"]+)">/g)];
    expect(links.length).toBeGreaterThanOrEqual(15);
    for (const [, fig, state] of links) {
      expect(fig).toBe(FIG);
      expect(encodeState(schema, decodeState(schema, state, VERSION), VERSION)).toBe(state);
    }
    // The first link must change the figure (the generic browser test clicks it).
    expect(links[0]![2]).not.toBe('v1');
  });
});
