/**
 * The figure's work, off the main thread. One script, started twice by the island (so the two jobs
 * never wait for each other, and the page loads the code once):
 *   - the learning curve: one repeat (20 sizes × 3 models) per chunk, each chunk posted as a partial
 *     sum so the figure can draw the curve as it fills in and show progress; a newer `run` or a
 *     `stop` cancels the current run between chunks;
 *   - the top panels' scene: data, both fits, test error and the probability and density surfaces
 *     as path strings (displayScene), so a slider change costs the page only a re-render. The island
 *     keeps at most one scene request in flight and sends only the newest state.
 */
import { learningCurveChunk, type LearningCurveConfig, type LearningCurvePartial } from '../../../lib/classify/learningCurve';
import { displayScene, type DisplayScene } from './drawing';
import type { DgState } from './state';
import { chineseError } from './viewModel';

export type LcRequest = { type: 'run'; id: number; config: LearningCurveConfig } | { type: 'stop' };
export type LcResponse =
  | { type: 'progress'; id: number; done: number; total: number; partial: LearningCurvePartial }
  | { type: 'error'; id: number; message: string };

export interface SceneRequest {
  type: 'scene';
  key: string;
  state: DgState;
  /** Plot area in pixels that the paths are drawn for. */
  width: number;
  height: number;
}
/** The request's key and state come back with its scene (or a Chinese error sentence). */
export type SceneResponse =
  | { type: 'scene'; key: string; state: DgState; scene: DisplayScene; error?: undefined }
  | { type: 'scene'; key: string; state: DgState; scene?: undefined; error: string };

let job = 0;
const post = (msg: LcResponse | SceneResponse) => (self as unknown as Worker).postMessage(msg);

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

function scene({ key, state, width, height }: SceneRequest): void {
  try {
    post({ type: 'scene', key, state, scene: displayScene(state, width, height) });
  } catch (e) {
    post({ type: 'scene', key, state, error: chineseError(e) });
  }
}

self.onmessage = (event: MessageEvent<LcRequest | SceneRequest>) => {
  const msg = event.data;
  if (msg.type === 'scene') scene(msg);
  else if (msg.type === 'run') void run(msg.id, msg.config);
  else job++;
};
