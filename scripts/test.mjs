#!/usr/bin/env node
// `npm test`: everything that has to pass, in order, each step reported. A step whose input
// failed (e.g. the end-to-end tests after a failed build) is not run and counts as failed, so
// the summary never reports success for something that did not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const bin = (name) => join(ROOT, 'node_modules/.bin', name);

// Every end-to-end file runs, grouped by the browser its name mentions (Chromium otherwise).
// Known to fail, by file name, and why; printed with the summary so a file is never silently left
// out. Empty now; a file put here still needs its fix.
/** @type {Record<string, string>} */
const KNOWN_FAILING = {};
const e2eFiles = readdirSync(join(ROOT, 'tests/e2e'))
  .filter((f) => f.endsWith('.e2e.ts') && !Object.hasOwn(KNOWN_FAILING, f))
  .sort()
  .map((f) => `tests/e2e/${f}`);
const firefoxFiles = e2eFiles.filter((f) => f.includes('firefox'));
const chromiumFiles = e2eFiles.filter((f) => !f.includes('firefox'));
// With no file named, vitest would run every file: an empty group is a failure instead.
const vitestE2e = (id, files) =>
  files.length > 0
    ? [...vitest(id), '--config', 'vitest.e2e.config.ts', ...files]
    : ['node', '-e', 'console.error("no end-to-end test files for this browser"); process.exit(1)'];

