import { scaleLinear } from 'd3-scale';
import { DEFAULT_STATE, TRUE_INTERCEPT, TRUE_SLOPE, X_RANGE, Y_RANGE } from './state';
import { buildView } from './viewModel';

/** Home-card preview: the default data, its RANSAC inliers, and the least-squares vs RANSAC lines (static SVG). */
export default function RansacPreview() {
  const view = buildView(DEFAULT_STATE);
  const x = scaleLinear().domain(X_RANGE as [number, number]).range([10, 310]);
  const y = scaleLinear().domain(Y_RANGE as [number, number]).range([172, 8]);
  const seg = (m: number, b: number) => ({ x1: x(X_RANGE[0]), x2: x(X_RANGE[1]), y1: y(m * X_RANGE[0] + b), y2: y(m * X_RANGE[1] + b) });
  return (
    <svg viewBox="0 0 320 180" width="320" height="180" role="img" aria-label="RANSAC 预览：局外点把最小二乘直线拉偏，RANSAC 直线贴合局内点">
      {view.points.map((p, i) => (
        <circle key={i} cx={x(p.x)} cy={y(p.y)} r={3} fill={view.fit?.inliers[i] ? 'var(--c3)' : 'var(--bg)'} stroke={view.fit?.inliers[i] ? 'none' : 'var(--fg-muted)'} stroke-width={1} />
      ))}
      <line {...seg(TRUE_SLOPE, TRUE_INTERCEPT)} stroke="var(--fg-muted)" stroke-width={1} stroke-dasharray="1.5 3" />
      {view.ls && <line {...seg(view.ls.slope, view.ls.intercept)} stroke="var(--c2)" stroke-width={2.5} stroke-dasharray="7 4" />}
      {view.fit && <line {...seg(view.fit.slope, view.fit.intercept)} stroke="var(--c1)" stroke-width={3} />}
    </svg>
  );
}
