import type { FigureCase } from '../figureCase';

/** RANSAC on /notes/ransac/: iteration 3 at the note's step 5 is a discarded candidate (outcome 1). */
export default {
  slug: 'ransac',
  fig: 'ransac',
  state: 'v1,t:3,ph:5',
  summaryContains: '被舍弃（结局 1）',
} satisfies FigureCase;
