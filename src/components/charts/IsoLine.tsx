import { isoPaths } from './contourPaths';

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

/**
 * Iso-lines of a grid (d3-contour, marching squares) drawn as open curves: the pieces of each
 * contour ring that run along the grid's outer border are dropped, so a decision boundary that
 * leaves the plot is a line, not the outline of a filled region.
 */
export function IsoLine({ values, nx, ny, width, height, levels, stroke, strokeWidth = 2, dash, opacity = 1, class: cls }: IsoLineProps) {
  const paths = isoPaths(values, nx, ny, width, height, levels);
  return (
    <g class={cls} aria-hidden="true" opacity={opacity}>
      {paths.map((d, k) =>
        d ? <path key={k} d={d} fill="none" stroke={stroke} stroke-width={strokeWidth} stroke-dasharray={dash} stroke-linejoin="round" stroke-linecap="round" /> : null,
      )}
    </g>
  );
}
