import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line as d3line, curveStepAfter } from 'd3-shape';
import { Chart, type Margin } from '../../charts/Chart';
import { AxisBottom, AxisLeft } from '../../charts/Axes';
import { LinePath } from '../../charts/LinePath';
import { Slider } from '../../controls/Slider';
import { Toggle } from '../../controls/Toggle';
import { Choice } from '../../controls/Choice';
import { SimFrame } from '../../controls/SimFrame';
import { useFigureState } from '../../controls/useFigureState';
import { useOnScreen, usePrefersReducedMotion } from '../../controls/useMotion';
import { successRates, type SuccessCounts } from '../../../lib/robust/ransacSuccessRate';
import type { Line } from '../../../lib/robust/ransac';
import { FIG, MAX_ADDED, MAX_N, MAX_OUTLIER_RATIO, MIN_N, TRUE_INTERCEPT, TRUE_SLOPE, VERSION, X_RANGE, Y_RANGE, schema, type RansacState } from './state';
import {
  STEP_NAMES,
  STUDY_RUNS,
  STUDY_TOLERANCE,
  STUDY_TRIALS,
  addPatch,
  bandHalfHeight,
  buildView,
  fmt,
  trim,
  formulaView,
  generatedInlierFraction,
  lineText,
  movePatch,
  studyConfig,
  suggestedOutlier,
  theoryCurve,
  type View,
} from './viewModel';
import { nextPosition, prevPosition } from './steps';

const W = 600;
const H = 380;
const M: Margin = { top: 12, right: 16, bottom: 42, left: 48 };
const IW = W - M.left - M.right;
const IH = H - M.top - M.bottom;
const xScale = scaleLinear().domain(X_RANGE as [number, number]).range([0, IW]);
const yScale = scaleLinear().domain(Y_RANGE as [number, number]).range([IH, 0]);

/** Viewbox coordinates of a pointer, relative to the inner plot of `svg`. */
function toPlot(svg: SVGSVGElement, clientX: number, clientY: number) {
  const rect = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  return { px: ((clientX - rect.left) * vb.width) / rect.width - M.left, py: ((clientY - rect.top) * vb.height) / rect.height - M.top };
}

/** Two x ends of a line across the plot (the clip path trims what leaves the y range). */
function Segment({ l, cls, dy = 0 }: { l: Line; cls: string; dy?: number }) {
  const [x0, x1] = X_RANGE;
  return <line class={cls} x1={xScale(x0)} x2={xScale(x1)} y1={yScale(l.slope * x0 + l.intercept + dy)} y2={yScale(l.slope * x1 + l.intercept + dy)} />;
}

function Band({ l, half }: { l: Line; half: number }) {
  const [x0, x1] = X_RANGE;
  const y = (x: number, d: number) => yScale(l.slope * x + l.intercept + d).toFixed(1);
  const d = `M${xScale(x0)},${y(x0, half)}L${xScale(x1)},${y(x1, half)}L${xScale(x1)},${y(x1, -half)}L${xScale(x0)},${y(x0, -half)}Z`;
  return <path class="rsc-band" d={d} />;
}

interface MainPlotProps {
  view: View;
  state: RansacState;
  selected: number | null;
  onSelect: (i: number | null) => void;
  onMove: (i: number, x: number, y: number) => void;
  onAdd: (x: number, y: number) => void;
}

