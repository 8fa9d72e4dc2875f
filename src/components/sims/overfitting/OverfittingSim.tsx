import { scaleLinear, scaleLog } from 'd3-scale';
import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { Chart, defaultMargin, pointerInPlot } from '../../charts/Chart';
import { AxisBottom, AxisLeft } from '../../charts/Axes';
import { LinePath } from '../../charts/LinePath';
import { Slider } from '../../controls/Slider';
import { Choice, Select } from '../../controls/Choice';
import { Toggle } from '../../controls/Toggle';
import { SimFrame, type DataTable } from '../../controls/SimFrame';
import { useFigureState } from '../../controls/useFigureState';
import { useOnScreen } from '../../controls/useMotion';
import type { LearningCurvePoint } from '../../../lib/regression/learningCurve';
import {
  ADD_MAX, ADD_STEP, BAGS_MAX, BAGS_MIN, DEGREE_MAX, FIG, FN_VALUES, LN_LAMBDA_MAX, LN_LAMBDA_OFF, LN_LAMBDA_STEP,
  NOISE_MAX, N_MAX, N_MIN, VERSION, Y_LIMIT, lambdaOf, schema, withDragged, type RightView,
} from './state';
import {
  BV_EVAL_X, BV_REPEATS, FN_LABELS, LC_REPEATS, LC_SIZES, LN_LAMBDA_GRID, baggingView, bestDegree, buildData, degenerateMessage,
  degreeCurve, fitView, formatError, formatLambda, lambdaCurve, summaryText, trueCurve,
} from './viewModel';
import type { BvPoint, WorkerRequest, WorkerResponse } from './workerTypes';

const W = 480;
const H = 300;
const M = defaultMargin;
const IW = W - M.left - M.right;
const IH = H - M.top - M.bottom;

const VIEW_OPTIONS: readonly { value: RightView; label: string }[] = [
  { value: 'deg', label: '误差–次数' },
  { value: 'lam', label: '误差–λ' },
  { value: 'n', label: '学习曲线' },
  { value: 'bv', label: '偏差–方差' },
];
const FN_OPTIONS = FN_VALUES.map((v) => ({ value: v, label: FN_LABELS[v] }));

type Study =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'lc'; key: string; points: LearningCurvePoint[] }
  | { kind: 'bv'; key: string; points: BvPoint[] }
  | { kind: 'error'; message: string };

/** The y-range of the error plots: a little above the noise level, so the interesting part is visible. */
function errorTop(noise: number): number {
  return Math.max(0.5, Math.ceil((2.5 * noise + 0.35) * 10) / 10);
}

