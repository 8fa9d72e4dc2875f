/**
 * Off-main-thread work of the vanishing-gradients figure, in one module worker:
 * - `grad`: per-layer gradient norms at initialisation (up to 50 × 128 on a batch of 64: ~100 ms);
 * - `rnn`: the RNN/LSTM gradient-through-time curves;
 * - `train`: SGD for TRAIN_STEPS steps, posted in chunks as progress; a newer `train` or a `stop`
 *   message cancels the run between chunks.
 */
import { initNet } from '../../../lib/nn/mlp';
import { createTrainState, trainSteps, type TrainState } from '../../../lib/nn/train';
import { TRAIN_STEPS, type VgState } from './state';
import {
  CLIP_NORM,
  computeGradients,
  estimateCostMs,
  LEARNING_RATE,
  recurrentView,
  sizesFor,
  TRAIN_BATCH,
  trainingTask,
} from './viewModel';

export type WorkerRequest =
  | { type: 'grad'; id: number; state: VgState }
  | { type: 'rnn'; id: number; state: VgState }
  | { type: 'train'; id: number; state: VgState }
  | { type: 'stop' };

let trainJob = 0;

const post = (msg: unknown) => (self as unknown as Worker).postMessage(msg);

async function train(id: number, state: VgState): Promise<void> {
  const job = ++trainJob;
  const net = initNet({
    sizes: sizesFor(state),
    activation: state.act,
    init: state.init,
    scale: state.scale,
    residual: state.res,
    batchNorm: state.bn,
    seed: state.seed,
  });
  const task = trainingTask(state.width);
  let run: TrainState = createTrainState(net, state.seed);
  // Chunks of ≈ 40 ms (at least 5 steps: each trainSteps call converts the net to flat arrays and back).
  const chunk = Math.max(5, Math.min(25, Math.floor(40 / Math.max(0.01, estimateCostMs(state, TRAIN_BATCH) * 1.6))));
  while (run.step < TRAIN_STEPS) {
    const k = Math.min(chunk, TRAIN_STEPS - run.step);
    const out = trainSteps(run, task, k, { learningRate: LEARNING_RATE, batchSize: TRAIN_BATCH, clipNorm: CLIP_NORM });
    run = out.state;
    post({ type: 'progress', id, done: run.step, total: TRAIN_STEPS, records: out.records });
    await new Promise((r) => setTimeout(r, 0));
    if (job !== trainJob) return;
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  try {
    if (msg.type === 'grad') post({ type: 'grad', id: msg.id, result: computeGradients(msg.state) });
    else if (msg.type === 'rnn') post({ type: 'rnn', id: msg.id, result: recurrentView(msg.state) });
    else if (msg.type === 'train') void train(msg.id, msg.state);
    else if (msg.type === 'stop') trainJob++;
  } catch (e) {
    post({ type: 'error', id: 'id' in msg ? msg.id : -1, kind: msg.type, message: e instanceof Error ? e.message : String(e) });
  }
};
