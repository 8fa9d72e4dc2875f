import type { FigureCase } from '../figureCase';

export default {
  slug: 'overfitting',
  fig: 'overfitting',
  state: 'v1,n:100,deg:9',
  summaryContains: '9 次多项式（λ = 0），100 个训练点',
} satisfies FigureCase;
