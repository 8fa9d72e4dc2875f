import { rgb } from 'd3-color';
import { useEffect, useState } from 'preact/hooks';

interface RasterHeatmapProps {
  /** Columns left to right; each column lists its cells bottom to top. Non-finite cells are left empty. */
  columns: readonly (readonly number[])[];
  /** Cells per column. */
  rows: number;
  /** Plot size (viewBox units) the raster is stretched over. */
  width: number;
  height: number;
  /** CSS colour of a cell value (e.g. a d3-scale-chromatic interpolator over a domain). */
  color: (value: number) => string;
  /** Text shown while there are no columns (also the pre-rendered state). */
  emptyText?: string;
}

/**
 * A large grid (e.g. layers × training steps) drawn as one pixelated <image>: the cells are painted
 * into a small canvas after mount (one pixel per cell) and the data URL is placed in the SVG, so a
 * 50 × 300 grid costs one element instead of 15 000 rects. Before mount, nothing but `emptyText`.
 */
export function RasterHeatmap({ columns, rows, width, height, color, emptyText }: RasterHeatmapProps) {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const cols = columns.length;
    if (cols === 0 || rows < 1) {
      setHref(null);
      return;
    }
    const canvas = document.createElement('canvas');
    canvas.width = cols;
    canvas.height = rows;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(cols, rows);
    for (let c = 0; c < cols; c++) {
      const col = columns[c]!;
      for (let r = 0; r < rows; r++) {
        const v = col[r];
        if (v === undefined || !Number.isFinite(v)) continue;
        const k = rgb(color(v));
        const p = ((rows - 1 - r) * cols + c) * 4;
        img.data[p] = k.r;
        img.data[p + 1] = k.g;
        img.data[p + 2] = k.b;
        img.data[p + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    setHref(canvas.toDataURL());
  }, [columns, rows, color]);
  return (
    <g class="raster-heatmap" aria-hidden="true">
      <rect width={width} height={height} fill="var(--bg-soft)" />
      {href ? (
        <image href={href} x={0} y={0} width={width} height={height} preserveAspectRatio="none" style={{ imageRendering: 'pixelated' }} />
      ) : (
        emptyText && <text x={width / 2} y={height / 2} text-anchor="middle" dy="0.32em">{emptyText}</text>
      )}
    </g>
  );
}
