/// <reference lib="webworker" />
/**
 * Resampling studies of the overfitting figure, off the main thread: the learning curve (error against n)
 * and the bias²/variance split for every degree. Posts progress; a newer job (higher id) cancels older ones.
 */
import { learningCurve } from '../../../lib/regression/learningCurve';
import { biasVariancePartial, biasVarianceResult, combineBiasVariance, emptyBiasVariance, type BiasVarianceSetup } from '../../../lib/regression/biasVariance';
import { createRng, mixSeed } from '../../../lib/random';
import type { WorkerRequest, WorkerResponse, BvPoint } from './workerTypes';

let current = 0;
const post = (m: WorkerResponse) => (self as unknown as Worker).postMessage(m);
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const job = event.data;
  current = job.id;
  try {
    if (job.type === 'lc') {
      post({ type: 'progress', id: job.id, done: 0, total: 1 });
      const points = learningCurve({ sizes: job.sizes, degree: job.degree, l2: job.l2, fn: job.fn, noise: job.noise, repeats: job.repeats }, createRng(mixSeed(job.seed, 4)));
      if (current === job.id) post({ type: 'lc', id: job.id, points });
      return;
    }
    const chunk = 25;
    const total = (job.maxDegree + 1) * job.repeats;
    const out: BvPoint[] = [];
    let done = 0;
    for (let degree = 0; degree <= job.maxDegree; degree++) {
      const setup: BiasVarianceSetup = { n: job.n, degree, evalX: job.evalX, seed: mixSeed(job.seed, 5), l2: job.l2, fn: job.fn, noise: job.noise, xDistribution: 'grid' };
      let acc = emptyBiasVariance(job.evalX.length);
      for (let r = 0; r < job.repeats; r += chunk) {
        acc = combineBiasVariance(acc, biasVariancePartial(setup, r, Math.min(job.repeats, r + chunk)));
        done += Math.min(chunk, job.repeats - r);
        post({ type: 'progress', id: job.id, done, total });
        await tick();
        if (current !== job.id) return;
      }
      const res = biasVarianceResult(setup, acc);
      out.push({ degree, bias2: res.bias2, variance: res.variance, noise: res.noise, total: res.total, validationMse: res.validationMse, repeats: res.repeats });
    }
    post({ type: 'bv', id: job.id, points: out });
  } catch (err) {
    post({ type: 'error', id: job.id, message: err instanceof Error ? err.message : String(err) });
  }
};
