import { scaleLinear, scaleLog } from 'd3-scale';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AxisBottom, AxisLeft, type AxisScale } from '../../charts/Axes';
import { Chart, type Margin } from '../../charts/Chart';
import { Choice } from '../../controls/Choice';
import { SimFrame } from '../../controls/SimFrame';
import { Slider } from '../../controls/Slider';
import { Toggle } from '../../controls/Toggle';
import { useFigureState } from '../../controls/useFigureState';
import { useOnScreen } from '../../controls/useMotion';
import { combineLearningCurve, type LearningCurvePartial, type LearningCurveResult } from '../../../lib/classify/learningCurve';
import {
  DEFAULT_STATE, FIG, LC_BLOCK, LC_DIMS, LC_REPEATS, MAX_N, MAX_SIGMA, MIN_N, MIN_SIGMA, schema, TEST_SIZE, VERSION,
  type DgState, type GenKind,
} from './state';
import { curveView, GEN_LABEL, GEN_SHORT, lcConfig, lcKey, VIEW, type PlotPoint } from './viewModel';
import { displayScene, errorScene, type Band, type DisplayScene } from './drawing';
import type { LcRequest, LcResponse, SceneRequest, SceneResponse } from './figure.worker';

export interface DiscriminativeGenerativeSimProps {
  /** The default state's learning curve, computed at build time (so the page ships a real curve). */
  initialCurve: LearningCurveResult;
}

const PANEL = { w: 300, h: 296, m: { top: 8, right: 10, bottom: 38, left: 40 } satisfies Margin };
const LC = { w: 560, h: 280, m: { top: 14, right: 20, bottom: 44, left: 56 } satisfies Margin };
const pi = { w: PANEL.w - PANEL.m.left - PANEL.m.right, h: PANEL.h - PANEL.m.top - PANEL.m.bottom };
const px = scaleLinear().domain([VIEW.xMin, VIEW.xMax]).range([0, pi.w]);
const py = scaleLinear().domain([VIEW.yMin, VIEW.yMax]).range([pi.h, 0]);

/** Probability bands 0–0.1, …, 0.9–1: blue (class 0) through the page background to orange (class 1). */
function bandColor(lo: number): string {
  const mid = lo + 0.05;
  const strength = Math.round(Math.abs(mid - 0.5) * 2 * 48);
  return `color-mix(in srgb, ${mid < 0.5 ? 'var(--c1)' : 'var(--c2)'} ${strength}%, var(--bg))`;
}