/** The scatter with LS and RANSAC lines, the current candidate, its band and samples; drag points, click to add. */
function MainPlot({ view, state, selected, onSelect, onMove, onAdd }: MainPlotProps) {
  const clipId = `rsc-clip-${FIG}`;
  const drag = useRef<{ i: number; id: number } | null>(null);
  const justDragged = useRef(false);
  const { cursor, fit, ls } = view;
  const showStep = cursor !== null;
  const ph = cursor?.ph ?? 0;
  // which points are coloured as inliers: the candidate's set from step 2 on, else the final set
  const mask = showStep ? (ph >= 2 ? cursor.inliers : null) : fit?.inliers ?? null;
  const candidate = cursor?.line ?? null;
  const finalCandidate = fit?.bestCandidate ?? null;

  const hit = (svg: SVGSVGElement, e: PointerEvent | MouseEvent, radius: number) => {
    const { px, py } = toPlot(svg, e.clientX, e.clientY);
    let best = -1;
    let bestD = radius * radius;
    view.points.forEach((p, i) => {
      const d = (xScale(p.x) - px) ** 2 + (yScale(p.y) - py) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    });
    return { best, px, py };
  };
  const onPointerDown = (e: PointerEvent) => {
    const svg = e.currentTarget as SVGSVGElement;
    const { best } = hit(svg, e, e.pointerType === 'touch' ? 22 : 12);
    justDragged.current = false;
    if (best < 0) return;
    e.preventDefault();
    svg.setPointerCapture(e.pointerId);
    drag.current = { i: best, id: e.pointerId };
    justDragged.current = true;
    onSelect(best);
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!drag.current || drag.current.id !== e.pointerId) return;
    const { px, py } = toPlot(e.currentTarget as SVGSVGElement, e.clientX, e.clientY);
    onMove(drag.current.i, xScale.invert(px), yScale.invert(py));
  };
  const onPointerUp = (e: PointerEvent) => {
    if (drag.current?.id === e.pointerId) drag.current = null;
  };
  const onClick = (e: MouseEvent) => {
    if (justDragged.current) {
      justDragged.current = false;
      return;
    }
    const svg = (e.currentTarget as HTMLElement).querySelector('svg');
    if (!svg) return;
    const { px, py } = toPlot(svg, e.clientX, e.clientY);
    if (px < 0 || px > IW || py < 0 || py > IH) return;
    onAdd(xScale.invert(px), yScale.invert(py));
  };

  return (
    // clicking adds points with mouse or touch; the «添加局外点» button is the keyboard path
    <div class="rsc-plot" onClick={onClick}>
      <Chart width={W} height={H} margin={M} class="rsc-scatter" label="散点图：数据点、最小二乘直线与 RANSAC 直线；点击空白处添加局外点，拖动点可移动它" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp}>
        <defs>
          <clipPath id={clipId}>
            <rect x={0} y={0} width={IW} height={IH} />
          </clipPath>
        </defs>
        <AxisBottom scale={xScale} size={IH} label="x" />
        <AxisLeft scale={yScale} size={IW} label="y" />
        <g clip-path={`url(#${clipId})`}>
          {/* the inlier band of the candidate (steps 2–3) or of the final model */}
          {showStep && candidate && ph >= 2 && ph <= 3 && <Band l={candidate} half={bandHalfHeight(candidate, state.th, view.residual)} />}
          {!showStep && finalCandidate && <Band l={finalCandidate} half={bandHalfHeight(finalCandidate, state.th, view.residual)} />}
          <Segment l={{ slope: TRUE_SLOPE, intercept: TRUE_INTERCEPT }} cls="rsc-true" />
          {ls && <Segment l={ls} cls="rsc-ls" />}
          {showStep && cursor.bestLineBefore && <Segment l={cursor.bestLineBefore} cls="rsc-best" />}
          {showStep && candidate && <Segment l={candidate} cls={ph >= 4 && cursor.passes ? 'rsc-cand rsc-faint' : 'rsc-cand'} />}
          {showStep && ph >= 4 && cursor.refit && <Segment l={cursor.refit} cls="rsc-fit" />}
          {!showStep && fit && <Segment l={fit} cls="rsc-fit" />}
        </g>
        <g class="rsc-points">
          {view.points.map((p, i) => {
            const cx = xScale(p.x);
            const cy = yScale(p.y);
            const inl = mask ? mask[i] : false;
            const cls = `rsc-pt${inl ? ' rsc-in' : ''}${mask === null ? ' rsc-neutral' : ''}`;
            return p.source === 'added' ? (
              <rect key={i} class={cls} x={cx - 4.5} y={cy - 4.5} width={9} height={9} data-draggable="" />
            ) : (
              <circle key={i} class={cls} cx={cx} cy={cy} r={4.5} data-draggable="" />
            );
          })}
        </g>
        {showStep &&
          cursor.sample.map((p, k) => <circle key={`s${k}`} class="rsc-sample" cx={xScale(p.x)} cy={yScale(p.y)} r={9} />)}
        {selected !== null && view.points[selected] && (
          <circle class="rsc-selected" cx={xScale(view.points[selected]!.x)} cy={yScale(view.points[selected]!.y)} r={12} />
        )}
      </Chart>
    </div>
  );
}

