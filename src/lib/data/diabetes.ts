/**
 * The diabetes data of Efron, Hastie, Johnstone & Tibshirani (2004, "Least Angle Regression"), as
 * scikit-learn's `load_diabetes()` ships it: 442 patients, 10 baseline variables, each column centred
 * and scaled to unit Euclidean norm, and the raw target (disease progression one year later).
 *
 * The numbers live in `public/data/diabetes.json` (written by scripts/fixtures/regularization.py,
 * rounded to 8 significant digits); a figure fetches it at runtime and passes the parsed JSON through
 * {@link parseDiabetes}. This module does no I/O.
 */

/** Number of patients (rows). */
export const DIABETES_N = 442;

/** Number of baseline variables (columns). */
export const DIABETES_P = 10;

/** One feature: sklearn's column name, an English label and the Chinese term used on the site. */
export interface DiabetesFeature {
  /** Column name in sklearn (`age`, `sex`, `bmi`, `bp`, `s1` … `s6`). */
  key: string;
  /** English name (Efron et al. 2004 use tc, ldl, hdl, tch, ltg, glu for s1–s6). */
  en: string;
  /** Chinese name. */
  zh: string;
}

/** The ten features in column order, with English and Chinese names. */
export const DIABETES_FEATURES: readonly DiabetesFeature[] = [
  { key: 'age', en: 'age', zh: '年龄' },
  { key: 'sex', en: 'sex', zh: '性别' },
  { key: 'bmi', en: 'body mass index (bmi)', zh: '体重指数' },
  { key: 'bp', en: 'average blood pressure (bp)', zh: '平均血压' },
  { key: 's1', en: 'total serum cholesterol (tc)', zh: '总胆固醇 tc' },
  { key: 's2', en: 'low-density lipoproteins (ldl)', zh: '低密度脂蛋白 ldl' },
  { key: 's3', en: 'high-density lipoproteins (hdl)', zh: '高密度脂蛋白 hdl' },
  { key: 's4', en: 'total cholesterol / HDL (tch)', zh: '总胆固醇/HDL 比 tch' },
  { key: 's5', en: 'log of serum triglycerides (ltg)', zh: '甘油三酯(对数) ltg' },
  { key: 's6', en: 'blood sugar level (glu)', zh: '血糖 glu' },
];

/** The JSON in public/data/diabetes.json. */
export interface DiabetesData {
  /** Where the numbers come from. */
  source: string;
  /** sklearn's column names, in column order (matches {@link DIABETES_FEATURES}). */
  featureNames: string[];
  /** 442 × 10 scaled features (rows are patients). */
  X: number[][];
  /** 442 raw targets (a quantitative measure of disease progression, 25 … 346). */
  y: number[];
}

/**
 * Checks that `json` has the shape of {@link DiabetesData} (442 × 10 finite X, 442 finite y, the ten
 * expected feature names) and returns it typed; throws a TypeError or RangeError naming the problem.
 */
export function parseDiabetes(json: unknown): DiabetesData {
  if (json === null || typeof json !== 'object') throw new TypeError('diabetes data must be a JSON object');
  const o = json as Record<string, unknown>;
  const { source, featureNames, X, y } = o;
  if (typeof source !== 'string') throw new TypeError('diabetes data: "source" must be a string');
  if (!Array.isArray(featureNames) || featureNames.length !== DIABETES_P) {
    throw new RangeError(`diabetes data: "featureNames" must list ${DIABETES_P} names`);
  }
  featureNames.forEach((name, j) => {
    if (name !== DIABETES_FEATURES[j]!.key) {
      throw new RangeError(`diabetes data: feature ${j} should be "${DIABETES_FEATURES[j]!.key}", got ${JSON.stringify(name)}`);
    }
  });
  if (!Array.isArray(X) || X.length !== DIABETES_N) throw new RangeError(`diabetes data: "X" must have ${DIABETES_N} rows`);
  X.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== DIABETES_P) {
      throw new RangeError(`diabetes data: X row ${i} must have ${DIABETES_P} numbers`);
    }
    row.forEach((v: unknown, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`diabetes data: X[${i}][${j}] is not a finite number`);
    });
  });
  if (!Array.isArray(y) || y.length !== DIABETES_N) throw new RangeError(`diabetes data: "y" must have ${DIABETES_N} entries`);
  y.forEach((v: unknown, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`diabetes data: y[${i}] is not a finite number`);
  });
  return { source, featureNames: featureNames as string[], X: X as number[][], y: y as number[] };
}

/** Column j of the feature matrix (e.g. bmi is column 2). */
export function diabetesColumn(data: DiabetesData, j: number): number[] {
  if (!Number.isInteger(j) || j < 0 || j >= DIABETES_P) throw new RangeError(`column must be an integer in [0, ${DIABETES_P - 1}], got ${j}`);
  return data.X.map((row) => row[j]!);
}
