import { scaleLinear } from 'd3-scale';
import { LinePath } from '../../charts/LinePath';
import { DEFAULT_STATE } from './state';
import { buildData, fitView, trueCurve } from './viewModel';

/** Home-card preview: the default data, sin 2πx and the cubic fit (static SVG, no hooks). */
export default function OverfittingPreview() {
  const W = 320, H = 180, pad = 12;
  const data = buildData(DEFAULT_STATE);
  const fit = fitView(data, DEFAULT_STATE.deg, 0);
  const over = fitView(data, 9, 0);
  const truth = trueCurve(DEFAULT_STATE.fn);
  const x = scaleLinear().domain([0, 1]).range([pad, W - pad]);
  const y = scaleLinear().domain([-1.8, 1.8]).range([H - pad, pad]);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label="多项式拟合：3 次贴近真实曲线，9 次穿过每个点并剧烈振荡">
      <defs><clipPath id="ovf-preview-clip"><rect x={0} y={0} width={W} height={H} /></clipPath></defs>
      <g clip-path="url(#ovf-preview-clip)">
        <LinePath xs={truth.xs} ys={truth.ys} x={x} y={y} stroke="var(--fg-muted)" width={1.5} dash="6 4" />
        <LinePath xs={over.curve.xs} ys={over.curve.ys} x={x} y={y} stroke="var(--c2)" width={1.5} opacity={0.8} />
        <LinePath xs={fit.curve.xs} ys={fit.curve.ys} x={x} y={y} stroke="var(--c3)" width={2.5} />
      </g>
      {data.points.map((p) => <circle key={p.index} cx={x(p.x)} cy={y(p.y)} r={4} fill="var(--c1)" stroke="var(--bg)" />)}
    </svg>
  );
}
