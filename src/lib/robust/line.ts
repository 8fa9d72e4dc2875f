/**
 * The straight-line model y = slope·x + intercept shared by the robust-fitting functions.
 */

/** A point in the plane. */
export interface Point {
  x: number;
  y: number;
}

/** A non-vertical line y = slope·x + intercept (plain data, JSON-serialisable). */
export interface Line {
  slope: number;
  intercept: number;
}

/** How a point's distance to a line is measured: along y (scikit-learn's absolute_error) or orthogonally. */
export type ResidualKind = 'vertical' | 'perpendicular';

/** The line's prediction at `x`: slope·x + intercept. */
export function predictLine(line: Line, x: number): number {
  return line.slope * x + line.intercept;
}

/**
 * Residual of one point: vertical |y − (m·x + b)|, or perpendicular |y − m·x − b| / √(1 + m²)
 * (the Euclidean distance from the point to the line).
 */
export function lineResidual(point: Point, line: Line, kind: ResidualKind = 'vertical'): number {
  const v = Math.abs(point.y - (line.slope * point.x + line.intercept));
  return kind === 'perpendicular' ? v / Math.sqrt(1 + line.slope * line.slope) : v;
}

/** Inlier mask of `points` for `line`: residual ≤ threshold (the same test RANSAC uses for its counts). */
export function inlierMask(points: readonly Point[], line: Line, threshold: number, kind: ResidualKind = 'vertical'): boolean[] {
  const scale = kind === 'perpendicular' ? Math.sqrt(1 + line.slope * line.slope) : 1;
  const { slope, intercept } = line;
  return points.map((p) => Math.abs(p.y - (slope * p.x + intercept)) / scale <= threshold);
}

/** Number of points within `threshold` of `line` (allocation-free twin of {@link inlierMask}). */
export function countInliers(points: readonly Point[], line: Line, threshold: number, kind: ResidualKind = 'vertical'): number {
  const scale = kind === 'perpendicular' ? Math.sqrt(1 + line.slope * line.slope) : 1;
  const { slope, intercept } = line;
  let count = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (Math.abs(p.y - (slope * p.x + intercept)) / scale <= threshold) count++;
  }
  return count;
}
