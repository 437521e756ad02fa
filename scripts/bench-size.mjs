#!/usr/bin/env node
// `npm run bench:size`: what every job page has to load. Each content script of the builds, as
// shipped (minified), against the 30 kB budget of issue 2, and whether React or Zod slipped in
// (validation belongs to the background). Prints only; a missing build is the one failure.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const BUDGET = 30_000;
const BUILDS = ['chrome-mv3', 'firefox-mv2'];
/** Injected at run time (scripting.executeScript): the account pages' script and the page marks. */
const INJECTED = ['flows.js', 'marks.js'];
/** Strings that only these libraries' code contains, minified or not. */
const MARKERS = {
  React: ['react.transitional.element', 'react.element', 'https://react.dev/errors/'],
  Zod: ['ZodError', '$ZodType'],
  polyfill: ['__mozWebExtensionPolyfillReject__'],
};

const rows = [];
for (const build of BUILDS) {
  const dir = join(ROOT, '.output', build, 'content-scripts');
  if (!existsSync(dir)) continue;
  const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => `content-scripts/${f}`);
  // The scripts the background injects into careers tabs that need them run on the page too.
  for (const injected of INJECTED) if (existsSync(join(ROOT, '.output', build, injected))) files.push(injected);
  for (const file of files) {
    const code = readFileSync(join(ROOT, '.output', build, file));
    const text = code.toString('utf8');
    const found = Object.entries(MARKERS)
      .filter(([, marks]) => marks.some((m) => text.includes(m)))
      .map(([name]) => name);
    rows.push([
      `${build}/${file}`,
      `${(code.length / 1000).toFixed(1)} kB`,
      `${(gzipSync(code).length / 1000).toFixed(1)} kB`,
      `${((code.length / BUDGET) * 100).toFixed(0)}%`,
      code.length <= BUDGET ? '' : `over by ${((code.length - BUDGET) / 1000).toFixed(1)} kB`,
      found.length ? found.join(', ') : 'none',
    ]);
  }
}

if (rows.length === 0) {
  console.error('bench:size: no content scripts in .output/*/content-scripts; run `npm run build` (and `npm run build:firefox`) first');
  process.exit(1);
}

const header = ['content script', 'minified', 'gzip', 'of 30 kB', 'budget', 'React/Zod/polyfill inside'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log(
  'sizes as built by `wxt build` (1 kB = 1000 bytes). Content scripts call the browser\'s own promise-based ' +
    'runtime.sendMessage; wxt.config.ts keeps webextension-polyfill (~10 kB) for the background and pages only.',
);
