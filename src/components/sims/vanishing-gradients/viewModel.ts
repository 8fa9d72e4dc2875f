/**
 * Pure view model of the vanishing-gradients figure: state → what the charts draw and what the
 * summary says. No DOM, no Preact; the workers import the same functions.
 */
import { activationCurve, type Activation } from '../../../lib/nn/activations';
import { backpropFlat, createWorkspace, type FlatWorkspace } from '../../../lib/nn/flatMlp';
import type { FastGradientProbe } from '../../../lib/nn/fastProbe';
import { makeProbeTask, type ProbeTask } from '../../../lib/nn/gradientNorms';
import { initFlatNet, type InitScheme } from '../../../lib/nn/mlp';
import { lstmGradientNorms, rnnGradientNorms } from '../../../lib/nn/recurrent';
import type { TrainRecord } from '../../../lib/nn/train';
import { RNN_STEPS, type VgState } from './state';

/** Rows of the probe batch whose gradient the main plot shows (Glorot & Bengio 2010 used minibatches too). */
export const PROBE_BATCH = 64;
/** Seed of the probe task (inputs x ~ N(0, I), a smooth target): fixed, so only the net changes with the seed. */
export const PROBE_SEED = 1;
/** |u| above this counts as saturated (σ′(2.5) ≈ 0.07). */
export const SATURATION = 2.5;
/** Histogram range and bins of the pre-activations. */
export const HIST_RANGE: readonly [number, number] = [-6, 6];
export const HIST_BINS = 48;
/** Training panel: task rows, minibatch rows, SGD step size. */
export const TRAIN_ROWS = 256;
export const TRAIN_BATCH = 16;
export const LEARNING_RATE = 0.05;
/** Global-norm gradient clipping of the training panel (keeps a plain residual net from diverging). */
export const CLIP_NORM = 1;
/** Hidden units of the RNN/LSTM panel. */
export const RNN_HIDDEN = 16;
/** Above this estimated cost (ms) the gradient plot is computed in the worker; 5 rather than 8 leaves room for a busy laptop (measured 2× the estimate under load). */
export const SYNC_BUDGET_MS = 5;

export const ACT_LABEL: Record<Activation, string> = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU', leakyRelu: 'Leaky ReLU' };
export const INIT_LABEL: Record<InitScheme, string> = {
  normal: 'N(0, 1)',
  standard: '标准 U[±1/√n]',
  xavier: 'Xavier',
  he: 'He',
};

/** Layer widths of the network for a state: input = width, `depth` hidden layers of `width`, one output. */
export function sizesFor(state: Pick<VgState, 'depth' | 'width'>): number[] {
  return [state.width, ...new Array<number>(state.depth).fill(state.width), 1];
}

/**
 * Rough cost in ms of one gradient computation (≈ 2.5 multiply-adds per weight per sample for the
 * forward and backward passes, ≈ 1.5 ns each in JS on a laptop: 50 × 128 × 64 ≈ 80 ms).
 */
export function estimateCostMs(state: Pick<VgState, 'depth' | 'width'>, batch = PROBE_BATCH): number {
  return (state.depth + 1) * state.width * state.width * batch * 2.5 * 1.5e-6;
}

/**
 * Whether the main-thread path is fast enough (< {@link SYNC_BUDGET_MS}). `factor` is this device's
 * measured / estimated cost ratio ({@link nextCostFactor}); the estimate alone is for a fast laptop
 * and a busy 2-core machine is several times slower.
 */
export function canComputeSync(state: Pick<VgState, 'depth' | 'width'>, factor = 1): boolean {
  return estimateCostMs(state) * factor < SYNC_BUDGET_MS;
}

/**
 * Updates the measured / estimated cost ratio after a gradient computation took `ms`: slower
 * measurements count at once (one long frame is worse than a needless worker round trip), faster
 * ones pull the factor down gradually. Tiny nets (estimate < 0.2 ms) are all overhead and are ignored.
 */
export function nextCostFactor(factor: number, state: Pick<VgState, 'depth' | 'width'>, ms: number): number {
  const est = estimateCostMs(state);
  if (!(est >= 0.2) || !Number.isFinite(ms) || ms < 0) return factor;
  const r = Math.min(50, Math.max(0.25, ms / est));
  return r > factor ? r : 0.7 * factor + 0.3 * r;
}

