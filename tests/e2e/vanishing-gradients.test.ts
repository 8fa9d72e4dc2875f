import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STATE, schema, VERSION } from '../../src/components/sims/vanishing-gradients/state';
import { computeGradients } from '../../src/components/sims/vanishing-gradients/viewModel';
import { decodeState } from '../../src/components/controls/urlState';
import { baseUrl, launch, watchConsole } from './browser';

/**
 * Vanishing-gradients: the worker computes the large settings with the WebAssembly SIMD kernels, and
 * the plotted numbers are the f64 reference's (computed here in Node) to the table's three digits.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(state: string, blockWasm = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watchConsole(page);
  if (blockWasm) await page.route(/nn-kernels[^/]*\.wasm$/, (route) => route.abort());
  await page.goto(`${baseUrl()}notes/vanishing-gradients/?vanishing-gradients=${state}#fig-vanishing-gradients`);
  await page.locator('.vg').scrollIntoViewIfNeeded();
  return { page, problems, close: () => context.close() };
}

/** Waits until the plot shows `state` computed by an engine other than the pre-rendered default. */
async function shown(page: Page, state: string) {
  const s = decodeState(schema, state, VERSION);
  const key = [s.depth, s.width, s.act, s.init, s.scale, s.bn ? 1 : 0, s.res ? 1 : 0, s.seed].join('|');
  await page.waitForFunction((key) => document.querySelector('.vg')?.getAttribute('data-grad-key') === key, key, { timeout: 30_000 });
  return { state: s, engine: await page.locator('.vg').getAttribute('data-grad-engine') };
}

/** "3.45×10⁻⁷" → 3.45e-7 (the table's formatSci). */
function parseSci(text: string): number {
  const sup: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  const m = /^(−?[\d.]+)(?:×10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/.exec(text.trim());
  if (!m) throw new Error(`not a number: ${text}`);
  const mant = Number(m[1]!.replace('−', '-'));
  const exp = m[2] ? Number([...m[2]].map((c) => sup[c]).join('')) : 0;
  return mant * 10 ** exp;
}

async function tableNorms(page: Page): Promise<number[]> {
  // Rows: layer, ‖∂L/∂W‖, previous setting.
  const cells = await page.locator('.vg .sim-table tbody tr td:nth-child(2)').allTextContents();
  return cells.map(parseSci);
}

describe('vanishing-gradients figure: WebAssembly gradient probe', () => {
  for (const state of ['v1,depth:50,width:128,act:relu,init:he', 'v1,depth:40,width:96,act:tanh,init:xavier,bn:1,res:1']) {
    it(`shows the f64 reference's norms for ${state}, computed in the worker by WebAssembly SIMD`, async () => {
      const { page, problems, close } = await open(state);
      const { state: s, engine } = await shown(page, state);
      expect(engine).toMatch(/^wasm-/);
      const ref = computeGradients({ ...DEFAULT_STATE, ...s });
      const got = await tableNorms(page);
      expect(got).toHaveLength(ref.norms.length);
      // Three significant digits on screen: relative rounding ≤ 5e-3, plus f32's ~1e-4.
      got.forEach((v, l) => expect(Math.abs(v / ref.norms[l]! - 1), `layer ${l + 1}`).toBeLessThan(6e-3));
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('falls back to the JavaScript path, with the same numbers, when the kernels cannot load', async () => {
    const state = 'v1,depth:20,width:64,act:sigmoid,init:standard';
    const { page, close } = await open(state, true);
    const { state: s, engine } = await shown(page, state);
    expect(engine).toBe('js');
    const ref = computeGradients({ ...DEFAULT_STATE, ...s });
    const got = await tableNorms(page);
    got.forEach((v, l) => expect(Math.abs(v / ref.norms[l]! - 1), `layer ${l + 1}`).toBeLessThan(6e-3));
    await close();
  });
});