/** Best inlier count so far (staircase) and each candidate's count, against the iteration. */
function Staircase({ view, t }: { view: View; t: number }) {
  const w = 420;
  const h = 210;
  const m: Margin = { top: 10, right: 12, bottom: 40, left: 48 };
  const iw = w - m.left - m.right;
  const ih = h - m.top - m.bottom;
  const { staircase: s } = view;
  const T = Math.max(1, s.t.length);
  const n = Math.max(1, view.points.length);
  const x = scaleLinear().domain([0.5, T + 0.5]).range([0, iw]);
  const y = scaleLinear().domain([0, n]).range([ih, 0]).nice();
  const path = d3line<number>()
    .curve(curveStepAfter)
    .x((i) => x(i + 0.5))
    .y((i) => y(s.best[i]!))([...s.best.keys()]);
  const stepped = s.best.length > 0 ? `${path ?? ''}H${x(T + 0.5)}` : '';
  const r = T > 150 ? 1.6 : T > 60 ? 2.4 : 3.2;
  return (
    <Chart width={w} height={h} margin={m} class="rsc-stairs" label="阶梯图：每次迭代的候选局内点数与目前最好的局内点数">
      <AxisBottom scale={x} size={ih} label="迭代次数" ticks={Math.min(8, T)} tickFormat={(v) => (Number.isInteger(v) ? String(v) : '')} />
      <AxisLeft scale={y} size={iw} label="局内点数" ticks={4} />
      <path class="rsc-stair" d={stepped} />
      {s.candidate.map((c, i) => (
        <circle key={i} class={s.kept[i] ? 'rsc-dot rsc-dot-kept' : 'rsc-dot'} cx={x(i + 1)} cy={y(c)} r={s.kept[i] ? r + 1.2 : r} />
      ))}
      {t >= 1 && t <= T && <line class="rsc-cursor" x1={x(t)} x2={x(t)} y1={0} y2={ih} />}
    </Chart>
  );
}

type Study = { status: 'idle' | 'running' | 'done' | 'error'; done: number; total: number; counts: SuccessCounts | null; key: string };

/** Empirical success rate over seeded runs (worker) against 1 − (1 − wˢ)ᴺ. */
function SuccessChart({ study, w, s, nMark }: { study: Study; w: number; s: number; nMark: number }) {
  const cw = 420;
  const ch = 220;
  const m: Margin = { top: 10, right: 14, bottom: 40, left: 48 };
  const iw = cw - m.left - m.right;
  const ih = ch - m.top - m.bottom;
  const maxN = STUDY_TRIALS[STUDY_TRIALS.length - 1]!;
  const x = scaleLog().domain([1, maxN]).range([0, iw]);
  const y = scaleLinear().domain([0, 1]).range([ih, 0]);
  const th2 = theoryCurve(w, 2, maxN);
  const ths = s !== 2 ? theoryCurve(w, s, maxN) : null;
  const rates = study.counts && study.counts.runs > 0 ? successRates(study.counts) : null;
  return (
    <Chart width={cw} height={ch} margin={m} class="rsc-success" label="成功率随迭代次数 N 的变化：理论曲线与多次模拟的经验成功率">
      <AxisBottom scale={x} size={ih} label="迭代次数 N（对数轴）" ticks={5} tickFormat={(v) => ([1, 2, 5, 10, 20, 50, 100].includes(v) ? String(v) : '')} />
      <AxisLeft scale={y} size={iw} label="成功率" ticks={5} tickFormat={(v) => `${Math.round(v * 100)}%`} />
      <LinePath xs={th2.N} ys={th2.rate} x={x} y={y} stroke="var(--c1)" width={2.2} />
      {ths && <LinePath xs={ths.N} ys={ths.rate} x={x} y={y} stroke="var(--c4)" width={2} dash="6 4" />}
      {Number.isFinite(nMark) && nMark >= 1 && nMark <= maxN && <line class="rsc-cursor" x1={x(nMark)} x2={x(nMark)} y1={0} y2={ih} />}
      {rates &&
        STUDY_TRIALS.map((N, k) => (
          <g key={N}>
            <circle class="rsc-emp-clean" cx={x(N)} cy={y(rates.anyCleanSample[k]!)} r={3.6} />
            <rect class="rsc-emp-fit" x={x(N) - 3} y={y(rates.withinTolerance[k]!) - 3} width={6} height={6} />
          </g>
        ))}
    </Chart>
  );
}

