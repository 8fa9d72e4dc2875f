/**
 * `npm test`: every test, in the order a failure is cheapest to see.
 *  1. unit and algorithm tests (Vitest)
 *  2. build the site at / (astro build + Pagefind) and run the checks that read dist/
 *  3. browser tests in Chromium against dist/, then the budgets: JS weight and layout shift, figure
 *     responsiveness (long tasks, input → frame), Lighthouse
 *  4. build again under a subpath (BASE_PATH=/ml-notes/) and run the checks and browser tests there
 * Ends with one line "N passed, M failed" summed over every stage.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv[2];
const results = [];
const reports = 'test-results';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`◀ ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${seconds}s`);
  return r.status === 0;
}

function vitest(name, config, env = {}) {
  const out = `${reports}/${name}.json`;
  const ok = run(name, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  let passed = 0, failed = ok ? 0 : 1;
  if (existsSync(out)) {
    const json = JSON.parse(readFileSync(out, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests + (json.numFailedTestSuites ?? 0) + (ok || json.numFailedTests > 0 ? 0 : 1);
    if (json.numPendingTests > 0) {
      console.error(`${name}: ${json.numPendingTests} skipped test(s): a skipped test is not allowed`);
      failed += json.numPendingTests;
    }
  }
  results.push({ name, passed, failed });
  return failed === 0;
}

/** A measuring script (budgets, Lighthouse, figure responsiveness): prints its table, exit code is the verdict. */
function check(name, file, env = {}) {
  const ok = run(name, 'node', [file], env);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

function build(name, env) {
  const ok = run(name, 'npm', ['run', 'build'], env);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

const stages = {
  unit: () => vitest('unit', 'vitest.config.ts'),
  root: () => build('build /', { BASE_PATH: '', OUT_DIR: 'dist' })
    && vitest('checks /', 'vitest.build.config.ts', { DIST_DIR: 'dist', E2E_BASE: '/' })
    && vitest('browser /', 'vitest.e2e.config.ts', { DIST_DIR: 'dist', E2E_BASE: '/' }),
  budgets: () => check('JS budget and layout shift', 'scripts/budgets.mjs', { DIST_DIR: 'dist', E2E_BASE: '/' }),
  perf: () => check('figure responsiveness', 'scripts/perf-figures.mjs', { DIST_DIR: 'dist', E2E_BASE: '/' }),
  lighthouse: () => check('Lighthouse', 'scripts/lighthouse.mjs', { DIST_DIR: 'dist', E2E_BASE: '/' }),
  sub: () => build('build /ml-notes/', { BASE_PATH: '/ml-notes/', OUT_DIR: 'dist-subpath' })
    && vitest('checks /ml-notes/', 'vitest.build.config.ts', { DIST_DIR: 'dist-subpath', E2E_BASE: '/ml-notes/' })
    && vitest('browser /ml-notes/', 'vitest.e2e.config.ts', { DIST_DIR: 'dist-subpath', E2E_BASE: '/ml-notes/', E2E_INCLUDE: 'tests/e2e/{site,search,figures,csp}.test.ts' }),
};

for (const [key, stage] of Object.entries(stages)) {
  if (only && only !== key) continue;
  stage();
}

console.log('\nSummary');
for (const r of results) console.log(`  ${r.failed === 0 ? '✓' : '✗'} ${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
