/** Queries readers type, and the page (and section, by ASCII id) each must return within the top results. */
export interface SearchCase {
  query: string;
  page: string;
  section?: string;
  /** How many top results to look in. @default 3 */
  within?: number;
}

export const SEARCH_CASES: SearchCase[] = [
  { query: '过拟', page: 'overfitting', section: 'definition', within: 1 },
  { query: '随机', page: 'random-forest', section: 'feature-subsampling', within: 1 },
  { query: 'L1 正则', page: 'regularization', section: 'definitions', within: 1 },
  { query: 'sigmoid', page: 'vanishing-gradients', section: 'activation-choice', within: 1 },
  { query: 'BN', page: 'vanishing-gradients', section: 'batch-norm', within: 1 },
  { query: 'Batch Normalization', page: 'vanishing-gradients', section: 'batch-norm', within: 1 },
  { query: 'bagging', page: 'random-forest', section: 'bagging', within: 1 },
  { query: '局内点', page: 'ransac', section: 'steps', within: 1 },
  { query: '袋外', page: 'random-forest', section: 'oob-error', within: 1 },
  { query: '软阈值', page: 'regularization', section: 'why-sparse', within: 1 },
  { query: '朴素贝叶斯', page: 'discriminative-vs-generative', section: 'nb-vs-lr', within: 1 },
  { query: '迭代次数', page: 'ransac', section: 'iterations', within: 1 },
  { query: '梯度爆炸', page: 'vanishing-gradients', within: 1 },
  { query: '残差连接', page: 'vanishing-gradients', within: 1 },
];
