/** One figure's entry for the generic browser tests (tests/e2e/figures.test.ts). */
export interface FigureCase {
  /** Note slug the figure lives on. */
  slug: string;
  /** Figure id: URL parameter and `fig-<id>` element id. */
  fig: string;
  /** A state string to load via the URL. */
  state: string;
  /** Text the aria-live summary must contain once that state is loaded. */
  summaryContains: string;
}
