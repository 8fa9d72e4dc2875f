import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE, decodeEntities, DIST, fileFor, htmlFiles, ids, read, sitePath } from './dist';

describe('built site', () => {
  const files = htmlFiles();

  it('has the pages, sitemap, robots.txt, favicon and search index', () => {
    for (const p of ['index.html', 'search/index.html', '404.html', 'sitemap-index.xml', 'robots.txt', 'favicon.ico', 'favicon.svg', 'pagefind/pagefind.js']) {
      expect(existsSync(`${DIST}/${p}`), p).toBe(true);
    }
    expect(read(`${DIST}/robots.txt`)).toMatch(new RegExp(`Sitemap: https?://[^\\s]+${BASE}sitemap-index\\.xml`));
  });

  it('every page has lang, a title, description, canonical URL and Open Graph / Twitter meta', () => {
    for (const f of files) {
      const html = read(f);
      expect(html, f).toContain('<html lang="zh-CN"');
      for (const re of [/<title>[^<]+<\/title>/, /<meta name="description" content="[^"]+"/, /<link rel="canonical" href="https?:\/\/[^"]+"/, /<meta property="og:title" content="[^"]+"/, /<meta property="og:description" content="[^"]+"/, /<meta property="og:url" content="https?:\/\/[^"]+"/, /<meta name="twitter:card"/]) {
        expect(re.test(html), `${f}: ${re}`).toBe(true);
      }
      if (!f.endsWith('404.html')) {
        const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)![1]!;
        expect(new URL(canonical).pathname, f).toBe(sitePath(f));
      }
    }
  });

  it('every internal link, asset and #fragment resolves (for this base)', () => {
    const broken: string[] = [];
    for (const f of files) {
      const html = read(f);
      const here = sitePath(f);
      for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const raw = decodeEntities(m[1]!);
        if (/^(https?:|mailto:|data:)/.test(raw) && !raw.startsWith('http://localhost') && !raw.startsWith('http://127.')) continue;
        if (/^https?:/.test(raw)) continue;
        const url = new URL(raw, `http://site${here}`);
        const target = url.pathname === here && raw.startsWith('#') ? f : fileFor(url.pathname);
        if (!target) {
          broken.push(`${here}: ${raw}`);
          continue;
        }
        const frag = decodeURIComponent(url.hash.slice(1));
        if (frag && target.endsWith('.html') && !ids(read(target)).has(frag)) broken.push(`${here}: ${raw} (no #${frag})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every root-relative URL carries the base path', () => {
    for (const f of files) {
      for (const m of read(f).matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)) expect(m[1]!.startsWith(BASE), `${f}: ${m[1]}`).toBe(true);
    }
  });
});
