/**
 * Builds the Pagefind search index for dist/ through Pagefind's Node API.
 * Only the note body is indexed (data-pagefind-body); navigation, copy-link labels and KaTeX's two
 * renderings of each formula are excluded. Figure captions are indexed.
 */
import * as pagefind from 'pagefind';

const outDir = process.env.OUT_DIR ?? 'dist';
// Smaller index chunks. Pagefind closes a chunk after 20,000 entries (word positions plus one per page),
// about 30–40 KB gzipped, and a Chinese query needs one chunk per segment (过拟合 → 过 | 拟 | 合), so a
// first query loaded three such chunks, mostly unrelated neighbouring words. 5,000 entries cuts the
// first query from 186 to 127 KB on this site with identical results (3,000–8,000 measure alike; smaller
// makes pagefind-entry's chunk list grow). The pagefind binary (a child process) reads this variable from
// its environment; it is undocumented ("UNSTABLE", `default_index_chunk_size` in Pagefind's options.rs)
// in 1.6.0, so re-check it on a Pagefind upgrade: `node scripts/bench/scale.mjs 100` shows the effect.
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= '5000';
const started = performance.now();
const { index, errors } = await pagefind.createIndex({
  forceLanguage: 'zh-cn',
  excludeSelectors: ['.katex-html', '.katex-mathml', '.copy-link', '[data-pagefind-ignore]', '.sim-controls', '.sim-table'],
});
if (!index) throw new Error(`pagefind: could not create an index: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: outDir });
if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
if (added.page_count === 0) throw new Error(`pagefind: indexed 0 pages; is ${outDir}/ built?`);
const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`pagefind: indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
