/**
 * Loads the WebAssembly kernels of the gradient probe (src/wasm/nn-kernels.ts) in the worker: the
 * relaxed-SIMD build where the engine has relaxed SIMD (fused multiply-add), else the SIMD build.
 * Resolves to null where WebAssembly SIMD is missing or the fetch fails; the figure then uses the
 * f64 JavaScript path, which gives the same plot more slowly.
 */
import { relaxedSimd, simd } from 'wasm-feature-detect';
import { createFastGradientProbe, type FastGradientProbe } from '../../../lib/nn/fastProbe';
import plainUrl from '../../../wasm/build/nn-kernels.wasm?url';
import relaxedUrl from '../../../wasm/build/nn-kernels.relaxed.wasm?url';

export type KernelKind = 'wasm-relaxed-simd' | 'wasm-simd' | 'js';

export async function loadFastProbe(): Promise<{ probe: FastGradientProbe | null; kind: KernelKind; error?: string }> {
  try {
    if (typeof WebAssembly !== 'object' || !(await simd())) return { probe: null, kind: 'js' };
    const relaxed = await relaxedSimd();
    const response = await fetch(relaxed ? relaxedUrl : plainUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const module = await WebAssembly.compile(await response.arrayBuffer());
    return { probe: createFastGradientProbe(module), kind: relaxed ? 'wasm-relaxed-simd' : 'wasm-simd' };
  } catch (e) {
    return { probe: null, kind: 'js', error: e instanceof Error ? e.message : String(e) };
  }
}
