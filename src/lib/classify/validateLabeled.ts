/** Summary of a validated labelled data set: sizes, sorted classes and the rows of each class. */
export interface LabeledSummary {
  n: number;
  d: number;
  /** Distinct labels in ascending order (scikit-learn's `np.unique(y)`). */
  classes: number[];
  /** Row indices of each class, in the order of `classes`. */
  indexByClass: number[][];
}

/** Options for {@link validateLabeled}. */
export interface ValidateLabeledOptions {
  /**
   * Fewest rows every class must have.
   * @default 2
   */
  minPerClass?: number;
  /**
   * Required labels (e.g. [0, 1] for logistic regression); other labels are rejected.
   * @default undefined (any finite labels, at least two distinct)
   */
  labels?: readonly number[];
}

/**
 * Checks a classification data set and throws a RangeError (naming the bad value) for inputs no
 * model in src/lib/classify can fit: empty or ragged X, non-finite values, a label count that
 * differs from the row count, fewer than two classes, a class with fewer than `minPerClass` rows,
 * or all rows identical. The messages are short English sentences a figure may show as they are.
 */
export function validateLabeled(X: readonly (readonly number[])[], y: readonly number[], options: ValidateLabeledOptions = {}): LabeledSummary {
  const minPerClass = options.minPerClass ?? 2;
  const n = X.length;
  if (n === 0) throw new RangeError('X is empty: need at least one row per class');
  if (y.length !== n) throw new RangeError(`y has ${y.length} labels but X has ${n} rows`);
  const d = X[0]!.length;
  if (d === 0) throw new RangeError('X rows have no features');
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    if (row.length !== d) throw new RangeError(`X row ${i} has ${row.length} features, expected ${d}`);
    for (let j = 0; j < d; j++) {
      if (!Number.isFinite(row[j])) throw new RangeError(`X[${i}][${j}] is not a finite number: ${row[j]}`);
    }
    const label = y[i]!;
    if (!Number.isFinite(label)) throw new RangeError(`y[${i}] is not a finite number: ${label}`);
    if (options.labels && !options.labels.includes(label)) {
      throw new RangeError(`y[${i}] = ${label}; labels must be one of ${options.labels.join(', ')}`);
    }
  }
  const classes = Array.from(new Set(y)).sort((a, b) => a - b);
  if (classes.length < 2) throw new RangeError(`only one class (${classes[0]}) in y: need at least two classes`);
  const pos = new Map(classes.map((c, k) => [c, k]));
  const indexByClass: number[][] = classes.map(() => []);
  for (let i = 0; i < n; i++) indexByClass[pos.get(y[i]!)!]!.push(i);
  indexByClass.forEach((rows, k) => {
    if (rows.length < minPerClass) {
      throw new RangeError(`class ${classes[k]} has ${rows.length} point${rows.length === 1 ? '' : 's'}: need at least ${minPerClass} per class`);
    }
  });
  const first = X[0]!;
  const allSame = X.every((row) => row.every((v, j) => v === first[j]));
  if (allSame) throw new RangeError('all points are identical: the classes cannot be told apart');
  return { n, d, classes, indexByClass };
}

/** Largest per-feature population variance of X (scikit-learn's `np.var(X, axis=0).max()`). */
export function maxFeatureVariance(X: readonly (readonly number[])[]): number {
  const n = X.length;
  const d = X[0]?.length ?? 0;
  let best = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += X[i]![j]!;
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const t = X[i]![j]! - mean;
      ss += t * t;
    }
    best = Math.max(best, ss / n);
  }
  return best;
}
