/**
 * Contour geometry as SVG path strings (d3-contour, marching squares), shared by the chart components
 * and by workers that prepare drawings off the main thread. Grids are row-major, nx × ny, row 0 at the
 * bottom of the plot; cell i spans [i, i + 1]·width/nx.
 */
import { contours } from 'd3-contour';

type Ring = [number, number][];

/** One filled band: the region where the grid is ≥ `value`. */
export interface Band {
  value: number;
  d: string;
}

/** Filled contour bands of a row-major nx×ny grid drawn over width×height pixels . */
export function bandPaths(values: ArrayLike<number>, nx: number, ny: number, width: number, height: number, thresholds: number[]): Band[] {
  const data = Array.from(values, (v) => (Number.isFinite(v) ? v : 0));
  const sx = width / nx;
  const sy = height / ny;
  return contours().size([nx, ny]).thresholds(thresholds)(data).map((b) => {
    let d = '';
    for (const polygon of b.coordinates as unknown as Ring[][]) {
      for (const ring of polygon) {
        ring.forEach(([gx, gy], i) => {
          d += `${i === 0 ? 'M' : 'L'}${(gx * sx).toFixed(1)},${(height - gy * sy).toFixed(1)}`;
        });
        d += 'Z';
      }
    }
    return { value: b.value, d };
  });
}

/**
 * Iso-lines of a grid as open curves, one path string per level (empty when the level does not
 * occur); pieces of a ring that run along the grid's outer border are dropped.
 */
export function isoPaths(values: ArrayLike<number>, nx: number, ny: number, width: number, height: number, levels: readonly number[]): string[] {
  const data = Array.from(values, (v) => (Number.isFinite(v) ? v : -Infinity));
  const sx = width / nx;
  const sy = height / ny;
  const onEdge = (a: [number, number], b: [number, number]) =>
    (a[0] <= 0 && b[0] <= 0) || (a[0] >= nx && b[0] >= nx) || (a[1] <= 0 && b[1] <= 0) || (a[1] >= ny && b[1] >= ny);
  return contours().size([nx, ny]).thresholds(levels as number[])(data).map((set) => {
    let d = '';
    for (const polygon of set.coordinates as unknown as Ring[][]) {
      for (const ring of polygon) {
        let pen = false;
        for (let i = 1; i < ring.length; i++) {
          const a = ring[i - 1]!;
          const b = ring[i]!;
          if (onEdge(a, b)) {
            pen = false;
            continue;
          }
          if (!pen) d += `M${(a[0] * sx).toFixed(1)},${(height - a[1] * sy).toFixed(1)}`;
          d += `L${(b[0] * sx).toFixed(1)},${(height - b[1] * sy).toFixed(1)}`;
          pen = true;
        }
      }
    }
    return d;
  });
}

