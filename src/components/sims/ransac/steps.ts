/**
 * Moving through the step-through: a position is (iteration t, note step ph); t = 0 is the finished run.
 * Pure, so the play loop, the buttons and the tests share one definition.
 */

export interface Position {
  /** 1-based iteration; 0 = the finished run. */
  t: number;
  /** The note's step 1–5. */
  ph: number;
}

/** One step (or one whole iteration, shown at its outcome) forward; after the last one comes the result (t = 0). */
export function nextPosition(pos: Position, total: number, unit: 'step' | 'iter', skipped: boolean): Position {
  if (total <= 0) return { t: 0, ph: 1 };
  const t = Math.min(pos.t, total);
  if (t === 0) return { t: 1, ph: unit === 'iter' ? 5 : 1 };
  if (unit === 'iter' || skipped || pos.ph >= 5) return t >= total ? { t: 0, ph: 1 } : { t: t + 1, ph: unit === 'iter' ? 5 : 1 };
  return { t, ph: pos.ph + 1 };
}

/** One step (or iteration) back; from the result it goes to the last iteration's outcome (step 5). */
export function prevPosition(pos: Position, total: number, unit: 'step' | 'iter', skipped: boolean): Position {
  if (total <= 0) return { t: 0, ph: 1 };
  const t = Math.min(pos.t, total);
  if (t === 0) return { t: total, ph: 5 };
  if (unit === 'iter' || skipped || pos.ph <= 1) return t <= 1 ? { t: 1, ph: 1 } : { t: t - 1, ph: 5 };
  return { t, ph: pos.ph - 1 };
}
