import type { FigureCase } from '../figureCase';

export default {
  slug: 'random-forest',
  fig: 'random-forest',
  // Bagging (m = p) with 4 noise features and 120 trees, bootstrap on.
  state: 'v1,extra:4,trees:120,mf:6',
  summaryContains: '120 棵树的随机森林',
} satisfies FigureCase;
