import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { Choice } from '../../controls/Choice';
import { SimFrame } from '../../controls/SimFrame';
import { Slider } from '../../controls/Slider';
import { useFigureState } from '../../controls/useFigureState';
import type { Vec2 } from '../../../lib/regression/constrained';
import { DIABETES_FEATURES } from '../../../lib/data/diabetes';
import { GeometryPanel } from './GeometryPanel';
import { CvChart, InsetChart, PathChart } from './PathCharts';
import type { WorkerMessage } from './paths.worker';
import {
  FIG,
  INSET_LAMBDA_MAX,
  INSET_LAMBDA_MIN,
  LOG_ALPHA_MAX,
  LOG_ALPHA_MIN,
  LOG_ALPHA_STEP,
  RHO_MAX,
  schema,
  T_MAX,
  T_MIN,
  VERSION,
  W_MAX,
  type InsetMode,
} from './state';
import { featureName, fmt, fmtAlpha, geometryView, insetView, pathsView, summaryText, type PathsData } from './viewModel';

type Load = { kind: 'loading'; label: string } | { kind: 'error'; message: string } | { kind: 'ready' };

const DEFAULT_DOMAIN: [number, number] = [-800, 800];

/** L1/L2 regularisation: constraint geometry, diabetes paths with CV, and the 1-D operators. */
export default function RegularizationSim() {
  const { state, set, reset, link } = useFigureState(FIG, schema, VERSION);
  const [data, setData] = useState<PathsData | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading', label: '正在加载糖尿病数据…' });

  useEffect(() => {
    if (typeof Worker === 'undefined') {
      setLoad({ kind: 'error', message: '此浏览器不支持 Web Worker，无法计算正则化路径。' });
      return;
    }
    const worker = new Worker(new URL('./paths.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') {
        if (m.done < m.total) setLoad({ kind: 'loading', label: `正在计算：${m.label}（${m.done}/${m.total}）…` });
        else setLoad({ kind: 'ready' });
      } else if (m.type === 'paths') {
        setData({ logAlphas: m.logAlphas, lasso: m.lasso, ridge: m.ridge, cvLasso: null, cvRidge: null });
      } else if (m.type === 'cv') {
        const curve = { meanMse: m.meanMse, stdError: m.stdError, bestIndex: m.bestIndex, oneSeIndex: m.oneSeIndex };
        setData((d) => (d ? (m.which === 'lasso' ? { ...d, cvLasso: curve } : { ...d, cvRidge: curve }) : d));
      } else if (m.type === 'error') {
        setLoad({ kind: 'error', message: `糖尿病数据加载或计算失败（${m.message.slice(0, 120)}），几何图仍可使用。` });
      }
    };
    worker.onerror = () => setLoad({ kind: 'error', message: '计算正则化路径的后台线程出错，几何图仍可使用。' });
    worker.postMessage({ url: new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, "/")}data/diabetes.json`, window.location.href).href });
    return () => worker.terminate();
  }, []);

  const geo = useMemo(() => geometryView(state), [state.wx, state.wy, state.rho, state.t]);
  const paths = useMemo(() => pathsView(data, state.lam), [data, state.lam]);
  const inset = useMemo(() => insetView(state.ins, state.sl), [state.ins, state.sl]);
  const cursor = paths ? paths.logAlpha : state.lam;
  const pathsStatus = load.kind === 'error' ? load.message : load.kind === 'loading' || !paths ? (load.kind === 'loading' ? load.label : '正在计算…') : '';
  const summary = summaryText(geo, paths, pathsStatus, inset);

  const moveStar = useCallback((w: Vec2) => set({ wx: w[0], wy: w[1] }), [set]);
  const setCursor = useCallback((lam: number) => set({ lam }), [set]);

  const placeholder = load.kind === 'error' ? '数据不可用' : '正在加载糖尿病数据…';
  const legendOrder = paths ? [...paths.entries.map((e) => e.feature), ...DIABETES_FEATURES.map((_, j) => j).filter((j) => !paths.entries.some((e) => e.feature === j))] : DIABETES_FEATURES.map((_, j) => j);
  const rank = (j: number) => paths?.entries.find((e) => e.feature === j)?.rank;

  const rows: (string | number)[][] = [
    ['几何图（两个权重）', `(${fmt(geo.l1.w[0])}, ${fmt(geo.l1.w[1])})，λ = ${fmt(geo.l1.lambda)}`, `(${fmt(geo.l2.w[0])}, ${fmt(geo.l2.w[1])})，λ = ${fmt(geo.l2.lambda)}`, geo.l1Badge ?? '—'],
    ...legendOrder.map((j) => [
      `${featureName(j)}（${DIABETES_FEATURES[j]!.key}）`,
      paths ? fmt(paths.lassoCoef[j]!, 1) : '—',
      paths ? fmt(paths.ridgeCoef[j]!, 1) : '—',
      rank(j) !== undefined ? `第 ${rank(j)} 个进入` : '—',
    ]),
  ];

  const cvActions = paths?.cvLasso;
  return (
    <SimFrame
      fig={FIG}
      title="L1 与 L2 正则化：约束几何、正则化路径与软阈值"
      caption={
        <>
          上排：两个权重时平方损失的等高线（椭圆）以最小二乘解 w* 为中心，拖动 w* 或用方向键移动它；ŵ 是椭圆向外扩张时第一次碰到约束区域（L1 菱形、L2 圆，半径均为 t）的点，λ 是对应惩罚形式的拉格朗日乘子。中排：scikit-learn 糖尿病数据（Efron 等 2004，442 × 10）上 Lasso 与岭回归的系数路径，圆圈数字是 Lasso 让变量进入模型的顺序；两图横轴都是 scikit-learn 的 α，但 Lasso 的目标是 1/(2n)·RSS + α‖w‖₁、Ridge 是 RSS + α‖w‖²，同一个数值并不代表同样的强度。下排：5 折交叉验证误差，以及正交设计下一维的软阈值与按比例收缩（或对应的先验）。
        </>
      }
      summary={summary}
      shareLink={link}
      onReset={reset}
      actions={
        <>
          <button type="button" class="btn" disabled={!cvActions} onClick={() => cvActions && set({ lam: Number(cvActions.best.toFixed(2)) })}>
            α 取交叉验证最小
          </button>
          <button type="button" class="btn" disabled={!cvActions} onClick={() => cvActions && set({ lam: Number(cvActions.oneSe.toFixed(2)) })}>
            α 取一个标准误规则
          </button>
        </>
      }
      controls={
        <>
          <Slider label="w* 的横坐标 w₁*" value={state.wx} min={-W_MAX} max={W_MAX} step={0.01} onChange={(wx) => set({ wx })} />
          <Slider label="w* 的纵坐标 w₂*" value={state.wy} min={-W_MAX} max={W_MAX} step={0.01} onChange={(wy) => set({ wy })} />
          <Slider label="特征相关系数 ρ（椭圆倾斜）" value={state.rho} min={-RHO_MAX} max={RHO_MAX} step={0.01} onChange={(rho) => set({ rho })} />
          <Slider label="约束预算 t" value={state.t} min={T_MIN} max={T_MAX} step={0.01} onChange={(t) => set({ t })} />
          <Slider
            label="路径光标 log₁₀ α"
            value={state.lam}
            min={LOG_ALPHA_MIN}
            max={LOG_ALPHA_MAX}
            step={LOG_ALPHA_STEP}
            format={(v) => `α = ${fmtAlpha(v)}`}
            hint={`α = ${fmtAlpha(cursor)}`}
            onChange={(lam) => set({ lam })}
          />
          <Choice<InsetMode>
            label="右下小图"
            value={state.ins}
            options={[
              { value: 'op', label: '收缩算子' },
              { value: 'prior', label: '对应先验' },
            ]}
            onChange={(ins) => set({ ins })}
          />
          <Slider label="小图中的 λ" value={state.sl} min={INSET_LAMBDA_MIN} max={INSET_LAMBDA_MAX} step={0.05} onChange={(sl) => set({ sl })} />
        </>
      }
      table={{ caption: `L1/Lasso 与 L2/岭回归的解（路径光标 α = ${fmtAlpha(cursor)}）`, columns: ['项目', 'L1 / Lasso', 'L2 / 岭回归', '备注'], rows }}
    >
      <div class="rg-layout">
        <div class="rg-row">
          <GeometryPanel geo={geo} norm="l1" onMove={moveStar} />
          <GeometryPanel geo={geo} norm="l2" onMove={moveStar} />
        </div>
        <div class="rg-row">
          <PathChart
            title="Lasso 系数路径（数字 = 进入顺序）"
            label={`Lasso 系数路径：随 α 减小，变量依次进入模型${paths ? `，顺序为 ${paths.entries.map((e) => featureName(e.feature)).join('、')}` : ''}`}
            logAlphas={data?.logAlphas ?? null}
            coefs={data?.lasso ?? null}
            yDomain={paths?.yDomain ?? DEFAULT_DOMAIN}
            cursor={cursor}
            {...(paths ? { entries: paths.entries } : {})}
            placeholder={placeholder}
            onCursor={setCursor}
          />
          <PathChart
            title="岭回归系数路径"
            label="岭回归系数路径：随 α 增大，所有系数一起平滑地收缩，但不会恰好为 0"
            logAlphas={data?.logAlphas ?? null}
            coefs={data?.ridge ?? null}
            yDomain={paths?.yDomain ?? DEFAULT_DOMAIN}
            cursor={cursor}
            placeholder={placeholder}
            onCursor={setCursor}
          />
        </div>
        <ol class="rg-features" aria-label="变量（按 Lasso 进入顺序）">
          {/*
            Keyed by slot, not by variable: when the data arrive and the list is re-ordered by entry, each slot
            keeps its place and only its content changes. Rank and coefficient slots exist before the data do
            (empty, same size), so nothing moves (layout shift).
          */}
          {legendOrder.map((j, slot) => (
            <li key={slot} class={paths && paths.lassoCoef[j] === 0 ? 'rg-feature rg-feature-off' : 'rg-feature'}>
              <span class={`rg-swatch rg-sw${j}`} aria-hidden="true"></span>
              <span class={rank(j) !== undefined ? 'rg-rank' : 'rg-rank rg-rank-none'} aria-hidden={rank(j) === undefined ? 'true' : undefined}>{rank(j)}</span>
              <span class="rg-name">{featureName(j)}</span>
              <span class="rg-coef">{paths ? (paths.lassoCoef[j] === 0 ? '= 0' : fmt(paths.lassoCoef[j]!, 0)) : ''}</span>
            </li>
          ))}
        </ol>
        <div class="rg-row">
          <CvChart logAlphas={data?.logAlphas ?? null} lasso={data?.cvLasso ?? null} ridge={data?.cvRidge ?? null} cursor={cursor} placeholder={load.kind === 'loading' ? load.label : placeholder} onCursor={setCursor} />
          <InsetChart view={inset} />
        </div>
      </div>
    </SimFrame>
  );
}