/** Everything the gradient plot and the σ panel need; plain data (crosses the worker boundary). */
export interface GradientResult {
  /** ‖∂L/∂W_l‖_F per layer, index 0 = input side, last = output layer. */
  norms: number[];
  loss: number;
  /** Fractions of all hidden pre-activations per histogram bin (sum 1). */
  hist: number[];
  /** Per hidden layer: fraction with |u| > {@link SATURATION}. */
  saturated: number[];
  /** Per hidden layer: fraction with u ≤ 0 (no gradient through ReLU). */
  inactive: number[];
}

const taskCache = new Map<string, { task: ProbeTask; X: Float64Array; Y: Float64Array }>();
/** The probe (or training) task for an input width; cached, deterministic. */
function packedTask(inputDim: number, rows: number, seed: number) {
  const key = `${inputDim}/${rows}/${seed}`;
  let t = taskCache.get(key);
  if (!t) {
    const task = makeProbeTask({ inputDim, batchSize: rows, seed });
    t = { task, X: Float64Array.from(task.X.flat()), Y: Float64Array.from(task.Y.flat()) };
    taskCache.set(key, t);
  }
  return t;
}

/** The small regression task the training panel learns (x ~ N(0, I), y = sin of a ridge). */
export function trainingTask(width: number): ProbeTask {
  return packedTask(width, TRAIN_ROWS, PROBE_SEED + 1).task;
}

let wsCache: { key: string; ws: FlatWorkspace } | null = null;

/** The network a state describes, as `initNet` / `initFlatNet` options. */
export function netOptions(state: VgState) {
  return {
    sizes: sizesFor(state),
    activation: state.act,
    init: state.init,
    scale: state.scale,
    residual: state.res,
    batchNorm: state.bn,
    seed: state.seed,
  };
}

/**
 * Per-layer gradient norms at initialisation and pre-activation statistics for a state. With `fast`
 * (the worker's WebAssembly probe) the products run in f32 SIMD; without it, the f64 reference path.
 */
export function computeGradients(state: VgState, fast?: FastGradientProbe | null): GradientResult {
  const options = netOptions(state);
  const { sizes } = options;
  const { task, X, Y } = packedTask(state.width, PROBE_BATCH, PROBE_SEED);
  const [lo, hi] = HIST_RANGE;
  if (fast) {
    // The kernels take the statistics too (the same rules as the loop below, tested to agree).
    const r = fast.norms(options, task, { lo, hi, bins: HIST_BINS, threshold: SATURATION });
    const { histogram, saturated, nonPositive } = r.stats!;
    const total = r.preActivations.reduce((t, u) => t + u.length, 0);
    return { norms: r.gradWNorm, loss: r.loss, hist: histogram.map((c) => (total > 0 ? c / total : 0)), saturated, inactive: nonPositive };
  }
  const net = initFlatNet(options);
  const key = sizes.join(',');
  if (!wsCache || wsCache.key !== key) wsCache = { key, ws: createWorkspace(net, PROBE_BATCH) };
  const g = backpropFlat(net, X, Y, wsCache.ws, 'norms');
  const hist = new Array<number>(HIST_BINS).fill(0);
  let total = 0;
  const saturated: number[] = [];
  const inactive: number[] = [];
  const binScale = HIST_BINS / (hi - lo);
  for (const U of wsCache.ws.U) {
    let sat = 0;
    let off = 0;
    for (let q = 0; q < U.length; q++) {
      const u = U[q]!;
      if (u > SATURATION || u < -SATURATION) sat++;
      if (u <= 0) off++;
      // Beyond the range, ±∞ and NaN land in the end bins: the last for u > 0, else the first.
      const b = Math.floor((u - lo) * binScale);
      hist[b >= 0 && b < HIST_BINS ? b : u > 0 ? HIST_BINS - 1 : 0]!++;
    }
    total += U.length;
    saturated.push(sat / U.length);
    inactive.push(off / U.length);
  }
  return { norms: Array.from(g.gradWNorm), loss: g.loss, hist: hist.map((c) => (total > 0 ? c / total : 0)), saturated, inactive };
}

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 10^k written with superscripts: "10⁻⁷". */
export function powerOfTen(k: number): string {
  return `10${String(Math.round(k)).replace(/[-0-9]/g, (c) => SUP[c] ?? c)}`;
}

