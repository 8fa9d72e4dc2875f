/**
 * Explicit, stable heading ids for MDX: `## 原因 {#causes}`.
 *
 * MDX parses `{…}` as a JavaScript expression, so `{#causes}` would not compile. Two small steps make
 * the syntax work:
 * 1. `escapeHeadingIds` (a Vite `pre` transform) escapes a trailing `{#id}` on ATX heading lines to
 *    `\{#id\}`, so MDX reads it as text;
 * 2. `remarkHeadingIds` strips that text, sets the heading's `id`, and records the GitHub-style id of
 *    the remaining heading text (e.g. `原因`, `l1l2正则化`) in `data-alias`, so links written against the
 *    original notes keep resolving (see rehype-heading-anchors.mjs).
 */
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';

const HEADING_LINE = /^(#{1,6}[ \t].*?)[ \t]*\{#([A-Za-z][\w-]*)\}[ \t]*$/gm;
export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

/** Rewrites `{#id}` at the end of heading lines to an escaped, MDX-safe form. */
export function escapeHeadingIdsInSource(source) {
  return source.replace(HEADING_LINE, (_, head, id) => `${head} \\{#${id}\\}`);
}

/**
 * Vite plugin: runs the escape before @astrojs/mdx compiles the file.
 * @returns {import('vite').Plugin}
 */
export function escapeHeadingIds() {
  return {
    name: 'ml-notes:escape-heading-ids',
    enforce: 'pre',
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!id.split('?')[0].endsWith('.mdx')) return null;
      const out = escapeHeadingIdsInSource(code);
      return out === code ? null : { code: out, map: null };
    },
  };
}

function plainText(node) {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return node.children.map(plainText).join('');
  return '';
}

/** Remark plugin: `{#id}` → heading id; GitHub-style id of the text → `data-alias`. */
export function remarkHeadingIds() {
  return (tree, file) => {
    const slugger = new GithubSlugger();
    const seen = new Set();
    const where = file.history?.[0] ?? 'note';
    visit(tree, 'heading', (node) => {
      if (node.depth === 1) return;
      const last = node.children[node.children.length - 1];
      const match = last && last.type === 'text' ? /\s*\{#([A-Za-z][\w-]*)\}\s*$/.exec(last.value) : null;
      if (!match) {
        throw new Error(`${where}: heading "${plainText(node)}" has no explicit id; write it as "## 标题 {#ascii-id}"`);
      }
      const id = match[1];
      if (!ID_PATTERN.test(id)) throw new Error(`${where}: heading id "${id}" must be lowercase ASCII letters, digits and hyphens`);
      if (seen.has(id)) throw new Error(`${where}: duplicate heading id "${id}"`);
      seen.add(id);
      last.value = last.value.slice(0, match.index);
      if (last.value === '') node.children.pop();
      const alias = slugger.slug(plainText(node).trim());
      node.data ??= {};
      node.data.hProperties = { ...(node.data.hProperties ?? {}), id };
      if (alias && alias !== id) node.data.hProperties['data-alias'] = alias;
    });
  };
}
