/**
 * Trains the figure's forest off the main thread: posts `{ type: 'progress', id, done, total }` every few
 * trees and `{ type: 'result', id, result }` at the end (prefix-sum grids transferred, not copied), or
 * `{ type: 'error', id, message }` for unusable data. A new request simply replaces the old one: the
 * island terminates a busy worker and starts a fresh one.
 */
import { trainSteps, type TrainParams } from './viewModel';

interface Request {
  id: number;
  params: TrainParams;
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, params } = event.data;
  try {
    const steps = trainSteps(params);
    let last = 0;
    for (;;) {
      const r = steps.next();
      if (r.done === true) {
        const result = r.value;
        self.postMessage({ type: 'result', id, result }, { transfer: result.prefix.map((g) => g.buffer) });
        return;
      }
      if (r.value - last >= 5 || r.value === params.nTrees) {
        last = r.value;
        self.postMessage({ type: 'progress', id, done: r.value, total: params.nTrees });
      }
    }
  } catch (e) {
    self.postMessage({ type: 'error', id, message: e instanceof RangeError ? e.message : '训练失败。' });
  }
};
