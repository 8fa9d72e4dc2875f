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
  GRID, MARGIN_BANDS, bootstrapView, dataProblem, featureNames, importancesAt, juryCurve, makeData, paramsKey, pct,
  readout, resolveFeatures, summarySentence, trainForest, trainParams, treeRects, treeSize, voteMargins,
  type TrainResult,
} from './viewModel';

const SHAPE_LABELS: Record<Shape, string> = { moons: '双月', circles: '同心圆', xor: '异或', blobs: '高斯团', spirals: '螺旋' };
const classColor = (k: number) => `var(--c${k + 1})`;
const bandFill = (k: number) => `color-mix(in srgb, ${classColor(k)} 17%, transparent)`;

/** The default state's forest, trained once at build time so the page ships a real figure. */
let buildTimeResult: TrainResult | null = null;
function serverResult(): TrainResult | null {
  // import.meta.env.SSR is false in the client bundle, so the training code is not shipped with the island.
  if (!import.meta.env.SSR || typeof window !== 'undefined') return null;
  buildTimeResult ??= trainForest(trainParams(DEFAULT_STATE));
  return buildTimeResult;
}

/**
 * Keeps the pre-rendered drawing until the first forest arrives: Preact leaves an element's existing
 * children alone while hydrating one that has dangerouslySetInnerHTML, and clears it once real children come.
 */
