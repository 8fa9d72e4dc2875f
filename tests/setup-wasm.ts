/** Vitest global setup: compile the AssemblyScript kernels (a no-op when they are up to date). */
import { buildWasm } from '../scripts/build-wasm.mjs';

export default async function setup(): Promise<void> {
  await buildWasm({ quiet: true });
}
