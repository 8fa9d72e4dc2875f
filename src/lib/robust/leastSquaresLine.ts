import type { Line, Point } from './line';

/**
 * Ordinary least squares line through `points`, minimising Σ (yᵢ − m·xᵢ − b)².
 *
 * Closed form with centred sums (numerically stabler than the raw normal equations):
 * m = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)², b = ȳ − m·x̄.
 * Throws a RangeError for fewer than 2 points, non-finite coordinates, or when every x is equal
 * (a vertical line has no slope).
 */
export function leastSquaresLine(points: readonly Point[]): Line {
  const n = points.length;
  if (n < 2) throw new RangeError(`leastSquaresLine needs at least 2 points, got ${n}`);
  let sx = 0;
  let sy = 0;
  let distinctX = false;
  const x0 = points[0]!.x;
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      throw new RangeError(`leastSquaresLine needs finite coordinates, got (${p.x}, ${p.y})`);
    }
    if (p.x !== x0) distinctX = true;
    sx += p.x;
    sy += p.y;
  }
  if (!distinctX) throw new RangeError(`leastSquaresLine: all ${n} points have x = ${x0}; a vertical line has no slope`);
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    const dx = p.x - mx;
    sxx += dx * dx;
    sxy += dx * (p.y - my);
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
