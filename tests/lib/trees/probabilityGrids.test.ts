import { describe, expect, it } from 'vitest';
import { makeClassification2d } from '../../../src/lib/data/classification2d';
import { predictTreeProba, type TreeNode } from '../../../src/lib/trees/cart';
import { fitForest, predictForestProba } from '../../../src/lib/trees/forest';
import {
  averageFromPrefixSums,
  averageProbabilityGrid,
  gridSpec,
  prefixSumGrids,
  treeProbabilityGrid,
  treeProbabilityGrids,
  type GridSpec,
} from '../../../src/lib/trees/probabilityGrids';
import { expectClose } from '../../helpers/expectClose';

/** Feature vector at the centre of cell (r, c). */
function cellPoint(spec: GridSpec, r: number, c: number): number[] {
  const x = spec.baseline.slice();
  x[spec.features[0]] = spec.x0 + ((c + 0.5) * (spec.x1 - spec.x0)) / spec.size;
  x[spec.features[1]] = spec.y0 + ((r + 0.5) * (spec.y1 - spec.y0)) / spec.size;
  return x;
}

describe('probability grids', () => {
  const data = makeClassification2d({ shape: 'spirals', nClasses: 3, n: 150, noise: 0.05, seed: 4, extraFeatures: 1 });
  const forest = fitForest(data.X, data.y, { nTrees: 12, seed: 2, maxFeatures: 'all' });

  it('gridSpec covers the bounding box with padding and defaults the baseline to column means', () => {
    const spec = gridSpec([[0, 10, 5], [2, 14, 7]], { size: 8, padding: 0.25 });
    expectClose([spec.x0, spec.x1, spec.y0, spec.y1], [-0.5, 2.5, 9, 15], { abs: 1e-12 });
    expectClose(spec.baseline, [1, 12, 6], { abs: 1e-12 });
    expect(spec.size).toBe(8);
    expect(() => gridSpec([], {})).toThrow(RangeError);
    expect(() => gridSpec([[0, 1]], { size: 0 })).toThrow(RangeError);
    expect(() => gridSpec([[0, 1]], { features: [0, 2] })).toThrow(RangeError);
  });

  it('each cell holds the tree prediction at the cell centre (extra feature held at its baseline)', () => {
    const spec = gridSpec(data.X, { size: 23 });
    for (const tree of forest.trees.slice(0, 4)) {
      const grid = treeProbabilityGrid(tree, spec, 3);
      expect(grid.length).toBe(23 * 23 * 3);
      for (let r = 0; r < 23; r++) {
        for (let c = 0; c < 23; c++) {
          const p = predictTreeProba(tree, cellPoint(spec, r, c));
          // Float32 storage: relative rounding ≈ 6e-8.
          expectClose(Array.from(grid.subarray((r * 23 + c) * 3, (r * 23 + c + 1) * 3)), p, { abs: 1e-7 });
        }
      }
    }
  });

  it('a threshold exactly at a cell centre sends that cell left (x <= threshold)', () => {
    // Grid over [0, 4] with 4 cells: centres 0.5, 1.5, 2.5, 3.5. A split at 1.5 puts two columns left.
    const stump: TreeNode = {
      counts: [1, 1], impurity: 0.5, nSamples: 2, feature: 0, threshold: 1.5,
      left: { counts: [1, 0], impurity: 0, nSamples: 1 },
      right: { counts: [0, 1], impurity: 0, nSamples: 1 },
    };
    const spec: GridSpec = { size: 4, features: [0, 1], x0: 0, x1: 4, y0: 0, y1: 4, baseline: [0, 0] };
    const grid = treeProbabilityGrid(stump, spec, 2);
    const row0 = Array.from({ length: 4 }, (_, c) => grid[c * 2]!);
    expectClose(row0, [1, 1, 0, 0], { abs: 1e-15 });
  });

  it('averaging the first b grids equals the forest of the first b trees at each centre', () => {
    const { spec, grids } = treeProbabilityGrids(forest, data.X, { size: 15 });
    expect(grids.length).toBe(forest.trees.length);
    const out = new Float32Array(15 * 15 * 3);
    for (const b of [1, 5, 12]) {
      const avg = averageProbabilityGrid(grids, b, out);
      expect(avg).toBe(out);
      const sub = { ...forest, trees: forest.trees.slice(0, b) };
      for (const [r, c] of [[0, 0], [7, 3], [14, 14], [10, 2]] as const) {
        const p = predictForestProba(sub, cellPoint(spec, r, c));
        expectClose(Array.from(avg.subarray((r * 15 + c) * 3, (r * 15 + c + 1) * 3)), p, { abs: 1e-6 });
      }
    }
    expect(() => averageProbabilityGrid(grids, 0)).toThrow(RangeError);
    expect(() => averageProbabilityGrid(grids, 13)).toThrow(RangeError);
    expect(() => averageProbabilityGrid(grids, 2, new Float32Array(3))).toThrow(RangeError);
  });

  it('prefix sums give the same averages as summing the grids', () => {
    const { grids } = treeProbabilityGrids(forest, data.X, { size: 9 });
    const prefix = prefixSumGrids(grids);
    expect(prefix.length).toBe(grids.length);
    for (const b of [1, 2, 7, 12]) {
      // Both are float32 results of the same sums; the mean of ≤ 12 probabilities differs by rounding only.
      expectClose(Array.from(averageFromPrefixSums(prefix, b)), Array.from(averageProbabilityGrid(grids, b)), { abs: 1e-6 });
    }
    expect(() => averageFromPrefixSums(prefix, 0)).toThrow(RangeError);
    expect(() => averageFromPrefixSums(prefix, 13)).toThrow(RangeError);
    expect(() => prefixSumGrids([])).toThrow(RangeError);
  });
});
