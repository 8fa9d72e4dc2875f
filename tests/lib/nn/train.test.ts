import { describe, expect, it } from 'vitest';
import { initNet } from '../../../src/lib/nn/mlp';
import { makeProbeTask } from '../../../src/lib/nn/gradientNorms';
import { createTrainState, trainSteps } from '../../../src/lib/nn/train';
import { expectClose } from '../../helpers/expectClose';

const task = makeProbeTask({ inputDim: 4, batchSize: 64, seed: 2 });
const net = () => initNet({ sizes: [4, 16, 16, 1], activation: 'tanh', init: 'xavier', seed: 3 });

describe('trainSteps', () => {
  it('is deterministic and resumable: 30 + 20 steps equal 50 steps', () => {
    const a = trainSteps(createTrainState(net(), 11), task, 50, { learningRate: 0.1, batchSize: 16 });
    const b1 = trainSteps(createTrainState(net(), 11), task, 30, { learningRate: 0.1, batchSize: 16 });
    const b2 = trainSteps(JSON.parse(JSON.stringify(b1.state)), task, 20, { learningRate: 0.1, batchSize: 16 });
    expect(a.state.step).toBe(50);
    expect(b2.records[0]!.step).toBe(30);
    expectClose(b2.state.net.layers, a.state.net.layers, { abs: 1e-15 });
    expectClose([...b1.records, ...b2.records], a.records, { abs: 1e-15 });
  });

  it('reduces the loss on the probe task and records one norm per layer', () => {
    const run = trainSteps(createTrainState(net(), 5), task, 300, { learningRate: 0.2, batchSize: 64 });
    expect(run.records).toHaveLength(300);
    expect(run.records[0]!.gradNorms).toHaveLength(3);
    expect(run.records[299]!.loss).toBeLessThan(0.5 * run.records[0]!.loss);
  });

  it('the first full-batch step changes W by −η·∂W (hand rule of SGD)', () => {
    const start = net();
    const run = trainSteps(createTrainState(start, 1), task, 1, { learningRate: 0.1, batchSize: 64 });
    const norm0 = run.records[0]!.gradNorms[0]!;
    let moved = 0;
    start.layers[0]!.W.forEach((row, i) => row.forEach((w, j) => (moved += (run.state.net.layers[0]!.W[i]![j]! - w) ** 2)));
    expectClose(Math.sqrt(moved), 0.1 * norm0, { rel: 1e-9 });
  });

  it('rejects bad arguments with RangeError', () => {
    const s = createTrainState(net(), 1);
    expect(() => trainSteps(s, task, -1)).toThrow(RangeError);
    expect(() => trainSteps(s, task, 1, { learningRate: 0 })).toThrow(RangeError);
    expect(() => trainSteps(s, task, 1, { batchSize: 0 })).toThrow(RangeError);
  });
});