/** All markers of one class as a single path (circles for class 0, squares for class 1). */
function markerPath(points: readonly PlotPoint[], label: number, r: number): string {
  let d = '';
  for (const p of points) {
    if (p.label !== label) continue;
    const x = px(p.x);
    const y = py(p.y);
    if (label === 0) d += `M${(x - r).toFixed(1)},${y.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    else {
      const s = r * 0.9;
      d += `M${(x - s).toFixed(1)},${(y - s).toFixed(1)}h${2 * s}v${2 * s}h${-2 * s}z`;
    }
  }
  return d;
}

function Points({ points, hollow = false, faded = false }: { points: readonly PlotPoint[]; hollow?: boolean; faded?: boolean }) {
  const r = points.length > 400 ? 2.2 : 3;
  return (
    <g class={hollow ? 'dg-samples' : 'dg-points'} aria-hidden="true" opacity={faded ? 0.3 : 1}>
      {[0, 1].map((k) => (
        <path
          key={k}
          d={markerPath(points, k, hollow ? r + 0.4 : r)}
          fill={hollow ? 'none' : k === 0 ? 'var(--c1)' : 'var(--c2)'}
          stroke={hollow ? (k === 0 ? 'var(--c1)' : 'var(--c2)') : 'var(--bg)'}
          stroke-width={hollow ? 1.4 : 0.7}
        />
      ))}
    </g>
  );
}

/** The filled p(y=1|x) bands (the markup of charts/Contours, from paths computed in the worker). */
function SurfaceBands({ bands }: { bands: readonly Band[] }) {
  return (
    <>
      <rect width={pi.w} height={pi.h} fill={bandColor(0)} />
      <g class="contours" aria-hidden="true" opacity={1}>
        {bands.map((b) => <path key={b.value} d={b.d} fill={bandColor(b.value)} stroke="none" />)}
      </g>
    </>
  );
}

/** Iso-lines, one path per level (the markup of charts/IsoLine, from paths computed in the worker). */
function Lines({ paths, stroke, strokeWidth, dash, opacity = 1 }: { paths: readonly string[]; stroke: string; strokeWidth: number; dash?: string; opacity?: number }) {
  return (
    <g aria-hidden="true" opacity={opacity}>
      {paths.map((d, k) => (d ? <path key={k} d={d} fill="none" stroke={stroke} stroke-width={strokeWidth} stroke-dasharray={dash} stroke-linejoin="round" stroke-linecap="round" /> : null))}
    </g>
  );
}

function Frame({ grid = false }: { grid?: boolean }) {
  return (
    <>
      <AxisBottom scale={px} size={pi.h} label="x₁" ticks={5} grid={grid} />
      <AxisLeft scale={py} size={pi.w} label="x₂" ticks={5} grid={grid} />
    </>
  );
}

const GEN_OPTIONS = (['nb', 'lda', 'qda'] as const).map((v) => ({ value: v, label: { nb: '朴素贝叶斯', lda: 'LDA（共享协方差）', qda: 'QDA（各类协方差）' }[v] }));
const BREAK_OPTIONS = [
  { value: 'none', label: '不破坏（高斯）' },
  { value: 'crescent', label: '第 1 类弯成月牙' },
  { value: 'heavyTail', label: '第 1 类重尾（t 分布）' },
] as const;
const LC_OPTIONS = [
  { value: 'corr', label: `${LC_DIMS} 维相关特征` },
  { value: '2d', label: '上图的二维数据' },
] as const;

const pctFmt = (v: number) => `${Math.round(v * 100)}%`;
const LC_TICKS = [10, 20, 50, 100, 200, 500, 1000];

/** The scene on screen and the state it belongs to (the newest state may still be in the worker). */
interface Shown {
  key: string;
  state: DgState;
  scene: DisplayScene;
}

/** The fields of the state that the top panels depend on (not the learning curve's). */
function sceneKeyOf(s: DgState): string {
  const { lc: _lc, rho: _rho, ...rest } = s;
  return JSON.stringify(rest);
}

interface LcRun {
  key: string;
  partials: LearningCurvePartial[];
  status: 'idle' | 'running' | 'done' | 'stopped' | 'error';
  error: string | null;
}

export default function DiscriminativeGenerativeSim({ initialCurve }: DiscriminativeGenerativeSimProps) {
  const { state, set, reset, link } = useFigureState(FIG, schema, VERSION);
  const rootRef = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(rootRef);

  // ---- top panels ----
  // The first render (pre-rendered, then hydrated) computes the default scene synchronously; every
  // later state goes to a worker (fits, test error, 100×100 surfaces and their contours take
  // 20–60 ms), at most one request in flight, the newest state queued. The old scene stays on screen
  // meanwhile, so a slider change costs the main thread only a re-render of the controls.
  const sceneKey = sceneKeyOf(state);
  const [shown, setShown] = useState<Shown>(() => ({ key: sceneKey, state, scene: displayScene(state, pi.w, pi.h) }));
  const sceneWorker = useRef<Worker | null>(null);
  const sceneBusy = useRef(false);
  const sceneQueued = useRef<DgState | null>(null);
  const latestState = useRef(state);
  latestState.current = state;
  const sendScene = (s: DgState) => {
    sceneBusy.current = true;
    sceneWorker.current!.postMessage({ type: 'scene', key: sceneKeyOf(s), state: s, width: pi.w, height: pi.h } satisfies SceneRequest);
  };
  useEffect(() => {
    let w: Worker;
    try {
      w = new Worker(new URL('./figure.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return; // no workers: scenes are computed on the main thread (below)
    }
    sceneWorker.current = w;
    w.onmessage = (e: MessageEvent<SceneResponse>) => {
      const msg = e.data;
      sceneBusy.current = false;
      setShown({ key: msg.key, state: msg.state, scene: msg.scene ?? errorScene(msg.error) });
      const next = sceneQueued.current;
      sceneQueued.current = null;
      if (next && sceneKeyOf(next) !== msg.key) sendScene(next);
    };
    // A worker that cannot start (e.g. blocked) hands over to the main thread.
    w.onerror = () => {
      w.terminate();
      sceneWorker.current = null;
      sceneBusy.current = false;
      sceneQueued.current = null;
      const s = latestState.current;
      setShown({ key: sceneKeyOf(s), state: s, scene: displayScene(s, pi.w, pi.h) });
    };
    return () => {
      w.terminate();
      sceneWorker.current = null;
      sceneBusy.current = false;
      sceneQueued.current = null;
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!sceneWorker.current) {
      if (shown.key !== sceneKey) setShown({ key: sceneKey, state, scene: displayScene(state, pi.w, pi.h) });
      return;
    }
    if (sceneBusy.current) sceneQueued.current = state;
    else if (shown.key !== sceneKey) sendScene(state);
  }, [sceneKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const scene = shown.scene.view;
  const drawing = shown.scene.drawing;
  const sceneGen = shown.state.gen;

  // ---- learning curve (worker) ----
  const key = lcKey(state);
  const defaultKey = useMemo(() => lcKey(DEFAULT_STATE), []);
  const workerRef = useRef<Worker | null>(null);
  const ids = useRef(0);
  const idKey = useRef(new Map<number, string>());
  const [run, setRun] = useState<LcRun>({ key: defaultKey, partials: [], status: 'done', error: null });
  const lastCurve = useRef<LearningCurveResult>(initialCurve);

  useEffect(() => {
    const w = new Worker(new URL('./figure.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = w;
    w.onmessage = (e: MessageEvent<LcResponse>) => {
      const msg = e.data;
      const k = idKey.current.get(msg.id);
      if (k === undefined) return;
      if (msg.type === 'progress') {
        setRun((r) => (r.key === k ? { ...r, partials: r.partials.concat(msg.partial), status: msg.done >= msg.total ? 'done' : 'running' } : r));
      } else {
        setRun((r) => (r.key === k ? { ...r, status: 'error', error: msg.message } : r));
      }
    };
    return () => {
      w.terminate();
      workerRef.current = null;
    };
  }, []);

  const start = (s: DgState) => {
    const w = workerRef.current;
    if (!w) return;
    const id = ++ids.current;
    const k = lcKey(s);
    idKey.current.clear();
    idKey.current.set(id, k);
    setRun({ key: k, partials: [], status: 'running', error: null });
    w.postMessage({ type: 'run', id, config: lcConfig(s) } satisfies LcRequest);
  };
  const stop = () => {
    workerRef.current?.postMessage({ type: 'stop' } satisfies LcRequest);
    idKey.current.clear();
    setRun((r) => (r.status === 'running' ? { ...r, status: 'stopped' } : r));
  };

  // A new configuration: start after a short pause (a slider drag sends many), only while on screen.
  const isDefaultCurve = key === defaultKey;
  useEffect(() => {
    if (isDefaultCurve) {
      if (run.key !== defaultKey) {
        workerRef.current?.postMessage({ type: 'stop' } satisfies LcRequest);
        idKey.current.clear();
        setRun({ key: defaultKey, partials: [], status: 'done', error: null });
      }
      return;
    }
    if (!onScreen || run.key === key) return;
    const t = window.setTimeout(() => start(state), 250);
    return () => window.clearTimeout(t);
  }, [key, onScreen]); // eslint-disable-line react-hooks/exhaustive-deps

  const fresh = run.key === key;
  const curveResult = useMemo<LearningCurveResult | null>(() => {
    if (fresh && run.partials.length > 0) return combineLearningCurve(run.partials);
    if (isDefaultCurve) return initialCurve;
    return null;
  }, [isDefaultCurve, fresh, run.partials, initialCurve]);
  if (curveResult) lastCurve.current = curveResult;
  const shownCurve = curveResult ?? lastCurve.current;
  const cv = useMemo(() => curveView(shownCurve, state.gen), [shownCurve, state.gen]);
  const lcDone = fresh ? run.status === 'done' : false;
  const lcStale = !curveResult;
  const repeatsDone = !fresh ? 0 : run.status === 'done' && run.partials.length === 0 ? LC_REPEATS : run.partials.length;

  // ---- learning-curve chart ----
  const li = { w: LC.w - LC.m.left - LC.m.right, h: LC.h - LC.m.top - LC.m.bottom };
  const sizes = cv.sizes;
  const lx = scaleLog().domain([sizes[0] ?? 10, sizes[sizes.length - 1] ?? 1000]).range([0, li.w]);
  const ly = scaleLinear().domain(cv.yDomain).range([li.h, 0]).nice();
  const lxAxis: AxisScale = Object.assign((v: number) => lx(v), {
    ticks: () => LC_TICKS.filter((t) => t >= lx.domain()[0]! && t <= lx.domain()[1]!),
    tickFormat: () => (v: number) => String(v),
    range: () => [0, li.w],
  });
  const genModel = state.gen === 'nb' ? 'naiveBayes' : 'gda';
  // ±2 standard errors around a curve, and the curve itself (plain paths: no d3-shape in this island).
  const finiteIdx = (m: 'logistic' | 'naiveBayes' | 'gda') => sizes.flatMap((_, i) => (Number.isFinite(cv.mean[m][i]!) ? [i] : []));
  const band = (m: 'logistic' | 'naiveBayes' | 'gda') => {
    const idx = finiteIdx(m);
    if (idx.length < 2) return '';
    const top = idx.map((i) => `${lx(sizes[i]!).toFixed(1)},${ly(cv.mean[m][i]! + 2 * cv.stderr[m][i]!).toFixed(1)}`);
    const bottom = idx.reverse().map((i) => `${lx(sizes[i]!).toFixed(1)},${ly(Math.max(0, cv.mean[m][i]! - 2 * cv.stderr[m][i]!)).toFixed(1)}`);
    return `M${top.join('L')}L${bottom.join('L')}Z`;
  };
  const curve = (m: 'logistic' | 'naiveBayes' | 'gda') => {
    const idx = finiteIdx(m);
    return idx.length < 2 ? '' : `M${idx.map((i) => `${lx(sizes[i]!).toFixed(1)},${ly(cv.mean[m][i]!).toFixed(1)}`).join('L')}`;
  };
  // Stretches (between neighbouring sizes, in log space) where the generative model is more accurate.
  const genBetter = cv.signs.map((g, i) => {
    if (g <= 0) return null;
    const left = i === 0 ? 0 : (lx(sizes[i - 1]!) + lx(sizes[i]!)) / 2;
    const right = i === sizes.length - 1 ? li.w : (lx(sizes[i]!) + lx(sizes[i + 1]!)) / 2;
    return { left, right };
  });
  const otherGen = state.gen === 'nb' ? 'gda' : 'naiveBayes';
  const otherLabel = state.gen === 'nb' ? 'LDA' : '朴素贝叶斯';
  const lastIdx = sizes.length - 1;

  const lcStatus = run.status === 'error' && fresh
    ? `学习曲线出错：${run.error ?? ''}`
    : lcDone
      ? `${cv.sentence}（${LC_REPEATS} 次重复的平均，阴影为 ±2 倍标准误）`
      : fresh && run.status === 'stopped'
        ? `已停止：只算了 ${repeatsDone} / ${LC_REPEATS} 次重复。`
        : !onScreen && !fresh
          ? '图进入视野后开始计算学习曲线。'
          : `正在后台计算学习曲线：${repeatsDone} / ${LC_REPEATS} 次重复…`;

  const summary = scene.error ? '' : `${scene.summary}${lcDone ? `学习曲线：${cv.sentence}` : ''}`;
  const genName = GEN_SHORT[state.gen];
  const sceneName = GEN_SHORT[sceneGen];

  const controls = (
    <>
      <fieldset class="dg-group">
        <legend>数据（两类二维高斯）</legend>
        <Slider label="类中心距离" value={state.sep} min={0} max={5} step={0.1} onChange={(sep) => set({ sep })} />
        <Slider label="第 1 类比例 p(y=1)" value={state.prior} min={0.1} max={0.9} step={0.05} onChange={(prior) => set({ prior })} />
        <Slider label="样本数 n" value={state.n} min={MIN_N} max={MAX_N} step={10} onChange={(n) => set({ n })} />
        <Toggle label="两类协方差相同" checked={state.shared} onChange={(shared) => set({ shared })} />
        <Slider label={state.shared ? '两类：长轴标准差' : '第 0 类：长轴标准差'} value={state.sx0} min={MIN_SIGMA} max={MAX_SIGMA} step={0.05} onChange={(sx0) => set({ sx0 })} />
        <Slider label={state.shared ? '两类：短轴标准差' : '第 0 类：短轴标准差'} value={state.sy0} min={MIN_SIGMA} max={MAX_SIGMA} step={0.05} onChange={(sy0) => set({ sy0 })} />
        <Slider label={state.shared ? '两类：倾斜角（度）' : '第 0 类：倾斜角（度）'} value={state.rot0} min={-90} max={90} step={5} onChange={(rot0) => set({ rot0 })} hint="非 0 时两个特征相关，朴素贝叶斯的独立性假设不成立" />
        {!state.shared && (
          <>
            <Slider label="第 1 类：长轴标准差" value={state.sx1} min={MIN_SIGMA} max={MAX_SIGMA} step={0.05} onChange={(sx1) => set({ sx1 })} />
            <Slider label="第 1 类：短轴标准差" value={state.sy1} min={MIN_SIGMA} max={MAX_SIGMA} step={0.05} onChange={(sy1) => set({ sy1 })} />
            <Slider label="第 1 类：倾斜角（度）" value={state.rot1} min={-90} max={90} step={5} onChange={(rot1) => set({ rot1 })} />
          </>
        )}
      </fieldset>
      <fieldset class="dg-group">
        <legend>打破模型假设</legend>
        <Choice label="第 1 类的分布" value={state.brk} options={BREAK_OPTIONS} onChange={(brk) => set({ brk })} />
        <Slider label="第 1 类中局外点的比例" value={state.out} min={0} max={0.2} step={0.01} format={pctFmt} onChange={(out) => set({ out })} hint="局外点放在第 1 类外侧远处（视野之外），标签仍为 1" />
      </fieldset>
      <fieldset class="dg-group">
        <legend>模型</legend>
        <Choice label="生成式模型" value={state.gen} options={GEN_OPTIONS} onChange={(gen: GenKind) => set({ gen })} />
        <Slider label="逻辑回归的 C（越小正则化越强）" value={state.c} min={0.01} max={10000} step={0.01} log onChange={(c) => set({ c })} />
      </fieldset>
      <fieldset class="dg-group">
        <legend>学习曲线</legend>
        <Choice label="学习曲线的数据" value={state.lc} options={LC_OPTIONS} onChange={(lc) => set({ lc })} />
        <Slider label={`前 ${LC_BLOCK} 个特征的相关系数 ρ`} value={state.rho} min={0} max={0.95} step={0.05} disabled={state.lc !== 'corr'} onChange={(rho) => set({ rho })} hint="ρ = 0 时朴素贝叶斯的假设成立" />
      </fieldset>
    </>
  );

  const actions = (
    <>
      <button type="button" class="btn btn-primary dg-sample" onClick={() => set({ smp: (state.smp % 9999) + 1 })} disabled={scene.error !== null}>
        从{genName}中采样
      </button>
      {state.smp > 0 && (
        <button type="button" class="btn" onClick={() => set({ smp: 0 })}>清除采样点</button>
      )}
    </>
  );

  const surfaceLabel = (who: string) => `${who}给出的 p(y=1|x) 着色图：蓝色偏向第 0 类，橙色偏向第 1 类，黑线是分类面`;
  const hasSamples = scene.samples.length > 0;
  // The three panels change only with the scene: learning-curve progress and control re-renders skip them.
  const panels = useMemo(() => (
    <div class="dg-top">
      <div class="sim-panel">
        <p class="sim-panel-title">判别式：逻辑回归的 p(y=1|x)</p>
        <Chart width={PANEL.w} height={PANEL.h} margin={PANEL.m} label={surfaceLabel('逻辑回归')}>
          {drawing && <SurfaceBands bands={drawing.lrBands} />}
          <Frame />
          {drawing && <Lines paths={[drawing.lrBoundary]} stroke="var(--fg)" strokeWidth={2.2} />}
          <Points points={scene.points} />
        </Chart>
      </div>
      <div class="sim-panel">
        <p class="sim-panel-title">生成式：{GEN_SHORT[sceneGen]}的 p(x|y)</p>
        <Chart width={PANEL.w} height={PANEL.h} margin={PANEL.m} label={`${GEN_LABEL[sceneGen]}拟合的两类密度 p(x|y) 的等高线和它的分类面${hasSamples ? '，以及从模型中采样的新点' : ''}`}>
          <Frame grid />
          <Points points={scene.points} faded={hasSamples} />
          {drawing?.density.map((paths, k) => (
            <Lines key={k} paths={paths} stroke={k === 0 ? 'var(--c1)' : 'var(--c2)'} strokeWidth={1.8} />
          ))}
          {drawing && <Lines paths={[drawing.genBoundary]} stroke="var(--fg)" strokeWidth={2.2} />}
          {hasSamples && <Points points={scene.samples} hollow />}
        </Chart>
      </div>
      <div class="sim-panel">
        <p class="sim-panel-title">由贝叶斯公式得到的 p(y=1|x)</p>
        <Chart width={PANEL.w} height={PANEL.h} margin={PANEL.m} label={`${surfaceLabel(GEN_LABEL[sceneGen])}；虚线是逻辑回归的分类面`}>
          {drawing && <SurfaceBands bands={drawing.genBands} />}
          <Frame />
          {drawing && <Lines paths={[drawing.lrBoundary]} stroke="var(--fg)" strokeWidth={1.6} dash="5 4" opacity={0.75} />}
          {drawing && <Lines paths={[drawing.genBoundary]} stroke="var(--fg)" strokeWidth={2.2} />}
          <Points points={scene.points} />
        </Chart>
      </div>
    </div>
  ), [shown]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div ref={rootRef} class="dg">
      <SimFrame
        fig={FIG}
        title="同一批点，两种分类器：逻辑回归（判别式）与朴素贝叶斯 / 高斯判别分析（生成式）"
        caption={
          <>
            左：逻辑回归直接拟合 p(y|x)，着色是 p(y=1|x)，黑线是分类面 p = 0.5。中：生成式模型拟合的类条件分布 p(x|y)（1σ、2σ 椭圆）和先验
            p(y)，按钮「从模型中采样」从 p(x, y) 抽出新点（空心）。右：同一个生成式模型用贝叶斯公式算出的 p(y|x)，颜色刻度与左图相同，虚线是逻辑回归的分类面。测试误差在
            {' '}{TEST_SIZE} 个同分布的新样本上计算。下：测试误差随训练集大小 n 的变化（{LC_REPEATS} 次重复的平均）。默认用 Ng 与 Jordan（2002）那样的
            {LC_DIMS} 维问题：前 {LC_BLOCK} 个特征彼此相关，朴素贝叶斯的独立性假设不成立；逻辑回归取 C = 10⁴（几乎不加正则化）。也可以换成上面的二维数据：只有两个特征时逻辑回归很快就学好了，通常看不到交叉；「打破模型假设」的开关也会作用在这条曲线上。
          </>
        }
        summary={summary}
        error={scene.error}
        controls={controls}
        actions={actions}
        shareLink={link}
        onNewSample={() => set({ seed: (state.seed % 9999) + 1 })}
        onReset={reset}
        table={{
          caption: `模型参数（n = ${shown.state.n}）与学习曲线（测试误差）`,
          columns: ['模型', '参数', '值'],
          rows: [
            ...scene.rows,
            ['测试误差', '逻辑回归', Number.isFinite(scene.lrTest) ? pctFmt1(scene.lrTest) : '—'],
            ['测试误差', sceneName, Number.isFinite(scene.genTest) ? pctFmt1(scene.genTest) : '—'],
            ...cv.rows.map((r) => [`学习曲线 n = ${r[0]}`, '逻辑回归 / 朴素贝叶斯 / LDA', `${r[1]} / ${r[2]} / ${r[3]}`]),
          ],
        }}
      >
        <div class="dg-legend" aria-hidden="true">
          <span class="dg-key"><svg width="12" height="12"><circle cx="6" cy="6" r="4.5" fill="var(--c1)" /></svg>第 0 类</span>
          <span class="dg-key"><svg width="12" height="12"><rect x="1.5" y="1.5" width="9" height="9" fill="var(--c2)" /></svg>第 1 类</span>
          <span class="dg-key"><svg width="12" height="12"><circle cx="6" cy="6" r="4.2" fill="none" stroke="var(--fg-muted)" stroke-width="1.4" /></svg>从模型采样的点</span>
          <span class="dg-key dg-ramp">
            p(y=1|x)：0
            <svg width="120" height="12">
              {[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((t, i) => <rect key={i} x={i * 12} y={0} width={12} height={12} fill={bandColor(t)} />)}
            </svg>
            1
          </span>
        </div>
        {panels}
        {!scene.error && (
          <p class="dg-scores">
            <span>测试误差：逻辑回归 <strong>{pctFmt1(scene.lrTest)}</strong></span>
            <span>{sceneName} <strong>{pctFmt1(scene.genTest)}</strong></span>
            <span class="dg-muted">训练误差 {pctFmt1(scene.lrTrain)} / {pctFmt1(scene.genTrain)}</span>
            {scene.offscreen > 0 && <span class="dg-muted">{scene.offscreen} 个点在视野外</span>}
          </p>
        )}
        <div class="sim-panel dg-lc">
          <p class="sim-panel-title">
            学习曲线：测试误差与训练集大小（{state.lc === 'corr' ? `${LC_DIMS} 维，前 ${LC_BLOCK} 维相关 ρ = ${state.rho}` : '上图的二维数据'}）
          </p>
          <Chart width={LC.w} height={LC.h} margin={LC.m} label="逻辑回归、朴素贝叶斯与 LDA 的测试误差随训练样本数变化的折线图" {...(lcStale ? { class: 'dg-stale' } : {})}>
            {genBetter.map((g, i) => (g ? <rect key={i} x={g.left} y={0} width={Math.max(0, g.right - g.left)} height={li.h} class="dg-genzone" /> : null))}
            <AxisBottom scale={lxAxis} size={li.h} label="训练样本数 n（对数轴）" />
            <AxisLeft scale={ly} size={li.w} label="测试误差" ticks={5} tickFormat={pctFmt} />
            <path d={band('logistic')} fill="var(--c3)" opacity={0.16} />
            <path d={band(genModel)} fill="var(--c4)" opacity={0.16} />
            <path d={curve(otherGen)} fill="none" stroke="var(--fg-muted)" stroke-width={1.4} stroke-dasharray="2 4" />
            <path d={curve(genModel)} fill="none" stroke="var(--c4)" stroke-width={2.6} stroke-dasharray="7 4" stroke-linejoin="round" />
            <path d={curve('logistic')} fill="none" stroke="var(--c3)" stroke-width={2.6} stroke-linejoin="round" />
            <g class="legend" transform={`translate(${li.w - 186},4)`}>
              <rect x={-6} y={-4} width={196} height={genBetter.some(Boolean) ? 74 : 58} rx={6} class="dg-legend-bg" />
              <line x1={0} x2={24} y1={6} y2={6} stroke="var(--c3)" stroke-width={2.6} />
              <text x={30} y={10}>逻辑回归（判别式）</text>
              <line x1={0} x2={24} y1={22} y2={22} stroke="var(--c4)" stroke-width={2.6} stroke-dasharray="7 4" />
              <text x={30} y={26}>{state.gen === 'nb' ? '朴素贝叶斯' : GEN_SHORT[state.gen]}（生成式）</text>
              <line x1={0} x2={24} y1={38} y2={38} stroke="var(--fg-muted)" stroke-width={1.4} stroke-dasharray="2 4" />
              <text x={30} y={42}>{otherLabel}</text>
              {genBetter.some(Boolean) && (
                <>
                  <rect x={0} y={50} width={24} height={10} class="dg-genzone" />
                  <text x={30} y={59}>生成式模型更准的区间</text>
                </>
              )}
            </g>
            {Number.isFinite(cv.mean.logistic[lastIdx] ?? NaN) && state.lc === '2d' && state.n >= (sizes[0] ?? 0) && (
              <g>
                <line x1={lx(state.n)} x2={lx(state.n)} y1={0} y2={li.h} stroke="var(--fg-muted)" stroke-dasharray="2 3" />
                <text x={lx(state.n) + 4} y={li.h - 6}>上图 n</text>
              </g>
            )}
          </Chart>
          <div class="dg-lc-status">
            {!lcDone && run.status !== 'error' && (
              <progress max={LC_REPEATS} value={repeatsDone} aria-label="学习曲线的计算进度" />
            )}
            <span>{lcStatus}</span>
            {/* One stable button (stop ↔ recompute), so the tab order does not change while a run starts. */}
            <button type="button" class="btn" onClick={() => (fresh && run.status === 'running' ? stop() : start(state))}>
              {fresh && run.status === 'running' ? '停止计算' : '重新计算学习曲线'}
            </button>
          </div>
        </div>
      </SimFrame>
    </div>
  );
}

function pctFmt1(v: number): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '—';
}
