import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDiabetes } from '../../src/lib/data/diabetes';
import { constrainedSolution, quadraticFromCorrelation } from '../../src/lib/regression/constrained';
import { lasso } from '../../src/lib/regression/lasso';
import { ridge } from '../../src/lib/regression/ridge';
import { softThreshold } from '../../src/lib/regression/softThreshold';
import { computeCvLasso, computeCvRidge, computePaths } from '../../src/components/sims/regularization/paths';
import { DEFAULT_STATE, stateString } from '../../src/components/sims/regularization/state';
import {
  entryOrder,
  fmt,
  fmtAlpha,
  geometryView,
  gridIndex,
  insetView,
  logAlphaGrid,
  nudge,
  pathsView,
  summaryText,
  type PathsData,
} from '../../src/components/sims/regularization/viewModel';
import { expectClose } from '../helpers/expectClose';

const diabetes = parseDiabetes(JSON.parse(readFileSync(new URL('../../public/data/diabetes.json', import.meta.url), 'utf8')));
const grid = logAlphaGrid();
const paths = computePaths(diabetes.X, diabetes.y, grid);
const data: PathsData = { logAlphas: grid, ...paths, cvLasso: computeCvLasso(diabetes.X, diabetes.y, grid), cvRidge: computeCvRidge(diabetes.X, diabetes.y, grid) };
const mdx = readFileSync(new URL('../../src/content/notes/regularization.mdx', import.meta.url), 'utf8');

describe('geometry view', () => {
  it('default state: L1 on the corner (1, 0) with the w₂ badge, L2 keeps both weights', () => {
    const g = geometryView(DEFAULT_STATE);
    expect(g.l1.w).toEqual([1, 0]);
    expect(g.l1Badge).toBe('w₂ = 0 精确为零');
    expect(g.l2.zero).toEqual([false, false]);
    expect(g.l1Text).toContain('w₂ 恰为 0');
    expect(g.l2Text).toContain('两个权重都不为 0');
  });

  it('numbers match src/lib constrainedSolution', () => {
    const s = { wx: -1.3, wy: 2.1, rho: -0.4, t: 1.2 };
    const g = geometryView(s);
    const A = quadraticFromCorrelation(s.rho);
    for (const norm of ['l1', 'l2'] as const) {
      const ref = constrainedSolution(A, [s.wx, s.wy], s.t, norm);
      expectClose(g[norm].w, ref.w, { abs: 1e-15 });
      expectClose(g[norm].lambda, ref.lambda, { abs: 1e-12 });
    }
    // the second contour is the one through the solution (it touches the ball)
    expectClose(g.l1Contours[1]!.level, g.l1.loss, { rel: 1e-12 });
    expectClose(g.l2Contours[1]!.level, g.l2.loss, { rel: 1e-12 });
  });

  it('an inactive constraint (w* inside the ball) is said in words, λ = 0', () => {
    const g = geometryView({ ...DEFAULT_STATE, t: 3.2 });
    expect(g.l1.active || g.l2.active).toBe(false);
    expect(g.l1Text).toContain('约束不起作用');
    expect(g.l1Badge).toBeNull();
  });

  it('w* at the origin and non-finite input: no NaN anywhere (clamped to defaults)', () => {
    for (const s of [{ wx: 0, wy: 0, rho: 0, t: 1 }, { wx: NaN, wy: Infinity, rho: NaN, t: -5 }]) {
      const g = geometryView(s);
      const text = summaryText(g, null, '正在加载', insetView('op', NaN));
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('random states never produce NaN in the view or text (fast-check, seed 3)', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -0.95, max: 0.95, noNaN: true }), fc.double({ min: 0.1, max: 3.5, noNaN: true }), (wx, wy, rho, t) => {
        const g = geometryView({ wx, wy, rho, t });
        for (const v of [...g.l1.w, ...g.l2.w, g.l1.lambda, g.l2.lambda]) expect(Number.isFinite(v)).toBe(true);
        for (const e of [...g.l1Contours, ...g.l2Contours]) expect([e.rx, e.ry, e.angle].every(Number.isFinite)).toBe(true);
        expect(g.l1Text + g.l2Text).not.toMatch(/NaN|Infinity/);
      }),
      { seed: 3, numRuns: 500 },
    );
  });

  it('arrow-key nudges stay inside the plane and on a 0.01 grid', () => {
    expect(nudge([2.98, -3], 0.05, -0.05)).toEqual([3, -3]);
    expect(nudge([1, 1], -0.25, 0)).toEqual([0.75, 1]);
  });

  it('the FigLink "L2 只会让各个权重变小" state: L1 exact zero, L2 small but non-zero', () => {
    const g = geometryView({ ...DEFAULT_STATE, wx: 2.4, wy: 0.4, rho: 0 });
    expect(mdx).toContain(stateString({ wx: 2.4, wy: 0.4, rho: 0 }));
    expect(g.l1.zero[1]).toBe(true);
    expect(g.l2.w[1]).toBeGreaterThan(0.05);
  });
});

