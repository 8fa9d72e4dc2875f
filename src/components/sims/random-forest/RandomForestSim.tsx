import { scaleLinear, scaleLog } from 'd3-scale';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { AxisBottom, AxisLeft } from '../../charts/Axes';
import { Chart, type Margin } from '../../charts/Chart';
import { Contours } from '../../charts/Contours';
import { LinePath } from '../../charts/LinePath';
import { Choice, Select } from '../../controls/Choice';
import { SimFrame } from '../../controls/SimFrame';
import { Slider } from '../../controls/Slider';
import { Toggle } from '../../controls/Toggle';
import { useFigureState } from '../../controls/useFigureState';
import { useOnScreen, usePrefersReducedMotion } from '../../controls/useMotion';
import { gridSpec } from '../../../lib/trees/probabilityGrids';
import {
  DEFAULT_STATE, DEPTH_UNLIMITED, FIG, MAX_EXTRA, MAX_TREES, MULTICLASS_SHAPES, SMALL_MULTIPLES, VERSION, schema,
  type Shape,
} from './state';
import {
  GRID, MARGIN_BANDS, bootstrapView, dataProblem, defaultResult, featureNames, importancesAt, juryCurve, makeTrain, paramsKey, pct,
  readout, resolveFeatures, summarySentence, trainParams, treeRects, treeSize, voteMargins,
  unpackTrees, type LeafRect, type PackedTrees, type TrainResult,
} from './viewModel';

const SHAPE_LABELS: Record<Shape, string> = { moons: '双月', circles: '同心圆', xor: '异或', blobs: '高斯团', spirals: '螺旋' };
const classColor = (k: number) => `var(--c${k + 1})`;
const bandFill = (k: number) => `color-mix(in srgb, ${classColor(k)} 17%, transparent)`;

/** The default state's forest, trained once at build time so the page ships a real figure. */
function serverResult(): TrainResult | null {
  // import.meta.env.SSR is false in the client bundle, so the training code is not shipped with the island.
  if (!import.meta.env.SSR || typeof window !== 'undefined') return null;
  return defaultResult();
}

/** Key of the default state's training parameters (the forest the pre-rendered HTML shows). */
const DEFAULT_KEY = paramsKey(trainParams(DEFAULT_STATE));

/**
 * Keeps the pre-rendered drawing until the first forest arrives: Preact leaves an element's existing
 * children alone while hydrating one that has dangerouslySetInnerHTML, and clears it once real children come.
 */
function Held({ ready, class: cls, children }: { ready: boolean; class?: string; children: () => ComponentChildren }) {
  return ready ? <g class={cls}>{children()}</g> : <g class={cls} dangerouslySetInnerHTML={{ __html: '' }} />;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * An HTML element whose text is held like {@link Held}: until the first forest arrives the client keeps
 * the pre-rendered text, so hydration and the first worker result do not change its size (no layout shift).
 */
function HeldText({ ready, tag: Tag, class: cls, children }: { ready: boolean; tag: 'p' | 'span'; class: string; children: () => ComponentChildren }) {
  return ready ? <Tag class={cls}>{children()}</Tag> : <Tag class={cls} dangerouslySetInnerHTML={{ __html: '' }} />;
}

/** Subpath of one class-coded point: circle (class 0), square (1), diamond (2) — shape as well as colour. */
function markD(x_: number, y_: number, k: number, r_: number): string {
  // One decimal of a viewBox unit is plenty, and keeps the pre-rendered HTML small.
  const x = round1(x_);
  const y = round1(y_);
  const r = round1(r_);
  if (k === 1) {
    const s = round1(r * 0.9);
    return `M${round1(x - s)},${round1(y - s)}h${2 * s}v${2 * s}h${-2 * s}Z`;
  }
  if (k === 2) {
    const d = round1(r * 1.2);
    return `M${x},${round1(y - d)}l${d},${d}l${-d},${d}l${-d},${-d}Z`;
  }
  return `M${round1(x - r)},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
}

interface MarkSpec { x: number; y: number; k: number; r: number; hollow?: boolean }

/**
 * Class-coded points drawn as one <path> per class (and per filled / hollow), not one element per point:
 * ~1,200 marks across the panels would otherwise cost the browser a style recalc and paint per element
 * whenever the data change. Filled marks are drawn first, hollow (out-of-bag) outlines on top.
 */
function markPaths(marks: readonly MarkSpec[]) {
  const groups = new Map<string, { k: number; hollow: boolean; d: string[] }>();
  for (const m of marks) {
    const hollow = m.hollow === true;
    const id = `${hollow ? 1 : 0}:${m.k}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { k: m.k, hollow, d: [] }));
    g.d.push(markD(m.x, m.y, m.k, m.r));
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, g]) => (
      <path
        key={id}
        d={g.d.join('')}
        fill={g.hollow ? 'none' : classColor(g.k)}
        stroke={g.hollow ? classColor(g.k) : 'var(--bg)'}
        stroke-width={g.hollow ? 1.4 : 0.8}
      />
    ));
}