function Formula({ p, w, s, label }: { p: number; w: number; s: number; label: string }) {
  const f = formulaView(p, w, s);
  return (
    <p class="rsc-formula-line">
      <span class="rsc-formula-tag">{label}</span>
      <span class="rsc-math">
        N = ⌈log(1 − {trim(p)}) / log(1 − {fmt(w, 2)}<sup>{s}</sup>)⌉
        {Number.isFinite(f.raw) ? <> = ⌈{fmt(f.raw, 2)}⌉ = <strong>{f.text}</strong></> : <> = <strong>{f.text}</strong></>}
      </span>
    </p>
  );
}

export default function RansacSim() {
  const { state, set, reset, link } = useFigureState(FIG, schema, VERSION);
  const view = useMemo(() => buildView(state), [state]);
  const T = view.fit?.trials.length ?? 0;
  const [playing, setPlaying] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const reduced = usePrefersReducedMotion();
  const rootRef = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(rootRef);

  // play: advance one step (or one iteration) per tick; stops at the result, off screen, or with reduced motion
  useEffect(() => {
    if (!playing || reduced || !onScreen || T === 0) return;
    const handle = window.setTimeout(
      () => {
        const next = nextPosition({ t: state.t, ph: state.ph }, T, state.play, view.cursor?.trial.skipped ?? false);
        set(next);
        if (next.t === 0) setPlaying(false);
      },
      state.play === 'iter' ? 700 : 1000,
    );
    return () => window.clearTimeout(handle);
  }, [playing, reduced, onScreen, state.t, state.ph, state.play, T, set, view.cursor]);
  useEffect(() => {
    if (reduced) setPlaying(false);
  }, [reduced]);

  // success-rate study in a worker, restarted when the data settings change
  const workerRef = useRef<Worker | null>(null);
  const studyId = useRef(0);
  const config = useMemo(() => studyConfig(state), [state.n, state.out, state.th, state.seed]);
  const configKey = JSON.stringify(config);
  const [study, setStudy] = useState<Study>({ status: 'idle', done: 0, total: STUDY_RUNS, counts: null, key: '' });
  useEffect(() => {
    const worker = new Worker(new URL('./successRate.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    worker.onmessage = (e: MessageEvent<{ type: string; id: number; done?: number; total?: number; counts?: SuccessCounts; message?: string }>) => {
      const d = e.data;
      if (d.id !== studyId.current) return;
      if (d.type === 'progress') setStudy((s) => ({ ...s, status: 'running', done: d.done ?? 0, total: d.total ?? STUDY_RUNS, counts: d.counts ?? null }));
      else if (d.type === 'result') setStudy((s) => ({ ...s, status: 'done', done: s.total, counts: d.counts ?? null }));
      else if (d.type === 'error') setStudy((s) => ({ ...s, status: 'error' }));
    };
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);
  const runStudy = () => {
    const worker = workerRef.current;
    if (!worker) return;
    studyId.current += 1;
    setStudy({ status: 'running', done: 0, total: config.runs, counts: null, key: configKey });
    worker.postMessage({ type: 'start', id: studyId.current, config });
  };
  const stopStudy = () => {
    studyId.current += 1;
    setStudy((s) => ({ ...s, status: s.counts ? 'done' : 'idle' }));
  };
  useEffect(() => {
    if (!onScreen || study.key === configKey) return;
    const handle = window.setTimeout(runStudy, 350);
    return () => window.clearTimeout(handle);
  }, [onScreen, configKey]);

  const nGen = state.n;
  const added = state.add.length / 2;
  const clearEdits = { add: [], mv: [] } as Partial<RansacState>;
  const go = (pos: { t: number; ph: number }) => {
    setPlaying(false);
    set(pos);
  };
  const skipped = view.cursor?.trial.skipped ?? false;
  const wGen = generatedInlierFraction(state);
  const sNum = Number(state.s);
  const stepIndex = view.cursor ? view.cursor.ph : 0;
  const outcome = view.cursor && view.cursor.ph === 5 ? view.cursor.outcome : null;
  const sel = selected !== null && selected < view.points.length ? view.points[selected]! : null;

  const rates = study.counts && study.counts.runs > 0 ? successRates(study.counts) : null;
  const nMark = state.mode === 'fixed' ? state.iters : T;
  const kMark = STUDY_TRIALS.findIndex((N) => N >= nMark);
  const studyLine =
    study.status === 'error'
      ? '模拟出错，请调整参数后重试。'
      : rates && kMark >= 0
        ? `${study.counts!.runs} 次模拟（每次一组新数据）：N = ${STUDY_TRIALS[kMark]} 时，至少抽到一次干净样本的比例 ${fmt(rates.anyCleanSample[kMark]! * 100, 0)}%，理论 ${fmt(theoryCurve(wGen, 2, STUDY_TRIALS[kMark]!).rate.at(-1)! * 100, 0)}%；最终直线与真实直线相差不超过 ${STUDY_TOLERANCE} 的比例 ${fmt(rates.withinTolerance[kMark]! * 100, 0)}%。`
        : '模拟尚未运行。';

  const controls = (
    <>
      <Slider label="局外点比例" value={state.out} min={0} max={MAX_OUTLIER_RATIO} step={0.05} format={(v) => `${Math.round(v * 100)}%`} onChange={(out) => set({ out, mv: [], t: Math.min(state.t, T) })} />
      <Slider label="生成的点数" value={state.n} min={MIN_N} max={MAX_N} step={1} onChange={(n) => set({ n, mv: [] })} />
      <Slider label="局内点阈值 t" value={state.th} min={0.05} max={3} step={0.05} onChange={(th) => set({ th })} hint={`噪声 σ = 0.3，1.96σ ≈ 0.59`} />
      <Choice name="rsc-res" label="残差" value={state.res} options={[{ value: 'vert', label: '竖直 |y − ŷ|' }, { value: 'perp', label: '点到直线距离' }]} onChange={(res) => set({ res })} />
      <Choice name="rsc-mode" label="迭代次数" value={state.mode} options={[{ value: 'fixed', label: '固定 N' }, { value: 'auto', label: '按置信度 p 自动' }]} onChange={(mode) => set({ mode })} />
      {state.mode === 'fixed' ? (
        <Slider label="迭代次数 N" value={state.iters} min={1} max={200} step={1} onChange={(iters) => set({ iters })} />
      ) : (
        <Slider label="置信度 p" value={state.p} min={0.5} max={0.999} step={0.001} onChange={(p) => set({ p })} />
      )}
      <Toggle label="最后在局内点上重新拟合（第 4 步）" checked={state.refit} onChange={(refit) => set({ refit })} />
      <Slider
        label="当前迭代（0 = 看最终结果）"
        value={Math.min(state.t, T)}
        min={0}
        max={Math.max(1, T)}
        step={1}
        onChange={(t) => go({ t, ph: t === 0 ? 1 : state.ph })}
      />
      <Choice name="rsc-play" label="播放方式" value={state.play} options={[{ value: 'step', label: '每次一步' }, { value: 'iter', label: '每次一整轮' }]} onChange={(play) => set({ play })} />
      <details class="rsc-edit" open={editOpen} onToggle={(e) => setEditOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>编辑数据点（键盘也可操作）</summary>
        {editOpen && (<>
        <p class="ctl-hint">在图上点击空白处添加局外点，拖动任意点可移动它；也可以用下面的按钮和输入框。</p>
        <div class="rsc-edit-row">
          <button type="button" class="btn" disabled={added >= MAX_ADDED} onClick={() => { const patch = addPatch(state, suggestedOutlier(added)); if (patch) set(patch); }}>添加局外点</button>
          <button type="button" class="btn" disabled={added === 0} onClick={() => set({ add: state.add.slice(0, -2) })}>删除最后添加的点</button>
          <button type="button" class="btn" disabled={added === 0 && state.mv.length === 0} onClick={() => { setSelected(null); set(clearEdits); }}>撤销所有修改</button>
        </div>
        <div class="rsc-edit-row">
          <label class="rsc-num">
            <span class="ctl-label">选中点编号</span>
            <input class="ctl-number" type="number" min={1} max={view.points.length} step={1} value={sel ? selected! + 1 : ''} onChange={(e) => { const v = Math.round(Number((e.currentTarget as HTMLInputElement).value)) - 1; setSelected(v >= 0 && v < view.points.length ? v : null); }} />
          </label>
          <label class="rsc-num">
            <span class="ctl-label">选中点 x</span>
            <input class="ctl-number" type="number" step={0.1} min={X_RANGE[0]} max={X_RANGE[1]} disabled={!sel} value={sel ? Number(sel.x.toFixed(2)) : ''} onChange={(e) => { const v = Number((e.currentTarget as HTMLInputElement).value); if (sel && Number.isFinite(v)) set(movePatch(state, selected!, v, sel.y)); }} />
          </label>
          <label class="rsc-num">
            <span class="ctl-label">选中点 y</span>
            <input class="ctl-number" type="number" step={0.1} min={Y_RANGE[0]} max={Y_RANGE[1]} disabled={!sel} value={sel ? Number(sel.y.toFixed(2)) : ''} onChange={(e) => { const v = Number((e.currentTarget as HTMLInputElement).value); if (sel && Number.isFinite(v)) set(movePatch(state, selected!, sel.x, v)); }} />
          </label>
        </div>
        </>)}
      </details>
    </>
  );

  const nav = (
    <div class="rsc-nav" role="group" aria-label="逐步查看迭代">
      <button type="button" class="btn" onClick={() => go({ t: 1, ph: 1 })} disabled={T === 0}>从第 1 次开始</button>
      <button type="button" class="btn" onClick={() => go(prevPosition({ t: state.t, ph: state.ph }, T, state.play, skipped))} disabled={T === 0}>上一步</button>
      {!reduced && (
        <button type="button" class="btn" aria-pressed={playing} onClick={() => { if (!playing && state.t === 0) set({ t: 1, ph: 1 }); setPlaying(!playing); }} disabled={T === 0}>
          {playing ? '暂停' : '播放'}
        </button>
      )}
      <button type="button" class="btn" onClick={() => go(nextPosition({ t: state.t, ph: state.ph }, T, state.play, skipped))} disabled={T === 0}>下一步</button>
      <button type="button" class="btn" onClick={() => go({ t: 0, ph: 1 })} disabled={T === 0}>看最终结果</button>
    </div>
  );

  const table = {
    caption: view.cursor ? `第 ${view.cursor.t} 次迭代的候选直线下，各点的判定` : '最终模型下，各点的判定',
    columns: ['编号', 'x', 'y', '生成时', view.cursor ? '候选直线的局内点' : 'RANSAC 局内点'],
    rows: view.points.map((p, i) => {
      const mask = view.cursor ? view.cursor.inliers : view.fit?.inliers;
      return [i + 1, fmt(p.x), fmt(p.y), `${p.source === 'inlier' ? '局内点' : p.source === 'outlier' ? '局外点' : '添加的局外点'}${p.moved ? '（已移动）' : ''}`, mask ? (mask[i] ? '是' : '否') : '—'];
    }),
  };

  return (
    <div ref={rootRef}>
      <SimFrame
        fig={FIG}
        title="RANSAC 逐步拟合直线：局外点拉不动它"
        caption={
          <>
            数据是直线 {lineText({ slope: TRUE_SLOPE, intercept: TRUE_INTERCEPT }, 1)} 加高斯噪声（σ = 0.3），其中一部分换成在方框内均匀分布的局外点。橙色虚线是用全部点做的最小二乘，蓝色实线是 RANSAC 的结果。
            用「下一步」按笔记的第 1–5 步走完每一次迭代：抽两个点定一条候选直线，阈值带内的点算局内点，局内点比目前最好的多就重新拟合并选用（结局 2），否则舍弃（结局 1）。右侧阶梯图是目前最好的局内点数；下方是迭代次数公式与 {STUDY_RUNS} 次模拟的成功率。
          </>
        }
        summary={view.summary}
        error={view.error}
        shareLink={link}
        onNewSample={() => { setSelected(null); set({ seed: (state.seed % 9999) + 1, ...clearEdits, t: 0, ph: 1 }); }}
        onReset={() => { setSelected(null); setPlaying(false); reset(); }}
        controls={controls}
        table={table}
      >
        <div class="rsc-layout">
          <div class="rsc-main">
            <ul class="rsc-legend" aria-label="图例">
              <li><span class="rsc-key rsc-key-in" aria-hidden="true"></span>局内点</li>
              <li><span class="rsc-key rsc-key-out" aria-hidden="true"></span>其他点（方块为添加的点）</li>
              <li><span class="rsc-key rsc-key-ls" aria-hidden="true"></span>最小二乘（全部点）</li>
              {(!view.cursor || view.cursor.ph >= 4) && <li><span class="rsc-key rsc-key-fit" aria-hidden="true"></span>{view.cursor ? '重新拟合' : 'RANSAC'}</li>}
              {view.cursor && <li><span class="rsc-key rsc-key-cand" aria-hidden="true"></span>候选直线与阈值带</li>}
              {view.cursor && <li><span class="rsc-key rsc-key-best" aria-hidden="true"></span>目前最好</li>}
              <li><span class="rsc-key rsc-key-true" aria-hidden="true"></span>真实直线</li>
            </ul>
            <MainPlot
              view={view}
              state={state}
              selected={selected}
              onSelect={setSelected}
              onMove={(i, x, y) => set(movePatch(state, i, x, y))}
              onAdd={(x, y) => {
                const patch = addPatch(state, { x, y });
                if (patch) {
                  set(patch);
                  setSelected(nGen + added);
                }
              }}
            />
          </div>
          <div class="rsc-row">
            <div class="rsc-steps">
              <p class="sim-panel-title">{view.cursor ? `第 ${view.cursor.t} / ${T} 次迭代` : `共 ${T} 次迭代 · 最终结果`}</p>
              <ol class="rsc-steplist">
                {STEP_NAMES.map((name, k) => (
                  <li key={name} class={stepIndex === k + 1 ? 'rsc-step rsc-step-on' : stepIndex > k + 1 ? 'rsc-step rsc-step-done' : 'rsc-step'}>
                    <button type="button" class="rsc-stepbtn" aria-current={stepIndex === k + 1 ? 'step' : undefined} disabled={T === 0} onClick={() => go({ t: Math.max(1, Math.min(state.t, T)), ph: k + 1 })}>
                      <span class="rsc-stepnum">{k + 1}</span>
                      {name}
                    </button>
                  </li>
                ))}
              </ol>
              <p class="rsc-steptext">
                {view.cursor
                  ? view.cursor.text.replace(/^第 \d+\/\d+ 次迭代，/, '')
                  : view.fit
                    ? `最好的候选有 ${view.staircase.best.at(-1)} 个局内点。按「从第 1 次开始」或「下一步」，逐步查看每次迭代。`
                    : ''}
              </p>
              {nav}
              {outcome && outcome !== 'skipped' && (
                <p class={outcome === 'kept' ? 'rsc-outcome rsc-kept' : 'rsc-outcome rsc-discarded'}>
                  {outcome === 'kept' ? '结局 2：比现有的模型更好，被选用' : '结局 1：局内点太少，不如现有最好的模型，被舍弃'}
                </p>
              )}
            </div>
            <div class="rsc-panel">
              <p class="sim-panel-title">目前最好的局内点数（阶梯）与每次的候选（圆点）{state.mode === 'auto' && view.fit ? ` · 自动停止于第 ${T} 次` : ''}</p>
              <Staircase view={view} t={Math.min(state.t, T)} />
            </div>
          </div>
          <div class="rsc-formula">
            <p class="sim-panel-title">需要迭代多少次：N = ⌈log(1 − p) / log(1 − wˢ)⌉</p>
            <div class="rsc-row">
              <div>
                <Formula p={state.p} w={view.wTrue} s={sNum} label="真实 w" />
                {view.fit && <Formula p={state.p} w={view.wHat} s={sNum} label="RANSAC 估计的 w" />}
                <p class="ctl-hint">
                  w 是局内点比例（这组数据真实为 {fmt(view.wTrue, 2)}，RANSAC 估计为 {fmt(view.wHat, 2)}），s 是最小样本数，p 是至少抽到一次全是局内点的样本的概率。{state.mode === 'auto' ? '“自动”模式下每找到更好的模型就用它的 w 重新计算 N。' : ''}
                </p>
                <Choice name="rsc-s" label="最小样本数 s" value={state.s} options={[{ value: '2', label: '2 直线' }, { value: '3', label: '3 圆' }, { value: '4', label: '4 单应矩阵' }, { value: '8', label: '8 八点法' }]} onChange={(s) => set({ s })} />
                {state.mode === 'fixed' && <Slider label="置信度 p" value={state.p} min={0.5} max={0.999} step={0.001} onChange={(p) => set({ p })} />}
              </div>
              <div class="rsc-panel">
                <ul class="rsc-legend" aria-label="成功率图例">
                  <li><span class="rsc-key rsc-key-fit" aria-hidden="true"></span>理论 1 − (1 − w²)ᴺ</li>
                  {sNum !== 2 && <li><span class="rsc-key rsc-key-s" aria-hidden="true"></span>理论，s = {sNum}</li>}
                  <li><span class="rsc-key rsc-key-dot" aria-hidden="true"></span>模拟：抽到过干净样本</li>
                  <li><span class="rsc-key rsc-key-sq" aria-hidden="true"></span>模拟：直线误差 ≤ {STUDY_TOLERANCE}</li>
                </ul>
                <SuccessChart study={study} w={wGen} s={sNum} nMark={nMark} />
                <div class="rsc-study">
                  <progress max={study.total} value={study.done} aria-label="模拟进度" />
                  <span class="rsc-study-status">{study.status === 'running' ? `模拟中 ${study.done}/${study.total}` : study.status === 'done' ? `已完成 ${study.total} 次` : '未运行'}</span>
                  {study.status === 'running' ? (
                    <button type="button" class="btn" onClick={stopStudy}>停止模拟</button>
                  ) : (
                    <button type="button" class="btn" onClick={runStudy}>重新模拟</button>
                  )}
                </div>
                <p class="ctl-hint">{studyLine}</p>
              </div>
            </div>
          </div>
        </div>
      </SimFrame>
    </div>
  );
}
