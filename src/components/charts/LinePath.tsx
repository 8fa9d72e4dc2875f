import { line } from 'd3-shape';

interface LinePathProps {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  x: (v: number) => number;
  y: (v: number) => number;
  /** CSS colour, usually a variable such as var(--c1). */
  stroke: string;
  width?: number;
  dash?: string;
  opacity?: number;
  class?: string;
}

/** A polyline through (xs[i], ys[i]); non-finite points break the line instead of drawing NaN. */
export function LinePath({ xs, ys, x, y, stroke, width = 2, dash, opacity = 1, class: cls }: LinePathProps) {
  const idx = Array.from({ length: Math.min(xs.length, ys.length) }, (_, i) => i);
  const d = line<number>()
    .defined((i) => Number.isFinite(xs[i]!) && Number.isFinite(ys[i]!) && Number.isFinite(y(ys[i]!)))
    .x((i) => x(xs[i]!))
    .y((i) => y(ys[i]!))(idx);
  return <path class={cls} d={d ?? ''} fill="none" stroke={stroke} stroke-width={width} stroke-dasharray={dash} opacity={opacity} stroke-linejoin="round" stroke-linecap="round" />;
}
