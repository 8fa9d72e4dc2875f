import { scaleLinear } from 'd3-scale';
import { useId, useRef } from 'preact/hooks';
import { pointerInPlot, type Margin } from '../../charts/Chart';
import { AxisBottom, AxisLeft } from '../../charts/Axes';
import type { EllipseParams, Vec2 } from '../../../lib/regression/constrained';
import { W_MAX } from './state';
import { fmt, nudge, type GeometryView } from './viewModel';

export const GEO_SIZE = 300;
const margin: Margin = { top: 10, right: 12, bottom: 38, left: 40 };
const inner = GEO_SIZE - margin.left - margin.right;
const innerH = GEO_SIZE - margin.top - margin.bottom;

interface GeometryPanelProps {
  geo: GeometryView;
  norm: 'l1' | 'l2';
  /** Called with the new w* while dragging or on arrow keys; omitted for a static drawing (preview). */
  onMove?: (w: Vec2) => void;
}

const sup = (v: number) => String(v).replace('-', '−');

/**
 * One half of the constraint-geometry picture: loss contours around w*, the L1 diamond or the L2
 * circle of radius t, and the constrained solution where the growing ellipse first touches the ball.
 */
export function GeometryPanel({ geo, norm, onMove }: GeometryPanelProps) {
  const clip = `rg-clip-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const dragging = useRef(false);
  const x = scaleLinear().domain([-W_MAX, W_MAX]).range([0, inner]);
  const y = scaleLinear().domain([-W_MAX, W_MAX]).range([innerH, 0]);
  const kx = inner / (2 * W_MAX);
  const ky = innerH / (2 * W_MAX);
  const sol = norm === 'l1' ? geo.l1 : geo.l2;
  const contours = norm === 'l1' ? geo.l1Contours : geo.l2Contours;
  const colour = norm === 'l1' ? 'var(--c2)' : 'var(--c1)';
  const t = geo.t;
  const [wx, wy] = geo.wStar;
  const badge = norm === 'l1' ? geo.l1Badge : null;

  const moveTo = (e: PointerEvent) => {
    if (!onMove) return;
    const p = pointerInPlot(e, margin);
    const r = (v: number) => Math.round(Math.min(W_MAX, Math.max(-W_MAX, v)) * 100) / 100;
    onMove([r(x.invert(p.x)), r(y.invert(p.y))]);
  };
  const onDown = (e: PointerEvent) => {
    if (!onMove) return;
    const fromHandle = (e.target as Element).closest?.('[data-draggable]') !== null;
    if (e.pointerType === 'touch' && !fromHandle) return; // let touch scroll the page unless on the handle
    dragging.current = true;
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    moveTo(e);
    e.preventDefault();
  };
  const onKey = (e: KeyboardEvent) => {
    if (!onMove) return;
    const step = e.shiftKey ? 0.25 : 0.05;
    const d: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = d[e.key];
    if (!move) return;
    e.preventDefault();
    onMove(nudge(geo.wStar, move[0], move[1]));
  };

  const ellipse = (c: EllipseParams, i: number) => (
    <ellipse
      key={i}
      cx={x(c.cx)}
      cy={y(c.cy)}
      rx={Math.max(0, c.rx * kx)}
      ry={Math.max(0, c.ry * ky)}
      transform={`rotate(${fmt((-c.angle * 180) / Math.PI, 3)} ${fmt(x(c.cx), 2)} ${fmt(y(c.cy), 2)})`}
      class={i === 1 && sol.active ? 'rg-contour rg-contour-touch' : 'rg-contour'}
      stroke={i === 1 && sol.active ? colour : undefined}
    />
  );

  const ball =
    norm === 'l1' ? (
      <polygon class="rg-ball" points={`${x(t)},${y(0)} ${x(0)},${y(t)} ${x(-t)},${y(0)} ${x(0)},${y(-t)}`} fill={colour} stroke={colour} />
    ) : (
      <circle class="rg-ball" cx={x(0)} cy={y(0)} r={t * kx} fill={colour} stroke={colour} />
    );
  const label = norm === 'l1' ? `L1 约束 |w₁| + |w₂| ≤ ${fmt(t)}（菱形）` : `L2 约束 √(w₁² + w₂²) ≤ ${fmt(t)}（圆）`;
  return (
    <div class="rg-panel">
      <p class="sim-panel-title">
        <span class={norm === 'l1' ? 'rg-key rg-key-l1' : 'rg-key rg-key-l2'} aria-hidden="true"></span>
        {norm === 'l1' ? 'L1（Lasso）：菱形约束' : 'L2（岭回归）：圆形约束'}
      </p>
      {/* not the shared <Chart>: that one is role="img", which may not contain the focusable w* handle */}
      <svg
        class={onMove ? 'chart rg-geo rg-drag' : 'chart rg-geo'}
        viewBox={`0 0 ${GEO_SIZE} ${GEO_SIZE}`}
        width={GEO_SIZE}
        height={GEO_SIZE}
        role="group"
        aria-label={`${label}；${norm === 'l1' ? geo.l1Text : geo.l2Text}`}
        {...(onMove
          ? {
              onPointerDown: onDown,
              onPointerMove: (e: PointerEvent) => dragging.current && moveTo(e),
              onPointerUp: () => {
                dragging.current = false;
              },
              onPointerCancel: () => {
                dragging.current = false;
              },
            }
          : {})}
      >
        <g transform={`translate(${margin.left},${margin.top})`}>
        <defs>
          <clipPath id={clip}>
            <rect x={0} y={0} width={inner} height={innerH} />
          </clipPath>
        </defs>
        <AxisBottom scale={x} size={innerH} label="w₁" ticks={6} tickFormat={sup} />
        <AxisLeft scale={y} size={inner} label="w₂" ticks={6} tickFormat={sup} />
        <line class="rg-zero-axis" x1={x(0)} x2={x(0)} y1={0} y2={innerH} />
        <line class="rg-zero-axis" x1={0} x2={inner} y1={y(0)} y2={y(0)} />
        <g clip-path={`url(#${clip})`}>
          {ball}
          {contours.map(ellipse)}
          {sol.active && <line class="rg-link" x1={x(wx)} y1={y(wy)} x2={x(sol.w[0])} y2={y(sol.w[1])} />}
        </g>
        {badge && <circle class="rg-corner-ring" cx={x(sol.w[0])} cy={y(sol.w[1])} r={11} stroke={colour} />}
        <circle class="rg-sol" cx={x(sol.w[0])} cy={y(sol.w[1])} r={5.5} fill={colour} />
        <text class="rg-sol-label" x={x(sol.w[0]) + 8} y={y(sol.w[1]) + (sol.w[1] >= 0 ? 16 : -8)}>ŵ</text>
        <g
          class="rg-handle"
          data-draggable=""
          {...(onMove
            ? {
                tabIndex: 0,
                role: 'slider',
                'aria-label': `最小二乘解 w*（${norm === 'l1' ? 'L1' : 'L2'} 图；方向键移动，Shift 加大步长）`,
                'aria-valuemin': -W_MAX,
                'aria-valuemax': W_MAX,
                'aria-valuenow': wx,
                'aria-valuetext': `w* = (${fmt(wx)}, ${fmt(wy)})`,
                onKeyDown: onKey,
              }
            : {})}
        >
          <circle class="rg-hit" cx={x(wx)} cy={y(wy)} r={22} />
          <circle class="rg-wstar" cx={x(wx)} cy={y(wy)} r={7} />
          <text class="rg-wstar-label" x={x(wx) + 10} y={y(wy) - 9}>w*</text>
        </g>
        {badge && (
          <g class="rg-badge" transform="translate(6,6)">
            <rect width={118} height={24} rx={6} stroke={colour} />
            <text x={59} y={16} text-anchor="middle">{badge}</text>
          </g>
        )}
        {!sol.active && (
          <g class="rg-badge" transform="translate(6,6)">
            <rect width={150} height={24} rx={6} />
            <text x={75} y={16} text-anchor="middle">约束不起作用：ŵ = w*</text>
          </g>
        )}
        </g>
      </svg>
      <p class="rg-readout">
        ŵ = ({fmt(sol.w[0])}, {fmt(sol.w[1])})，{sol.active ? `λ = ${fmt(sol.lambda)}` : 'λ = 0'}
      </p>
    </div>
  );
}
