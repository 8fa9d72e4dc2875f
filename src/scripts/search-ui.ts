/**
 * Search UI over Pagefind's JS API. Loaded only when the reader opens search.
 * Results are built with DOM methods from text; Pagefind's excerpt HTML is reduced to text plus <mark>,
 * so nothing in an indexed page or a query can inject markup.
 */

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: PagefindSubResult[];
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(q: string, o?: unknown, ms?: number): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

const MAX_QUERY = 200;
/**
 * Results whose data (title, excerpt, sections) is fetched at a time: each costs one fragment file
 * (≈ 4 KB), so the first search loads 5, as Pagefind's own UI does, and 「显示更多结果」 loads the next 5.
 */
const PAGE_SIZE = 5;
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
let pagefind: Promise<PagefindApi> | undefined;

function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    // noWorker: Pagefind's own worker would cost another 12 KB (gzip) on the first search; with small
    // index chunks the decoding it moves off the main thread takes a few milliseconds.
    await api.options({ baseUrl: base, excerptLength: 24, noWorker: true });
    await api.init();
    return api;
  })();
  return pagefind;
}

/** Trims, collapses whitespace and caps the length of a query typed or taken from the URL. */
export function cleanQuery(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' };
function decode(text: string): string {
  return text.replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (m, e: string) => {
    if (e in entities) return entities[e]!;
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
    }
    return m;
  });
}

/** Excerpt HTML → a fragment of text nodes and <mark> elements; any other tag is dropped as text. */
export function excerptFragment(html: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  let marked = false;
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = document.createTextNode(decode(part.replace(/<[^>]*>/g, '')));
      if (marked) {
        const m = document.createElement('mark');
        m.append(text);
        frag.append(m);
      } else frag.append(text);
    }
  }
  return frag;
}

function safeHref(url: string): string {
  // Pagefind URLs are site-relative; anything else (javascript:, other origins) is refused.
  const u = new URL(url, location.origin);
  return u.origin === location.origin && u.pathname.startsWith(base) ? u.pathname + u.search + u.hash : base;
}

