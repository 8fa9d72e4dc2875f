import { describe, expect, it } from 'vitest';
import { initNet } from '../../src/lib/nn/mlp';
import { backprop } from '../../src/lib/nn/mlp';
import { makeProbeTask } from '../../src/lib/nn/gradientNorms';
import { createTrainState, trainSteps } from '../../src/lib/nn/train';
import { expectClose } from '../helpers/expectClose';

/** trainSteps' clipNorm option (added for the training panel): g ← g·min(1, c/‖g‖). */
describe('trainSteps clipNorm', () => {
  const task = makeProbeTask({ inputDim: 3, batchSize: 8, seed: 4 });
  const net = () => initNet({ sizes: [3, 5, 1], activation: 'relu', init: 'normal', scale: 3, seed: 9 });

  it('scales the full-batch step to norm c when ‖g‖ > c, and records the unclipped norms', () => {
    const start = net();
    const g = backprop(start, task.X, task.Y);
    const gn = Math.sqrt([...g.gradW.flat(2), ...g.gradB.flat()].reduce((a, v) => a + v * v, 0));
    const c = gn / 4;
    const run = trainSteps(createTrainState(start, 1), task, 1, { learningRate: 0.1, batchSize: 8, clipNorm: c });
    const expected = start.layers.map((layer, l) => layer.W.map((row, i) => row.map((w, j) => w - 0.1 * (c / gn) * g.gradW[l]![i]![j]!)));
    expectClose(run.state.net.layers.map((x) => x.W), expected, { abs: 1e-12 });
    expectClose(run.records[0]!.loss, g.loss, { rel: 1e-12 });
  });

  it('changes nothing when ‖g‖ ≤ c, and rejects c ≤ 0', () => {
    const a = trainSteps(createTrainState(net(), 1), task, 5, { learningRate: 0.01, batchSize: 4 });
    const b = trainSteps(createTrainState(net(), 1), task, 5, { learningRate: 0.01, batchSize: 4, clipNorm: 1e12 });
    expectClose(b.state.net.layers, a.state.net.layers, { abs: 1e-15 });
    expect(() => trainSteps(createTrainState(net(), 1), task, 1, { clipNorm: 0 })).toThrow(RangeError);
  });
});
