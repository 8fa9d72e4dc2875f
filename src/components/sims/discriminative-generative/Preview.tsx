import { scaleLinear } from 'd3-scale';
import { Contours } from '../../charts/Contours';
import { IsoLine } from '../../charts/IsoLine';
import { DEFAULT_STATE } from './state';
import { computeScene, GRID, VIEW } from './viewModel';

const S = 152;
const THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const band = (lo: number) => {
  const mid = lo + 0.05;
  return `color-mix(in srgb, ${mid < 0.5 ? 'var(--c1)' : 'var(--c2)'} ${Math.round(Math.abs(mid - 0.5) * 96)}%, var(--bg))`;
};

/** Home-card preview: logistic regression's p(y|x) surface beside naive Bayes' class densities (static SVG). */
export default function DiscriminativeGenerativePreview() {
  const v = computeScene(DEFAULT_STATE);
  const x = scaleLinear().domain([VIEW.xMin, VIEW.xMax]).range([0, S]);
  const y = scaleLinear().domain([VIEW.yMin, VIEW.yMax]).range([S, 0]);
  const dots = v.points.filter((_, i) => i % 2 === 0).map((p, i) =>
    p.label === 0 ? <circle key={i} cx={x(p.x)} cy={y(p.y)} r={2.2} fill="var(--c1)" /> : <rect key={i} x={x(p.x) - 2} y={y(p.y) - 2} width={4} height={4} fill="var(--c2)" />,
  );
  return (
    <svg viewBox="0 0 320 180" width="320" height="180" role="img" aria-label="判别式与生成式模型预览：左为逻辑回归的 p(y|x) 着色与分类面，右为朴素贝叶斯的类条件密度与分类面">
      <g transform="translate(6,14)">
        <rect width={S} height={S} fill={band(0)} />
        {v.lrGrid && <Contours values={v.lrGrid} nx={GRID} ny={GRID} width={S} height={S} thresholds={THRESHOLDS} color={band} />}
        {v.lrGrid && <IsoLine values={v.lrGrid} nx={GRID} ny={GRID} width={S} height={S} levels={[0.5]} stroke="var(--fg)" strokeWidth={2} />}
        {dots}
      </g>
      <g transform="translate(162,14)">
        <rect width={S} height={S} fill="var(--bg-soft)" />
        {dots}
        {v.density.map((d, k) => (
          <IsoLine key={k} values={d.grid} nx={GRID} ny={GRID} width={S} height={S} levels={d.levels} stroke={k === 0 ? 'var(--c1)' : 'var(--c2)'} strokeWidth={1.6} />
        ))}
        {v.genGrid && <IsoLine values={v.genGrid} nx={GRID} ny={GRID} width={S} height={S} levels={[0.5]} stroke="var(--fg)" strokeWidth={2} />}
      </g>
    </svg>
  );
}