function bind(rootEl: HTMLElement, onNavigate?: () => void, syncUrl = false) {
  const input = rootEl.querySelector<HTMLInputElement>('[data-search-input]')!;
  const status = rootEl.querySelector<HTMLElement>('[data-search-status]')!;
  const list = rootEl.querySelector<HTMLUListElement>('[data-search-results]')!;
  let active = -1;
  let seq = 0;
  let results: { data(): Promise<PagefindData> }[] = [];
  let shown = 0;
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  more.hidden = true;
  list.after(more);

  const options = () => Array.from(list.querySelectorAll<HTMLAnchorElement>('a[role="option"]'));
  const setActive = (i: number) => {
    const opts = options();
    if (opts.length === 0) return;
    active = (i + opts.length) % opts.length;
    opts.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
    input.setAttribute('aria-activedescendant', opts[active]!.id);
    opts[active]!.scrollIntoView({ block: 'nearest' });
  };

  async function run(): Promise<void> {
    const q = cleanQuery(input.value);
    const mine = ++seq;
    if (syncUrl) {
      const url = new URL(location.href);
      if (q) url.searchParams.set('q', q);
      else url.searchParams.delete('q');
      history.replaceState(history.state, '', url);
    }
    if (!q) {
      list.replaceChildren();
      more.hidden = true;
      results = [];
      status.textContent = '';
      input.setAttribute('aria-expanded', 'false');
      return;
    }
    status.textContent = '正在搜索……';
    let api: PagefindApi;
    try {
      api = await loadPagefind();
    } catch {
      status.textContent = '搜索索引加载失败：请确认站点是用 npm run build 构建的（它会生成 pagefind/ 索引）。';
      return;
    }
    const found = await api.debouncedSearch(q, {}, 120);
    if (found === null || mine !== seq) return;
    results = found.results;
    shown = 0;
    await showMore(q, mine);
  }

  /** Fetches the next PAGE_SIZE results' data and appends them (replacing the list for a new query). */
  async function showMore(q: string, mine: number): Promise<void> {
    const next = results.slice(shown, shown + PAGE_SIZE);
    const data = await Promise.all(next.map((r) => r.data()));
    if (mine !== seq) return;
    const first = shown === 0;
    shown += next.length;
    render(data, q, results.length, first);
  }

  more.addEventListener('click', () => {
    if (more.disabled) return;
    const q = cleanQuery(input.value);
    const firstNew = options().length;
    more.disabled = true; // one page at a time: a double click must not append the same results twice
    // Back to the combobox: focus in the input, the first new result active (arrow keys go on from it).
    void showMore(q, seq)
      .then(() => {
        input.focus();
        setActive(firstNew);
      })
      .finally(() => {
        more.disabled = false;
      });
  });

  function render(data: PagefindData[], q: string, total: number, replace: boolean): void {
    const items: HTMLLIElement[] = [];
    let n = replace ? 0 : options().length;
    for (const page of data) {
      const li = document.createElement('li');
      li.className = 'search-result';
      const main = document.createElement('a');
      main.href = safeHref(page.url);
      main.id = `${list.id}-opt-${n++}`;
      main.setAttribute('role', 'option');
      main.className = 'search-result-page';
      const title = document.createElement('span');
      title.className = 'search-result-title';
      title.textContent = page.meta.title ?? page.url;
      const ex = document.createElement('span');
      ex.className = 'search-result-excerpt';
      ex.append(excerptFragment(page.excerpt));
      main.append(title, ex);
      li.append(main);
      const subs = page.sub_results.filter((s) => s.url.includes('#')).slice(0, 3);
      if (subs.length > 0) {
        const ul = document.createElement('ul');
        ul.className = 'search-subresults';
        for (const s of subs) {
          const sli = document.createElement('li');
          const a = document.createElement('a');
          a.href = safeHref(s.url);
          a.id = `${list.id}-opt-${n++}`;
          a.setAttribute('role', 'option');
          const st = document.createElement('span');
          st.className = 'search-result-title';
          st.textContent = `# ${s.title}`;
          const se = document.createElement('span');
          se.className = 'search-result-excerpt';
          se.append(excerptFragment(s.excerpt));
          a.append(st, se);
          sli.append(a);
          ul.append(sli);
        }
        li.append(ul);
      }
      items.push(li);
    }
    if (replace) {
      list.replaceChildren(...items);
      active = -1;
      input.removeAttribute('aria-activedescendant');
    } else {
      list.append(...items);
    }
    input.setAttribute('aria-expanded', String(list.childElementCount > 0));
    const rest = total - shown;
    more.hidden = rest <= 0;
    more.textContent = `显示更多结果（还有 ${rest} 篇）`;
    status.textContent = total === 0 ? `没有找到与「${q}」相关的内容。` : `找到 ${total} 篇相关笔记${rest > 0 ? `，显示前 ${shown} 篇` : ''}。`;
  }

  input.addEventListener('input', () => void run());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === 'Enter') {
      const opt = options()[active < 0 ? 0 : active];
      if (opt) {
        event.preventDefault();
        onNavigate?.();
        location.href = opt.href;
      }
    }
  });
  list.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) onNavigate?.();
  });
  return { input, run };
}

let dialogBound: ReturnType<typeof bind> | undefined;

/** Opens the search dialog (header button, Ctrl/⌘K, "/"). */
export function openDialog(dialog: HTMLDialogElement): void {
  const close = () => dialog.close();
  if (!dialogBound) {
    dialogBound = bind(dialog, close);
    dialog.querySelector('[data-search-close]')?.addEventListener('click', close);
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) close();
    });
  }
  if (!dialog.open) dialog.showModal();
  dialogBound.input.focus();
  dialogBound.input.select();
  void loadPagefind().catch(() => undefined);
}

/** The /search/ page: the query lives in ?q= so a search can be shared as a link. */
export function mountPage(el: HTMLElement): void {
  const bound = bind(el, undefined, true);
  el.querySelector('form')?.addEventListener('submit', (e) => e.preventDefault());
  bound.input.value = cleanQuery(new URLSearchParams(location.search).get('q') ?? '');
  bound.input.focus();
  if (bound.input.value) void bound.run();
}
