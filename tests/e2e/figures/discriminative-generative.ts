import type { FigureCase } from '../figureCase';

export default {
  slug: 'discriminative-vs-generative',
  fig: 'discgen',
  // LDA on data with 10 % far outliers in class 1: the summary names LDA and reports its test error.
  state: 'v1,gen:lda,out:0.1',
  summaryContains: 'LDA 12.0%',
} satisfies FigureCase;
