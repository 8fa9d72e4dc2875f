import { scaleLinear } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AxisBottom, AxisLeft } from '../../charts/Axes';
import { Chart, type Margin } from '../../charts/Chart';
import { LinePath } from '../../charts/LinePath';
import { RasterHeatmap } from '../../charts/RasterHeatmap';
import { Choice, Select } from '../../controls/Choice';
import { SimFrame } from '../../controls/SimFrame';
import { Slider } from '../../controls/Slider';
import { Toggle } from '../../controls/Toggle';
import { useFigureState } from '../../controls/useFigureState';
import { useOnScreen, usePrefersReducedMotion } from '../../controls/useMotion';
import type { TrainRecord } from '../../../lib/nn/train';
import {
  FIG, FIXES, MAX_DEPTH, MAX_WIDTH, MIN_DEPTH, MIN_WIDTH, RNN_STEPS, schema, TRAIN_STEPS, VERSION, type VgState,
} from './state';
import {
  ACT_LABEL, activationView, canComputeSync, computeGradients, formatSci, gradientView, HIST_BINS, HIST_RANGE,
  INIT_LABEL, nextCostFactor, powerOfTen, quarterPower, trainingSeries, trainingView, type GradientResult, type RecurrentView,
} from './viewModel';
import type { WorkerRequest } from './compute.worker';
import type { KernelKind } from './kernels';

export interface VanishingGradientsSimProps {
  /** The default state's results, computed at build time (so hydration does no heavy work). */
  initialGrad: GradientResult;
  initialRnn: RecurrentView;
}

/** The fields that change the network (and so the gradient plot and the training run). */
function netKey(s: VgState): string {
  return [s.depth, s.width, s.act, s.init, s.scale, s.bn ? 1 : 0, s.res ? 1 : 0, s.seed].join('|');
}
function rnnKey(s: VgState): string {
  return [s.seed, s.forget, s.rnn].join('|');
}
function settingLabel(s: VgState): string {
  return `${ACT_LABEL[s.act]} + ${s.init === 'standard' ? '标准' : INIT_LABEL[s.init]}${s.scale !== 1 ? `×${s.scale}` : ''}${s.bn ? ' + BN' : ''}${s.res ? ' + 残差' : ''}，${s.depth} 层`;
}

const ACT_OPTIONS = (['sigmoid', 'tanh', 'relu', 'leakyRelu'] as const).map((v) => ({ value: v, label: ACT_LABEL[v] }));
const INIT_OPTIONS = (['normal', 'standard', 'xavier', 'he'] as const).map((v) => ({
  value: v,
  label: { normal: 'N(0, 1)', standard: '标准：U[±1/√n]', xavier: 'Xavier（Glorot）', he: 'He（Kaiming）' }[v],
}));

const superLog = (v: number) => (Number.isInteger(v) ? powerOfTen(v) : '');

const MAIN = { w: 640, h: 300, m: { top: 14, right: 16, bottom: 44, left: 58 } satisfies Margin };
const ACT = { w: 320, h: 250, m: { top: 14, right: 12, bottom: 40, left: 40 } satisfies Margin };
const HEAT = { w: 640, h: 220, m: { top: 8, right: 16, bottom: 36, left: 58 } satisfies Margin };
const LOSS = { w: 640, h: 170, m: { top: 8, right: 16, bottom: 44, left: 58 } satisfies Margin };
const RNN = { w: 640, h: 280, m: { top: 14, right: 16, bottom: 44, left: 58 } satisfies Margin };

const EMPTY_RECORDS: TrainRecord[] = [];
/** Training progress re-renders the heatmap at most this often (ms); the last batch always renders. */
const TRAIN_RENDER_MS = 500;
/** Quiet time before a changed network starts training. */
const TRAIN_DEBOUNCE_MS = 250;
const TABLE_COLUMNS = ['层', '‖∂L/∂W‖', '上一设置', `|u| > 2.5（饱和）`, 'u ≤ 0'];

/** Whole decades between d[0] and d[1], at most about `max` of them. */
function decadeTicks(d: [number, number], max = 7): number[] {
  const span = d[1] - d[0];
  const step = Math.max(1, Math.ceil(span / max));
  const out: number[] = [];
  for (let v = Math.ceil(d[0] / step) * step; v <= d[1]; v += step) out.push(v);
  return out;
}

/** A linear scale over log10 values that the axes label as powers of ten. */
function logAxis(d: [number, number], range: [number, number]) {
  const s = scaleLinear().domain(d).range(range);
  const ticks = decadeTicks(d);
  return Object.assign((v: number) => s(v), {
    ticks: () => ticks,
    tickFormat: () => superLog,
    range: () => range,
  });
}

