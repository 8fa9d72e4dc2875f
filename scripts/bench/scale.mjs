/**
 * Scale benchmark: generate N synthetic notes (Chinese text, headings, formulas, code) into a temporary
 * content folder, build them, and record build time, search-index size and what a first query transfers.
 *
 *   node scripts/bench/scale.mjs [N ...]      (default: 10 100 1000)
 *
 * Text: each synthetic note is 5 sections of 3 paragraphs of 4 sentences drawn at random from the six
 * real notes' prose (so word frequencies and Chinese segmentation are those of real notes on these
 * topics), plus a display formula, an inline formula and a code block per section.
 *
 * A first query is what the search box does in a fresh browser: load pagefind.js (no worker, as the
 * site configures it), search, and load the data of the top 5 results (the search box's first page). Bytes are the encoded bodies plus
 * headers as Chromium received them. Three real terms are measured, plus, for information only, 的
 * (the most common word: its postings cover every page).
 *
 * Prints a table. Fails (exit 1) when a first query for one of the real terms transfers more than
 * 150 KB at N ≥ 1,000, or when build time grows clearly faster than linear (time per note at the
 * largest N > 2 × at the middle N).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const NS = sizes.length ? sizes : [10, 100, 1000];
// A Zipf-distributed vocabulary of ~3,000 two- and three-character words (plus the site's real terms), so
// posting lists look like real Chinese text rather than thirty words repeated on every page.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * The site's own prose, cut into sentences: the synthetic notes recombine them, so word frequencies,
 * word lengths and how Pagefind's segmenter splits the text are those of real notes on these topics
 * (and a 1,000-note site drawn from six notes' 1,500 distinct words is, if anything, more repetitive,
 * with longer posting lists, than a real one).
 */
