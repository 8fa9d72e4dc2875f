/**
 * Scale benchmark: generate N synthetic notes (Chinese text, headings, formulas, code) into a temporary
 * content folder, build them, and record build time, search-index size and what a first query transfers.
 *
 *   node scripts/bench/scale.mjs [N ...]      (default: 10 100 1000)
 *
 * The first query is a single term (过拟合) whose top 5 results are loaded, as the search dialog does;
 * each further term costs about one more index chunk (≈ 40 KB).
 *
 * Prints a table. Fails (exit 1) when a first query at the largest N transfers more than 150 KB, or when
 * build time grows clearly faster than linearly (time per note at the largest N > 2 × at the middle N).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const NS = sizes.length ? sizes : [10, 100, 1000];
// A Zipf-distributed vocabulary of ~3,000 two- and three-character words (plus the site's real terms), so
// posting lists look like real Chinese text rather than thirty words repeated on every page.
const CHARS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
const SEP = ['，', '，', '；', '。'];
const REAL = ['梯度', '正则化', '过拟合', '随机森林', '决策树', '交叉验证', '损失函数', '激活函数', '反向传播', '批量规范化', '方差', '偏差', '局内点', '稀疏'];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
function vocabulary(size, r) {
  const words = new Set(REAL);
  while (words.size < size) {
    const len = r() < 0.7 ? 2 : 3;
    let w = '';
    for (let k = 0; k < len; k++) w += CHARS[Math.floor(r() * CHARS.length)];
    words.add(w);
  }
  return [...words];
}
const VOCAB = vocabulary(3000, rng(42));
/** Zipf(1) sampling by inverse CDF over ranks 1..V. */
const HARMONIC = VOCAB.reduce((h, _, i) => h + 1 / (i + 1), 0);
function word(r) {
  let u = r() * HARMONIC;
  for (let i = 0; i < VOCAB.length; i++) {
    u -= 1 / (i + 1);
    if (u <= 0) return VOCAB[i];
  }
  return VOCAB[VOCAB.length - 1];
}
function sentence(r) {
  const n = 6 + Math.floor(r() * 12);
  let out = '';
  for (let i = 0; i < n; i++) out += word(r) + (i === n - 1 ? '' : r() < 0.15 ? SEP[Math.floor(r() * 2)] : '');
  return `${out}。`;
}
function note(i, r) {
  const sections = Array.from({ length: 5 }, (_, k) => {
    const paras = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => sentence(r)).join('')).join('\n\n');
    return `## 第 ${k + 1} 节：${VOCAB[(i * 7 + k) % VOCAB.length]} {#s${k + 1}}\n\n${paras}\n\n$$\nL(w) = \\frac{1}{n}\\sum_{i=1}^{n} (y_i - w^\\top x_i)^2 + \\lambda \\lVert w \\rVert_${(k % 2) + 1}\n$$\n\n行内公式 $\\sigma'(x) \\le 0.25$。\n\n\`\`\`ts\nexport function f${k}(x: number): number {\n  return x * ${k + 1};\n}\n\`\`\`\n`;
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
  const page = await browser.newPage();
  await page.goto(server.url);
  let transfer = 0;
  const pending = [];
  const parts = {};
  page.on('requestfinished', (req) => {
    // Bytes on the wire: the encoded body plus headers, as the browser received them.
    if (!req.url().includes('/pagefind/')) return;
    const kind = new URL(req.url()).pathname.split('/pagefind/')[1].replace(/_[0-9a-f]+\.pf_/, '.pf_').replace(/\/.*\./, '/*.');
    pending.push(req.sizes().then((s) => {
      const bytes = s.responseBodySize + s.responseHeadersSize;
      transfer += bytes;
      parts[kind] = (parts[kind] ?? 0) + bytes;
    }));
  });
  const hits = await page.evaluate(`(async () => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.options({ baseUrl: '/' });
    await pf.init();
    const r = await pf.search('过拟合');
    await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
    return r.results.length;
  })()`);
  await page.waitForTimeout(300);
  await Promise.all(pending);
  await page.close();
  await server.close();
  console.log(`  first query by file kind (KB): ${Object.entries(parts).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)}`).join(', ')}`);
  rows.push({ n, seconds, perNote: (seconds * 1000) / n, indexMB: indexBytes / 1048576, transferKB: transfer / 1024, hits });
  rmSync(root, { recursive: true, force: true });
  console.log(`N = ${n}: build ${seconds.toFixed(1)} s, index ${(indexBytes / 1048576).toFixed(2)} MB, first query ${(transfer / 1024).toFixed(0)} KB (${hits} hits)`);
}
await browser.close();

console.log('\nScale benchmark (synthetic notes; build = astro build + Pagefind + CSP)');
console.log('N'.padStart(6), 'build s'.padStart(9), 'ms/note'.padStart(9), 'index MB'.padStart(10), 'first query KB'.padStart(15), 'hits'.padStart(6));
for (const r of rows) console.log(String(r.n).padStart(6), r.seconds.toFixed(1).padStart(9), r.perNote.toFixed(0).padStart(9), r.indexMB.toFixed(2).padStart(10), r.transferKB.toFixed(0).padStart(15), String(r.hits).padStart(6));
const last = rows[rows.length - 1];
const mid = rows[rows.length - 2];
let ok = true;
if (last.n >= 1000 && last.transferKB > 150) {
  console.error(`first query at N = ${last.n} transfers ${last.transferKB.toFixed(0)} KB > 150 KB`);
  ok = false;
}
if (mid && last.perNote > 2 * mid.perNote) {
  console.error(`build time grows faster than linear: ${last.perNote.toFixed(0)} ms/note at N = ${last.n} vs ${mid.perNote.toFixed(0)} at N = ${mid.n}`);
  ok = false;
}
process.exit(ok ? 0 : 1);
