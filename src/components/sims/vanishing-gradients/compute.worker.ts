/**
 * Off-main-thread work of the vanishing-gradients figure, in one module worker:
 * - `grad`: per-layer gradient norms at initialisation, by the WebAssembly SIMD probe (50 × 128 on a
 *   batch of 64 in about one frame; see scripts/bench/vanishing-gradients.ts), or by the f64
 *   JavaScript path where WebAssembly SIMD is missing (~100 ms);
 * - `rnn`: the RNN/LSTM gradient-through-time curves;
 * - `train`: SGD for TRAIN_STEPS steps in chunks of ≈ 20 ms (sized from measured step times, so `grad`
 *   and `rnn` requests are answered between chunks without a long wait); progress is posted at most
 *   every {@link PROGRESS_MS} ms so the page re-renders the heatmap a few times a second, not per chunk;
 *   a newer `train` or a `stop` message cancels the run between chunks;
 * - `warmup`: loads the WebAssembly kernels and runs them a few times on a mid-sized network, so the
 *   engine's optimising tier has compiled them before the reader's first large setting;
 * - `calibrate`: times the JavaScript path once, so the page knows which networks it can afford to
 *   compute on the main thread (the main thread has no WebAssembly probe).
 */
import { initNet } from '../../../lib/nn/mlp';
import { loadFastProbe } from './kernels';
import { createTrainState, trainSteps, type TrainRecord, type TrainState } from '../../../lib/nn/train';
import { ACT_VALUES, DEFAULT_STATE, TRAIN_STEPS, type VgState } from './state';
import {
  CLIP_NORM,
  computeGradients,
  estimateCostMs,
  LEARNING_RATE,
  recurrentView,
  netOptions,
  TRAIN_BATCH,
  trainingTask,
} from './viewModel';

export type WorkerRequest =
  | { type: 'grad'; id: number; state: VgState }
  | { type: 'rnn'; id: number; state: VgState }
  | { type: 'train'; id: number; state: VgState }
  | { type: 'calibrate' }
  | { type: 'warmup' }
  | { type: 'stop' };

/** Minimum interval between two progress messages of a training run (the last one is always sent). */
export const PROGRESS_MS = 120;
/** Runs of the warm-up (each ≈ 1–2 ms at 20 × 64). */
const WARMUP_RUNS = 12;
/** Target duration of one training chunk. */
const CHUNK_MS = 20;

let trainJob = 0;

const post = (msg: unknown) => (self as unknown as Worker).postMessage(msg);

async function train(id: number, state: VgState): Promise<void> {
  const job = ++trainJob;
  const net = initNet(netOptions(state));
  const task = trainingTask(state.width);
  let run: TrainState = createTrainState(net, state.seed);
  // First chunk from the cost estimate, then resized from the measured time per step (at least 2 steps:
  // each trainSteps call converts the net to flat arrays and back).
  let chunk = Math.max(2, Math.min(25, Math.floor(CHUNK_MS / Math.max(0.01, estimateCostMs(state, TRAIN_BATCH) * 1.6))));
  let pending: TrainRecord[] = [];
  let lastPost = -Infinity;
  while (run.step < TRAIN_STEPS) {
    const k = Math.min(chunk, TRAIN_STEPS - run.step);
    const t0 = performance.now();
    const out = trainSteps(run, task, k, { learningRate: LEARNING_RATE, batchSize: TRAIN_BATCH, clipNorm: CLIP_NORM });
    const now = performance.now();
    const perStep = (now - t0) / k;
    chunk = Math.max(2, Math.min(25, Math.floor(CHUNK_MS / Math.max(0.01, perStep))));
    run = out.state;
    pending = pending.concat(out.records);
    if (run.step >= TRAIN_STEPS || now - lastPost >= PROGRESS_MS) {
      post({ type: 'progress', id, done: run.step, total: TRAIN_STEPS, records: pending });
      pending = [];
      lastPost = now;
    }
    await new Promise((r) => setTimeout(r, 0));
    if (job !== trainJob) return;
  }
}

/** The WebAssembly probe, loaded on the first `grad` request (the training instance never needs it). */
let kernels: ReturnType<typeof loadFastProbe> | null = null;

function timedGradients(state: VgState, fast: Awaited<ReturnType<typeof loadFastProbe>>['probe'] = null) {
  const t0 = performance.now();
  const result = computeGradients(state, fast);
  return { result, ms: performance.now() - t0 };
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  try {
    if (msg.type === 'grad') {
      const { probe, kind } = await (kernels ??= loadFastProbe());
      post({ type: 'grad', id: msg.id, engine: kind, ...timedGradients(msg.state, probe) });
    } else if (msg.type === 'warmup') {
      const { probe } = await (kernels ??= loadFastProbe());
      if (probe) for (let i = 0; i < WARMUP_RUNS; i++) computeGradients({ ...DEFAULT_STATE, depth: 20, width: 64, act: ACT_VALUES[i % ACT_VALUES.length]! }, probe);
    } else if (msg.type === 'calibrate') {
      // The median of three runs of the default network (a different seed each time, as a slider change would).
      const times = [1, 2, 3].map((i) => timedGradients({ ...DEFAULT_STATE, seed: DEFAULT_STATE.seed + i }).ms).sort((a, b) => a - b);
      post({ type: 'calibrate', state: DEFAULT_STATE, ms: times[1] });
    } else if (msg.type === 'rnn') post({ type: 'rnn', id: msg.id, result: recurrentView(msg.state) });
    else if (msg.type === 'train') void train(msg.id, msg.state);
    else if (msg.type === 'stop') trainJob++;
  } catch (e) {
    post({ type: 'error', id: 'id' in msg ? msg.id : -1, kind: msg.type, message: e instanceof Error ? e.message : String(e) });
  }
};
