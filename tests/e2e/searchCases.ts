/** Queries readers type, and the page (and section, by ASCII id) each must return within the top results. */
export interface SearchCase {
  query: string;
  page: string;
  section?: string;
  /** How many top results to look in. @default 3 */
  within?: number;
}

export const SEARCH_CASES: SearchCase[] = [
  { query: '过拟', page: 'overfitting' },
  { query: '随机', page: 'random-forest' },
  { query: 'L1 正则', page: 'regularization' },
  { query: 'sigmoid', page: 'vanishing-gradients' },
  { query: 'BN', page: 'vanishing-gradients' },
  { query: 'Batch Normalization', page: 'vanishing-gradients' },
  { query: 'bagging', page: 'random-forest' },
  { query: '局内点', page: 'ransac' },
];