/** A positive number in plain or scientific form for the UI: 0.12, 3.4×10⁻⁷; never "NaN". */
export function formatSci(v: number, digits = 2): string {
  if (Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (a >= 0.01 && a < 1000) return sign + String(Number(a.toPrecision(digits)));
  let e = Math.floor(Math.log10(a));
  let m = a / 10 ** e;
  if (Number(m.toPrecision(digits)) >= 10) {
    e += 1;
    m /= 10;
  }
  return `${sign}${Number(m.toPrecision(digits))}×${powerOfTen(e)}`;
}

/** The upper bound (1/4)^L of a product of L sigmoid derivatives. */
export function quarterPower(depth: number): number {
  return 0.25 ** depth;
}

/** Data for the main plot and the summary. */
export interface GradientView {
  /** log10 ‖∂L/∂W_l‖ per layer (NaN where the norm is 0 or not finite: the line breaks there). */
  logNorms: number[];
  /** y-domain in log10 units, whole decades. */
  yDomain: [number, number];
  /** ‖∂L/∂W_1‖ / ‖∂L/∂W_out‖. */
  ratio: number;
  summary: string;
  error: string | null;
  rows: (string | number)[][];
}

function log10OrNaN(v: number): number {
  return v > 0 && Number.isFinite(v) ? Math.log10(v) : NaN;
}

/** y-domain (whole decades, at least 2 wide) covering every finite log value given. */
export function logDomain(...series: readonly (readonly number[])[]): [number, number] {
  const vals = series.flat().filter((v) => Number.isFinite(v));
  if (vals.length === 0) return [-3, 1];
  let lo = Math.floor(Math.min(...vals));
  let hi = Math.ceil(Math.max(...vals));
  if (hi - lo < 2) {
    const mid = Math.round((lo + hi) / 2);
    lo = mid - 1;
    hi = mid + 1;
  }
  return [lo, hi];
}

/** Plot data, summary sentence, error message and table rows for a gradient result. */
export function gradientView(state: VgState, result: GradientResult, ghost: GradientResult | null = null): GradientView {
  const { norms } = result;
  const logNorms = norms.map(log10OrNaN);
  const yDomain = logDomain(logNorms, ghost ? ghost.norms.map(log10OrNaN) : []);
  const first = norms[0] ?? NaN;
  const last = norms[norms.length - 1] ?? NaN;
  const ratio = first / last;
  const setting = `${ACT_LABEL[state.act]}、${INIT_LABEL[state.init]} 初始化${state.scale !== 1 ? `×${state.scale}` : ''}${state.bn ? '、批量规范化' : ''}${state.res ? '、残差连接' : ''}，${state.depth} 个隐藏层`;
  let error: string | null = null;
  if (norms.length === 0) error = '没有可显示的层。';
  else if (norms.some((v) => !Number.isFinite(v)) || !Number.isFinite(result.loss)) {
    error = `${setting}：数值溢出（梯度爆炸），梯度超出了浮点数的范围。请减小权重缩放或换一种初始化。`;
  } else if (first === 0) {
    error = `${setting}：第 1 层的梯度恰好为 0。所有 ReLU 单元都落在负半轴（死亡 ReLU），梯度传不回去。`;
  } else if (last === 0) {
    error = `${setting}：输出层的梯度为 0（网络输出与目标恰好一致），无法比较各层。`;
  }
  const hidden = norms.length - 1;
  const summary =
    `${setting}：第 1 层 ‖∂L/∂W‖ = ${formatSci(first)}，输出层 ${formatSci(last)}，` +
    `浅层是输出层的 ${formatSci(ratio)} 倍` +
    (state.act === 'sigmoid' ? `；作为对照，0.25^${hidden} = ${formatSci(quarterPower(hidden))}。` : '。');
  const rows = norms.map((v, l) => [
    l < hidden ? `第 ${l + 1} 层` : '输出层',
    formatSci(v, 3),
    ghost && ghost.norms[l] !== undefined ? formatSci(ghost.norms[l]!, 3) : '—',
    l < hidden ? `${Math.round((result.saturated[l] ?? 0) * 100)}%` : '—',
    l < hidden ? `${Math.round((result.inactive[l] ?? 0) * 100)}%` : '—',
  ]);
  return { logNorms, yDomain, ratio, summary, error, rows };
}

/** Data for the σ/σ′ panel. */
export interface ActivationView {
  z: number[];
  value: number[];
  derivative: number[];
  /** Largest φ′ (0.25 for sigmoid, 1 otherwise). */
  bound: number;
  /** y-domain of the panel. */
  yDomain: [number, number];
  /** Fraction of hidden pre-activations in the saturated tails (sigmoid, tanh) or at u ≤ 0 (ReLU family). */
  badFraction: number;
  badLabel: string;
}

/** φ, φ′ and the headline fraction of the pre-activation histogram. */
export function activationView(act: Activation, result: GradientResult): ActivationView {
  const c = activationCurve(act, HIST_RANGE[0], HIST_RANGE[1], 121);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const relu = act === 'relu' || act === 'leakyRelu';
  // Plot φ on [-1.2, 1.2] so the derivative (≤ 1) stays readable; ReLU is clipped at the top.
  return {
    z: c.z,
    value: c.value,
    derivative: c.derivative,
    bound: act === 'sigmoid' ? 0.25 : 1,
    yDomain: act === 'sigmoid' ? [0, 1.05] : [-1.1, 1.1],
    badFraction: relu ? mean(result.inactive) : mean(result.saturated),
    badLabel: relu ? 'u ≤ 0（梯度为 0' + (act === 'leakyRelu' ? '.01' : '') + '）' : `|u| > ${SATURATION}（饱和区）`,
  };
}

/** Heatmap and loss curve of a (partial) training run. */
export interface TrainingView {
  /** Steps available (records received so far). */
  available: number;
  /** The step the cursor shows (clamped to what is available). */
  cursor: number;
  /** log10 norm domain over the whole run so far (stable while the cursor moves). */
  colorDomain: [number, number];
  /** Loss per step (NaN when not finite). */
  loss: number[];
  /** Exponential moving average of the loss (α = 0.1): the minibatch noise smoothed. */
  lossSmooth: number[];
  lossDomain: [number, number];
  /** Loss and log10 norms at the cursor (input side first). */
  lossAtCursor: number;
  firstAtCursor: number;
  lastAtCursor: number;
  diverged: boolean;
  message: string;
}

/** The parts of a {@link TrainingView} that depend only on the records (not on the cursor). */
export interface TrainingSeries {
  colorDomain: [number, number];
  loss: number[];
  lossSmooth: number[];
  lossDomain: [number, number];
  diverged: boolean;
}

/**
 * Cursor-independent series of a (partial) run; the figure memoises this per record list so moving
 * the step cursor does not rescan every record.
 */
export function trainingSeries(records: readonly TrainRecord[]): TrainingSeries {
  let lo = Infinity;
  let hi = -Infinity;
  let diverged = false;
  for (const r of records) {
    if (!Number.isFinite(r.loss)) diverged = true;
    for (const v of r.gradNorms) {
      if (!Number.isFinite(v)) diverged = true;
      const l = log10OrNaN(v);
      if (Number.isFinite(l)) {
        if (l < lo) lo = l;
        if (l > hi) hi = l;
      }
    }
  }
  const colorDomain = Number.isFinite(lo) ? logDomain([lo, hi]) : logDomain([]);
  const loss = records.map((r) => (Number.isFinite(r.loss) ? r.loss : NaN));
  const lossSmooth: number[] = [];
  let ema = NaN;
  let maxLoss = -Infinity;
  for (const v of loss) {
    ema = Number.isFinite(v) ? (Number.isFinite(ema) ? 0.9 * ema + 0.1 * v : v) : NaN;
    lossSmooth.push(ema);
    if (Number.isFinite(v) && v > maxLoss) maxLoss = v;
  }
  if (maxLoss === -Infinity) maxLoss = 1;
  const lossDomain: [number, number] = [0, maxLoss > 0 ? maxLoss * 1.05 : 1];
  return { colorDomain, loss, lossSmooth, lossDomain, diverged };
}

/** What the training panel shows for the records so far and the requested step. */
export function trainingView(
  records: readonly TrainRecord[],
  step: number,
  total: number,
  series: TrainingSeries = trainingSeries(records),
): TrainingView {
  const available = records.length;
  const cursor = Math.max(0, Math.min(step, available));
  const { colorDomain, loss, lossSmooth, lossDomain, diverged } = series;
  const at = records[Math.max(0, cursor - 1)];
  const firstAtCursor = at ? at.gradNorms[0] ?? NaN : NaN;
  const lastAtCursor = at ? at.gradNorms[at.gradNorms.length - 1] ?? NaN : NaN;
  let message: string;
  if (available === 0) message = '训练尚未开始。';
  else if (diverged) message = '训练发散：损失变成了 NaN（梯度爆炸）。减小权重缩放或换一种设置再试。';
  else
    message = `第 ${cursor} / ${total} 步：损失 ${formatSci(at?.loss ?? NaN, 3)}，第 1 层梯度 ${formatSci(firstAtCursor)}，输出层 ${formatSci(lastAtCursor)}。`;
  return {
    available,
    cursor,
    colorDomain,
    loss,
    lossSmooth,
    lossDomain,
    lossAtCursor: at?.loss ?? NaN,
    firstAtCursor,
    lastAtCursor,
    diverged,
    message,
  };
}

/** Data of the RNN vs LSTM panel: log10 ‖∂h_T/∂h_t‖ (and the LSTM cell path) against t. */
export interface RecurrentView {
  t: number[];
  rnn: number[];
  lstm: number[];
  cell: number[];
  /** log10 f^(T−t): the cell path alone, without the detours through h. */
  pure: number[];
  yDomain: [number, number];
  /** Norms at t = 0 relative to t = T (√H): how much survives the whole sequence. */
  rnnAt0: number;
  lstmAt0: number;
  cellAt0: number;
  summary: string;
}

/** Gradient through time for a vanilla tanh RNN and an LSTM with forget gate f, T = {@link RNN_STEPS}. */
export function recurrentView(state: Pick<VgState, 'seed' | 'forget' | 'rnn'>): RecurrentView {
  const common = { seed: state.seed, steps: RNN_STEPS, hiddenSize: RNN_HIDDEN };
  const r = rnnGradientNorms({ ...common, recurrentScale: state.rnn });
  const l = lstmGradientNorms({ ...common, recurrentScale: state.rnn, forgetGate: state.forget });
  const rel = (xs: number[]) => xs.map((v) => v / Math.sqrt(RNN_HIDDEN));
  const rnn = rel(r.norms);
  const lstm = rel(l.norms);
  const cell = rel(l.cellNorms);
  const logs = [rnn, lstm, cell].map((s) => s.map(log10OrNaN));
  // Floor at 10⁻¹² so a zero forget gate (cell path cut at once) does not stretch the axis to 10⁻³⁰⁰.
  const [lo, hi] = logDomain(...logs);
  const yDomain: [number, number] = [Math.max(lo, -12), Math.max(hi, 1)];
  const rnnAt0 = rnn[0] ?? NaN;
  const lstmAt0 = lstm[0] ?? NaN;
  const cellAt0 = cell[0] ?? NaN;
  // Only the additive path c_{t-1} → c_t: Π diag(f) = f^(T−t), as a reference line.
  const pure = r.t.map((t) => log10OrNaN(state.forget ** (RNN_STEPS - t)));
  const summary = `回传 ${RNN_STEPS} 个时间步后，普通 RNN 的梯度剩 ${formatSci(rnnAt0)} 倍，遗忘门 f = ${state.forget} 的 LSTM 沿细胞状态剩 ${formatSci(cellAt0)} 倍。`;
  return { t: r.t, rnn: logs[0]!, lstm: logs[1]!, cell: logs[2]!, pure, yDomain, rnnAt0, lstmAt0, cellAt0, summary };
}
