import { format as d3format } from 'd3-format';

/** Any d3 continuous scale (linear, log) — what the axes need of it. */
export interface AxisScale {
  (v: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (v: number) => string;
  range(): number[];
}

interface AxisProps {
  scale: AxisScale;
  /** Length of the perpendicular extent, for grid lines. */
  size: number;
  label?: string;
  ticks?: number;
  tickFormat?: (v: number) => string;
  grid?: boolean;
}

const fallbackFormat = d3format('~g');

/** Bottom axis at y = size (the plot's inner height). */
export function AxisBottom({ scale, size, label, ticks = 6, tickFormat, grid = true }: AxisProps) {
  const fmt = tickFormat ?? scale.tickFormat(ticks) ?? fallbackFormat;
  const [r0, r1] = scale.range() as [number, number];
  return (
    <g class="axis axis-x" aria-hidden="true">
      {grid && scale.ticks(ticks).map((t) => <line key={`g${t}`} class="grid" x1={scale(t)} x2={scale(t)} y1={0} y2={size} />)}
      <line class="domain" x1={r0} x2={r1} y1={size} y2={size} />
      {scale.ticks(ticks).map((t) => (
        <g key={t} transform={`translate(${scale(t)},${size})`}>
          <line y2={5} />
          <text y={18} text-anchor="middle">{fmt(t)}</text>
        </g>
      ))}
      {label && <text class="axis-label" x={(r0 + r1) / 2} y={size + 34} text-anchor="middle">{label}</text>}
    </g>
  );
}

/** Left axis at x = 0; `size` is the plot's inner width (for grid lines). */
export function AxisLeft({ scale, size, label, ticks = 5, tickFormat, grid = true }: AxisProps) {
  const fmt = tickFormat ?? scale.tickFormat(ticks) ?? fallbackFormat;
  const [r0, r1] = scale.range() as [number, number];
  return (
    <g class="axis axis-y" aria-hidden="true">
      {grid && scale.ticks(ticks).map((t) => <line key={`g${t}`} class="grid" x1={0} x2={size} y1={scale(t)} y2={scale(t)} />)}
      <line class="domain" x1={0} x2={0} y1={r0} y2={r1} />
      {scale.ticks(ticks).map((t) => (
        <g key={t} transform={`translate(0,${scale(t)})`}>
          <line x2={-5} />
          <text x={-8} dy="0.32em" text-anchor="end">{fmt(t)}</text>
        </g>
      ))}
      {label && (
        <text class="axis-label" transform={`translate(${-40},${(r0 + r1) / 2}) rotate(-90)`} text-anchor="middle">{label}</text>
      )}
    </g>
  );
}
