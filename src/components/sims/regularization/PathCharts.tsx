import { scaleLinear } from 'd3-scale';
import { area } from 'd3-shape';
import { useRef } from 'preact/hooks';
import { Chart, pointerInPlot, type Margin } from '../../charts/Chart';
import { AxisBottom, AxisLeft } from '../../charts/Axes';
import { LinePath } from '../../charts/LinePath';
import { LOG_ALPHA_MAX, LOG_ALPHA_MIN, LOG_ALPHA_STEP } from './state';
import { fmt, INSET_Z_MAX, shortName, type CvCurve, type Entry, type InsetView } from './viewModel';

export const PATH_W = 360;
export const PATH_H = 250;
const margin: Margin = { top: 14, right: 14, bottom: 40, left: 52 };
const iw = PATH_W - margin.left - margin.right;
const ih = PATH_H - margin.top - margin.bottom;
export const CV_H = 220;
const cvIh = CV_H - margin.top - margin.bottom;

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
/** 10^k with a superscript exponent, for the log-α axis. */
export const pow10Label = (k: number) => (Number.isInteger(k) ? `10${String(k).replace(/./g, (c) => SUP[c] ?? c)}` : '');

const xScale = () => scaleLinear().domain([LOG_ALPHA_MIN, LOG_ALPHA_MAX]).range([0, iw]);

