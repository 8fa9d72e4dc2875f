/**
 * Input validation shared by the tree and forest fitters: a RangeError naming the bad value for
 * anything a fitter cannot work with.
 */

/** Checks X (n × d, finite, n ≥ 1, d ≥ 1) and labels y in 0..K−1; returns the number of classes K. */
export function checkLabelledData(X: readonly (readonly number[])[], y: readonly number[], nClasses?: number): number {
  if (X.length === 0) throw new RangeError('X must have at least one row, got 0 rows');
  if (X.length !== y.length) throw new RangeError(`X and y must have the same length, got ${X.length} and ${y.length}`);
  const d = X[0]!.length;
  if (d === 0) throw new RangeError('X must have at least one feature, got rows of length 0');
  for (let i = 0; i < X.length; i++) {
    const row = X[i]!;
    if (row.length !== d) throw new RangeError(`every row of X must have ${d} features, row ${i} has ${row.length}`);
    for (let j = 0; j < d; j++) {
      if (!Number.isFinite(row[j])) throw new RangeError(`X[${i}][${j}] must be a finite number, got ${row[j]}`);
    }
  }
  if (nClasses !== undefined && (!Number.isInteger(nClasses) || nClasses < 1)) {
    throw new RangeError(`nClasses must be a positive integer, got ${nClasses}`);
  }
  let maxLabel = 0;
  for (let i = 0; i < y.length; i++) {
    const label = y[i]!;
    if (!Number.isInteger(label) || label < 0 || (nClasses !== undefined && label >= nClasses)) {
      const range = nClasses === undefined ? 'a non-negative integer' : `an integer in 0..${nClasses - 1}`;
      throw new RangeError(`label y[${i}] must be ${range}, got ${label}`);
    }
    if (label > maxLabel) maxLabel = label;
  }
  return nClasses ?? maxLabel + 1;
}

/** Throws a RangeError unless `value` is an integer ≥ `min` (Infinity allowed when `allowInfinity`). */
export function checkInteger(name: string, value: number, min: number, allowInfinity = false): void {
  const ok = (allowInfinity && value === Infinity) || (Number.isInteger(value) && value >= min);
  if (!ok) throw new RangeError(`${name} must be an integer ≥ ${min}${allowInfinity ? ' or Infinity' : ''}, got ${value}`);
}
