/**
 * Home-card preview of the random-forest figure: the default forest's decision surface beside its
 * test-error curve, rendered at build time (static SVG, no hooks).
 */
import { scaleLinear } from 'd3-scale';
import { Contours } from '../../charts/Contours';
import { LinePath } from '../../charts/LinePath';
import { DEFAULT_STATE, MAX_TREES } from './state';
import { MARGIN_BANDS, makeData, trainForest, trainParams, voteMargins } from './viewModel';

export default function Preview() {
  const params = { ...trainParams(DEFAULT_STATE), grid: 40 };
  const result = trainForest(params);
  const { train } = makeData(params);
  const margins = voteMargins(result, DEFAULT_STATE.trees);
  const S = 164;
  const sx = scaleLinear().domain([result.spec.x0, result.spec.x1]).range([0, S]);
  const sy = scaleLinear().domain([result.spec.y0, result.spec.y1]).range([S, 0]);
  const bx = scaleLinear().domain([1, MAX_TREES]).range([0, 120]);
  const ey = scaleLinear().domain([0, Math.max(...result.treeTest) * 1.1]).range([120, 0]);
  const xs = Array.from({ length: MAX_TREES }, (_, i) => i + 1);
  return (
    <svg viewBox="0 0 320 180" role="img" aria-label="随机森林的决策面与误差曲线">
      <g transform="translate(8,8)">
        {margins.map((m, k) => (
          <Contours key={k} values={m} nx={40} ny={40} width={S} height={S} thresholds={MARGIN_BANDS} color={() => `color-mix(in srgb, var(--c${k + 1}) 17%, transparent)`} />
        ))}
        {train.X.map((row, i) => <circle key={i} cx={sx(row[0]!)} cy={sy(row[1]!)} r={1.8} fill={`var(--c${train.y[i]! + 1})`} />)}
      </g>
      <g transform="translate(188,24)">
        {result.treeTest.map((e, i) => <circle key={i} cx={bx(i + 1)} cy={ey(e)} r={1.1} fill="var(--c5)" opacity={0.6} />)}
        <LinePath xs={xs} ys={result.test} x={bx} y={ey} stroke="var(--c2)" />
        <line x1={0} x2={120} y1={120} y2={120} stroke="var(--fg-muted)" />
        <line x1={0} x2={0} y1={0} y2={120} stroke="var(--fg-muted)" />
      </g>
    </svg>
  );
}
