import { describe, expect, it } from 'vitest';
import type { VNode } from 'preact';
import { Contours } from '../../src/components/charts/Contours';
import { IsoLine } from '../../src/components/charts/IsoLine';
import { DEFAULT_STATE, type DgState } from '../../src/components/sims/discriminative-generative/state';
import { computeScene, GRID } from '../../src/components/sims/discriminative-generative/viewModel';
import {
  bandPaths, displayScene, errorScene, isoPaths, sceneDrawing, SURFACE_THRESHOLDS,
} from '../../src/components/sims/discriminative-generative/drawing';

const W = 250;
const H = 250;
const state = (patch: Partial<DgState> = {}): DgState => ({ ...DEFAULT_STATE, ...patch });

/** The `d` attributes of the <path>s a chart component renders (it returns <g>{paths}</g>). */
function pathsOf(vnode: VNode): string[] {
  const kids = (vnode.props as { children: (VNode | null)[] }).children;
  return kids.flatMap((k) => (k ? [(k.props as unknown as { d: string }).d] : []));
}

describe('discriminative-generative drawing: the worker draws what the chart pieces draw', () => {
  for (const gen of ['nb', 'lda', 'qda'] as const) {
    it(`${gen}: bands equal charts/Contours, lines equal charts/IsoLine`, () => {
      const v = computeScene(state({ gen, shared: gen !== 'qda', n: 300, seed: 3 }));
      const d = sceneDrawing(v, W, H)!;
      expect(d).not.toBeNull();
      for (const [grid, bands] of [[v.lrGrid!, d.lrBands], [v.genGrid!, d.genBands]] as const) {
        const ref = pathsOf(Contours({ values: grid, nx: GRID, ny: GRID, width: W, height: H, thresholds: SURFACE_THRESHOLDS, color: () => '#000' }) as VNode);
        expect(bands.map((b) => b.d)).toEqual(ref);
        expect(bands.map((b) => b.value)).toEqual(SURFACE_THRESHOLDS);
      }
      const iso = (values: Float32Array, levels: number[]) => pathsOf(IsoLine({ values, nx: GRID, ny: GRID, width: W, height: H, levels, stroke: '#000' }) as VNode);
      expect([d.lrBoundary].filter(Boolean)).toEqual(iso(v.lrGrid!, [0.5]));
      expect([d.genBoundary].filter(Boolean)).toEqual(iso(v.genGrid!, [0.5]));
      expect(d.lrBoundary.length).toBeGreaterThan(0);
      v.density.forEach((dg, k) => expect(d.density[k]!.filter(Boolean)).toEqual(iso(dg.grid, dg.levels)));
    });
  }

  it('non-finite grid values are treated as the chart pieces treat them', () => {
    const g = new Float32Array(16).fill(0.2);
    g[5] = NaN;
    g[6] = 0.9;
    expect(bandPaths(g, 4, 4, 40, 40, [0.5]).map((b) => b.d)).toEqual(pathsOf(Contours({ values: g, nx: 4, ny: 4, width: 40, height: 40, thresholds: [0.5], color: () => '#000' }) as VNode));
    expect(isoPaths(g, 4, 4, 40, 40, [0.5]).filter(Boolean)).toEqual(pathsOf(IsoLine({ values: g, nx: 4, ny: 4, width: 40, height: 40, levels: [0.5], stroke: '#000' }) as VNode));
  });

  it('displayScene is computeScene without the grids, plus their paths; degenerate data has no drawing', () => {
    const s = state({ gen: 'lda' });
    const full = computeScene(s);
    const shown = displayScene(s, W, H);
    expect(shown.view.summary).toBe(full.summary);
    expect(shown.view.rows).toEqual(full.rows);
    expect('lrGrid' in shown.view).toBe(false);
    expect(shown.drawing).toEqual(sceneDrawing(full, W, H));
    // Structured-clone friendly (what the worker posts): plain data only.
    expect(structuredClone(shown)).toEqual(shown);
    expect(sceneDrawing({ ...full, lrGrid: null, genGrid: null, density: [] }, W, H)).toBeNull();
    expect(errorScene('x').view.error).toBe('x');
    expect(errorScene('x').drawing).toBeNull();
  });
});
