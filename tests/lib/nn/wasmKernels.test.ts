/**
 * The element-wise WebAssembly kernels behind src/lib/nn/fastProbe.ts, called directly: the SIMD
 * sigmoid and tanh (own exp polynomial) against JavaScript's, over the whole f64 range.
 * Tolerance: 1e-13 relative (or 1e-300 absolute for results that underflow towards 0).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../src/lib/nn/activations';

const kernels = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(new URL('../../../src/wasm/build/nn-kernels.wasm', import.meta.url))), {})
  .exports as unknown as { memory: WebAssembly.Memory; heapBase(): number; activate(U: number, H: number, D: number, len: number, act: number, leak: number): void };

function run(act: number, zs: number[]) {
  const n = zs.length;
  const U = kernels.heapBase();
  const H = U + n * 8 + 16;
  const D = H + n * 8 + 16;
  const need = D + n * 8 - kernels.memory.buffer.byteLength;
  if (need > 0) kernels.memory.grow(Math.ceil(need / 65536));
  new Float64Array(kernels.memory.buffer, U, n).set(zs);
  kernels.activate(U, H, D, n, act, 0.01);
  return { h: Array.from(new Float64Array(kernels.memory.buffer, H, n)), d: Array.from(new Float64Array(kernels.memory.buffer, D, n)) };
}

function close(got: number, want: number, what: string) {
  if (Number.isNaN(want)) return expect(got, what).toBeNaN();
  const err = Math.abs(got - want);
  expect(err <= 1e-13 * Math.abs(want) || err <= 1e-300, `${what}: got ${got}, want ${want}`).toBe(true);
}

// Extremes, both tanh branches (|z| below and above 1/16), subnormal exp results, and a dense sweep.
const grid = [-Infinity, -1e308, -800, -746, -745, -709, -708, -100, -40, -20, -3, -1, -0.0625, -0.0624, -1e-3, -1e-9, -1e-300, -0, 0, 1e-300, 1e-9, 1e-3, 0.0624, 0.0625, 0.07, 0.5, 1, 2.5, 3, 20, 40, 100, 709, 800, 1e308, Infinity, Number.NaN];
for (let z = -60; z <= 60; z += 0.0137) grid.push(z);
grid.push(0.25); // odd count: the scalar tail runs too

describe('WebAssembly element-wise kernels', () => {
  it('sigmoid and σ′ agree with the JavaScript stable form', () => {
    const { h, d } = run(0, grid);
    grid.forEach((z, i) => {
      const s = sigmoid(z);
      close(h[i]!, s, `σ(${z})`);
      close(d[i]!, s * (1 - s), `σ′(${z})`);
    });
  });

  it('tanh and tanh′ agree with Math.tanh', () => {
    const { h, d } = run(1, grid);
    grid.forEach((z, i) => {
      const t = Math.tanh(z);
      close(h[i]!, t, `tanh(${z})`);
      // 1 − t² loses relative precision where t² ≈ 1; compare absolutely there.
      expect(Math.abs(d[i]! - (1 - t * t)) <= 1e-13 || (Number.isNaN(t) && Number.isNaN(d[i]!)), `tanh′(${z})`).toBe(true);
    });
  });

  it('ReLU and leaky ReLU: φ′(0) = 0 (ReLU) and the left slope, −∞ maps to 0 / −∞', () => {
    const zs = [-Infinity, -2, -0, 0, 1e-300, 3, Infinity];
    const relu = run(2, zs);
    expect(relu.h).toEqual([0, 0, 0, 0, 1e-300, 3, Infinity]);
    expect(relu.d).toEqual([0, 0, 0, 0, 1, 1, 1]);
    const leaky = run(3, zs);
    expect(leaky.h).toEqual([-Infinity, -0.02, -0, 0, 1e-300, 3, Infinity]);
    expect(leaky.d).toEqual([0.01, 0.01, 0.01, 0.01, 1, 1, 1]);
  });
});
