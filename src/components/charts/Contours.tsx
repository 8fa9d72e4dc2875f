import { bandPaths } from './contourPaths';

interface ContoursProps {
  /** Row-major grid values, `nx * ny` long; row 0 is the bottom of the plot (smallest y). */
  values: ArrayLike<number>;
  nx: number;
  ny: number;
  /** Plot size in pixels the grid spans. */
  width: number;
  height: number;
  thresholds: number[];
  /** Fill colour for the band above each threshold. */
  color: (threshold: number) => string;
  opacity?: number;
  /** Draw outlines instead of fills. */
  stroke?: boolean;
  strokeWidth?: number;
}

/**
 * Filled (or stroked) contour bands of a grid, via d3-contour (marching squares). Scales to SVG
 * paths with a handful of nodes, so a smooth 100×100 surface pre-renders cheaply at build time.
 */
export function Contours({ values, nx, ny, width, height, thresholds, color, opacity = 1, stroke = false, strokeWidth = 1 }: ContoursProps) {
  const bands = bandPaths(values, nx, ny, width, height, thresholds);
  return (
    <g class="contours" aria-hidden="true" opacity={opacity}>
      {bands.map((b) => (
        <path
          key={b.value}
          d={b.d}
          fill={stroke ? 'none' : color(b.value)}
          stroke={stroke ? color(b.value) : 'none'}
          stroke-width={stroke ? strokeWidth : undefined}
        />
      ))}
    </g>
  );
}