/** Pointer scrubbing on a log-α chart: mouse anywhere, touch horizontally (CSS touch-action: pan-y). */
function useScrub(onCursor: ((logAlpha: number) => void) | undefined) {
  const active = useRef(false);
  const x = xScale();
  const set = (e: PointerEvent) => {
    if (!onCursor) return;
    const p = pointerInPlot(e, margin);
    const v = Math.round(x.invert(Math.min(iw, Math.max(0, p.x))) / LOG_ALPHA_STEP) * LOG_ALPHA_STEP;
    onCursor(Number(v.toFixed(2)));
  };
  if (!onCursor) return {};
  return {
    onPointerDown: (e: PointerEvent) => {
      active.current = true;
      (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
      set(e);
    },
    onPointerMove: (e: PointerEvent) => active.current && set(e),
    onPointerUp: () => {
      active.current = false;
    },
  };
}

function Cursor({ logAlpha, height }: { logAlpha: number; height: number }) {
  const x = xScale()(logAlpha);
  return (
    <g class="rg-cursor" aria-hidden="true">
      <line x1={x} x2={x} y1={0} y2={height} />
      <path d={`M${x - 6},-2 L${x + 6},-2 L${x},6 Z`} />
    </g>
  );
}

interface PathChartProps {
  title: string;
  label: string;
  logAlphas: number[] | null;
  /** coefs[i][j]: coefficient j at grid point i. */
  coefs: number[][] | null;
  yDomain: [number, number];
  cursor: number;
  entries?: Entry[];
  placeholder: string;
  onCursor?: (logAlpha: number) => void;
}

/** Coefficient paths against log₁₀ α, one coloured line per variable, with the shared cursor. */
export function PathChart({ title, label, logAlphas, coefs, yDomain, cursor, entries, placeholder, onCursor }: PathChartProps) {
  const x = xScale();
  const y = scaleLinear().domain(yDomain).range([ih, 0]);
  const p = coefs?.[0]?.length ?? 0;
  const scrub = useScrub(onCursor);
  return (
    <div class="rg-panel">
      <p class="sim-panel-title">{title}</p>
      <Chart width={PATH_W} height={PATH_H} margin={margin} label={label} class={onCursor ? 'rg-paths rg-scrub' : 'rg-paths'} {...scrub}>
        <AxisBottom scale={x} size={ih} label="α（对数刻度，scikit-learn 约定）" ticks={6} tickFormat={pow10Label} />
        <AxisLeft scale={y} size={iw} label="系数" ticks={5} />
        <line class="rg-zero-axis" x1={0} x2={iw} y1={y(0)} y2={y(0)} />
        {logAlphas && coefs
          ? Array.from({ length: p }, (_, j) => (
              <LinePath key={j} xs={logAlphas} ys={coefs.map((row) => row[j]!)} x={x} y={y} stroke={`var(--rg-f${j})`} width={1.8} />
            ))
          : (
              <text class="rg-placeholder" x={iw / 2} y={ih / 2} text-anchor="middle">{placeholder}</text>
            )}
        {entries && <EntryMarks entries={entries} x={x} y0={y(0)} />}
        <Cursor logAlpha={cursor} height={ih} />
      </Chart>
    </div>
  );
}

/**
 * Numbered entry markers on the zero line, nudged up or down when they would overlap, and the names of
 * the first three variables stacked in the empty region right of α_max with leader lines.
 */
function EntryMarks({ entries, x, y0 }: { entries: Entry[]; x: (v: number) => number; y0: number }) {
  const placed: { px: number; dy: number }[] = [];
  const marks = entries.map((e) => {
    const px = x(e.logAlpha);
    const dy = [0, -17, 17, -34, 34, -51, 51].find((d) => !placed.some((q) => q.dy === d && Math.abs(q.px - px) < 16)) ?? 0;
    placed.push({ px, dy });
    return { e, px, dy };
  });
  const labelX = x(0.55);
  return (
    <g class="rg-entries">
      {marks.map(({ e, px, dy }) => (
        <g key={e.feature} class="rg-entry">
          {dy !== 0 && <line x1={px} x2={px} y1={y0} y2={y0 + dy} stroke={`var(--rg-f${e.feature})`} />}
          <circle cx={px} cy={y0 + dy} r={7.5} stroke={`var(--rg-f${e.feature})`} />
          <text x={px} y={y0 + dy} text-anchor="middle" dy="0.35em">{e.rank}</text>
        </g>
      ))}
      {marks.slice(0, 3).map(({ e, px, dy }, k) => {
        const ly = 14 + k * 17;
        return (
          <g key={`n${e.feature}`} class="rg-entry">
            <polyline points={`${px},${y0 + dy - 7.5} ${px},${ly + 4} ${labelX - 4},${ly + 4}`} fill="none" stroke={`var(--rg-f${e.feature})`} stroke-width={1} opacity={0.8} />
            <text class="rg-entry-name" x={labelX} y={ly + 8}>{`${e.rank} ${shortName(e.feature)}`}</text>
          </g>
        );
      })}
    </g>
  );
}

interface CvChartProps {
  logAlphas: number[] | null;
  lasso: CvCurve | null;
  ridge: CvCurve | null;
  cursor: number;
  placeholder: string;
  onCursor?: (logAlpha: number) => void;
}

/** 5-fold CV mean squared error against log₁₀ α: lasso ± 1 standard error, ridge, min and 1-SE picks. */
export function CvChart({ logAlphas, lasso, ridge, cursor, placeholder, onCursor }: CvChartProps) {
  const x = xScale();
  const scrub = useScrub(onCursor);
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of [lasso, ridge]) {
    if (!c) continue;
    c.meanMse.forEach((m, i) => {
      lo = Math.min(lo, m - (c.stdError[i] ?? 0));
      hi = Math.max(hi, m + (c.stdError[i] ?? 0));
    });
  }
  const domain: [number, number] = Number.isFinite(lo) && Number.isFinite(hi) && hi > lo ? [Math.floor(lo / 500) * 500, Math.ceil(hi / 500) * 500] : [2500, 6500];
  const y = scaleLinear().domain(domain).range([cvIh, 0]);
  const band =
    logAlphas && lasso
      ? area<number>()
          .x((i) => x(logAlphas[i]!))
          .y0((i) => y(lasso.meanMse[i]! - lasso.stdError[i]!))
          .y1((i) => y(lasso.meanMse[i]! + lasso.stdError[i]!))(logAlphas.map((_, i) => i)) ?? ''
      : '';
  const marker = (i: number, text: string, dy: number) =>
    logAlphas && logAlphas[i] !== undefined ? (
      <g class="rg-cv-mark" transform={`translate(${x(logAlphas[i]!)},0)`}>
        <line y1={0} y2={cvIh} />
        <text x={4} y={dy}>{text}</text>
      </g>
    ) : null;
  return (
    <div class="rg-panel">
      <p class="sim-panel-title">
        {`${5} 折交叉验证误差（均方误差）`}
      </p>
      <Chart width={PATH_W} height={CV_H} margin={margin} label="交叉验证误差随 α 变化：Lasso（橙）与岭回归（蓝），标出误差最小与一个标准误规则选出的 α" class={onCursor ? 'rg-cv rg-scrub' : 'rg-cv'} {...scrub}>
        <AxisBottom scale={x} size={cvIh} label="α（对数刻度）" ticks={6} tickFormat={pow10Label} />
        <AxisLeft scale={y} size={iw} label="验证 MSE" ticks={4} />
        {logAlphas && lasso ? (
          <>
            <path class="rg-band" d={band} fill="var(--c2)" />
            <LinePath xs={logAlphas} ys={lasso.meanMse} x={x} y={y} stroke="var(--c2)" width={2} />
            {ridge && <LinePath xs={logAlphas} ys={ridge.meanMse} x={x} y={y} stroke="var(--c1)" width={2} dash="6 3" />}
            {marker(lasso.bestIndex, '最小', cvIh - 6)}
            {marker(lasso.oneSeIndex, '1-SE', cvIh - 6)}
            <g class="rg-legend" transform="translate(8,10)">
              <line x1={0} x2={18} y1={0} y2={0} stroke="var(--c2)" stroke-width={2} />
              <text x={22} y={4}>Lasso ± 1 标准误</text>
              <line x1={0} x2={18} y1={16} y2={16} stroke="var(--c1)" stroke-width={2} stroke-dasharray="6 3" />
              <text x={22} y={20}>岭回归</text>
            </g>
          </>
        ) : (
          <text class="rg-placeholder" x={iw / 2} y={cvIh / 2} text-anchor="middle">{placeholder}</text>
        )}
        <Cursor logAlpha={cursor} height={cvIh} />
      </Chart>
    </div>
  );
}