function Held({ ready, class: cls, children }: { ready: boolean; class?: string; children: () => ComponentChildren }) {
  return ready ? <g class={cls}>{children()}</g> : <g class={cls} dangerouslySetInnerHTML={{ __html: '' }} />;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** A class-coded point: circle, square, diamond (shape as well as colour). */
function Mark({ x: x_, y: y_, k, r: r_ = 3.2, hollow = false }: { x: number; y: number; k: number; r?: number; hollow?: boolean }) {
  // One decimal of a viewBox unit is plenty, and keeps the pre-rendered HTML small.
  const x = round1(x_);
  const y = round1(y_);
  const r = round1(r_);
  const fill = hollow ? 'none' : classColor(k);
  const stroke = hollow ? classColor(k) : 'var(--bg)';
  const sw = hollow ? 1.4 : 0.8;
  if (k === 1) return <rect x={x - r * 0.9} y={y - r * 0.9} width={r * 1.8} height={r * 1.8} fill={fill} stroke={stroke} stroke-width={sw} />;
  if (k === 2) return <path d={`M${x},${y - r * 1.2}L${x + r * 1.2},${y}L${x},${y + r * 1.2}L${x - r * 1.2},${y}Z`} fill={fill} stroke={stroke} stroke-width={sw} />;
  return <circle cx={x} cy={y} r={r} fill={fill} stroke={stroke} stroke-width={sw} />;
}

function points(X: number[][], y: number[], px: (v: number) => number, py: (v: number) => number, r: number) {
  return X.map((row, i) => <Mark key={i} x={px(row[0]!)} y={py(row[1]!)} k={y[i]!} r={r} />);
}

const SURF = { W: 360, H: 340, m: { top: 8, right: 10, bottom: 38, left: 42 } satisfies Margin };
const SMALL = { W: 150, H: 150, m: { top: 4, right: 4, bottom: 4, left: 4 } satisfies Margin };
const CURVE = { W: 360, H: 240, m: { top: 10, right: 12, bottom: 40, left: 48 } satisfies Margin };

export default function RandomForestSim() {
  const { state, set, reset, link } = useFigureState(FIG, schema, VERSION);
  const reduceMotion = usePrefersReducedMotion();
  const frameRef = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(frameRef);

  const params = useMemo(() => trainParams(state), [state.data, state.cls, state.n, state.noise, state.extra, state.seed, state.depth, state.leaf, state.mf, state.boot]);
  const key = useMemo(() => paramsKey(params), [params]);
  const data = useMemo(() => makeData(params), [key]);
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
    worker.onmessage = (e: MessageEvent<{ type: string; id: number; done?: number; total?: number; result?: TrainResult; message?: string }>) => {
      const msg = e.data;
      if (msg.id !== reqId.current) return;
      if (msg.type === 'progress') setProgress({ done: msg.done ?? 0, total: msg.total ?? params.nTrees });
      else if (msg.type === 'result' && msg.result) {
        busy.current = false;
        setProgress(null);
        setResult(msg.result);
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
  const siw = SURF.W - SURF.m.left - SURF.m.right;
  const sih = SURF.H - SURF.m.top - SURF.m.bottom;
  const sx = scaleLinear().domain([box.x0, box.x1]).range([0, siw]);
  const sy = scaleLinear().domain([box.y0, box.y1]).range([sih, 0]);
  const tiw = SMALL.W - SMALL.m.left - SMALL.m.right;
  const tih = SMALL.H - SMALL.m.top - SMALL.m.bottom;
  const tx = scaleLinear().domain([box.x0, box.x1]).range([0, tiw]);
  const ty = scaleLinear().domain([box.y0, box.y1]).range([tih, 0]);
  const ciw = CURVE.W - CURVE.m.left - CURVE.m.right;
  const cih = CURVE.H - CURVE.m.top - CURVE.m.bottom;
  const bx = scaleLinear().domain([1, MAX_TREES]).range([0, ciw]);
  const errMax = shown ? Math.max(0.05, ...shown.treeTest, ...shown.test, ...shown.oob.map((v) => v ?? 0)) * 1.1 : 0.3;
  const ey = scaleLinear().domain([0, Math.min(1, errMax)]).range([cih, 0]).nice();
  const jx = scaleLog().domain([1, juryMax]).range([0, ciw]);
  const jy = scaleLinear().domain([Math.max(0, state.jp - 0.05), 1]).range([cih, 0]);
  const treeIdx = Array.from({ length: MAX_TREES }, (_, i) => i + 1);

  // Point layers depend only on the data and the box: memoised vnodes let Preact skip ~1,000 marks per slider move.
  const surfacePoints = useMemo(() => points(data.train.X, data.train.y, sx, sy, 3.2), [data, box]);
  const smallPoints = useMemo(() => points(data.train.X, data.train.y, tx, ty, 1.6), [data, box]);
  const bootPoints = useMemo(
    () => boot && data.train.X.map((row, i) => {
      const c = boot.counts[i] ?? 0;
      return <Mark key={i} x={sx(row[0]!)} y={sy(row[1]!)} k={data.train.y[i]!} r={c === 0 ? 3.2 : 2 + 1.5 * c} hollow={c === 0} />;
    }),
    [data, box, boot],
  );

  const treeDots = useMemo(() => shown?.treeTest.map((e, i) => <circle key={i} cx={round1(bx(i + 1))} cy={round1(ey(e))} r={1.6} fill="var(--c5)" opacity={0.55} />), [shown]);

  const names = featureNames(shown?.nFeatures ?? p);
  const stale = shown !== null && !fresh;
  const error = problem ?? failure;
  const summary = !shown || !read
    ? cancelled ? '训练已停止。点「继续训练」开始训练。' : '正在训练随机森林……'
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
      {progress && <button type="button" class="btn" onClick={cancel}>停止训练</button>}
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
            <Held ready={shown !== null} class="rf-surface">
              {() => margins && margins.map((mk, k) => (
                <Contours key={k} values={mk} nx={shown!.spec.size} ny={shown!.spec.size} width={siw} height={sih} thresholds={MARGIN_BANDS} color={() => bandFill(k)} />
              ))}
            </Held>
            {grownRects && !reduceMotion && (
              <g key={`grow-${grown}`} class="rf-grow" aria-hidden="true">
                {grownRects.map((r, i) => (
                  <rect key={i} x={sx(r.x0)} y={sy(r.y1)} width={Math.max(0, sx(r.x1) - sx(r.x0))} height={Math.max(0, sy(r.y0) - sy(r.y1))} fill={classColor(r.cls)} fill-opacity={0.35} stroke="var(--bg)" stroke-width={0.5} />
                ))}
              </g>
            )}
            <AxisBottom scale={sx} size={sih} label="x₁" ticks={5} grid={false} />
            <AxisLeft scale={sy} size={siw} label="x₂" ticks={5} grid={false} />
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
            <AxisBottom scale={bx} size={cih} label="树的数量 B" ticks={5} />
            <AxisLeft scale={ey} size={ciw} label="误差" ticks={5} tickFormat={(v) => `${Math.round(v * 100)}%`} />
            <Held ready={shown !== null} class="rf-curves">
              {() => shown && (
                <>
                  {treeDots}
                  <LinePath xs={treeIdx} ys={shown.test} x={bx} y={ey} stroke="var(--c2)" />
                  {state.boot && <LinePath xs={treeIdx} ys={shown.oob.map((v) => v ?? NaN)} x={bx} y={ey} stroke="var(--c1)" dash="5 3" />}
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
                    <Held ready={t !== null}>
                      {() => t && t.rects.map((r, j) => (
                        <rect key={j} x={round1(tx(r.x0))} y={round1(ty(r.y1))} width={round1(Math.max(0, tx(r.x1) - tx(r.x0)))} height={round1(Math.max(0, ty(r.y0) - ty(r.y1)))} fill={classColor(r.cls)} fill-opacity={round1(0.12 + 0.4 * (r.share - 0.5))} />
                      ))}
                    </Held>
                    <g opacity={0.8}>{smallPoints}</g>
                    <rect class="rf-frame" x={0} y={0} width={tiw} height={tih} />
                  </g>
                </svg>
                <span class="rf-tree-label">第 {i + 1} 棵树{t ? `：${t.size.leaves} 个叶结点，深 ${t.size.depth} 层` : ''}</span>
              </button>
            ))}
          </div>
        </div>

        <div class={stale ? 'sim-panel rf-panel rf-stale' : 'sim-panel rf-panel'}>
          <p class="sim-panel-title">第 {sel + 1} 棵树的自助采样：点大小 = 被抽中次数，空心 = 袋外</p>
          <Chart width={SURF.W} height={SURF.H} margin={SURF.m} label={`第 ${sel + 1} 棵树的自助采样与袋外样本`}>
            <Held ready={shown !== null && boot !== null}>
              {() => boot && (
                <>
                  {selRects.map((r, j) => (
                    <rect key={`r${j}`} x={sx(r.x0)} y={sy(r.y1)} width={Math.max(0, sx(r.x1) - sx(r.x0))} height={Math.max(0, sy(r.y0) - sy(r.y1))} fill={classColor(r.cls)} fill-opacity={0.08 + 0.3 * (r.share - 0.5)} />
                  ))}
                  {bootPoints}
                </>
              )}
            </Held>
            <AxisBottom scale={sx} size={sih} label="x₁" ticks={5} grid={false} />
            <AxisLeft scale={sy} size={siw} label="x₂" ticks={5} grid={false} />
          </Chart>
          {boot && (
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
            <AxisBottom scale={jx} size={cih} label="投票者（树）的数量 B" ticks={4} tickFormat={(v) => ([1, 10, 100].includes(v) ? String(v) : '')} />
            <AxisLeft scale={jy} size={ciw} label="多数表决正确率" ticks={5} tickFormat={(v) => `${Math.round(v * 100)}%`} />
            <LinePath xs={treeIdx} ys={jury.ind} x={jx} y={jy} stroke="var(--c3)" />
            <LinePath xs={treeIdx} ys={jury.cor} x={jx} y={jy} stroke="var(--c1)" dash="5 3" />
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
