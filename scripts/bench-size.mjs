#!/usr/bin/env node
// `npm run bench:size`: what every job page has to load. Each content script of the builds, as
// shipped (minified), against the 30 kB budget, whether React, Zod or the polyfill slipped in
// (validation belongs to the background), and whether it opens with V8's compile hint. With
// `--check` (a step of `npm test`) a script over the budget, with one of them inside or without
// the hint fails the run; without it the table is only printed. A missing build always fails.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const BUDGET = 30_000;
const BUILDS = ['chrome-mv3', 'firefox-mv2'];
/** Injected at run time (scripting.executeScript): the account pages' script, the limit banner and the page marks. */
const INJECTED = ['flows.js', 'banner.js', 'marks.js'];
/** Strings that only these libraries' code contains, minified or not. */
const MARKERS = {
  React: ['react.transitional.element', 'react.element', 'https://react.dev/errors/'],
  Zod: ['ZodError', '$ZodType'],
  polyfill: ['__mozWebExtensionPolyfillReject__'],
};

/**
 * V8's explicit compile hint, which wxt.config.ts puts at the top of every script run in careers
 * pages: without it a job view compiles its functions one by one as they are first called.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

const CHECK = process.argv.includes('--check');
const rows = [];
const failures = [];
for (const build of BUILDS) {
  const dir = join(ROOT, '.output', build, 'content-scripts');
  if (!existsSync(dir)) {
    if (CHECK) failures.push(`no ${build} build: run \`npx wxt build${build.startsWith('firefox') ? ' -b firefox' : ''}\` first`);
    continue;
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((f) => `content-scripts/${f}`);
  // The scripts the background injects into careers tabs that need them run on the page too.
  for (const injected of INJECTED) if (existsSync(join(ROOT, '.output', build, injected))) files.push(injected);
  for (const file of files) {
    const code = readFileSync(join(ROOT, '.output', build, file));
    const text = code.toString('utf8');
    const found = Object.entries(MARKERS)
      .filter(([, marks]) => marks.some((m) => text.includes(m)))
      .map(([name]) => name);
    if (code.length > BUDGET) failures.push(`${build}/${file} is ${code.length} bytes, over the ${BUDGET}-byte budget`);
    if (found.length) failures.push(`${build}/${file} contains ${found.join(', ')}`);
    const hinted = text.startsWith(COMPILE_HINT);
    if (!hinted) failures.push(`${build}/${file} does not start with V8's compile hint \`${COMPILE_HINT.trim()}\` (wxt.config.ts)`);
    rows.push([
      `${build}/${file}`,
      `${(code.length / 1000).toFixed(1)} kB`,
      `${(gzipSync(code).length / 1000).toFixed(1)} kB`,
      `${((code.length / BUDGET) * 100).toFixed(0)}%`,
      code.length <= BUDGET ? '' : `over by ${((code.length - BUDGET) / 1000).toFixed(1)} kB`,
      found.length ? found.join(', ') : 'none',
      hinted ? 'yes' : 'MISSING',
    ]);
  }
}

if (rows.length === 0) {
  console.error('bench:size: no content scripts in .output/*/content-scripts; run `npm run build` (and `npm run build:firefox`) first');
  process.exit(1);
}

const header = ['content script', 'minified', 'gzip', 'of 30 kB', 'budget', 'React/Zod/polyfill inside', 'compile hint'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  "sizes as built by `wxt build` (1 kB = 1000 bytes). Content scripts call the browser's own promise-based " +
    'runtime.sendMessage; wxt.config.ts keeps webextension-polyfill (~10 kB) for the background and pages only.',
);
if (CHECK && failures.length > 0) {
  for (const failure of failures) console.error(`bench:size: ${failure}`);
  process.exit(1);
}
