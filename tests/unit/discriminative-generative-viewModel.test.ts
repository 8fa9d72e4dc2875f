import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/expectClose';
import { fitGaussianNB, predictNBProba } from '../../src/lib/classify/gaussianNB';
import { fitGDA, predictGDAProba } from '../../src/lib/classify/gda';
import { fitLogistic, predictLogisticProba } from '../../src/lib/classify/logistic';
import { combineLearningCurve, learningCurveChunk } from '../../src/lib/classify/learningCurve';
import { gaussianClasses } from '../../src/lib/data/gaussianClasses';
import { DEFAULT_STATE, TEST_SIZE, type DgState } from '../../src/components/sims/discriminative-generative/state';
import {
  cellCentredExtent, chineseError, computeScene, crossoverSentence, curveView, dataOptions, fitPair, GRID, lcConfig, lcKey,
  minValidSize, significantSigns, VIEW,
} from '../../src/components/sims/discriminative-generative/viewModel';

const state = (patch: Partial<DgState> = {}): DgState => ({ ...DEFAULT_STATE, ...patch });

describe('discriminative-generative view model: degenerate data', () => {
  const cases: [string, number[][], number[], RegExp][] = [
    ['empty', [], [], /没有数据点/],
    ['one class', [[0, 0], [1, 1], [2, 0]], [1, 1, 1], /只有一类/],
    ['a class with one point', [[0, 0], [1, 1], [2, 0]], [0, 0, 1], /类别 1 只有 1 个点/],
    ['identical points', [[1, 1], [1, 1], [1, 1], [1, 1]], [0, 1, 0, 1], /重合/],
    ['non-finite values', [[0, NaN], [1, 1], [2, 0], [3, 3]], [0, 0, 1, 1], /非有限/],
  ];
  for (const [name, X, y, re] of cases) {
    it(`${name} → a clear Chinese message, for every model`, () => {
      for (const gen of ['nb', 'lda', 'qda'] as const) {
        let message = '';
        try {
          fitPair({ X, y }, gen, 1);
        } catch (e) {
          message = chineseError(e);
        }
        expect(message).toMatch(re);
        expect(message).not.toMatch(/NaN|undefined|Infinity/);
      }
    });
  }
  it('unknown errors still give a Chinese sentence', () => {
    expect(chineseError(new Error('boom'))).toBe('数据退化，无法拟合模型。');
    expect(chineseError('x')).toBe('数据退化，无法拟合模型。');
  });
});

