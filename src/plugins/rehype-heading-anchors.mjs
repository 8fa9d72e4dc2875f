/**
 * Wraps each h2–h4 of a note in `<div class="heading">`, beside (not inside) the heading:
 * - an empty `<span id="alias">` for the GitHub-style id of the heading text, so old links land here;
 * - a copy-link anchor (`href="#id"`, enhanced by JS into "copy the full URL").
 * Keeping these outside the `<hN>` keeps the heading text, the TOC and the search index clean.
 */
import { toString } from 'hast-util-to-string';

const WRAP = new Set(['h2', 'h3', 'h4']);

export function rehypeHeadingAnchors() {
  return (tree) => {
    const taken = new Set();
    collectIds(tree, taken);
    walk(tree, taken);
  };
}

function collectIds(node, taken) {
  if (node.type === 'element' && typeof node.properties?.id === 'string') taken.add(node.properties.id);
  for (const child of node.children ?? []) collectIds(child, taken);
}

function walk(parent, taken) {
  if (!parent.children) return;
  parent.children = parent.children.map((node) => {
    if (node.type !== 'element') return node;
    if (!WRAP.has(node.tagName) || typeof node.properties?.id !== 'string') {
      walk(node, taken);
      return node;
    }
    const id = node.properties.id;
    const alias = node.properties.dataAlias ?? node.properties['data-alias'];
    delete node.properties.dataAlias;
    delete node.properties['data-alias'];
    const title = toString(node).trim();
    const children = [];
    if (typeof alias === 'string' && !taken.has(alias)) {
      taken.add(alias);
      children.push({ type: 'element', tagName: 'span', properties: { id: alias, className: ['heading-alias'], ariaHidden: 'true' }, children: [] });
    }
    children.push(node, {
      type: 'element',
      tagName: 'a',
      properties: {
        href: `#${id}`,
        className: ['copy-link'],
        dataCopyLink: '',
        dataPagefindIgnore: '',
        ariaLabel: `复制链接：${title}`,
        title: '复制链接',
      },
      children: [
        { type: 'element', tagName: 'span', properties: { ariaHidden: 'true', className: ['copy-link-icon'] }, children: [{ type: 'text', value: '#' }] },
        { type: 'element', tagName: 'span', properties: { className: ['copy-link-text'] }, children: [{ type: 'text', value: '复制链接' }] },
      ],
    });
    return { type: 'element', tagName: 'div', properties: { className: ['heading', `heading-${node.tagName}`] }, children };
  });
}
