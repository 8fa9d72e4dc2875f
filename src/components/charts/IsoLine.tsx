import { contours } from 'd3-contour';

interface IsoLineProps {
  /** Row-major grid values, `nx * ny` long; row 0 is the bottom of the plot (d3-contour's layout). */
  values: ArrayLike<number>;
  nx: number;
  ny: number;
  /** Plot size in pixels the grid's cells tile (cell i spans [i, i + 1]·width/nx). */
  width: number;
  height: number;
  /** The level(s) to trace, e.g. 0.5 for a decision boundary. */
  levels: readonly number[];
  stroke: string;
  strokeWidth?: number;
  dash?: string;
  opacity?: number;
  class?: string;
}

type Ring = [number, number][];

/**
 * Iso-lines of a grid (d3-contour, marching squares) drawn as open curves: the pieces of each
 * contour ring that run along the grid's outer border are dropped, so a decision boundary that
 * leaves the plot is a line, not the outline of a filled region.
 */
export function IsoLine({ values, nx, ny, width, height, levels, stroke, strokeWidth = 2, dash, opacity = 1, class: cls }: IsoLineProps) {
  const data = Array.from(values, (v) => (Number.isFinite(v) ? v : -Infinity));
  const sets = contours().size([nx, ny]).thresholds(levels as number[])(data);
  const sx = width / nx;
  const sy = height / ny;
  const onEdge = (a: [number, number], b: [number, number]) =>
    (a[0] <= 0 && b[0] <= 0) || (a[0] >= nx && b[0] >= nx) || (a[1] <= 0 && b[1] <= 0) || (a[1] >= ny && b[1] >= ny);
  return (
    <g class={cls} aria-hidden="true" opacity={opacity}>
      {sets.map((set, k) => {
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
        return d ? <path key={k} d={d} fill="none" stroke={stroke} stroke-width={strokeWidth} stroke-dasharray={dash} stroke-linejoin="round" stroke-linecap="round" /> : null;
      })}
    </g>
  );
}
