import type { FigureCase } from '../figureCase';

export default {
  slug: 'regularization',
  fig: 'regularization',
  // w* moved above the diagonal: the L1 solution lands on the other corner (0, 1)
  state: 'v1,wx:0.6,wy:2.2',
  summaryContains: 'w₁ 恰为 0',
} satisfies FigureCase;
