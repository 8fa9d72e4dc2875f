import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIABETES_FEATURES, DIABETES_N, DIABETES_P, diabetesColumn, parseDiabetes } from '../../../src/lib/data/diabetes';
import { expectClose } from '../../helpers/expectClose';

const raw: unknown = JSON.parse(readFileSync('public/data/diabetes.json', 'utf8'));

describe('diabetes data (public/data/diabetes.json)', () => {
  it('parses as 442 × 10 with sklearn’s column names and Chinese labels', () => {
    const d = parseDiabetes(raw);
    expect(d.X.length).toBe(DIABETES_N);
    expect(d.y.length).toBe(DIABETES_N);
    expect(d.X.every((row) => row.length === DIABETES_P)).toBe(true);
    expect(d.featureNames).toEqual(['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6']);
    expect(DIABETES_FEATURES.map((f) => f.zh)).toEqual([
      '年龄', '性别', '体重指数', '平均血压', '总胆固醇 tc', '低密度脂蛋白 ldl', '高密度脂蛋白 hdl',
      '总胆固醇/HDL 比 tch', '甘油三酯(对数) ltg', '血糖 glu',
    ]);
  });

  it('has sklearn’s scaling: every column centred with unit Euclidean norm (8 significant digits)', () => {
    const d = parseDiabetes(raw);
    for (let j = 0; j < DIABETES_P; j++) {
      const col = diabetesColumn(d, j);
      // rounding each entry to 8 significant digits (|x| < 0.2) moves sums by at most ~442·5e-10
      expectClose(col.reduce((s, v) => s + v, 0), 0, { abs: 1e-6 });
      expectClose(col.reduce((s, v) => s + v * v, 0), 1, { abs: 1e-6 });
    }
  });

  it('keeps the raw target (disease progression 25 … 346, mean ≈ 152.13)', () => {
    const d = parseDiabetes(raw);
    expect(Math.min(...d.y)).toBe(25);
    expect(Math.max(...d.y)).toBe(346);
    // Efron et al. (2004), Table 1 / sklearn docs: mean of y is 152.133
    expectClose(d.y.reduce((s, v) => s + v, 0) / DIABETES_N, 152.133, { abs: 5e-4 });
  });

  it('rejects malformed JSON with a message naming the problem', () => {
    const d = parseDiabetes(raw);
    expect(() => parseDiabetes(null)).toThrow(TypeError);
    expect(() => parseDiabetes({ ...d, y: d.y.slice(1) })).toThrow(/"y"/);
    expect(() => parseDiabetes({ ...d, X: d.X.map((r, i) => (i === 3 ? [...r.slice(0, 9), 'x'] : r)) })).toThrow(/X\[3\]\[9\]/);
    expect(() => parseDiabetes({ ...d, featureNames: [...d.featureNames].reverse() })).toThrow(RangeError);
    expect(() => diabetesColumn(d, 10)).toThrow(RangeError);
  });
});
