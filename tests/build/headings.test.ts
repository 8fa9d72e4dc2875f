import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIST, ids, read } from './dist';

/** Ids readers have linked to. Add new ones with UPDATE_IDS=1; an id that disappears fails the build. */
const SHIPPED = 'tests/build/shipped-ids.json';
const SLUGS = ['vanishing-gradients', 'overfitting', 'regularization', 'random-forest', 'discriminative-vs-generative', 'ransac'];

function headingIds(html: string) {
  return Array.from(html.matchAll(/<h([234]) id="([^"]+)"/g), (m) => m[2]!);
}
function aliasIds(html: string) {
  return Array.from(html.matchAll(/<span id="([^"]+)" class="heading-alias"/g), (m) => decodeURIComponent(m[1]!));
}

describe('section ids', () => {
  const pages = Object.fromEntries(SLUGS.map((s) => [s, read(`${DIST}/notes/${s}/index.html`)]));

  it('every h2–h4 has a short ASCII id, unique on its page', () => {
    for (const [slug, html] of Object.entries(pages)) {
      const list = headingIds(html);
      expect(list.length, slug).toBeGreaterThan(2);
      for (const id of list) expect(id, `${slug}#${id}`).toMatch(/^[a-z][a-z0-9-]{0,40}$/);
      expect(new Set(list).size, `${slug} has duplicate ids`).toBe(list.length);
    }
  });

  it('no shipped id has disappeared', () => {
    const current: Record<string, string[]> = Object.fromEntries(
      Object.entries(pages).map(([slug, html]) => [slug, [...headingIds(html), ...aliasIds(html)].sort()]),
    );
    if (process.env['UPDATE_IDS'] === '1') {
      const old = JSON.parse(readFileSync(SHIPPED, 'utf8')) as Record<string, string[]>;
      const merged = Object.fromEntries(SLUGS.map((s) => [s, [...new Set([...(old[s] ?? []), ...current[s]!])].sort()]));
      writeFileSync(SHIPPED, `${JSON.stringify(merged, null, 2)}\n`);
    }
    const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as Record<string, string[]>;
    for (const slug of SLUGS) {
      const have = ids(pages[slug]!);
      const missing = (shipped[slug] ?? []).filter((id) => !have.has(id));
      expect(missing, `ids that disappeared from notes/${slug}/ (links in discussions would break)`).toEqual([]);
    }
  });

  it("the original notes' own TOC links land on the right page (GitHub-style ids kept as aliases)", () => {
    const seedToc: [string, string][] = [
      ['vanishing-gradients', '深度学习训练中梯度消失的原因有哪些有哪些解决方法'],
      ['vanishing-gradients', '原因'],
      ['vanishing-gradients', '解决方法'],
      ['overfitting', '怎么理解过拟合以及怎么解决过拟合问题的'],
      ['regularization', 'l1l2正则化'],
      ['random-forest', '随机森林'],
      ['discriminative-vs-generative', '判别式模型和生成式模型'],
      ['ransac', 'ransac'],
    ];
    for (const [slug, id] of seedToc) expect(ids(pages[slug]!).has(id), `notes/${slug}/#${id}`).toBe(true);
  });

  it('each heading alias sits right beside the heading it stands for', () => {
    for (const html of Object.values(pages)) {
      for (const m of html.matchAll(/<div class="heading heading-h[234]"><span id="[^"]+" class="heading-alias" aria-hidden="true"><\/span><h[234] id="[^"]+">/g)) {
        expect(m[0]).toBeTruthy();
      }
      const aliases = html.match(/class="heading-alias"/g)?.length ?? 0;
      const besideHeadings = html.match(/<div class="heading heading-h[234]"><span id="[^"]+" class="heading-alias"/g)?.length ?? 0;
      const pageAliases = html.match(/<article[^>]*>\s*(<span id="[^"]+" class="heading-alias" aria-hidden="true"><\/span>\s*)*/)?.[0].match(/heading-alias/g)?.length ?? 0;
      expect(besideHeadings + pageAliases).toBe(aliases);
    }
  });

  it('headings hold only their text: no copy-link label inside a heading or in the TOC', () => {
    for (const html of Object.values(pages)) {
      for (const m of html.matchAll(/<h[234] id="[^"]+">(.*?)<\/h[234]>/g)) expect(m[1]).not.toContain('复制');
      const toc = html.match(/<nav class="toc"[\s\S]*?<\/nav>/)?.[0] ?? '';
      expect(toc).not.toContain('复制');
      expect(toc).not.toContain('katex');
    }
  });
});
