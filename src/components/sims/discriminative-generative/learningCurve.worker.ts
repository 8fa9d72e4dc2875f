/**
 * The learning-curve panel's work, off the main thread: one repeat (20 sizes × 3 models) per chunk,
 * each chunk posted as a partial sum so the figure can draw the curve as it fills in and show
 * progress. A newer `run` or a `stop` cancels the current run between chunks.
 */
import { learningCurveChunk, type LearningCurveConfig, type LearningCurvePartial } from '../../../lib/classify/learningCurve';

export type LcRequest = { type: 'run'; id: number; config: LearningCurveConfig } | { type: 'stop' };
export type LcResponse =
  | { type: 'progress'; id: number; done: number; total: number; partial: LearningCurvePartial }
  | { type: 'error'; id: number; message: string };

let job = 0;
const post = (msg: LcResponse) => (self as unknown as Worker).postMessage(msg);

async function run(id: number, config: LearningCurveConfig): Promise<void> {
  const mine = ++job;
  for (let r = 0; r < config.repeats; r++) {
    let partial: LearningCurvePartial;
    try {
      partial = learningCurveChunk(config, r, r + 1);
    } catch (e) {
      post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    post({ type: 'progress', id, done: r + 1, total: config.repeats, partial });
    // Yield so a newer request (or stop) can arrive between chunks.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (mine !== job) return;
  }
}

self.onmessage = (event: MessageEvent<LcRequest>) => {
  const msg = event.data;
  if (msg.type === 'run') void run(msg.id, msg.config);
  else job++;
};