describe('paths view (diabetes)', () => {
  it('path values are sklearn-convention Lasso / Ridge fits at the grid α (tolerance 1e-2 absolute on coefficients of size ~10²)', () => {
    const v = pathsView(data, -1)!;
    expect(v.logAlpha).toBe(-1);
    const l = lasso(diabetes.X, diabetes.y, 0.1, { tol: 1e-8, maxIter: 100000 });
    expectClose(v.lassoCoef, l.coef, { abs: 0.5 }); // path tol 1e-4 (sklearn default) vs a tight solve
    expectClose(v.ridgeCoef, ridge(diabetes.X, diabetes.y, 0.1).coef, { abs: 1e-8, rel: 1e-10 });
  });

  it('entry order starts bmi, ltg (s5), bp as in Efron et al. (2004); all 10 enter', () => {
    const e = entryOrder(grid, paths.lasso);
    expect(e.slice(0, 3).map((x) => diabetes.featureNames[x.feature])).toEqual(['bmi', 's5', 'bp']);
    expect(e).toHaveLength(10);
    // α = 1 (the note's FigLink) keeps exactly those three
    const v = pathsView(data, 0)!;
    expect(v.lassoNonZero.map((j) => diabetes.featureNames[j])).toEqual(['bmi', 'bp', 's5']);
    expect(mdx).toContain(stateString({ lam: 0 }));
  });

  it('α = 100 zeroes every lasso coefficient while ridge keeps all 10 non-zero', () => {
    const v = pathsView(data, 2)!;
    expect(v.lassoNonZero).toEqual([]);
    expect(v.ridgeCoef.every((c) => c !== 0)).toBe(true);
    expect(v.text).toContain('全部 10 个系数都为 0');
  });

  it('the note links to the CV minimum and the 1-SE choice the figure computes', () => {
    const v = pathsView(data, 0)!;
    expect(v.cvLasso).not.toBeNull();
    expect(mdx).toContain(stateString({ lam: Number(v.cvLasso!.best.toFixed(2)) }));
    expect(mdx).toContain(stateString({ lam: Number(v.cvLasso!.oneSe.toFixed(2)) }));
    expect(v.cvLasso!.oneSe).toBeGreaterThan(v.cvLasso!.best);
    expect(v.text).toContain(`α = ${fmtAlpha(v.cvLasso!.best)} 最小`);
  });

  it('degenerate or missing data gives null (the figure says it is loading / failed), never NaN', () => {
    expect(pathsView(null, 0)).toBeNull();
    expect(pathsView({ ...data, logAlphas: [] }, 0)).toBeNull();
    expect(pathsView({ ...data, lasso: data.lasso.slice(1) }, 0)).toBeNull();
    expect(gridIndex(NaN, grid)).toBe(gridIndex(DEFAULT_STATE.lam, grid));
    expect(gridIndex(99, grid)).toBe(grid.length - 1);
    expect(entryOrder([], [])).toEqual([]);
  });

  it('grid: 121 points from 10⁻⁴ to 10², exact 0.05 steps', () => {
    expect(grid).toHaveLength(121);
    expect(grid[0]).toBe(-4);
    expect(grid[120]).toBe(2);
    expect(grid[60]).toBe(-1);
  });
});

describe('inset', () => {
  it('operators are src/lib softThreshold and z/(1+λ)', () => {
    const v = insetView('op', 1.5);
    v.xs.forEach((z, i) => {
      expect(v.l1[i]).toBe(softThreshold(z, 1.5));
      expectClose(v.l2[i]!, z / 2.5, { abs: 1e-15 });
    });
    expect(v.text).toContain('|z| ≤ 1.50');
  });

  it('priors are normalised densities (trapezoid on [−3, 3] plus the analytic tails; tolerance 1e-3)', () => {
    const v = insetView('prior', 2, 2001);
    const h = v.xs[1]! - v.xs[0]!;
    const trap = (ys: number[]) => h * (ys.reduce((s, y) => s + y, 0) - (ys[0]! + ys[ys.length - 1]!) / 2);
    expectClose(trap(v.l1) + Math.exp(-2 * 3), 1, { abs: 1e-3 }); // Laplace tail mass e^{−λ·3}
    expectClose(trap(v.l2), 1, { abs: 1e-3 }); // N(0, 1/2): mass beyond ±3 is ~2e-5
    expect(v.l1[1000]! > v.l2[1000]!).toBe(true); // the Laplace peak at 0 is higher
  });

  it('fmt never prints −0 or NaN', () => {
    expect(fmt(-0.0001)).toBe('0.00');
    expect(fmt(NaN)).toBe('—');
    expect(fmtAlpha(Infinity)).toBe('—');
  });
});
