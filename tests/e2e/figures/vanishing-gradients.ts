import type { FigureCase } from '../figureCase';

export default {
  slug: 'vanishing-gradients',
  fig: 'vanishing-gradients',
  // ReLU + He at 30 hidden layers: the summary names the setting and the depth.
  state: 'v1,depth:30,act:relu,init:he',
  summaryContains: 'ReLU、He 初始化，30 个隐藏层',
} satisfies FigureCase;
