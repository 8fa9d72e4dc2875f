import { expect } from 'vitest';

/** Tolerance for {@link expectClose}: passes when |a − e| ≤ abs + rel·|e|. */
export interface Tolerance {
  abs?: number;
  rel?: number;
}

/**
 * Recursive float comparison for numbers, arrays and plain objects. Every float assertion in the
 * project goes through here so that each one states its tolerance.
 */
export function expectClose(actual: unknown, expected: unknown, tol: Tolerance, path = '$'): void {
  const abs = tol.abs ?? 0;
  const rel = tol.rel ?? 0;
  if (abs === 0 && rel === 0) throw new Error('expectClose needs a tolerance: abs or rel > 0');
  if (typeof expected === 'number') {
    expect(typeof actual, `${path} should be a number`).toBe('number');
    const a = actual as number;
    if (Number.isNaN(expected)) {
      expect(Number.isNaN(a), `${path} should be NaN`).toBe(true);
      return;
    }
    if (!Number.isFinite(expected)) {
      expect(a, path).toBe(expected);
      return;
    }
    const err = Math.abs(a - expected);
    const bound = abs + rel * Math.abs(expected);
    if (!(err <= bound)) {
      throw new Error(`${path}: expected ${expected} ± ${bound.toExponential(2)}, got ${a} (|diff| = ${err.toExponential(3)})`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} should be an array`).toBe(true);
    const a = actual as unknown[];
    expect(a.length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose(a[i], e, tol, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', `${path} should be an object`).toBe(true);
    for (const key of Object.keys(expected)) {
      expectClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], tol, `${path}.${key}`);
    }
    return;
  }
  expect(actual, path).toEqual(expected);
}