interface Slot<T> {
  key: string;
  state: VgState;
  result: T;
}

export default function VanishingGradientsSim({ initialGrad, initialRnn }: VanishingGradientsSimProps) {
  const { state, set, reset, link } = useFigureState(FIG, schema, VERSION);
  const figRef = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(figRef);
  const reduceMotion = usePrefersReducedMotion();
  const workerRef = useRef<Worker | null>(null);
  const trainWorkerRef = useRef<Worker | null>(null);
  const nk = netKey(state);
  const rk = rnnKey(state);

  // ---- gradient norms: sync when cheap, else the worker (only the latest request matters) ----
  const defaultState = useMemo(() => state, []); // eslint-disable-line react-hooks/exhaustive-deps
  const [asyncGrad, setAsyncGrad] = useState<Slot<GradientResult> | null>(null);
  const [asyncRnn, setAsyncRnn] = useState<Slot<RecurrentView> | null>(null);
  // Measured / estimated cost of a gradient computation on this device (the worker calibrates it at
  // start-up, and every real computation updates it), so "cheap enough for the main thread" is judged
  // from this machine's speed rather than a fast laptop's.
  const costFactor = useRef(1);
  // How the shown plot was computed (exposed as data attributes for the benchmark and the tests).
  const lastCompute = useRef<{ ms: number; engine: KernelKind | 'js-main' | 'prerendered' }>({ ms: 0, engine: 'prerendered' });
  const syncGrad = useMemo<GradientResult | null>(() => {
    if (nk === netKey(defaultState)) return initialGrad;
    if (!canComputeSync(state, costFactor.current)) return null;
    const t0 = performance.now();
    const result = computeGradients(state);
    const ms = performance.now() - t0;
    costFactor.current = nextCostFactor(costFactor.current, state, ms);
    lastCompute.current = { ms, engine: 'js-main' };
    return result;
  }, [nk]); // eslint-disable-line react-hooks/exhaustive-deps
  const shownRef = useRef<Slot<GradientResult>>({ key: netKey(defaultState), state: defaultState, result: initialGrad });
  const ghostRef = useRef<Slot<GradientResult> | null>(null);
  const current: Slot<GradientResult> | null = syncGrad
    ? { key: nk, state, result: syncGrad }
    : asyncGrad && asyncGrad.key === nk
      ? asyncGrad
      : null;
  if (current && current.key !== shownRef.current.key) {
    ghostRef.current = shownRef.current;
    shownRef.current = current;
  }
  const shown = shownRef.current;
  const ghost = ghostRef.current;
  const gradPending = current === null;

  const rnnShown: RecurrentView =
    rk === rnnKey(defaultState) ? initialRnn : asyncRnn && asyncRnn.key === rk ? asyncRnn.result : (asyncRnn?.result ?? initialRnn);
  const rnnPending = rk !== rnnKey(defaultState) && asyncRnn?.key !== rk;

  // ---- training run (in the worker) ----
  const pendingTrain = useRef<{ key: string; records: TrainRecord[]; last: number }>({ key: '', records: [], last: 0 });
  const [train, setTrain] = useState<{ key: string; records: TrainRecord[]; done: boolean; error: string | null }>({
    key: '',
    records: [],
    done: false,
    error: null,
  });
  const [playing, setPlaying] = useState(false);

  // Coalescing: one request of each kind in flight; newer requests replace the queued one.
  const inflight = useRef<{ grad: boolean; rnn: boolean }>({ grad: false, rnn: false });
  const queued = useRef<{ grad: VgState | null; rnn: VgState | null }>({ grad: null, rnn: null });
  const ids = useRef(0);
  const idKey = useRef(new Map<number, string>());
  const idState = useRef(new Map<number, VgState>());
  const stateRef = useRef(state);
  stateRef.current = state;

  const send = useCallback((kind: 'grad' | 'rnn', s: VgState) => {
    const w = workerRef.current;
    if (!w) {
      queued.current[kind] = s;
      return;
    }
    if (inflight.current[kind]) {
      queued.current[kind] = s;
      return;
    }
    const id = ++ids.current;
    idKey.current.set(id, kind === 'grad' ? netKey(s) : rnnKey(s));
    if (kind === 'grad') idState.current.set(id, s);
    inflight.current[kind] = true;
    w.postMessage({ type: kind, id, state: s } satisfies WorkerRequest);
  }, []);

  useEffect(() => {
    // Two instances of the same worker: one answers gradient and RNN requests, the other trains, so a
    // training chunk never delays the plot that follows a control change.
    const spawn = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
    const w = spawn();
    const tw = spawn();
    workerRef.current = w;
    trainWorkerRef.current = tw;
    w.postMessage({ type: 'calibrate' } satisfies WorkerRequest);
    w.postMessage({ type: 'warmup' } satisfies WorkerRequest);
    const onMessage = (e: MessageEvent) => {
      const msg = e.data as
        | { type: 'calibrate'; state: VgState; ms: number }
        | { type: 'grad'; id: number; result: GradientResult; ms: number; engine: KernelKind }
        | { type: 'rnn'; id: number; result: RecurrentView }
        | { type: 'progress'; id: number; done: number; total: number; records: TrainRecord[] }
        | { type: 'error'; id: number; kind: string; message: string };
      if (msg.type === 'calibrate') {
        costFactor.current = nextCostFactor(costFactor.current, msg.state, msg.ms);
        return;
      }
      const key = idKey.current.get(msg.id) ?? '';
      if (msg.type === 'grad') {
        const s = idState.current.get(msg.id);
        idState.current.delete(msg.id);
        // Only JavaScript timings tell the main thread what it can afford (it has no WebAssembly path).
        if (s && msg.engine === 'js') costFactor.current = nextCostFactor(costFactor.current, s, msg.ms);
      }
      if (msg.type === 'grad' || msg.type === 'rnn' || (msg.type === 'error' && (msg.kind === 'grad' || msg.kind === 'rnn'))) {
        const kind = msg.type === 'error' ? (msg.kind as 'grad' | 'rnn') : msg.type;
        idKey.current.delete(msg.id);
        inflight.current[kind] = false;
        if (msg.type === 'grad') {
          lastCompute.current = { ms: msg.ms, engine: msg.engine };
          setAsyncGrad({ key, state: stateRef.current, result: msg.result });
        }
        if (msg.type === 'rnn') setAsyncRnn({ key, state: stateRef.current, result: msg.result });
        const next = queued.current[kind];
        queued.current[kind] = null;
        if (next) send(kind, next);
      } else if (msg.type === 'progress') {
        // Batch progress: re-rendering the heatmap on every message costs the page more than it shows.
        const pending = pendingTrain.current;
        if (pending.key !== key) Object.assign(pending, { key, records: [], last: performance.now() });
        pending.records.push(...msg.records);
        const done = msg.done >= msg.total;
        if (done || performance.now() - pending.last > TRAIN_RENDER_MS) {
          const batch = pending.records;
          pending.records = [];
          pending.last = performance.now();
          setTrain((t) => (t.key === key ? { ...t, records: t.records.concat(batch), done } : t));
        }
      } else if (msg.type === 'error') {
        setTrain((t) => (t.key === key ? { ...t, done: true, error: msg.message } : t));
      }
    };
    w.onmessage = onMessage;
    tw.onmessage = onMessage;
    for (const kind of ['grad', 'rnn'] as const) {
      const q = queued.current[kind];
      queued.current[kind] = null;
      if (q) send(kind, q);
    }
    return () => {
      w.terminate();
      tw.terminate();
      workerRef.current = null;
      trainWorkerRef.current = null;
    };
  }, [send]);

  // A layout effect: the request leaves right after this render instead of after the next frame.
  useLayoutEffect(() => {
    if (syncGrad === null) send('grad', state);
  }, [nk]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (rk !== rnnKey(defaultState)) send('rnn', state);
  }, [rk]); // eslint-disable-line react-hooks/exhaustive-deps

  // Start (or restart) training for the current network once the figure is on screen and the setting
  // has rested for TRAIN_DEBOUNCE_MS (a dragged slider would otherwise restart it on every step and
  // compete with the gradient plot for the CPU).
  useEffect(() => {
    const w = trainWorkerRef.current;
    if (!w || !onScreen || train.key === nk) return;
    w.postMessage({ type: 'stop' } satisfies WorkerRequest);
    setTrain({ key: nk, records: [], done: false, error: null });
    const id = ++ids.current;
    idKey.current.set(id, nk);
    const timer = window.setTimeout(() => w.postMessage({ type: 'train', id, state: stateRef.current } satisfies WorkerRequest), TRAIN_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [nk, onScreen]); // eslint-disable-line react-hooks/exhaustive-deps

  // Play: advance the cursor one step per frame; pauses off screen.
  useEffect(() => {
    if (!playing || !onScreen) return;
    let raf = 0;
    let last = performance.now();
    const tick = (now: number) => {
      const s = stateRef.current;
      if (now - last >= 16) {
        last = now;
        const limit = train.key === nk ? train.records.length : 0;
        if (s.step >= TRAIN_STEPS) {
          setPlaying(false);
          return;
        }
        if (s.step < limit) set({ step: Math.min(TRAIN_STEPS, s.step + 2) });
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, onScreen, train.key, train.records.length, nk, set]);

  // Stable handlers for the memoised parts below (they read the latest state through refs).
  const playingRef = useRef(playing);
  playingRef.current = playing;
  const reduceMotionRef = useRef(reduceMotion);
  reduceMotionRef.current = reduceMotion;
  const play = useCallback(() => {
    if (playingRef.current) {
      setPlaying(false);
      return;
    }
    if (reduceMotionRef.current) {
      set({ step: TRAIN_STEPS });
      return;
    }
    if (stateRef.current.step >= TRAIN_STEPS) set({ step: 0 });
    setPlaying(true);
  }, [set]);
  const linkRef = useRef(link);
  linkRef.current = link;
  const shareLink = useCallback(() => linkRef.current(), []);
  const onNewSample = useCallback(() => set({ seed: (stateRef.current.seed % 9999) + 1 }), [set]);
  const onReset = useCallback(() => {
    setPlaying(false);
    reset();
  }, [reset]);

  // ---- view models ----
  // Every panel below is memoised JSX keyed on what it shows: a control re-renders only its own
  // panels (Preact skips a vnode that is the same object as last time), e.g. the step cursor redraws
  // two cursor lines and a sentence, not the gradient plot, the histogram and the RNN curves.
  const gv = useMemo(() => gradientView(shown.state, shown.result, ghost?.result ?? null), [shown, ghost]);
  const av = useMemo(() => activationView(shown.state.act, shown.result), [shown]);
  const records = train.key === nk ? train.records : EMPTY_RECORDS;
  const series = useMemo(() => trainingSeries(records), [records]);
  const tv = useMemo(() => trainingView(records, state.step, TRAIN_STEPS, series), [records, state.step, series]);
  const columns = useMemo(() => records.map((r) => r.gradNorms.map((v) => (v > 0 ? Math.log10(v) : NaN))), [records]);
  const [c0, c1] = tv.colorDomain;
  const heatColor = useCallback((v: number) => interpolateViridis((v - c0) / (c1 - c0 || 1)), [c0, c1]);

  const layers = shown.result.norms.length;
  const layerTicks = useMemo(() => {
    const idx = Array.from({ length: layers }, (_, i) => i + 1);
    return layers <= 12 ? idx : idx.filter((i) => i === 1 || i === layers || i % 10 === 0);
  }, [layers]);
  const mi = { w: MAIN.w - MAIN.m.left - MAIN.m.right, h: MAIN.h - MAIN.m.top - MAIN.m.bottom };
  const ai = { w: ACT.w - ACT.m.left - ACT.m.right, h: ACT.h - ACT.m.top - ACT.m.bottom };
  const hi = { w: HEAT.w - HEAT.m.left - HEAT.m.right, h: HEAT.h - HEAT.m.top - HEAT.m.bottom };
  const li = { w: LOSS.w - LOSS.m.left - LOSS.m.right, h: LOSS.h - LOSS.m.top - LOSS.m.bottom };
  const ri = { w: RNN.w - RNN.m.left - RNN.m.right, h: RNN.h - RNN.m.top - RNN.m.bottom };

  // ---- main plot ----
  const mainPanel = useMemo(() => {
    const mx = scaleLinear().domain([1, Math.max(2, layers)]).range([0, mi.w]);
    const my = scaleLinear().domain(gv.yDomain).range([mi.h, 0]);
    const layerIdx = shown.result.norms.map((_, i) => i + 1);
    const ghostLog = ghost ? ghost.result.norms.map((v) => (v > 0 && Number.isFinite(v) ? Math.log10(v) : NaN)) : [];
    const ghostX = ghost ? ghost.result.norms.map((_, i) => 1 + (i * (layers - 1)) / Math.max(1, ghost.result.norms.length - 1)) : [];
    const myAxis = logAxis(gv.yDomain, [mi.h, 0]);
    const layerAxis = Object.assign((v: number) => mx(v), {
      ticks: () => layerTicks,
      tickFormat: () => (v: number) => (v === layers ? '输出' : String(v)),
      range: () => [0, mi.w],
    });
    return (
      <div class="sim-panel vg-main">
        <p class="sim-panel-title">
          各层梯度范数 ‖∂L/∂W<sub>l</sub>‖（初始化时）
          <span class={gradPending ? 'vg-busy' : 'vg-busy vg-idle'} aria-hidden="true"> 计算中…</span>
        </p>
        <Chart width={MAIN.w} height={MAIN.h} margin={MAIN.m} label="各层梯度范数的对数折线图，左端是靠近输入的第 1 层" class={gradPending ? 'vg-stale' : ''}>
          <AxisBottom scale={layerAxis} size={mi.h} label="层（输入侧 → 输出侧）" />
          <AxisLeft scale={myAxis} size={mi.w} label="‖∂L/∂W‖（对数）" />
          {ghost && <LinePath xs={ghostX} ys={ghostLog} x={mx} y={my} stroke="var(--fg-muted)" width={2} dash="5 4" opacity={0.6} />}
          <LinePath xs={layerIdx} ys={gv.logNorms} x={mx} y={my} stroke="var(--c1)" width={2.5} />
          {gv.logNorms.map((v, i) => (Number.isFinite(v) ? <circle key={i} cx={mx(i + 1)} cy={my(v)} r={layers > 25 ? 2 : 3.5} fill="var(--c1)" /> : null))}
          <g class="legend" transform="translate(10,4)">
            <line x1={0} x2={22} y1={6} y2={6} stroke="var(--c1)" stroke-width={2.5} />
            <text x={28} y={10}>当前：{settingLabel(shown.state)}</text>
            {ghost && (
              <>
                <line x1={0} x2={22} y1={24} y2={24} stroke="var(--fg-muted)" stroke-width={2} stroke-dasharray="5 4" />
                <text x={28} y={28}>上一设置：{settingLabel(ghost.state)}</text>
              </>
            )}
          </g>
        </Chart>
      </div>
    );
  }, [shown, ghost, gv, gradPending, layers, layerTicks]); // eslint-disable-line react-hooks/exhaustive-deps

  // ---- σ panel ----
  const actPanel = useMemo(() => {
    const ax = scaleLinear().domain(HIST_RANGE as [number, number]).range([0, ai.w]);
    const ay = scaleLinear().domain(av.yDomain).range([ai.h, 0]).clamp(true);
    const histMax = Math.max(1e-9, ...shown.result.hist);
    const binW = ai.w / HIST_BINS;
    const yClamp = (v: number) => Math.max(av.yDomain[0], Math.min(av.yDomain[1], v));
    return (
      <div class="sim-panel vg-act">
        <p class="sim-panel-title">激活函数 {ACT_LABEL[shown.state.act]}：φ、φ′ 与预激活分布</p>
        <Chart width={ACT.w} height={ACT.h} margin={ACT.m} label="激活函数、导数和预激活直方图">
          <AxisBottom scale={ax} size={ai.h} label="预激活 u" ticks={6} />
          <AxisLeft scale={ay} size={ai.w} ticks={4} />
          {shown.result.hist.map((f, i) =>
            f > 0 ? (
              <rect key={i} x={i * binW + 0.5} width={Math.max(0.5, binW - 1)} y={ai.h - (f / histMax) * ai.h * 0.45} height={(f / histMax) * ai.h * 0.45} fill="var(--c5)" opacity={0.45} />
            ) : null,
          )}
          <line x1={0} x2={ai.w} y1={ay(av.bound)} y2={ay(av.bound)} stroke="var(--c2)" stroke-dasharray="3 3" stroke-width={1} />
          <text x={ai.w - 2} y={ay(av.bound) - 4} text-anchor="end" class="vg-bound">φ′ ≤ {av.bound}</text>
          <LinePath xs={av.z} ys={av.value.map(yClamp)} x={ax} y={ay} stroke="var(--c1)" width={2} />
          <LinePath xs={av.z} ys={av.derivative} x={ax} y={ay} stroke="var(--c2)" width={2} />
        </Chart>
        <p class="vg-legend" aria-hidden="true">
          <span class="vg-sw" style={{ background: 'var(--c1)' }} />φ(u)
          <span class="vg-sw" style={{ background: 'var(--c2)' }} />φ′(u)
          <span class="vg-sw vg-sw-box" />u 的分布（全部隐藏层）
        </p>
      </div>
    );
  }, [shown, av]); // eslint-disable-line react-hooks/exhaustive-deps

  const card = useMemo(
    () => (
      <div class="vg-card">
        <p class="vg-calc">
          0.25<sup>{state.depth}</sup> = <strong>{formatSci(quarterPower(state.depth))}</strong>
        </p>
        <p class="vg-muted">{state.depth} 个 sigmoid 导数连乘的上限（σ′ ≤ 0.25，每层至少打一个 1/4 的折扣）。</p>
        <p>
          {av.badLabel}：<strong>{Math.round(av.badFraction * 100)}%</strong> 的隐藏单元。
        </p>
        {ghost && Number.isFinite(gv.ratio) && (
          <p>
            与上一设置相比，第 1 层的梯度变为 <strong>{formatSci((shown.result.norms[0] ?? NaN) / (ghost.result.norms[0] ?? NaN))}</strong> 倍。
          </p>
        )}
      </div>
    ),
    [state.depth, av, ghost, gv, shown],
  );

  // ---- heatmap + loss ----
  const availW = (records.length / TRAIN_STEPS) * hi.w;
  const heatRaster = useMemo(
    () => <RasterHeatmap columns={columns} rows={layers} width={Math.max(1, availW)} height={hi.h} color={heatColor} />,
    [columns, layers, availW, heatColor], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const heatAxes = useMemo(() => {
    const hx = scaleLinear().domain([0, TRAIN_STEPS]).range([0, hi.w]);
    const hyAxis = Object.assign((v: number) => hi.h - ((v - 0.5) / layers) * hi.h, {
      ticks: () => layerTicks,
      tickFormat: () => (v: number) => (v === layers ? '输出' : String(v)),
      range: () => [hi.h, 0],
    });
    return (
      <>
        <AxisBottom scale={hx} size={hi.h} ticks={6} grid={false} />
        <AxisLeft scale={hyAxis} size={hi.w} label="层" grid={false} />
      </>
    );
  }, [layers, layerTicks]); // eslint-disable-line react-hooks/exhaustive-deps
  const cursorX = (tv.cursor / TRAIN_STEPS) * hi.w;
  const heatPanel = useMemo(
    () => (
      <div class="sim-panel vg-heat">
        <p class="sim-panel-title">训练中的梯度：层 × 步（颜色 = log₁₀‖∂L/∂W‖）</p>
        <Chart width={HEAT.w} height={HEAT.h} margin={HEAT.m} label="训练过程中各层梯度范数的热图">
          <rect width={hi.w} height={hi.h} fill="var(--bg-soft)" />
          {heatRaster}
          {records.length === 0 && <text x={hi.w / 2} y={hi.h / 2} text-anchor="middle" dy="0.32em">等待训练…</text>}
          {tv.cursor < records.length && (
            <rect x={cursorX} y={0} width={Math.max(0, availW - cursorX)} height={hi.h} fill="var(--bg-raised)" opacity={0.8} />
          )}
          <line x1={cursorX} x2={cursorX} y1={0} y2={hi.h} stroke="var(--fg)" stroke-width={1.5} />
          {heatAxes}
        </Chart>
        <div class="vg-colorbar" aria-hidden="true">
          <span>{superLog(Math.round(c0))}</span>
          <span class="vg-ramp" />
          <span>{superLog(Math.round(c1))}</span>
        </div>
      </div>
    ),
    [heatRaster, heatAxes, records.length, tv.cursor, cursorX, availW, c0, c1], // eslint-disable-line react-hooks/exhaustive-deps
  );

  const lossScales = useMemo(() => {
    const lossLog = series.loss.map((v) => (v > 0 ? Math.log10(v) : NaN));
    const smoothLog = series.lossSmooth.map((v) => (v > 0 ? Math.log10(v) : NaN));
    const lossDom: [number, number] = (() => {
      const f = lossLog.filter(Number.isFinite);
      if (f.length === 0) return [-2, 0];
      const lo = Math.floor(Math.min(...f) * 2) / 2;
      const hiv = Math.ceil(Math.max(...f) * 2) / 2;
      return hiv - lo < 1 ? [lo - 0.5, lo + 0.5] : [lo, hiv];
    })();
    const lx = scaleLinear().domain([0, TRAIN_STEPS]).range([0, li.w]);
    const lyAxis = logAxis(lossDom, [li.h, 0]);
    const lossSteps = series.loss.map((_, i) => i + 1);
    return { smoothLog, lx, lyAxis, lossSteps, lossLog };
  }, [series]); // eslint-disable-line react-hooks/exhaustive-deps
  const lossBase = useMemo(() => {
    const { lx, lyAxis, lossSteps, lossLog, smoothLog } = lossScales;
    return (
      <>
        <AxisBottom scale={lx} size={li.h} label="训练步" ticks={6} />
        <AxisLeft scale={lyAxis} size={li.w} />
        <LinePath xs={lossSteps} ys={lossLog} x={lx} y={lyAxis} stroke="var(--c3)" width={1} opacity={0.3} />
        <LinePath xs={lossSteps} ys={smoothLog} x={lx} y={lyAxis} stroke="var(--c3)" width={1.5} opacity={0.45} />
      </>
    );
  }, [lossScales]); // eslint-disable-line react-hooks/exhaustive-deps
  const lossPanel = useMemo(() => {
    const { lx, lyAxis, lossSteps, smoothLog } = lossScales;
    return (
      <div class="sim-panel vg-loss">
        <p class="sim-panel-title">训练损失（对数轴；粗线为滑动平均）</p>
        <Chart width={LOSS.w} height={LOSS.h} margin={LOSS.m} label="训练损失曲线">
          {lossBase}
          <LinePath xs={lossSteps.slice(0, tv.cursor)} ys={smoothLog.slice(0, tv.cursor)} x={lx} y={lyAxis} stroke="var(--c3)" width={2.5} />
          <line x1={lx(tv.cursor)} x2={lx(tv.cursor)} y1={0} y2={li.h} stroke="var(--fg)" stroke-width={1} stroke-dasharray="2 3" />
        </Chart>
      </div>
    );
  }, [lossScales, lossBase, tv.cursor]); // eslint-disable-line react-hooks/exhaustive-deps

  const trainStatus = train.error
    ? `训练出错：${train.error}`
    : !onScreen && records.length === 0
      ? '图进入视野后开始训练。'
      : train.done
        ? tv.message
        : `训练中… ${records.length} / ${TRAIN_STEPS} 步。${records.length ? tv.message : ''}`;

  const trainCtl = useMemo(
    () => (
      <div class="vg-train-ctl">
        <button type="button" class="btn" onClick={play} aria-pressed={playing}>{playing ? '暂停' : reduceMotion ? '跳到最后' : '播放'}</button>
        <button type="button" class="btn" onClick={() => { setPlaying(false); set({ step: Math.min(TRAIN_STEPS, stateRef.current.step + 1) }); }}>单步 +1</button>
        <div class="vg-scrub">
          <Slider label="查看第几步" value={state.step} min={0} max={TRAIN_STEPS} step={1} onChange={(step) => { setPlaying(false); set({ step }); }} />
        </div>
        <p class="vg-note vg-train-status">
          {trainStatus}
          {!train.done && records.length > 0 && <progress max={TRAIN_STEPS} value={records.length} aria-label="训练进度" />}
        </p>
      </div>
    ),
    [play, playing, reduceMotion, state.step, trainStatus, train.done, records.length, set],
  );

  // ---- RNN panel ----
  const rnnPanel = useMemo(() => {
    const rx = scaleLinear().domain([0, RNN_STEPS]).range([0, ri.w]);
    const [r0, r1] = rnnShown.yDomain;
    const rclamp = (xs: number[]) => xs.map((v) => (Number.isNaN(v) ? r0 : Math.max(r0, Math.min(r1, v))));
    const ryAxis = logAxis(rnnShown.yDomain, [ri.h, 0]);
    return (
      <div class="sim-panel vg-rnn">
        <p class="sim-panel-title">
          RNN 与 LSTM：梯度沿时间回传 ‖∂h<sub>T</sub>/∂h<sub>t</sub>‖（相对于 t = T，T = {RNN_STEPS}）
          <span class={rnnPending ? 'vg-busy' : 'vg-busy vg-idle'} aria-hidden="true"> 计算中…</span>
        </p>
        <Chart width={RNN.w} height={RNN.h} margin={RNN.m} label="普通 RNN 与 LSTM 的梯度随时间步回传的对数折线图">
          <AxisBottom scale={rx} size={ri.h} label="时间步 t（T 在最右）" />
          <AxisLeft scale={ryAxis} size={ri.w} label="相对梯度（对数）" />
          <LinePath xs={rnnShown.t} ys={rclamp(rnnShown.pure)} x={rx} y={ryAxis} stroke="var(--fg-muted)" width={1.5} dash="2 4" />
          <LinePath xs={rnnShown.t} ys={rclamp(rnnShown.rnn)} x={rx} y={ryAxis} stroke="var(--c2)" width={2.5} />
          <LinePath xs={rnnShown.t} ys={rclamp(rnnShown.lstm)} x={rx} y={ryAxis} stroke="var(--c4)" width={2} dash="6 3" />
          <LinePath xs={rnnShown.t} ys={rclamp(rnnShown.cell)} x={rx} y={ryAxis} stroke="var(--c3)" width={2.5} />
          <g class="legend" transform={`translate(${ri.w - 230},${ri.h - 66})`}>
            <line x1={0} x2={22} y1={6} y2={6} stroke="var(--c2)" stroke-width={2.5} />
            <text x={28} y={10}>普通 tanh RNN：∂h_T/∂h_t</text>
            <line x1={0} x2={22} y1={22} y2={22} stroke="var(--c3)" stroke-width={2.5} />
            <text x={28} y={26}>LSTM 细胞状态：∂c_T/∂c_t</text>
            <line x1={0} x2={22} y1={38} y2={38} stroke="var(--c4)" stroke-width={2} stroke-dasharray="6 3" />
            <text x={28} y={42}>LSTM 隐状态：∂h_T/∂h_t</text>
            <line x1={0} x2={22} y1={54} y2={54} stroke="var(--fg-muted)" stroke-width={1.5} stroke-dasharray="2 4" />
            <text x={28} y={58}>只走加法通道：f^(T−t)</text>
          </g>
        </Chart>
        <div class="vg-rnn-ctl">
          <Slider label="LSTM 遗忘门 f" value={state.forget} min={0} max={1} step={0.01} onChange={(forget) => set({ forget })} />
          <Slider label="循环权重尺度" value={state.rnn} min={0.25} max={3} step={0.05} onChange={(rnn) => set({ rnn })} hint="W ~ N(0, s²/H)，RNN 与 LSTM 相同" />
        </div>
        <p class="vg-note">{rnnShown.summary}</p>
      </div>
    );
  }, [rnnShown, rnnPending, state.forget, state.rnn, set]); // eslint-disable-line react-hooks/exhaustive-deps

  // ---- network controls ----
  const fixRelu = state.act === 'relu' && state.init === 'he';
  const controls = useMemo(
    () => (
      <div class="vg-controls" role="group" aria-label="网络设置">
        <div class="ctl vg-fixes" role="group" aria-labelledby="vg-fixes-label">
          <span class="ctl-label" id="vg-fixes-label">一键修复</span>
          <div class="vg-fix-row">
            <button type="button" class="btn" aria-pressed={fixRelu} onClick={() => set(FIXES.relu)}>ReLU + He 初始化</button>
            <button type="button" class="btn" aria-pressed={state.bn} onClick={() => set(FIXES.bn)}>加批量规范化</button>
            <button type="button" class="btn" aria-pressed={state.res} onClick={() => set(FIXES.res)}>加残差连接</button>
          </div>
        </div>
        <Slider label="隐藏层数" value={state.depth} min={MIN_DEPTH} max={MAX_DEPTH} step={1} onChange={(depth) => set({ depth })} />
        <Slider label="每层宽度" value={state.width} min={MIN_WIDTH} max={MAX_WIDTH} step={1} onChange={(width) => set({ width })} />
        <Choice label="激活函数" value={state.act} options={ACT_OPTIONS} onChange={(act) => set({ act })} />
        <Select label="权重初始化" value={state.init} options={INIT_OPTIONS} onChange={(init) => set({ init })} />
        <Slider label="权重缩放" value={state.scale} min={0.25} max={4} step={0.05} log onChange={(scale) => set({ scale })} hint="每个初始权重再乘以这个系数" />
        <Toggle label="批量规范化（BN）" checked={state.bn} onChange={(bn) => set({ bn })} />
        <Toggle label="残差连接（捷径）" checked={state.res} onChange={(res) => set({ res })} />
      </div>
    ),
    [fixRelu, state.bn, state.res, state.depth, state.width, state.act, state.init, state.scale, set],
  );

  const grid = useMemo(
    () => (
      <div class="vg-grid">
        {mainPanel}
        {controls}
        {actPanel}
        {card}
        {heatPanel}
        {lossPanel}
        {trainCtl}
        {rnnPanel}
      </div>
    ),
    [mainPanel, controls, actPanel, card, heatPanel, lossPanel, trainCtl, rnnPanel],
  );

  const summary = `${gv.summary}${gradPending ? '（正在计算新设置…）' : ''}`;
  const table = useMemo(
    () => ({
      caption: `各层梯度范数（${settingLabel(shown.state)}${ghost ? `；对照：${settingLabel(ghost.state)}` : ''}）`,
      columns: TABLE_COLUMNS,
      rows: gv.rows,
    }),
    [shown, ghost, gv],
  );
  const caption = useMemo(
    () => (
      <>
        一个真实的全连接网络（输入 {state.width} 维，{state.depth} 个宽 {state.width} 的隐藏层，线性输出），在 64 个样本的小回归任务上做一次完整的反向传播。
        主图是初始化时各层权重梯度的范数 ‖∂L/∂W<sub>l</sub>‖（对数轴，左边靠近输入），虚线是上一个设置。右上是激活函数 φ、它的导数 φ′ 和各隐藏层预激活 u 的分布；中间是训练 {TRAIN_STEPS} 步的层 × 步梯度热图和损失；下面是 RNN 与 LSTM 沿时间回传的梯度。
      </>
    ),
    [state.width, state.depth],
  );

  return (
    <div ref={figRef} class="vg" data-grad-key={shown.key} data-grad-ms={lastCompute.current.ms.toFixed(2)} data-grad-engine={lastCompute.current.engine}>
      <SimFrame
        fig={FIG}
        title="梯度流实验室：看梯度在深层网络里消失，再把它修好"
        caption={caption}
        summary={summary}
        error={gv.error}
        controls={null}
        shareLink={shareLink}
        onNewSample={onNewSample}
        onReset={onReset}
        table={table}
      >
        {grid}
      </SimFrame>
    </div>
  );
}