describe('discriminative-generative view model: what the figure shows matches src/lib', () => {
  it('the grids are P(y = 1 | x) of the fitted models at the cell centres', () => {
    const s = state({ gen: 'lda' });
    const v = computeScene(s);
    expect(v.error).toBeNull();
    const data = gaussianClasses({ ...dataOptions(s), n: s.n, seed: s.seed });
    const lr = fitLogistic(data.X, data.y, { C: s.c });
    const lda = fitGDA(data.X, data.y, { sharedCovariance: true });
    expectClose(v.lr!.coef, lr.coef, { abs: 1e-12 });
    const lat = cellCentredExtent(VIEW, GRID);
    const dx = (lat.xMax - lat.xMin) / (GRID - 1);
    for (const [i, j] of [[0, 0], [37, 61], [99, 99], [50, 2]] as const) {
      const x = [lat.xMin + i * dx, lat.yMin + j * dx];
      expectClose(v.lrGrid![j * GRID + i]!, predictLogisticProba(lr, x), { abs: 1e-6 });
      expectClose(v.genGrid![j * GRID + i]!, predictGDAProba(lda, x)[1]!, { abs: 1e-6 });
    }
    // The lattice tiles VIEW: cell i spans [xMin + iΔ, xMin + (i + 1)Δ].
    expectClose(lat.xMin - VIEW.xMin, (VIEW.xMax - VIEW.xMin) / GRID / 2, { abs: 1e-12 });
  });

  it('naive Bayes test error is the error of predictNBProba on fresh points', () => {
    const s = state();
    const v = computeScene(s);
    const data = gaussianClasses({ ...dataOptions(s), n: s.n, seed: s.seed });
    const nb = fitGaussianNB(data.X, data.y);
    let wrong = 0;
    data.X.forEach((x, i) => {
      if ((predictNBProba(nb, x)[1]! >= 0.5 ? 1 : 0) !== data.y[i]) wrong++;
    });
    expectClose(v.genTrain, wrong / s.n, { abs: 1e-12 });
    expect(v.lrTest).toBeGreaterThan(0);
    expect(v.lrTest).toBeLessThan(0.5);
    expect(v.summary).toContain(`${TEST_SIZE} 个新样本`);
    expect(v.summary).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('every state of the note gives finite numbers and probabilities in [0, 1]', () => {
    const patches: Partial<DgState>[] = [{}, { gen: 'lda' }, { gen: 'qda', shared: false }, { brk: 'crescent' }, { brk: 'heavyTail', out: 0.2 }, { sep: 0 }, { prior: 0.1, n: 20 }, { smp: 5 }, { c: 0.01 }, { c: 10000, sep: 5, sx0: 0.3, sy0: 0.3 }];
    for (const p of patches) {
      const v = computeScene(state(p));
      expect(v.error, JSON.stringify(p)).toBeNull();
      for (const g of [v.lrGrid!, v.genGrid!]) for (const val of g) expect(val >= 0 && val <= 1).toBe(true);
      for (const val of [v.lrTest, v.genTest, v.agree]) expect(Number.isFinite(val)).toBe(true);
      expect(v.summary).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('sampling draws n points from the fitted model, deterministic for the draw number', () => {
    const a = computeScene(state({ smp: 1 }));
    const b = computeScene(state({ smp: 1 }));
    const c = computeScene(state({ smp: 2 }));
    expect(a.samples.length).toBeGreaterThan(DEFAULT_STATE.n * 0.9);
    expect(a.samples).toEqual(b.samples);
    expect(a.samples).not.toEqual(c.samples);
    expect(computeScene(state()).samples).toEqual([]);
  });

  it('an axis-aligned shared covariance makes naive Bayes and logistic regression agree (the note’s claim)', () => {
    const v = computeScene(state({ rot0: 0, n: 1000 }));
    expect(v.agree).toBeGreaterThan(0.97);
    const tilted = computeScene(state({ sx0: 2, sy0: 0.4, rot0: 45 }));
    expect(tilted.genTest - tilted.lrTest).toBeGreaterThan(0.05);
  });
});

describe('discriminative-generative view model: learning curve', () => {
  it('uses the 10-D correlated data by default and the top panels’ data in 2-D mode', () => {
    const c = lcConfig(state());
    expect(c.data?.kind).toBe('correlated');
    expect(c.sizes.length).toBe(20);
    const d = lcConfig(state({ lc: '2d', prior: 0.1 }));
    expect(d.data?.kind).toBe('gaussian2d');
    expect(Math.round(d.sizes[0]! * 0.1)).toBeGreaterThanOrEqual(2);
    expect(lcKey(state({ sep: 3 }))).toBe(lcKey(state()));
    expect(lcKey(state({ rho: 0 }))).not.toBe(lcKey(state()));
    expect(minValidSize(0.5)).toBe(4);
  });

  it('describes a crossover, a tie and a one-sided result', () => {
    const sizes = [10, 20, 40, 80];
    expect(crossoverSentence(sizes, [0.4, 0.35, 0.3, 0.25], [0.3, 0.3, 0.3, 0.3], [1, 1, 0, -1], '朴素贝叶斯')).toContain('n ≤ 20 时朴素贝叶斯更准，n ≥ 80 起逻辑回归反超');
    expect(crossoverSentence(sizes, [0.3, 0.3, 0.3, 0.3], [0.3, 0.3, 0.3, 0.3], [0, 0, 0, 0], 'LDA')).toContain('误差范围内');
    expect(crossoverSentence(sizes, [0.2, 0.2, 0.2, 0.2], [0.3, 0.3, 0.3, 0.3], [-1, -1, -1, -1], 'LDA')).toContain('所有样本量下逻辑回归都更准');
    expect(crossoverSentence([], [], [], [], 'LDA')).toBe('学习曲线尚无结果。');
    expect(significantSigns([0.5, 0.3, 0.3], [0.01, 0.01, 0.01], [0.3, 0.3, 0.5], [0.01, 0.01, 0.01])).toEqual([1, 0, -1]);
  });

  it('a small run gives finite curves and a sentence without NaN', () => {
    const config = { ...lcConfig(state()), repeats: 2, testSize: 200 };
    const r = combineLearningCurve([learningCurveChunk(config, 0, 1), learningCurveChunk(config, 1, 2)]);
    const v = curveView(r, 'nb');
    expect(v.sentence).not.toMatch(/NaN|undefined|Infinity/);
    expect(v.yDomain[0]).toBeLessThan(v.yDomain[1]);
    expect(v.rows.length).toBe(config.sizes.length);
  });
});
