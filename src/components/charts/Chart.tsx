import type { ComponentChildren } from 'preact';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const defaultMargin: Margin = { top: 12, right: 16, bottom: 40, left: 52 };

interface ChartProps {
  width: number;
  height: number;
  /** Short description for screen readers (role="img"); the data table carries the numbers. */
  label: string;
  margin?: Margin;
  children: ComponentChildren;
  class?: string;
  /**
   * `img` for a picture (the default); `group` when the chart holds focusable handles, since an
   * element with role="img" must not contain interactive children.
   */
  role?: 'img' | 'group';
  /** Pointer handlers for interactive plots (coordinates are relative to the inner plot area). */
  onPointerDown?: (e: PointerEvent) => void;
  onPointerMove?: (e: PointerEvent) => void;
  onPointerUp?: (e: PointerEvent) => void;
}

/**
 * An SVG with a fixed viewBox that scales to its container's width, so the pre-rendered HTML has the
 * final size (no layout shift) and the drawing code is the same at build time and in the browser.
 */
export function Chart({ width, height, label, margin = defaultMargin, children, class: cls, role = 'img', onPointerDown, onPointerMove, onPointerUp }: ChartProps) {
  return (
    <svg
      class={cls ? `chart ${cls}` : 'chart'}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role={role}
      aria-label={label}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <g transform={`translate(${margin.left},${margin.top})`}>{children}</g>
    </svg>
  );
}

/** Pointer position in the SVG's viewBox units, relative to the inner plot area. */
export function pointerInPlot(e: PointerEvent, margin: Margin = defaultMargin): { x: number; y: number } {
  const svg = (e.currentTarget as SVGSVGElement).ownerSVGElement ?? (e.currentTarget as SVGSVGElement);
  const rect = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  const sx = vb.width / rect.width;
  const sy = vb.height / rect.height;
  return { x: (e.clientX - rect.left) * sx - margin.left, y: (e.clientY - rect.top) * sy - margin.top };
}