// Each Vitest run also writes a JSON report, so the summary at the end (the part of a long CI log
// most likely to be read) names the tests that failed.
const RESULTS = join(ROOT, 'test-results');
const reportOf = (id) => join(RESULTS, `${id}.json`);
const vitest = (id) => [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportOf(id)}`];

// Days the user sees are local days. Running the unit tests again at both ends of the clock
// catches any date read in UTC where the user's zone was meant, whatever zone CI runs in.
const ZONES = [
  { id: 'unit-utc+14', zone: 'Pacific/Kiritimati', label: 'UTC+14' },
  { id: 'unit-utc-12', zone: 'Etc/GMT+12', label: 'UTC−12' },
];

const STEPS = [
  { id: 'browsers', title: 'browsers (chromium, firefox-esr)', cmd: ['node', 'scripts/ensure-browsers.mjs'] },
  { id: 'types', title: 'type check (tsc --noEmit)', cmd: [bin('tsc'), '--noEmit'] },
  // typescript-eslint and the React hooks rules, from their own install (tools/lint).
  { id: 'lint', title: 'lint (eslint)', cmd: [join(ROOT, 'tools/lint/node_modules/.bin/eslint'), '.'] },
  // One formatting for every source file (.prettierrc.json; .prettierignore keeps the committed
  // data files and the hand-wrapped prose out); `npm run fix` rewrites what it reports.
  { id: 'format', title: 'format (prettier --check)', cmd: [bin('prettier'), '--check', '.', '--log-level', 'warn'] },
  // Unused files, exports and dependencies (knip.jsonc says what is run by name).
  { id: 'knip', title: 'dead code (knip)', cmd: [bin('knip'), '--no-progress'] },
  { id: 'unit', title: 'unit tests (vitest)', cmd: vitest('unit') },
  ...ZONES.map(({ id, zone, label }) => ({
    id,
    title: `unit tests in ${label}`,
    cmd: vitest(id),
    env: { TZ: zone },
  })),
  { id: 'build-chrome', title: 'build chrome-mv3', cmd: [bin('wxt'), 'build'] },
  { id: 'build-firefox', title: 'build firefox-mv2', cmd: [bin('wxt'), 'build', '-b', 'firefox'] },
  { id: 'lint-firefox', title: 'web-ext lint (firefox-mv2)', cmd: ['node', 'scripts/lint-firefox.mjs'], needs: ['build-firefox'] },
  // Every job page loads the content script: at most 30 kB minified, no React, Zod or polyfill.
  {
    id: 'size',
    title: 'content script budget (30 kB)',
    cmd: ['node', 'scripts/bench-size.mjs', '--check'],
    needs: ['build-chrome', 'build-firefox'],
  },
  {
    id: 'e2e-chromium',
    title: 'end-to-end: Chromium',
    cmd: vitestE2e('e2e-chromium', chromiumFiles),
    needs: ['browsers', 'build-chrome'],
  },
  {
    id: 'e2e-firefox',
    title: 'end-to-end: Firefox',
    cmd: vitestE2e('e2e-firefox', firefoxFiles),
    needs: ['browsers', 'build-firefox'],
  },
];

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

/** "file › test: first line of the error" for each failed test (or file) in a step's report. */
function failuresOf(id) {
  if (!existsSync(reportOf(id))) return [];
  try {
    const report = JSON.parse(readFileSync(reportOf(id), 'utf8'));
    const lines = [];
    for (const file of report.testResults ?? []) {
      const name = file.name.replace(`${ROOT}/`, '');
      const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
      for (const t of failed) {
        const why = (t.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 200);
        lines.push(`${name} › ${t.fullName ?? t.title}: ${why}`);
      }
      if (failed.length === 0 && file.status === 'failed') lines.push(`${name}: ${(file.message ?? '').split('\n')[0].slice(0, 200)}`);
    }
    return lines;
  } catch {
    return [];
  }
}

/** Tests passed and failed in a step's Vitest report; null when the step wrote none. */
function testCountsOf(id) {
  if (!existsSync(reportOf(id))) return null;
  try {
    const report = JSON.parse(readFileSync(reportOf(id), 'utf8'));
    if (typeof report.numPassedTests !== 'number' || typeof report.numFailedTests !== 'number') return null;
    return { passed: report.numPassedTests, failed: report.numFailedTests };
  } catch {
    return null;
  }
}

const results = new Map();
for (const step of STEPS) {
  const blockedBy = (step.needs ?? []).filter((id) => results.get(id)?.ok !== true);
  if (blockedBy.length > 0) {
    results.set(step.id, { ok: false, note: `not run: ${blockedBy.join(', ')} failed`, ms: 0 });
    console.log(`\n✗ ${step.title}: not run, because ${blockedBy.join(', ')} failed`);
    continue;
  }
  console.log(`\n▶ ${step.title}\n  $ ${step.cmd.map((a) => a.replace(`${ROOT}/`, '')).join(' ')}`);
  const started = Date.now();
  const [command, ...args] = step.cmd;
  const run = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const ms = Date.now() - started;
  const ok = run.status === 0;
  const note = ok ? '' : run.error ? run.error.message : `exit ${run.status ?? run.signal}`;
  results.set(step.id, { ok, note, ms });
}

console.log('\n── npm test ─────────────────────────────────────────');
for (const step of STEPS) {
  const r = results.get(step.id);
  const time = r.ms ? `${(r.ms / 1000).toFixed(1)} s` : '';
  console.log(`${r.ok ? '✓' : '✗'} ${step.title.padEnd(36)} ${time.padStart(8)}  ${r.note}`);
  if (!r.ok) for (const line of failuresOf(step.id).slice(0, 10)) console.log(`    ${line}`);
}
for (const [file, why] of Object.entries(KNOWN_FAILING)) console.log(`! not run: tests/e2e/${file}: ${why}`);
const failed = [...results.values()].filter((r) => !r.ok).length;
// The last line counts tests across all steps: each Vitest run's tests from its report, and each
// other step (type check, lint, builds, budget) as one. A Vitest step that failed without a
// report (it crashed, or was not run) counts as one failed test, so a failure never reads as none.
let testsPassed = 0;
let testsFailed = 0;
for (const step of STEPS) {
  const r = results.get(step.id);
  const report = r.ms ? testCountsOf(step.id) : null;
  if (report) {
    testsPassed += report.passed;
    testsFailed += report.failed;
    // Failed with every test passing: a file that did not load, or Vitest's own error.
    if (!r.ok && report.failed === 0) testsFailed += 1;
  } else if (r.ok) testsPassed += 1;
  else testsFailed += 1;
}
console.log(`${STEPS.length - failed} of ${STEPS.length} steps passed`);
console.log(`${testsPassed} passed, ${testsFailed} failed`);
process.exit(failed === 0 ? 0 : 1);
