import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    basePath: string;
  }
}

/** Serves DIST_DIR (default dist/) under BASE_PATH (default /) for the browser tests. */
export default async function setup(project: TestProject) {
  const basePath = process.env['E2E_BASE'] ?? '/';
  const server = await serve({ dir: process.env['DIST_DIR'] ?? 'dist', base: basePath });
  project.provide('baseUrl', server.url as string);
  project.provide('basePath', basePath);
  return async () => server.close();
}