function siteSentences() {
  const dir = fileURLToPath(new URL('../../src/content/notes/', import.meta.url));
  const out = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.mdx'))) {
    const text = readFileSync(join(dir, f), 'utf8')
      .replace(/^---[\s\S]*?---/, '')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/\$\$[\s\S]*?\$\$/g, '')
      .replace(/\$[^$\n]*\$/g, '')
      .replace(/<[^>]*>/g, '')
      .replace(/^(import|export) .*$/gm, '');
    for (const raw of text.split(/(?<=[。！？；])|\n+/)) {
      const t = raw.replace(/^[#>*\s-]+/, '').trim();
      // Plain sentences only: nothing MDX could read as markup or an expression.
      if (/[{}<>$`[\]*_#|&\\]/.test(t)) continue;
      if ((t.match(/\p{Script=Han}/gu) ?? []).length >= 8) out.push(t);
    }
  }
  return out;
}
const SENTENCES = siteSentences();
/** Real terms whose first query is checked (each occurs in the six notes), and the worst case. */
const QUERIES = ['过拟合', '随机森林', '反向传播'];
/** Information only: the most common word of the notes (the search for it touches every page). */
const WORST = '的';
for (const q of QUERIES) {
  if (!SENTENCES.some((t) => t.includes(q))) throw new Error(`query term ${q} does not occur in the notes' sentences`);
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

function note(i, r) {
  const sections = Array.from({ length: 5 }, (_, k) => {
    const paras = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => pick(r, SENTENCES)).join('')).join('\n\n');
    return `## 第 ${k + 1} 节：${pick(r, SENTENCES).slice(0, 12)} {#s${k + 1}}\n\n${paras}\n\n$$\nL(w) = \\frac{1}{n}\\sum_{i=1}^{n} (y_i - w^\\top x_i)^2 + \\lambda \\lVert w \\rVert_${(k % 2) + 1}\n$$\n\n行内公式 $\\sigma'(x) \\le 0.25$。\n\n\`\`\`ts\nexport function f${k}(x: number): number {\n  return x * ${k + 1};\n}\n\`\`\`\n`;
  });
  return `---\ntitle: 合成笔记 ${i}\nquestion: 第 ${i} 个合成问题是什么？\norder: ${i + 1}\nsummary: 用于规模测试的合成笔记，第 ${i} 篇，包含标题、公式与代码。\ntags: [合成, 测试]\nupdated: 2026-11-27\naliases: []\n---\n\n${sections.join('\n')}\n`;
}
function dirSize(dir) {
  return readdirSync(dir).reduce((s, name) => {
    const p = join(dir, name);
    const st = statSync(p);
    return s + (st.isDirectory() ? dirSize(p) : st.size);
  }, 0);
}

const rows = [];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (const n of NS) {
  const root = mkdtempSync(join(tmpdir(), `scale-${n}-`));
  const notes = join(root, 'notes');
  const out = join(root, 'dist');
  mkdirSync(notes);
  const r = rng(n);
  for (let i = 0; i < n; i++) writeFileSync(join(notes, `synthetic-${String(i).padStart(4, '0')}.mdx`), note(i, r));
  const env = { ...process.env, NODE_OPTIONS: '--max-old-space-size=12288', NOTES_DIR: notes, OUT_DIR: out, BASE_PATH: '', ASTRO_CACHE_DIR: join(root, 'cache') };
  const t0 = performance.now();
  const build = spawnSync('npm', ['run', 'build'], { env, encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (build.status !== 0) {
    console.error(build.stdout.slice(-3000), build.stderr.slice(-3000));
    throw new Error(`build failed at N = ${n}`);
  }
  const indexBytes = dirSize(join(out, 'pagefind'));
  const server = await serve({ dir: out });
  const transfers = {};
  let hits = 0;
  for (const q of [...QUERIES, WORST]) {
    // A fresh context per query: nothing cached, as for a reader's first search.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    const pending = [];
    const parts = {};
    page.on('requestfinished', (req) => {
      if (!req.url().includes('/pagefind/')) return;
      const kind = new URL(req.url()).pathname.split('/pagefind/')[1].replace(/_[0-9a-f]+\.pf_/, '.pf_').replace(/\/.*\./, '/*.');
      pending.push(
        req.sizes().then((sz) => {
          if (sz.responseBodySize <= 0) throw new Error(`no body size reported for ${req.url()}`);
          parts[kind] = (parts[kind] ?? 0) + sz.responseBodySize + sz.responseHeadersSize;
        }),
      );
    });
    const found = await page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.options({ baseUrl: '/', noWorker: true });
      await pf.init();
      const r = await pf.search(${JSON.stringify(q)});
      await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
      return r.results.length;
    })()`);
    await page.waitForTimeout(300);
    await Promise.all(pending);
    await context.close();
    transfers[q] = Object.values(parts).reduce((t, v) => t + v, 0) / 1024;
    if (q === QUERIES[0]) hits = found;
    console.log(`  ${q}: ${transfers[q].toFixed(0)} KB, ${found} hits (${Object.entries(parts).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)}`).join(', ')})`);
  }
  await server.close();
  rows.push({ n, seconds, perNote: (seconds * 1000) / n, indexMB: indexBytes / 1048576, transfers, hits });
  rmSync(root, { recursive: true, force: true });
  console.log(`N = ${n}: build ${seconds.toFixed(1)} s, index ${(indexBytes / 1048576).toFixed(2)} MB`);
}
await browser.close();

console.log('\nScale benchmark (synthetic notes from the notes\' own sentences; build = astro build + Pagefind + CSP); first query in KB');
const heads = [...QUERIES, `${WORST} (info)`];
console.log('N'.padStart(6), 'build s'.padStart(9), 'ms/note'.padStart(9), 'index MB'.padStart(10), ...heads.map((h) => h.padStart(14)), 'hits'.padStart(6));
for (const r of rows) {
  console.log(String(r.n).padStart(6), r.seconds.toFixed(1).padStart(9), r.perNote.toFixed(0).padStart(9), r.indexMB.toFixed(2).padStart(10), ...[...QUERIES, WORST].map((q) => r.transfers[q].toFixed(0).padStart(14)), String(r.hits).padStart(6));
}
console.log(`(the last column is information only: 的, the most common word, is on every page)`);
const last = rows[rows.length - 1];
const mid = rows[rows.length - 2];
let ok = true;
for (const q of QUERIES) {
  if (last.n >= 1000 && last.transfers[q] > 150) {
    console.error(`first query for ${q} at N = ${last.n} transfers ${last.transfers[q].toFixed(0)} KB > 150 KB`);
    ok = false;
  }
}
if (mid && last.perNote > 2 * mid.perNote) {
  console.error(`build time grows faster than linear: ${last.perNote.toFixed(0)} ms/note at N = ${last.n} vs ${mid.perNote.toFixed(0)} at N = ${mid.n}`);
  ok = false;
}
process.exit(ok ? 0 : 1);
