/**
 * Compiles the AssemblyScript kernels in src/wasm/ to WebAssembly (128-bit SIMD on, -O3):
 *   node scripts/build-wasm.mjs            (skips the compile when source and compiler are unchanged)
 * Output (not committed): src/wasm/build/nn-kernels.wasm (SIMD) and nn-kernels.relaxed.wasm (SIMD with
 * relaxed SIMD's fused multiply-add, for engines that validate it). `npm run build`, `npm run dev` and the unit
 * tests call this first, so a fresh clone needs nothing else.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BASE = ['-O3', '--noAssert', '--runtime', 'stub', '--initialMemory', '1', '--enable', 'simd'];
const TARGETS = [
  { src: 'nn-kernels', out: 'nn-kernels', flags: BASE },
  { src: 'nn-kernels', out: 'nn-kernels.relaxed', flags: [...BASE, '--enable', 'relaxed-simd'] },
];

export async function buildWasm({ quiet = false } = {}) {
  const version = JSON.parse(readFileSync(join(root, 'node_modules/assemblyscript/package.json'), 'utf8')).version;
  mkdirSync(join(root, 'src/wasm/build'), { recursive: true });
  for (const { src: name, out: outName, flags } of TARGETS) {
    const src = join(root, 'src/wasm', `${name}.ts`);
    const out = join(root, 'src/wasm/build', `${outName}.wasm`);
    const stamp = `${out}.sha256`;
    const hash = createHash('sha256').update(readFileSync(src)).update(version).update(flags.join(' ')).digest('hex');
    if (existsSync(out) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) continue;
    const { error, stderr } = await asc.main([src, '-o', out, ...flags]);
    if (error) {
      throw new Error(`asc failed for src/wasm/${name}.ts:\n${stderr.toString()}`);
    }
    writeFileSync(stamp, hash);
    if (!quiet) console.log(`build-wasm: src/wasm/build/${outName}.wasm (${readFileSync(out).length} bytes)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildWasm();
