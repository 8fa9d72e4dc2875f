import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/expectClose';
import { leastSquaresLine, ransacLine, ransacTrialCount } from '../../src/lib/robust/ransac';
import { decodeState } from '../../src/components/controls/urlState';
import { DEFAULT_ITERATIONS, DEFAULT_OUTLIER_RATIO, DEFAULT_P, DEFAULT_STATE, DEFAULT_THRESHOLD, LINE_SAMPLE_SIZE, MAX_ADDED, NOISE, VERSION, X_RANGE, Y_RANGE, schema, type RansacState } from '../../src/components/sims/ransac/state';
import { addPatch, buildView, formulaView, gapToTruth, makePoints, movePatch, ransacOptions, suggestedOutlier, type PointView } from '../../src/components/sims/ransac/viewModel';
import { nextPosition, prevPosition } from '../../src/components/sims/ransac/steps';

const S = (patch: Partial<RansacState> = {}): RansacState => ({ ...DEFAULT_STATE, ...patch });
const NUMBERISH = /NaN|Infinity|undefined/;

describe('ransac view model', () => {
  it('draws exactly what src/lib computes (final line, inliers, trials, least squares)', () => {
    const state = S();
    const view = buildView(state);
    const points = makePoints(state);
    const lib = ransacLine(points, ransacOptions(state));
    expect(view.error).toBeNull();
    expectClose([view.fit!.slope, view.fit!.intercept], [lib.slope, lib.intercept], { abs: 1e-12 });
    expect(view.fit!.inliers).toEqual(lib.inliers);
    expect(view.fit!.trials).toEqual(lib.trials);
    expectClose(view.ls, leastSquaresLine(points), { abs: 1e-12 });
    expect(view.staircase.t.length).toBe(DEFAULT_ITERATIONS);
    // the staircase never goes down and equals the running max of the kept candidates
    view.staircase.best.forEach((b, i) => expect(b).toBeGreaterThanOrEqual(i === 0 ? 0 : view.staircase.best[i - 1]!));
  });

  it('in the default state RANSAC recovers the line and least squares is dragged away', () => {
    const view = buildView(S());
    expect(gapToTruth(view.fit!)).toBeLessThan(0.2);
    expect(gapToTruth(view.ls!)).toBeGreaterThan(1);
    expect(view.summary).toContain('N = 17');
  });

  it('the numbers the note quotes come from the state constants', () => {
    expect(ransacTrialCount(DEFAULT_P, 1 - DEFAULT_OUTLIER_RATIO, LINE_SAMPLE_SIZE)).toBe(DEFAULT_ITERATIONS);
    expectClose(DEFAULT_THRESHOLD, 1.96 * NOISE, { abs: 0.02 });
    const f = formulaView(0.99, 0.5, 2);
    expect(f.N).toBe(17);
    expectClose(f.raw, 16.01, { abs: 0.01 });
    expect(formulaView(0.99, 0, 2).text).toContain('∞');
  });

  it('each step of an iteration tells the story of the recorded trial', () => {
    const kept = buildView(S({ t: 5, ph: 5 })).cursor!;
    expect(kept.outcome).toBe('kept');
    expect(kept.text).toContain('结局 2');
    expect(kept.count).toBeGreaterThan(kept.bestBefore);
    expect(kept.refit).not.toBeNull();
    const dropped = buildView(S({ t: 3, ph: 5 })).cursor!;
    expect(dropped.outcome).toBe('discarded');
    expect(dropped.text).toContain('结局 1');
    expect(dropped.refit).toBeNull();
    for (let ph = 1; ph <= 5; ph++) {
      const v = buildView(S({ t: 5, ph }));
      expect(v.summary).toContain(`第 ${ph} 步`);
      expect(v.summary).not.toMatch(NUMBERISH);
    }
    // step 2's count is the lib's inlier count for that candidate
    const c = buildView(S({ t: 5, ph: 2 })).cursor!;
    expect(c.inliers.filter(Boolean).length).toBe(c.trial.inlierCount);
  });

  it('every FigLink in the note points at a state that decodes and shows what its sentence says', () => {
    const mdx = readFileSync(path.resolve('src/content/notes/ransac.mdx'), 'utf8');
    const links = [...mdx.matchAll(/<FigLink fig="ransac" state="([^"]+)">/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(15);
    for (const raw of links) {
      const state = decodeState(schema, raw, VERSION);
      const view = buildView(state);
      expect(view.error, raw).toBeNull();
      expect(view.summary, raw).not.toMatch(NUMBERISH);
    }
    const at = (raw: string) => buildView(decodeState(schema, raw, VERSION));
    expect(at('v1,t:3,ph:5').cursor!.outcome).toBe('discarded');
    expect(at('v1,t:2,ph:5').cursor!.outcome).toBe('kept');
    const one = at('v1,n:15,out:0,add:10_-1.5');
    expect(gapToTruth(one.ls!)).toBeGreaterThan(1);
    expect(gapToTruth(one.fit!)).toBeLessThan(0.3);
    expect(gapToTruth(at('v1,out:0.7,mode:auto').fit!)).toBeLessThan(0.3);
  });

  it('degenerate data gives a clear Chinese message and no NaN', () => {
    const p = (x: number, y: number, index: number): PointView => ({ x, y, index, source: 'inlier', moved: false });
    const cases: [PointView[], RegExp][] = [
      [[], /至少需要 2 个点/],
      [[p(1, 1, 0)], /至少需要 2 个点/],
      [[p(2, 3, 0), p(2, 3, 1), p(2, 3, 2)], /重合/],
      [[p(2, 1, 0), p(2, 3, 1), p(2, 5, 2)], /x 都相同/],
    ];
    for (const [pts, msg] of cases) {
      const v = buildView(S(), pts);
      expect(v.error).toMatch(msg);
      expect(v.summary).toBe(v.error);
      expect(v.fit).toBeNull();
      expect(v.summary).not.toMatch(NUMBERISH);
    }
  });

  it('with no outliers RANSAC (refit) equals least squares on all points', () => {
    const v = buildView(S({ out: 0, th: 3, iters: 5 }));
    expect(v.fit!.inlierCount).toBe(v.points.length);
    expectClose([v.fit!.slope, v.fit!.intercept], [v.ls!.slope, v.ls!.intercept], { abs: 1e-10 });
  });

  it('edits: added and moved points are clamped to the plot and go in the URL lists', () => {
    let state = S();
    for (let k = 0; k < MAX_ADDED + 3; k++) {
      const patch = addPatch(state, suggestedOutlier(k));
      if (patch) state = S({ ...state, ...patch });
    }
    expect(state.add.length).toBe(2 * MAX_ADDED);
    expect(addPatch(state, { x: 1, y: 1 })).toBeNull();
    const pts = makePoints(state);
    expect(pts.length).toBe(state.n + MAX_ADDED);
    for (const q of pts) {
      expect(q.x >= X_RANGE[0] && q.x <= X_RANGE[1] && q.y >= Y_RANGE[0] && q.y <= Y_RANGE[1]).toBe(true);
    }
    const moved = S({ ...state, ...movePatch(state, 3, 99, -99) });
    expect(moved.mv).toEqual([3, X_RANGE[1], Y_RANGE[0]]);
    const again = S({ ...moved, ...movePatch(moved, 3, 5, 5) });
    expect(again.mv).toEqual([3, 5, 5]);
    const addedMove = movePatch(again, again.n, 2, 2);
    expect(addedMove.add!.slice(0, 2)).toEqual([2, 2]);
    expect(makePoints(again)[3]).toMatchObject({ x: 5, y: 5, moved: true });
  });

  it('the automatic budget follows p, and t beyond the run is clamped to the last trial', () => {
    const v = buildView(S({ mode: 'auto' }));
    expect(v.fit!.trials.length).toBeLessThanOrEqual(DEFAULT_ITERATIONS);
    const last = v.fit!.trials.at(-1)!;
    expect(last.budget).toBe(v.fit!.trials.length);
    const clamped = buildView(S({ mode: 'auto', t: 400 }));
    expect(clamped.cursor!.t).toBe(v.fit!.trials.length);
  });

  it('step navigation walks 1–5 per iteration, then to the result, and back', () => {
    expect(nextPosition({ t: 0, ph: 1 }, 3, 'step', false)).toEqual({ t: 1, ph: 1 });
    expect(nextPosition({ t: 1, ph: 4 }, 3, 'step', false)).toEqual({ t: 1, ph: 5 });
    expect(nextPosition({ t: 1, ph: 5 }, 3, 'step', false)).toEqual({ t: 2, ph: 1 });
    expect(nextPosition({ t: 2, ph: 1 }, 3, 'step', true)).toEqual({ t: 3, ph: 1 });
    expect(nextPosition({ t: 3, ph: 5 }, 3, 'step', false)).toEqual({ t: 0, ph: 1 });
    expect(nextPosition({ t: 1, ph: 2 }, 3, 'iter', false)).toEqual({ t: 2, ph: 5 });
    expect(prevPosition({ t: 0, ph: 1 }, 3, 'step', false)).toEqual({ t: 3, ph: 5 });
    expect(prevPosition({ t: 2, ph: 1 }, 3, 'step', false)).toEqual({ t: 1, ph: 5 });
    expect(prevPosition({ t: 2, ph: 3 }, 3, 'step', false)).toEqual({ t: 2, ph: 2 });
    expect(prevPosition({ t: 1, ph: 1 }, 3, 'step', false)).toEqual({ t: 1, ph: 1 });
    expect(nextPosition({ t: 1, ph: 1 }, 0, 'step', false)).toEqual({ t: 0, ph: 1 });
  });
});
