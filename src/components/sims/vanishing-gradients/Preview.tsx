/**
 * Home-card preview of the vanishing-gradients figure: the default setting's per-layer gradient
 * norms (sigmoid, standard init, 10 hidden layers) against ReLU + He, on a log axis. Static SVG.
 */
import { scaleLinear } from 'd3-scale';
import { LinePath } from '../../charts/LinePath';
import { DEFAULT_STATE } from './state';
import { computeGradients, logDomain } from './viewModel';

export default function Preview() {
  const W = 320, H = 180, m = { l: 14, r: 14, t: 16, b: 24 };
  const a = computeGradients(DEFAULT_STATE).norms.map(Math.log10);
  const b = computeGradients({ ...DEFAULT_STATE, act: 'relu', init: 'he' }).norms.map(Math.log10);
  const xs = a.map((_, i) => i + 1);
  const x = scaleLinear().domain([1, a.length]).range([m.l, W - m.r]);
  const y = scaleLinear().domain(logDomain(a, b)).range([H - m.b, m.t]);
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="各层梯度范数：sigmoid 向输入侧指数衰减，ReLU + He 保持平稳">
      <line x1={m.l} x2={W - m.r} y1={H - m.b} y2={H - m.b} stroke="var(--border)" />
      <LinePath xs={xs} ys={b} x={x} y={y} stroke="var(--c3)" width={2.5} />
      <LinePath xs={xs} ys={a} x={x} y={y} stroke="var(--c1)" width={2.5} />
      <text x={m.l} y={H - 6}>输入侧</text>
      <text x={W - m.r} y={H - 6} text-anchor="end">输出侧</text>
      <text x={x(a.length) - 4} y={y(a[a.length - 1]!) + 16} text-anchor="end" fill="var(--c1)">sigmoid</text>
      <text x={x(b.length) - 4} y={y(b[b.length - 1]!) - 8} text-anchor="end" fill="var(--c3)">ReLU + He</text>
    </svg>
  );
}
