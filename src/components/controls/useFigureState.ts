import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { decodeState, defaults, encodeState, type Schema, type StateOf } from './urlState';

/**
 * A figure's state, mirrored in the URL (`?<fig>=v1,…`).
 *
 * The first render uses the defaults, matching the HTML pre-rendered at build time; the URL is read
 * after mount (Preact does not patch attributes that differ during hydration). Prose links
 * (<FigLink>) and back/forward navigation send a `figstate` event that replaces the state.
 */
export function useFigureState<S extends Schema>(fig: string, schema: S, version: number) {
  const [state, setFull] = useState<StateOf<S>>(() => defaults(schema));
  const mounted = useRef(false);
  const fromUrl = useRef(false);

  useEffect(() => {
    const apply = (raw: string | null) => {
      fromUrl.current = true;
      setFull(decodeState(schema, raw, version));
    };
    apply(new URLSearchParams(window.location.search).get(fig));
    mounted.current = true;
    const onState = (event: Event) => {
      const detail = (event as CustomEvent<{ fig?: unknown; state?: unknown }>).detail;
      if (detail && detail.fig === fig) apply(typeof detail.state === 'string' ? detail.state : null);
    };
    window.addEventListener('figstate', onState);
    return () => window.removeEventListener('figstate', onState);
  }, [fig, schema, version]);

  // Write the state back (replaceState: a slider drag must not flood the history).
  useEffect(() => {
    if (!mounted.current) return;
    if (fromUrl.current) {
      fromUrl.current = false;
      return;
    }
    const handle = window.setTimeout(() => {
      window.history.replaceState(window.history.state, '', shareUrl(fig, encodeState(schema, state, version), false));
    }, 150);
    return () => window.clearTimeout(handle);
  }, [state, fig, schema, version]);

  const set = useCallback((patch: Partial<StateOf<S>>) => setFull((s) => ({ ...s, ...patch })), []);
  const reset = useCallback(() => setFull(defaults(schema)), [schema]);
  const link = useCallback(() => shareUrl(fig, encodeState(schema, state, version), true), [fig, schema, state, version]);
  return { state, set, reset, link };
}

/** This page's URL with the figure's state (readable: commas and colons unescaped) and its anchor. */
export function shareUrl(fig: string, encoded: string, absolute: boolean): string {
  const url = new URL(window.location.href);
  url.searchParams.delete(fig);
  const others = url.searchParams.toString();
  const query = `?${others ? `${others}&` : ''}${fig}=${encoded}`;
  const hash = absolute ? `#fig-${fig}` : url.hash;
  return absolute ? `${url.origin}${url.pathname}${query}${hash}` : `${url.pathname}${query}${hash}`;
}