export default function OverfittingSim() {
  const { state, set, reset, link } = useFigureState(FIG, schema, VERSION);
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const lambda = lambdaOf(state.lnl);

  const data = useMemo(() => buildData(state), [state.fn, state.n, state.noise, state.add, state.pts, state.seed]);
  const fit = useMemo(() => fitView(data, state.deg, lambda), [data, state.deg, lambda]);
  const truth = useMemo(() => trueCurve(state.fn), [state.fn]);
  const curve = useMemo(() => degreeCurve(data, lambda), [data, lambda]);
  const lamCurve = useMemo(() => (state.view === 'lam' ? lambdaCurve(data, state.deg) : null), [data, state.deg, state.view]);
  const bagging = useMemo(() => (state.bag ? baggingView(data, state.deg, lambda, state.bags, state.seed) : null), [data, state.deg, lambda, state.bag, state.bags, state.seed]);
  const error = degenerateMessage(data, fit);

  // Resampling studies (learning curve, bias²/variance) run in a worker while the figure is on screen.
  const frameRef = useRef<HTMLDivElement | null>(null);
  const onScreen = useOnScreen(frameRef);
  const workerRef = useRef<Worker | null>(null);
  const jobRef = useRef(0);
  const pendingKey = useRef('');
  const [study, setStudy] = useState<Study>({ kind: 'idle' });
  const studyKey = state.view === 'n'
    ? `lc|${state.fn}|${state.noise}|${state.deg}|${state.lnl}|${state.seed}`
    : state.view === 'bv' ? `bv|${state.fn}|${state.noise}|${state.n}|${state.lnl}|${state.seed}` : '';
  const haveStudy = (study.kind === 'lc' || study.kind === 'bv') && study.key === studyKey;
  useEffect(() => {
    if (!studyKey || !onScreen || haveStudy) return;
    const handle = window.setTimeout(() => {
      if (!workerRef.current) {
        const w = new Worker(new URL('./overfitting.worker.ts', import.meta.url), { type: 'module' });
        w.onmessage = (e: MessageEvent<WorkerResponse>) => {
          const m = e.data;
          if (m.id !== jobRef.current) return;
          if (m.type === 'progress') setStudy({ kind: 'running', done: m.done, total: m.total });
          else if (m.type === 'error') setStudy({ kind: 'error', message: m.message });
          else setStudy({ kind: m.type, key: pendingKey.current, points: m.points } as Study);
        };
        workerRef.current = w;
      }
      const id = ++jobRef.current;
      pendingKey.current = studyKey;
      const l2 = lambdaOf(state.lnl);
      const req: WorkerRequest = state.view === 'n'
        ? { type: 'lc', id, sizes: LC_SIZES.filter((n) => n >= N_MIN && n <= N_MAX), degree: state.deg, l2, fn: state.fn, noise: state.noise, repeats: LC_REPEATS, seed: state.seed }
        : { type: 'bv', id, n: state.n, maxDegree: DEGREE_MAX, l2, fn: state.fn, noise: state.noise, repeats: BV_REPEATS, seed: state.seed, evalX: BV_EVAL_X };
      setStudy({ kind: 'running', done: 0, total: 1 });
      workerRef.current.postMessage(req);
    }, 120);
    return () => window.clearTimeout(handle);
  }, [studyKey, onScreen, haveStudy]);
  useEffect(() => workerRef.current?.terminate(), []);

  const learning = study.kind === 'lc' && study.key === studyKey ? study.points : null;
  const bv = study.kind === 'bv' && study.key === studyKey ? study.points : null;

  const summary = summaryText({ state, data, fit, curve, bagging, learning, biasVariance: bv });

  // ---- left plot: data, truth, fit ----
  const yMax = Math.min(Y_LIMIT, Math.max(2, Math.ceil((1.3 + 2 * state.noise) * 2) / 2));
  const x = scaleLinear().domain([0, 1]).range([0, IW]);
  const y = scaleLinear().domain([-yMax, yMax]).range([IH, 0]);
  const [selected, setSelected] = useState(0);
  const dragging = useRef<number | null>(null);
  const moveTo = (index: number, px: number, py: number) => {
    const nx = Math.min(1, Math.max(0, x.invert(px)));
    const ny = Math.min(yMax, Math.max(-yMax, y.invert(py)));
    set({ pts: withDragged(state.pts, index, nx, ny) });
  };
  const onKey = (e: KeyboardEvent) => {
    const count = data.points.length;
    if (count === 0) return;
    const i = Math.min(selected, count - 1);
    const p = data.points[i]!;
    const big = e.shiftKey ? 4 : 1;
    let handled = true;
    if (e.key === ']' || e.key === 'PageDown') setSelected((i + 1) % count);
    else if (e.key === '[' || e.key === 'PageUp') setSelected((i - 1 + count) % count);
    else if (e.key === 'ArrowUp') set({ pts: withDragged(state.pts, i, p.x, Math.min(yMax, p.y + 0.05 * big)) });
    else if (e.key === 'ArrowDown') set({ pts: withDragged(state.pts, i, p.x, Math.max(-yMax, p.y - 0.05 * big)) });
    else if (e.key === 'ArrowRight') set({ pts: withDragged(state.pts, i, Math.min(1, p.x + 0.01 * big), p.y) });
    else if (e.key === 'ArrowLeft') set({ pts: withDragged(state.pts, i, Math.max(0, p.x - 0.01 * big), p.y) });
    else handled = false;
    if (handled) e.preventDefault();
  };
  const sel = Math.min(selected, Math.max(0, data.points.length - 1));
  const selPoint = data.points[sel];

  const leftChart = (
    <div
      class="ovf-drag"
      role="group"
      tabIndex={0}
      aria-label={`数据与拟合曲线。键盘：[ 和 ] 选择训练点，方向键移动它（按住 Shift 移得更多）。当前选中第 ${sel + 1} 个点${selPoint ? `，x = ${selPoint.x.toFixed(2)}，y = ${selPoint.y.toFixed(2)}` : ''}`}
      onKeyDown={onKey}
    >
      <Chart width={W} height={H} label={`训练点、验证点、真实函数 ${FN_LABELS[state.fn]} 与 ${state.deg} 次多项式拟合`}>
        <defs>
          <clipPath id={`ovf-clip-${uid}`}><rect x={0} y={0} width={IW} height={IH} /></clipPath>
        </defs>
        <AxisBottom scale={x} size={IH} label="x" />
        <AxisLeft scale={y} size={IW} label="t" />
        <g clip-path={`url(#ovf-clip-${uid})`}>
          <LinePath xs={truth.xs} ys={truth.ys} x={x} y={y} stroke="var(--fg-muted)" width={1.5} dash="6 4" />
          {bagging && bagging.members.map((ys, i) => <LinePath key={i} xs={bagging.xs} ys={ys} x={x} y={y} stroke="var(--c5)" width={1} opacity={0.45} />)}
          {bagging && <LinePath xs={bagging.xs} ys={bagging.mean} x={x} y={y} stroke="var(--c4)" width={3} />}
          {!error && <LinePath xs={fit.curve.xs} ys={fit.curve.ys} x={x} y={y} stroke="var(--c3)" width={2.5} />}
        </g>
        <g class="ovf-val" aria-hidden="true">
          {data.validation.x.map((vx, i) => <circle key={i} cx={x(vx)} cy={y(data.validation.y[i]!)} r={3} fill="none" stroke="var(--c2)" stroke-width={1.5} />)}
        </g>
        <g class="ovf-train" aria-hidden="true">
          {data.points.map((p, i) => {
            const common = {
              'data-draggable': '',
              onPointerDown: (e: PointerEvent) => {
                (e.currentTarget as Element).setPointerCapture(e.pointerId);
                dragging.current = i;
                setSelected(i);
                e.preventDefault();
              },
              onPointerMove: (e: PointerEvent) => {
                if (dragging.current !== i) return;
                const q = pointerInPlot(e);
                moveTo(i, q.x, q.y);
              },
              onPointerUp: () => { dragging.current = null; },
              onPointerCancel: () => { dragging.current = null; },
            };
            const cx = x(p.x);
            const cy = y(Math.max(-yMax, Math.min(yMax, p.y)));
            return (
              <g key={p.index}>
                <circle cx={cx} cy={cy} r={14} fill="transparent" {...common} />
                {p.noisy
                  ? <rect x={cx - 5} y={cy - 5} width={10} height={10} fill="var(--c4)" stroke="var(--bg)" stroke-width={1} pointer-events="none" />
                  : <circle cx={cx} cy={cy} r={5} fill="var(--c1)" stroke={p.dragged ? 'var(--fg)' : 'var(--bg)'} stroke-width={p.dragged ? 2 : 1} pointer-events="none" />}
                {i === sel && <circle class="ovf-sel" cx={cx} cy={cy} r={9} fill="none" stroke="var(--focus)" stroke-width={2} pointer-events="none" />}
              </g>
            );
          })}
        </g>
      </Chart>
    </div>
  );

  // ---- right plot ----
  const top = errorTop(state.noise);
  const ey = scaleLinear().domain([0, top]).range([IH, 0]);
  let right: JSX.Element;
  let table: DataTable;
  const clipId = `ovf-clipr-${uid}`;
  const clipDef = <defs><clipPath id={clipId}><rect x={-6} y={-6} width={IW + 12} height={IH + 6} /></clipPath></defs>;
  /** Dots on a curve; values above the plot become ▲ markers at the top edge. */
  const dots = (xs: number[], ys: number[], sx: (v: number) => number, sy: (v: number) => number, color: string, hollow: boolean, topY: number) =>
    xs.map((vx, i) => {
      const v = ys[i]!;
      if (!Number.isFinite(v)) return null;
      if (v > topY) return <path key={i} d={`M${sx(vx) - 4},${5}L${sx(vx) + 4},${5}L${sx(vx)},${-2}Z`} fill={color} />;
      return <circle key={i} cx={sx(vx)} cy={sy(v)} r={3.5} fill={hollow ? 'var(--bg-raised)' : color} stroke={color} stroke-width={1.5} />;
    });

  if (state.view === 'deg' || state.view === 'lam') {
    const isDeg = state.view === 'deg';
    const pts = isDeg ? curve : (lamCurve ?? []);
    const xsPlot = isDeg ? curve.map((p) => p.degree) : LN_LAMBDA_GRID.slice(0, pts.length);
    const sx = isDeg ? scaleLinear().domain([0, DEGREE_MAX]).range([0, IW]) : scaleLinear().domain([LN_LAMBDA_OFF, LN_LAMBDA_MAX]).range([0, IW]);
    const tr = pts.map((p) => p.trainRms);
    const va = pts.map((p) => p.validationRms);
    const markX = isDeg ? state.deg : Math.max(LN_LAMBDA_OFF, state.lnl);
    const best = isDeg ? bestDegree(curve) : undefined;
    right = (
      <Chart width={W} height={H} label={isDeg ? '训练误差与验证误差随多项式次数的变化' : `训练误差与验证误差随 ln λ 的变化（${state.deg} 次多项式）`}>
        {clipDef}
        <AxisBottom scale={sx} size={IH} label={isDeg ? '多项式次数 M' : 'ln λ（最左端 λ ≈ 0）'} ticks={isDeg ? 8 : 8} />
        <AxisLeft scale={ey} size={IW} label="E_RMS" />
        {best && <line class="ovf-best" x1={sx(best.degree)} x2={sx(best.degree)} y1={0} y2={IH} stroke="var(--c3)" stroke-dasharray="2 3" />}
        <line x1={sx(markX)} x2={sx(markX)} y1={0} y2={IH} stroke="var(--fg)" stroke-width={1.5} />
        <text class="ovf-mark-label" x={sx(markX) + (sx(markX) > IW - 70 ? -4 : 4)} y={22} text-anchor={sx(markX) > IW - 70 ? 'end' : 'start'}>
          {isDeg ? `当前 M = ${state.deg}` : `当前 ${formatLambda(state.lnl)}`}
        </text>
        <g clip-path={`url(#${clipId})`}>
          <LinePath xs={xsPlot} ys={tr} x={sx} y={ey} stroke="var(--c1)" />
          <LinePath xs={xsPlot} ys={va} x={sx} y={ey} stroke="var(--c2)" />
        </g>
        {dots(xsPlot, tr, sx, ey, 'var(--c1)', false, top)}
        {dots(xsPlot, va, sx, ey, 'var(--c2)', true, top)}
      </Chart>
    );
    table = isDeg
      ? { caption: `训练误差与验证误差（E_RMS），${formatLambda(state.lnl)}`, columns: ['次数 M', '训练误差', '验证误差', '最大 |w|'], rows: curve.map((p) => [p.degree, formatError(p.trainRms), formatError(p.validationRms), formatError(p.coefficients.reduce((m, w) => Math.max(m, Math.abs(w)), 0))]) }
      : { caption: `${state.deg} 次多项式在各 ln λ 下的误差（E_RMS）`, columns: ['ln λ', '训练误差', '验证误差'], rows: pts.map((p, i) => [xsPlot[i]!, formatError(p.trainRms), formatError(p.validationRms)]) };
  } else if (state.view === 'n') {
    const sx = scaleLog().domain([2, N_MAX]).range([0, IW]);
    const lc = learning ?? [];
    const xsPlot = lc.map((p) => p.n);
    const tr = lc.map((p) => p.trainRms);
    const va = lc.map((p) => Math.sqrt(p.validationMseMedian));
    right = (
      <Chart width={W} height={H} label={`学习曲线：${state.deg} 次多项式的训练误差与验证误差随训练点数 n 的变化`}>
        {clipDef}
        <AxisBottom scale={sx} size={IH} label="训练点数 n（对数坐标）" tickFormat={(v) => ([2, 5, 10, 20, 50, 100, 200].includes(v) ? String(v) : '')} />
        <AxisLeft scale={ey} size={IW} label="E_RMS" />
        <line x1={sx(state.n)} x2={sx(state.n)} y1={0} y2={IH} stroke="var(--fg)" stroke-width={1.5} />
        <text class="ovf-mark-label" x={sx(state.n) + (sx(state.n) > IW - 70 ? -4 : 4)} y={22} text-anchor={sx(state.n) > IW - 70 ? 'end' : 'start'}>{`当前 n = ${state.n}`}</text>
        <line x1={0} x2={IW} y1={ey(state.noise)} y2={ey(state.noise)} stroke="var(--fg-muted)" stroke-dasharray="4 4" />
        <text x={IW - 4} y={ey(state.noise) - 4} text-anchor="end">噪声 σ</text>
        <g clip-path={`url(#${clipId})`}>
          <LinePath xs={xsPlot} ys={tr} x={sx} y={ey} stroke="var(--c1)" />
          <LinePath xs={xsPlot} ys={va} x={sx} y={ey} stroke="var(--c2)" />
        </g>
        {dots(xsPlot, tr, sx, ey, 'var(--c1)', false, top)}
        {dots(xsPlot, va, sx, ey, 'var(--c2)', true, top)}
        {!learning && <text class="ovf-wait" x={IW / 2} y={IH / 2} text-anchor="middle">{study.kind === 'error' ? '计算失败' : '正在计算学习曲线…'}</text>}
      </Chart>
    );
    table = { caption: `学习曲线（${state.deg} 次，${formatLambda(state.lnl)}，每个 n 重复 ${LC_REPEATS} 次；验证误差取中位数）`, columns: ['n', '训练误差', '验证误差'], rows: lc.map((p) => [p.n, formatError(p.trainRms), formatError(Math.sqrt(p.validationMseMedian))]) };
  } else {
    const sx = scaleLinear().domain([0, DEGREE_MAX]).range([0, IW]);
    const ly = scaleLog().domain([1e-3, 1e2]).range([IH, 0]).clamp(true);
    const pts = bv ?? [];
    const xsPlot = pts.map((p) => p.degree);
    const floor = (v: number) => Math.max(1e-3, v);
    right = (
      <Chart width={W} height={H} label={`偏差²、方差与噪声随多项式次数的变化（n = ${data.points.length}，${BV_REPEATS} 份训练集）`}>
        {clipDef}
        <AxisBottom scale={sx} size={IH} label="多项式次数 M" ticks={8} />
        <AxisLeft scale={ly} size={IW} label="均方误差（对数坐标）" tickFormat={(v) => ([0.001, 0.01, 0.1, 1, 10, 100].includes(v) ? String(v) : '')} />
        <line x1={sx(state.deg)} x2={sx(state.deg)} y1={0} y2={IH} stroke="var(--fg)" stroke-width={1.5} />
        <line x1={0} x2={IW} y1={ly(state.noise ** 2 || 1e-3)} y2={ly(state.noise ** 2 || 1e-3)} stroke="var(--fg-muted)" stroke-dasharray="4 4" />
        <LinePath xs={xsPlot} ys={pts.map((p) => floor(p.bias2))} x={sx} y={ly} stroke="var(--c1)" />
        <LinePath xs={xsPlot} ys={pts.map((p) => floor(p.variance))} x={sx} y={ly} stroke="var(--c5)" />
        <LinePath xs={xsPlot} ys={pts.map((p) => floor(p.total))} x={sx} y={ly} stroke="var(--c2)" width={2.5} />
        {!bv && (
          <text class="ovf-wait" x={IW / 2} y={IH / 2} text-anchor="middle">
            {study.kind === 'running' ? `正在模拟 ${BV_REPEATS} 份训练集… ${Math.round((100 * study.done) / Math.max(1, study.total))}%` : study.kind === 'error' ? '计算失败' : '滚动到此处开始计算'}
          </text>
        )}
      </Chart>
    );
    table = { caption: `偏差–方差分解（n = ${data.points.length}，${formatLambda(state.lnl)}，${BV_REPEATS} 份训练集，在 ${BV_EVAL_X.length} 个等距 x 上平均）`, columns: ['次数 M', '偏差²', '方差', '噪声 σ²', '合计', '实测验证 MSE'], rows: pts.map((p) => [p.degree, formatError(p.bias2), formatError(p.variance), formatError(p.noise), formatError(p.total), formatError(p.validationMse)]) };
  }

  const legendRight = state.view === 'bv'
    ? [['var(--c1)', '偏差²'], ['var(--c5)', '方差'], ['var(--c2)', '偏差² + 方差 + σ²'], ['var(--fg-muted)', '噪声 σ²（虚线）']]
    : [['var(--c1)', '训练误差'], ['var(--c2)', state.view === 'n' ? '验证误差（中位数）' : '验证误差']];

  const progress = study.kind === 'running' && (state.view === 'n' || state.view === 'bv')
    ? <progress class="ovf-progress" max={study.total} value={study.done} aria-label="重采样计算进度" />
    : null;

  return (
    <div ref={frameRef}>
      <SimFrame
        fig={FIG}
        title="过拟合：多项式曲线拟合"
        caption={
          <>
            从真实函数 {FN_LABELS[state.fn]} 加高斯噪声（σ）取训练点（实心蓝点，x 等距，Bishop PRML §1.1 的做法）和 50 个验证点（空心橙圈），用 M 次多项式按最小二乘拟合
            （λ &gt; 0 时加 L2 惩罚 λ‖w‖²）。拖动训练点或用键盘移动它，拟合立即更新；「添加噪声点」加入噪声大得多（σ = 1）的紫色方块点。
            右图可切换：误差随次数 M 的 U 形曲线、随 λ 的曲线、学习曲线（每个 n 重复 {LC_REPEATS} 次）和偏差–方差分解（同样的 x、重新抽取噪声的 {BV_REPEATS} 份训练集，在后台线程中计算）。
            Bagging 的细线是各个自助采样上的拟合，粗线是它们的平均；对最小二乘多项式，平均曲线未必胜过直接在全部数据上拟合——每个自助样本只含约 63% 的不同点。
          </>
        }
        summary={summary}
        error={error}
        shareLink={link}
        onNewSample={() => set({ seed: (state.seed + 1) % 1000000, pts: [] })}
        onReset={reset}
        actions={
          <>
            <button type="button" class="btn" disabled={state.add >= ADD_MAX} onClick={() => set({ add: Math.min(ADD_MAX, state.add + ADD_STEP) })}>添加噪声点</button>
            {state.add > 0 && <button type="button" class="btn" onClick={() => set({ add: 0, pts: [] })}>移除噪声点</button>}
            {state.pts.length > 0 && <button type="button" class="btn" onClick={() => set({ pts: [] })}>还原拖动的点</button>}
          </>
        }
        table={table}
        controls={
          <>
            <Slider label="多项式次数 M" value={state.deg} min={0} max={DEGREE_MAX} step={1} onChange={(deg) => set({ deg })} />
            <Slider
              label="正则化强度 ln λ（最左端 λ = 0）"
              value={state.lnl}
              min={LN_LAMBDA_OFF}
              max={LN_LAMBDA_MAX}
              step={LN_LAMBDA_STEP}
              format={formatLambda}
              onChange={(lnl) => set({ lnl })}
            />
            <Slider label="训练点数 n" value={state.n} min={N_MIN} max={N_MAX} step={1} onChange={(n) => set({ n, pts: [] })} />
            <Slider label="噪声 σ" value={state.noise} min={0} max={NOISE_MAX} step={0.05} onChange={(noise) => set({ noise })} />
            <Select label="真实函数" value={state.fn} options={FN_OPTIONS} onChange={(fn) => set({ fn, pts: [] })} />
            <Choice label="右图" value={state.view} options={VIEW_OPTIONS} onChange={(view) => set({ view })} />
            <Toggle label="Bagging（自助采样后平均）" checked={state.bag} onChange={(bag) => set({ bag })} />
            <Slider label="Bagging 拟合个数 B" value={state.bags} min={BAGS_MIN} max={BAGS_MAX} step={1} disabled={!state.bag} onChange={(bags) => set({ bags })} />
          </>
        }
      >
        <div class="sim-panel">
          <p class="sim-panel-title">数据与拟合</p>
          {leftChart}
          <ul class="ovf-legend" aria-hidden="true">
            <li><span class="ovf-sw ovf-sw-dot" style={{ background: 'var(--c1)' }} />训练点</li>
            <li><span class="ovf-sw ovf-sw-ring" style={{ borderColor: 'var(--c2)' }} />验证点</li>
            {state.add > 0 && <li><span class="ovf-sw ovf-sw-sq" style={{ background: 'var(--c4)' }} />噪声点</li>}
            <li><span class="ovf-sw ovf-sw-dash" style={{ borderColor: 'var(--fg-muted)' }} />真实函数</li>
            <li><span class="ovf-sw ovf-sw-line" style={{ background: 'var(--c3)' }} />{state.deg} 次拟合</li>
            {state.bag && <li><span class="ovf-sw ovf-sw-line" style={{ background: 'var(--c4)' }} />Bagging 平均</li>}
          </ul>
        </div>
        <div class="sim-panel">
          <p class="sim-panel-title">{VIEW_OPTIONS.find((o) => o.value === state.view)?.label}</p>
          {right}
          <ul class="ovf-legend" aria-hidden="true">
            {legendRight.map(([c, t]) => <li key={t}><span class="ovf-sw ovf-sw-line" style={{ background: c }} />{t}</li>)}
          </ul>
          {progress}
        </div>
      </SimFrame>
    </div>
  );
}
