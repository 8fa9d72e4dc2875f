import { scaleLinear } from 'd3-scale';
import { W_MAX } from './state';
import { DEFAULT_STATE } from './state';
import { geometryView } from './viewModel';

/** Home-card preview: the default state's L1 and L2 pictures side by side (static SVG, no JS). */
export default function RegularizationPreview() {
  const geo = geometryView(DEFAULT_STATE);
  const size = 150;
  const k = size / (2 * W_MAX);
  const x = scaleLinear().domain([-W_MAX, W_MAX]).range([0, size]);
  const y = scaleLinear().domain([-W_MAX, W_MAX]).range([size, 0]);
  const panel = (norm: 'l1' | 'l2', dx: number) => {
    const sol = norm === 'l1' ? geo.l1 : geo.l2;
    const cs = norm === 'l1' ? geo.l1Contours : geo.l2Contours;
    const colour = norm === 'l1' ? 'var(--c2)' : 'var(--c1)';
    const t = geo.t;
    return (
      <g transform={`translate(${dx},15)`}>
        <line x1={x(0)} x2={x(0)} y1={0} y2={size} stroke="var(--border)" />
        <line x1={0} x2={size} y1={y(0)} y2={y(0)} stroke="var(--border)" />
        {norm === 'l1' ? (
          <polygon points={`${x(t)},${y(0)} ${x(0)},${y(t)} ${x(-t)},${y(0)} ${x(0)},${y(-t)}`} fill={colour} fill-opacity={0.2} stroke={colour} />
        ) : (
          <circle cx={x(0)} cy={y(0)} r={t * k} fill={colour} fill-opacity={0.2} stroke={colour} />
        )}
        {cs.slice(0, 3).map((c, i) => (
          <ellipse key={i} cx={x(c.cx)} cy={y(c.cy)} rx={c.rx * k} ry={c.ry * k} transform={`rotate(${((-c.angle * 180) / Math.PI).toFixed(2)} ${x(c.cx)} ${y(c.cy)})`} fill="none" stroke={i === 1 ? colour : 'var(--fg-muted)'} stroke-width={i === 1 ? 1.6 : 0.8} />
        ))}
        <circle cx={x(sol.w[0])} cy={y(sol.w[1])} r={4} fill={colour} />
        <circle cx={x(geo.wStar[0])} cy={y(geo.wStar[1])} r={3.5} fill="var(--fg)" />
      </g>
    );
  };
  return (
    <svg viewBox="0 0 320 180" width="320" height="180" role="img" aria-label="L1 菱形的角让解落在坐标轴上，L2 圆只让权重变小">
      {panel('l1', 5)}
      {panel('l2', 165)}
    </svg>
  );
}
