import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The built site under test (DIST_DIR, default dist/) and the base path it was built for. */
export const DIST = process.env['DIST_DIR'] ?? 'dist';
export const BASE = process.env['E2E_BASE'] ?? '/';

export function htmlFiles(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(p);
    return p.endsWith('.html') ? [p] : [];
  });
}

/** Site path of a built HTML file, e.g. dist/notes/ransac/index.html → /ml-notes/notes/ransac/ */
export function sitePath(file: string): string {
  const rel = relative(DIST, file).replace(/\\/g, '/').replace(/index\.html$/, '');
  return BASE + rel;
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}

/** All element ids in an HTML string. */
export function ids(html: string): Set<string> {
  return new Set(Array.from(html.matchAll(/\sid="([^"]+)"/g), (m) => decodeEntities(m[1]!)));
}

export function decodeEntities(s: string): string {
  return s.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&#x([\da-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Resolves a site path to the file that serves it, or undefined. */
export function fileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const rel = decodeURIComponent(pathname.slice(BASE.length));
  const candidates = rel === '' || rel.endsWith('/') ? [join(DIST, rel, 'index.html')] : [join(DIST, rel), join(DIST, rel, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}
