/**
 * Success-rate study of the RANSAC figure, off the main thread: runs src/lib's ransacSuccessSteps in
 * chunks and posts cumulative counts after each chunk, so the chart fills in as the runs finish.
 * Messages in: { type: 'start', id, config }. Out: { type: 'progress', id, done, total, counts },
 * then { type: 'result', id, counts }, or { type: 'error', id, message }.
 */
import { ransacSuccessSteps, type SuccessStudyConfig } from '../../../lib/robust/ransacSuccessRate';

/** Runs per chunk: a chunk of 20 runs × 100 trials takes a few ms, so progress is smooth. */
const CHUNK = 20;

let current = 0;

self.onmessage = (event: MessageEvent<{ type: 'start'; id: number; config: SuccessStudyConfig }>) => {
  const { type, id, config } = event.data;
  if (type !== 'start') return;
  current = id;
  let steps: ReturnType<typeof ransacSuccessSteps>;
  try {
    steps = ransacSuccessSteps(config, CHUNK);
  } catch (e) {
    self.postMessage({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
    return;
  }
  const tick = () => {
    if (current !== id) return; // a newer study replaced this one
    try {
      const next = steps.next();
      if (next.done) {
        self.postMessage({ type: 'result', id, counts: next.value });
        return;
      }
      const { done, total, counts } = next.value;
      self.postMessage({ type: 'progress', id, done, total, counts });
      // yield between chunks so a newer 'start' message can pre-empt this study
      setTimeout(tick, 0);
    } catch (e) {
      self.postMessage({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
    }
  };
  tick();
};
