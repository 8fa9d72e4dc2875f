import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface DataTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

interface SimFrameProps {
  /** Figure id: the URL parameter, and `fig-<id>` is the element id prose links scroll to. */
  fig: string;
  title: string;
  /** The figure caption (indexed by search). */
  caption: ComponentChildren;
  /** One sentence for the aria-live region, e.g. "RANSAC 找到 42 个局内点，斜率 1.98". */
  summary: string;
  /** A clear message for degenerate input; shown instead of the result sentence. */
  error?: string | null;
  controls: ComponentChildren;
  children: ComponentChildren;
  table?: DataTable;
  shareLink: () => string;
  onNewSample?: () => void;
  onReset?: () => void;
  /** Extra buttons (play/step…) rendered in the action bar. */
  actions?: ComponentChildren;
}

/** The frame every simulation shares: title, plot, controls, actions, live summary, data table, caption. */
export function SimFrame(props: SimFrameProps) {
  const { fig, title, caption, summary, error, controls, children, table, shareLink, onNewSample, onReset, actions } = props;
  const [copied, setCopied] = useState<'idle' | 'ok' | 'fail'>('idle');
  const copy = async () => {
    const url = shareLink();
    try {
      await navigator.clipboard.writeText(url);
      setCopied('ok');
    } catch {
      setCopied('fail');
    }
    window.setTimeout(() => setCopied('idle'), 2000);
  };
  return (
    <figure class="sim" id={`fig-${fig}`} tabIndex={-1} aria-labelledby={`fig-${fig}-title`}>
      <div class="sim-head">
        <p class="sim-title" id={`fig-${fig}-title`}>{title}</p>
      </div>
      <div class="sim-body">
        <div class="sim-plots">{children}</div>
        <div class="sim-controls" role="group" aria-label={`${title}：控制`}>{controls}</div>
      </div>
      <div class="sim-actions" data-pagefind-ignore>
        {actions}
        {onNewSample && (
          <button type="button" class="btn" onClick={onNewSample}>新样本</button>
        )}
        {onReset && (
          <button type="button" class="btn" onClick={onReset}>重置</button>
        )}
        <button type="button" class="btn btn-primary" onClick={copy}>
          {copied === 'ok' ? '已复制链接' : copied === 'fail' ? '复制失败' : '复制此状态的链接'}
        </button>
      </div>
      <p class={error ? 'sim-summary sim-error' : 'sim-summary'} role="status" aria-live="polite" aria-atomic="true">
        {error ?? summary}
      </p>
      {table && (
        <details class="sim-table" data-pagefind-ignore>
          <summary>数据表</summary>
          <div class="sim-table-scroll">
            <table>
              <caption>{table.caption}</caption>
              <thead>
                <tr>{table.columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>{row.map((cell, j) => <td key={j}>{cell}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      <figcaption class="sim-caption">{caption}</figcaption>
    </figure>
  );
}
