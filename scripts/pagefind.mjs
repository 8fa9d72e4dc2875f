/**
 * Builds the Pagefind search index for dist/ through Pagefind's Node API.
 * Only the note body is indexed (data-pagefind-body); navigation, copy-link labels and KaTeX's two
 * renderings of each formula are excluded. Figure captions are indexed.
 */
import * as pagefind from 'pagefind';

const outDir = process.env.OUT_DIR ?? 'dist';
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
