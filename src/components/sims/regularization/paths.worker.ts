/**
 * Off-main-thread work of the regularisation figure: fetch the diabetes data, compute both paths
 * (posted first, so they draw at once), then the two CV curves, with progress messages in between.
 */
import { parseDiabetes } from '../../../lib/data/diabetes';
import { computeCvLasso, computeCvRidge, computePaths } from './paths';
import { logAlphaGrid } from './viewModel';

/** Messages the worker sends. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'paths'; logAlphas: number[]; lasso: number[][]; ridge: number[][] }
  | { type: 'cv'; which: 'lasso' | 'ridge'; meanMse: number[]; stdError: number[]; bestIndex: number; oneSeIndex: number }
  | { type: 'error'; message: string };

const post = (msg: WorkerMessage) => (self as unknown as Worker).postMessage(msg);

self.addEventListener('message', (event: MessageEvent<{ url?: unknown }>) => {
  const url = event.data?.url;
  if (typeof url !== 'string') return;
  void run(url);
});

async function run(url: string): Promise<void> {
  try {
    post({ type: 'progress', done: 0, total: 3, label: '加载数据' });
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const { X, y } = parseDiabetes(await res.json());
    const logAlphas = logAlphaGrid();
    const { lasso, ridge } = computePaths(X, y, logAlphas);
    post({ type: 'paths', logAlphas, lasso, ridge });
    post({ type: 'progress', done: 1, total: 3, label: 'Lasso 交叉验证' });
    post({ type: 'cv', which: 'lasso', ...computeCvLasso(X, y, logAlphas) });
    post({ type: 'progress', done: 2, total: 3, label: 'Ridge 交叉验证' });
    post({ type: 'cv', which: 'ridge', ...computeCvRidge(X, y, logAlphas) });
    post({ type: 'progress', done: 3, total: 3, label: '完成' });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