/** Inset: soft thresholding S(z, λ) against z/(1+λ), or the Laplace and Gaussian priors behind them. */
export function InsetChart({ view }: { view: InsetView }) {
  const x = scaleLinear().domain([-INSET_Z_MAX, INSET_Z_MAX]).range([0, iw]);
  const y = scaleLinear().domain(view.yDomain).range([cvIh, 0]);
  const op = view.mode === 'op';
  const lam = view.lambda;
  return (
    <div class="rg-panel">
      <p class="sim-panel-title">{op ? '正交设计下的一维解：软阈值与按比例收缩' : '对应的先验分布（最大后验估计）'}</p>
      <Chart
        width={PATH_W}
        height={CV_H}
        margin={margin}
        label={op ? `软阈值 S(z, ${fmt(lam)}) 与 L2 收缩 z/(1+${fmt(lam)}) 随 z 变化` : `拉普拉斯先验（b = ${fmt(1 / lam)}）与高斯先验（τ² = ${fmt(1 / lam)}）的密度`}
        class="rg-inset"
      >
        {op && <rect class="rg-deadzone" x={x(-lam)} width={x(lam) - x(-lam)} y={0} height={cvIh} />}
        <AxisBottom scale={x} size={cvIh} label={op ? 'z（最小二乘系数）' : 'w'} ticks={6} />
        <AxisLeft scale={y} size={iw} label={op ? '正则化后的系数' : '密度'} ticks={4} />
        {op && <LinePath xs={[-INSET_Z_MAX, INSET_Z_MAX]} ys={[-INSET_Z_MAX, INSET_Z_MAX]} x={x} y={y} stroke="var(--fg-muted)" width={1} dash="3 3" />}
        <LinePath xs={view.xs} ys={view.l2} x={x} y={y} stroke="var(--c1)" width={2.2} />
        <LinePath xs={view.xs} ys={view.l1} x={x} y={y} stroke="var(--c2)" width={2.2} />
        {op && (
          <text class="rg-deadzone-label" x={x(0)} y={cvIh - 8} text-anchor="middle">{`|z| ≤ ${fmt(lam)}：置 0`}</text>
        )}
        <g class="rg-legend" transform="translate(8,10)">
          <line x1={0} x2={18} y1={0} y2={0} stroke="var(--c2)" stroke-width={2} />
          <text x={22} y={4}>{op ? 'L1：S(z, λ)' : 'L1：拉普拉斯'}</text>
          <line x1={0} x2={18} y1={16} y2={16} stroke="var(--c1)" stroke-width={2} />
          <text x={22} y={20}>{op ? 'L2：z / (1 + λ)' : 'L2：高斯'}</text>
        </g>
      </Chart>
    </div>
  );
}
