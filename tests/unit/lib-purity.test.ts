import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** src/lib must run unchanged in Node, a worker and the page: no DOM, no UI, no global randomness. */
const FORBIDDEN: [RegExp, string][] = [
  [/\bMath\.random\b/, 'Math.random (inject an rng or seed)'],
  [/\b(document|window|localStorage|navigator)\s*\./, 'DOM globals'],
  [/from\s+['"](preact|preact\/.*|d3-selection|d3-transition|astro.*)['"]/, 'UI imports'],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('src/lib purity', () => {
  for (const file of files('src/lib')) {
    it(`${file} has no DOM, UI imports or Math.random`, () => {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      for (const [re, what] of FORBIDDEN) expect(re.test(code), `${file} uses ${what}`).toBe(false);
    });
  }
});
