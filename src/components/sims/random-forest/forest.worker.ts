/**
 * Trains the figure's forest off the main thread: posts `{ type: 'progress', id, done, total }` every few
 * trees and `{ type: 'result', id, result, packed }` at the end (result without its trees, which come flat in
 * `packed`; prefix-sum grids and typed arrays transferred, not copied), or
 * `{ type: 'error', id, message }` for unusable data. A new request simply replaces the old one: the
 * island terminates a busy worker and starts a fresh one.
 */
import { flatTreeImportances, packTrees, packedBuffers, trainSteps, type TrainParams } from './viewModel';

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
        // Trees go as flat typed arrays (structured-cloning ~20k nested nodes cost the main thread ~20 ms),
        // with each tree's importances precomputed here rather than on the main thread.
        const { trees, ...rest } = r.value;
        const treeImp = flatTreeImportances(r.value);
        const packed = packTrees(trees, r.value.nClasses);
        self.postMessage(
          { type: 'result', id, result: { ...rest, treeImp }, packed },
          { transfer: [...rest.prefix.map((g) => g.buffer), treeImp.buffer, ...packedBuffers(packed)] },
        );
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
