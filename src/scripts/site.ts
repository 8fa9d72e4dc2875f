/**
 * Page chrome behaviour, loaded on every page (kept small: search code loads only when opened).
 * Theme toggle, copy-link buttons, TOC scroll-spy, search shortcuts, prose links that drive figures.
 */

const root = document.documentElement;

// Theme: the system setting is the default; a choice is remembered. The inline head script applies it before paint.
const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
if (toggle) {
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => (root.dataset['theme'] ? root.dataset['theme'] === 'dark' : systemDark.matches);
  const sync = () => {
    toggle.setAttribute('aria-pressed', String(isDark()));
    toggle.setAttribute('aria-label', isDark() ? '切换到浅色模式' : '切换到深色模式');
    toggle.title = toggle.getAttribute('aria-label') ?? '';
  };
  toggle.hidden = false;
  sync();
  systemDark.addEventListener('change', sync);
  toggle.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset['theme'] = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    sync();
    window.dispatchEvent(new CustomEvent('themechange', { detail: next }));
  });
}

// Copy-link buttons beside headings: copy the full URL with the heading's ASCII id.
const liveRegion = document.createElement('div');
liveRegion.className = 'visually-hidden';
liveRegion.setAttribute('role', 'status');
liveRegion.setAttribute('aria-live', 'polite');
document.body.append(liveRegion);

function announce(message: string): void {
  liveRegion.textContent = '';
  window.setTimeout(() => (liveRegion.textContent = message), 30);
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

document.addEventListener('click', async (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-copy-link]');
  if (!link) return;
  event.preventDefault();
  const url = new URL(link.getAttribute('href') ?? '', location.href);
  url.search = '';
  history.replaceState(history.state, '', url.hash);
  const ok = await copyText(url.href);
  link.classList.add('copied');
  const text = link.querySelector('.copy-link-text');
  if (text) text.textContent = ok ? '已复制' : '复制失败';
  announce(ok ? `已复制本节链接：${url.href}` : `无法访问剪贴板，链接是：${url.href}`);
  window.setTimeout(() => {
    link.classList.remove('copied');
    if (text) text.textContent = '复制链接';
  }, 2000);
});

// Briefly highlight the heading a link landed on (CSS :target does the styling; this re-triggers it).
function flashTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return;
  const target = document.getElementById(id);
  const wrap = target?.closest('.heading') ?? target;
  if (!wrap) return;
  wrap.classList.remove('flash');
  void (wrap as HTMLElement).offsetWidth;
  wrap.classList.add('flash');
}
window.addEventListener('hashchange', flashTarget);
flashTarget();

// TOC scroll-spy: mark the section being read.
const tocLinks = Array.from(document.querySelectorAll<HTMLAnchorElement>('[data-toc-link]'));
if (tocLinks.length > 0 && 'IntersectionObserver' in window) {
  const byId = new Map(tocLinks.map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
  const headings = Array.from(byId.keys())
    .map((id) => document.getElementById(id))
    .filter((h): h is HTMLElement => h !== null);
  const visible = new Set<Element>();
  const update = () => {
    const first = headings.find((h) => visible.has(h));
    let current = first;
    if (!current) {
      // Between headings: the last one above the viewport is the section being read.
      current = headings.filter((h) => h.getBoundingClientRect().top < 120).pop();
    }
    for (const a of tocLinks) a.removeAttribute('aria-current');
    if (current) byId.get(current.id)?.setAttribute('aria-current', 'location');
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) (e.isIntersecting ? visible.add(e.target) : visible.delete(e.target));
      update();
    },
    { rootMargin: '-70px 0px -55% 0px' },
  );
  headings.forEach((h) => observer.observe(h));
}

// Search: opens on Ctrl/⌘K or "/", or the header button; its code loads only then.
const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
let searchModule: Promise<typeof import('./search-ui')> | undefined;
const loadSearch = () => (searchModule ??= import('./search-ui'));

async function openSearch(): Promise<void> {
  if (!dialog) return;
  const ui = await loadSearch();
  ui.openDialog(dialog);
}

document.querySelectorAll<HTMLAnchorElement>('[data-search-open]').forEach((a) => {
  a.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || document.querySelector('[data-search-page]')) return;
    event.preventDefault();
    void openSearch();
  });
});
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if ((event.key === 'k' || event.key === 'K') && (event.metaKey || event.ctrlKey)) {
    event.preventDefault();
    void openSearch();
  } else if (event.key === '/' && !typing && !event.altKey && !event.metaKey && !event.ctrlKey) {
    event.preventDefault();
    void openSearch();
  }
});
if (/Mac|iPhone|iPad/.test(navigator.userAgent)) {
  document.querySelectorAll('.search-kbd').forEach((k) => (k.textContent = '⌘K'));
}
const searchPage = document.querySelector<HTMLElement>('[data-search-page]');
if (searchPage) void loadSearch().then((ui) => ui.mountPage(searchPage));

// Prose links that set a figure's state: update the URL, tell the figure, bring it into view.
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-fig-link]');
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  const fig = link.dataset['figLink'] ?? '';
  const target = document.getElementById(`fig-${fig}`);
  if (!target) return;
  event.preventDefault();
  const url = new URL(link.href);
  const current = new URL(location.href);
  current.searchParams.delete(fig);
  const state = url.searchParams.get(fig) ?? '';
  // Keep the state readable in the address bar (its characters are URL-safe by construction).
  const others = current.searchParams.toString();
  history.pushState(history.state, '', `${current.pathname}?${others ? `${others}&` : ''}${fig}=${state}#fig-${fig}`);
  window.dispatchEvent(new CustomEvent('figstate', { detail: { fig, state } }));
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
  target.focus({ preventScroll: true });
});
window.addEventListener('popstate', () => {
  const params = new URLSearchParams(location.search);
  document.querySelectorAll<HTMLElement>('[id^="fig-"]').forEach((el) => {
    const fig = el.id.slice(4);
    window.dispatchEvent(new CustomEvent('figstate', { detail: { fig, state: params.get(fig) ?? '' } }));
  });
});