function points(X: number[][], y: number[], px: (v: number) => number, py: (v: number) => number, r: number) {
  return markPaths(X.map((row, i) => ({ x: px(row[0]!), y: py(row[1]!), k: y[i]!, r })));
}

/** Leaf rectangles as one <path> per (class, opacity): a tree's leaves tile the box, so nothing overlaps. */
function rectPaths(rects: readonly LeafRect[], px: (v: number) => number, py: (v: number) => number, opacity: (share: number) => number, extra: Record<string, unknown> = {}) {
  const groups = new Map<string, { cls: number; op: number; d: string[] }>();
  for (const r of rects) {
    const op = Math.round(opacity(r.share) * 100) / 100;
    const id = `${r.cls}:${op}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { cls: r.cls, op, d: [] }));
    const x = round1(px(r.x0));
    const y = round1(py(r.y1));
    const w = round1(Math.max(0, px(r.x1) - px(r.x0)));
    const h = round1(Math.max(0, py(r.y0) - py(r.y1)));
    if (w > 0 && h > 0) g.d.push(`M${x},${y}h${w}v${h}h${-w}Z`);
  }
  return [...groups.entries()].map(([id, g]) => <path key={id} d={g.d.join('')} fill={classColor(g.cls)} fill-opacity={g.op} {...extra} />);
}

const SURF = { W: 360, H: 340, m: { top: 8, right: 10, bottom: 38, left: 42 } satisfies Margin };
const SMALL = { W: 150, H: 150, m: { top: 4, right: 4, bottom: 4, left: 4 } satisfies Margin };
const CURVE = { W: 360, H: 240, m: { top: 10, right: 12, bottom: 40, left: 48 } satisfies Margin };
const siw = SURF.W - SURF.m.left - SURF.m.right;
const sih = SURF.H - SURF.m.top - SURF.m.bottom;
const tiw = SMALL.W - SMALL.m.left - SMALL.m.right;
const tih = SMALL.H - SMALL.m.top - SMALL.m.bottom;
const ciw = CURVE.W - CURVE.m.left - CURVE.m.right;
const cih = CURVE.H - CURVE.m.top - CURVE.m.bottom;
const bx = scaleLinear().domain([1, MAX_TREES]).range([0, ciw]);
const jx = scaleLog().domain([1, MAX_TREES]).range([0, ciw]);
const treeIdx = Array.from({ length: MAX_TREES }, (_, i) => i + 1);
const pctTick = (v: number) => `${Math.round(v * 100)}%`;
const juryTick = (v: number) => ([1, 10, 100].includes(v) ? String(v) : '');

export interface RandomForestSimProps {
  /** The default state's summary sentence, computed at build time (shown until the client's first forest arrives). */
  initialSummary?: string;
}

export default function RandomForestSim({ initialSummary }: RandomForestSimProps = {}) {
  const { state, set, reset, link } = useFigureState(FIG, schema, VERSION);
  const reduceMotion = usePrefersReducedMotion();
  const frameRef = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(frameRef);

  const params = useMemo(() => trainParams(state), [state.data, state.cls, state.n, state.noise, state.extra, state.seed, state.depth, state.leaf, state.mf, state.boot]);
  const key = useMemo(() => paramsKey(params), [params]);
  // Only the training set: the test set is the worker's business (saves 500 points per data change).
  const data = useMemo(() => ({ train: makeTrain(params) }), [key]);
  const problem = useMemo(() => dataProblem(data.train), [data]);
  const spec = useMemo(() => gridSpec(data.train.X, { size: GRID }), [data]);
  const p = 2 + params.extra;

  const [result, setResult] = useState<TrainResult | null>(serverResult);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [grown, setGrown] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const workerRef = useRef<Worker | null>(null);
  const busy = useRef(false);
  const reqId = useRef(0);
  const [restart, setRestart] = useState(0);

  // Train in a worker whenever the training parameters change; a busy worker is replaced, not queued.
  useEffect(() => {
    if (problem || (result && result.key === key)) {
      setProgress(null);
      return;
    }
    if (busy.current && workerRef.current) {
      workerRef.current.terminate();
      workerRef.current = null;
    }
    const worker = workerRef.current ?? new Worker(new URL('./forest.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    const id = ++reqId.current;
    busy.current = true;
    setFailure(null);
    setCancelled(false);
    setProgress({ done: 0, total: params.nTrees });
    worker.onmessage = (e: MessageEvent<{ type: string; id: number; done?: number; total?: number; result?: Omit<TrainResult, 'trees'>; packed?: PackedTrees; message?: string }>) => {
      const msg = e.data;
      if (msg.id !== reqId.current) return;
      if (msg.type === 'progress') setProgress({ done: msg.done ?? 0, total: msg.total ?? params.nTrees });
      else if (msg.type === 'result' && msg.result && msg.packed) {
        busy.current = false;
        const r: TrainResult = { ...msg.result, trees: unpackTrees(msg.packed) };
        // Receiving (deserialising ~200 trees) is one task; drawing the new forest is the next one.
        window.setTimeout(() => {
          if (msg.id !== reqId.current) return;
          setProgress(null);
          setResult(r);
        }, 0);
      } else if (msg.type === 'error') {
        busy.current = false;
        setProgress(null);
        setFailure(msg.message ?? '训练失败。');
      }
    };
    worker.postMessage({ id, params });
  }, [key, problem, restart]);

  useEffect(() => () => workerRef.current?.terminate(), []);

  const cancel = () => {
    workerRef.current?.terminate();
    workerRef.current = null;
    busy.current = false;
    reqId.current++;
    setProgress(null);
    setCancelled(true);
  };

  const fresh = result !== null && result.key === key;
  // Re-training the forest the page was pre-rendered with: keep the pre-rendered drawing and text as they are.
  const rehydrating = result === null && key === DEFAULT_KEY && !cancelled && failure === null && !problem;
  const shown = problem ? null : result;
  const b = shown ? Math.min(state.trees, shown.prefix.length) : state.trees;
  const sel = Math.min(state.sel, b - 1);

  // «自动生长»: one tree per tick, paused off screen; reduced motion has no autoplay (use «种一棵树»).
  useEffect(() => {
    if (!playing || !onScreen || reduceMotion || !fresh) return;
    if (state.trees >= MAX_TREES) {
      setPlaying(false);
      return;
    }
    const h = window.setTimeout(() => {
      set({ trees: state.trees + 1, sel: state.trees });
      setGrown(state.trees);
    }, 180);
    return () => window.clearTimeout(h);
  }, [playing, onScreen, reduceMotion, fresh, state.trees]);

  const growOne = () => {
    if (state.trees >= MAX_TREES) return;
    set({ trees: state.trees + 1, sel: state.trees });
    setGrown(state.trees);
  };

  const margins = useMemo(() => (shown ? voteMargins(shown, b) : null), [shown, b]);
  const read = useMemo(() => (shown ? readout(shown, b) : null), [shown, b]);
  const boot = useMemo(() => (shown && shown.samples[sel] ? bootstrapView(shown.samples[sel]!, shown.nRows) : null), [shown, sel]);
  const imps = useMemo(() => (shown ? importancesAt(shown, b) : null), [shown, b]);
  const selRects = useMemo(() => (shown && shown.trees[sel] ? treeRects(shown.trees[sel]!, shown.spec) : []), [shown, sel]);
  const nSmall = Math.min(SMALL_MULTIPLES, b);
  const small = useMemo(
    () => (shown ? shown.trees.slice(0, nSmall).map((t) => ({ rects: treeRects(t, shown.spec), size: treeSize(t) })) : []),
    [shown, nSmall],
  );
  const grownRects = useMemo(() => (shown && grown !== null && shown.trees[grown] ? treeRects(shown.trees[grown]!, shown.spec) : null), [shown, grown]);
  const juryMax = MAX_TREES;
  const jury = useMemo(() => ({ ind: juryCurve(state.jp, 0, juryMax), cor: juryCurve(state.jp, state.jr, juryMax) }), [state.jp, state.jr]);

  // Scales (the data's own box; the worker uses the same gridSpec).
  const box = shown?.spec ?? spec;
  // Scales are memoised with what they depend on, so the memoised layers and axes below stay valid.
  const { sx, sy, tx, ty } = useMemo(() => ({
    sx: scaleLinear().domain([box.x0, box.x1]).range([0, siw]),
    sy: scaleLinear().domain([box.y0, box.y1]).range([sih, 0]),
    tx: scaleLinear().domain([box.x0, box.x1]).range([0, tiw]),
    ty: scaleLinear().domain([box.y0, box.y1]).range([tih, 0]),
  }), [box]);
  const ey = useMemo(() => {
    const errMax = shown ? Math.max(0.05, ...shown.treeTest, ...shown.test, ...shown.oob.map((v) => v ?? 0)) * 1.1 : 0.3;
    return scaleLinear().domain([0, Math.min(1, errMax)]).range([cih, 0]).nice();
  }, [shown]);
  const jy = useMemo(() => scaleLinear().domain([Math.max(0, state.jp - 0.05), 1]).range([cih, 0]), [state.jp]);

  // Point layers depend only on the data and the box: memoised vnodes let Preact skip ~1,000 marks per slider move.
  const surfacePoints = useMemo(() => points(data.train.X, data.train.y, sx, sy, 3.2), [data, box]);
  const smallPoints = useMemo(() => points(data.train.X, data.train.y, tx, ty, 1.6), [data, box]);
  const bootPoints = useMemo(
    () => boot && markPaths(data.train.X.map((row, i) => {
      const c = boot.counts[i] ?? 0;
      return { x: sx(row[0]!), y: sy(row[1]!), k: data.train.y[i]!, r: c === 0 ? 3.2 : 2 + 1.5 * c, hollow: c === 0 };
    })),
    [data, box, boot],
  );

  // Memoised layers: a slider re-draws only what depends on it (d3-contour runs only when b or the forest change).
  const surfaceLayer = useMemo(() => margins && shown && margins.map((mk, k) => (
    <Contours key={k} values={mk} nx={shown.spec.size} ny={shown.spec.size} width={siw} height={sih} thresholds={MARGIN_BANDS} color={() => bandFill(k)} />
  )), [margins]);
  const bootLayer = useMemo(() => boot && (
    <>
      {rectPaths(selRects, sx, sy, (share) => 0.08 + 0.3 * (share - 0.5))}
      {bootPoints}
    </>
  ), [boot, selRects, bootPoints]);
  const smallRects = useMemo(() => small.map((t) => rectPaths(t.rects, tx, ty, (share) => round1(0.12 + 0.4 * (share - 0.5)))), [small]);

  // The 200 single-tree errors as one path of small circles.
  const treeDots = useMemo(() => shown && (
    <path
      d={shown.treeTest.map((e, i) => { const x = round1(bx(i + 1)); return `M${round1(x - 1.6)},${round1(ey(e))}a1.6,1.6 0 1,0 3.2,0a1.6,1.6 0 1,0 -3.2,0Z`; }).join('')}
      fill="var(--c5)"
      opacity={0.55}
    />
  ), [shown]);

  // Axes and lines as memoised vnodes: Preact skips them on renders that do not change them (progress ticks, sliders).
  const surfAxes = useMemo(() => (
    <>
      <AxisBottom scale={sx} size={sih} label="x₁" ticks={5} grid={false} />
      <AxisLeft scale={sy} size={siw} label="x₂" ticks={5} grid={false} />
    </>
  ), [sx, sy]);
  const bootAxes = useMemo(() => (
    <>
      <AxisBottom scale={sx} size={sih} label="x₁" ticks={5} grid={false} />
      <AxisLeft scale={sy} size={siw} label="x₂" ticks={5} grid={false} />
    </>
  ), [sx, sy]);
  const curveAxes = useMemo(() => (
    <>
      <AxisBottom scale={bx} size={cih} label="树的数量 B" ticks={5} />
      <AxisLeft scale={ey} size={ciw} label="误差" ticks={5} tickFormat={pctTick} />
    </>
  ), [ey]);
  const curveLines = useMemo(() => shown && (
    <>
      {treeDots}
      <LinePath xs={treeIdx} ys={shown.test} x={bx} y={ey} stroke="var(--c2)" />
      {state.boot && <LinePath xs={treeIdx} ys={shown.oob.map((v) => v ?? NaN)} x={bx} y={ey} stroke="var(--c1)" dash="5 3" />}
    </>
  ), [shown, treeDots, ey, state.boot]);
  const juryAxesLines = useMemo(() => (
    <>
      <AxisBottom scale={jx} size={cih} label="投票者（树）的数量 B" ticks={4} tickFormat={juryTick} />
      <AxisLeft scale={jy} size={ciw} label="多数表决正确率" ticks={5} tickFormat={pctTick} />
      <LinePath xs={treeIdx} ys={jury.ind} x={jx} y={jy} stroke="var(--c3)" />
      <LinePath xs={treeIdx} ys={jury.cor} x={jx} y={jy} stroke="var(--c1)" dash="5 3" />
    </>
  ), [jury, jy]);

  const names = featureNames(shown?.nFeatures ?? p);
  const stale = shown !== null && !fresh;
  const error = problem ?? failure;
  const summary = !shown || !read
    ? rehydrating && initialSummary ? initialSummary : cancelled ? '训练已停止。点「继续训练」开始训练。' : '正在训练随机森林……'
    : stale
      ? cancelled ? '训练已停止：图中仍是上一组参数的森林。点「继续训练」用新参数重新训练。' : '参数已改变，正在重新训练……'
      : summarySentence(read, boot, sel, state.boot);

  const tableRows = useMemo(() => {
    if (!shown) return [];
    const marks = [...new Set([1, 2, 5, 10, 20, 50, 100, 150, 200, b])].filter((v) => v <= shown.prefix.length).sort((u, v) => u - v);
    return marks.map((m) => {
      const r = readout(shown, m);
      return [m === b ? `${m}（当前）` : m, r.oob === null ? '—' : pct(r.oob), pct(r.test), pct(r.meanTree)];
    });
  }, [shown, b]);

  const mfOptions = [{ value: '0', label: `√p（= ${resolveFeatures(0, p)}）` }].concat(
    Array.from({ length: p }, (_, i) => ({ value: String(i + 1), label: i + 1 === p ? `${p}（全部，即 bagging）` : String(i + 1) })),
  );
  const multi = MULTICLASS_SHAPES.includes(state.data);
  const m = resolveFeatures(state.mf, p);

  const controls = (
    <>
      <Slider label="树的数量 B" value={state.trees} min={1} max={MAX_TREES} step={1} onChange={(trees) => set({ trees })} />
      <Slider label="查看第几棵树" value={sel + 1} min={1} max={Math.max(1, b)} step={1} onChange={(v) => set({ sel: v - 1 })} />
      <Select label={`每次分裂考虑的特征数 m（共 p = ${p} 个）`} value={String(Math.min(state.mf, p))} options={mfOptions} onChange={(v) => set({ mf: Number(v) })} />
      <Slider label="最大深度" value={state.depth} min={1} max={DEPTH_UNLIMITED} step={1} numberInput={false} format={(v) => (v >= DEPTH_UNLIMITED ? '不限' : String(v))} onChange={(depth) => set({ depth })} />
      <Slider label="叶结点最少样本数" value={state.leaf} min={1} max={30} step={1} onChange={(leaf) => set({ leaf })} />
      <Toggle label="自助采样（bootstrap）" checked={state.boot} onChange={(bootOn) => set({ boot: bootOn })} />
      <Select label="数据集" value={state.data} options={Object.entries(SHAPE_LABELS).map(([value, label]) => ({ value: value as Shape, label }))} onChange={(data) => set({ data })} />
      {multi && <Choice label="类别数" value={state.cls === 3 ? '3' : '2'} options={[{ value: '2', label: '2 类' }, { value: '3', label: '3 类' }]} onChange={(v) => set({ cls: Number(v) })} />}
      <Slider label="样本数 n" value={state.n} min={20} max={300} step={10} onChange={(n) => set({ n })} />
      <Slider label="噪声" value={state.noise} min={0} max={1} step={0.05} onChange={(noise) => set({ noise })} />
      <Slider label="纯噪声特征个数" value={state.extra} min={0} max={MAX_EXTRA} step={1} onChange={(extra) => set({ extra })} />
      <Slider label="陪审团：单人正确率 p" value={state.jp} min={0.5} max={0.95} step={0.01} onChange={(jp) => set({ jp })} />
      <Slider label="陪审团：两两相关系数 ρ" value={state.jr} min={0} max={0.9} step={0.01} onChange={(jr) => set({ jr })} />
    </>
  );

  const actions = (
    <>
      <button type="button" class="btn" onClick={growOne} disabled={state.trees >= MAX_TREES}>种一棵树</button>
      {!reduceMotion && (
        <button type="button" class="btn" aria-pressed={playing} onClick={() => setPlaying(!playing)} disabled={state.trees >= MAX_TREES}>
          {playing ? '暂停生长' : '自动生长'}
        </button>
      )}
      {progress && !rehydrating && <button type="button" class="btn" onClick={cancel}>停止训练</button>}
      {cancelled && !fresh && !progress && (
        <button type="button" class="btn" onClick={() => { setCancelled(false); setRestart((r) => r + 1); }}>继续训练</button>
      )}
    </>
  );

  return (
    <div ref={frameRef} class="rf">
      <SimFrame
        fig={FIG}
        title="随机森林：一棵一棵种树，看投票怎样变平滑"
        caption={
          <>
            左上：前 B 棵树软投票的决策面，颜色越深表示票数越一边倒（K 类时按得票最多的类着色）。右上：袋外误差与测试误差随树的数量变化，浅色点是每棵树单独的测试误差。
            中间：前几棵树各自的决策面（锯齿状、过拟合），以及选中那棵树的自助采样——点越大表示被抽中次数越多，空心点是它的袋外样本。
            下方：平均不纯度减少（MDI）特征重要性，和“陪审团”插图：B 个正确率为 p、两两相关系数为 ρ 的投票者多数表决的正确率。
          </>
        }
        summary={summary}
        error={error}
        shareLink={link}
        onReset={() => { setPlaying(false); setGrown(null); reset(); }}
        onNewSample={() => set({ seed: (state.seed % 9999) + 1 })}
        actions={actions}
        controls={controls}
        table={{ caption: '误差随树的数量变化（测试集 500 个点）', columns: ['树的数量', '袋外误差', '测试误差', '单棵树平均测试误差'], rows: tableRows }}
      >
        <div class={stale ? 'sim-panel rf-panel rf-stale' : 'sim-panel rf-panel'}>
          <p class="sim-panel-title">森林的决策面（{b} 棵树投票）</p>
          <Chart width={SURF.W} height={SURF.H} margin={SURF.m} label={`前 ${b} 棵树投票得到的决策面与训练数据`}>
            <Held ready={shown !== null} class="rf-surface">{() => surfaceLayer}</Held>
            {grownRects && !reduceMotion && (
              <g key={`grow-${grown}`} class="rf-grow" aria-hidden="true">
                {rectPaths(grownRects, sx, sy, () => 0.35, { stroke: 'var(--bg)', 'stroke-width': 0.5 })}
              </g>
            )}
            {surfAxes}
            <g class="rf-points">{surfacePoints}</g>
          </Chart>
          {progress && (
            <div class="rf-progress">
              <progress max={progress.total} value={progress.done} aria-label="训练进度" />
              <span>正在训练：{progress.done} / {progress.total} 棵树</span>
            </div>
          )}
        </div>

        <div class={stale ? 'sim-panel rf-panel rf-stale' : 'sim-panel rf-panel'}>
          <p class="sim-panel-title">误差随树的数量 B 变化</p>
          <Chart width={CURVE.W} height={CURVE.H} margin={CURVE.m} label="袋外误差和测试误差随树的数量变化的曲线">
            {curveAxes}
            <Held ready={shown !== null} class="rf-curves">
              {() => shown && (
                <>
                  {curveLines}
                  <line class="rf-cursor" x1={bx(b)} x2={bx(b)} y1={0} y2={cih} />
                </>
              )}
            </Held>
            <g class="legend" transform={`translate(${ciw - 120},6)`}>
              <line x1={0} x2={18} y1={0} y2={0} stroke="var(--c2)" stroke-width={2} /><text x={22} dy="0.32em">测试误差</text>
              <line x1={0} x2={18} y1={15} y2={15} stroke="var(--c1)" stroke-width={2} stroke-dasharray="5 3" /><text x={22} y={15} dy="0.32em">袋外误差</text>
              <circle cx={9} cy={30} r={2.5} fill="var(--c5)" /><text x={22} y={30} dy="0.32em">单棵树</text>
            </g>
          </Chart>
        </div>

        <div class={stale ? 'sim-panel rf-panel rf-wide rf-stale' : 'sim-panel rf-panel rf-wide'}>
          <p class="sim-panel-title">单棵树各自的决策面（点一下选中它）</p>
          <div class="rf-multiples">
            {(shown ? small : Array.from({ length: SMALL_MULTIPLES }, () => null)).map((t, i) => (
              <button type="button" key={i} class="rf-tree-btn" aria-pressed={i === sel} onClick={() => set({ sel: i })}>
                <svg class="chart" viewBox={`0 0 ${SMALL.W} ${SMALL.H}`} width={SMALL.W} height={SMALL.H} aria-hidden="true">
                  <g transform={`translate(${SMALL.m.left},${SMALL.m.top})`}>
                    <Held ready={t !== null}>{() => smallRects[i]}</Held>
                    <g opacity={0.8}>{smallPoints}</g>
                    <rect class="rf-frame" x={0} y={0} width={tiw} height={tih} />
                  </g>
                </svg>
                <HeldText ready={!rehydrating} tag="span" class="rf-tree-label">{() => `第 ${i + 1} 棵树${t ? `：${t.size.leaves} 个叶结点，深 ${t.size.depth} 层` : ''}`}</HeldText>
              </button>
            ))}
          </div>
        </div>

        <div class={stale ? 'sim-panel rf-panel rf-stale' : 'sim-panel rf-panel'}>
          <p class="sim-panel-title">第 {sel + 1} 棵树的自助采样：点大小 = 被抽中次数，空心 = 袋外</p>
          <Chart width={SURF.W} height={SURF.H} margin={SURF.m} label={`第 ${sel + 1} 棵树的自助采样与袋外样本`}>
            <Held ready={shown !== null && boot !== null}>{() => bootLayer}</Held>
            {bootAxes}
          </Chart>
          {rehydrating ? (
            <HeldText ready={false} tag="p" class="rf-note">{() => null}</HeldText>
          ) : boot && (
            <p class="rf-note">
              {state.boot
                ? `不同样本 ${boot.unique} / ${shown?.nRows ?? 0}（${pct(boot.uniqueShare)}，理论约 63.2%），袋外 ${boot.oob} 个。`
                : '自助采样已关闭：每棵树都用全部样本（只剩特征随机性），没有袋外点。'}
            </p>
          )}
        </div>

        <div class="sim-panel rf-panel">
          <p class={stale ? 'sim-panel-title rf-stale' : 'sim-panel-title'}>特征重要性（MDI，{b} 棵树，m = {m}）</p>
          <Chart {...(stale ? { class: 'rf-stale' } : {})} width={CURVE.W} height={30 + 24 * names.length} margin={{ top: 6, right: 56, bottom: 18, left: 64 }} label="各特征的平均不纯度减少">
            <Held ready={imps !== null}>
              {() => imps && imps.map((v, j) => {
                const w = CURVE.W - 64 - 56;
                return (
                  <g key={j} transform={`translate(0,${j * 24})`}>
                    <text x={-8} y={10} dy="0.32em" text-anchor="end" class="rf-bar-label">{names[j]}</text>
                    <rect x={0} y={2} width={Math.max(0, v * w)} height={16} fill={j < 2 ? 'var(--c1)' : 'var(--fg-muted)'} rx={2} />
                    <text x={Math.max(0, v * w) + 6} y={10} dy="0.32em" class="rf-bar-value">{pct(v)}</text>
                  </g>
                );
              })}
            </Held>
          </Chart>
          <p class="sim-panel-title rf-sub">陪审团：B 人多数表决的正确率（p = {state.jp.toFixed(2)}）</p>
          <Chart width={CURVE.W} height={CURVE.H} margin={CURVE.m} label="多数表决正确率随投票人数变化：独立与相关的投票者">
            {juryAxesLines}
            <line x1={0} x2={ciw} y1={jy(state.jp)} y2={jy(state.jp)} stroke="var(--fg-muted)" stroke-dasharray="2 3" />
            <circle cx={jx(b)} cy={jy(jury.cor[b - 1] ?? state.jp)} r={4} fill="var(--c1)" stroke="var(--bg)" />
            <g class="legend" transform="translate(10,8)">
              <line x1={0} x2={18} y1={0} y2={0} stroke="var(--c3)" stroke-width={2} /><text x={22} dy="0.32em">独立（ρ = 0）</text>
              <line x1={0} x2={18} y1={15} y2={15} stroke="var(--c1)" stroke-width={2} stroke-dasharray="5 3" /><text x={22} y={15} dy="0.32em">{`ρ = ${state.jr.toFixed(2)}：${pct(jury.cor[b - 1] ?? 0)}`}</text>
              <line x1={0} x2={18} y1={30} y2={30} stroke="var(--fg-muted)" stroke-dasharray="2 3" /><text x={22} y={30} dy="0.32em">一人（= p）</text>
            </g>
          </Chart>
        </div>
      </SimFrame>
    </div>
  );
}
