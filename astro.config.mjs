// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { escapeHeadingIds, remarkHeadingIds } from './src/plugins/heading-ids.mjs';
import { rehypeHeadingAnchors } from './src/plugins/rehype-heading-anchors.mjs';
import { normalizeBase, normalizeSite } from './src/plugins/deploy-paths.mjs';

// Where the site is served: SITE_URL=https://example.org BASE_PATH=/ml-notes/ npm run build
const site = normalizeSite(process.env.SITE_URL);
const base = normalizeBase(process.env.BASE_PATH);

export default defineConfig({
  site,
  base,
  outDir: process.env.OUT_DIR ?? './dist',
  // Separate caches let two builds run side by side (e.g. a benchmark while developing).
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), preact(), sitemap()],
  markdown: {
    remarkPlugins: [remarkHeadingIds, remarkMath],
    // Ids first: rehype-katex would otherwise put KaTeX markup into heading ids and TOC entries.
    rehypePlugins: [[rehypeHeadingIds, { experimentalHeadingIdCompat: true }], rehypeKatex, rehypeHeadingAnchors],
    shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' } },
  },
  experimental: { headingIdCompat: true },
  vite: {
    plugins: [escapeHeadingIds()],
    worker: { format: 'es' },
    // No data: URIs (small KaTeX fonts would be inlined): the CSP allows fonts and images from 'self' only.
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
});
